package amd64

import (
	"math"

	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
)

// Binary matching in line. A match context (runtime/term's binary.go)
// holds the original binary (heap or refc) and absolute bit offsets into
// its bytes: start, end and position. The fast paths read and advance
// the position; what they do not handle (floats, utf8 beyond ASCII, a full heap,
// sizes in registers that are not small integers) is stepped: the runtime executes the
// whole instruction from its start, so the fast path writes nothing the
// step reads before it is sure to finish.

var (
	rMC  = int16(x86.REG_R9) // the match context (boxed)
	rPos = int16(x86.REG_R8) // its position, in bits
)

var (
	matchCtxHeader = abi.Header(abi.SubMatchCtx, abi.MatchCtxWords-1)
	subBinHeader   = abi.Header(abi.SubSubBin, abi.SubBinWords-1)
)

// ctxWord is word w of the match context in rMC.
func ctxWord(w int64) obj.Addr { return mem(rMC, 8*w-abi.PrimaryBoxed) }

// boxedWord is word w of the boxed term in r.
func boxedWord(r int16, w int64) obj.Addr { return mem(r, 8*w-abi.PrimaryBoxed) }

// bsMatchOp lowers the matching instructions, each with a fast path in
// line or, when its operands have none, as a step.
func (l *lowerer) bsMatchOp(in beam.Instr) {
	a := in.Args
	switch in.Op {
	case beam.OpBsStartMatch3:
		l.withSlowPath(in, func(slow *label) { l.startMatch(a[1], a[3], slow) })
	case beam.OpBsStartMatch4:
		l.withSlowPath(in, func(slow *label) { l.startMatch(a[2], a[3], slow) })
	case beam.OpBsGetPosition:
		l.load(a[0], rMC)
		l.op2(x86.AMOVQ, ctxWord(abi.CtxPositionWord), reg(rAX))
		l.tagSmall(rAX)
		l.store(rAX, a[1])
	case beam.OpBsSetPosition:
		l.load(a[0], rMC)
		l.load(a[1], rAX)
		l.op2(x86.ASARQ, imm(abi.SmallShift), reg(rAX))
		l.op2(x86.AMOVQ, reg(rAX), ctxWord(abi.CtxPositionWord))
	case beam.OpBsTestTail2:
		l.loadMatch(a[1])
		l.left(rCX)
		l.cmpImm(rCX, uint64(a[2].Val))
		l.jmp(x86.AJNE, l.failLabel(a[0]))
	case beam.OpBsTestUnit:
		l.testUnit(in)
	case beam.OpBsGetTail:
		l.withSlowPath(in, func(slow *label) {
			l.loadMatch(a[0])
			l.left(rCX)
			l.slice(slow)
			l.store(rAX, a[1])
		})
	case beam.OpBsGetInteger2:
		l.getInteger(in)
	case beam.OpBsGetBinary2, beam.OpBsSkipBits2:
		l.getBinary(in)
	case beam.OpBsMatchString:
		l.matchString(in)
	case beam.OpBsMatch:
		l.bsMatch(in)
	case beam.OpBsGetUtf8, beam.OpBsSkipUtf8:
		l.utf8(in)
	}
}

// withSlowPath emits fast in line and, if it branched to its slow label,
// a stub that steps the whole instruction.
func (l *lowerer) withSlowPath(in beam.Instr, fast func(slow *label)) {
	slow, done := l.newLabel(), l.newLabel()
	fast(slow)
	l.bind(done)
	l.stepSlow(in, slow, done)
}

// loadMatch loads the match context o and its position.
func (l *lowerer) loadMatch(o beam.Operand) {
	l.load(o, rMC)
	l.op2(x86.AMOVQ, ctxWord(abi.CtxPositionWord), reg(rPos))
}

// left puts the bits left (end - position) in r.
func (l *lowerer) left(r int16) {
	l.op2(x86.AMOVQ, ctxWord(abi.CtxEndWord), reg(r))
	l.op2(x86.ASUBQ, reg(rPos), reg(r))
}

// jumpIfFewer branches to to when fewer than n bits are left (clobbers
// rCX and rDI).
func (l *lowerer) jumpIfFewer(n int64, to *label) {
	l.left(rCX)
	l.cmpImm(rCX, uint64(n))
	l.jmp(x86.AJCS, to) // unsigned below
}

// tagSmall turns the raw integer in r (which fits) into a small term.
func (l *lowerer) tagSmall(r int16) {
	l.op2(x86.ASHLQ, imm(abi.SmallShift), reg(r))
	l.op2(x86.AORQ, imm(abi.TagSmall), reg(r))
}

