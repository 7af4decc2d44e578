package amd64

import (
	"fmt"

	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
)

// instr lowers one BEAM instruction (codegen.NewPlan has checked it is
// one of the lowered opcodes).
func (l *lowerer) instr(in beam.Instr) error {
	a := in.Args
	switch in.Op {
	case beam.OpLabel:
		lb := l.label(a[0].Val)
		l.bind(lb)
		if int(a[0].Val) == l.fn.Func.Label {
			l.entry()
		}
	case beam.OpLine, beam.OpExecutableLine, beam.OpDebugLine:

	case beam.OpFuncInfo:
		// Out of line, so that the function's code starts at its entry.
		// The label before func_info (jumped to when no clause matches)
		// moves to the stub.
		labels := append([]*label(nil), l.pending...)
		l.pending = l.pending[:0]
		site := l.site
		l.stubs = append(l.stubs, func() {
			l.site = site
			for _, lb := range labels {
				l.bind(lb)
			}
			l.raise(abi.RaiseFuncInfo, nil)
		})

	case beam.OpMove:
		if v, ok := l.constant(a[0]); ok {
			l.storeImm(v, a[1])
			break
		}
		l.store(l.use(a[0], rAX), a[1])
	case beam.OpSwap:
		l.loadPair(a[0], a[1])
		l.store(rCX, a[0])
		l.store(rAX, a[1])
	case beam.OpInitYregs:
		for _, y := range a[0].List {
			l.storeImm(abi.Nil, y)
		}
	case beam.OpInit:
		l.storeImm(abi.Nil, a[0])

	case beam.OpGetList:
		l.getList(a[0], a[1], a[2])
	case beam.OpGetHd:
		l.getWords(a[0], []int64{-abi.PrimaryList}, []beam.Operand{a[1]})
	case beam.OpGetTl:
		l.getWords(a[0], []int64{8 - abi.PrimaryList}, []beam.Operand{a[1]})
	case beam.OpGetTupleElement:
		l.getWords(a[0], []int64{8*(a[1].Val+1) - abi.PrimaryBoxed}, []beam.Operand{a[2]})
	case beam.OpSetTupleElement:
		l.loadPair(a[1], a[0])
		l.op2(x86.AMOVQ, reg(rCX), mem(rAX, 8*(a[2].Val+1)-abi.PrimaryBoxed))
	case beam.OpPutList:
		// The held register first: loading the other would clobber it.
		l.putHeapWords(0, a[:2])
		r := resultReg(a[2], rAX)
		l.takeObject(2, abi.PrimaryList, r)
		l.store(r, a[2])
	case beam.OpPutTuple2:
		elems := a[1].List
		// The elements first: putHeapWords takes a held one from its
		// register only while nothing has been emitted.
		l.putHeapWords(1, elems)
		l.op2(x86.AMOVQ, imm(int64(abi.Header(abi.SubTuple, len(elems)))), mem(rHeap, 0))
		r := resultReg(a[0], rAX)
		l.takeObject(int64(len(elems)+1), abi.PrimaryBoxed, r)
		l.store(r, a[0])

	case beam.OpIsInteger, beam.OpIsFloat, beam.OpIsNumber, beam.OpIsAtom, beam.OpIsPid,
		beam.OpIsReference, beam.OpIsPort, beam.OpIsNil, beam.OpIsBinary, beam.OpIsList,
		beam.OpIsNonemptyList, beam.OpIsTuple, beam.OpIsFunction, beam.OpIsMap, beam.OpIsBoolean,
		beam.OpIsBitstr:
		if in.Op == beam.OpIsTuple && l.arityTestFollows(a[0], a[1]) {
			break // test_arity fails to the same label for anything not a tuple
		}
		r := l.typeTest(in.Op, l.failLabel(a[0]), a[1])
		if in.Op != beam.OpIsBinary {
			l.noteTested(a[1], r)
		}
	case beam.OpIsFunction2:
		l.isFunction2(in)
	case beam.OpTestArity:
		fail := l.failLabel(a[0])
		r := l.baseReg(a[1])
		l.jumpUnlessBoxed(r, fail)
		l.cmpImm2(mem(r, -abi.PrimaryBoxed), abi.Header(abi.SubTuple, int(a[2].Val)))
		l.jmp(x86.AJNE, fail)
		l.noteTested(a[1], r)
	case beam.OpIsTaggedTuple:
		fail := l.failLabel(a[0])
		r := l.baseReg(a[1])
		l.jumpUnlessBoxed(r, fail)
		l.cmpImm2(mem(r, -abi.PrimaryBoxed), abi.Header(abi.SubTuple, int(a[2].Val)))
		l.jmp(x86.AJNE, fail)
		v, ok := l.constant(a[3])
		if !ok {
			return fmt.Errorf("tag %s is not an atom", a[3])
		}
		l.cmpImm2(mem(r, 8-abi.PrimaryBoxed), v)
		l.jmp(x86.AJNE, fail)
		l.noteTested(a[1], r)
	case beam.OpIsEqExact, beam.OpIsNeExact, beam.OpIsEq, beam.OpIsNe:
		l.equality(in.Op, l.failLabel(a[0]), a[1], a[2])
	case beam.OpIsLt, beam.OpIsGe:
		l.order(in.Op == beam.OpIsLt, l.failLabel(a[0]), a[1], a[2])

	case beam.OpSelectVal:
		fail := l.label(a[1].Val)
		vs, ls, err := l.sortedPairs(a[2].List)
		if err != nil {
			l.selectBoxed(a[0], fail, a[2].List)
			break
		}
		l.selectTree(l.use(a[0], rAX), vs, ls, fail)
	case beam.OpSelectTupleArity:
		fail := l.label(a[1].Val)
		l.load(a[0], rAX)
		l.jumpUnlessBoxed(rAX, fail)
		l.op2(x86.AMOVQ, mem(rAX, -abi.PrimaryBoxed), reg(rCX))
		l.op2(x86.AMOVL, reg(rCX), reg(rTmp))
		l.op2(x86.AANDL, imm(abi.HeaderSubtagMask), reg(rTmp))
		l.jumpUnlessSubtag(abi.SubTuple, fail)
		list := a[2].List
		for i := 0; i+1 < len(list); i += 2 {
			l.cmpImm(rCX, abi.Header(abi.SubTuple, int(list[i].Val)))
			l.jmp(x86.AJEQ, l.label(list[i+1].Val))
		}
		l.jmp(obj.AJMP, fail)
	case beam.OpJump:
		l.jmp(obj.AJMP, l.label(a[0].Val))

	case beam.OpGetMapElements:
		l.getMapElements(in)
	case beam.OpHasMapFields:
		l.hasMapFields(in)
	case beam.OpPutMapAssoc, beam.OpPutMapExact:
		l.putMap(in)
	case beam.OpUpdateRecord:
		l.updateRecord(in)

	case beam.OpCall, beam.OpCallLast, beam.OpCallOnly:
		mfa, err := l.localTarget(a[1])
		if err != nil {
			return err
		}
		switch in.Op {
		case beam.OpCall:
			l.call(mfa, false, abi.CallNormal, 0)
		case beam.OpCallLast:
			l.call(mfa, false, abi.CallLast, a[2].Val)
		default:
			l.call(mfa, false, abi.CallOnly, 0)
		}
	case beam.OpCallExt, beam.OpCallExtLast, beam.OpCallExtOnly:
		mfa, err := l.importMFA(a[1])
		if err != nil {
			return err
		}
		kind, dealloc := callKind(in)
		switch {
		case kind == abi.CallNormal && mfa == sqrtMFA && l.env.IsBIF(mfa):
			l.callSqrt()
		case l.isReverse(mfa):
			l.callReverse(mfa, kind, dealloc)
		case raiseKinds[mfa] != 0 && l.env.IsBIF(mfa):
			l.callRaise(raiseKinds[mfa], mfa.Function, kind, dealloc)
		default:
			l.call(mfa, true, kind, dealloc)
		}
	case beam.OpReturn:
		l.ret(l.deallocReturn(l.at - 1))
	case beam.OpCallFun, beam.OpCallFun2:
		arity := a[0].Val
		fun := beam.Operand{Kind: beam.KindX, Val: arity}
		if in.Op == beam.OpCallFun2 {
			arity, fun = a[1].Val, a[2]
		}
		l.callFun(arity, fun)
	case beam.OpApply:
		l.apply(a[0].Val, 0, false)
	case beam.OpApplyLast:
		l.apply(a[0].Val, a[1].Val, true)
	case beam.OpMakeFun3:
		return l.makeFun(a[0].Val, a[1], a[2].List)

	case beam.OpBif0, beam.OpBif1, beam.OpBif2:
		// bif0 Bif Dst; bif1/bif2 Fail Bif Args... Dst.
		var fail beam.Operand
		args := a
		if in.Op != beam.OpBif0 {
			fail, args = a[0], a[1:]
		}
		mfa, err := l.importMFA(args[0])
		if err != nil {
			return err
		}
		l.bif(bifSite{mfa: mfa, fail: fail, live: -1, args: args[1 : len(args)-1], dst: args[len(args)-1]})
	case beam.OpGcBif1, beam.OpGcBif2, beam.OpGcBif3:
		// gc_bifN Fail Live Bif Args... Dst.
		mfa, err := l.importMFA(a[2])
		if err != nil {
			return err
		}
		l.bif(bifSite{mfa: mfa, fail: a[0], live: a[1].Val, args: a[3 : len(a)-1], dst: a[len(a)-1]})

	case beam.OpAllocate, beam.OpAllocateZero, beam.OpAllocateHeap, beam.OpAllocateHeapZero:
		n := a[0].Val
		heapWords, live := int64(0), a[1].Val
		if in.Op == beam.OpAllocateHeap || in.Op == beam.OpAllocateHeapZero {
			heapWords, live = heapNeed(a[1]), a[2].Val
		}
		// A value the instruction before left in a register stays there,
		// and so do the float registers of a run.
		l.keepingState(live, func(scratch int16, spill, reload func()) {
			// Room for the frame and the continuation a call pushes on it.
			l.checkStackKeeping(n+1, scratch, spill, reload)
			// The heap first, as OTP does: a collection then sees no
			// frame, and the new y registers need no clearing for it.
			if heapWords > 0 {
				l.checkHeapKeeping(heapWords, live, scratch, spill, reload)
			}
			l.pushFrame(n, scratch)
		})
	case beam.OpTestHeap:
		l.keepingState(a[1].Val, func(scratch int16, spill, reload func()) {
			l.checkHeapKeeping(heapNeed(a[0]), a[1].Val, scratch, spill, reload)
		})
	case beam.OpDeallocate, beam.OpTrim:
		if in.Op == beam.OpDeallocate && l.deallocReturn(l.at) > 0 {
			break // the return pops the frame with its continuation
		}
		l.dropFrame(a[0].Val)

	case beam.OpTry, beam.OpCatch:
		handler := l.label(a[1].Val)
		p := l.emit(x86.AMOVQ, imm(0x7fff0000), l.addr(a[0]))
		l.imm32Patched(p, handler, func(off int64) int64 {
			return int64(abi.NativeCatch(uint32(off)))
		}, func(at uint32) {
			l.out.Refs = append(l.out.Refs, refTo(at, refCatch, l.self))
		})
	case beam.OpTryEnd:
		l.storeImm(abi.Nil, a[0])
	case beam.OpTryCase:
		l.storeImm(abi.Nil, a[0])
		for i := int64(0); i < 3; i++ {
			l.load(beam.Operand{Kind: beam.KindX, Val: i + 1}, rAX)
			l.store(rAX, beam.Operand{Kind: beam.KindX, Val: i})
		}
	case beam.OpCatchEnd:
		l.storeImm(abi.Nil, a[0])
		done := l.newLabel()
		l.op2(x86.ACMPQ, l.addr(beam.Operand{Kind: beam.KindX, Val: 0}), imm(int64(abi.NonValue)))
		l.jmp(x86.AJNE, done)
		l.exit(abi.ReqCatchEnd, done)
		l.bind(done)
	case beam.OpBuildStacktrace:
		back := l.newLabel()
		l.exit(abi.ReqBuildStacktrace, back)
		l.bind(back)
	case beam.OpRaise:
		l.setOperandFrom(2, a[1])
		l.raise(abi.RaiseReraise, &a[0])
	case beam.OpRawRaise:
		l.raise(abi.RaiseRaw, nil)
	case beam.OpBadmatch:
		l.raise(abi.RaiseBadmatch, &a[0])
	case beam.OpCaseEnd:
		l.raise(abi.RaiseCaseClause, &a[0])
	case beam.OpTryCaseEnd:
		l.raise(abi.RaiseTryClause, &a[0])
	case beam.OpBadRecord:
		l.raise(abi.RaiseBadrecord, &a[0])
	case beam.OpIfEnd:
		l.raise(abi.RaiseIfClause, nil)

	case beam.OpBsStartMatch3, beam.OpBsStartMatch4, beam.OpBsMatch, beam.OpBsGetPosition,
		beam.OpBsSetPosition, beam.OpBsTestTail2, beam.OpBsTestUnit, beam.OpBsGetTail,
		beam.OpBsGetInteger2, beam.OpBsGetBinary2, beam.OpBsSkipBits2, beam.OpBsMatchString,
		beam.OpBsGetUtf8, beam.OpBsSkipUtf8:
		l.bsMatchOp(in)
	case beam.OpBsCreateBin:
		l.bsCreateBin(in)

	case beam.OpFmove, beam.OpFconv, beam.OpFadd, beam.OpFsub, beam.OpFmul, beam.OpFdiv,
		beam.OpFnegate, beam.OpFcheckerror:
		l.float(in)

	default:
		return fmt.Errorf("not lowered yet")
	}
	return nil
}

