package format

import (
	"strings"
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/erltext"
	"github.com/beamrc/beamrc/runtime/term"
)

// PrintOptions are the io_lib_pretty:print/2 options that ~p uses.
type PrintOptions struct {
	Column     int      // where the output starts, 1-based (default 1)
	LineLength int      // default 80; 0 prints on one line
	Depth      int      // -1 for no limit (~P sets it)
	Encoding   Encoding // Unicode for ~tp
	NoStrings  bool     // ~lp: never show lists and binaries as strings
}

// DefaultPrint are the options of io_lib:print/1 and a bare ~p.
var DefaultPrint = PrintOptions{Column: 1, LineLength: 80, Depth: -1}

// Print returns t as io_lib_pretty prints it: on one line if it fits in
// the line length from the column on, otherwise broken over lines and
// indented the way OTP 25 does it. Records are not known, so they print
// as tuples.
func Print(t term.Term, o PrintOptions) string {
	if o.Depth == 0 {
		return "..."
	}
	col := o.Column
	if col <= 0 {
		col = 1
	}
	switch {
	case t.IsAtom():
		return AtomText(t, o.Encoding)
	case t.IsTuple(), t.IsList(), t.IsMap(), t.IsBitstring():
	default:
		return Write(t)
	}
	p := &printer{enc: o.Encoding, strings: !o.NoStrings}
	n := p.length(t, o.Depth)
	var b strings.Builder
	ll, m := o.LineLength, n.length
	if ll == 0 || n.length < ll-col {
		writeNode(&b, n)
		return b.String()
	}
	// The indentation of tagged tuples: -1 (none) if it works out,
	// else 4, else 1.
	tind := 1
	for _, i := range []int{-1, 4} {
		if cind(n, col, ll, m, i, 0, 0) {
			tind = i
			break
		}
	}
	pp := pretty{b: &b, ll: ll, m: m, tind: tind}
	pp.node(n, col, col-1, 0, 0)
	return b.String()
}

// nodeKind tells what an intermediate node stands for (OTP's
// intermediate format of io_lib_pretty).
type nodeKind uint8

const (
	kAtomic nodeKind = iota // text that prints as it is (atoms, numbers, strings...)
	kDots                   // "..." for what the depth cut off
	kList
	kTuple
	kMap
	kPair // a map association
	kBin  // a binary shown as integers, breakable between bytes
)

type node struct {
	kind   nodeKind
	text   string  // kAtomic, kBin: the written form
	elems  []*node // kList, kTuple: elements; kMap: pairs
	tail   *node   // after elems: nil, a kDots node, or an improper list tail
	key    *node   // kPair
	val    *node   // kPair
	tagged bool    // kTuple: first element an atom, more than one element
	items  []string
	length int // characters on one line
}

// atomic reports whether a node is plain text: OTP's ?ATM test, true for
// everything that cannot be broken over lines.
func (n *node) atomic() bool { return n.kind == kAtomic }

func (n *node) pairAtomic() bool { return n.key.atomic() && n.val.atomic() }

func textNode(s string) *node {
	return &node{kind: kAtomic, text: s, length: utf8.RuneCountInString(s)}
}

var dotsNode = &node{kind: kDots, text: "...", length: 3}

type printer struct {
	enc     Encoding
	strings bool
}

// length is io_lib_pretty:print_length/6 without a character limit: it
// builds the intermediate form and the one-line length of every part.
func (p *printer) length(t term.Term, d int) *node {
	switch {
	case t == term.Nil:
		return textNode("[]")
	case t.IsTuple() && t.TupleArity() == 0:
		return textNode("{}")
	case t.IsMap() && term.MapSize(t) == 0:
		return textNode("#{}")
	case t.IsAtom():
		return textNode(AtomText(t, p.enc))
	case t.IsCons():
		if p.strings && d != 1 && PrintableLatin1List(t) {
			var b strings.Builder
			erltext.WriteQuoted(&b, listRunes(t), '"', erltext.Unicode)
			return textNode(b.String())
		}
		return p.list(t, d)
	case t.IsFun():
		return textNode(Write(t))
	case t.IsTuple():
		if d == 1 {
			return textNode("{...}")
		}
		n := &node{kind: kTuple}
		elems := t.TupleElems()
		n.tagged = elems[0].IsAtom() && len(elems) > 1
		for i, dd := 0, d; i < len(elems); i, dd = i+1, dd-1 {
			if dd == 1 {
				n.tail = dotsNode
				break
			}
			n.elems = append(n.elems, p.length(elems[i], dd-1))
		}
		n.length = listLength(n, 2)
		return n
	case t.IsMap():
		if d == 1 {
			return textNode("#{...}")
		}
		keys, vals := iteratorPairs(t)
		n := &node{kind: kMap}
		for i, dd := 0, d; i < len(keys); i, dd = i+1, dd-1 {
			if dd == 1 {
				n.tail = dotsNode
				break
			}
			k, v := p.length(keys[i], d-1), p.length(vals[i], d-1)
			n.elems = append(n.elems, &node{kind: kPair, key: k, val: v, length: k.length + 4 + v.length})
		}
		n.length = listLength(n, 3)
		return n
	case t.IsBitstring():
		return p.bitstring(t, d)
	}
	return textNode(Write(t))
}

