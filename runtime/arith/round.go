package arith

import (
	"math"
	"math/big"

	"github.com/beamrc/beamrc/runtime/term"
)

// Float-to-integer conversions (trunc/1, round/1, ceil/1, floor/1). An
// integer argument is returned as it is; ok is false when x is not a
// number, and the BIFs raise badarg for that.

// Trunc rounds x toward zero.
func Trunc(a term.Allocator, x term.Term) (term.Term, bool) { return toInt(a, x, math.Trunc) }

// Round rounds x to the nearest integer, halves away from zero.
func Round(a term.Allocator, x term.Term) (term.Term, bool) { return toInt(a, x, math.Round) }

// Ceil rounds x toward positive infinity.
func Ceil(a term.Allocator, x term.Term) (term.Term, bool) { return toInt(a, x, math.Ceil) }

// Floor rounds x toward negative infinity.
func Floor(a term.Allocator, x term.Term) (term.Term, bool) { return toInt(a, x, math.Floor) }

func toInt(a term.Allocator, x term.Term, f func(float64) float64) (term.Term, bool) {
	if x.IsInteger() {
		return x, true
	}
	if !x.IsFloat() {
		return badarith()
	}
	return FloatToInt(a, f(x.FloatValue())), true
}

// FloatToInt converts an integral float (finite, as every Erlang float
// is) to an integer term.
func FloatToInt(a term.Allocator, f float64) term.Term {
	if f > -(1<<62) && f < 1<<62 {
		return term.MakeInt(a, int64(f))
	}
	z, _ := new(big.Float).SetFloat64(f).Int(nil)
	return term.MakeBigInt(a, z)
}

// ToFloat converts number x to a float term (float/1).
func ToFloat(a term.Allocator, x term.Term) (term.Term, bool) {
	if x.IsFloat() {
		return x, true
	}
	f, ok := x.ToFloat()
	if !ok {
		return badarith()
	}
	return term.NewFloat(a, f), true
}