// entry is the function's entry: count a reduction, yield when out.
func (l *lowerer) entry() {
	again := l.newLabel()
	l.bind(again)
	l.op1(x86.ADECQ, reg(rReds))
	yield := l.stub(func() { l.exit(abi.ReqYield, again) })
	l.jmp(x86.AJLE, yield)
}

// deallocReturn returns the size of the frame that instruction i
// deallocates when the next one is return, which then pops frame and
// continuation at once; otherwise -1. (Nothing jumps between the two: a
// label would be an instruction between them.)
func (l *lowerer) deallocReturn(i int) int64 {
	code := l.fn.Func.Code
	if i < 0 || i+1 >= len(code) || code[i].Op != beam.OpDeallocate || code[i+1].Op != beam.OpReturn ||
		l.plan.Step[i] || l.plan.Step[i+1] {
		return -1
	}
	return code[i].Args[0].Val
}

// callKind is how a call_ext instruction leaves its caller's frame: the
// abi.Call kind, and the frame words call_ext_last drops.
func callKind(in beam.Instr) (kind, dealloc int64) {
	switch in.Op {
	case beam.OpCallExtLast:
		return abi.CallLast, in.Args[2].Val
	case beam.OpCallExtOnly:
		return abi.CallOnly, 0
	}
	return abi.CallNormal, 0
}

