// Package arith is Erlang arithmetic on terms: the operators of the
// language, with small-integer fast paths and bignum and float fallbacks.
//
// The BIFs of the erlang module, the interpreter and native code all call
// these functions, so that every one of them fails the same way.
//
// Failure convention: every function returns (result, true) on success and
// (reason, false) on failure, where reason is the atom the BEAM raises as
// an error: badarith for bad operands, system_limit for an integer too
// large to represent. A caller raises it with p.Error(reason).
package arith

import (
	"math"
	"math/big"

	"github.com/beamrc/beamrc/runtime/term"
)

// MaxBigLimbs is the most 64-bit limbs an integer's magnitude may have.
// OTP 25 on 64-bit machines refuses larger integers with system_limit
// (1 bsl 33554367 is the largest power of two it can make).
const MaxBigLimbs = 1<<19 - 1

// MaxIntBits is MaxBigLimbs in bits.
const MaxIntBits = MaxBigLimbs * 64

func badarith() (term.Term, bool)    { return term.Badarith, false }
func systemLimit() (term.Term, bool) { return term.SystemLimit, false }

// makeBig turns z into a term, refusing integers larger than OTP allows.
func makeBig(a term.Allocator, z *big.Int) (term.Term, bool) {
	if z.BitLen() > MaxIntBits {
		return systemLimit()
	}
	return term.MakeBigInt(a, z), true
}

// makeFloat turns f into a term; infinities and NaN are badarith, as
// Erlang has neither.
func makeFloat(a term.Allocator, f float64) (term.Term, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return badarith()
	}
	return term.NewFloat(a, f), true
}

// bigOf returns integer t as a *big.Int (t must be an integer).
func bigOf(t term.Term) *big.Int { return t.BigInt() }

// operands classifies a pair of operands for an arithmetic operator:
// ints when both are integers, floats when both are numbers and one is a
// float. ok is false when either is not a number or an integer is too
// large to become a float.
func floatOperands(x, y term.Term) (fx, fy float64, ok bool) {
	if fx, ok = x.ToFloat(); !ok {
		return 0, 0, false
	}
	if fy, ok = y.ToFloat(); !ok {
		return 0, 0, false
	}
	return fx, fy, true
}

// kind says how a binary operator must treat its operands.
type kind uint8

const (
	kindBad kind = iota
	kindInt
	kindFloat
)

func kindOf(x, y term.Term) kind {
	xi, yi := x.IsInteger(), y.IsInteger()
	switch {
	case xi && yi:
		return kindInt
	case (xi || x.IsFloat()) && (yi || y.IsFloat()):
		return kindFloat
	}
	return kindBad
}

// Add is x + y.
func Add(a term.Allocator, x, y term.Term) (term.Term, bool) {
	if x.IsSmall() && y.IsSmall() {
		// Two 60-bit values cannot overflow an int64.
		return term.MakeInt(a, x.SmallValue()+y.SmallValue()), true
	}
	switch kindOf(x, y) {
	case kindInt:
		return makeBig(a, new(big.Int).Add(bigOf(x), bigOf(y)))
	case kindFloat:
		fx, fy, ok := floatOperands(x, y)
		if !ok {
			return badarith()
		}
		return makeFloat(a, fx+fy)
	}
	return badarith()
}

// Sub is x - y.
func Sub(a term.Allocator, x, y term.Term) (term.Term, bool) {
	if x.IsSmall() && y.IsSmall() {
		return term.MakeInt(a, x.SmallValue()-y.SmallValue()), true
	}
	switch kindOf(x, y) {
	case kindInt:
		return makeBig(a, new(big.Int).Sub(bigOf(x), bigOf(y)))
	case kindFloat:
		fx, fy, ok := floatOperands(x, y)
		if !ok {
			return badarith()
		}
		return makeFloat(a, fx-fy)
	}
	return badarith()
}

