package amd64

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/codegen"
	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/image"
)

// lowerer turns one function's BEAM instructions into amd64 code, one
// instruction at a time. Fast paths are in line; slow paths (runtime
// requests, collections, stack growth) are stubs emitted after the body.
type lowerer struct {
	*asm
	fn     *codegen.Function
	bm     *beam.Module
	plan   *codegen.Plan
	env    codegen.Env
	self   beam.MFA
	out    codegen.Code
	labels map[int64]*label
	stubs  []func()
	site   uint32 // index of the instruction being lowered (codegen.Plan)
	at     int    // index in fn.Func.Code of the instruction being lowered
	// frBase says that rFR holds the float register address, and frInXMM
	// which float registers have a copy in an XMM register (float.go):
	// both hold from a float instruction to the end of its run.
	frBase  bool
	frInXMM uint16
	// frDirty are the float registers whose XMM copy is newer than the
	// array: written back where the run ends or leaves native code.
	frDirty uint16
	// held is the general register the last store came from (held.go).
	held heldValue
}

func (l *lowerer) label(n int64) *label {
	if lb, ok := l.labels[n]; ok {
		return lb
	}
	lb := l.newLabel()
	l.labels[n] = lb
	return lb
}

// stub queues out-of-line code, bound at the returned label.
func (l *lowerer) stub(body func()) *label {
	lb := l.newLabel()
	site := l.site
	l.stubs = append(l.stubs, func() {
		l.site = site
		l.bind(lb)
		body()
	})
	return lb
}

// lower lowers the whole function.
func (l *lowerer) lower() error {
	code := l.fn.Func.Code
	for i := 0; i < len(code); i++ {
		in := code[i]
		l.site = l.plan.Index[i]
		l.at = i
		if l.plan.Step[i] || !keepsFloats(in.Op) {
			l.endFloatRun()
		}
		if l.plan.Step[i] {
			l.step(in)
			continue
		}
		if n := l.moveRun(i); n > 0 {
			i += n - 1
			continue
		}
		if err := l.instr(in); err != nil {
			return fmt.Errorf("%s: %w", in.Op, err)
		}
	}
	// Stubs may queue stubs of their own.
	for k := 0; k < len(l.stubs); k++ {
		l.stubs[k]()
	}
	b, err := l.assemble()
	if err != nil {
		return err
	}
	l.out.Bytes = b
	return nil
}

// Operands.

// loadPair loads x into rAX and y into rCX. When rAX holds y (a call's
// result, say), y moves first: loading x would clobber it.
func (l *lowerer) loadPair(x, y beam.Operand) {
	if r, ok := l.heldReg(y); ok && r == rAX && !sameOperand(x, y) {
		l.load(y, rCX)
		l.load(x, rAX)
		return
	}
	l.load(x, rAX)
	l.load(y, rCX)
}

// use returns a register holding o's value, for code that only reads
// it: o's pinned register, the register the last instruction left it
// in, or scratch, loaded.
func (l *lowerer) use(o beam.Operand, scratch int16) int16 {
	if r, ok := pinnedOperand(o); ok {
		return r
	}
	if r, ok := l.heldReg(o); ok {
		return r
	}
	l.load(o, scratch)
	return scratch
}

// pinnedOperand returns the pinned register of x register operand o.
func pinnedOperand(o beam.Operand) (int16, bool) {
	if o.Kind != beam.KindX || o.Big != nil {
		return 0, false
	}
	return pinned(o.Val)
}

// pinnedOf returns the x register operand pinned register r holds, if
// r is one.
func pinnedOf(r int16) (beam.Operand, bool) {
	for i, p := range pinnedX {
		if p == r {
			return beam.Operand{Kind: beam.KindX, Val: int64(i)}, true
		}
	}
	return beam.Operand{}, false
}

// constant returns the immediate term of a constant operand.
func (l *lowerer) constant(o beam.Operand) (uint64, bool) {
	switch o.Kind {
	case beam.KindAtom:
		return abi.Atom(l.env.Atom(l.bm.Atom(int(o.Val)))), true
	case beam.KindNil:
		return abi.Nil, true
	case beam.KindInteger, beam.KindUnsigned, beam.KindChar:
		if o.Big == nil && abi.FitsSmall(o.Val) {
			return abi.Small(o.Val), true
		}
	}
	return 0, false
}