// ret pops the continuation, and the frame of frame words (if any) below
// it, and goes there: straight to native code, or through the runtime to
// the interpreter.
func (l *lowerer) ret(frame int64) {
	l.op2(x86.ASUBQ, imm(8*(1+max(frame, 0))), reg(rSP))
	l.op2(x86.AMOVQ, mem(rSP, 0), reg(rTmp))
	// The native flag is bit 2: the last bit the shift drops, in CF.
	l.op2(x86.ASHRQ, imm(abi.CPShift), reg(rTmp))
	toInterp := l.stub(func() {
		l.op2(x86.AMOVQ, mem(rSP, 0), reg(rAX))
		l.op2(x86.AMOVQ, reg(rAX), ctx(abi.OffOperand(0)))
		l.exit(abi.ReqReturn, nil)
	})
	l.jmp(x86.AJCC, toInterp)
	l.op2(x86.AADDQ, ctx(abi.OffCodeBase), reg(rTmp))
	l.op1(obj.AJMP, reg(rTmp))
}

// bindReturn binds the label a call returns to.
func (l *lowerer) bindReturn(ret *label) {
	l.bind(ret)
}

// pushFrame makes room for a frame of n y registers (allocate). Every
// stack word must be a term or a CP for the collector: the new y
// registers are cleared, through scratch, except those the next
// instructions write before any safe point.
func (l *lowerer) pushFrame(n int64, scratch int16) {
	if n == 0 {
		return
	}
	written := l.writtenBeforeSafePoint()
	cleared := false
	for i := int64(0); i < n; i++ {
		// y(k) lives at SP + 8*(n-1-k) once SP has moved.
		if written[n-1-i] {
			continue
		}
		if !cleared {
			l.op2(x86.AXORL, reg(scratch), reg(scratch))
			cleared = true
		}
		l.op2(x86.AMOVQ, reg(scratch), mem(rSP, 8*i))
	}
	l.op2(x86.AADDQ, imm(8*n), reg(rSP))
}

