package bif

import (
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// Atom conversions. Atom names are kept as UTF-8; an atom's characters are
// Unicode code points, and there may be at most term.MaxAtomLength of them
// (more is system_limit, as in OTP).

func init() {
	erlRegister("atom_to_list", 1, erlAtomToList)
	erlRegister("atom_to_binary", 1, erlAtomToBinary)
	erlRegister("atom_to_binary", 2, erlAtomToBinary)
	emu.Register("erlang", "list_to_atom", 1, erlListToAtom(false))
	erlRegister("list_to_existing_atom", 1, erlListToAtom(true))
	emu.Register("erlang", "binary_to_atom", 1, erlBinaryToAtom(false))
	emu.Register("erlang", "binary_to_atom", 2, erlBinaryToAtom(false))
	erlRegister("binary_to_existing_atom", 1, erlBinaryToAtom(true))
	erlRegister("binary_to_existing_atom", 2, erlBinaryToAtom(true))
}

// erlEncoding reads an encoding argument: latin1, or utf8 (also spelled
// unicode).
func erlEncoding(t term.Term) (latin1, ok bool) {
	switch t {
	case term.MakeAtom(term.AtomIndexLatin1):
		return true, true
	case term.MakeAtom(term.AtomIndexUtf8), term.MakeAtom(term.AtomIndexUnicode):
		return false, true
	}
	return false, false
}

func erlAtomToList(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	name := term.AtomName(args[0])
	chars := make([]term.Term, 0, len(name))
	for _, r := range name {
		chars = append(chars, term.MakeSmall(int64(r)))
	}
	return term.ListFrom(p.Heap, chars)
}

func erlAtomToBinary(p *emu.Process, args []term.Term) term.Term {
	a := args[0]
	latin1 := false
	if len(args) == 2 {
		var ok bool
		if latin1, ok = erlEncoding(args[1]); !ok {
			return p.Badarg()
		}
	}
	if !a.IsAtom() {
		return p.Badarg()
	}
	name := term.AtomName(a)
	if !latin1 {
		return term.NewBinary(p.Heap, []byte(name))
	}
	buf := make([]byte, 0, len(name))
	for _, r := range name {
		if r > 0xFF {
			return p.Badarg()
		}
		buf = append(buf, byte(r))
	}
	return term.NewBinary(p.Heap, buf)
}

// erlMakeAtom interns (or, if existing is set, looks up) the atom of the
// given characters, raising what OTP raises when it cannot.
func erlMakeAtom(p *emu.Process, name string, chars int, existing bool) term.Term {
	if existing {
		// Too long to exist is simply not existing: badarg.
		a, ok := term.LookupAtom(name)
		if !ok {
			return p.Badarg()
		}
		return a
	}
	if chars > term.MaxAtomLength {
		return p.Error(term.SystemLimit)
	}
	return term.Intern(name)
}

func erlListToAtom(existing bool) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		var buf []byte
		n := 0
		t := args[0]
		for ; t.IsCons(); t = t.Tail() {
			c := t.Head()
			if !c.IsSmall() || !erlIsChar(c.SmallValue()) {
				return p.Badarg()
			}
			buf = utf8.AppendRune(buf, rune(c.SmallValue()))
			n++
		}
		if t != term.Nil {
			return p.Badarg()
		}
		return erlMakeAtom(p, string(buf), n, existing)
	}
}

// erlIsChar reports whether c is a Unicode scalar value.
func erlIsChar(c int64) bool {
	return c >= 0 && c <= utf8.MaxRune && (c < 0xD800 || c > 0xDFFF)
}

func erlBinaryToAtom(existing bool) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		latin1 := false
		if len(args) == 2 {
			var ok bool
			if latin1, ok = erlEncoding(args[1]); !ok {
				return p.Badarg()
			}
		}
		if !args[0].IsBinary() {
			return p.Badarg()
		}
		b, _ := args[0].BinaryBytes()
		if latin1 {
			runes := make([]rune, len(b))
			for i, c := range b {
				runes[i] = rune(c)
			}
			return erlMakeAtom(p, string(runes), len(b), existing)
		}
		if !utf8.Valid(b) {
			return p.Badarg()
		}
		return erlMakeAtom(p, string(b), utf8.RuneCount(b), existing)
	}
}
