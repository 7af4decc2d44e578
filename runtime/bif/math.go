package bif

import (
	"math"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// The math module of OTP 25 (which has no e/0 or tau/0). As in the BEAM,
// an argument that is not a number is badarg, and a result that is not a
// finite float (a domain or range error) is badarith.

func init() {
	emu.Register("math", "pi", 0, func(p *emu.Process, _ []term.Term) term.Term {
		return term.NewFloat(p.Heap, math.Pi)
	})
	unary := map[string]func(float64) float64{
		"sin": math.Sin, "cos": math.Cos, "tan": math.Tan,
		"asin": math.Asin, "acos": math.Acos, "atan": math.Atan,
		"sinh": math.Sinh, "cosh": math.Cosh, "tanh": math.Tanh,
		"asinh": math.Asinh, "acosh": math.Acosh, "atanh": math.Atanh,
		"exp": math.Exp, "log": math.Log, "log2": math.Log2, "log10": math.Log10,
		"sqrt": math.Sqrt, "erf": math.Erf, "erfc": math.Erfc,
		"ceil": math.Ceil, "floor": math.Floor,
	}
	// Registered in sorted order: Register interns the names, and the
	// runtime's start-up atoms must come out in the same order every time
	// (the native image relies on it; see runtime/image).
	for _, name := range sortedKeys(unary) {
		emu.Register("math", name, 1, mathUnary(unary[name]))
	}
	binary := map[string]func(float64, float64) float64{
		"atan2": math.Atan2, "pow": math.Pow, "fmod": math.Mod,
	}
	for _, name := range sortedKeys(binary) {
		emu.Register("math", name, 2, mathBinary(binary[name]))
	}
}

func mathUnary(f func(float64) float64) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		x, ok := mathArg(args[0])
		if !ok {
			return p.Badarg()
		}
		return mathResult(p, f(x))
	}
}

func mathBinary(f func(float64, float64) float64) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		x, ok1 := mathArg(args[0])
		y, ok2 := mathArg(args[1])
		if !ok1 || !ok2 {
			return p.Badarg()
		}
		return mathResult(p, f(x, y))
	}
}

// mathArg converts a number argument. A bignum too large for a float
// becomes an infinity, which mathResult turns into badarith, as in the BEAM.
func mathArg(t term.Term) (float64, bool) {
	if !t.IsNumber() {
		return 0, false
	}
	f, ok := t.ToFloat()
	if !ok {
		return math.Inf(t.BigInt().Sign()), true
	}
	return f, true
}

// mathResult returns r, or raises badarith when r is NaN or infinite (the
// BEAM checks every float result the same way).
func mathResult(p *emu.Process, r float64) term.Term {
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return p.Badarith()
	}
	return term.NewFloat(p.Heap, r)
}