// arityTestFollows reports whether the next instruction (line markers
// aside) is test_arity of src with the same fail label: the pair the
// compiler emits for every tuple pattern, where the arity test alone
// decides.
func (l *lowerer) arityTestFollows(fail, src beam.Operand) bool {
	for _, in := range l.fn.Func.Code[l.at+1:] {
		switch in.Op {
		case beam.OpLine, beam.OpExecutableLine, beam.OpDebugLine:
			continue
		case beam.OpTestArity:
			return sameOperand(in.Args[0], fail) && sameOperand(in.Args[1], src)
		}
		return false
	}
	return false
}

// baseReg returns the register to read the words of src's object
// through: its pinned register, or AX, where the tests before a get
// leave it (inAX) and where it is loaded otherwise.
func (l *lowerer) baseReg(src beam.Operand) int16 {
	if r, ok := pinnedOperand(src); ok {
		return r
	}
	if !l.inAX(src) {
		l.load(src, rAX)
	}
	return rAX
}

// getWords loads the words at offsets offs of src's object into the
// registers dsts, in order: the pinned one that is src's own last.
func (l *lowerer) getWords(src beam.Operand, offs []int64, dsts []beam.Operand) {
	base := l.baseReg(src)
	scratch := []int16{rCX, rDX}
	order := make([]int, 0, len(dsts))
	for i, d := range dsts {
		if r, ok := pinnedOperand(d); !ok || r != base {
			order = append(order, i)
		}
	}
	for i, d := range dsts {
		if r, ok := pinnedOperand(d); ok && r == base {
			order = append(order, i)
		}
	}
	regs := make([]int16, len(dsts))
	for k, i := range order {
		regs[i] = scratch[k]
		if r, ok := pinnedOperand(dsts[i]); ok {
			regs[i] = r
		}
		l.op2(x86.AMOVQ, mem(base, offs[i]), reg(regs[i]))
	}
	// The one stored last stays held: the first, when the next
	// instruction reads it first.
	last := len(dsts) - 1
	if len(dsts) == 2 && l.nextReadsFirst(dsts[0]) {
		last = 0
	}
	for i, d := range dsts {
		if i != last {
			l.store(regs[i], d)
		}
	}
	l.store(regs[last], dsts[last])
}

