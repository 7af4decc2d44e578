package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj"

	"github.com/beamrc/beamrc/runtime/beam"
)

// Comparisons with a bignum constant (a 64-bit mask, 1 bsl 64) are
// decided in line when the other operand is an immediate: a small integer
// is below every positive bignum and above every negative one, and no
// immediate term equals a bignum, not even arithmetically (only a float
// could, and floats are boxed). Anything else is the runtime's.

// isBigConst reports an integer constant that is not a small integer.
func isBigConst(o beam.Operand) bool {
	_, ok := bigConstant(o)
	return ok
}

// smallAgainstBig reports a comparison of x and y, one of them a bignum
// constant: less is whether x < y when the other operand is a small
// integer, and r the register (rAX for x, rCX for y) that holds the other
// operand once both are loaded.
func smallAgainstBig(x, y beam.Operand) (less bool, r int16, ok bool) {
	if z, ok := bigConstant(y); ok {
		return z.Sign() > 0, rAX, true
	}
	if z, ok := bigConstant(x); ok {
		return z.Sign() < 0, rCX, true
	}
	return false, 0, false
}

// orderBig lowers is_lt (lt) or is_ge of x and y when smallAgainstBig
// says one is a bignum constant: x in rAX and y in rCX, a small integer
// decided here, anything else to slow.
func (l *lowerer) orderBig(lt, less bool, r int16, fail, slow *label, x, y beam.Operand) {
	l.loadAgainstBig(x, y, r, slow)
	if less != lt {
		l.jmp(obj.AJMP, fail)
	}
}

// compareBIFBig is compareBIF when smallAgainstBig says one operand is a
// bignum constant.
func (l *lowerer) compareBIFBig(s bifSite, less bool, r int16, slow *label) {
	l.loadAgainstBig(s.args[0], s.args[1], r, slow)
	result := less // "<" and "=<": the terms are never equal
	if s.mfa.Function == ">" || s.mfa.Function == ">=" {
		result = !less
	}
	name := "false"
	if result {
		name = "true"
	}
	l.storeImm(l.atom(name), s.dst)
}

// loadAgainstBig loads x in rAX and y in rCX, and branches to slow unless
// r, the one that is not the bignum constant, holds a small integer.
func (l *lowerer) loadAgainstBig(x, y beam.Operand, r int16, slow *label) {
	l.loadPair(x, y)
	l.jumpUnlessSmall(r, slow)
}
