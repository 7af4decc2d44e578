package amd64

import (
	"fmt"

	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
)

// Raising in native code. A call of erlang:throw/1, error/1 or exit/1
// whose exception a native handler catches never leaves native code:
// the blob's raise routine (at abi.NativeRaiseOffset) does what the
// runtime's raise would, in one walk of the process stack. That made a
// caught throw several times cheaper than a trip through the runtime,
// which builds the same trace and finds the same handler.

// raiseTraceWords is the most heap a native raise takes: the lazy trace
// ({tag, site, CP...}) and the handler's {Class, Trace}.
const raiseTraceWords = 3 + abi.MaxTraceCPs + 3

// callRaise lowers a call of one of raiseKinds (class, an atom name, is
// the function's): the exception is raised without a call of the BIF,
// by the raise routine, which falls back to the ReqRaise of kind with x0
// as the reason at this instruction's site. The stack is left as the
// call would find it when the BIF raised, so the trace is the same: no
// continuation (the runtime pops a call's when its BIF fails), the frame
// of a call_ext_last dropped.
func (l *lowerer) callRaise(kind int64, class string, callKind, dealloc int64) {
	if callKind == abi.CallLast {
		l.dropFrame(dealloc)
	}
	l.setOperandFrom(1, beam.Operand{Kind: beam.KindX, Val: 0})
	l.setOperand(0, kind)
	site := l.newLabel()
	l.storeCP(ctx(abi.OffResume), site)
	l.op2(x86.AMOVQ, imm(int64(l.atom(class))), reg(rCX))
	l.op2(x86.AMOVQ, imm(int64(l.atom(abi.LazyTraceAtom))), reg(rDX))
	l.op2(x86.AMOVQ, ctx(abi.OffCodeBase), reg(rAX))
	l.op2(x86.AADDQ, imm(abi.NativeRaiseOffset), reg(rAX))
	l.bind(site) // the site's offset: the jump's, unique to it
	l.op1(obj.AJMP, reg(rAX))
}

