package bif

import (
	"math/big"
	"strconv"

	"github.com/beamrc/beamrc/runtime/arith"
	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/term"
)

// Conversions between numbers and text.

func init() {
	erlRegister("integer_to_list", 1, erlIntegerToText(false))
	erlRegister("integer_to_list", 2, erlIntegerToText(false))
	erlRegister("integer_to_binary", 1, erlIntegerToText(true))
	erlRegister("integer_to_binary", 2, erlIntegerToText(true))
	erlRegister("list_to_integer", 1, erlTextToInteger(false))
	erlRegister("list_to_integer", 2, erlTextToInteger(false))
	erlRegister("binary_to_integer", 1, erlTextToInteger(true))
	erlRegister("binary_to_integer", 2, erlTextToInteger(true))
	erlRegister("list_to_float", 1, erlTextToFloat(false))
	erlRegister("binary_to_float", 1, erlTextToFloat(true))
	erlRegister("float_to_list", 1, erlFloatToText(false))
	erlRegister("float_to_list", 2, erlFloatToText(false))
	erlRegister("float_to_binary", 1, erlFloatToText(true))
	erlRegister("float_to_binary", 2, erlFloatToText(true))
}

// erlText returns a string for a list of Latin-1 characters or a binary
// (as chosen by binary), or ok=false for anything else. Number parsing
// accepts only ASCII, so a character above 255 need not be kept.
func erlText(t term.Term, binary bool) (string, bool) {
	if binary {
		b, ok := erlBinaryBytes(t)
		return string(b), ok
	}
	var buf []byte
	for ; t.IsCons(); t = t.Tail() {
		c := t.Head()
		if !c.IsSmall() || c.SmallValue() < 0 || c.SmallValue() > 0xFF {
			return "", false
		}
		buf = append(buf, byte(c.SmallValue()))
	}
	return string(buf), t == term.Nil
}

// erlBinaryBytes returns the bytes of a binary (not a bitstring).
func erlBinaryBytes(t term.Term) ([]byte, bool) {
	if !t.IsBinary() {
		return nil, false
	}
	return t.BinaryBytes()
}

// erlMakeText returns s as a binary or as a list of its characters
// (s is ASCII or UTF-8; each code point becomes one list element).
func erlMakeText(p *emu.Process, s string, binary bool) term.Term {
	if binary {
		return term.NewBinary(p.Heap, []byte(s))
	}
	chars := make([]term.Term, 0, len(s))
	for _, r := range s {
		chars = append(chars, term.MakeSmall(int64(r)))
	}
	return term.ListFrom(p.Heap, chars)
}

// erlBase reads the optional base argument (2..36, default 10).
func erlBase(args []term.Term) (int, bool) {
	if len(args) < 2 {
		return 10, true
	}
	b := args[1]
	if !b.IsSmall() || b.SmallValue() < 2 || b.SmallValue() > 36 {
		return 0, false
	}
	return int(b.SmallValue()), true
}

func erlIntegerToText(binary bool) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		base, ok := erlBase(args)
		if !ok || !args[0].IsInteger() {
			return p.Badarg()
		}
		return erlMakeText(p, format.Integer(args[0], base), binary)
	}
}

func erlTextToInteger(binary bool) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		s, ok := erlText(args[0], binary)
		base, okBase := erlBase(args)
		if !ok || !okBase {
			return p.Badarg()
		}
		r, ok := erlParseInt(p.Heap, s, base)
		if !ok {
			return p.Error(r)
		}
		return r
	}
}

// erlParseInt parses an optional sign and one or more digits of base.
// On failure the term is the reason: badarg, or system_limit for a number
// too large to represent.
func erlParseInt(a term.Allocator, s string, base int) (term.Term, bool) {
	digits := s
	if len(digits) > 0 && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	if digits == "" {
		return term.Badarg, false
	}
	for i := 0; i < len(digits); i++ {
		if erlDigit(digits[i]) >= base {
			return term.Badarg, false
		}
	}
	if len(digits) <= 12 {
		// 36^12 < 2^63: ParseInt cannot overflow.
		v, err := strconv.ParseInt(s, base, 64)
		if err == nil {
			return term.MakeInt(a, v), true
		}
	}
	z, ok := new(big.Int).SetString(s, base)
	if !ok {
		return term.Badarg, false
	}
	if z.BitLen() > arith.MaxIntBits {
		return term.SystemLimit, false
	}
	return term.MakeBigInt(a, z), true
}

// erlDigit returns the value of digit c in bases up to 36, or 36 if c is
// not a digit.
func erlDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 36
}

func erlTextToFloat(binary bool) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		s, ok := erlText(args[0], binary)
		if !ok {
			return p.Badarg()
		}
		f, ok := beam.ParseFloatText(s)
		if !ok {
			return p.Badarg()
		}
		return term.NewFloat(p.Heap, f)
	}
}

func erlFloatToText(binary bool) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		if !args[0].IsFloat() {
			return p.Badarg()
		}
		f := args[0].FloatValue()
		var s string
		if len(args) == 1 {
			s = format.FloatScientific(f, 20)
		} else {
			var ok bool
			if s, ok = format.FloatToString(f, args[1]); !ok {
				return p.Badarg()
			}
		}
		return erlMakeText(p, s, binary)
	}
}
