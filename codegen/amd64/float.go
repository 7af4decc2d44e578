package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
)

// Float instructions, in line with SSE2. The float registers are the
// process's array the interpreter uses (abi.Context.FRegs), so that an
// instruction the runtime executes for native code (abi.ReqStep) sees
// and leaves the same values.
//
// Within a run of float instructions (and the moves and tuple loads erlc
// puts between them, which cannot leave native code), float registers
// 0 to frCached-1 live in X1..X13: writes go to the XMM register only
// (the register is dirty), and reads take the XMM copy when the run has
// one. Arithmetic then chains through registers instead of through a
// store and a reload, and a register written several times is stored
// once. The dirty ones are written to the array wherever the runtime or
// other code could read it: before an exit to the runtime (whose Go code
// uses the XMM registers freely), before a branch to a label, and where
// the run ends (a label or any other instruction), where the copies are
// forgotten.
//
// Like the interpreter, every arithmetic instruction checks its own
// result: a result that is not finite (infinity or NaN) takes the fail
// label, or raises badarith at the instruction, and is not stored.

var (
	rFR = rR8                // address of float register 0, per instruction
	xA  = int16(x86.REG_X0)  // scratch: the value being computed
	xB  = int16(x86.REG_X14) // scratch: the finiteness test
)

// frCached is how many float registers have an XMM copy (X1 and up).
const frCached = 13

// frXMM is the XMM register that holds a copy of float register n.
func frXMM(n int64) int16 { return int16(x86.REG_X1) + int16(n) }

// floatHeader is the header word of a boxed float.
var floatHeader = abi.Header(abi.SubFloat, abi.FloatWords-1)

// float lowers fmove, fconv, fadd, fsub, fmul, fdiv, fnegate and
// fcheckerror.
func (l *lowerer) float(in beam.Instr) {
	a := in.Args
	switch in.Op {
	case beam.OpFmove:
		l.fmove(in)
	case beam.OpFconv:
		l.fconv(in)
	case beam.OpFadd:
		l.farith(x86.AADDSD, a[0], a[1], a[2], a[3])
	case beam.OpFsub:
		l.farith(x86.ASUBSD, a[0], a[1], a[2], a[3])
	case beam.OpFmul:
		l.farith(x86.AMULSD, a[0], a[1], a[2], a[3])
	case beam.OpFdiv:
		l.farith(x86.ADIVSD, a[0], a[1], a[2], a[3])
	case beam.OpFnegate:
		// 0.0 - x, as OTP computes it: the negation of 0.0 is 0.0.
		src := l.frSource(a[1])
		l.op2(x86.AXORPS, reg(xA), reg(xA))
		l.op2(x86.ASUBSD, src, reg(xA))
		l.checkFinite(xA, a[0])
		l.setFR(xA, a[2])
	case beam.OpFcheckerror:
		// Nothing is pending: the arithmetic instructions checked their
		// results already.
	}
}

// forgetFloats drops what the lowering knows about rFR and the XMM
// copies: the next float instruction reloads them.
func (l *lowerer) forgetFloats() {
	l.frBase = false
	l.frInXMM = 0
	l.frDirty = 0
}

// endFloatRun writes the dirty float registers back and forgets the run.
func (l *lowerer) endFloatRun() {
	if l.frDirty != 0 {
		l.loadFRBase()
		l.writeBack(l.frDirty)
	}
	l.forgetFloats()
}

// writeBack stores the XMM copies of the float registers in mask to the
// array; rFR must hold its address.
func (l *lowerer) writeBack(mask uint16) {
	for n := int64(0); n < frCached; n++ {
		if mask&(1<<n) != 0 {
			l.op2(x86.AMOVSD, reg(frXMM(n)), mem(rFR, 8*n))
		}
	}
}

// writeBackFrom is writeBack for out-of-line code, which cannot know
// whether rFR is loaded.
func (l *lowerer) writeBackFrom(mask uint16) {
	if mask != 0 {
		l.op2(x86.AMOVQ, ctx(abi.OffFRegs), reg(rFR))
		l.writeBack(mask)
	}
}

// loadFRBase loads rFR unless an instruction of the run did.
func (l *lowerer) loadFRBase() {
	if !l.frBase {
		l.op2(x86.AMOVQ, ctx(abi.OffFRegs), reg(rFR))
		l.frBase = true
	}
}

