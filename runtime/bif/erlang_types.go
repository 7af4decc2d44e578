package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// Type tests.

func init() {
	tests := map[string]func(term.Term) bool{
		"is_atom":      term.Term.IsAtom,
		"is_binary":    term.Term.IsBinary,
		"is_bitstring": term.Term.IsBitstring,
		"is_boolean":   func(t term.Term) bool { return t == term.True || t == term.False },
		"is_float":     term.Term.IsFloat,
		"is_function":  term.Term.IsFun,
		"is_integer":   term.Term.IsInteger,
		"is_list":      term.Term.IsList,
		"is_map":       term.Term.IsMap,
		"is_number":    term.Term.IsNumber,
		"is_pid":       term.Term.IsPid,
		"is_port":      term.Term.IsPort,
		"is_reference": term.Term.IsRef,
		"is_tuple":     term.Term.IsTuple,
	}
	for _, name := range sortedKeys(tests) { // fixed atom order (see sortedKeys)
		f := tests[name]
		erlRegisterGuard(name, 1, func(_ *emu.Process, args []term.Term) term.Term {
			return term.Bool(f(args[0]))
		})
	}
	erlRegisterGuard("is_function", 2, erlIsFunction2)
	erlRegisterGuard("is_record", 2, erlIsRecord2)
	erlRegisterGuard("is_record", 3, erlIsRecord3)
	erlRegisterGuard("is_map_key", 2, erlIsMapKey)
}

func erlIsFunction2(p *emu.Process, args []term.Term) term.Term {
	f, arity := args[0], args[1]
	switch {
	case arity.IsSmall():
		if arity.SmallValue() < 0 {
			return p.Badarg()
		}
		return term.Bool(f.IsFun() && int64(f.FunArity()) == arity.SmallValue())
	case arity.IsBig():
		// No fun has a bignum arity.
		if arity.BigNegative() {
			return p.Badarg()
		}
		return term.False
	}
	return p.Badarg()
}

func erlIsRecord2(p *emu.Process, args []term.Term) term.Term {
	t, tag := args[0], args[1]
	if !tag.IsAtom() {
		return p.Badarg()
	}
	return term.Bool(t.IsTuple() && t.TupleArity() > 0 && t.Element(1) == tag)
}

func erlIsRecord3(p *emu.Process, args []term.Term) term.Term {
	t, tag, size := args[0], args[1], args[2]
	if !tag.IsAtom() || !size.IsSmall() {
		return p.Badarg()
	}
	return term.Bool(t.IsTuple() && t.TupleArity() > 0 && t.Element(1) == tag &&
		int64(t.TupleArity()) == size.SmallValue())
}

func erlIsMapKey(p *emu.Process, args []term.Term) term.Term {
	k, m := args[0], args[1]
	if !m.IsMap() {
		return p.ErrorTuple(term.Badmap, m)
	}
	_, ok := term.MapGet(m, k)
	return term.Bool(ok)
}
