package emu

import (
	"fmt"
	"sort"
	"unsafe"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/image"
	"github.com/beamrc/beamrc/runtime/term"
)

// NativeProgram is the native code of a built executable, as the
// generated main package hands it over (runtime/boot).
type NativeProgram struct {
	Image *image.Image
	Base  uintptr // address of the code blob
	// Enter is the trampoline: it calls the blob at pc with ctx in the
	// context register and returns when native code exits.
	Enter func(ctx unsafe.Pointer, pc uintptr)
}

// native is the installed native code of a system.
type native struct {
	enter    func(ctx unsafe.Pointer, pc uintptr)
	base     uintptr
	literals []term.Term // kept alive: native code reads it by address
	callees  []nativeCallee
	sites    *siteTable
	// funIndices (image fun index → global fun index, as a small integer)
	// and funEntries are the tables native code reads through
	// Context.FunIndices and Context.FunEntries (see runtime/abi).
	funIndices []term.Term
	funEntries []uint64
	// replaced holds the instructions iNative replaced at function
	// entries, which native code may still ask to step (nativeStep).
	replaced map[int]*instr
}

// nativeCallee is a function native code calls through the runtime.
type nativeCallee struct {
	mfa MFA
	pc  int // code index of an Erlang function; 0 when bif or undef
	bif BIF // a BIF; nil otherwise
}

// nativeSite maps a blob offset to the code index of the BEAM
// instruction it stands for.
type nativeSite struct {
	offset uint32
	pc     int32
}

// InstallNative registers the native functions of a program with the
// system, which must be linked. From then on every way into one of those
// functions (calls, funs, apply, spawn) runs its native code: the
// function's entry instruction becomes iNative.
func (s *System) InstallNative(np NativeProgram) error {
	if !s.linked {
		if err := s.Link(); err != nil {
			return err
		}
	}
	im := np.Image
	n := &native{enter: np.Enter, base: np.Base}
	atom := func(i uint32) term.Term { return term.MakeAtom(i) }
	module := func(i uint32) (*Module, error) {
		m, ok := s.modules[atom(i)]
		if !ok || m.exports == nil {
			return nil, fmt.Errorf("native image: module %s is not loaded", term.AtomName(atom(i)))
		}
		return m, nil
	}

	// Function entries first: sites are relative to them.
	entries := make([]int, len(im.Functions))
	for i, f := range im.Functions {
		m, err := module(f.Module)
		if err != nil {
			return err
		}
		pc, ok := m.locals[funKey{atom(f.Name), int(f.Arity)}]
		if !ok || pc < 1 || s.code[pc-1].op != iFuncInfo {
			return fmt.Errorf("native image: %s:%s/%d has no interpreted entry", term.AtomName(m.Name), term.AtomName(atom(f.Name)), f.Arity)
		}
		entries[i] = int(pc)
	}
	n.literals = make([]term.Term, max(len(im.Literals), 1))
	for i, l := range im.Literals {
		switch l.Kind {
		case image.LiteralTable:
			m, err := module(l.Module)
			if err != nil {
				return err
			}
			if int(l.Index) >= len(m.literals) {
				return fmt.Errorf("native image: literal %d of %s out of range", l.Index, term.AtomName(m.Name))
			}
			n.literals[i] = m.literals[l.Index]
		case image.LiteralInteger:
			// Built once, where the interpreter's constants live too: the
			// collector neither moves nor frees the literal area.
			n.literals[i] = term.MakeBigInt(heap.Literals, l.Integer)
		default:
			return fmt.Errorf("native image: literal kind %d", l.Kind)
		}
	}
	for _, c := range im.Callees {
		mfa := MFA{atom(c.Module), atom(c.Name), int(c.Arity)}
		nc := nativeCallee{mfa: mfa}
		switch c.Kind {
		case image.CalleeLocal:
			m, err := module(c.Module)
			if err != nil {
				return err
			}
			pc, ok := m.locals[funKey{mfa.Function, mfa.Arity}]
			if !ok {
				return fmt.Errorf("native image: no local function %s", mfa)
			}
			nc.pc = int(pc)
		case image.CalleeExternal:
			if b, ok := LookupBIF(mfa); ok {
				nc.bif = b.Fn
			} else if pc, ok := s.lookupExport(mfa.Module, mfa.Function, mfa.Arity); ok {
				nc.pc = int(pc)
			}
		case image.CalleeBIF:
			if b, ok := LookupBIF(mfa); ok {
				nc.bif = b.Fn
			}
		}
		n.callees = append(n.callees, nc)
	}
	n.funIndices = make([]term.Term, 0, max(len(im.Funs), 1))
	for _, f := range im.Funs {
		m, err := module(f.Module)
		if err != nil {
			return err
		}
		if int(f.Index) >= len(m.lambdaFun) {
			return fmt.Errorf("native image: fun %d of %s out of range", f.Index, term.AtomName(m.Name))
		}
		n.funIndices = append(n.funIndices, term.MakeSmall(int64(m.lambdaFun[f.Index])))
	}
	sites := make([]nativeSite, 0, len(im.Sites))
	for _, st := range im.Sites {
		if int(st.Function) >= len(entries) {
			return fmt.Errorf("native image: site of function %d out of range", st.Function)
		}
		// Site indices count from func_info, which is entry-1.
		sites = append(sites, nativeSite{offset: st.Offset, pc: int32(entries[st.Function] - 1 + int(st.Index))})
	}
	sort.Slice(sites, func(i, j int) bool { return sites[i].offset < sites[j].offset })
	n.sites = newSiteTable(sites)

	n.funEntries = s.nativeFunEntries(im, entries)

	n.replaced = make(map[int]*instr, len(entries))
	for i, f := range im.Functions {
		orig := s.code[entries[i]]
		n.replaced[entries[i]] = &orig
		s.code[entries[i]] = instr{op: iNative, n1: int32(f.Offset)}
	}
	s.native = n
	return nil
}

// nativeFunEntries builds the native fun table (abi.Context.FunEntries)
// over the lambdas of this system's modules whose functions are native.
func (s *System) nativeFunEntries(im *image.Image, entries []int) []uint64 {
	offset := make(map[int]uint32, len(entries))
	for i, f := range im.Functions {
		offset[entries[i]] = f.Offset
	}
	var table []uint64
	for _, m := range s.modules {
		for _, g := range m.lambdaFun {
			info := term.Fun(g)
			lc, ok := info.Code.(*lambdaCode)
			if !ok {
				continue
			}
			off, ok := offset[int(lc.entry)]
			if !ok {
				continue
			}
			for int(g) >= len(table) {
				table = append(table, 0)
			}
			table[g] = abi.FunEntry(info.Arity, off)
		}
	}
	if len(table) == 0 {
		table = make([]uint64, 1) // an address to hand out; FunEntryCount stays 0
		return table[:0:1]
	}
	return table
}

// sitePC returns the code index of the instruction native code at the
// CP or resume address cp stands for (0 if unknown).
func (s *System) sitePC(cp uint64) int {
	if s.native == nil {
		return 0
	}
	return s.native.sites.lookup(uint32(abi.CPTarget(cp)))
}

// callerPC returns the code index of the call instruction that pushed
// continuation pointer w, for stack traces.
func (s *System) callerPC(w term.Term) int {
	if abi.IsNativeCP(uint64(w)) {
		return s.sitePC(uint64(w))
	}
	cp := cpIndex(w)
	if cp < numReserved {
		return 0
	}
	return cp - 1
}