// startMatch: a match context is used as it is; a heap, refc or
// sub-binary gets a new one. Anything else (not a bitstring: fail or
// badarg) and a full heap are the slow path's.
func (l *lowerer) startMatch(src, dst beam.Operand, slow *label) {
	l.load(src, rAX)
	l.jumpUnlessBoxed(rAX, slow)
	l.subtag(rAX)
	isCtx, whole := l.newLabel(), l.newLabel()
	l.jumpIfSubtag(abi.SubMatchCtx, isCtx)
	l.heapRoom(abi.MatchCtxWords, slow)
	l.jumpIfSubtag(abi.SubHeapBin, whole)
	l.jumpIfSubtag(abi.SubRefcBin, whole)
	l.jumpUnlessSubtag(abi.SubSubBin, slow)
	// A sub-binary: its original and its window.
	l.op2(x86.AMOVQ, boxedWord(rAX, abi.SubOrigWord), reg(rCX))
	l.op2(x86.AMOVQ, boxedWord(rAX, abi.SubBitOffWord), reg(rSI))
	l.op2(x86.AMOVQ, boxedWord(rAX, abi.SubBitSizeWord), reg(rDI))
	l.op2(x86.AADDQ, reg(rSI), reg(rDI))
	build := l.newLabel()
	l.jmp(obj.AJMP, build)
	l.bind(whole)
	l.op2(x86.AMOVQ, reg(rAX), reg(rCX))
	l.op2(x86.AXORL, reg(rSI), reg(rSI))
	l.op2(x86.AMOVQ, boxedWord(rAX, abi.BinSizeWord), reg(rDI))
	l.op2(x86.ASHLQ, imm(3), reg(rDI))
	l.bind(build)
	// [hdr, original (CX), start (SI), end (DI), position (SI)]
	l.op2(x86.AMOVQ, imm(int64(matchCtxHeader)), reg(rAX))
	l.op2(x86.AMOVQ, reg(rAX), mem(rHeap, 0))
	l.op2(x86.AMOVQ, reg(rCX), mem(rHeap, 8*abi.CtxOrigWord))
	l.op2(x86.AMOVQ, reg(rSI), mem(rHeap, 8*abi.CtxStartWord))
	l.op2(x86.AMOVQ, reg(rDI), mem(rHeap, 8*abi.CtxEndWord))
	l.op2(x86.AMOVQ, reg(rSI), mem(rHeap, 8*abi.CtxPositionWord))
	l.takeBoxed(abi.MatchCtxWords)
	l.bind(isCtx)
	l.store(rAX, dst)
}

// heapRoom branches to slow unless n words fit on the heap (clobbers
// rDI): the step allocates, or collects, the runtime's way.
func (l *lowerer) heapRoom(n int64, slow *label) {
	l.op2(x86.ALEAQ, mem(rHeap, 8*n), reg(rDI))
	l.op2(x86.ACMPQ, reg(rDI), ctx(abi.OffHeapLimit))
	l.jmp(x86.AJHI, slow)
}

// dataAddr puts the address of the match context's bytes in r (clobbers
// rTmp).
func (l *lowerer) dataAddr(r int16) {
	refc, done := l.newLabel(), l.newLabel()
	l.op2(x86.AMOVQ, ctxWord(abi.CtxOrigWord), reg(r))
	l.subtag(r)
	l.jumpIfSubtag(abi.SubRefcBin, refc)
	l.op2(x86.ALEAQ, boxedWord(r, abi.HeapBinDataWord), reg(r))
	l.jmp(obj.AJMP, done)
	l.bind(refc)
	l.op2(x86.AMOVQ, boxedWord(r, abi.RefcDataWord), reg(r))
	l.bind(done)
}

// slice puts in rAX the rCX bits at the position as a bitstring, as
// term.SliceBits makes it: the original itself when that is all of it,
// a new sub-binary otherwise (slow when the heap is full). rCX survives.
func (l *lowerer) slice(slow *label) {
	alloc, done := l.newLabel(), l.newLabel()
	l.op2(x86.AMOVQ, ctxWord(abi.CtxOrigWord), reg(rAX))
	l.op2(x86.ATESTQ, reg(rPos), reg(rPos))
	l.jmp(x86.AJNE, alloc)
	l.op2(x86.AMOVQ, boxedWord(rAX, abi.BinSizeWord), reg(rDI))
	l.op2(x86.ASHLQ, imm(3), reg(rDI))
	l.op2(x86.ACMPQ, reg(rDI), reg(rCX))
	l.jmp(x86.AJEQ, done)
	l.bind(alloc)
	l.heapRoom(abi.SubBinWords, slow)
	l.op2(x86.AMOVQ, imm(int64(subBinHeader)), reg(rDI))
	l.op2(x86.AMOVQ, reg(rDI), mem(rHeap, 0))
	l.op2(x86.AMOVQ, reg(rCX), mem(rHeap, 8*abi.SubBitSizeWord))
	l.op2(x86.AMOVQ, reg(rPos), mem(rHeap, 8*abi.SubBitOffWord))
	l.op2(x86.AMOVQ, reg(rAX), mem(rHeap, 8*abi.SubOrigWord))
	l.takeBoxed(abi.SubBinWords)
	l.bind(done)
}

