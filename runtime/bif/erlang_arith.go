package bif

import (
	"github.com/beamrc/beamrc/runtime/arith"
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// The arithmetic operators as BIFs (erlang:'+'/2 and friends, reached by
// apply/3 and by the guard BIF instructions). The work is in runtime/arith;
// these wrap its (result, ok) convention into exceptions.

type erlBinaryOp func(a term.Allocator, x, y term.Term) (term.Term, bool)
type erlUnaryOp func(a term.Allocator, x term.Term) (term.Term, bool)

func init() {
	binary := map[string]erlBinaryOp{
		"+": arith.Add, "-": arith.Sub, "*": arith.Mul, "/": arith.Divide,
		"div": arith.IntDiv, "rem": arith.Rem,
		"band": arith.Band, "bor": arith.Bor, "bxor": arith.Bxor,
		"bsl": arith.Bsl, "bsr": arith.Bsr,
	}
	// Sorted: registration interns atoms, and start-up atom order must
	// be fixed (see runtime/image).
	for _, name := range sortedKeys(binary) {
		erlRegisterGuard(name, 2, erlWrap2(binary[name]))
	}
	erlRegisterGuard("-", 1, erlWrap1(arith.Neg))
	erlRegisterGuard("+", 1, erlWrap1(func(_ term.Allocator, x term.Term) (term.Term, bool) {
		return arith.Plus(x)
	}))
	erlRegisterGuard("bnot", 1, erlWrap1(arith.Bnot))

	// These are ordinary functions rather than operators: a non-number
	// is badarg, not badarith.
	erlRegisterGuard("abs", 1, erlWrapBadarg(arith.Abs))
	erlRegisterGuard("float", 1, erlWrapBadarg(arith.ToFloat))
	erlRegisterGuard("trunc", 1, erlWrapBadarg(arith.Trunc))
	erlRegisterGuard("round", 1, erlWrapBadarg(arith.Round))
	erlRegisterGuard("ceil", 1, erlWrapBadarg(arith.Ceil))
	erlRegisterGuard("floor", 1, erlWrapBadarg(arith.Floor))
}

// erlRegister registers a pure erlang BIF.
func erlRegister(name string, arity int, fn emu.BIF) *emu.BIFInfo {
	info := emu.Register("erlang", name, arity, fn)
	info.Pure = true
	return info
}

// erlRegisterGuard registers a pure erlang BIF that is allowed in guards.
func erlRegisterGuard(name string, arity int, fn emu.BIF) {
	erlRegister(name, arity, fn).Guard = true
}

func erlWrap2(op erlBinaryOp) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		r, ok := op(p.Heap, args[0], args[1])
		if !ok {
			return p.Error(r)
		}
		return r
	}
}

func erlWrap1(op erlUnaryOp) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		r, ok := op(p.Heap, args[0])
		if !ok {
			return p.Error(r)
		}
		return r
	}
}

func erlWrapBadarg(op erlUnaryOp) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		r, ok := op(p.Heap, args[0])
		if !ok {
			return p.Badarg()
		}
		return r
	}
}
