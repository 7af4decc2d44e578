package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
)

// bifSite is one bif or gc_bif instruction.
type bifSite struct {
	mfa  beam.MFA
	fail beam.Operand   // the fail label, or none (raise)
	live int64          // live x registers for gc_bif; -1 for bif
	args []beam.Operand // the arguments
	dst  beam.Operand
}

// inlineBIF is a fast path for a hot BIF: it emits code that handles the
// common case and branches to slow (which calls the BIF through the
// runtime, raising or failing as the BIF decides) otherwise. The result
// goes to site.dst in both cases.
type inlineBIF func(l *lowerer, s bifSite, slow *label)

// bifName is an erlang module BIF: name and arity.
type bifName struct {
	name  string
	arity int
}

// inlineBIFs are the erlang BIFs with fast paths.
var inlineBIFs = map[bifName]inlineBIF{
	{"+", 2}: (*lowerer).addSub, {"-", 2}: (*lowerer).addSub, {"*", 2}: (*lowerer).mul,
	{"div", 2}: (*lowerer).divRem, {"rem", 2}: (*lowerer).divRem,
	{"band", 2}: (*lowerer).bitwise, {"bor", 2}: (*lowerer).bitwise, {"bxor", 2}: (*lowerer).bitwise,
	{"bsr", 2}: (*lowerer).shift, {"bsl", 2}: (*lowerer).shift,
	{"<", 2}: (*lowerer).compareBIF, {">", 2}: (*lowerer).compareBIF,
	{"=<", 2}: (*lowerer).compareBIF, {">=", 2}: (*lowerer).compareBIF,
	{"=:=", 2}: (*lowerer).equalBIF, {"=/=", 2}: (*lowerer).equalBIF,
	{"==", 2}: (*lowerer).equalBIF, {"/=", 2}: (*lowerer).equalBIF,
	{"-", 1}: (*lowerer).negate, {"bnot", 1}: (*lowerer).bnot,
	{"not", 1}: (*lowerer).notBIF,
	{"hd", 1}:  (*lowerer).hdTl, {"tl", 1}: (*lowerer).hdTl,
	{"element", 2}: (*lowerer).element, {"tuple_size", 1}: (*lowerer).tupleSize,
	{"length", 1}:    (*lowerer).length,
	{"byte_size", 1}: (*lowerer).byteSize, {"bit_size", 1}: (*lowerer).bitSize,
	{"map_size", 1}: (*lowerer).mapSize,
	{"map_get", 2}:  (*lowerer).mapGet, {"is_map_key", 2}: (*lowerer).mapGet,
}

// bif lowers a bif or gc_bif instruction: a fast path in line when the
// BIF has one, the runtime's BIF otherwise and when the fast path gives
// up.
func (l *lowerer) bif(s bifSite) {
	if emu.PlusAsIncrement(s.mfa.Module, s.mfa.Function, s.mfa.Arity) {
		s.mfa.Arity = 2
		s.args = []beam.Operand{s.args[0], {Kind: beam.KindInteger, Val: 0}}
	}
	if len(s.args) == 2 {
		if c, ok := l.smallConst(s.args[1]); ok {
			if inc, ok := emu.IncrementOf(s.mfa.Module, s.mfa.Function, s.mfa.Arity, c); ok {
				s.mfa.Function = "+"
				s.args = []beam.Operand{s.args[0], {Kind: beam.KindInteger, Val: inc}}
			}
		}
	}
	fast, ok := inlineBIFs[bifName{s.mfa.Function, s.mfa.Arity}]
	if s.mfa.Module != "erlang" || !ok {
		l.bifCall(s.mfa, s.args, s.live, s.fail, s.dst)
		return
	}
	slow, done := l.newLabel(), l.newLabel()
	fast(l, s, slow)
	// When the fast path ends by storing the result from a register, the
	// slow path leaves it there too, so that the next instruction can
	// take it from the register whichever path ran.
	r, held := l.heldReg(s.dst)
	l.bind(done)
	if held {
		l.noteHeld(r, s.dst)
	}
	l.stubAt(slow, func() {
		l.bifCall(s.mfa, s.args, s.live, s.fail, s.dst)
		if held {
			l.load(s.dst, r)
		}
		l.jmp(obj.AJMP, done)
	})
}

// smallArgs loads the two arguments into AX and CX and branches to slow
// unless both are small integers.
func (l *lowerer) smallArgs(s bifSite, slow *label) { l.smallOperands(s.args[0], s.args[1], slow) }