// load puts a source operand in r.
func (l *lowerer) load(o beam.Operand, r int16) {
	if from, ok := l.heldReg(o); ok {
		if from != r {
			l.op2(x86.AMOVQ, reg(from), reg(r))
		}
		return
	}
	switch o.Kind {
	case beam.KindX, beam.KindY:
		if a := l.addr(o); a.Type != obj.TYPE_REG || a.Reg != r {
			l.op2(x86.AMOVQ, a, reg(r))
		}
	case beam.KindLiteral:
		l.loadLiteral(l.env.Literal(l.bm.Name, int(o.Val)), r)
	default:
		if v, ok := l.constant(o); ok {
			l.op2(x86.AMOVQ, imm(int64(v)), reg(r))
			break
		}
		if z, ok := bigConstant(o); ok {
			l.loadLiteral(l.env.Integer(z), r)
			break
		}
		l.fail(fmt.Errorf("operand %s not supported", o))
	}
}

// loadLiteral puts entry idx of the program's literal table in r.
func (l *lowerer) loadLiteral(idx uint32, r int16) {
	l.op2(x86.AMOVQ, ctx(abi.OffLiterals), reg(r))
	l.op2(x86.AMOVQ, mem(r, 8*int64(idx)), reg(r))
}

// bigConstant returns the value of an integer constant that is not a
// small integer: a bignum term, which native code loads from the literal
// table.
func bigConstant(o beam.Operand) (*big.Int, bool) {
	switch {
	case o.Kind != beam.KindInteger:
		return nil, false
	case o.Big != nil:
		return o.Big, true
	case !abi.FitsSmall(o.Val):
		return big.NewInt(o.Val), true
	}
	return nil, false
}

// addr returns where an x or y register is: a memory operand, or the
// machine register of a pinned x register.
func (l *lowerer) addr(o beam.Operand) obj.Addr {
	switch o.Kind {
	case beam.KindX:
		return xAddr(o.Val)
	case beam.KindY:
		return mem(rSP, -8*(o.Val+1))
	}
	l.fail(fmt.Errorf("destination %s is not a register", o))
	return mem(rX, 0)
}

func (l *lowerer) store(r int16, o beam.Operand) {
	if a := l.addr(o); a.Type != obj.TYPE_REG || a.Reg != r {
		l.op2(x86.AMOVQ, reg(r), a)
	}
	l.noteHeld(r, o)
}

// storeImm stores a constant term in a register operand.
func (l *lowerer) storeImm(v uint64, o beam.Operand) {
	if a := l.addr(o); int64(v) == int64(int32(v)) || a.Type == obj.TYPE_REG {
		l.op2(x86.AMOVQ, imm(int64(v)), a)
		return
	}
	l.op2(x86.AMOVQ, imm(int64(v)), reg(rAX))
	l.store(rAX, o)
}

// cmpImm compares r with a constant.
func (l *lowerer) cmpImm(r int16, v uint64) {
	if int64(v) == int64(int32(v)) {
		l.op2(x86.ACMPQ, reg(r), imm(int64(v)))
		return
	}
	l.op2(x86.AMOVQ, imm(int64(v)), reg(rDI))
	l.op2(x86.ACMPQ, reg(r), reg(rDI))
}

// Exits to the runtime.

// exit stores request req and leaves to the runtime, which continues at
// resume (nil: the exit names itself, for requests that do not resume).
func (l *lowerer) exit(req uint64, resume *label) {
	self := resume == nil
	if self {
		// The exit's own RET names it: an offset no other site has.
		resume = l.newLabel()
	}
	// Requests that never look at the instruction need no site; the others
	// (calls, BIFs, raises, steps) do, and sites must not share offsets.
	withSite := req != abi.ReqGC && req != abi.ReqStack && req != abi.ReqYield
	l.op2(x86.AMOVQ, imm(int64(req)), ctx(abi.OffRequest))
	l.storeCPSite(ctx(abi.OffResume), resume, withSite)
	if self {
		l.leave(resume)
		return
	}
	l.leave(nil)
}

// storeCP stores the native continuation pointer of label lb at dst and
// records the label as a site of the current instruction.
func (l *lowerer) storeCP(dst obj.Addr, lb *label) { l.storeCPSite(dst, lb, true) }

func (l *lowerer) storeCPSite(dst obj.Addr, lb *label, withSite bool) {
	p := l.emit(x86.AMOVQ, imm(0x7fff0000), dst)
	site := l.site
	l.imm32Patched(p, lb, func(off int64) int64 {
		if withSite {
			l.out.Sites = append(l.out.Sites, codegen.Site{Offset: uint32(off), Index: site})
		}
		return int64(abi.NativeCP(uint32(off)))
	}, func(at uint32) {
		l.out.Refs = append(l.out.Refs, codegen.Ref{Offset: at, Kind: refCP, Target: l.self})
	})
}

