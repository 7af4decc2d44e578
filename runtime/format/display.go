package format

import (
	"strconv"

	"github.com/beamrc/beamrc/runtime/term"
)

// Display returns the bytes erlang:display/1 writes for t, without the
// line end (OTP writes "\r\n" after it: its stdout printer adds the
// carriage return). The emulator's term printer differs from io_lib's:
// floats print as C's "%e", maps without spaces around "=>", strings and
// binaries with fewer escapes, and atoms are quoted by different rules.
func Display(t term.Term) []byte {
	d := displayer{}
	d.term(t)
	return d.buf
}

type displayer struct{ buf []byte }

func (d *displayer) str(s string) { d.buf = append(d.buf, s...) }

func (d *displayer) term(t term.Term) {
	switch {
	case t == term.Nil:
		d.str("[]")
	case t.IsAtom():
		d.buf = append(d.buf, displayAtom(term.AtomName(t))...)
	case t.IsSmall() || t.IsBig():
		d.str(Integer(t, 10))
	case t.IsFloat():
		d.str(strconv.FormatFloat(t.FloatValue(), 'e', 6, 64))
	case t.IsCons():
		d.list(t)
	case t.IsTuple():
		d.buf = append(d.buf, '{')
		for i, e := range t.TupleElems() {
			if i > 0 {
				d.buf = append(d.buf, ',')
			}
			d.term(e)
		}
		d.buf = append(d.buf, '}')
	case t.IsMap():
		// OTP shows a large (hash-trie) map's internal nodes here; beamrc
		// prints every map the way OTP prints a small one.
		keys, vals := term.MapPairs(t)
		d.str("#{")
		for i := range keys {
			if i > 0 {
				d.buf = append(d.buf, ',')
			}
			d.term(keys[i])
			d.str("=>")
			d.term(vals[i])
		}
		d.buf = append(d.buf, '}')
	case t.IsBitstring():
		d.bitstring(t.BitstringBits())
	default:
		d.str(AtomicText(t))
	}
}

func (d *displayer) list(t term.Term) {
	if displayPrintable(t) {
		d.buf = append(d.buf, '"')
		for ; t.IsCons(); t = t.Tail() {
			c := byte(t.Head().SmallValue())
			switch c {
			case '\n':
				d.str(`\n`)
			case '"':
				d.str(`\"`)
			default:
				d.buf = append(d.buf, c)
			}
		}
		d.buf = append(d.buf, '"')
		return
	}
	d.buf = append(d.buf, '[')
	d.term(t.Head())
	for t = t.Tail(); t.IsCons(); t = t.Tail() {
		d.buf = append(d.buf, ',')
		d.term(t.Head())
	}
	if t != term.Nil {
		d.buf = append(d.buf, '|')
		d.term(t)
	}
	d.buf = append(d.buf, ']')
}

// displayPrintable is the emulator's is_printable_string: a proper list of
// bytes with no control characters other than space, \n, \t and \r.
func displayPrintable(t term.Term) bool {
	for ; t.IsCons(); t = t.Tail() {
		h := t.Head()
		if !h.IsSmall() {
			return false
		}
		c := h.SmallValue()
		if c < 0 || c > 255 {
			return false
		}
		ctrl := c < ' ' || c == 127 || (c >= 128 && c < 160)
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r'
		if ctrl && !space {
			return false
		}
	}
	return t == term.Nil
}

func (d *displayer) bitstring(bits term.Bits) {
	whole := bitstringBytes(bits)
	rest := bits.Size % 8
	printable := rest == 0 && len(whole) > 0
	for _, c := range whole {
		if c < ' ' || c >= 127 {
			printable = false
			break
		}
	}
	if printable {
		d.str(`<<"`)
		for _, c := range whole {
			if c == '"' {
				d.buf = append(d.buf, '\\')
			}
			d.buf = append(d.buf, c)
		}
		d.str(`">>`)
		return
	}
	d.str("<<")
	for i, c := range whole {
		if i > 0 {
			d.buf = append(d.buf, ',')
		}
		d.str(strconv.Itoa(int(c)))
	}
	if rest != 0 {
		if len(whole) > 0 {
			d.buf = append(d.buf, ',')
		}
		v := readBits(bits.Data, bits.Offset+bits.Size-rest, rest)
		d.str(strconv.FormatUint(v, 10))
		d.buf = append(d.buf, ':')
		d.str(strconv.Itoa(int(rest)))
	}
	d.str(">>")
}

// displayAtom quotes an atom the way the emulator's printer does (also
// used by fun_to_list/1 for external funs): bare if it starts with a
// lower-case Latin-1 letter and continues with Latin-1 letters, digits and
// '_'. Reserved words are not special here. The name's UTF-8 bytes are
// written as they are, except for control characters.
func displayAtom(name string) []byte {
	s := []byte(name)
	if len(s) == 0 {
		return []byte("''")
	}
	latin1At := func(i int) int {
		c := int(s[i])
		switch {
		case c&0x80 == 0:
			return c
		case c&0xE0 == 0xC0 && i+1 < len(s):
			return (c&0x1F)<<6 | int(s[i+1])&0x3F
		case c&0xC0 == 0x80:
			return 'a' // a continuation byte: treat as a letter
		}
		return 0 // three- and four-byte sequences always need quotes
	}
	lower := func(c int) bool { return (c >= 'a' && c <= 'z') || (c >= 223 && c <= 255 && c != 247) }
	upper := func(c int) bool { return (c >= 'A' && c <= 'Z') || (c >= 192 && c <= 222 && c != 215) }
	quote := !lower(latin1At(0))
	for i := 1; i < len(s) && !quote; i++ {
		c := latin1At(i)
		if !(lower(c) || upper(c) || (c >= '0' && c <= '9') || c == '_') {
			quote = true
		}
	}
	var out []byte
	if quote {
		out = append(out, '\'')
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\'':
			out = append(out, `\'`...)
		case '\\':
			out = append(out, `\\`...)
		case '\n':
			out = append(out, `\n`...)
		case '\f':
			out = append(out, `\f`...)
		case '\t':
			out = append(out, `\t`...)
		case '\r':
			out = append(out, `\r`...)
		case '\b':
			out = append(out, `\b`...)
		case '\v':
			out = append(out, `\v`...)
		default:
			switch {
			case c < ' ':
				out = append(out, '\\', '0'+c>>6, '0'+(c>>3)&7, '0'+c&7)
			case c == 0xC2 && i+1 < len(s) && s[i+1] < 0xA0:
				n := s[i+1]
				out = append(out, '\\', '0'+n>>6, '0'+(n>>3)&7, '0'+n&7)
				i++
			default:
				out = append(out, c)
			}
		}
	}
	if quote {
		out = append(out, '\'')
	}
	return out
}
