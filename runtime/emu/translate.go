package emu

import (
	"fmt"
	"math"
	"sort"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/etf"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// Link translates every added module that is not translated yet and binds
// external calls. It must be called after adding modules and before
// running code.
func (s *System) Link() error {
	var pending []*Module
	for _, name := range s.order {
		m := s.modules[name]
		if m.exports == nil {
			pending = append(pending, m)
		}
	}
	var fix []extFixup
	for _, m := range pending {
		f, err := s.translateModule(m)
		if err != nil {
			return err
		}
		fix = append(fix, f...)
	}
	for _, f := range fix {
		s.bindExternal(f)
	}
	s.linked = true
	return nil
}

// extFixup is a call_ext (or a fun's export) to bind once every module is
// translated.
type extFixup struct {
	pc  int
	mfa MFA
}

// translator holds the state of translating one module.
type translator struct {
	s         *System
	m         *Module
	bm        *beam.Module
	labels    []int32 // label number → code index
	fn        *beam.Function
	fix       []extFixup
	lambdaFun []uint32 // FunT index → fun table index
	// newMapKeys: the keys of each put_map_assoc into #{} with constant
	// keys so far (see shareNewMapKeys).
	newMapKeys [][]term.Term
}

// emits reports whether a generic instruction becomes an instruction of
// the translated code (labels and line markers do not). Translation maps
// each instruction to at most one, so label positions are known before
// translating.
func emits(op beam.Opcode) bool {
	switch op {
	case beam.OpLabel, beam.OpLine, beam.OpExecutableLine, beam.OpDebugLine,
		beam.OpIntCodeEnd, beam.OpFclearerror, beam.OpNifStart, beam.OpOnLoad:
		return false
	}
	return true
}

func (s *System) translateModule(m *Module) (fix []extFixup, err error) {
	bm := m.Beam
	t := &translator{s: s, m: m, bm: bm}
	// Lambdas first: literals may hold funs that refer to them.
	m.lambdas = make([]*term.FunInfo, len(bm.Lambdas))
	t.lambdaFun = make([]uint32, len(bm.Lambdas))
	for i, l := range bm.Lambdas {
		info := &term.FunInfo{
			Module: m.Name, Name: term.Intern(l.Name), Arity: l.Arity - l.NumFree,
			NumFree: l.NumFree, Index: i, Uniq: l.OldUniq, Code: &lambdaCode{},
		}
		m.lambdas[i] = info
		t.lambdaFun[i] = term.RegisterFun(info)
	}
	m.literals = make([]term.Term, len(bm.Literals))
	for i, lit := range bm.Literals {
		v, err := etf.FromBeam(heap.Literals, lit)
		if err != nil {
			return nil, &LoadError{Module: bm.Name, Msg: fmt.Sprintf("literal %d: %v", i, err)}
		}
		m.literals[i] = v
	}

	// Pass 1: where each label lands.
	t.labels = make([]int32, bm.Header.NumLabels+1)
	pc := len(s.code)
	m.start = pc
	for fi := range bm.Functions {
		for _, in := range bm.Functions[fi].Code {
			if in.Op == beam.OpLabel {
				if l := int(in.Args[0].Val); l >= 0 && l < len(t.labels) {
					t.labels[l] = int32(pc)
				}
			}
			if emits(in.Op) {
				pc++
			}
		}
	}
	// Pass 2: translate.
	m.locals = make(map[funKey]int32, len(bm.Functions))
	for fi := range bm.Functions {
		f := &bm.Functions[fi]
		t.fn = f
		m.locals[funKey{term.Intern(f.Name), f.Arity}] = t.labels[f.Label]
		for _, in := range f.Code {
			if !emits(in.Op) {
				continue
			}
			if in.Op == beam.OpFuncInfo {
				s.funcs = append(s.funcs, funcRange{start: int32(len(s.code)), mod: m, name: term.Intern(f.Name), arity: f.Arity})
			}
			ins, err := t.instr(in)
			if err != nil {
				return nil, &LoadError{Module: bm.Name, Func: fmt.Sprintf("%s/%d", f.Name, f.Arity), Msg: err.Error()}
			}
			s.code = append(s.code, ins)
			s.locs = append(s.locs, codeLoc{file: s.fileIndex(in.Loc.File), line: int32(in.Loc.Line)})
		}
	}
	m.end = len(s.code)
	for i := m.start; i < m.end; i++ {
		specialize(&s.code[i])
	}
	fuse(s.code[m.start:m.end])
	if m.end != pc {
		return nil, &LoadError{Module: bm.Name, Msg: "internal error: label positions out of step"}
	}
	m.exports = make(map[funKey]int32, len(bm.Exports))
	for _, e := range bm.Exports {
		m.exports[funKey{term.Intern(e.Name), e.Arity}] = t.labels[e.Label]
	}
	for i, l := range bm.Lambdas {
		m.lambdas[i].Code.(*lambdaCode).entry = t.labels[l.Label]
	}
	m.lambdaFun = t.lambdaFun
	return t.fix, nil
}

// bindExternal resolves a call_ext: a BIF, an exported function of a
// loaded module, or undef.
func (s *System) bindExternal(f extFixup) {
	in := &s.code[f.pc]
	if b, ok := LookupBIF(f.mfa); ok {
		in.fn = b.Fn
		in.aux = &mfaAux{f.mfa}
		switch in.op {
		case iCall:
			in.op = iCallBif
		case iCallLast:
			in.op = iCallBifLast
		case iCallOnly:
			in.op = iCallBifOnly
		}
		return
	}
	if pc, ok := s.lookupExport(f.mfa.Module, f.mfa.Function, f.mfa.Arity); ok {
		in.n2 = pc
		return
	}
	// The call stays late-bound: iCallUndef raises undef when reached. Its
	// n1 keeps the dealloc count and the call kind.
	kind := int32(0)
	switch in.op {
	case iCallLast:
		kind = 1
	case iCallOnly:
		kind = 2
	}
	in.op = iCallUndef
	in.c = operand{n: uint32(kind)}
	in.aux = &mfaAux{f.mfa}
}

// lookupExport returns the code index of an exported function.
func (s *System) lookupExport(mod, fun term.Term, arity int) (int32, bool) {
	m, ok := s.modules[mod]
	if !ok || m.exports == nil {
		return 0, false
	}
	pc, ok := m.exports[funKey{fun, arity}]
	return pc, ok
}

func (t *translator) label(o beam.Operand) (int32, error) {
	if o.Kind != beam.KindLabel {
		return 0, fmt.Errorf("expected a label, got %s", o)
	}
	if o.Val == 0 {
		return 0, nil
	}
	if o.Val < 0 || int(o.Val) >= len(t.labels) || t.labels[o.Val] == 0 {
		return 0, fmt.Errorf("undefined label %d", o.Val)
	}
	return t.labels[o.Val], nil
}

// operand decodes a source or destination operand.
func (t *translator) operand(o beam.Operand) (operand, error) {
	switch o.Kind {
	case beam.KindX:
		if o.Val >= NumXRegs {
			return operand{}, fmt.Errorf("x register %d out of range", o.Val)
		}
		return operand{kind: kX, n: uint32(o.Val)}, nil
	case beam.KindY:
		return operand{kind: kY, n: uint32(o.Val)}, nil
	case beam.KindFR:
		if o.Val >= NumFRegs {
			return operand{}, fmt.Errorf("float register %d out of range", o.Val)
		}
		return operand{kind: kFR, n: uint32(o.Val)}, nil
	case beam.KindAtom:
		return operand{t: term.Intern(t.bm.Atom(int(o.Val)))}, nil
	case beam.KindNil:
		return operand{t: term.Nil}, nil
	case beam.KindInteger:
		if o.Big != nil {
			return operand{t: term.MakeBigInt(heap.Literals, o.Big)}, nil
		}
		return operand{t: term.MakeInt(heap.Literals, o.Val)}, nil
	case beam.KindUnsigned, beam.KindChar:
		return operand{t: term.MakeInt(heap.Literals, o.Val)}, nil
	case beam.KindLiteral:
		if o.Val < 0 || int(o.Val) >= len(t.m.literals) {
			return operand{}, fmt.Errorf("literal %d out of range", o.Val)
		}
		return operand{t: t.m.literals[o.Val]}, nil
	case beam.KindFloat:
		return operand{t: term.NewFloat(heap.Literals, o.Float())}, nil
	}
	return operand{}, fmt.Errorf("unexpected operand %s", o)
}

// dest decodes a destination: an x or y register.
func (t *translator) dest(o beam.Operand) (operand, error) {
	if o.Kind != beam.KindX && o.Kind != beam.KindY {
		return operand{}, fmt.Errorf("destination %s is not a register", o)
	}
	return t.operand(o)
}

func (t *translator) operands(os []beam.Operand) ([]operand, error) {
	out := make([]operand, len(os))
	for i, o := range os {
		v, err := t.operand(o)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func (t *translator) list(o beam.Operand) ([]beam.Operand, error) {
	if o.Kind != beam.KindList {
		return nil, fmt.Errorf("expected a list operand, got %s", o)
	}
	return o.List, nil
}

// heapNeed reads a test_heap/allocate heap operand: a word count or an
// allocation list.
func heapNeed(o beam.Operand) int32 {
	if o.Kind == beam.KindAlloc && o.Alloc != nil {
		return int32(o.Alloc.Words + o.Alloc.Floats*term.FloatWords + o.Alloc.Funs*4)
	}
	return int32(o.Val)
}

func (t *translator) atomName(o beam.Operand) string {
	if o.Kind == beam.KindAtom {
		return t.bm.Atom(int(o.Val))
	}
	return ""
}

func (t *translator) importMFA(o beam.Operand) (MFA, error) {
	if o.Val < 0 || int(o.Val) >= len(t.bm.Imports) {
		return MFA{}, fmt.Errorf("import %d out of range", o.Val)
	}
	im := t.bm.Imports[o.Val]
	return MakeMFA(im.Module, im.Function, im.Arity), nil
}

// bif resolves a bif/gc_bif import to its Go function.
func (t *translator) bif(o beam.Operand) (BIF, MFA, error) {
	mfa, err := t.importMFA(o)
	if err != nil {
		return nil, mfa, err
	}
	b, ok := LookupBIF(mfa)
	if !ok {
		// Late: raise undef when reached, like OTP would refuse to load.
		return func(p *Process, args []term.Term) term.Term {
			return p.undef(mfa, args)
		}, mfa, nil
	}
	return b.Fn, mfa, nil
}

// instr translates one generic instruction.
func (t *translator) instr(in beam.Instr) (ins instr, err error) {
	a := in.Args
	// Operand helpers that latch the first error.
	var firstErr error
	op := func(i int) operand {
		v, e := t.operand(a[i])
		if e != nil && firstErr == nil {
			firstErr = fmt.Errorf("%s operand %d: %w", in.Op, i+1, e)
		}
		return v
	}
	dst := func(i int) operand {
		v, e := t.dest(a[i])
		if e != nil && firstErr == nil {
			firstErr = fmt.Errorf("%s operand %d: %w", in.Op, i+1, e)
		}
		return v
	}
	lbl := func(i int) int32 {
		v, e := t.label(a[i])
		if e != nil && firstErr == nil {
			firstErr = fmt.Errorf("%s operand %d: %w", in.Op, i+1, e)
		}
		return v
	}
	num := func(i int) int32 { return int32(a[i].Val) }
	lst := func(i int) []beam.Operand {
		v, e := t.list(a[i])
		if e != nil && firstErr == nil {
			firstErr = fmt.Errorf("%s operand %d: %w", in.Op, i+1, e)
		}
		return v
	}
	ops := func(l []beam.Operand) []operand {
		v, e := t.operands(l)
		if e != nil && firstErr == nil {
			firstErr = fmt.Errorf("%s: %w", in.Op, e)
		}
		return v
	}
	external := func(kind iop, arity int32, imp beam.Operand, dealloc int32) instr {
		mfa, e := t.importMFA(imp)
		if e != nil && firstErr == nil {
			firstErr = e
		}
		// Bound after every module is translated (bindExternal).
		t.fix = append(t.fix, extFixup{pc: len(t.s.code), mfa: mfa})
		return instr{op: kind, n1: dealloc, a: operand{n: uint32(arity)}}
	}
	test := func(k iop) instr { return instr{op: k, fail: lbl(0), a: op(1)} }

	switch in.Op {
	case beam.OpFuncInfo:
		mfa := MakeMFA(t.atomName(a[0]), t.atomName(a[1]), int(a[2].Val))
		ins = instr{op: iFuncInfo, n1: int32(mfa.Arity), aux: &mfaAux{mfa}}

	case beam.OpMove:
		ins = instr{op: iMove, a: op(0), b: dst(1)}
		switch {
		case ins.a.kind == kX && ins.b.kind == kX:
			ins.op = iMoveXX
		case ins.a.kind == kConst && ins.b.kind == kX:
			ins.op = iMoveCX
		case ins.a.kind == kX && ins.b.kind == kY:
			ins.op = iMoveXY
		case ins.a.kind == kY && ins.b.kind == kX:
			ins.op = iMoveYX
		}
	case beam.OpSwap:
		ins = instr{op: iSwap, a: dst(0), b: dst(1)}
	case beam.OpInitYregs:
		ins = instr{op: iInitY, list: ops(lst(0))}
	case beam.OpInit:
		ins = instr{op: iInitY, list: []operand{dst(0)}}
	case beam.OpGetList:
		ins = instr{op: iGetList, a: op(0), b: dst(1), c: dst(2)}
	case beam.OpGetHd:
		ins = instr{op: iGetHd, a: op(0), b: dst(1)}
	case beam.OpGetTl:
		ins = instr{op: iGetTl, a: op(0), b: dst(1)}
	case beam.OpGetTupleElement:
		ins = instr{op: iGetTupleElement, a: op(0), n1: num(1) + 1, b: dst(2)}
	case beam.OpSetTupleElement:
		ins = instr{op: iSetTupleElement, a: op(0), b: op(1), n1: num(2) + 1}
	case beam.OpPutList:
		ins = instr{op: iPutList, a: op(0), b: op(1), c: dst(2)}
	case beam.OpPutTuple2:
		ins = instr{op: iPutTuple2, b: dst(0), list: ops(lst(1))}
	case beam.OpPutTuple:
		ins = instr{op: iPutTuple, n1: num(0), b: dst(1)}
	case beam.OpPut:
		ins = instr{op: iPutTuple, n1: -1, a: op(0)}

	case beam.OpIsInteger:
		ins = test(iIsInteger)
	case beam.OpIsFloat:
		ins = test(iIsFloat)
	case beam.OpIsNumber:
		ins = test(iIsNumber)
	case beam.OpIsAtom:
		ins = test(iIsAtom)
	case beam.OpIsPid:
		ins = test(iIsPid)
	case beam.OpIsReference:
		ins = test(iIsReference)
	case beam.OpIsPort:
		ins = test(iIsPort)
	case beam.OpIsNil:
		ins = test(iIsNil)
	case beam.OpIsBinary:
		ins = test(iIsBinary)
	case beam.OpIsBitstr:
		ins = test(iIsBitstr)
	case beam.OpIsList:
		ins = test(iIsList)
	case beam.OpIsNonemptyList:
		ins = test(iIsNonemptyList)
	case beam.OpIsTuple:
		ins = test(iIsTuple)
	case beam.OpIsFunction:
		ins = test(iIsFunction)
	case beam.OpIsMap:
		ins = test(iIsMap)
	case beam.OpIsBoolean:
		ins = test(iIsBoolean)
	case beam.OpIsFunction2:
		ins = instr{op: iIsFunction2, fail: lbl(0), a: op(1), b: op(2)}
	case beam.OpTestArity:
		ins = instr{op: iTestArity, fail: lbl(0), a: op(1), n1: num(2)}
	case beam.OpIsTaggedTuple:
		ins = instr{op: iIsTaggedTuple, fail: lbl(0), a: op(1), n1: num(2), b: op(3)}
	case beam.OpIsEqExact, beam.OpIsNeExact, beam.OpIsEq, beam.OpIsNe, beam.OpIsLt, beam.OpIsGe:
		k := map[beam.Opcode]iop{beam.OpIsEqExact: iIsEqExact, beam.OpIsNeExact: iIsNeExact,
			beam.OpIsEq: iIsEq, beam.OpIsNe: iIsNe, beam.OpIsLt: iIsLt, beam.OpIsGe: iIsGe}[in.Op]
		ins = instr{op: k, fail: lbl(0), a: op(1), b: op(2)}
		if ins.a.kind == kX && ins.b.kind == kX {
			if k == iIsLt {
				ins.op = iIsLtSmall
			} else if k == iIsGe {
				ins.op = iIsGeSmall
			}
		}

	case beam.OpSelectVal:
		ins, err = t.selectVal(in)
		if err != nil {
			return ins, err
		}
	case beam.OpSelectTupleArity:
		pairs := lst(2)
		tab := &selectTable{imm: true}
		for i := 0; i+1 < len(pairs); i += 2 {
			tab.vals = append(tab.vals, term.MakeSmall(pairs[i].Val))
			l, e := t.label(pairs[i+1])
			if e != nil {
				return ins, e
			}
			tab.targets = append(tab.targets, l)
		}
		ins = instr{op: iSelectTupleArity, a: op(0), fail: lbl(1), aux: tab}
	case beam.OpJump:
		ins = instr{op: iJump, fail: lbl(0)}

	case beam.OpCall:
		ins = instr{op: iCall, a: operand{n: uint32(a[0].Val)}, n2: lbl(1)}
	case beam.OpCallLast:
		ins = instr{op: iCallLast, a: operand{n: uint32(a[0].Val)}, n2: lbl(1), n1: num(2)}
	case beam.OpCallOnly:
		ins = instr{op: iCallOnly, a: operand{n: uint32(a[0].Val)}, n2: lbl(1)}
	case beam.OpCallExt:
		ins = external(iCall, num(0), a[1], 0)
	case beam.OpCallExtLast:
		ins = external(iCallLast, num(0), a[1], num(2))
	case beam.OpCallExtOnly:
		ins = external(iCallOnly, num(0), a[1], 0)
	case beam.OpReturn:
		ins = instr{op: iReturn}
	case beam.OpApply:
		ins = instr{op: iApply, n2: num(0)}
	case beam.OpApplyLast:
		ins = instr{op: iApplyLast, n2: num(0), n1: num(1)}
	case beam.OpCallFun:
		ins = instr{op: iCallFun, n2: num(0)}
	case beam.OpCallFun2:
		ins = instr{op: iCallFun2, n2: num(1), a: op(2)}
	case beam.OpMakeFun2:
		i := int(a[0].Val)
		if i < 0 || i >= len(t.lambdaFun) {
			return ins, fmt.Errorf("make_fun2: lambda %d out of range", i)
		}
		free := make([]operand, t.m.lambdas[i].NumFree)
		for k := range free {
			free[k] = operand{kind: kX, n: uint32(k)}
		}
		ins = instr{op: iMakeFun, n1: int32(t.lambdaFun[i]), b: operand{kind: kX}, list: free}
	case beam.OpMakeFun3:
		i := int(a[0].Val)
		if i < 0 || i >= len(t.lambdaFun) {
			return ins, fmt.Errorf("make_fun3: lambda %d out of range", i)
		}
		ins = instr{op: iMakeFun, n1: int32(t.lambdaFun[i]), b: dst(1), list: ops(lst(2))}

	case beam.OpBif0:
		fn, mfa, e := t.bif(a[0])
		if e != nil {
			return ins, e
		}
		ins = instr{op: iBif, fn: fn, n2: 0, d: dst(1), aux: &mfaAux{mfa}}
	case beam.OpBif1:
		fn, mfa, e := t.bif(a[1])
		if e != nil {
			return ins, e
		}
		ins = instr{op: iBif, fail: lbl(0), fn: fn, n2: 1, a: op(2), d: dst(3), aux: &mfaAux{mfa}}
	case beam.OpBif2:
		fn, mfa, e := t.bif(a[1])
		if e != nil {
			return ins, e
		}
		ins = instr{op: iBif, fail: lbl(0), fn: fn, n2: 2, a: op(2), b: op(3), d: dst(4), aux: &mfaAux{mfa}}
		if mfa.Module == term.AtomErlang && term.AtomName(mfa.Function) == "element" {
			ins.op = iElement
		}
	case beam.OpGcBif1:
		fn, mfa, e := t.bif(a[2])
		if e != nil {
			return ins, e
		}
		ins = instr{op: iGcBif, fail: lbl(0), n1: num(1), fn: fn, n2: 1, a: op(3), d: dst(4), aux: &mfaAux{mfa}}
		if PlusAsIncrement(term.AtomName(mfa.Module), term.AtomName(mfa.Function), mfa.Arity) {
			ins.n2 = 2
			if !toIncrement(&ins, 0) {
				return ins, fmt.Errorf("gc_bif1: no BIF erlang:'+'/2")
			}
		}
	case beam.OpGcBif2:
		fn, mfa, e := t.bif(a[2])
		if e != nil {
			return ins, e
		}
		ins = instr{op: iGcBif, fail: lbl(0), n1: num(1), fn: fn, n2: 2, a: op(3), b: op(4), d: dst(5), aux: &mfaAux{mfa}}
		if mfa.Module == term.AtomErlang {
			switch term.AtomName(mfa.Function) {
			case "+":
				ins.op = iAdd
			case "-":
				ins.op = iSub
			case "*":
				ins.op = iMul
			}
		}
	case beam.OpGcBif3:
		fn, mfa, e := t.bif(a[2])
		if e != nil {
			return ins, e
		}
		ins = instr{op: iGcBif, fail: lbl(0), n1: num(1), fn: fn, n2: 3, a: op(3), b: op(4), c: op(5), d: dst(6), aux: &mfaAux{mfa}}

	case beam.OpAllocate, beam.OpAllocateZero:
		ins = instr{op: iAllocate, n1: num(0), n2: 0, a: operand{n: uint32(a[1].Val)}}
	case beam.OpAllocateHeap, beam.OpAllocateHeapZero:
		ins = instr{op: iAllocate, n1: num(0), n2: heapNeed(a[1]), a: operand{n: uint32(a[2].Val)}}
	case beam.OpTestHeap:
		ins = instr{op: iTestHeap, n2: heapNeed(a[0]), a: operand{n: uint32(a[1].Val)}}
	case beam.OpDeallocate:
		ins = instr{op: iDeallocate, n1: num(0)}
	case beam.OpTrim:
		ins = instr{op: iTrim, n1: num(0), n2: num(1)}

	case beam.OpUpdateRecord:
		// update_record Hint Size Src Dst Updates: always copies (the
		// in-place hint would need to know the tuple is young).
		ins = instr{op: iUpdateRecord, n1: num(1), a: op(2), b: dst(3), list: ops(lst(4))}
	case beam.OpPutMapAssoc, beam.OpPutMapExact:
		k := iPutMapAssoc
		if in.Op == beam.OpPutMapExact {
			k = iPutMapExact
		}
		ins = instr{op: k, fail: lbl(0), a: op(1), b: dst(2), n1: num(3), list: sortMapPairs(ops(lst(4)))}
		if k == iPutMapAssoc {
			t.shareNewMapKeys(ins.a, ins.list)
		}
	case beam.OpGetMapElements:
		ins = instr{op: iGetMapElements, fail: lbl(0), a: op(1), list: ops(lst(2))}
	case beam.OpHasMapFields:
		ins = instr{op: iHasMapFields, fail: lbl(0), a: op(1), list: ops(lst(2))}

	case beam.OpFmove:
		ins = instr{op: iFmove, a: op(0), b: op(1)}
	case beam.OpFconv:
		ins = instr{op: iFconv, a: op(0), b: op(1)}
	case beam.OpFadd, beam.OpFsub, beam.OpFmul, beam.OpFdiv:
		k := map[beam.Opcode]iop{beam.OpFadd: iFadd, beam.OpFsub: iFsub, beam.OpFmul: iFmul, beam.OpFdiv: iFdiv}[in.Op]
		ins = instr{op: k, fail: lbl(0), a: op(1), b: op(2), c: op(3)}
	case beam.OpFnegate:
		ins = instr{op: iFnegate, fail: lbl(0), a: op(1), c: op(2)}
	case beam.OpFcheckerror:
		ins = instr{op: iFcheckerror, fail: lbl(0)}

	case beam.OpTry, beam.OpCatch:
		k := iTry
		if in.Op == beam.OpCatch {
			k = iCatch
		}
		ins = instr{op: k, a: dst(0), fail: lbl(1)}
	case beam.OpTryEnd:
		ins = instr{op: iTryEnd, a: dst(0)}
	case beam.OpTryCase:
		ins = instr{op: iTryCase, a: dst(0)}
	case beam.OpCatchEnd:
		ins = instr{op: iCatchEnd, a: dst(0)}
	case beam.OpTryCaseEnd:
		ins = instr{op: iTryCaseEnd, a: op(0)}
	case beam.OpRaise:
		ins = instr{op: iRaise, a: op(0), b: op(1)}
	case beam.OpBuildStacktrace:
		ins = instr{op: iBuildStacktrace}
	case beam.OpRawRaise:
		ins = instr{op: iRawRaise}
	case beam.OpBadmatch:
		ins = instr{op: iBadmatch, a: op(0)}
	case beam.OpCaseEnd:
		ins = instr{op: iCaseEnd, a: op(0)}
	case beam.OpIfEnd:
		ins = instr{op: iIfEnd}
	case beam.OpBadRecord:
		ins = instr{op: iBadrecord, a: op(0)}

	case beam.OpLoopRec:
		ins = instr{op: iLoopRec, fail: lbl(0), b: dst(1)}
	case beam.OpLoopRecEnd:
		ins = instr{op: iLoopRecEnd, fail: lbl(0)}
	case beam.OpRemoveMessage:
		ins = instr{op: iRemoveMessage}
	case beam.OpWait:
		ins = instr{op: iWait, fail: lbl(0)}
	case beam.OpWaitTimeout:
		ins = instr{op: iWaitTimeout, fail: lbl(0), a: op(1)}
	case beam.OpTimeout:
		ins = instr{op: iTimeout}
	case beam.OpSend:
		ins = instr{op: iSend}
	case beam.OpRecvMarkerReserve:
		ins = instr{op: iRecvMarkerReserve, a: dst(0)}
	case beam.OpRecvMarkerBind:
		ins = instr{op: iRecvMarkerBind, a: op(0), b: op(1)}
	case beam.OpRecvMarkerClear:
		ins = instr{op: iRecvMarkerClear, a: op(0)}
	case beam.OpRecvMarkerUse:
		ins = instr{op: iRecvMarkerUse, a: op(0)}
	case beam.OpRecvMark, beam.OpRecvSet:
		ins = instr{op: iNop}

	case beam.OpBsCreateBin:
		ins, err = t.bsCreateBin(in)
		if err != nil {
			return ins, err
		}
	case beam.OpBsMatch:
		ins, err = t.bsMatch(in)
		if err != nil {
			return ins, err
		}
	case beam.OpBsStartMatch3:
		ins = instr{op: iBsStartMatch, fail: lbl(0), a: op(1), n1: num(2), b: dst(3)}
	case beam.OpBsStartMatch4:
		// Fail is the atom no_fail or resume (the source is known to be a
		// binary or a match context) or a label.
		fail := int32(0)
		if a[0].Kind == beam.KindLabel {
			fail = lbl(0)
		}
		ins = instr{op: iBsStartMatch, fail: fail, n1: num(1), a: op(2), b: dst(3)}
	case beam.OpBsStartMatch2:
		ins = instr{op: iBsStartMatch, fail: lbl(0), a: op(1), n1: num(2), b: dst(4)}
	case beam.OpBsGetInteger2, beam.OpBsGetFloat2, beam.OpBsGetBinary2:
		k := map[beam.Opcode]iop{beam.OpBsGetInteger2: iBsGetInteger, beam.OpBsGetFloat2: iBsGetFloat, beam.OpBsGetBinary2: iBsGetBinary}[in.Op]
		ins = instr{op: k, fail: lbl(0), a: op(1), n1: num(2), b: t.sizeOperand(a[3]), n2: num(4), c: operand{n: uint32(a[5].Val)}, d: dst(6)}
	case beam.OpBsSkipBits2:
		ins = instr{op: iBsSkipBits, fail: lbl(0), a: op(1), b: t.sizeOperand(a[2]), n2: num(3), c: operand{n: uint32(a[4].Val)}}
	case beam.OpBsTestTail2:
		ins = instr{op: iBsTestTail, fail: lbl(0), a: op(1), n2: num(2)}
	case beam.OpBsTestUnit:
		ins = instr{op: iBsTestUnit, fail: lbl(0), a: op(1), n2: num(2)}
	case beam.OpBsMatchString:
		off := int(a[3].Val)
		bits := int(a[2].Val)
		nbytes := (bits + 7) / 8
		if off < 0 || off+nbytes > len(t.bm.Strings) {
			return ins, fmt.Errorf("bs_match_string: string out of range")
		}
		ins = instr{op: iBsMatchString, fail: lbl(0), a: op(1), n2: int32(bits), aux: t.bm.Strings[off : off+nbytes]}
	case beam.OpBsGetUtf8, beam.OpBsGetUtf16, beam.OpBsGetUtf32:
		k := map[beam.Opcode]iop{beam.OpBsGetUtf8: iBsGetUtf8, beam.OpBsGetUtf16: iBsGetUtf16, beam.OpBsGetUtf32: iBsGetUtf32}[in.Op]
		ins = instr{op: k, fail: lbl(0), a: op(1), n1: num(2), c: operand{n: uint32(a[3].Val)}, d: dst(4)}
	case beam.OpBsSkipUtf8, beam.OpBsSkipUtf16, beam.OpBsSkipUtf32:
		k := map[beam.Opcode]iop{beam.OpBsSkipUtf8: iBsSkipUtf8, beam.OpBsSkipUtf16: iBsSkipUtf16, beam.OpBsSkipUtf32: iBsSkipUtf32}[in.Op]
		ins = instr{op: k, fail: lbl(0), a: op(1), n1: num(2), c: operand{n: uint32(a[3].Val)}}
	case beam.OpBsGetTail:
		ins = instr{op: iBsGetTail, a: op(0), b: dst(1), n1: num(2)}
	case beam.OpBsGetPosition:
		ins = instr{op: iBsGetPosition, a: op(0), b: dst(1), n1: num(2)}
	case beam.OpBsSetPosition:
		ins = instr{op: iBsSetPosition, a: op(0), b: op(1)}
	case beam.OpBsInitWritable:
		ins = instr{op: iBsInit, n1: -1}
	case beam.OpBsInit2, beam.OpBsInitBits:
		// bs_init2 Fail Size Words Regs Flags Dst (size in bytes);
		// bs_init_bits the same in bits.
		unit := int32(8)
		if in.Op == beam.OpBsInitBits {
			unit = 1
		}
		ins = instr{op: iBsInit, fail: lbl(0), a: op(1), n1: num(3), n2: unit, c: heapWords(a[2]), d: dst(5)}
	case beam.OpBsPutInteger, beam.OpBsPutBinary, beam.OpBsPutFloat:
		typ := map[beam.Opcode]uint8{beam.OpBsPutInteger: segInteger, beam.OpBsPutBinary: segBinary, beam.OpBsPutFloat: segFloat}[in.Op]
		seg := bsSeg{typ: typ, unit: uint32(a[2].Val), flags: uint8(a[3].Val), val: op(4), size: t.sizeOperand(a[1])}
		ins = instr{op: iBsPut, fail: lbl(0), aux: &seg}
	case beam.OpBsPutString:
		n := int(a[0].Val)
		off := int(a[1].Val)
		if off < 0 || off+n > len(t.bm.Strings) {
			return ins, fmt.Errorf("bs_put_string: string out of range")
		}
		seg := bsSeg{typ: segString, str: t.bm.Strings[off : off+n]}
		ins = instr{op: iBsPut, aux: &seg}
	case beam.OpBsPutUtf8, beam.OpBsPutUtf16, beam.OpBsPutUtf32:
		typ := map[beam.Opcode]uint8{beam.OpBsPutUtf8: segUtf8, beam.OpBsPutUtf16: segUtf16, beam.OpBsPutUtf32: segUtf32}[in.Op]
		seg := bsSeg{typ: typ, flags: uint8(a[1].Val), val: op(2)}
		ins = instr{op: iBsPut, fail: lbl(0), aux: &seg}
	case beam.OpBsAdd:
		ins = instr{op: iBsAdd, fail: lbl(0), a: op(1), b: op(2), n2: num(3), d: dst(4)}
	case beam.OpBsUtf8Size, beam.OpBsUtf16Size:
		n := int32(8)
		if in.Op == beam.OpBsUtf16Size {
			n = 16
		}
		ins = instr{op: iBsUtfSize, fail: lbl(0), a: op(1), n2: n, d: dst(2)}
	case beam.OpBsAppend:
		// bs_append Fail Size Extra Live Unit Bin Flags Dst
		ins = instr{op: iBsAppend, fail: lbl(0), a: op(1), n1: num(3), n2: num(4), b: op(5), c: heapWords(a[2]), d: dst(7)}
	case beam.OpBsPrivateAppend:
		// bs_private_append Fail Size Unit Bin Flags Dst
		ins = instr{op: iBsPrivateAppend, fail: lbl(0), a: op(1), n2: num(2), b: op(3), d: dst(5)}

	default:
		return ins, fmt.Errorf("unsupported instruction %s (opcode %d)", in.Op, in.Op)
	}
	if firstErr != nil {
		return ins, firstErr
	}
	return ins, nil
}

// sizeOperand decodes a bit-syntax size: a register, an integer, or the
// atom all (kept as a constant atom).
func (t *translator) sizeOperand(o beam.Operand) operand {
	v, err := t.operand(o)
	if err != nil {
		return operand{t: term.Intern("all")}
	}
	return v
}

// selectVal builds select_val's table: sorted immediates for binary
// search, a jump table for dense small integers, or a list compared with
// =:= for boxed values (floats, bignums).
func (t *translator) selectVal(in beam.Instr) (instr, error) {
	src, err := t.operand(in.Args[0])
	if err != nil {
		return instr{}, err
	}
	fail, err := t.label(in.Args[1])
	if err != nil {
		return instr{}, err
	}
	pairs, err := t.list(in.Args[2])
	if err != nil {
		return instr{}, err
	}
	tab := &selectTable{imm: true}
	type pair struct {
		v term.Term
		l int32
	}
	var ps []pair
	for i := 0; i+1 < len(pairs); i += 2 {
		v, err := t.operand(pairs[i])
		if err != nil {
			return instr{}, err
		}
		l, err := t.label(pairs[i+1])
		if err != nil {
			return instr{}, err
		}
		if !v.t.IsImmediate() {
			tab.imm = false
		}
		ps = append(ps, pair{v.t, l})
	}
	if tab.imm {
		sort.Slice(ps, func(i, j int) bool { return ps[i].v < ps[j].v })
	}
	for _, p := range ps {
		tab.vals = append(tab.vals, p.v)
		tab.targets = append(tab.targets, p.l)
	}
	ins := instr{op: iSelectVal, a: src, fail: fail, aux: tab}
	// Dense small integers: a jump table.
	if tab.imm && len(ps) >= 4 {
		allSmall := true
		for _, p := range ps {
			allSmall = allSmall && p.v.IsSmall()
		}
		if allSmall {
			lo, hi := ps[0].v.SmallValue(), ps[len(ps)-1].v.SmallValue()
			if hi-lo < int64(2*len(ps)+8) && hi-lo < math.MaxInt32 {
				tab.base = lo
				tab.jump = make([]int32, hi-lo+1)
				for i := range tab.jump {
					tab.jump[i] = fail
				}
				for _, p := range ps {
					tab.jump[p.v.SmallValue()-lo] = p.l
				}
				ins.op = iSelectValJump
			}
		}
	}
	return ins, nil
}

func isMove(op iop) bool {
	switch op {
	case iMove, iMoveXX, iMoveCX, iMoveXY, iMoveYX:
		return true
	}
	return false
}

// specialize picks opcodes for common operand shapes: x register
// sources, immediate constants.
func specialize(ins *instr) {
	xa := ins.a.kind == kX
	switch ins.op {
	case iIsEqExact, iIsNeExact:
		if ins.a.kind == kConst && ins.b.kind != kConst {
			ins.a, ins.b = ins.b, ins.a
		}
		if ins.b.kind == kConst && (ins.b.t.IsImmediate() || ins.b.t == term.Nil) {
			if ins.op == iIsEqExact {
				ins.op = iIsEqExactC
			} else {
				ins.op = iIsNeExactC
			}
		}
	case iIsNonemptyList:
		if xa {
			ins.op = iIsNonemptyListX
		}
	case iIsNil:
		if xa {
			ins.op = iIsNilX
		}
	case iIsTuple:
		if xa {
			ins.op = iIsTupleX
		}
	case iTestArity:
		if xa {
			ins.op = iTestArityX
		}
	case iIsTaggedTuple:
		if xa {
			ins.op = iIsTaggedTupleX
		}
	case iGetTupleElement:
		if xa {
			ins.op = iGetTupleElementX
		}
	case iGetList:
		if xa {
			ins.op = iGetListX
		}
	case iAdd, iSub:
		if ins.b.kind != kConst || !ins.b.t.IsSmall() {
			break
		}
		if ins.op == iSub && !asIncrement(ins) {
			break
		}
		switch {
		case xa:
			ins.op = iAddXC
		case ins.a.kind == kY:
			ins.op = iAddYC
		}
	case iIsLt, iIsGe:
		// Comparisons with a small constant (loop bounds, base cases)
		// need one tag test. A constant first swaps the operands.
		lt := ins.op == iIsLt
		switch {
		case xa && ins.b.kind == kConst && ins.b.t.IsSmall():
			ins.op = iIsGeXC
			if lt {
				ins.op = iIsLtXC
			}
		case ins.a.kind == kConst && ins.a.t.IsSmall() && ins.b.kind == kX:
			ins.a, ins.b = ins.b, ins.a
			ins.op = iIsLeXC
			if lt {
				ins.op = iIsGtXC
			}
		}
	}
}

// fuse rewrites common instruction pairs into one instruction that does
// both and skips the second. The second stays in place, so jumps to it
// (labels) still work, and translation stays one instruction per generic
// instruction.
func fuse(code []instr) {
	for i := 0; i+1 < len(code); i++ {
		a, b := &code[i], &code[i+1]
		switch {
		case a.op == iDeallocate && b.op == iReturn:
			a.op = iDeallocReturn
		case a.op == iTestHeap && b.op == iPutList:
			a.op = iTestHeapPutList
		case (a.op == iIsTuple || a.op == iIsTupleX) && (b.op == iTestArity || b.op == iTestArityX) &&
			a.fail == b.fail && a.a == b.a:
			a.op = iIsTupleArity
			a.n1 = b.n1
		case (a.op == iIsNonemptyList || a.op == iIsNonemptyListX) && (b.op == iGetList || b.op == iGetListX) &&
			a.a == b.a:
			a.op = iIsConsGetList
			a.b, a.c = b.b, b.c
		case (a.op == iGetTupleElement || a.op == iGetTupleElementX) &&
			(b.op == iGetTupleElement || b.op == iGetTupleElementX):
			a.op = iGetTupleElement2
			a.c, a.d, a.n2 = b.a, b.b, b.n1
		case isMove(a.op) && isMove(b.op):
			a.op = iMove2
			a.c, a.d = b.a, b.b
		}
	}
}

// asIncrement turns X - C (C a small constant) into X + (-C), as OTP does
// (IncrementOf); it reports false when OTP keeps the subtraction.
func asIncrement(ins *instr) bool {
	c, ok := IncrementOf("erlang", "-", 2, ins.b.t.SmallValue())
	return ok && toIncrement(ins, c)
}

// toIncrement makes ins the gc_bif erlang:'+'/2 of its first operand and
// the constant c: the increment OTP's loader makes of X - C and of +X.
func toIncrement(ins *instr, c int64) bool {
	plus := MFA{Module: term.AtomErlang, Function: term.Intern("+"), Arity: 2}
	b, found := LookupBIF(plus)
	if !found {
		return false
	}
	ins.op, ins.fn, ins.aux = iAdd, b.Fn, &mfaAux{plus}
	ins.b = operand{kind: kConst, t: term.MakeSmall(c)}
	return true
}

// heapWords holds a heap-need operand (bs_init2's Words, bs_append's
// Extra) in an operand's n: words the instructions after this one use
// without a heap check of their own.
func heapWords(o beam.Operand) operand { return operand{n: uint32(heapNeed(o))} }