// keepsFloats reports whether rFR and the XMM copies survive up to
// instruction op: float instructions, those that emit nothing, and the
// moves, tuple loads and frame and heap checks between them, none of
// which touch R8 or an XMM register on their fast paths (the checks'
// slow paths write the dirty registers back and reload the copies:
// carryState). Not labels: other code jumps there.
func keepsFloats(op beam.Opcode) bool {
	switch op {
	case beam.OpFmove, beam.OpFconv, beam.OpFadd, beam.OpFsub, beam.OpFmul, beam.OpFdiv,
		beam.OpFnegate, beam.OpFcheckerror, beam.OpLine, beam.OpExecutableLine, beam.OpDebugLine,
		beam.OpMove, beam.OpGetTupleElement, beam.OpInitYregs,
		beam.OpAllocate, beam.OpAllocateZero, beam.OpAllocateHeap, beam.OpAllocateHeapZero, beam.OpTestHeap:
		return true
	}
	return false
}

// carryState is carryHeld, with the float run's state kept too: the
// slow paths write the dirty float registers back before they leave
// native code, and reload rFR and the XMM copies when they come back.
func (l *lowerer) carryState(live int64) (r int16, spill, reload func()) {
	r, heldSpill, heldReload := l.carryHeld(live)
	dirty, inXMM, base := l.frDirty, l.frInXMM, l.frBase
	spill = func() {
		heldSpill()
		l.writeBackFrom(dirty)
	}
	reload = func() {
		heldReload()
		if base || inXMM != 0 {
			l.reloadFloats(inXMM)
		}
	}
	return r, spill, reload
}

// stepFloat has the runtime execute the instruction; rFR and the XMM
// copies do not survive the exit.
func (l *lowerer) stepFloat(in beam.Instr) {
	l.endFloatRun()
	l.step(in)
	l.forgetFloats()
}

// frAddr is the memory operand of float register o (rFR loaded).
func (l *lowerer) frAddr(o beam.Operand) obj.Addr { return mem(rFR, 8*o.Val) }

// frSource is where float register o can be read: its XMM copy, or its
// word in the array.
func (l *lowerer) frSource(o beam.Operand) obj.Addr {
	if o.Val < frCached && l.frInXMM&(1<<o.Val) != 0 {
		return reg(frXMM(o.Val))
	}
	l.loadFRBase()
	return l.frAddr(o)
}

// setFR writes the float in XMM register x to float register dst: to
// its XMM copy, or to the array when it has none.
func (l *lowerer) setFR(x int16, dst beam.Operand) { l.writeFR(x86.AMOVSD, x86.AMOVAPD, x, dst) }

// setFRBits writes the float bits in general register r to float
// register dst, as setFR does.
func (l *lowerer) setFRBits(r int16, dst beam.Operand) { l.writeFR(x86.AMOVQ, x86.AMOVQ, r, dst) }

// writeFR copies r to float register dst's XMM register with toXMM, or,
// when dst has none, stores it in dst's word with toMem.
func (l *lowerer) writeFR(toMem, toXMM obj.As, r int16, dst beam.Operand) {
	if dst.Val >= frCached {
		l.loadFRBase()
		l.op2(toMem, reg(r), l.frAddr(dst))
		return
	}
	if r != frXMM(dst.Val) {
		l.op2(toXMM, reg(r), reg(frXMM(dst.Val)))
	}
	l.frInXMM |= 1 << dst.Val
	l.frDirty |= 1 << dst.Val
}

// reloadFloats reloads rFR and the XMM copies in mask after an exit.
func (l *lowerer) reloadFloats(mask uint16) {
	l.op2(x86.AMOVQ, ctx(abi.OffFRegs), reg(rFR))
	for n := int64(0); n < frCached; n++ {
		if mask&(1<<n) != 0 {
			l.op2(x86.AMOVSD, mem(rFR, 8*n), reg(frXMM(n)))
		}
	}
}

func isTermReg(o beam.Operand) bool { return o.Kind == beam.KindX || o.Kind == beam.KindY }