// getList lowers get_list: the head to hd, the tail to tl.
func (l *lowerer) getList(src, hd, tl beam.Operand) {
	l.getWords(src, []int64{-abi.PrimaryList, 8 - abi.PrimaryList}, []beam.Operand{hd, tl})
}

// inAX reports whether AX holds src already: the previous instruction
// loaded it there and nothing can jump in between (a BEAM label is an
// instruction of its own). It is how the elements of a matched tuple are
// fetched without reloading the tuple for each, and a list cell's head
// and tail right after the test that it is one.
func (l *lowerer) inAX(src beam.Operand) bool {
	if l.at == 0 || l.plan.Step[l.at-1] {
		return false
	}
	prev := l.fn.Func.Code[l.at-1]
	switch prev.Op {
	case beam.OpTestArity, beam.OpIsTaggedTuple, beam.OpIsNonemptyList:
		return sameOperand(prev.Args[1], src)
	case beam.OpGetTupleElement:
		return sameOperand(prev.Args[0], src) && !sameOperand(prev.Args[2], src)
	}
	return false
}

// cmpOperandImm compares operand o with a constant: in memory, when o
// is an x or y register that no general register holds already and the
// constant fits an imm32.
func (l *lowerer) cmpOperandImm(o beam.Operand, v uint64) {
	if _, held := l.heldReg(o); !held && isTermReg(o) && int64(v) == int64(int32(v)) {
		l.op2(x86.ACMPQ, l.addr(o), imm(int64(v)))
		return
	}
	l.load(o, rAX)
	l.cmpImm(rAX, v)
}

func sameOperand(a, b beam.Operand) bool {
	return a.Kind == b.Kind && a.Val == b.Val && a.Big == nil && b.Big == nil
}

// cmpImm2 compares a memory word with a constant.
func (l *lowerer) cmpImm2(m obj.Addr, v uint64) {
	if int64(v) == int64(int32(v)) {
		l.op2(x86.ACMPQ, m, imm(int64(v)))
		return
	}
	l.op2(x86.AMOVQ, imm(int64(v)), reg(rDI))
	l.op2(x86.ACMPQ, m, reg(rDI))
}

// nextReadsFirst reports whether the next instruction (line markers
// aside) has o as its first register operand.
func (l *lowerer) nextReadsFirst(o beam.Operand) bool {
	code := l.fn.Func.Code
	next, _ := skipInert(code, l.at+1)
	if next >= len(code) {
		return false
	}
	for _, a := range code[next].Args {
		if isTermReg(a) {
			return sameOperand(a, o)
		}
	}
	return false
}

// noteTested records that r holds src after a test that loaded it there
// and left it alone (its branches clobber only rTmp and rDI).
func (l *lowerer) noteTested(src beam.Operand, r int16) {
	if isTermReg(src) {
		l.noteLoaded(r, src)
	}
}

