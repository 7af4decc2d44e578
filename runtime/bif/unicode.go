package bif

import (
	"unicode/utf16"
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// unicode:characters_to_binary/1,2,3 and characters_to_list/1,2, the BIFs
// of OTP's unicode module. The normalisation functions (characters_to_nf*)
// are in unicode_norm.go.
//
// Data is chardata: a binary, or a possibly deep list of code points and
// binaries (and a binary as the tail of a list). Binaries are in the input
// encoding; integers are code points. A bad code point or byte sequence
// gives {error, Converted, Rest}; a truncated sequence at the very end gives
// {incomplete, Converted, RestBinary}; a term that is not chardata is
// badarg. Rest is shaped as OTP's C code shapes it: the unconverted part of
// the innermost list or binary, wrapped as [Rest | Tail] once per enclosing
// list. (One shape differs: when an incomplete sequence at the end of a
// binary is followed by a list element, OTP wraps the tail once more.)

func init() {
	emu.Register("unicode", "characters_to_binary", 1, func(p *emu.Process, a []term.Term) term.Term {
		return unicodeConvert(p, a[0], unicodeUTF8, unicodeUTF8, true)
	})
	emu.Register("unicode", "characters_to_binary", 2, func(p *emu.Process, a []term.Term) term.Term {
		in, ok := unicodeEncoding(a[1])
		if !ok {
			return p.Badarg()
		}
		return unicodeConvert(p, a[0], in, unicodeUTF8, true)
	})
	emu.Register("unicode", "characters_to_binary", 3, func(p *emu.Process, a []term.Term) term.Term {
		in, ok1 := unicodeEncoding(a[1])
		out, ok2 := unicodeEncoding(a[2])
		if !ok1 || !ok2 {
			return p.Badarg()
		}
		return unicodeConvert(p, a[0], in, out, true)
	})
	emu.Register("unicode", "characters_to_list", 1, func(p *emu.Process, a []term.Term) term.Term {
		return unicodeConvert(p, a[0], unicodeUTF8, unicodeUTF8, false)
	})
	emu.Register("unicode", "characters_to_list", 2, func(p *emu.Process, a []term.Term) term.Term {
		in, ok := unicodeEncoding(a[1])
		if !ok {
			return p.Badarg()
		}
		return unicodeConvert(p, a[0], in, unicodeUTF8, false)
	})
	emu.Register("unicode", "bin_is_7bit", 1, func(p *emu.Process, a []term.Term) term.Term {
		b, ok := libBytes(a[0])
		if !ok {
			return p.Badarg()
		}
		for _, c := range b {
			if c >= 0x80 {
				return term.False
			}
		}
		return term.True
	})
}

// unicodeEnc is an encoding: its kind and, for UTF-16/32, byte order.
type unicodeEnc struct {
	kind   byte // 1 latin1, 8 utf8, 16 utf16, 32 utf32
	little bool
}

var (
	unicodeUTF8   = unicodeEnc{kind: 8}
	unicodeLatin1 = unicodeEnc{kind: 1}
)

// unicodeEncoding parses an encoding argument.
func unicodeEncoding(t term.Term) (unicodeEnc, bool) {
	if t.IsAtom() {
		switch term.AtomName(t) {
		case "latin1":
			return unicodeLatin1, true
		case "unicode", "utf8":
			return unicodeUTF8, true
		case "utf16":
			return unicodeEnc{kind: 16}, true
		case "utf32":
			return unicodeEnc{kind: 32}, true
		}
		return unicodeEnc{}, false
	}
	if !t.IsTuple() || t.TupleArity() != 2 || !t.Element(1).IsAtom() || !t.Element(2).IsAtom() {
		return unicodeEnc{}, false
	}
	var e unicodeEnc
	switch term.AtomName(t.Element(1)) {
	case "utf16":
		e.kind = 16
	case "utf32":
		e.kind = 32
	default:
		return e, false
	}
	switch term.AtomName(t.Element(2)) {
	case "little":
		e.little = true
	case "big":
	default:
		return e, false
	}
	return e, true
}

// libBytes returns the bytes of a binary (not a bit string of odd length).
func libBytes(t term.Term) ([]byte, bool) {
	if !t.IsBinary() {
		return nil, false
	}
	return t.BinaryBytes()
}

// unicodeStatus is how a conversion ended.
type unicodeStatus int

const (
	unicodeOK unicodeStatus = iota
	unicodeError
	unicodeIncomplete
	unicodeBadarg
)

// unicodeConv walks chardata and collects code points.
type unicodeConv struct {
	p   *emu.Process
	in  unicodeEnc
	out unicodeEnc
	cps []rune
}

// unicodeConvert is the shared body of the conversion BIFs.
func unicodeConvert(p *emu.Process, data term.Term, in, out unicodeEnc, toBinary bool) term.Term {
	c := &unicodeConv{p: p, in: in, out: out}
	st, rest := c.walk(data)
	if st == unicodeBadarg {
		return p.Badarg()
	}
	var conv term.Term
	if toBinary {
		conv = term.NewBinary(p.Heap, unicodeEncode(c.cps, out))
	} else {
		elems := make([]term.Term, len(c.cps))
		for i, r := range c.cps {
			elems[i] = term.MakeSmall(int64(r))
		}
		conv = term.ListFrom(p.Heap, elems)
	}
	switch st {
	case unicodeError:
		return term.Tuple3(p.Heap, term.AtomError, conv, rest)
	case unicodeIncomplete:
		return term.Tuple3(p.Heap, term.Intern("incomplete"), conv, rest)
	}
	return conv
}

// walk converts t, a binary or a list, returning the rest on error.
func (c *unicodeConv) walk(t term.Term) (unicodeStatus, term.Term) {
	if t.IsBinary() {
		return c.binary(t)
	}
	if !t.IsList() {
		return unicodeBadarg, term.NonValue
	}
	if term.ListLength(t) < 0 && !c.validShape(t) {
		return unicodeBadarg, term.NonValue
	}
	for l := t; ; l = l.Tail() {
		if !l.IsCons() {
			if l == term.Nil {
				return unicodeOK, term.NonValue
			}
			return c.binary(l) // a binary tail, as validShape checked
		}
		h := l.Head()
		switch {
		case h.IsSmall():
			cp := h.SmallValue()
			if !unicodeValidCP(cp, c.in) {
				return unicodeError, l
			}
			if c.out.kind == 1 && cp > 255 {
				wrapped := term.Cons(c.p.Heap, h, term.Nil)
				return unicodeError, term.Cons(c.p.Heap, wrapped, l.Tail())
			}
			c.cps = append(c.cps, rune(cp))
		case h.IsBinary(), h.IsList():
			st, rest := c.walk(h)
			switch st {
			case unicodeBadarg:
				return st, rest
			case unicodeError:
				return st, term.Cons(c.p.Heap, rest, l.Tail())
			case unicodeIncomplete:
				if l.Tail() == term.Nil {
					return st, rest
				}
				if st2, joined := c.joinIncomplete(rest, l.Tail()); st2 != unicodeOK {
					return st2, joined
				}
				return unicodeOK, term.NonValue
			}
		default:
			return unicodeBadarg, term.NonValue
		}
	}
}

// validShape checks an improper list before converting it: each element
// must be chardata and the final tail a binary. OTP checks the whole term
// first too, so badarg wins over an earlier encoding error.
func (c *unicodeConv) validShape(t term.Term) bool {
	stack := []term.Term{t}
	for len(stack) > 0 {
		l := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for ; l.IsCons(); l = l.Tail() {
			switch h := l.Head(); {
			case h.IsSmall(), h.IsBinary():
			case h.IsList():
				stack = append(stack, h)
			default:
				return false
			}
		}
		if l != term.Nil && !l.IsBinary() {
			return false
		}
	}
	return true
}

// joinIncomplete handles a binary that ended mid-sequence inside a list:
// OTP joins its bytes with the data that follows.
func (c *unicodeConv) joinIncomplete(pending, tail term.Term) (unicodeStatus, term.Term) {
	pb, _ := libBytes(pending)
	next := tail
	if next.IsCons() && next.Head().IsBinary() {
		nb, _ := libBytes(next.Head())
		joined := term.NewBinary(c.p.Heap, append(append([]byte(nil), pb...), nb...))
		st, rest := c.walk(term.Cons(c.p.Heap, joined, next.Tail()))
		return st, rest
	}
	if next.IsBinary() {
		nb, _ := libBytes(next)
		joined := term.NewBinary(c.p.Heap, append(append([]byte(nil), pb...), nb...))
		return c.binary(joined)
	}
	st, rest := c.walk(tail)
	if st == unicodeBadarg {
		return st, rest
	}
	return unicodeError, term.Cons(c.p.Heap, pending, term.Cons(c.p.Heap, tail, term.Nil))
}

func unicodeValidCP(cp int64, in unicodeEnc) bool {
	if in.kind == 1 {
		return cp >= 0 && cp <= 255
	}
	return cp >= 0 && cp <= utf8.MaxRune && (cp < 0xD800 || cp > 0xDFFF)
}

// binary decodes a binary in the input encoding.
func (c *unicodeConv) binary(t term.Term) (unicodeStatus, term.Term) {
	b, ok := libBytes(t)
	if !ok {
		return unicodeBadarg, term.NonValue
	}
	i := 0
	for i < len(b) {
		r, n, st := unicodeDecode(b[i:], c.in)
		if st == unicodeOK && c.out.kind == 1 && r > 255 {
			st = unicodeError
		}
		if st != unicodeOK {
			return st, term.SliceBits(c.p.Heap, t, uint(i)*8, uint(len(b)-i)*8)
		}
		c.cps = append(c.cps, r)
		i += n
	}
	return unicodeOK, term.NonValue
}

// unicodeDecode decodes the first character of b.
func unicodeDecode(b []byte, e unicodeEnc) (rune, int, unicodeStatus) {
	switch e.kind {
	case 1:
		return rune(b[0]), 1, unicodeOK
	case 8:
		return unicodeDecodeUTF8(b)
	case 16:
		if len(b) < 2 {
			return 0, 0, unicodeIncomplete
		}
		u := unicodeUnit16(b, e.little)
		if u < 0xD800 || u > 0xDFFF {
			return rune(u), 2, unicodeOK
		}
		if u > 0xDBFF {
			return 0, 0, unicodeError
		}
		if len(b) < 4 {
			return 0, 0, unicodeIncomplete
		}
		lo := unicodeUnit16(b[2:], e.little)
		if lo < 0xDC00 || lo > 0xDFFF {
			return 0, 0, unicodeError
		}
		return utf16.DecodeRune(rune(u), rune(lo)), 4, unicodeOK
	}
	if len(b) < 4 {
		return 0, 0, unicodeIncomplete
	}
	var v uint32
	if e.little {
		v = uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
	} else {
		v = uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
	}
	if v > utf8.MaxRune || (v >= 0xD800 && v <= 0xDFFF) {
		return 0, 0, unicodeError
	}
	return rune(v), 4, unicodeOK
}

func unicodeUnit16(b []byte, little bool) uint16 {
	if little {
		return uint16(b[0]) | uint16(b[1])<<8
	}
	return uint16(b[1]) | uint16(b[0])<<8
}

// unicodeDecodeUTF8 decodes strict UTF-8, telling a sequence cut short by
// the end of b (incomplete) from an invalid one (error).
func unicodeDecodeUTF8(b []byte) (rune, int, unicodeStatus) {
	if b[0] < 0x80 {
		return rune(b[0]), 1, unicodeOK
	}
	r, n := utf8.DecodeRune(b)
	if r != utf8.RuneError || n > 1 {
		return r, n, unicodeOK
	}
	if utf8.FullRune(b) {
		return 0, 0, unicodeError
	}
	// A prefix of a valid sequence? Check each continuation byte and the
	// ranges the second byte may take.
	need := 0
	switch {
	case b[0] >= 0xC2 && b[0] <= 0xDF:
		need = 2
	case b[0] >= 0xE0 && b[0] <= 0xEF:
		need = 3
	case b[0] >= 0xF0 && b[0] <= 0xF4:
		need = 4
	default:
		return 0, 0, unicodeError
	}
	for i := 1; i < len(b) && i < need; i++ {
		lo, hi := byte(0x80), byte(0xBF)
		if i == 1 {
			switch b[0] {
			case 0xE0:
				lo = 0xA0
			case 0xED:
				hi = 0x9F
			case 0xF0:
				lo = 0x90
			case 0xF4:
				hi = 0x8F
			}
		}
		if b[i] < lo || b[i] > hi {
			return 0, 0, unicodeError
		}
	}
	return 0, 0, unicodeIncomplete
}

// unicodeEncode encodes code points (all valid for the encoding).
func unicodeEncode(cps []rune, e unicodeEnc) []byte {
	var out []byte
	for _, r := range cps {
		switch e.kind {
		case 1:
			out = append(out, byte(r))
		case 8:
			out = utf8.AppendRune(out, r)
		case 16:
			if r >= 0x10000 {
				hi, lo := utf16.EncodeRune(r)
				out = unicodeAppend16(out, uint16(hi), e.little)
				out = unicodeAppend16(out, uint16(lo), e.little)
			} else {
				out = unicodeAppend16(out, uint16(r), e.little)
			}
		case 32:
			v := uint32(r)
			if e.little {
				out = append(out, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
			} else {
				out = append(out, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
			}
		}
	}
	return out
}

func unicodeAppend16(out []byte, u uint16, little bool) []byte {
	if little {
		return append(out, byte(u), byte(u>>8))
	}
	return append(out, byte(u>>8), byte(u))
}