// constBits returns Size * Unit when Size is a constant and the product
// fits.
func (l *lowerer) constBits(size, unit beam.Operand) (int64, bool) {
	s, ok := l.smallConst(size)
	if !ok || s < 0 || unit.Val < 0 || unit.Val > 256 || unit.Val > 0 && s > math.MaxInt64/unit.Val {
		return 0, false
	}
	return s * unit.Val, true
}

// getInteger: bs_get_integer2 Fail Ctx Live Size Unit Flags Dst.
func (l *lowerer) getInteger(in beam.Instr) {
	a := in.Args
	n, ok := l.constBits(a[3], a[4])
	f, err := emu.MatchFlags(l.bm, a[5])
	if !ok || err != nil || !inlineInt(n, f) {
		l.step(in)
		return
	}
	l.withSlowPath(in, func(slow *label) {
		l.loadMatch(a[1])
		l.jumpIfFewer(n, l.failLabel(a[0]))
		l.dataAddr(rSI)
		l.readInt(n, f)
		l.store(rAX, a[6])
		l.op2(x86.AADDQ, imm(n), reg(rPos))
		l.op2(x86.AMOVQ, reg(rPos), ctxWord(abi.CtxPositionWord))
	})
}

// getBinary: bs_get_binary2 Fail Ctx Live Size Unit Flags Dst and
// bs_skip_bits2 Fail Ctx Size Unit Flags, with a constant size or one
// in a register (all is stepped).
func (l *lowerer) getBinary(in beam.Instr) {
	a := in.Args
	size, unit := a[3], a[4]
	if in.Op == beam.OpBsSkipBits2 {
		size, unit = a[2], a[3]
	}
	_, isConst := l.constBits(size, unit)
	if !isConst && !isTermReg(size) && !l.isAll(size, unit) || unit.Val < 1 || unit.Val > 256 {
		l.step(in)
		return
	}
	l.withSlowPath(in, func(slow *label) {
		l.loadMatch(a[1])
		l.sizeInCX(size, unit, slow)
		l.left(rDI)
		l.op2(x86.ACMPQ, reg(rDI), reg(rCX))
		l.jmp(x86.AJCS, l.failLabel(a[0]))
		if in.Op == beam.OpBsGetBinary2 {
			l.slice(slow)
			l.store(rAX, a[6])
		}
		l.op2(x86.AADDQ, reg(rCX), reg(rPos))
		l.op2(x86.AMOVQ, reg(rPos), ctxWord(abi.CtxPositionWord))
	})
}

// isAll reports whether size is the atom all with a unit of a power of
// two: what is left, in line.
func (l *lowerer) isAll(size, unit beam.Operand) bool {
	return size.Kind == beam.KindAtom && l.bm.Atom(int(size.Val)) == "all" && powerOfTwo(unit.Val)
}

// sizeInCX puts Size * Unit in rCX; a size that is not a small
// non-negative integer, a product out of range, or all when what is left
// is not a whole number of units, is the slow path's.
func (l *lowerer) sizeInCX(size, unit beam.Operand, slow *label) {
	if n, ok := l.constBits(size, unit); ok {
		l.op2(x86.AMOVQ, imm(n), reg(rCX))
		return
	}
	if l.isAll(size, unit) {
		l.left(rCX)
		if unit.Val > 1 {
			l.op2(x86.ATESTQ, imm(unit.Val-1), reg(rCX))
			l.jmp(x86.AJNE, slow)
		}
		return
	}
	l.load(size, rCX)
	l.jumpUnlessSmall(rCX, slow)
	l.op2(x86.ASARQ, imm(abi.SmallShift), reg(rCX))
	l.jmp(x86.AJMI, slow) // SAR sets SF from the result
	if unit.Val > 1 {
		l.op2(x86.AMOVQ, imm(unit.Val), reg(rDI))
		l.op2(x86.AIMULQ, reg(rDI), reg(rCX))
		l.jmp(x86.AJOS, slow)
	}
}