func (p *printer) list(t term.Term, d int) *node {
	n := &node{kind: kList}
	for dd := d; ; dd-- {
		if t == term.Nil {
			break
		}
		if dd == 1 {
			n.tail = dotsNode
			break
		}
		if !t.IsCons() {
			n.tail = p.length(t, dd-1)
			break
		}
		n.elems = append(n.elems, p.length(t.Head(), dd-1))
		t = t.Tail()
	}
	n.length = listLength(n, 2)
	return n
}

// listLength is list_length/3: the brackets plus elements and separators.
func listLength(n *node, acc int) int {
	for i, e := range n.elems {
		if i > 0 {
			acc++
		}
		acc += e.length
	}
	if n.tail != nil {
		if len(n.elems) > 0 {
			acc++
		}
		acc += n.tail.length
	}
	return acc
}

func (p *printer) bitstring(t term.Term, d int) *node {
	bits := t.BitstringBits()
	if bits.Size == 0 {
		return textNode("<<>>")
	}
	if d == 1 {
		return textNode("<<...>>")
	}
	if p.strings && bits.Size%8 == 0 {
		bs := bitstringBytes(bits)
		if chars, latin, prefix, ok := printableBin(bs, d-1, p.enc); ok {
			s := QuoteString(chars)
			suffix := ">>"
			switch {
			case !latin && prefix:
				suffix = "/utf8...>>"
			case !latin:
				suffix = "/utf8>>"
			case prefix:
				suffix = "...>>"
			}
			return textNode("<<" + s + suffix)
		}
	}
	var items []string
	var b strings.Builder
	writeBinaryBody(&b, bits, d)
	// The items are what OTP's pp_binary breaks lines between.
	items = strings.Split(b.String(), ",")
	return &node{kind: kBin, text: "<<" + b.String() + ">>", items: items, length: 4 + b.Len()}
}

// printableBin is printable_bin0/4: whether a binary is shown as a string,
// and which part of it. latin reports a plain <<"...">> (false: the
// /utf8 form); prefix a string cut short by the depth.
func printableBin(bs []byte, d int, enc Encoding) (chars []rune, latin, prefix, ok bool) {
	n := len(bs)
	if d >= 0 {
		n = min(4*d, len(bs))
	}
	if n == 0 {
		return nil, false, false, false
	}
	if enc == Unicode {
		if chars, latin, prefix, ok, valid := printableUTF8(bs, n, d); valid {
			return chars, latin, prefix, ok
		}
	}
	// Latin-1: the first bad byte decides.
	bad := -1
	for i := 0; i < n; i++ {
		if !erltext.IsPrintableLatin1(int64(bs[i])) {
			bad = i
			break
		}
	}
	toRunes := func(b []byte) []rune {
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		return rs
	}
	first := min(20, n)
	switch {
	case bad < 0 && n == len(bs):
		return toRunes(bs), true, false, true
	case bad < 0:
		if first == n {
			return toRunes(bs[:first]), true, true, true
		}
		if d > 0 && n >= d {
			return toRunes(bs[:n]), true, true, true
		}
	default:
		// A string of the printable bytes before the bad one, if the
		// depth asked for no more than that.
		if d > 0 && bad >= d {
			return toRunes(bs[:bad]), true, true, true
		}
	}
	return nil, false, false, false
}

// printableUTF8 is the Unicode branch of printable_bin/4; valid=false
// sends the caller to the Latin-1 branch.
func printableUTF8(bs []byte, n, d int) (chars []rune, latin, prefix, ok, valid bool) {
	// valid_utf8/2: the first n characters must decode.
	rest := bs
	for i := 0; i < n && len(rest) > 0; i++ {
		r, size := utf8.DecodeRune(rest)
		if r == utf8.RuneError && size <= 1 {
			return nil, false, false, false, false
		}
		rest = rest[size:]
	}
	rest = bs
	left := n
	for left > 0 && len(rest) > 0 {
		r, size := utf8.DecodeRune(rest)
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if !erltext.IsPrintableLatin1(int64(r)) {
			break
		}
		chars = append(chars, r)
		rest = rest[size:]
		left--
	}
	if len(rest) == 0 {
		return chars, len(bs) == len(chars), false, true, true
	}
	if d > 0 && n-left >= d {
		return chars, len(bs)-len(rest) == len(chars), true, true, true
	}
	return nil, false, false, false, true
}