// typeTest lowers the is_* type tests, and returns the register it
// tested src in.
func (l *lowerer) typeTest(op beam.Opcode, fail *label, src beam.Operand) int16 {
	// The tests below only read it. A list cell's register is where the
	// get_list after the test looks for it (baseReg).
	r := l.use(src, rAX)
	if op == beam.OpIsNonemptyList {
		r = l.baseReg(src)
	}
	switch op {
	case beam.OpIsInteger, beam.OpIsNumber:
		ok := l.newLabel()
		notSmall := l.newLabel()
		l.jumpUnlessSmall(r, notSmall)
		l.jmp(obj.AJMP, ok)
		l.bind(notSmall)
		if op == beam.OpIsInteger {
			l.boxedTest(r, fail, abi.SubPosBig, abi.SubNegBig)
		} else {
			l.boxedTest(r, fail, abi.SubPosBig, abi.SubNegBig, abi.SubFloat)
		}
		l.bind(ok)
	case beam.OpIsFloat:
		l.boxedTest(r, fail, abi.SubFloat)
	case beam.OpIsAtom:
		l.op2(x86.AMOVL, reg(r), reg(rTmp))
		l.op2(x86.AANDL, imm(abi.Immed2Mask), reg(rTmp))
		l.op2(x86.ACMPL, reg(rTmp), imm(abi.TagAtom))
		l.jmp(x86.AJNE, fail)
	case beam.OpIsPid, beam.OpIsPort:
		tag := int64(abi.TagPid)
		if op == beam.OpIsPort {
			tag = abi.TagPort
		}
		l.op2(x86.AMOVL, reg(r), reg(rTmp))
		l.op2(x86.AANDL, imm(abi.Immed1Mask), reg(rTmp))
		l.op2(x86.ACMPL, reg(rTmp), imm(tag))
		l.jmp(x86.AJNE, fail)
	case beam.OpIsReference:
		l.boxedTest(r, fail, abi.SubRef)
	case beam.OpIsNil:
		l.cmpImm(r, abi.Nil)
		l.jmp(x86.AJNE, fail)
	case beam.OpIsList:
		ok := l.newLabel()
		l.cmpImm(r, abi.Nil)
		l.jmp(x86.AJEQ, ok)
		l.testTag(r, abi.PrimaryList, abi.PrimaryMask)
		l.jmp(x86.AJNE, fail)
		l.bind(ok)
	case beam.OpIsNonemptyList:
		l.testTag(r, abi.PrimaryList, abi.PrimaryMask)
		l.jmp(x86.AJNE, fail)
	case beam.OpIsTuple:
		l.boxedTest(r, fail, abi.SubTuple)
	case beam.OpIsFunction:
		l.boxedTest(r, fail, abi.SubFun, abi.SubExport)
	case beam.OpIsMap:
		l.boxedTest(r, fail, abi.SubFlatMap, abi.SubHashMap)
	case beam.OpIsBitstr:
		l.boxedTest(r, fail, abi.SubHeapBin, abi.SubRefcBin, abi.SubSubBin)
	case beam.OpIsBinary:
		// Sub-binaries need their bit size checked: ask the guard BIF.
		ok := l.newLabel()
		slow := l.newLabel()
		l.jumpUnlessBoxed(r, fail)
		l.subtag(r)
		l.jumpIfSubtag(abi.SubHeapBin, ok)
		l.jumpIfSubtag(abi.SubRefcBin, ok)
		l.jumpIfSubtag(abi.SubSubBin, slow)
		l.jmp(obj.AJMP, fail)
		l.bind(slow)
		tmp := beam.Operand{Kind: beam.KindX, Val: 1023}
		l.bifCall(beam.MFA{Module: "erlang", Function: "is_binary", Arity: 1}, []beam.Operand{src}, -1, beam.Operand{}, tmp)
		l.load(tmp, rCX)
		l.cmpImm(rCX, abi.Atom(l.env.Atom("true")))
		l.jmp(x86.AJNE, fail)
		l.bind(ok)
	case beam.OpIsBoolean:
		ok := l.newLabel()
		l.cmpImm(r, abi.Atom(l.env.Atom("true")))
		l.jmp(x86.AJEQ, ok)
		l.cmpImm(r, abi.Atom(l.env.Atom("false")))
		l.jmp(x86.AJNE, fail)
		l.bind(ok)
	}
	return r
}

// jumpIfEitherImmediate branches to to when a or b is an immediate term:
// two different words of which one is immediate are different terms.
func (l *lowerer) jumpIfEitherImmediate(a, b int16, to *label) {
	for _, r := range []int16{a, b} {
		l.testTag(r, abi.PrimaryImmed1, abi.PrimaryMask)
		l.jmp(x86.AJEQ, to)
	}
}

// jumpUnlessBothImmediate branches to to unless a and b are both
// immediates: for ==, only then do unequal words mean unequal terms
// (1 == 1.0).
func (l *lowerer) jumpUnlessBothImmediate(a, b int16, to *label) {
	l.primary(a)
	l.op2(x86.AMOVL, reg(rTmp), reg(rSI))
	l.primary(b)
	l.op2(x86.AANDL, reg(rSI), reg(rTmp))
	l.op2(x86.ACMPL, reg(rTmp), imm(abi.PrimaryImmed1))
	l.jmp(x86.AJNE, to)
}

