package term

import (
	"math"
	"math/big"
	"math/bits"
)

// Integers outside the small range are bignums: a header with subtag
// SubPosBig or SubNegBig and arity n, then n 64-bit limbs of the magnitude,
// least significant first, with no leading zero limb. A bignum never holds a
// value that fits a small integer, so equality of integers is equality of
// representation.

// Floats: a header with subtag SubFloat and arity 1, then the IEEE 754 bits.

// IsFloat reports whether t is a float.
func (t Term) IsFloat() bool { return t.Is(SubFloat) }

// IsBig reports whether t is a bignum.
func (t Term) IsBig() bool {
	if !t.IsBoxed() {
		return false
	}
	s := HeaderSubtag(t.Word(0))
	return s == SubPosBig || s == SubNegBig
}

// IsInteger reports whether t is an integer of either kind.
func (t Term) IsInteger() bool { return t.IsSmall() || t.IsBig() }

// IsNumber reports whether t is an integer or a float.
func (t Term) IsNumber() bool { return t.IsSmall() || t.IsBig() || t.IsFloat() }

// FloatValue returns the value of float t.
func (t Term) FloatValue() float64 { return math.Float64frombits(uint64(t.Word(1))) }

// NewFloat allocates a float.
func NewFloat(a Allocator, f float64) Term {
	w := a.Alloc(2)
	w[0] = uint64(MakeHeader(SubFloat, 1))
	w[1] = math.Float64bits(f)
	return Box(w)
}

// FloatWords is the heap need of a float.
const FloatWords = 2

// BigLimbs returns the magnitude limbs of bignum t (aliasing the heap).
func (t Term) BigLimbs() []uint64 {
	n := HeaderArity(t.Word(0))
	return t.Words(n + 1)[1:]
}

// BigNegative reports whether bignum t is negative.
func (t Term) BigNegative() bool { return HeaderSubtag(t.Word(0)) == SubNegBig }

// BigInt returns integer t (small or big) as a *big.Int.
func (t Term) BigInt() *big.Int {
	if t.IsSmall() {
		return big.NewInt(t.SmallValue())
	}
	limbs := t.BigLimbs()
	ws := make([]big.Word, 0, len(limbs)*64/bits.UintSize)
	for _, l := range limbs {
		if bits.UintSize == 64 {
			ws = append(ws, big.Word(l))
		} else {
			ws = append(ws, big.Word(uint32(l)), big.Word(l>>32))
		}
	}
	z := new(big.Int).SetBits(ws)
	if t.BigNegative() {
		z.Neg(z)
	}
	return z
}

// MakeInt returns v as a small integer or, if it does not fit, a bignum.
func MakeInt(a Allocator, v int64) Term {
	if FitsSmall(v) {
		return MakeSmall(v)
	}
	neg := v < 0
	mag := uint64(v)
	if neg {
		mag = uint64(-v) // correct for MinInt64 too: two's complement
	}
	return newBig(a, neg, []uint64{mag})
}

// MakeUint returns v as an integer term.
func MakeUint(a Allocator, v uint64) Term {
	if v <= MaxSmall {
		return MakeSmall(int64(v))
	}
	return newBig(a, false, []uint64{v})
}

// IntWords is the most heap an int64 result can need.
const IntWords = 2

// MakeBigInt returns z as a small integer or a bignum.
func MakeBigInt(a Allocator, z *big.Int) Term {
	if z.IsInt64() && FitsSmall(z.Int64()) {
		return MakeSmall(z.Int64())
	}
	ws := z.Bits()
	limbs := make([]uint64, 0, len(ws))
	if bits.UintSize == 64 {
		for _, w := range ws {
			limbs = append(limbs, uint64(w))
		}
	} else {
		for i := 0; i < len(ws); i += 2 {
			l := uint64(ws[i])
			if i+1 < len(ws) {
				l |= uint64(ws[i+1]) << 32
			}
			limbs = append(limbs, l)
		}
	}
	return newBig(a, z.Sign() < 0, limbs)
}

// BigWords returns the heap need of z as a term (0 if it is small).
func BigWords(z *big.Int) int {
	if z.IsInt64() && FitsSmall(z.Int64()) {
		return 0
	}
	return 1 + (z.BitLen()+63)/64
}

func newBig(a Allocator, neg bool, limbs []uint64) Term {
	for len(limbs) > 0 && limbs[len(limbs)-1] == 0 {
		limbs = limbs[:len(limbs)-1]
	}
	sub := SubPosBig
	if neg {
		sub = SubNegBig
	}
	w := a.Alloc(len(limbs) + 1)
	w[0] = uint64(MakeHeader(sub, len(limbs)))
	copy(w[1:], limbs)
	return Box(w)
}

// Int64 returns integer t as an int64 if it fits.
func (t Term) Int64() (int64, bool) {
	if t.IsSmall() {
		return t.SmallValue(), true
	}
	if !t.IsBig() {
		return 0, false
	}
	limbs := t.BigLimbs()
	if len(limbs) != 1 {
		return 0, false
	}
	m := limbs[0]
	if t.BigNegative() {
		if m > 1<<63 {
			return 0, false
		}
		return -int64(m), true
	}
	if m > math.MaxInt64 {
		return 0, false
	}
	return int64(m), true
}

// ToFloat converts number t to a float64, with ok=false when it is not a
// number or is too large to be a finite float (the BEAM raises badarith).
func (t Term) ToFloat() (float64, bool) {
	switch {
	case t.IsSmall():
		return float64(t.SmallValue()), true
	case t.IsFloat():
		return t.FloatValue(), true
	case t.IsBig():
		f, _ := new(big.Float).SetInt(t.BigInt()).Float64()
		if math.IsInf(f, 0) {
			return 0, false
		}
		return f, true
	}
	return 0, false
}