// writeNode is io_lib_pretty:write/1: a node on one line.
func writeNode(b *strings.Builder, n *node) {
	switch n.kind {
	case kList:
		b.WriteByte('[')
		writeElems(b, n, '|')
		b.WriteByte(']')
	case kTuple:
		b.WriteByte('{')
		writeElems(b, n, ',')
		b.WriteByte('}')
	case kMap:
		b.WriteString("#{")
		writeElems(b, n, ',')
		b.WriteByte('}')
	case kPair:
		writeNode(b, n.key)
		b.WriteString(" => ")
		writeNode(b, n.val)
	default:
		b.WriteString(n.text)
	}
}

func writeElems(b *strings.Builder, n *node, sep byte) {
	for i, e := range n.elems {
		if i > 0 {
			b.WriteByte(',')
		}
		writeNode(b, e)
	}
	if n.tail != nil {
		if len(n.elems) > 0 {
			b.WriteByte(sep)
		}
		writeNode(b, n.tail)
	}
}

// fits is the test OTP repeats everywhere: the node's one-line form fits
// between col and the line end, leaving room for ld closing brackets.
func fits(n *node, col, ll, m, ld, w int) bool {
	return n.length < ll-col-ld && n.length+w+ld <= m
}

// tailFits is the test for the next element of a broken-up list: it goes
// on the current line if it is atomic and fits.
func tailFits(atomic bool, elen, col, ll, m, ld1, w int) bool {
	if !atomic {
		return false
	}
	if ld1 == 0 {
		return elen+1 < ll-col && w+elen+1 <= m
	}
	return elen < ll-col-ld1 && w+elen+ld1 <= m
}

type pretty struct {
	b    *strings.Builder
	ll   int // line length
	m    int // most characters on a line (the whole term's length)
	tind int // indentation of tagged tuples, or -1
}

func (p pretty) indent(ind int) {
	p.b.WriteString(strings.Repeat(" ", max(ind, 0)))
}

// node is pp/8.
func (p pretty) node(n *node, col, ind, ld, w int) {
	if fits(n, col, p.ll, p.m, ld, w) {
		writeNode(p.b, n)
		return
	}
	switch n.kind {
	case kList:
		p.b.WriteByte('[')
		p.list(n, col+1, ind+1, ld, '|', w+1)
		p.b.WriteByte(']')
	case kTuple:
		p.b.WriteByte('{')
		if n.tagged {
			p.tagTuple(n, col, ind, ld, w+1)
		} else {
			p.list(n, col+1, ind+1, ld, ',', w+1)
		}
		p.b.WriteByte('}')
	case kMap:
		p.b.WriteString("#{")
		p.mapPairs(n, col+2, ind+2, ld, w+1)
		p.b.WriteByte('}')
	case kBin:
		p.binary(n, col+2, ind+2, ld, w)
	default:
		writeNode(p.b, n)
	}
}

// tagTuple is pp_tag_tuple/8: {tag,First,\n      Rest...} with the
// elements lined up after the tag, or indented by tind.
func (p pretty) tagTuple(n *node, col, ind, ld, w int) {
	if len(n.elems) == 0 {
		p.b.WriteString("...")
		return
	}
	tag := n.elems[0]
	tlen := tag.length
	tagInd := tlen + 2
	tcol := col + tagInd
	if p.tind > 0 && tagInd > p.tind {
		writeNode(p.b, tag)
		p.tail(n, 1, col+p.tind, tcol, ind+p.tind, ld, ',', w+tlen)
		return
	}
	writeNode(p.b, tag)
	p.b.WriteByte(',')
	p.listFrom(n, 1, tcol, ind+tagInd, ld, ',', w+tlen+1)
}

// list is pp_list/9.
func (p pretty) list(n *node, col0, ind, ld int, sep byte, w int) {
	p.listFrom(n, 0, col0, ind, ld, sep, w)
}

