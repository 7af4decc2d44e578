package bif

import (
	"bytes"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// unicode:bom_to_encoding/1 and encoding_to_bom/1, as documented for
// OTP 25 and checked against erl: anything that is not a binary (or not
// an encoding) is function_clause, and a binary without a byte order
// mark is latin1 with a mark of length 0.

func init() {
	emu.Register("unicode", "bom_to_encoding", 1, unicodeBomToEncoding)
	emu.Register("unicode", "encoding_to_bom", 1, unicodeEncodingToBom)
}

var (
	bomUtf16 = term.Intern("utf16")
	bomUtf32 = term.Intern("utf32")
)

// bomMarks lists the marks longest first: the UTF-32 little-endian mark
// starts with the UTF-16 little-endian one.
var bomMarks = []struct {
	mark      []byte
	enc, bits term.Term // bits is big/little, or NonValue for utf8
}{
	{[]byte{0x00, 0x00, 0xFE, 0xFF}, bomUtf32, term.Intern("big")},
	{[]byte{0xFF, 0xFE, 0x00, 0x00}, bomUtf32, term.Intern("little")},
	{[]byte{0xFE, 0xFF}, bomUtf16, term.Intern("big")},
	{[]byte{0xFF, 0xFE}, bomUtf16, term.Intern("little")},
	{[]byte{0xEF, 0xBB, 0xBF}, term.Intern("utf8"), term.NonValue},
}

func unicodeBomToEncoding(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsBinary() {
		return libFnClause(p, args)
	}
	b, ok := args[0].BinaryBytes()
	if !ok {
		return libFnClause(p, args)
	}
	for _, m := range bomMarks {
		if bytes.HasPrefix(b, m.mark) {
			enc := m.enc
			if m.bits != term.NonValue {
				enc = term.Tuple2(p.Heap, m.enc, m.bits)
			}
			return term.Tuple2(p.Heap, enc, term.MakeSmall(int64(len(m.mark))))
		}
	}
	return term.Tuple2(p.Heap, term.Intern("latin1"), term.MakeSmall(0))
}

func unicodeEncodingToBom(p *emu.Process, args []term.Term) term.Term {
	enc := args[0]
	name, bits := enc, term.Intern("big")
	if enc.IsTuple() && enc.TupleArity() == 2 {
		name, bits = enc.Element(1), enc.Element(2)
	}
	switch {
	case !enc.IsTuple() && (enc == term.Intern("utf8") || enc == term.Intern("unicode")):
		return term.NewBinary(p.Heap, bomMarks[4].mark)
	case !enc.IsTuple() && enc == term.Intern("latin1"):
		return term.NewBinary(p.Heap, nil)
	case name == bomUtf32 || name == bomUtf16:
		for _, m := range bomMarks {
			if m.enc == name && m.bits == bits {
				return term.NewBinary(p.Heap, m.mark)
			}
		}
	}
	return libFnClause(p, args)
}