// smallOperands loads x in AX and y in CX and branches to slow unless
// both are small integers, testing only the ones that are not constants.
func (l *lowerer) smallOperands(x, y beam.Operand, slow *label) {
	l.loadPair(x, y)
	l.jumpUnlessSmalls(x, y, rAX, rCX, slow)
}

// smallArgsIntoAX is smallArgs for code that changes only the first
// argument: the second stays in its pinned register if it has one. It
// returns the second's register.
func (l *lowerer) smallArgsIntoAX(s bifSite, slow *label) int16 {
	x, y := s.args[0], s.args[1]
	yr, ok := pinnedOperand(y)
	if !ok {
		l.smallOperands(x, y, slow)
		return rCX
	}
	l.load(x, rAX)
	l.jumpUnlessSmalls(x, y, rAX, yr, slow)
	return yr
}

// jumpUnlessSmalls branches to slow unless x (in xr) and y (in yr) are
// both small integers, testing only the ones that are not constants.
func (l *lowerer) jumpUnlessSmalls(x, y beam.Operand, xr, yr int16, slow *label) {
	switch {
	case l.isSmallConst(x) && l.isSmallConst(y):
	case l.isSmallConst(x):
		l.jumpUnlessSmall(yr, slow)
	case l.isSmallConst(y):
		l.jumpUnlessSmall(xr, slow)
	default:
		// Both tags are 1111 only if their AND has them.
		l.op2(x86.AMOVL, reg(xr), reg(rTmp))
		l.op2(x86.AANDL, reg(yr), reg(rTmp))
		l.op2(x86.AANDL, imm(abi.Immed1Mask), reg(rTmp))
		l.op2(x86.ACMPL, reg(rTmp), imm(abi.TagSmall))
		l.jmp(x86.AJNE, slow)
	}
}

// smallRegs is smallOperands for code that only reads the operands: a
// pinned one is tested where it is. It returns x's register and y's,
// each pinned or else AX for x and CX for y.
func (l *lowerer) smallRegs(x, y beam.Operand, slow *label) (xr, yr int16) {
	xp, xPinned := pinnedOperand(x)
	yp, yPinned := pinnedOperand(y)
	switch {
	case xPinned && yPinned:
		xr, yr = xp, yp
	case xPinned:
		xr, yr = xp, rCX
		l.load(y, rCX)
	case yPinned:
		xr, yr = rAX, yp
		l.load(x, rAX)
	default:
		l.loadPair(x, y)
		xr, yr = rAX, rCX
	}
	l.jumpUnlessSmalls(x, y, xr, yr, slow)
	return xr, yr
}

// addSub: a tagged small is v<<4|15, so (a<<4|15) ± (b<<4) is the tagged
// sum or difference; OF is overflow out of the 64-bit word, and a result
// that left the small range is caught by the shift check in retag.
func (l *lowerer) addSub(s bifSite, slow *label) {
	if c, ok := l.smallConst(s.args[1]); ok && int64(int32(c<<abi.SmallShift)) == c<<abi.SmallShift {
		l.load(s.args[0], rAX)
		if !l.isSmallConst(s.args[0]) {
			l.jumpUnlessSmall(rAX, slow)
		}
		as := obj.As(x86.AADDQ)
		if s.mfa.Function == "-" {
			as = x86.ASUBQ
		}
		l.op2(as, imm(c<<abi.SmallShift), reg(rAX))
		l.jmp(x86.AJOS, slow)
		l.store(rAX, s.dst)
		return
	}
	y := l.smallArgsIntoAX(s, slow)
	if s.mfa.Function == "+" {
		l.op2(x86.ASUBQ, imm(abi.TagSmall), reg(rAX))
		l.op2(x86.AADDQ, reg(y), reg(rAX))
		l.jmp(x86.AJOS, slow)
	} else {
		l.op2(x86.ASUBQ, reg(y), reg(rAX))
		l.jmp(x86.AJOS, slow)
		l.op2(x86.AORQ, imm(abi.TagSmall), reg(rAX))
	}
	l.store(rAX, s.dst)
}

