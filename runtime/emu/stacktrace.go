package emu

import (
	"sync"
	"sync/atomic"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// BacktraceDepth is how many frames a stack trace keeps (OTP's default
// for the backtrace_depth system flag).
const BacktraceDepth = abi.BacktraceDepth

// bifLocation is the Location of a failing BIF's frame: OTP 24+ points
// at the module that explains the error (EEP 54), erl_erts_errors for
// the erlang module's BIFs and erl_stdlib_errors for the others.
func (p *Process) bifLocation() term.Term {
	if p.excErrorInfo == 0 {
		return term.Nil
	}
	info := term.MapFromPairs(p.Heap, []term.Term{atomModule}, []term.Term{p.excErrorInfo})
	return term.Cons(p.Heap, term.Tuple2(p.Heap, atomErrorInfo, info), term.Nil)
}

// libraryFrame is the frame of library function m at line of its source
// file, <module>.erl, as OTP's stack traces give it.
func (p *Process) libraryFrame(m MFA, line int) term.Term {
	loc := locationTerm(p.Heap, term.AtomName(m.Module)+".erl", line)
	return term.NewTuple(p.Heap, m.Module, m.Function, term.MakeSmall(int64(m.Arity)), loc)
}

// locationTerm is a frame's Location, [{file, File}, {line, Line}], with
// File a list of characters.
func locationTerm(a term.Allocator, file string, line int) term.Term {
	chars := make([]term.Term, 0, len(file))
	for _, r := range file {
		chars = append(chars, term.MakeSmall(int64(r)))
	}
	return term.ListFrom(a, []term.Term{
		term.Tuple2(a, term.AtomFile, term.ListFrom(a, chars)),
		term.Tuple2(a, term.AtomLine, term.MakeSmall(int64(line))),
	})
}

// withErrorInfo returns the Location loc with {error_info, Exc.Info}
// appended.
func (p *Process) withErrorInfo(loc term.Term) term.Term {
	var items []term.Term
	for l := loc; l.IsCons(); l = l.Tail() {
		items = append(items, l.Head())
	}
	items = append(items, term.Tuple2(p.Heap, atomErrorInfo, p.Exc.Info))
	return term.ListFrom(p.Heap, items)
}

// startFrame is the frame OTP 25 gives a trace that would have none (an
// erlang:error/1 reached by tail calls only from the process's first
// function): {M, F, Arity, []} of the function the process was spawned
// with, erlang:apply/2 for a fun.
func (p *Process) startFrame() (term.Term, bool) {
	m := p.initialCall
	if p.startedByFun {
		m = MFA{term.AtomErlang, atomApply, 2}
	}
	if m.Module == 0 {
		return term.NonValue, false
	}
	return term.NewTuple(p.Heap, m.Module, m.Function, term.MakeSmall(int64(m.Arity)), term.Nil), true
}

// buildTrace makes the stack trace of an exception raised at pc:
//
//	[{M, F, ArityOrArgs, Location} | ...]
//
// with the failing BIF's frame first if there is one, then the current
// function, then one frame per continuation pointer on the stack.
// Location is [{file, File}, {line, Line}] from the Line chunk, or [].
//
// The result is lazy (see lazyTrace): the top frames are built, the
// continuation pointers below are only recorded. traceList builds the
// list when something reads it.
func (p *Process) buildTrace(pc int) term.Term {
	var top [4]term.Term
	n := 0
	if p.excHasBIF {
		m := p.excMFA
		top[n] = term.NewTuple(p.Heap, m.Module, m.Function, p.excArgs, p.bifLocation())
		n++
	}
	if p.excLibCaller.Module != 0 {
		top[n] = p.libraryFrame(p.excLibCaller, p.excLibLine)
		n++
	}
	if pc > 0 && !p.excSkipCurrent {
		// Exc.Args is for the top frame: the BIF's if there is one.
		args := p.Exc.Args != term.NonValue && !p.excHasBIF
		if args || p.Exc.Info != term.NonValue {
			if f := p.sys.funcAt(pc); f != nil {
				aa, loc := term.MakeSmall(int64(f.arity)), p.sys.location(pc)
				if args {
					aa = p.Exc.Args
				}
				if p.Exc.Info != term.NonValue {
					loc = p.withErrorInfo(loc)
				}
				top[n] = term.NewTuple(p.Heap, f.mod.Name, f.name, aa, loc)
				n++
			}
		} else if fr := p.sys.frameTerm(pc); fr != term.NonValue {
			top[n] = fr
			n++
			if p.excCurrentTwice {
				top[n] = fr
				n++
			}
		}
	}
	var cps [BacktraceDepth]term.Term
	k := p.traceCPs(cps[:BacktraceDepth-n])
	if n == 0 && k == 0 {
		if fr, ok := p.startFrame(); ok {
			top[n] = fr
			n++
		}
	}
	// The tuple and the list of top frames, in one allocation.
	w := p.Heap.Alloc(3 + k + 2*n)
	frames := term.Nil
	cells := w[3+k:]
	for i := n - 1; i >= 0; i-- {
		cells[2*i], cells[2*i+1] = uint64(top[i]), uint64(frames)
		frames = term.ConsOf(cells[2*i:])
	}
	w[0] = uint64(term.MakeHeader(term.SubTuple, 2+k))
	w[1], w[2] = uint64(lazyTraceTag), uint64(frames)
	for i, cp := range cps[:k] {
		w[3+i] = uint64(cp)
	}
	return term.Box(w)
}

// traceCPs fills cps with the frames' continuation pointers on the
// stack, the innermost first, as small integers, and returns how many it
// found. As in OTP, a CP equal to the one recorded before it is left
// out: a recursion through one call site is one frame of the trace.
func (p *Process) traceCPs(cps []term.Term) int {
	k := 0
	stack := p.stack[:p.sp]
	var prev term.Term
	for i := len(stack) - 1; i >= 0 && k < len(cps); i-- {
		if w := stack[i]; isFrameCP(w) && w != prev {
			cps[k] = term.MakeSmall(int64(w) >> abi.LazyCPShift)
			prev = w
			k++
		}
	}
	return k
}

// A lazy trace (runtime/abi's LazyTraceAtom has its layout) is
// {lazyTraceTag, Top, CP...}: building every frame of every raise was
// most of the cost of a throw caught without looking at its trace, and
// only the continuation pointers have to be taken before the stack
// unwinds. They are kept as small integers (a CP word is header-tagged,
// which a heap object cannot hold) and resolved to frames by traceList,
// as is a Top that native code's raise routine leaves as the small
// integer of its call site. Erlang code sees raw traces only as opaque
// values it hands back to build_stacktrace or raise.
var lazyTraceTag = term.Intern(abi.LazyTraceAtom)

func isLazyTrace(t term.Term) bool {
	return t.IsTuple() && t.TupleArity() >= 2 && t.Word(1) == lazyTraceTag
}

// traceList returns trace as the list of frames Erlang code sees.
func (p *Process) traceList(trace term.Term) term.Term {
	if !isLazyTrace(trace) {
		return trace
	}
	var frames [BacktraceDepth]term.Term
	n := 0
	top := trace.Word(2)
	if top.IsSmall() { // a native raise's site
		site := uint64(top.SmallValue()) << abi.LazyCPShift
		if fr := p.sys.frameTerm(p.sys.sitePC(site)); fr != term.NonValue {
			frames[n] = fr
			n++
		}
	}
	for l := top; l.IsCons() && n < BacktraceDepth; l = l.Tail() {
		frames[n] = l.Head()
		n++
	}
	for i := 3; i <= trace.TupleArity() && n < BacktraceDepth; i++ {
		w := term.Term(uint64(trace.Word(i).SmallValue()) << abi.LazyCPShift)
		at := p.sys.callerPC(w)
		if at <= 0 {
			continue
		}
		if fr := p.sys.frameTerm(at); fr != term.NonValue {
			frames[n] = fr
			n++
		}
	}
	return term.ListFrom(p.Heap, frames[:n])
}

// frameCache holds the frame terms {M, F, Arity, Location} of code
// indices; they never change, so they live in the literal area.
//
// Every raise looks up several frames (a loop of try/throw is a
// benchmark), so hits take no lock: byPC is a table indexed by code
// index, read and written atomically (0 = not cached). The table is
// replaced by a bigger copy when code is added; a store into a table
// that has just been replaced only loses a cache entry.
type frameCache struct {
	mu   sync.Mutex
	byPC atomic.Pointer[[]atomic.Uint64]
	locs map[codeLoc]term.Term
}

// frameTerm returns the frame of the function that code index pc is in,
// located at pc.
func (s *System) frameTerm(pc int) term.Term {
	if t := s.frameCache.byPC.Load(); t != nil && pc < len(*t) {
		if fr := (*t)[pc].Load(); fr != 0 {
			return term.Term(fr)
		}
	}
	s.frameCache.mu.Lock()
	defer s.frameCache.mu.Unlock()
	f := s.funcAt(pc)
	if f == nil {
		return term.NonValue
	}
	fr := term.NewTuple(heap.Literals, f.mod.Name, f.name, term.MakeSmall(int64(f.arity)), s.locationLocked(pc))
	t := s.frameCache.byPC.Load()
	if t == nil || pc >= len(*t) {
		n := max(len(s.code), pc+1)
		bigger := make([]atomic.Uint64, n)
		if t != nil {
			for i := range *t {
				bigger[i].Store((*t)[i].Load())
			}
		}
		t = &bigger
		s.frameCache.byPC.Store(t)
	}
	(*t)[pc].Store(uint64(fr))
	return fr
}

// location returns the Location list of code index pc.
func (s *System) location(pc int) term.Term {
	s.frameCache.mu.Lock()
	defer s.frameCache.mu.Unlock()
	return s.locationLocked(pc)
}

func (s *System) locationLocked(pc int) term.Term {
	loc := s.locs[pc]
	if loc.line == 0 {
		return term.Nil
	}
	if t, ok := s.frameCache.locs[loc]; ok {
		return t
	}
	t := locationTerm(heap.Literals, s.files[loc.file], int(loc.line))
	if s.frameCache.locs == nil {
		s.frameCache.locs = make(map[codeLoc]term.Term)
	}
	s.frameCache.locs[loc] = t
	return t
}