// identityOperand finds an operand that makes equality identity of
// words: an immediate constant, for =:= and =/=, or one that is not a
// number, for == and /= (a small integer equals a float there). It
// returns the constant's word and the other operand.
func (l *lowerer) identityOperand(x, y beam.Operand, exact bool) (uint64, beam.Operand, bool) {
	for _, p := range [2][2]beam.Operand{{x, y}, {y, x}} {
		v, ok := l.constant(p[0])
		if ok && (exact || !l.isSmallConst(p[0])) {
			return v, p[1], true
		}
	}
	return 0, beam.Operand{}, false
}

// eitherImmediateDecides reports whether unequal words with an immediate
// among them are unequal terms: for =:=, and against a bignum constant,
// which no immediate equals. Otherwise (==) only two immediates are, as
// 1 == 1.0.
func eitherImmediateDecides(exact bool, x, y beam.Operand) bool {
	return exact || isBigConst(x) || isBigConst(y)
}

// equality lowers is_eq_exact, is_ne_exact, is_eq and is_ne: identical
// words are equal; for =:= an immediate equals only itself, for == two
// immediates are equal only as the same word; anything else is the
// runtime's to compare.
func (l *lowerer) equality(op beam.Opcode, fail *label, x, y beam.Operand) {
	negate := op == beam.OpIsNeExact || op == beam.OpIsNe
	kind := int64(abi.CmpEqExact)
	if op == beam.OpIsEq || op == beam.OpIsNe {
		kind = abi.CmpEq
	}
	if v, other, ok := l.identityOperand(x, y, kind == abi.CmpEqExact); ok {
		l.cmpOperandImm(other, v)
		if negate {
			l.jmp(x86.AJEQ, fail)
		} else {
			l.jmp(x86.AJNE, fail)
		}
		return
	}
	l.loadPair(x, y)
	equal, notEqual := l.newLabel(), l.newLabel()
	if negate {
		equal, notEqual = fail, l.newLabel()
	} else {
		equal, notEqual = l.newLabel(), fail
	}
	l.op2(x86.ACMPQ, reg(rAX), reg(rCX))
	l.jmp(x86.AJEQ, equal)
	back := l.newLabel()
	slow := l.stub(func() { l.compareSlow(kind, back) })
	if eitherImmediateDecides(kind == abi.CmpEqExact, x, y) {
		l.jumpIfEitherImmediate(rAX, rCX, notEqual)
		l.jmp(obj.AJMP, slow)
	} else {
		l.jumpUnlessBothImmediate(rAX, rCX, slow)
		l.jmp(obj.AJMP, notEqual)
	}
	l.bind(back)
	l.op2(x86.ACMPQ, ctx(abi.OffOperand(0)), imm(0))
	l.jmp(x86.AJEQ, notEqual)
	if negate {
		l.jmp(obj.AJMP, equal)
		l.bind(notEqual)
	} else {
		l.bind(equal)
	}
}

// order lowers is_lt (lt) and is_ge: small integers in line, the rest
// through the runtime.
func (l *lowerer) order(lt bool, fail *label, x, y beam.Operand) {
	slow := l.newLabel()
	done := l.newLabel()
	// The fast paths leave an operand in a register, which the slow path
	// reloads, so that the next instruction can take it from there.
	keep, kept := int16(-1), beam.Operand{}
	toAXCX := func() {} // the slow path's moves of x to AX and y to CX
	if less, r, ok := smallAgainstBig(x, y); ok {
		l.orderBig(lt, less, r, fail, slow, x, y)
	} else if c, varOp, constFirst, ok := l.smallImmOperand(x, y); ok {
		keep, kept = l.orderImm(lt, fail, slow, c, varOp, constFirst), varOp
	} else {
		xr, yr := l.smallRegs(x, y, slow)
		keep, kept = xr, x
		if l.nextReadsFirst(y) {
			keep, kept = yr, y
		}
		toAXCX = func() {
			if yr != rCX {
				l.op2(x86.AMOVQ, reg(yr), reg(rCX))
			}
			if xr != rAX {
				l.op2(x86.AMOVQ, reg(xr), reg(rAX))
			}
		}
		// Tagged small integers compare as their values.
		l.op2(x86.ACMPQ, reg(xr), reg(yr))
		if lt {
			l.jmp(x86.AJGE, fail)
		} else {
			l.jmp(x86.AJLT, fail)
		}
	}
	if _, ok := pinnedOperand(kept); ok || !isTermReg(kept) {
		keep = -1 // a pinned register needs no note, nor reload
	}
	back := l.newLabel()
	l.stubAt(slow, func() {
		toAXCX()
		l.compareSlow(abi.CmpLt, back)
	})
	l.bind(done)
	if keep >= 0 {
		l.noteLoaded(keep, kept)
	}
	// back: the runtime's answer to "x < y".
	l.stubAt(back, func() {
		l.op2(x86.ACMPQ, ctx(abi.OffOperand(0)), imm(0))
		if lt {
			l.jmp(x86.AJEQ, fail)
		} else {
			l.jmp(x86.AJNE, fail)
		}
		if keep >= 0 {
			l.op2(x86.AMOVQ, l.addr(kept), reg(keep))
		}
		l.jmp(obj.AJMP, done)
	})
}