func (l *lowerer) setOperand(i int, v int64) {
	l.op2(x86.AMOVQ, imm(v), ctx(abi.OffOperand(i)))
}

func (l *lowerer) setOperandFrom(i int, o beam.Operand) {
	if v, ok := l.constant(o); ok && int64(v) == int64(int32(v)) {
		l.setOperand(i, int64(v))
		return
	}
	l.op2(x86.AMOVQ, reg(l.use(o, rAX)), ctx(abi.OffOperand(i)))
}

// raise leaves with a ReqRaise of kind and value v (optional).
func (l *lowerer) raise(kind int64, v *beam.Operand) {
	if v != nil {
		l.setOperandFrom(1, *v)
	}
	l.setOperand(0, kind)
	l.exit(abi.ReqRaise, nil)
}

// raiseKinds are the BIFs that only raise, in their caller's frame
// (their own is not in the trace): a call of one is a raise.
var raiseKinds = map[beam.MFA]int64{
	{Module: "erlang", Function: "throw", Arity: 1}: abi.RaiseThrow,
	{Module: "erlang", Function: "error", Arity: 1}: abi.RaiseError,
	{Module: "erlang", Function: "exit", Arity: 1}:  abi.RaiseExit,
}

// Checks.

// checkStack makes sure n more words fit on the process stack.
func (l *lowerer) checkStack(n int64) { l.checkStackKeeping(n, rAX, func() {}, func() {}) }

// checkStackKeeping is checkStack with scratch for its scratch register,
// and spill and reload run around the exit that grows the stack.
func (l *lowerer) checkStackKeeping(n int64, scratch int16, spill, reload func()) {
	again := l.newLabel()
	l.bind(again)
	l.op2(x86.ALEAQ, mem(rSP, 8*n), reg(scratch))
	l.op2(x86.ACMPQ, reg(scratch), ctx(abi.OffStackLimit))
	grow := l.stub(func() {
		spill()
		l.setOperand(0, n)
		back := l.newLabel()
		l.exit(abi.ReqStack, back)
		l.bind(back)
		reload()
		l.jmp(obj.AJMP, again)
	})
	l.jmp(x86.AJHI, grow)
}

// takeBoxed puts in AX the boxed term of the object of words words
// written at the heap top, and moves the top past it.
func (l *lowerer) takeBoxed(words int64) { l.takeObject(words, abi.PrimaryBoxed, rAX) }

// takeObject puts in r the term with primary tag tag of the object of
// words words written at the heap top, and moves the top past it.
func (l *lowerer) takeObject(words, tag int64, r int16) {
	l.op2(x86.ALEAQ, mem(rHeap, tag), reg(r))
	l.op2(x86.AADDQ, imm(8*words), reg(rHeap))
}

// resultReg returns the register to build a result for dst in: its
// pinned register, or scratch.
func resultReg(dst beam.Operand, scratch int16) int16 {
	if r, ok := pinnedOperand(dst); ok {
		return r
	}
	return scratch
}

// putHeapWord stores operand v at heap top + 8*i, through scratch when
// it is not a constant that fits an immediate.
func (l *lowerer) putHeapWord(i int64, v beam.Operand, scratch int16) {
	if c, ok := l.constant(v); ok && int64(c) == int64(int32(c)) {
		l.op2(x86.AMOVQ, imm(int64(c)), mem(rHeap, 8*i))
		return
	}
	l.op2(x86.AMOVQ, reg(l.use(v, scratch)), mem(rHeap, 8*i))
}

// putHeapWords stores ops at heap top + 8*(first+i): first the ones
// the held register holds, straight from it, then the others through
// AX, which may be the held register.
func (l *lowerer) putHeapWords(first int64, ops []beam.Operand) {
	r, held := l.heldReg(l.held.o)
	isHeld := func(o beam.Operand) bool { return held && sameOperand(o, l.held.o) }
	for i, o := range ops {
		if isHeld(o) {
			l.op2(x86.AMOVQ, reg(r), mem(rHeap, 8*(first+int64(i))))
		}
	}
	for i, o := range ops {
		if !isHeld(o) {
			l.putHeapWord(first+int64(i), o, rAX)
		}
	}
}