// Mul is x * y.
func Mul(a term.Allocator, x, y term.Term) (term.Term, bool) {
	if x.IsSmall() && y.IsSmall() {
		vx, vy := x.SmallValue(), y.SmallValue()
		p := vx * vy
		// Operands are 60-bit, so MinInt64 / -1 cannot occur here.
		if vx == 0 || p/vx == vy {
			return term.MakeInt(a, p), true
		}
	}
	switch kindOf(x, y) {
	case kindInt:
		bx, by := bigOf(x), bigOf(y)
		// Refuse before multiplying: a product of two huge integers
		// would take long to compute only to be thrown away.
		if bx.BitLen()+by.BitLen() > MaxIntBits+1 && bx.Sign() != 0 && by.Sign() != 0 {
			return systemLimit()
		}
		return makeBig(a, new(big.Int).Mul(bx, by))
	case kindFloat:
		fx, fy, ok := floatOperands(x, y)
		if !ok {
			return badarith()
		}
		return makeFloat(a, fx*fy)
	}
	return badarith()
}

// Divide is x / y, always a float.
func Divide(a term.Allocator, x, y term.Term) (term.Term, bool) {
	if kindOf(x, y) == kindBad {
		return badarith()
	}
	fx, fy, ok := floatOperands(x, y)
	if !ok || fy == 0 {
		return badarith()
	}
	return makeFloat(a, fx/fy)
}

// IntDiv is x div y, truncating toward zero.
func IntDiv(a term.Allocator, x, y term.Term) (term.Term, bool) {
	if x.IsSmall() && y.IsSmall() {
		vy := y.SmallValue()
		if vy == 0 {
			return badarith()
		}
		// MinSmall div -1 is one past MaxSmall: MakeInt makes a bignum.
		return term.MakeInt(a, x.SmallValue()/vy), true
	}
	if kindOf(x, y) != kindInt {
		return badarith()
	}
	by := bigOf(y)
	if by.Sign() == 0 {
		return badarith()
	}
	return makeBig(a, new(big.Int).Quo(bigOf(x), by))
}

// Rem is x rem y; the result has the sign of x.
func Rem(a term.Allocator, x, y term.Term) (term.Term, bool) {
	if x.IsSmall() && y.IsSmall() {
		vy := y.SmallValue()
		if vy == 0 {
			return badarith()
		}
		return term.MakeSmall(x.SmallValue() % vy), true
	}
	if kindOf(x, y) != kindInt {
		return badarith()
	}
	by := bigOf(y)
	if by.Sign() == 0 {
		return badarith()
	}
	return makeBig(a, new(big.Int).Rem(bigOf(x), by))
}

// Neg is -x.
func Neg(a term.Allocator, x term.Term) (term.Term, bool) {
	switch {
	case x.IsSmall():
		return term.MakeInt(a, -x.SmallValue()), true
	case x.IsBig():
		return makeBig(a, new(big.Int).Neg(bigOf(x)))
	case x.IsFloat():
		return term.NewFloat(a, -x.FloatValue()), true
	}
	return badarith()
}

// Plus is unary +x: x itself, if it is a number.
func Plus(x term.Term) (term.Term, bool) {
	if x.IsNumber() {
		return x, true
	}
	return badarith()
}

// Abs is the absolute value of number x (badarith otherwise; the abs/1
// BIF turns that into badarg).
func Abs(a term.Allocator, x term.Term) (term.Term, bool) {
	switch {
	case x.IsSmall():
		if x.SmallValue() >= 0 {
			return x, true
		}
		return term.MakeInt(a, -x.SmallValue()), true
	case x.IsBig():
		if !x.BigNegative() {
			return x, true
		}
		return makeBig(a, new(big.Int).Neg(bigOf(x)))
	case x.IsFloat():
		// -0.0 is not below zero, so abs(-0.0) is -0.0, as in OTP.
		f := x.FloatValue()
		if f >= 0 {
			return x, true
		}
		return term.NewFloat(a, -f), true
	}
	return badarith()
}