func (l *lowerer) mul(s bifSite, slow *label) {
	if c, ok := l.smallConst(s.args[1]); ok && !l.isSmallConst(s.args[0]) {
		// A constant factor goes in shifted, without its tag.
		l.load(s.args[0], rAX)
		l.jumpUnlessSmall(rAX, slow)
		l.op2(x86.ASARQ, imm(abi.SmallShift), reg(rAX))
		if f := c << abi.SmallShift; f == int64(int32(f)) && f>>abi.SmallShift == c {
			p := l.emit(x86.AIMUL3Q, imm(f), reg(rAX))
			p.SetFrom3(reg(rAX))
			l.jmp(x86.AJOS, slow)
			l.op2(x86.AORQ, imm(abi.TagSmall), reg(rAX))
			l.store(rAX, s.dst)
			return
		}
		l.op2(x86.AMOVQ, imm(c<<abi.SmallShift), reg(rCX))
	} else {
		l.smallArgs(s, slow)
		l.op2(x86.ASARQ, imm(abi.SmallShift), reg(rAX))
		l.op2(x86.ASUBQ, imm(abi.TagSmall), reg(rCX))
	}
	l.op2(x86.AIMULQ, reg(rCX), reg(rAX))
	l.jmp(x86.AJOS, slow)
	l.op2(x86.AORQ, imm(abi.TagSmall), reg(rAX))
	l.store(rAX, s.dst)
}

// divRem: truncating division, as Erlang's div and rem (the remainder
// has the dividend's sign, like IDIV's). Division by zero and the one
// quotient that leaves the small range (MinSmall div -1) go to the BIF.
func (l *lowerer) divRem(s bifSite, slow *label) {
	if c, ok := l.smallConst(s.args[1]); ok && c != 0 && c != -1 && !l.isSmallConst(s.args[0]) {
		// A constant divisor needs neither test.
		l.load(s.args[0], rAX)
		l.jumpUnlessSmall(rAX, slow)
		l.op2(x86.ASARQ, imm(abi.SmallShift), reg(rAX))
		l.op2(x86.AMOVQ, imm(c), reg(rCX))
	} else {
		l.smallArgs(s, slow)
		l.op2(x86.ASARQ, imm(abi.SmallShift), reg(rCX))
		l.op2(x86.ATESTQ, reg(rCX), reg(rCX))
		l.jmp(x86.AJEQ, slow)
		l.op2(x86.ASARQ, imm(abi.SmallShift), reg(rAX))
		if s.mfa.Function == "div" {
			l.op2(x86.ACMPQ, reg(rCX), imm(-1))
			l.jmp(x86.AJEQ, slow)
		}
	}
	l.emit(x86.ACQO, obj.Addr{}, obj.Addr{})
	l.emit(x86.AIDIVQ, reg(rCX), obj.Addr{}) // the source operand is From
	r := rAX
	if s.mfa.Function == "rem" {
		r = rDX
	}
	l.tagSmall(r)
	l.store(r, s.dst)
}

// bitwise: AND and OR of two tagged smalls keep the tag; XOR clears it.
func (l *lowerer) bitwise(s bifSite, slow *label) {
	l.smallArgs(s, slow)
	switch s.mfa.Function {
	case "band":
		l.op2(x86.AANDQ, reg(rCX), reg(rAX))
	case "bor":
		l.op2(x86.AORQ, reg(rCX), reg(rAX))
	default:
		l.op2(x86.AXORQ, reg(rCX), reg(rAX))
		l.op2(x86.AORQ, imm(abi.TagSmall), reg(rAX))
	}
	l.store(rAX, s.dst)
}

// negate: with x = v<<4|15, the tagged -v is 30-x. Only -MinSmall
// leaves the small range, and 30-x overflows the word exactly then.
func (l *lowerer) negate(s bifSite, slow *label) {
	l.load(s.args[0], rCX)
	l.jumpUnlessSmall(rCX, slow)
	l.op2(x86.AMOVQ, imm(2*abi.TagSmall), reg(rAX))
	l.op2(x86.ASUBQ, reg(rCX), reg(rAX))
	l.jmp(x86.AJOS, slow)
	l.store(rAX, s.dst)
}

// bnot: the complement of v<<4|15 is (bnot v)<<4 with a clear tag.
func (l *lowerer) bnot(s bifSite, slow *label) {
	l.load(s.args[0], rAX)
	l.jumpUnlessSmall(rAX, slow)
	l.emit(x86.ANOTQ, obj.Addr{}, reg(rAX))
	l.op2(x86.AORQ, imm(abi.TagSmall), reg(rAX))
	l.store(rAX, s.dst)
}

