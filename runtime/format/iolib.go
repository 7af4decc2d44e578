package format

import (
	"errors"
	"math"
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/term"
)

// ErrBadFormat is what every failure of io_lib:format comes to: OTP turns
// all of them into error:badarg.
var ErrBadFormat = errors.New("io_lib:format: bad format or arguments")

// Segment is one part of io_lib:format's result. OTP returns a deep list:
// literal characters and the results of the "small" directives (~c, ~e,
// ~b, ...) at the top level, and the result of each ~p, ~w, ~s, ~P and ~W
// as one nested list. Nested marks the latter, so that the list can be
// rebuilt with the same shape.
type Segment struct {
	Text   string
	Nested bool
}

// Flatten joins the segments' text.
func Flatten(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

// FormatString is io_lib:format/2 with its result flattened.
func FormatString(format term.Term, args term.Term) (string, error) {
	segs, err := Format(format, args)
	if err != nil {
		return "", err
	}
	return Flatten(segs), nil
}

// FormatTerm is io_lib:format/2 as a BIF returns it: a list of characters
// (with one nested list per term directive, as in OTP).
func FormatTerm(a term.Allocator, format term.Term, args term.Term) (term.Term, error) {
	segs, err := Format(format, args)
	if err != nil {
		return term.NonValue, err
	}
	var elems []term.Term
	for _, s := range segs {
		if s.Nested {
			elems = append(elems, StringToList(a, s.Text))
			continue
		}
		for _, r := range s.Text {
			elems = append(elems, term.MakeSmall(int64(r)))
		}
	}
	return term.ListFrom(a, elems), nil
}

// StringToList makes the Erlang list of the characters of s.
func StringToList(a term.Allocator, s string) term.Term {
	rs := []rune(s)
	elems := make([]term.Term, len(rs))
	for i, r := range rs {
		elems[i] = term.MakeSmall(int64(r))
	}
	return term.ListFrom(a, elems)
}

// FormatChars returns the characters of a format argument: a string, a
// binary (its bytes, each one character) or an atom.
func FormatChars(f term.Term) ([]rune, bool) {
	switch {
	case f.IsAtom():
		return []rune(term.AtomName(f)), true
	case f.IsBinary():
		bs, _ := f.BinaryBytes()
		rs := make([]rune, len(bs))
		for i, c := range bs {
			rs[i] = rune(c)
		}
		return rs, true
	case f.IsList():
		var rs []rune
		for ; f.IsCons(); f = f.Tail() {
			h := f.Head()
			if !h.IsSmall() || h.SmallValue() < 0 || h.SmallValue() > math.MaxInt32 {
				return nil, false
			}
			rs = append(rs, rune(h.SmallValue()))
		}
		return rs, f == term.Nil
	}
	return nil, false
}

// directive is one ~ control sequence, as io_lib_format:collect_cseq/2
// scans it.
type directive struct {
	width, prec int
	hasW, hasP  bool
	left        bool
	pad         rune
	enc         Encoding
	strings     bool
	c           rune
	args        []term.Term
}

// Format is io_lib:format/2.
func Format(format term.Term, args term.Term) ([]Segment, error) {
	fs, ok := FormatChars(format)
	if !ok {
		return nil, ErrBadFormat
	}
	as, ok := term.ListToSlice(args)
	if !ok {
		return nil, ErrBadFormat
	}
	// Scan everything first: OTP fails before printing anything.
	var items []any // rune or *directive
	for i := 0; i < len(fs); {
		if fs[i] != '~' {
			items = append(items, fs[i])
			i++
			continue
		}
		d, next, rest, err := scanDirective(fs, i+1, as)
		if err != nil {
			return nil, err
		}
		items = append(items, d)
		i, as = next, rest
	}
	if len(as) != 0 {
		return nil, ErrBadFormat
	}
	b := builder{}
	for _, it := range items {
		switch it := it.(type) {
		case rune:
			b.add(string(it), false)
		case *directive:
			s, nested, err := it.build(b.col)
			if err != nil {
				return nil, err
			}
			b.add(s, nested)
		}
	}
	return b.segs, nil
}

// builder collects the output and tracks the column ~p starts at.
type builder struct {
	segs []Segment
	col  int
}

func (b *builder) add(s string, nested bool) {
	if s == "" && !nested {
		return
	}
	if !nested && len(b.segs) > 0 && !b.segs[len(b.segs)-1].Nested {
		b.segs[len(b.segs)-1].Text += s
	} else {
		b.segs = append(b.segs, Segment{Text: s, Nested: nested})
	}
	for _, r := range s {
		switch r {
		case '\n':
			b.col = 0
		case '\t':
			b.col = (b.col + 8) / 8 * 8
		default:
			b.col++
		}
	}
}

// scanDirective reads the control sequence after a '~' at fs[i:].
func scanDirective(fs []rune, i int, as []term.Term) (*directive, int, []term.Term, error) {
	d := &directive{pad: ' ', strings: true}
	at := func(k int) rune {
		if k < len(fs) {
			return fs[k]
		}
		return -1
	}
	// fieldValue reads digits or a '*' argument.
	fieldValue := func() (int, bool, error) {
		if at(i) == '*' {
			if len(as) == 0 || !as[0].IsSmall() {
				return 0, false, ErrBadFormat
			}
			v := as[0].SmallValue()
			as = as[1:]
			i++
			return int(v), true, nil
		}
		if c := at(i); c < '0' || c > '9' {
			return 0, false, nil
		}
		v := 0
		for c := at(i); c >= '0' && c <= '9'; c = at(i) {
			v = v*10 + int(c-'0')
			if v > 1<<30 {
				return 0, false, ErrBadFormat
			}
			i++
		}
		return v, true, nil
	}
	// Field width, possibly negative for left adjustment.
	neg := false
	if at(i) == '-' {
		neg = true
		i++
	}
	w, hasW, err := fieldValue()
	if err != nil || (neg && !hasW) {
		return nil, 0, nil, ErrBadFormat
	}
	if neg {
		w = -w
	}
	if hasW {
		d.hasW = true
		d.width = w
		if w < 0 {
			d.width, d.left = -w, true
		}
	}
	// Precision.
	if at(i) == '.' {
		i++
		p, hasP, err := fieldValue()
		if err != nil {
			return nil, 0, nil, err
		}
		d.prec, d.hasP = p, hasP
	}
	// Padding character.
	if at(i) == '.' && at(i+1) == '*' {
		if len(as) == 0 || !as[0].IsSmall() {
			return nil, 0, nil, ErrBadFormat
		}
		d.pad = rune(as[0].SmallValue())
		as = as[1:]
		i += 2
	} else if at(i) == '.' && i+1 < len(fs) {
		d.pad = fs[i+1]
		i += 2
	}
	// Modifiers.
	for {
		switch at(i) {
		case 't':
			d.enc = Unicode
			i++
			continue
		case 'l':
			d.strings = false
			i++
			continue
		}
		break
	}
	d.c = at(i)
	i++
	need := 0
	switch d.c {
	case 'w', 'p', 's', 'e', 'f', 'g', 'b', 'B', '+', '#', 'c', 'i':
		need = 1
	case 'W', 'P', 'x', 'X':
		need = 2
	case '~', 'n':
	default:
		return nil, 0, nil, ErrBadFormat
	}
	if len(as) < need {
		return nil, 0, nil, ErrBadFormat
	}
	d.args, as = as[:need], as[need:]
	return d, i, as, nil
}

// build is control_small/7 and control_limited/10: the text of one
// directive and whether it is one of the nested (term) results. col is
// the column the output has reached, for ~p.
func (d *directive) build(col int) (string, bool, error) {
	var a term.Term
	if len(d.args) > 0 {
		a = d.args[0]
	}
	switch d.c {
	case 's':
		if a.IsAtom() {
			name := []rune(term.AtomName(a))
			if d.enc == Latin1 {
				for _, r := range name {
					if r > 255 {
						return "", false, ErrBadFormat
					}
				}
			}
			s, err := d.string(name)
			return s, false, err
		}
		var chars []rune
		var ok bool
		if d.enc == Latin1 {
			chars, ok = iolistChars(a, nil)
		} else {
			chars, ok = cdataChars(a, nil)
		}
		if !ok {
			return "", false, ErrBadFormat
		}
		s, err := d.string(chars)
		return s, true, err
	case 'w', 'W':
		depth := -1
		if d.c == 'W' {
			if !d.args[1].IsSmall() {
				return "", false, ErrBadFormat
			}
			depth = int(d.args[1].SmallValue())
		}
		s, err := d.term(WriteDepth(a, depth, d.enc), d.prec, d.hasP)
		return s, true, err
	case 'p', 'P':
		depth := -1
		if d.c == 'P' {
			if !d.args[1].IsSmall() {
				return "", false, ErrBadFormat
			}
			depth = int(d.args[1].SmallValue())
		}
		if d.left && d.hasW {
			return "", false, ErrBadFormat
		}
		o := PrintOptions{Column: col + 1, LineLength: 80, Depth: depth, Encoding: d.enc, NoStrings: !d.strings}
		if d.hasW {
			o.LineLength = d.width
		}
		if d.hasP {
			o.Column = d.prec
		}
		return Print(a, o), true, nil
	case 'e', 'f', 'g':
		if !a.IsFloat() {
			return "", false, ErrBadFormat
		}
		s, err := d.float(a.FloatValue())
		return s, false, err
	case 'b', 'B', 'x', 'X', '+', '#':
		if !a.IsInteger() {
			return "", false, ErrBadFormat
		}
		base := 10
		if d.hasP {
			base = d.prec
		}
		if base < 2 || base > 36 {
			return "", false, ErrBadFormat
		}
		prefix := ""
		lower := d.c == 'b' || d.c == 'x' || d.c == '+'
		switch d.c {
		case 'x', 'X':
			p := d.args[1]
			if p.IsAtom() {
				prefix = term.AtomName(p)
			} else if chars, ok := deepChars(p, nil); ok {
				prefix = string(chars)
			} else {
				return "", false, ErrBadFormat
			}
		case '+', '#':
			prefix = IntegerInt64(int64(base), 10) + "#"
		}
		digits := Integer(a, base)
		neg := strings.HasPrefix(digits, "-")
		digits = strings.TrimPrefix(digits, "-")
		if lower {
			digits = strings.ToLower(digits)
		}
		s := prefix + digits
		if neg {
			s = "-" + s
		}
		out, err := d.term(s, 0, false)
		return out, false, err
	case 'c':
		if !a.IsInteger() {
			return "", false, ErrBadFormat
		}
		var c rune
		if v, ok := a.Int64(); ok && d.enc == Unicode {
			// OTP's result would hold a non-character, which no device
			// accepts: fail here.
			if v < 0 || v > 0x10FFFF {
				return "", false, ErrBadFormat
			}
			c = rune(v)
		} else {
			c = rune(lowByte(a))
		}
		s, err := d.char(c)
		return s, false, err
	case '~':
		s, err := d.char('~')
		return s, false, err
	case 'n':
		if !d.hasW {
			return "\n", false, nil
		}
		if d.left {
			return "", false, ErrBadFormat
		}
		return strings.Repeat("\n", d.width), false, nil
	case 'i':
		return "", false, nil
	}
	return "", false, ErrBadFormat
}

// lowByte is A band 255 for any integer.
func lowByte(a term.Term) int64 {
	if a.IsSmall() {
		return a.SmallValue() & 255
	}
	// big.Int.And works on the two's complement of negative numbers, as
	// Erlang's band does.
	return new(big.Int).And(a.BigInt(), big.NewInt(255)).Int64()
}

func (d *directive) padding(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(string(d.pad), n)
}

func (d *directive) adjust(s, pad string) string {
	if d.left {
		return s + pad
	}
	return pad + s
}

// term is io_lib_format:term/5: a field of width characters, or stars
// when the text does not fit.
func (d *directive) term(s string, prec int, hasP bool) (string, error) {
	width, hasW := d.width, d.hasW
	if !hasW && !hasP {
		return s, nil
	}
	if !hasW {
		width, hasW = prec, true
	}
	l := charsLength(s)
	p := width
	if hasP {
		p = min(prec, width)
	}
	p = min(l, p)
	if l > p {
		return d.adjust(strings.Repeat("*", max(p, 0)), d.padding(width-p)), nil
	}
	return d.adjust(s, d.padding(width-l)), nil
}

// string is io_lib_format:string/6.
func (d *directive) string(chars []rune) (string, error) {
	s := string(chars)
	n := charsLength(s)
	switch {
	case !d.hasW && !d.hasP:
		return s, nil
	case !d.hasP:
		return d.stringField(chars, d.width, n), nil
	case !d.hasW:
		dd := *d
		dd.left = true
		return dd.stringField(chars, d.prec, n), nil
	case d.width < d.prec:
		return "", ErrBadFormat
	case d.width > d.prec:
		switch {
		case n > d.prec:
			return d.adjust(d.trunc(chars, d.prec), d.padding(d.width-d.prec)), nil
		case n < d.prec:
			return d.adjust(s+d.padding(d.prec-n), d.padding(d.width-d.prec)), nil
		}
		return d.adjust(s, d.padding(d.width-d.prec)), nil
	}
	return d.stringField(chars, d.width, n), nil
}

func (d *directive) stringField(chars []rune, f, n int) string {
	switch {
	case n > f:
		return d.trunc(chars, f)
	case n < f:
		return d.adjust(string(chars), d.padding(f-n))
	}
	return string(chars)
}

// trunc is flat_trunc/3: the first n characters, or for ~ts the first n
// grapheme clusters (string:slice/3).
func (d *directive) trunc(chars []rune, n int) string {
	n = max(n, 0)
	if d.enc == Latin1 {
		return string(chars[:min(n, len(chars))])
	}
	end := 0
	for i := 0; i < n && end < len(chars); i++ {
		end += graphemeLen(chars[end:])
	}
	return string(chars[:end])
}

// graphemeLen is the length of the grapheme cluster at the start of cs,
// approximated as OTP's string module sees the common cases: CR LF is one
// cluster, and combining marks join the character before them.
func graphemeLen(cs []rune) int {
	if len(cs) >= 2 && cs[0] == '\r' && cs[1] == '\n' {
		return 2
	}
	n := 1
	for n < len(cs) && unicode.In(cs[n], unicode.Mn, unicode.Me) {
		n++
	}
	return n
}

// char is io_lib_format:char/5: the character repeated.
func (d *directive) char(c rune) (string, error) {
	cs := string(c)
	if !utf8.ValidRune(c) {
		cs = string(utf8.RuneError)
	}
	switch {
	case !d.hasW && !d.hasP:
		return cs, nil
	case !d.hasP:
		return strings.Repeat(cs, max(d.width, 0)), nil
	case !d.hasW:
		return strings.Repeat(cs, max(d.prec, 0)), nil
	case d.width >= d.prec:
		return d.adjust(strings.Repeat(cs, max(d.prec, 0)), d.padding(d.width-d.prec)), nil
	}
	return "", ErrBadFormat
}

// float is fwrite_e/5, fwrite_f/5 and fwrite_g/5.
func (d *directive) float(f float64) (string, error) {
	p := 6
	if d.hasP {
		p = d.prec
	}
	c := d.c
	if c == 'g' {
		if p < 1 {
			return "", ErrBadFormat
		}
		a := math.Abs(f)
		e, big := 0, false
		switch {
		case a < 0.1:
			e = -2
		case a < 1.0:
			e = -1
		case a < 10.0:
			e = 0
		case a < 100.0:
			e = 1
		case a < 1.0e3:
			e = 2
		case a < 1.0e4:
			e = 3
		default:
			big = true // OTP compares with an atom here, which is never smaller
		}
		switch {
		case !big && ((p <= 1 && e == -1) || (p-1 > e && e >= -1)):
			c, p = 'f', p-1-e
		case p <= 1:
			c, p = 'e', 2
		default:
			c = 'e'
		}
	}
	var s string
	switch c {
	case 'e':
		if p < 2 {
			return "", ErrBadFormat
		}
		s = floatE(f, p)
	default:
		if p < 1 {
			return "", ErrBadFormat
		}
		s = floatF(f, p)
	}
	if !d.hasW {
		return s, nil
	}
	return d.term(s, d.width, true)
}

// charsLength is io_lib:chars_length/1 for flat text: the number of
// characters when they are all Latin-1 (iolist_size/1), else the number
// of grapheme clusters (string:length/1).
func charsLength(s string) int {
	rs := []rune(s)
	for _, r := range rs {
		if r > 255 {
			n := 0
			for i := 0; i < len(rs); i += graphemeLen(rs[i:]) {
				n++
			}
			return n
		}
	}
	return len(rs)
}

// iolistChars is iolist_to_chars/1: a deep list of Latin-1 characters and
// binaries (an improper tail may be a binary).
func iolistChars(t term.Term, out []rune) ([]rune, bool) {
	for {
		switch {
		case t == term.Nil:
			return out, true
		case t.IsBinary():
			bs, _ := t.BinaryBytes()
			for _, c := range bs {
				out = append(out, rune(c))
			}
			return out, true
		case t.IsCons():
			h := t.Head()
			if h.IsSmall() && h.SmallValue() >= 0 && h.SmallValue() <= 255 {
				out = append(out, rune(h.SmallValue()))
			} else if h.IsList() || h.IsBinary() {
				var ok bool
				if out, ok = iolistChars(h, out); !ok {
					return nil, false
				}
			} else {
				return nil, false
			}
			t = t.Tail()
		default:
			return nil, false
		}
	}
}

// cdataChars is cdata_to_chars/1 of ~ts: characters of any size, and
// binaries decoded as UTF-8 (or taken as bytes if they are not UTF-8).
func cdataChars(t term.Term, out []rune) ([]rune, bool) {
	for {
		switch {
		case t == term.Nil:
			return out, true
		case t.IsBinary():
			bs, _ := t.BinaryBytes()
			if utf8.Valid(bs) {
				return append(out, []rune(string(bs))...), true
			}
			for _, c := range bs {
				out = append(out, rune(c))
			}
			return out, true
		case t.IsCons():
			h := t.Head()
			if h.IsSmall() && h.SmallValue() >= 0 && h.SmallValue() <= math.MaxInt32 {
				out = append(out, rune(h.SmallValue()))
			} else if h.IsList() || h.IsBinary() {
				var ok bool
				if out, ok = cdataChars(h, out); !ok {
					return nil, false
				}
			} else {
				return nil, false
			}
			t = t.Tail()
		default:
			return nil, false
		}
	}
}

// deepChars is io_lib:deep_char_list/1 returning the characters.
func deepChars(t term.Term, out []rune) ([]rune, bool) {
	for ; t.IsCons(); t = t.Tail() {
		h := t.Head()
		switch {
		case h.IsList():
			var ok bool
			if out, ok = deepChars(h, out); !ok {
				return nil, false
			}
		case h.IsSmall() && isUnicodeChar(h.SmallValue()):
			out = append(out, rune(h.SmallValue()))
		default:
			return nil, false
		}
	}
	return out, t == term.Nil
}