func (p pretty) listFrom(n *node, i, col0, ind, ld int, sep byte, w int) {
	if i >= len(n.elems) {
		p.b.WriteString("...") // only dots are left
		return
	}
	s, we := p.element(n.elems[i], col0, ind, p.lastDepth(n, i, ld), w)
	p.b.WriteString(s)
	p.tail(n, i+1, col0, col0+we, ind, ld, sep, w+we)
}

// lastDepth is last_depth/2: 0 if more elements follow element i, else
// ld+1 (one more closing bracket must fit after it).
func (p pretty) lastDepth(n *node, i, ld int) int {
	if i+1 < len(n.elems) {
		return 0
	}
	return ld + 1
}

// tail is pp_tail/10 from element i on.
func (p pretty) tail(n *node, i, col0, col, ind, ld int, sep byte, w int) {
	for ; i < len(n.elems); i++ {
		e := n.elems[i]
		ld1 := p.lastDepth(n, i, ld)
		elen := 1 + e.length
		if tailFits(e.atomic(), elen, col, p.ll, p.m, ld1, w) {
			p.b.WriteByte(',')
			writeNode(p.b, e)
			col += elen
			w += elen
			continue
		}
		s, we := p.element(e, col0, ind, ld1, 0)
		p.b.WriteString(",\n")
		p.indent(ind)
		p.b.WriteString(s)
		col = col0 + we
		w = we
	}
	t := n.tail
	switch {
	case t == nil:
	case t.kind == kDots:
		p.b.WriteByte(sep)
		p.b.WriteString("...")
	case t.length+1 < p.ll-col-(ld+1) && t.length+1+w+(ld+1) <= p.m && t.atomic():
		p.b.WriteByte(sep)
		writeNode(p.b, t)
	default:
		p.b.WriteByte(sep)
		p.b.WriteByte('\n')
		p.indent(ind)
		p.node(t, col0, ind, ld+1, 0)
	}
}

// element is pp_element/8: the text and the width it takes (the whole
// line length when it was broken, so that nothing follows it).
func (p pretty) element(e *node, col, ind, ld, w int) (string, int) {
	var b strings.Builder
	if fits(e, col, p.ll, p.m, ld, w) && e.atomic() {
		writeNode(&b, e)
		return b.String(), e.length
	}
	sub := p
	sub.b = &b
	sub.node(e, col, ind, ld, w)
	return b.String(), p.ll
}

// mapPairs is pp_map/8 and pp_pairs_tail/9.
func (p pretty) mapPairs(n *node, col, ind, ld, w int) {
	if len(n.elems) == 0 {
		if n.tail != nil {
			p.b.WriteString("...")
		}
		return
	}
	s, pw := p.pair(n.elems[0], col, ind, p.lastDepth(n, 0, ld), w)
	p.b.WriteString(s)
	col0, c, ww := col, col+pw, pw
	for i := 1; i < len(n.elems); i++ {
		e := n.elems[i]
		ld1 := p.lastDepth(n, i, ld)
		elen := 1 + e.length
		if tailFits(e.pairAtomic(), elen, c, p.ll, p.m, ld1, ww) {
			p.b.WriteByte(',')
			writeNode(p.b, e)
			c += elen
			ww += elen
			continue
		}
		s, pw := p.pair(e, col0, ind, ld1, 0)
		p.b.WriteString(",\n")
		p.indent(ind)
		p.b.WriteString(s)
		c = col0 + pw
		ww = pw
	}
	if n.tail != nil {
		p.b.WriteString(",...")
	}
}

// pair is pp_pair/8: "K => V" on one line, or the value on the next line
// indented by 4 (or tind).
func (p pretty) pair(e *node, col, ind, ld, w int) (string, int) {
	var b strings.Builder
	if fits(e, col, p.ll, p.m, ld, w) {
		writeNode(&b, e)
		if e.pairAtomic() {
			return b.String(), e.length
		}
		return b.String(), p.ll
	}
	sub := p
	sub.b = &b
	vi := mapValueIndent(p.tind)
	sub.node(e.key, col, ind, ld, w)
	b.WriteString(" =>\n")
	sub.indent(ind + vi)
	sub.node(e.val, col+vi, ind+vi, ld, 0)
	return b.String(), p.ll
}

func mapValueIndent(tind int) int {
	if tind > 0 {
		return tind
	}
	return 4
}

// binary is pp_binary/7: the byte values wrapped at the line end.
func (p pretty) binary(n *node, col, ind, ld, w int) {
	width := max(8, min(p.ll-col, p.m-4-w)-ld)
	left := width
	p.b.WriteString("<<")
	for i, it := range n.items {
		if i == len(n.items)-1 {
			if utf8.RuneCountInString(it) > left {
				p.b.WriteByte('\n')
				p.indent(ind)
			}
			p.b.WriteString(it)
			break
		}
		l := len(it) + 1
		if left-l < 0 {
			p.b.WriteByte('\n')
			p.indent(ind)
			p.b.WriteString(it)
			p.b.WriteByte(',')
			left = width - l
			continue
		}
		p.b.WriteString(it)
		p.b.WriteByte(',')
		left -= l
	}
	p.b.WriteString(">>")
}