// shift: bsr and bsl by a constant; a bsl result that does not fit a
// small integer is the BIF's (a bignum).
func (l *lowerer) shift(s bifSite, slow *label) {
	n, ok := l.smallConst(s.args[1])
	if !ok || n < 0 || n > 63 {
		l.jmp(obj.AJMP, slow)
		return
	}
	l.load(s.args[0], rAX)
	l.jumpUnlessSmall(rAX, slow)
	l.op2(x86.ASARQ, imm(abi.SmallShift), reg(rAX))
	if s.mfa.Function == "bsr" {
		l.op2(x86.ASARQ, imm(n), reg(rAX))
	} else {
		// Shifting back must give the value again, with room for the tag.
		l.op2(x86.AMOVQ, reg(rAX), reg(rCX))
		l.op2(x86.ASHLQ, imm(n+abi.SmallShift), reg(rAX))
		l.op2(x86.AMOVQ, reg(rAX), reg(rDX))
		l.op2(x86.ASARQ, imm(n+abi.SmallShift), reg(rDX))
		l.op2(x86.ACMPQ, reg(rDX), reg(rCX))
		l.jmp(x86.AJNE, slow)
		l.op2(x86.ASARQ, imm(abi.SmallShift), reg(rAX))
	}
	l.tagSmall(rAX)
	l.store(rAX, s.dst)
}

// boolResult stores true when the flags satisfy the condition of cmov
// (a CMOVQcc), false otherwise.
func (l *lowerer) boolResult(cmov obj.As, dst beam.Operand) {
	l.op2(x86.AMOVQ, imm(int64(l.atom("false"))), reg(rAX))
	l.op2(x86.AMOVQ, imm(int64(l.atom("true"))), reg(rCX))
	l.op2(cmov, reg(rCX), reg(rAX))
	l.store(rAX, dst)
}

func (l *lowerer) atom(name string) uint64 { return abi.Atom(l.env.Atom(name)) }

// orderCMOV is the conditional move that picks true for each order BIF.
var orderCMOV = map[string]obj.As{"<": x86.ACMOVQLT, ">": x86.ACMOVQGT, "=<": x86.ACMOVQLE, ">=": x86.ACMOVQGE}

// compareBIF: small integers compare as their tagged words.
func (l *lowerer) compareBIF(s bifSite, slow *label) {
	if less, r, ok := smallAgainstBig(s.args[0], s.args[1]); ok {
		l.compareBIFBig(s, less, r, slow)
		return
	}
	l.smallArgs(s, slow)
	l.op2(x86.ACMPQ, reg(rAX), reg(rCX))
	l.boolResult(orderCMOV[s.mfa.Function], s.dst)
}

// equalBIF: identical words are equal. Different words are unequal when
// both are immediates, and, for =:= and for == with a bignum constant,
// when either is (== finds 1 equal to the boxed 1.0). The rest is the
// BIF's.
func (l *lowerer) equalBIF(s bifSite, slow *label) {
	exact := s.mfa.Function == "=:=" || s.mfa.Function == "=/="
	if v, other, ok := l.identityOperand(s.args[0], s.args[1], exact); ok {
		// Equal exactly when the words are: no slow path.
		l.load(other, rAX)
		l.cmpImm(rAX, v)
		l.equalResult(s)
		return
	}
	l.loadPair(s.args[0], s.args[1])
	decided := l.newLabel()
	l.op2(x86.ACMPQ, reg(rAX), reg(rCX))
	l.jmp(x86.AJEQ, decided)
	if eitherImmediateDecides(exact, s.args[0], s.args[1]) {
		// Unequal words: unequal if either is immediate.
		l.jumpIfEitherImmediate(rAX, rCX, decided)
		l.jmp(obj.AJMP, slow) // two boxed terms or lists
	} else {
		l.jumpUnlessBothImmediate(rAX, rCX, slow)
	}
	l.bind(decided)
	l.op2(x86.ACMPQ, reg(rAX), reg(rCX)) // ZF: equal words
	l.equalResult(s)
}

// equalResult stores the result of an equality BIF whose answer is ZF.
func (l *lowerer) equalResult(s bifSite) {
	if s.mfa.Function == "=:=" || s.mfa.Function == "==" {
		l.boolResult(x86.ACMOVQEQ, s.dst)
	} else {
		l.boolResult(x86.ACMOVQNE, s.dst)
	}
}

