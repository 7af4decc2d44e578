package arith

import (
	"math/big"

	"github.com/beamrc/beamrc/runtime/term"
)

// Bitwise operators work on integers in two's complement of unbounded
// width, as math/big's And, Or, Xor and Not do for negative numbers.

// Band is x band y.
func Band(a term.Allocator, x, y term.Term) (term.Term, bool) {
	if x.IsSmall() && y.IsSmall() {
		return term.MakeSmall(x.SmallValue() & y.SmallValue()), true
	}
	if !x.IsInteger() || !y.IsInteger() {
		return badarith()
	}
	return makeBig(a, new(big.Int).And(bigOf(x), bigOf(y)))
}

// Bor is x bor y.
func Bor(a term.Allocator, x, y term.Term) (term.Term, bool) {
	if x.IsSmall() && y.IsSmall() {
		return term.MakeSmall(x.SmallValue() | y.SmallValue()), true
	}
	if !x.IsInteger() || !y.IsInteger() {
		return badarith()
	}
	return makeBig(a, new(big.Int).Or(bigOf(x), bigOf(y)))
}

// Bxor is x bxor y.
func Bxor(a term.Allocator, x, y term.Term) (term.Term, bool) {
	if x.IsSmall() && y.IsSmall() {
		return term.MakeSmall(x.SmallValue() ^ y.SmallValue()), true
	}
	if !x.IsInteger() || !y.IsInteger() {
		return badarith()
	}
	return makeBig(a, new(big.Int).Xor(bigOf(x), bigOf(y)))
}

// Bnot is bnot x.
func Bnot(a term.Allocator, x term.Term) (term.Term, bool) {
	if x.IsSmall() {
		return term.MakeSmall(^x.SmallValue()), true
	}
	if !x.IsInteger() {
		return badarith()
	}
	return makeBig(a, new(big.Int).Not(bigOf(x)))
}

// Bsl is x bsl y; a negative y shifts right.
func Bsl(a term.Allocator, x, y term.Term) (term.Term, bool) {
	if x.IsSmall() && y.IsSmall() {
		if n := y.SmallValue(); n >= 0 && n < 64 {
			v := x.SmallValue()
			if r := v << n; r>>n == v {
				return term.MakeInt(a, r), true
			}
		}
	}
	if !x.IsInteger() || !y.IsInteger() {
		return badarith()
	}
	return shift(a, x, y, false)
}

// Bsr is x bsr y, an arithmetic shift (rounding toward negative
// infinity); a negative y shifts left.
func Bsr(a term.Allocator, x, y term.Term) (term.Term, bool) {
	if x.IsSmall() && y.IsSmall() {
		if n := y.SmallValue(); n >= 0 {
			return term.MakeSmall(x.SmallValue() >> min(n, 63)), true
		}
	}
	if !x.IsInteger() || !y.IsInteger() {
		return badarith()
	}
	return shift(a, x, y, true)
}

// shift shifts integer x left by integer y (right if right is set).
func shift(a term.Allocator, x, y term.Term, right bool) (term.Term, bool) {
	n, fits := y.Int64()
	if !fits {
		// A shift by a bignum: everything is shifted out, or nothing
		// could hold the result.
		n = 1 << 62
		if y.BigNegative() {
			n = -n
		}
	}
	if right {
		n = -n // |n| <= 1<<62, so no overflow
	}
	if n <= 0 {
		return shiftRight(a, x, uint64(-n))
	}
	return shiftLeft(a, x, uint64(n))
}

func shiftLeft(a term.Allocator, x term.Term, n uint64) (term.Term, bool) {
	if x.IsSmall() {
		v := x.SmallValue()
		if v == 0 {
			return x, true
		}
		// The shift is exact in an int64 when shifting back undoes it.
		if n < 64 {
			if r := v << n; r>>n == v {
				return term.MakeInt(a, r), true
			}
		}
	}
	bx := bigOf(x)
	if uint64(bx.BitLen())+n > MaxIntBits {
		return systemLimit()
	}
	return makeBig(a, new(big.Int).Lsh(bx, uint(n)))
}

func shiftRight(a term.Allocator, x term.Term, n uint64) (term.Term, bool) {
	if x.IsSmall() {
		if n > 63 {
			n = 63
		}
		return term.MakeSmall(x.SmallValue() >> n), true
	}
	bx := bigOf(x)
	if n > uint64(bx.BitLen()) {
		if bx.Sign() < 0 {
			return term.MakeSmall(-1), true
		}
		return term.MakeSmall(0), true
	}
	return makeBig(a, new(big.Int).Rsh(bx, uint(n)))
}