// cind is cind/7: whether printing with tagged-tuple indentation ind
// works out (OTP throws no_good when it does not).
func cind(n *node, col, ll, m, ind, ld, w int) bool {
	if fits(n, col, ll, m, ld, w) {
		return true
	}
	switch n.kind {
	case kList:
		return cindList(n, 0, col+1, ll, m, ind, ld, w+1)
	case kTuple:
		if n.tagged {
			return cindTagTuple(n, col, ll, m, ind, ld, w+1)
		}
		return cindList(n, 0, col+1, ll, m, ind, ld, w+1)
	case kMap:
		return cindMap(n, col+2, ll, m, ind, ld, w+2)
	}
	return true
}

func cindTagTuple(n *node, col, ll, m, ind, ld, w int) bool {
	if len(n.elems) == 0 {
		return true
	}
	tlen := n.elems[0].length
	tagInd := tlen + 2
	tcol := col + tagInd
	if ind > 0 && tagInd > ind {
		col1 := col + ind
		if m+col1 <= ll || col1 <= ll/2 {
			return cindTail(n, 1, col1, tcol, ll, m, ind, ld, w+tlen)
		}
		return false
	}
	if m+tcol < ll || tcol < ll/2 {
		return cindList(n, 1, tcol, ll, m, ind, ld, w+tlen+1)
	}
	return false
}

func cindDepth(n *node, i, ld int) int {
	if i+1 < len(n.elems) {
		return 0
	}
	return ld + 1
}

func cindList(n *node, i, col0, ll, m, ind, ld, w int) bool {
	if i >= len(n.elems) {
		return true
	}
	we, ok := cindElement(n.elems[i], col0, ll, m, ind, cindDepth(n, i, ld), w)
	if !ok {
		return false
	}
	return cindTail(n, i+1, col0, col0+we, ll, m, ind, ld, w+we)
}

func cindTail(n *node, i, col0, col, ll, m, ind, ld, w int) bool {
	for ; i < len(n.elems); i++ {
		e := n.elems[i]
		ld1 := cindDepth(n, i, ld)
		elen := 1 + e.length
		if tailFits(e.atomic(), elen, col, ll, m, ld1, w) {
			col += elen
			w += elen
			continue
		}
		we, ok := cindElement(e, col0, ll, m, ind, ld1, 0)
		if !ok {
			return false
		}
		col, w = col0+we, we
	}
	t := n.tail
	if t == nil || t.kind == kDots {
		return true
	}
	if t.length+1 < ll-col-(ld+1) && t.length+1+w+(ld+1) <= m && t.atomic() {
		return true
	}
	return cind(t, col, ll, m, ind, ld+1, 0)
}

func cindElement(e *node, col, ll, m, ind, ld, w int) (int, bool) {
	if fits(e, col, ll, m, ld, w) && e.atomic() {
		return e.length, true
	}
	return ll, cind(e, col, ll, m, ind, ld, w)
}

func cindMap(n *node, col, ll, m, ind, ld, w int) bool {
	if len(n.elems) == 0 {
		return true
	}
	pw, ok := cindPair(n.elems[0], col, ll, m, ind, cindDepth(n, 0, ld), w)
	if !ok {
		return false
	}
	col0, c, ww := col, col+pw, w+pw
	for i := 1; i < len(n.elems); i++ {
		e := n.elems[i]
		ld1 := cindDepth(n, i, ld)
		elen := 1 + e.length
		if tailFits(e.pairAtomic(), elen, c, ll, m, ld1, ww) {
			c += elen
			ww += elen
			continue
		}
		pw, ok := cindPair(e, col0, ll, m, ind, ld1, 0)
		if !ok {
			return false
		}
		c, ww = col0+pw, pw
	}
	return true
}

func cindPair(e *node, col, ll, m, ind, ld, w int) (int, bool) {
	if fits(e, col, ll, m, ld, w) {
		if e.pairAtomic() {
			return e.length, true
		}
		return ll, true
	}
	if !cind(e.key, col, ll, m, ind, ld, w) {
		return ll, false
	}
	return ll, cind(e.val, col+mapValueIndent(ind), ll, m, ind, ld, 0)
}