// leaveCaller readies the stack for a call of kind (abi.Call*): a normal
// call pushes its continuation, the returned label, which the caller
// binds after the call; a last call drops the frame of dealloc words.
func (l *lowerer) leaveCaller(kind, dealloc int64) *label {
	ret := l.newLabel()
	if kind == abi.CallNormal {
		l.checkCPRoom()
		l.storeCP(mem(rSP, 0), ret)
		l.op2(x86.AADDQ, imm(8), reg(rSP))
	} else {
		l.dropFrame(dealloc)
	}
	return ret
}

// dropFrame pops a frame of words y registers (deallocate, and a last
// call's frame).
func (l *lowerer) dropFrame(words int64) {
	if words > 0 {
		l.op2(x86.ASUBQ, imm(8*words), reg(rSP))
	}
}

// checkCPRoom makes sure a continuation pointer can be pushed. Within
// an allocated frame there is room already: allocate checked for it.
func (l *lowerer) checkCPRoom() {
	if !l.plan.Framed[l.at] {
		l.checkStack(1)
	}
}

// checkHeap makes sure need words fit in the young generation,
// collecting with live x registers otherwise.
func (l *lowerer) checkHeap(need, live int64) {
	l.checkHeapKeeping(need, live, rAX, func() {}, func() {})
}

// checkHeapKeeping is checkHeap with scratch for its scratch register,
// and spill and reload run around the exit that collects.
func (l *lowerer) checkHeapKeeping(need, live int64, scratch int16, spill, reload func()) {
	done := l.newLabel()
	l.op2(x86.ALEAQ, mem(rHeap, 8*need), reg(scratch))
	l.op2(x86.ACMPQ, reg(scratch), ctx(abi.OffHeapLimit))
	gc := l.stub(func() {
		spill()
		l.setOperand(0, need)
		l.setOperand(1, live)
		back := l.newLabel()
		l.exit(abi.ReqGC, back)
		l.bind(back)
		reload()
		l.jmp(obj.AJMP, done)
	})
	l.jmp(x86.AJHI, gc)
	l.bind(done)
}

// Tag tests on r; they clobber rTmp.

func (l *lowerer) primary(r int16) {
	l.op2(x86.AMOVL, reg(r), reg(rTmp))
	l.op2(x86.AANDL, imm(abi.PrimaryMask), reg(rTmp))
}

// jumpUnlessSmall branches to fail unless r is a small integer.
func (l *lowerer) jumpUnlessSmall(r int16, fail *label) {
	l.testTag(r, abi.TagSmall, abi.Immed1Mask)
	l.jmp(x86.AJNE, fail)
}

// testTag sets ZF if r's bits under mask are tag: they are if subtracting
// tag clears them. One instruction fewer than masking a copy and
// comparing, on the path of every type test.
func (l *lowerer) testTag(r int16, tag, mask int64) {
	l.op2(x86.ALEAL, mem(r, -tag), reg(rTmp))
	l.op2(x86.ATESTB, imm(mask), reg(rTmp))
}

// jumpUnlessBoxed branches to fail unless r is a boxed pointer.
func (l *lowerer) jumpUnlessBoxed(r int16, fail *label) {
	l.testTag(r, abi.PrimaryBoxed, abi.PrimaryMask)
	l.jmp(x86.AJNE, fail)
}

// subtag loads the subtag bits (still shifted) of boxed r's header.
func (l *lowerer) subtag(r int16) {
	l.op2(x86.AMOVQ, mem(r, -abi.PrimaryBoxed), reg(rTmp))
	l.op2(x86.AANDL, imm(abi.HeaderSubtagMask), reg(rTmp))
}

// jumpIfSubtag / jumpUnlessSubtag test the subtag loaded by subtag.
func (l *lowerer) jumpIfSubtag(sub uint64, to *label) {
	l.op2(x86.ACMPL, reg(rTmp), imm(int64(sub<<abi.HeaderSubtagShift)))
	l.jmp(x86.AJEQ, to)
}

func (l *lowerer) jumpUnlessSubtag(sub uint64, fail *label) {
	l.op2(x86.ACMPL, reg(rTmp), imm(int64(sub<<abi.HeaderSubtagShift)))
	l.jmp(x86.AJNE, fail)
}