// raiseRoutine assembles the raise routine. Registers on entry: CX the
// class atom, DX the lazy-trace atom; the ReqRaise is in the context.
// The trace's tag goes to its place above the heap top first, which
// frees DX.
//
// The walk goes down from the stack top. It records the catch marker
// nearest the top and the stack height its frame ends at (the address
// of the last CP above it, as the runtime's unwind cuts the stack; the
// top itself when the catch is in the current frame), and copies up to
// abi.MaxTraceCPs frame CPs, as small integers, into the trace's slots
// above the heap top (a CP equal to the one taken before it is left
// out, as the runtime's traceCPs and OTP do). It stops once it has
// both, or at the bottom. Nothing is committed until a native handler
// is certain.
func raiseRoutine() []byte {
	a := newAsm()
	var (
		rWalk  = rDI                // the word below it is the next to look at
		rBase  = rR8                // the stack's first word
		rTop   = rSI                // the last CP above the catch: the handler's stack height
		rCatch = int16(x86.REG_R11) // the catch marker, 0 until found
		rK     = int16(x86.REG_R10) // CPs taken
		rPrev  = rR9                // the CP taken last
	)
	slow, loop, done := a.newLabel(), a.newLabel(), a.newLabel()
	notCP, take, check := a.newLabel(), a.newLabel(), a.newLabel()
	cpSlot := func(r int16) obj.Addr { // CP slot r of the trace being built
		return obj.Addr{Type: obj.TYPE_MEM, Reg: rHeap, Index: r, Scale: 8, Offset: 8 * 3}
	}

	// The walk needs the pinned x registers: their values wait in the x
	// array, for the runtime if it raises (slow), and are dead if a
	// native handler takes the exception.
	a.spillPinned()
	a.op2(x86.ALEAQ, mem(rHeap, 8*raiseTraceWords), reg(rAX))
	a.op2(x86.ACMPQ, reg(rAX), ctx(abi.OffHeapLimit))
	a.jmp(x86.AJHI, slow)
	a.op2(x86.AMOVQ, reg(rDX), mem(rHeap, 8)) // the tag; DX is free from here
	a.op2(x86.AMOVQ, ctx(abi.OffStackBase), reg(rBase))
	a.op2(x86.AMOVQ, reg(rSP), reg(rWalk))
	a.op2(x86.AMOVQ, reg(rSP), reg(rTop))
	a.op2(x86.AXORL, reg(rCatch), reg(rCatch))
	a.op2(x86.AXORL, reg(rK), reg(rK))
	a.op2(x86.AXORL, reg(rPrev), reg(rPrev))

	a.bind(loop)
	a.op2(x86.ACMPQ, reg(rWalk), reg(rBase))
	a.jmp(x86.AJLS, done)
	a.op2(x86.ASUBQ, imm(8), reg(rWalk))
	a.op2(x86.AMOVQ, mem(rWalk, 0), reg(rAX))
	a.op2(x86.ATESTB, imm(abi.PrimaryMask), reg(rAX))
	a.jmp(x86.AJNE, notCP)
	a.op2(x86.ATESTQ, reg(rAX), reg(rAX))
	a.jmp(x86.AJEQ, loop) // a y register never written
	// A continuation pointer: the frame above the catch, if none yet.
	topKept := a.newLabel()
	a.op2(x86.ATESTQ, reg(rCatch), reg(rCatch))
	a.jmp(x86.AJNE, topKept)
	a.op2(x86.AMOVQ, reg(rWalk), reg(rTop))
	a.bind(topKept)
	a.op2(x86.ACMPQ, reg(rK), imm(abi.MaxTraceCPs))
	a.jmp(x86.AJCC, check) // the trace is full
	a.op2(x86.ATESTB, imm(abi.CPNativeFlag), reg(rAX))
	a.jmp(x86.AJNE, take)
	a.op2(x86.ACMPQ, reg(rAX), imm(abi.ReservedCodeIndices<<abi.CPShift))
	a.jmp(x86.AJCS, loop) // a process's stop, not a frame
	a.bind(take)
	a.op2(x86.ACMPQ, reg(rAX), reg(rPrev))
	a.jmp(x86.AJEQ, loop) // a recursion through one call site: one frame
	a.op2(x86.AMOVQ, reg(rAX), reg(rPrev))
	lazyCP(a, rAX)
	a.op2(x86.AMOVQ, reg(rAX), cpSlot(rK))
	a.op1(x86.AINCQ, reg(rK))
	a.jmp(obj.AJMP, check)

	a.bind(notCP)
	a.op2(x86.ATESTQ, reg(rCatch), reg(rCatch))
	a.jmp(x86.AJNE, loop) // only the innermost catch counts
	a.op2(x86.AMOVL, reg(rAX), reg(rTmp))
	a.op2(x86.AANDL, imm(abi.Immed2Mask), reg(rTmp))
	a.op2(x86.ACMPL, reg(rTmp), imm(abi.TagCatch))
	a.jmp(x86.AJNE, loop)
	a.op2(x86.AMOVQ, reg(rAX), reg(rCatch)) // rTop stays: the handler's stack height

	a.bind(check)
	a.op2(x86.ATESTQ, reg(rCatch), reg(rCatch))
	a.jmp(x86.AJEQ, loop)
	a.op2(x86.ACMPQ, reg(rK), imm(abi.MaxTraceCPs))
	a.jmp(x86.AJCS, loop)

	a.bind(done)
	a.op2(x86.ATESTQ, reg(rCatch), reg(rCatch))
	a.jmp(x86.AJEQ, slow) // no catch: the process ends, the runtime's to do
	a.op2(x86.ASHRQ, imm(abi.CatchShift), reg(rCatch))
	a.op2(x86.ATESTB, imm(abi.CatchNativeFlag), reg(rCatch))
	a.jmp(x86.AJEQ, slow)                 // an interpreted handler
	a.op2(x86.ASHRQ, imm(1), reg(rCatch)) // the handler's blob offset

	// The lazy trace: {tag, site, CP...}, its CPs in place already.
	a.op2(x86.ALEAQ, mem(rK, 2), reg(rAX))
	a.op2(x86.ASHLQ, imm(abi.HeaderArityShift), reg(rAX))
	a.op2(x86.AORQ, imm(int64(abi.Header(abi.SubTuple, 0))), reg(rAX))
	a.op2(x86.AMOVQ, reg(rAX), mem(rHeap, 0))
	a.op2(x86.AMOVQ, ctx(abi.OffResume), reg(rAX))
	lazyCP(a, rAX)
	a.op2(x86.AMOVQ, reg(rAX), mem(rHeap, 16))
	a.op2(x86.ALEAQ, mem(rHeap, abi.PrimaryBoxed), reg(rDX))
	a.op2(x86.ALEAQ, cpSlot(rK), reg(rHeap))
	// The raw trace {Class, Trace}.
	a.op2(x86.AMOVQ, imm(int64(abi.Header(abi.SubTuple, 2))), mem(rHeap, 0))
	a.op2(x86.AMOVQ, reg(rCX), mem(rHeap, 8))
	a.op2(x86.AMOVQ, reg(rDX), mem(rHeap, 16))
	a.op2(x86.ALEAQ, mem(rHeap, abi.PrimaryBoxed), reg(rAX))
	a.op2(x86.AADDQ, imm(24), reg(rHeap))
	// The handler's address, out of the pinned x registers' way.
	a.op2(x86.AMOVQ, reg(rCatch), reg(rWalk))
	a.op2(x86.AADDQ, ctx(abi.OffCodeBase), reg(rWalk))
	// The handler's registers, as the runtime's unwind leaves them.
	a.op2(x86.AMOVQ, reg(rAX), xAddr(3))
	a.op2(x86.AMOVQ, ctx(abi.OffOperand(1)), reg(rAX))
	a.op2(x86.AMOVQ, reg(rAX), xAddr(2))
	a.op2(x86.AMOVQ, reg(rCX), xAddr(1))
	a.op2(x86.AMOVQ, imm(int64(abi.NonValue)), xAddr(0))
	a.op2(x86.AMOVQ, reg(rTop), reg(rSP))
	a.op1(obj.AJMP, reg(rWalk))

	// The runtime raises: the exit the jump stood for.
	a.bind(slow)
	a.op2(x86.AMOVQ, imm(int64(abi.ReqRaise)), ctx(abi.OffRequest))
	a.loadPinned() // for leave to store them again
	a.leave(nil)
	code, err := a.assemble()
	if err != nil {
		panic(fmt.Errorf("raise routine: %w", err))
	}
	return code
}

// lazyCP turns the continuation pointer in r into the small integer a
// lazy trace keeps of it (CP >> abi.LazyCPShift).
func lazyCP(a *asm, r int16) {
	a.op2(x86.ASHRQ, imm(abi.LazyCPShift), reg(r))
	a.op2(x86.ASHLQ, imm(abi.SmallShift), reg(r))
	a.op2(x86.AORQ, imm(abi.TagSmall), reg(r))
}