func (l *lowerer) notBIF(s bifSite, slow *label) {
	t, f := l.atom("true"), l.atom("false")
	l.load(s.args[0], rAX)
	l.cmpImm(rAX, t)
	isTrue := l.newLabel()
	l.jmp(x86.AJEQ, isTrue)
	l.cmpImm(rAX, f)
	l.jmp(x86.AJNE, slow)
	l.op2(x86.AMOVQ, imm(int64(t)), reg(rAX))
	done := l.newLabel()
	l.jmp(obj.AJMP, done)
	l.bind(isTrue)
	l.op2(x86.AMOVQ, imm(int64(f)), reg(rAX))
	l.bind(done)
	l.store(rAX, s.dst)
}

func (l *lowerer) hdTl(s bifSite, slow *label) {
	l.load(s.args[0], rAX)
	l.testTag(rAX, abi.PrimaryList, abi.PrimaryMask)
	l.jmp(x86.AJNE, slow)
	off := int64(-abi.PrimaryList)
	if s.mfa.Function == "tl" {
		off += 8
	}
	l.op2(x86.AMOVQ, mem(rAX, off), reg(rCX))
	l.store(rCX, s.dst)
}

// tupleHeader loads the header of tuple r into CX, or branches to slow.
func (l *lowerer) tupleHeader(r int16, slow *label) { l.headerArity(r, abi.SubTuple, rCX, slow, slow) }

// headerArity loads the arity of the header of r, a boxed term of subtag
// sub, into dst. An immediate or a list branches to notBoxed, another
// boxed term to other.
func (l *lowerer) headerArity(r int16, sub uint64, dst int16, notBoxed, other *label) {
	l.jumpUnlessBoxed(r, notBoxed)
	l.op2(x86.AMOVQ, mem(r, -abi.PrimaryBoxed), reg(dst))
	l.op2(x86.AMOVL, reg(dst), reg(rTmp))
	l.op2(x86.AANDL, imm(abi.HeaderSubtagMask), reg(rTmp))
	l.jumpUnlessSubtag(sub, other)
	l.op2(x86.ASHRQ, imm(abi.HeaderArityShift), reg(dst))
}

// element(N, Tuple) with 1 =< N =< tuple_size(Tuple).
func (l *lowerer) element(s bifSite, slow *label) {
	l.load(s.args[1], rAX)
	l.tupleHeader(rAX, slow)
	l.load(s.args[0], rSI)
	l.jumpUnlessSmall(rSI, slow)
	l.op2(x86.ASARQ, imm(abi.SmallShift), reg(rSI))
	l.op2(x86.ALEAQ, mem(rSI, -1), reg(rDI))
	l.op2(x86.ACMPQ, reg(rDI), reg(rCX))
	l.jmp(x86.AJCC, slow) // unsigned: N-1 >= size, or N < 1
	l.op2(x86.AMOVQ, obj.Addr{Type: obj.TYPE_MEM, Reg: rAX, Index: rSI, Scale: 8, Offset: -abi.PrimaryBoxed}, reg(rCX))
	l.store(rCX, s.dst)
}

func (l *lowerer) tupleSize(s bifSite, slow *label) {
	l.load(s.args[0], rAX)
	l.tupleHeader(rAX, slow)
	l.tagSmall(rCX)
	l.store(rCX, s.dst)
}

// length walks the list; an improper list is the BIF's to reject.
func (l *lowerer) length(s bifSite, slow *label) {
	l.load(s.args[0], rAX)
	l.countCells(slow)
	l.tagSmall(rCX)
	l.store(rCX, s.dst)
}

// countCells counts the cells of the list in AX into CX, and branches to
// improper unless the list ends in []. It leaves AX at the end.
func (l *lowerer) countCells(improper *label) {
	l.op2(x86.AXORL, reg(rCX), reg(rCX))
	loop, end := l.newLabel(), l.newLabel()
	l.bind(loop)
	l.cmpImm(rAX, abi.Nil)
	l.jmp(x86.AJEQ, end)
	l.testTag(rAX, abi.PrimaryList, abi.PrimaryMask)
	l.jmp(x86.AJNE, improper)
	l.op1(x86.AINCQ, reg(rCX))
	l.op2(x86.AMOVQ, mem(rAX, 8-abi.PrimaryList), reg(rAX))
	l.jmp(obj.AJMP, loop)
	l.bind(end)
}