// boxedTest: r is boxed with one of subs, else fail.
func (l *lowerer) boxedTest(r int16, fail *label, subs ...uint64) {
	l.jumpUnlessBoxed(r, fail)
	l.subtag(r)
	ok := l.newLabel()
	for _, s := range subs[:len(subs)-1] {
		l.jumpIfSubtag(s, ok)
	}
	l.jumpUnlessSubtag(subs[len(subs)-1], fail)
	l.bind(ok)
}

// failLabel returns the label a test jumps to when it fails.
func (l *lowerer) failLabel(o beam.Operand) *label {
	if o.Kind != beam.KindLabel || o.Val == 0 {
		l.fail(fmt.Errorf("test without a fail label"))
		return l.newLabel()
	}
	return l.label(o.Val)
}

// Calls.

// callee returns the MFA and callee kind a call instruction names.
func (l *lowerer) localTarget(o beam.Operand) (beam.MFA, error) {
	f, _, ok := l.bm.Label(int(o.Val))
	if !ok {
		return beam.MFA{}, fmt.Errorf("call to undefined label %d", o.Val)
	}
	if f.Label != int(o.Val) {
		return beam.MFA{}, fmt.Errorf("call to label %d, not a function entry", o.Val)
	}
	return beam.MFA{Module: l.bm.Name, Function: f.Name, Arity: f.Arity}, nil
}

func (l *lowerer) importMFA(o beam.Operand) (beam.MFA, error) {
	if o.Val < 0 || int(o.Val) >= len(l.bm.Imports) {
		return beam.MFA{}, fmt.Errorf("import %d out of range", o.Val)
	}
	return l.bm.Imports[o.Val], nil
}

// call transfers control to target. For a normal call, the continuation
// is pushed first. A native target is jumped to directly (the compiler
// patches the rel32 once the blob is laid out); otherwise the jump goes
// to a stub that asks the runtime to make the call.
func (l *lowerer) call(target beam.MFA, external bool, kind int64, dealloc int64) {
	ret := l.leaveCaller(kind, dealloc)
	calleeKind := image.CalleeLocal
	if external {
		calleeKind = image.CalleeExternal
	}
	idx := l.env.Callee(target, calleeKind)
	viaRuntime := l.stub(func() {
		l.setOperand(0, int64(idx))
		l.setOperand(1, kind)
		if kind == abi.CallNormal {
			l.exit(abi.ReqCall, ret)
		} else {
			l.exit(abi.ReqCall, nil)
		}
	})
	if external && l.env.IsBIF(target) {
		l.jmp(obj.AJMP, viaRuntime)
	} else {
		l.emit(x86.ABYTE, imm(0xE9), obj.Addr{})
		p := l.emit(x86.ALONG, imm(0), obj.Addr{})
		l.imm32Patched(p, viaRuntime, func(off int64) int64 {
			return off - (p.Pc + 4)
		}, func(at uint32) {
			l.out.Refs = append(l.out.Refs, codegen.Ref{Offset: at, Kind: refJump, Target: target, External: external})
		})
	}
	if kind == abi.CallNormal {
		l.bindReturn(ret)
	}
}

// bifCall calls a BIF through the runtime (ReqBIF) and stores its result.
// live < 0 means the instruction does not collect (bif, not gc_bif).
func (l *lowerer) bifCall(mfa beam.MFA, args []beam.Operand, live int64, fail beam.Operand, dst beam.Operand) {
	idx := l.env.Callee(mfa, image.CalleeBIF)
	for i, a := range args {
		l.setOperandFrom(3+i, a)
	}
	l.setOperand(0, int64(idx))
	l.setOperand(1, live)
	hasFail := fail.Kind == beam.KindLabel && fail.Val != 0
	flags := int64(0)
	if hasFail {
		flags |= abi.BIFHasFail
	}
	var lits [2]emu.SmallLiteral
	for i, a := range args[:min(len(args), 2)] {
		lits[i].Value, lits[i].Is = l.smallConst(a)
	}
	if emu.RaisesWithoutFrame(mfa.Module, mfa.Function, mfa.Arity, lits[0], lits[1]) {
		flags |= abi.BIFNoFrame
	}
	l.setOperand(2, flags)
	back := l.newLabel()
	l.exit(abi.ReqBIF, back)
	l.bind(back)
	l.op2(x86.AMOVQ, ctx(abi.OffOperand(0)), reg(rAX))
	if hasFail {
		l.op2(x86.ATESTQ, reg(rAX), reg(rAX))
		l.jmp(x86.AJEQ, l.label(fail.Val))
	}
	l.store(rAX, dst)
}