// fmove copies between float registers, loads a float constant or a
// boxed float into one, or boxes one into an x or y register.
func (l *lowerer) fmove(in beam.Instr) {
	src, dst := in.Args[0], in.Args[1]
	switch {
	case src.Kind == beam.KindFR && dst.Kind == beam.KindFR:
		from := l.frSource(src)
		if from.Type != obj.TYPE_REG {
			l.op2(x86.AMOVSD, from, reg(xA))
			from = reg(xA)
		}
		l.setFR(from.Reg, dst)
	case src.Kind == beam.KindFR && isTermReg(dst):
		l.boxFloat(src, dst)
	case src.Kind == beam.KindFloat && dst.Kind == beam.KindFR:
		l.storeFloatBits(uint64(src.Val), dst)
	case dst.Kind == beam.KindFR && (isTermReg(src) || src.Kind == beam.KindLiteral):
		l.termToFR(in, src, dst, false)
	default:
		// Shapes erlc does not emit: the runtime does what it always does.
		l.stepFloat(in)
	}
}

// fconv converts a number to a float register: a small integer or a
// boxed float in line. Anything else (a bignum, or a term that is no
// number and raises badarith) is the runtime's, so that the conversion
// and the exception are exactly the interpreter's.
func (l *lowerer) fconv(in beam.Instr) {
	src, dst := in.Args[0], in.Args[1]
	switch {
	case dst.Kind != beam.KindFR:
		l.stepFloat(in)
	case src.Kind == beam.KindFloat:
		l.storeFloatBits(uint64(src.Val), dst)
	case isTermReg(src) || src.Kind == beam.KindLiteral:
		l.termToFR(in, src, dst, true)
	default:
		l.stepFloat(in)
	}
}

// storeFloatBits puts a float constant (its IEEE bits) in float register
// dst.
func (l *lowerer) storeFloatBits(bits uint64, dst beam.Operand) {
	l.op2(x86.AMOVQ, imm(int64(bits)), reg(rAX))
	l.setFRBits(rAX, dst)
}

// termToFR loads the term in src into float register dst: a boxed float
// in line, and with convert (fconv) a small integer too. Anything else
// has the runtime execute the instruction.
func (l *lowerer) termToFR(in beam.Instr, src, dst beam.Operand, convert bool) {
	done := l.newLabel()
	after := l.frInXMM
	if dst.Val < frCached {
		after |= 1 << dst.Val
	}
	dirty := l.frDirty
	slow := l.stub(func() {
		l.writeBackFrom(dirty) // the step reads and writes the array
		l.step(in)
		// The code after done relies on rFR and the XMM copies of the
		// float registers, which the exit clobbered; the array is current.
		l.reloadFloats(after)
		l.jmp(obj.AJMP, done)
	})
	// The term is read where the instruction before left it, if it did
	// (get_tuple_element), unless that register is one this code uses.
	t := rAX
	if r, ok := l.heldReg(src); ok && r != rTmp && r != rFR && r != rDI {
		t = r
	} else {
		l.load(src, rAX)
	}
	l.loadFRBase()
	if convert {
		notSmall := l.newLabel()
		l.jumpUnlessSmall(t, notSmall)
		l.op2(x86.ASARQ, imm(abi.SmallShift), reg(t))
		l.op2(x86.ACVTSQ2SD, reg(t), reg(xA))
		l.setFR(xA, dst)
		l.jmp(obj.AJMP, done)
		l.bind(notSmall)
	}
	l.jumpUnlessBoxed(t, slow)
	l.cmpImm2(mem(t, -abi.PrimaryBoxed), floatHeader)
	l.jmp(x86.AJNE, slow)
	if dst.Val < frCached {
		// Straight into the XMM copy, and from there to the array.
		l.op2(x86.AMOVSD, mem(t, 8-abi.PrimaryBoxed), reg(frXMM(dst.Val)))
		l.setFR(frXMM(dst.Val), dst)
	} else {
		l.op2(x86.AMOVQ, mem(t, 8-abi.PrimaryBoxed), reg(rCX))
		l.setFRBits(rCX, dst)
	}
	l.bind(done)
}

// boxFloat stores float register src, boxed, in dst. The words were
// reserved by the test_heap or allocate_heap before (its float count).
func (l *lowerer) boxFloat(src, dst beam.Operand) {
	l.op2(x86.AMOVQ, imm(int64(floatHeader)), mem(rHeap, 0))
	if from := l.frSource(src); from.Type == obj.TYPE_REG {
		l.op2(x86.AMOVSD, from, mem(rHeap, 8))
	} else {
		l.op2(x86.AMOVQ, from, reg(rAX))
		l.op2(x86.AMOVQ, reg(rAX), mem(rHeap, 8))
	}
	l.takeBoxed(abi.FloatWords)
	l.store(rAX, dst)
}

