package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/term"
)

// The io_lib functions, on top of runtime/format. Results are flat
// character lists, except io_lib:format/2 which keeps OTP's nesting of
// term directives (io_lib:format("~w", [x]) is ["x"]).

func init() {
	emu.Register("io_lib", "format", 2, ioLibFormat)
	emu.Register("io_lib", "fwrite", 2, ioLibFormat)
	emu.Register("io_lib", "write", 1, ioLibWrite1)
	emu.Register("io_lib", "write", 2, ioLibWrite2)
	emu.Register("io_lib", "print", 1, ioLibPrint)
	emu.Register("io_lib", "write_atom", 1, ioLibWriteAtom)
	emu.Register("io_lib", "write_string", 1, ioLibWriteString)
	emu.Register("io_lib", "char_list", 1, ioLibCharList)
	emu.Register("io_lib", "printable_list", 1, ioLibPrintableList)
	emu.Register("io_lib", "printable_latin1_list", 1, ioLibPrintableList)
	emu.Register("io_lib", "printable_unicode_list", 1, ioLibPrintableUnicodeList)
	emu.Register("io_lib", "nl", 0, ioLibNl)
}

var (
	atomDepth      = term.Intern("depth")
	atomEncoding   = term.Intern("encoding")
	atomCharsLimit = term.Intern("chars_limit")
)

func ioLibFormat(p *emu.Process, args []term.Term) term.Term {
	t, err := format.FormatTerm(p.Heap, args[0], args[1])
	if err != nil {
		return p.Badarg()
	}
	return t
}

func ioLibWrite1(p *emu.Process, args []term.Term) term.Term {
	return format.StringToList(p.Heap, format.Write(args[0]))
}

// ioLibWrite2 is io_lib:write(Term, Depth) and io_lib:write(Term,
// Options) with the depth and encoding options.
func ioLibWrite2(p *emu.Process, args []term.Term) term.Term {
	depth, enc := -1, format.Latin1
	switch o := args[1]; {
	case o.IsSmall():
		depth = int(o.SmallValue())
	case o.IsList():
		for ; o.IsCons(); o = o.Tail() {
			opt := o.Head()
			if !opt.IsTuple() || opt.TupleArity() != 2 {
				continue
			}
			k, v := opt.Element(1), opt.Element(2)
			switch {
			case k == atomDepth && v.IsSmall():
				depth = int(v.SmallValue())
			case k == atomEncoding && (v == term.MakeAtom(term.AtomIndexUnicode) || v == term.MakeAtom(term.AtomIndexUtf8)):
				enc = format.Unicode
			case k == atomCharsLimit && v.IsSmall() && v.SmallValue() == 0:
				depth = 0 // chars_limit 0 prints "..."
			}
		}
	default:
		return p.Badarg()
	}
	return format.StringToList(p.Heap, format.WriteDepth(args[0], depth, enc))
}

func ioLibPrint(p *emu.Process, args []term.Term) term.Term {
	return format.StringToList(p.Heap, format.Print(args[0], format.DefaultPrint))
}

func ioLibWriteAtom(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	return format.StringToList(p.Heap, format.AtomText(args[0], format.Unicode))
}

func ioLibWriteString(p *emu.Process, args []term.Term) term.Term {
	var chars []rune
	t := args[0]
	for ; t.IsCons(); t = t.Tail() {
		h := t.Head()
		if !h.IsSmall() || h.SmallValue() < 0 || h.SmallValue() > 0x10FFFF {
			return p.Error(term.FunctionClause)
		}
		chars = append(chars, rune(h.SmallValue()))
	}
	if t != term.Nil {
		return p.Error(term.FunctionClause)
	}
	return format.StringToList(p.Heap, format.QuoteString(chars))
}

func ioLibCharList(p *emu.Process, args []term.Term) term.Term {
	return term.Bool(format.CharList(args[0]))
}

// With OTP's default printable range (latin1), printable_list/1 is
// printable_latin1_list/1.
func ioLibPrintableList(p *emu.Process, args []term.Term) term.Term {
	return term.Bool(format.PrintableLatin1List(args[0]))
}

func ioLibPrintableUnicodeList(p *emu.Process, args []term.Term) term.Term {
	return term.Bool(format.PrintableUnicodeList(args[0]))
}

func ioLibNl(p *emu.Process, args []term.Term) term.Term {
	return format.StringToList(p.Heap, "\n")
}