// compare asks the runtime to compare a (AX) and b (CX): the result
// (0 or 1) is compared with 0 when it returns.
func (l *lowerer) compareSlow(kind int64, back *label) {
	l.op2(x86.AMOVQ, reg(rAX), ctx(abi.OffOperand(1)))
	l.op2(x86.AMOVQ, reg(rCX), ctx(abi.OffOperand(2)))
	l.setOperand(0, kind)
	l.exit(abi.ReqCompare, back)
}

// heapNeed reads a test_heap/allocate heap operand.
func heapNeed(o beam.Operand) int64 {
	if o.Kind == beam.KindAlloc && o.Alloc != nil {
		return o.Alloc.Words + o.Alloc.Floats*abi.FloatWords + o.Alloc.Funs*4
	}
	return o.Val
}

// sortedPairs returns select_val's pairs as immediate values and labels,
// sorted (signed, as CMPQ compares).
func (l *lowerer) sortedPairs(list []beam.Operand) ([]uint64, []*label, error) {
	type pair struct {
		v uint64
		l *label
	}
	var ps []pair
	for i := 0; i+1 < len(list); i += 2 {
		v, ok := l.constant(list[i])
		if !ok {
			return nil, nil, fmt.Errorf("select_val on %s (not an immediate)", list[i])
		}
		ps = append(ps, pair{v, l.label(list[i+1].Val)})
	}
	sort.Slice(ps, func(i, j int) bool { return int64(ps[i].v) < int64(ps[j].v) })
	vs := make([]uint64, len(ps))
	ls := make([]*label, len(ps))
	for i, p := range ps {
		vs[i], ls[i] = p.v, p.l
	}
	return vs, ls, nil
}

// selectTree dispatches r over sorted values by binary search.
func (l *lowerer) selectTree(r int16, vs []uint64, ls []*label, fail *label) {
	if len(vs) <= 4 {
		for i, v := range vs {
			l.cmpImm(r, v)
			l.jmp(x86.AJEQ, ls[i])
		}
		l.jmp(obj.AJMP, fail)
		return
	}
	mid := len(vs) / 2
	l.cmpImm(r, vs[mid])
	l.jmp(x86.AJEQ, ls[mid])
	right := l.newLabel()
	l.jmp(x86.AJGT, right)
	l.selectTree(r, vs[:mid], ls[:mid], fail)
	l.bind(right)
	l.selectTree(r, vs[mid+1:], ls[mid+1:], fail)
}

// writtenBeforeSafePoint returns the y registers that the instructions
// after the current one overwrite before anything could collect, exit to
// the runtime or branch: allocate need not clear those for the collector.
func (l *lowerer) writtenBeforeSafePoint() map[int64]bool {
	w := make(map[int64]bool)
	dst := func(o beam.Operand) {
		if o.Kind == beam.KindY {
			w[o.Val] = true
		}
	}
	for k, in := range l.fn.Func.Code[l.at+1:] {
		if l.plan.Step[l.at+1+k] {
			return w // the runtime's to execute: an exit
		}
		a := in.Args
		switch in.Op {
		case beam.OpLine, beam.OpExecutableLine, beam.OpDebugLine:
		case beam.OpMove:
			if a[0].Kind == beam.KindY && !w[a[0].Val] {
				return w // reads a y register not written yet
			}
			dst(a[1])
		case beam.OpFmove:
			// Boxing a float register into a y register, in heap words
			// reserved before; the other shapes read or leave no y.
			if a[0].Kind != beam.KindFR || a[1].Kind != beam.KindY {
				return w
			}
			dst(a[1])
		case beam.OpInitYregs:
			for _, y := range a[0].List {
				dst(y)
			}
		case beam.OpInit:
			dst(a[0])
		case beam.OpGetTupleElement:
			dst(a[2])
		case beam.OpGetHd, beam.OpGetTl:
			dst(a[1])
		case beam.OpGetList:
			dst(a[1])
			dst(a[2])
		default:
			return w
		}
	}
	return w
}

// step has the runtime execute the instruction (abi.ReqStep) and takes
// its fail label if it did.
func (l *lowerer) step(in beam.Instr) {
	back := l.newLabel()
	l.exit(abi.ReqStep, back)
	l.bind(back)
	if len(in.Args) > 0 && in.Args[0].Kind == beam.KindLabel && in.Args[0].Val != 0 {
		l.op2(x86.ACMPQ, ctx(abi.OffOperand(0)), imm(0))
		l.jmp(x86.AJNE, l.label(in.Args[0].Val))
	}
}