// smallImmOperand finds the shape order compares against an immediate:
// one operand a small constant whose tagged word fits 32 bits, the other
// not a constant. constFirst says the constant is x.
func (l *lowerer) smallImmOperand(x, y beam.Operand) (tagged int64, varOp beam.Operand, constFirst bool, ok bool) {
	fits := func(o beam.Operand) (int64, bool) {
		v, ok := l.constant(o)
		if !ok || !l.isSmallConst(o) || int64(int32(v)) != int64(v) {
			return 0, false
		}
		return int64(v), true
	}
	if _, isConst := l.constant(x); !isConst {
		if c, ok := fits(y); ok {
			return c, x, false, true
		}
	}
	if _, isConst := l.constant(y); !isConst {
		if c, ok := fits(x); ok {
			return c, y, true, true
		}
	}
	return 0, beam.Operand{}, false, false
}

// orderImm is order's test of a small integer against a constant small
// integer: its tagged word against the constant's. The slow path finds x
// in AX and y in CX, as compareSlow expects. It returns the register
// that holds varOp.
func (l *lowerer) orderImm(lt bool, fail, slow *label, c int64, varOp beam.Operand, constFirst bool) int16 {
	want, other := rAX, rCX
	if constFirst {
		want, other = rCX, rAX
	}
	toSlow := l.newLabel()
	r := l.use(varOp, want)
	l.jumpUnlessSmall(r, toSlow)
	l.stubAt(toSlow, func() {
		if r != want {
			l.op2(x86.AMOVQ, reg(r), reg(want))
		}
		l.op2(x86.AMOVQ, imm(c), reg(other))
		l.jmp(obj.AJMP, slow)
	})
	l.op2(x86.ACMPQ, reg(r), imm(c))
	switch {
	case !constFirst && lt: // x < c
		l.jmp(x86.AJGE, fail)
	case !constFirst: // x >= c
		l.jmp(x86.AJLT, fail)
	case lt: // c < y
		l.jmp(x86.AJLE, fail)
	default: // c >= y
		l.jmp(x86.AJGT, fail)
	}
	return r
}

// stubAt queues out-of-line code bound at an existing label.
func (l *lowerer) stubAt(lb *label, body func()) {
	site := l.site
	l.stubs = append(l.stubs, func() {
		l.site = site
		l.bind(lb)
		body()
	})
}

func (l *lowerer) smallConst(o beam.Operand) (int64, bool) {
	switch o.Kind {
	case beam.KindInteger, beam.KindUnsigned, beam.KindChar:
		if o.Big == nil && abi.FitsSmall(o.Val) {
			return o.Val, true
		}
	}
	return 0, false
}

func (l *lowerer) isSmallConst(o beam.Operand) bool {
	_, ok := l.smallConst(o)
	return ok
}

// selectBoxed is select_val over values that are not all immediates
// (floats, bignums in literals): one =:= test after another, the boxed
// ones through the runtime.
func (l *lowerer) selectBoxed(src beam.Operand, fail *label, list []beam.Operand) {
	for i := 0; i+1 < len(list); i += 2 {
		target := l.label(list[i+1].Val)
		l.load(src, rAX)
		if v, ok := l.constant(list[i]); ok {
			l.cmpImm(rAX, v)
			l.jmp(x86.AJEQ, target)
			continue
		}
		next := l.newLabel()
		l.load(list[i], rCX)
		l.op2(x86.ACMPQ, reg(rAX), reg(rCX))
		l.jmp(x86.AJEQ, target)
		l.testTag(rAX, abi.PrimaryImmed1, abi.PrimaryMask)
		l.jmp(x86.AJEQ, next)
		back := l.newLabel()
		l.compareSlow(abi.CmpEqExact, back)
		l.bind(back)
		l.op2(x86.ACMPQ, ctx(abi.OffOperand(0)), imm(0))
		l.jmp(x86.AJNE, target)
		l.bind(next)
	}
	l.jmp(obj.AJMP, fail)
}
