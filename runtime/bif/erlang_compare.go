package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// Comparison and boolean operators, and min/2 and max/2.

func init() {
	cmp := map[string]func(a, b term.Term) bool{
		"==":  term.ArithEqual,
		"/=":  func(a, b term.Term) bool { return !term.ArithEqual(a, b) },
		"=:=": term.Equal,
		"=/=": func(a, b term.Term) bool { return !term.Equal(a, b) },
		"<":   func(a, b term.Term) bool { return term.Compare(a, b) < 0 },
		">":   func(a, b term.Term) bool { return term.Compare(a, b) > 0 },
		"=<":  func(a, b term.Term) bool { return term.Compare(a, b) <= 0 },
		">=":  func(a, b term.Term) bool { return term.Compare(a, b) >= 0 },
	}
	for _, name := range sortedKeys(cmp) { // fixed atom order (see sortedKeys)
		f := cmp[name]
		erlRegisterGuard(name, 2, func(_ *emu.Process, args []term.Term) term.Term {
			return term.Bool(f(args[0], args[1]))
		})
	}

	erlRegisterGuard("not", 1, erlNot)
	erlRegisterGuard("and", 2, erlBool2(func(a, b bool) bool { return a && b }))
	erlRegisterGuard("or", 2, erlBool2(func(a, b bool) bool { return a || b }))
	erlRegisterGuard("xor", 2, erlBool2(func(a, b bool) bool { return a != b }))

	// On equal arguments (1 and 1.0) both return the first one, as OTP's
	// do.
	erlRegister("min", 2, func(_ *emu.Process, args []term.Term) term.Term {
		if term.Compare(args[0], args[1]) > 0 {
			return args[1]
		}
		return args[0]
	})
	erlRegister("max", 2, func(_ *emu.Process, args []term.Term) term.Term {
		if term.Compare(args[0], args[1]) < 0 {
			return args[1]
		}
		return args[0]
	})
}

// erlBool returns the Go value of a boolean atom.
func erlBool(t term.Term) (value, ok bool) {
	switch t {
	case term.True:
		return true, true
	case term.False:
		return false, true
	}
	return false, false
}

func erlNot(p *emu.Process, args []term.Term) term.Term {
	v, ok := erlBool(args[0])
	if !ok {
		return p.Badarg()
	}
	return term.Bool(!v)
}

// erlBool2 makes a strict boolean operator: both operands must be
// booleans (unlike andalso and orelse, which are not functions).
func erlBool2(f func(a, b bool) bool) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		a, ok1 := erlBool(args[0])
		b, ok2 := erlBool(args[1])
		if !ok1 || !ok2 {
			return p.Badarg()
		}
		return term.Bool(f(a, b))
	}
}