// farith is fadd, fsub, fmul and fdiv: dst = x op y. When dst has an
// XMM copy, the result is computed there, unless that register is y's
// (read after x is put in place). A result that fails the finiteness
// test is left in the XMM register only: the paths from the test reach
// a label, where the copies are forgotten, or raise.
func (l *lowerer) farith(as obj.As, fail, x, y, dst beam.Operand) {
	if (as == x86.AADDSD || as == x86.AMULSD) && dst.Val == y.Val && dst.Val != x.Val {
		x, y = y, x // they commute (exactly, for the finite results kept)
	}
	to := xA
	// Not over a dirty destination when a failure goes to a label: the
	// label's code reads the array, which the branch writes back, and
	// dst must keep its value there.
	keepDst := l.frDirty&(1<<dst.Val) != 0 && hasFailLabel(fail)
	if dst.Val < frCached && (dst.Val != y.Val || x.Val == y.Val) && !keepDst {
		to = frXMM(dst.Val)
	}
	ySrc := l.frSource(y)
	if from := l.frSource(x); from.Type == obj.TYPE_REG {
		if from.Reg != to {
			l.op2(x86.AMOVAPD, from, reg(to))
		}
	} else {
		l.op2(x86.AMOVSD, from, reg(to))
	}
	if x.Val == y.Val {
		ySrc = reg(to)
	}
	l.op2(as, ySrc, reg(to))
	l.checkFinite(to, fail)
	l.setFR(to, dst)
}

// checkFinite takes the fail label, or raises badarith, when the float
// in XMM register x is an infinity or a NaN: then x - x is a NaN, which
// compares unordered with itself. It clobbers xB.
func (l *lowerer) checkFinite(x int16, fail beam.Operand) {
	l.op2(x86.AMOVAPD, reg(x), reg(xB))
	l.op2(x86.ASUBSD, reg(xB), reg(xB))
	l.op2(x86.AUCOMISD, reg(xB), reg(xB))
	if hasFailLabel(fail) {
		if l.frDirty == 0 {
			l.jmp(x86.AJPS, l.label(fail.Val))
			return
		}
		dirty, to := l.frDirty, l.label(fail.Val)
		l.jmp(x86.AJPS, l.stub(func() {
			l.writeBackFrom(dirty)
			l.jmp(obj.AJMP, to)
		}))
		return
	}
	bad := l.stub(func() { l.raise(abi.RaiseBadarith, nil) })
	l.jmp(x86.AJPS, bad)
}

// sqrtMFA is math:sqrt/1, which has an instruction of its own.
var sqrtMFA = beam.MFA{Module: "math", Function: "sqrt", Arity: 1}

// callSqrt is a call of the BIF math:sqrt/1 (not a tail call) with the
// common case in line: x0 a float with the sign bit clear, whose square
// root is finite and boxed into x0. Anything else makes the call, so
// that conversions, errors and their stack traces are the BIF's.
func (l *lowerer) callSqrt() {
	slow, done := l.newLabel(), l.newLabel()
	// Before loading x0: a collection moves it.
	l.checkHeap(abi.FloatWords, 1)
	l.load(beam.Operand{Kind: beam.KindX, Val: 0}, rAX)
	l.jumpUnlessBoxed(rAX, slow)
	l.cmpImm2(mem(rAX, -abi.PrimaryBoxed), floatHeader)
	l.jmp(x86.AJNE, slow)
	l.op2(x86.AMOVQ, mem(rAX, 8-abi.PrimaryBoxed), reg(rCX))
	l.op2(x86.ATESTQ, reg(rCX), reg(rCX))
	l.jmp(x86.AJMI, slow)
	l.op2(x86.AMOVQ, reg(rCX), reg(xA))
	l.op2(x86.ASQRTSD, reg(xA), reg(xA))
	l.op2(x86.AMOVQ, imm(int64(floatHeader)), mem(rHeap, 0))
	l.op2(x86.AMOVSD, reg(xA), mem(rHeap, 8))
	l.takeBoxed(abi.FloatWords)
	l.store(rAX, beam.Operand{Kind: beam.KindX, Val: 0})
	l.jmp(obj.AJMP, done)
	l.bind(slow)
	l.call(sqrtMFA, true, abi.CallNormal, 0)
	l.bind(done)
}

// hasFailLabel reports whether a fail operand names a label (not 0, for
// an exception).
func hasFailLabel(fail beam.Operand) bool { return fail.Kind == beam.KindLabel && fail.Val != 0 }
