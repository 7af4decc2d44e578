package bif

import (
	"math"
	"math/big"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// Helpers shared by the library BIFs of this package (lists, maps, binary,
// string, unicode...). They are prefixed "lib" so that they cannot clash
// with the helpers of the erlang-module files that share the package.

// libFnClause raises function_clause the way a library function written in
// Erlang does when none of its clauses matches args.
func libFnClause(p *emu.Process, args []term.Term) term.Term {
	p.Error(term.FunctionClause)
	p.Exc.Args = term.ListFrom(p.Heap, args)
	return term.NonValue
}

// libBadargArgs raises badarg and records the arguments, as
// erlang:error(badarg, Args) does.
func libBadargArgs(p *emu.Process, args []term.Term) term.Term {
	p.Badarg()
	p.Exc.Args = term.ListFrom(p.Heap, args)
	return term.NonValue
}

// libPosInt returns t as an int when it is a positive small integer.
func libPosInt(t term.Term) (int, bool) {
	if !t.IsSmall() || t.SmallValue() < 1 || t.SmallValue() > math.MaxInt32 {
		return 0, false
	}
	return int(t.SmallValue()), true
}

// libNonNegInt returns t as an int when it is a small integer >= 0 that
// fits an int comfortably (larger counts could never be satisfied by a
// list or binary in memory).
func libNonNegInt(t term.Term) (int, bool) {
	if !t.IsSmall() || t.SmallValue() < 0 || t.SmallValue() > math.MaxInt32 {
		return 0, false
	}
	return int(t.SmallValue()), true
}

// libAdd adds two numbers as erlang:'+'/2 does; ok is false when the
// operation raises badarith.
func libAdd(a term.Allocator, x, y term.Term) (term.Term, bool) {
	if x.IsSmall() && y.IsSmall() {
		return term.MakeInt(a, x.SmallValue()+y.SmallValue()), true
	}
	if !x.IsNumber() || !y.IsNumber() {
		return term.NonValue, false
	}
	if x.IsFloat() || y.IsFloat() {
		fx, ok1 := x.ToFloat()
		fy, ok2 := y.ToFloat()
		r := fx + fy
		if !ok1 || !ok2 || math.IsInf(r, 0) || math.IsNaN(r) {
			return term.NonValue, false
		}
		return term.NewFloat(a, r), true
	}
	return term.MakeBigInt(a, new(big.Int).Add(x.BigInt(), y.BigInt())), true
}

// libIsString reports whether t is a proper list of integers.
func libIsIntList(t term.Term) bool {
	for t.IsCons() {
		if !t.Head().IsInteger() {
			return false
		}
		t = t.Tail()
	}
	return t == term.Nil
}

// Atoms the library BIFs return.
var (
	libValue   = term.Intern("value")
	libNone    = term.Intern("none")
	libNomatch = term.Intern("nomatch")
)
