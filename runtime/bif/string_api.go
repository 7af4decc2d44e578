package bif

import (
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// The string module's grapheme-aware API (OTP 20 and later). Results are
// binaries for binary input and lists otherwise; a result that is the rest
// of the input is the rest as iterating left it. Searches (split, find,
// replace, lexemes, trim, take) match code points, but a match must end
// at a grapheme cluster boundary, as in erl: "\n" is found at the end of
// "\r\n", while "e" is not found in "e" followed by a combining accent.

func init() {
	reg := func(name string, arity int, fn emu.BIF) { emu.Register("string", name, arity, fn) }
	reg("length", 1, stringLength)
	reg("to_graphemes", 1, stringToGraphemes)
	reg("reverse", 1, stringReverse)
	reg("slice", 2, func(p *emu.Process, a []term.Term) term.Term {
		return stringSlice(p, a, term.Intern("infinity"), false)
	})
	reg("slice", 3, func(p *emu.Process, a []term.Term) term.Term { return stringSlice(p, a, a[2], true) })
	reg("next_grapheme", 1, unicodeUtilGC)
	reg("next_codepoint", 1, unicodeUtilCP)
	reg("is_empty", 1, func(p *emu.Process, a []term.Term) term.Term {
		_, _, st := uIter{p.Heap}.cp(a[0])
		return boolAtom(st == cpEnd)
	})
	reg("equal", 2, func(p *emu.Process, a []term.Term) term.Term { return stringEqual(p, a, false, term.Intern("none")) })
	reg("equal", 3, func(p *emu.Process, a []term.Term) term.Term {
		return stringEqual(p, a, a[2] == term.True, term.Intern("none"))
	})
	reg("equal", 4, func(p *emu.Process, a []term.Term) term.Term { return stringEqual(p, a, a[2] == term.True, a[3]) })
	reg("pad", 2, func(p *emu.Process, a []term.Term) term.Term {
		return stringPad(p, a, atomTrailing, term.MakeSmall(' '))
	})
	reg("pad", 3, func(p *emu.Process, a []term.Term) term.Term { return stringPad(p, a, a[2], term.MakeSmall(' ')) })
	reg("pad", 4, func(p *emu.Process, a []term.Term) term.Term { return stringPad(p, a, a[2], a[3]) })
	reg("trim", 1, func(p *emu.Process, a []term.Term) term.Term { return stringTrim(p, a, atomBoth, term.NonValue) })
	reg("trim", 2, func(p *emu.Process, a []term.Term) term.Term { return stringTrim(p, a, a[1], term.NonValue) })
	reg("trim", 3, func(p *emu.Process, a []term.Term) term.Term { return stringTrim(p, a, a[1], a[2]) })
	reg("chomp", 1, stringChomp)
	reg("take", 2, func(p *emu.Process, a []term.Term) term.Term { return stringTake(p, a, term.False, atomLeading) })
	reg("take", 3, func(p *emu.Process, a []term.Term) term.Term { return stringTake(p, a, a[2], atomLeading) })
	reg("take", 4, func(p *emu.Process, a []term.Term) term.Term { return stringTake(p, a, a[2], a[3]) })
	reg("split", 2, func(p *emu.Process, a []term.Term) term.Term { return stringSplit(p, a, atomLeading) })
	reg("split", 3, func(p *emu.Process, a []term.Term) term.Term { return stringSplit(p, a, a[2]) })
	reg("replace", 3, func(p *emu.Process, a []term.Term) term.Term { return stringReplace(p, a, atomLeading) })
	reg("replace", 4, func(p *emu.Process, a []term.Term) term.Term { return stringReplace(p, a, a[3]) })
	reg("find", 2, func(p *emu.Process, a []term.Term) term.Term { return stringFind(p, a, atomLeading) })
	reg("find", 3, func(p *emu.Process, a []term.Term) term.Term { return stringFind(p, a, a[2]) })
	reg("lexemes", 2, stringLexemes)
	reg("nth_lexeme", 3, stringNthLexeme)
	reg("prefix", 2, stringPrefixBIF)
	reg("uppercase", 1, func(p *emu.Process, a []term.Term) term.Term { return stringCase(p, a, caseUpper) })
	reg("lowercase", 1, func(p *emu.Process, a []term.Term) term.Term { return stringCase(p, a, caseLower) })
	reg("casefold", 1, func(p *emu.Process, a []term.Term) term.Term { return stringCase(p, a, caseFold) })
	reg("titlecase", 1, stringTitlecase)
	reg("to_integer", 1, func(p *emu.Process, a []term.Term) term.Term { return stringToNumber(p, a, stringListToInteger) })
	reg("to_float", 1, func(p *emu.Process, a []term.Term) term.Term { return stringToNumber(p, a, stringListToFloat) })
}

var (
	atomLeading  = term.Intern("leading")
	atomTrailing = term.Intern("trailing")
	atomBoth     = term.Intern("both")
	atomAll      = term.Intern("all")
	atomNomatch  = term.Intern("nomatch")
)

// read reads the first argument, raising function_clause if it is not
// chardata.
func read(p *emu.Process, a []term.Term) (*sStr, bool) {
	s, ok := sRead(p.Heap, a[0])
	if !ok {
		libFnClause(p, a)
	}
	return s, ok
}

func stringLength(p *emu.Process, a []term.Term) term.Term {
	if a[0].IsBinary() {
		b, _ := a[0].BinaryBytes()
		n := 0
		for i := 0; i < len(b); n++ {
			w, valid := gcBytes(b[i:])
			if !valid {
				return p.ErrorTuple(term.Badarg, term.SliceBits(p.Heap, a[0], uint(i+w)*8, uint(len(b)-i-w)*8))
			}
			i += w
		}
		return term.MakeSmall(int64(n))
	}
	s, ok := read(p, a)
	if !ok || !s.strict(p) {
		return term.NonValue
	}
	return term.MakeSmall(int64(s.nGC()))
}

func stringToGraphemes(p *emu.Process, a []term.Term) term.Term {
	s, ok := read(p, a)
	if !ok || !s.strict(p) {
		return term.NonValue
	}
	elems := make([]term.Term, s.nGC())
	for k := range elems {
		elems[k] = termCluster(p.Heap, s.gcAt(k))
	}
	return term.ListFrom(p.Heap, elems)
}

func stringReverse(p *emu.Process, a []term.Term) term.Term {
	s, ok := read(p, a)
	if !ok || !s.strict(p) {
		return term.NonValue
	}
	n := s.nGC()
	elems := make([]term.Term, n)
	for k := range elems {
		elems[n-1-k] = termCluster(p.Heap, s.gcAt(k))
	}
	return term.ListFrom(p.Heap, elems)
}

func nonNegInt(t term.Term) (int, bool) {
	if !t.IsSmall() || t.SmallValue() < 0 {
		return 0, false
	}
	return int(t.SmallValue()), true
}

func stringSlice(p *emu.Process, a []term.Term, lenArg term.Term, withLen bool) term.Term {
	start, ok := nonNegInt(a[1])
	length, lok := nonNegInt(lenArg)
	if lenArg == term.Intern("infinity") {
		length, lok = -1, true
	}
	if !ok || !lok {
		return libFnClause(p, a)
	}
	s, ok := read(p, a)
	if !ok {
		return term.NonValue
	}
	n := s.nGC()
	from := s.clusters[min(start, n)]
	// After a CR that is not part of CR LF, OTP's iteration leaves the
	// next code point taken off a binary: [C | RestBin], and a list slice.
	afterCR := s.isBin && from > 0 && from < len(s.cps) && s.cps[from-1] == '\r'
	if !withLen {
		switch {
		case start > n && !s.isBin:
			return term.Nil // erl iterates past the last rest
		case afterCR:
			return term.Cons(p.Heap, term.MakeInt(p.Heap, s.cps[from]), s.restAt(from+1))
		}
		return s.restAt(from)
	}
	to := len(s.cps)
	if length >= 0 {
		to = s.clusters[min(start+length, n)]
	}
	if afterCR {
		return s.list(from, to)
	}
	return s.part(from, to)
}

func stringEqual(p *emu.Process, a []term.Term, fold bool, norm term.Term) term.Term {
	var form normForm
	switch term.AtomName(norm) {
	case "none":
		form = 255
	case "nfc":
		form = normC
	case "nfd":
		form = normD
	case "nfkc":
		form = normKC
	case "nfkd":
		form = normKD
	default:
		return libFnClause(p, a)
	}
	var sides [2][]term.Term
	for i := range 2 {
		s, ok := sRead(p.Heap, a[i])
		if !ok {
			return libFnClause(p, a)
		}
		var out []term.Term
		for k := range s.nGC() {
			var g []term.Term
			for _, c := range s.gcAt(k) {
				ct := term.MakeInt(p.Heap, c)
				if fold {
					g = caseRunes(g, ct, caseFold)
				} else {
					g = append(g, ct)
				}
			}
			if form != 255 {
				g = normalize(g, form) // per cluster, as OTP does
			}
			out = append(out, g...)
		}
		sides[i] = out
	}
	if len(sides[0]) != len(sides[1]) {
		return term.False
	}
	for i := range sides[0] {
		if !term.Equal(sides[0][i], sides[1][i]) {
			return term.False
		}
	}
	return term.True
}

func stringPad(p *emu.Process, a []term.Term, dir, char term.Term) term.Term {
	if !a[1].IsSmall() {
		return libFnClause(p, a)
	}
	s, ok := read(p, a)
	if !ok || !s.strict(p) {
		return term.NonValue
	}
	n := max(int(a[1].SmallValue())-s.nGC(), 0)
	dup := func(k int) term.Term {
		elems := make([]term.Term, k)
		for i := range elems {
			elems[i] = char
		}
		return term.ListFrom(p.Heap, elems)
	}
	switch dir {
	case atomTrailing:
		return term.Cons(p.Heap, a[0], dup(n))
	case atomLeading:
		return term.ListFrom(p.Heap, []term.Term{dup(n), a[0]})
	case atomBoth:
		tail := term.Nil
		if n%2 == 1 {
			tail = term.Cons(p.Heap, char, tail)
		}
		return term.ListWithTail(p.Heap, []term.Term{dup(n / 2), a[0], dup(n / 2)}, tail)
	}
	return libFnClause(p, a)
}

// boundaries marks the cluster boundaries of s.
func (s *sStr) boundaries() []bool {
	b := make([]bool, len(s.cps)+1)
	for _, i := range s.clusters {
		b[i] = true
	}
	return b
}

// matchAt reports whether pat occurs at i, ending at a boundary.
func (s *sStr) matchAt(i int, pat []int64, bound []bool) bool {
	if len(pat) == 0 || i+len(pat) > len(s.cps) || !bound[i+len(pat)] {
		return false
	}
	for k, c := range pat {
		if s.cps[i+k] != c {
			return false
		}
	}
	return true
}

// endsWith reports whether pat ends at e.
func (s *sStr) endsWith(e int, pat []int64) bool {
	if len(pat) == 0 || len(pat) > e {
		return false
	}
	for k, c := range pat {
		if s.cps[e-len(pat)+k] != c {
			return false
		}
	}
	return true
}

// skipLeading returns where the run of set members (or, with complement,
// of non-members) at the start of s ends.
func (s *sStr) skipLeading(set [][]int64, complement bool, bound []bool) int {
	b := 0
	for b < len(s.cps) {
		matched := 0
		for _, m := range set {
			if s.matchAt(b, m, bound) {
				matched = len(m)
				break
			}
		}
		if complement {
			if matched > 0 {
				break
			}
			b++
			for !bound[b] {
				b++
			}
			continue
		}
		if matched == 0 {
			break
		}
		b += matched
	}
	return b
}

// skipTrailing returns where the run of set members (or non-members) at
// the end of s starts, not going below lo.
func (s *sStr) skipTrailing(set [][]int64, complement bool, bound []bool, lo int) int {
	e := len(s.cps)
	for e > lo {
		matched := 0
		for _, m := range set {
			if s.endsWith(e, m) && e-len(m) >= lo {
				matched = len(m)
				break
			}
		}
		if complement {
			if matched > 0 {
				break
			}
			e--
			for e > lo && !bound[e] {
				e--
			}
			continue
		}
		if matched == 0 {
			break
		}
		e -= matched
	}
	return e
}

var whitespaceSet = [][]int64{{'\r', '\n'}, {9}, {10}, {11}, {12}, {13}, {32}, {133}, {8206}, {8207}, {8232}, {8233}}

func stringTrim(p *emu.Process, a []term.Term, dir, chars term.Term) term.Term {
	set := whitespaceSet
	if chars != term.NonValue {
		var ok bool
		if set, ok = sCharsOf(chars); !ok {
			return libFnClause(p, a)
		}
	}
	if dir != atomLeading && dir != atomTrailing && dir != atomBoth {
		return libFnClause(p, a)
	}
	s, ok := read(p, a)
	if !ok {
		return term.NonValue
	}
	bound := s.boundaries()
	b := 0
	if dir != atomTrailing {
		b = s.skipLeading(set, false, bound)
		if dir == atomLeading {
			return s.restAt(b)
		}
	}
	e := s.skipTrailing(set, false, bound, b)
	if dir == atomTrailing && e == len(s.cps) {
		return a[0]
	}
	return s.part(b, e)
}

func stringChomp(p *emu.Process, a []term.Term) term.Term {
	s, ok := read(p, a)
	if !ok {
		return term.NonValue
	}
	e := s.skipTrailing([][]int64{{'\r', '\n'}, {'\n'}}, false, s.boundaries(), 0)
	if e == len(s.cps) {
		return a[0]
	}
	return s.part(0, e)
}

func stringTake(p *emu.Process, a []term.Term, complement, dir term.Term) term.Term {
	set, ok := sCharsOf(a[1])
	if !ok || (complement != term.True && complement != term.False) || (dir != atomLeading && dir != atomTrailing) {
		return libFnClause(p, a)
	}
	s, ok := read(p, a)
	if !ok {
		return term.NonValue
	}
	bound := s.boundaries()
	if dir == atomLeading {
		b := s.skipLeading(set, complement == term.True, bound)
		return term.Tuple2(p.Heap, s.part(0, b), s.restAt(b))
	}
	e := s.skipTrailing(set, complement == term.True, bound, 0)
	return term.Tuple2(p.Heap, s.part(0, e), s.restAt(e))
}

// search finds pat in s from code point from on: the first match, or the
// last with last set; -1 if none.
func (s *sStr) search(pat []int64, from int, last bool, bound []bool) int {
	found := -1
	for i := from; i+len(pat) <= len(s.cps); i++ {
		if s.matchAt(i, pat, bound) {
			if !last {
				return i
			}
			found = i
		}
	}
	return found
}

// splitParts splits s at pat as split/3 does.
func splitParts(p *emu.Process, a []term.Term, where term.Term) ([]term.Term, bool) {
	if where != atomLeading && where != atomTrailing && where != atomAll {
		p.ErrorTuple(term.Intern("case_clause"), where)
		return nil, false
	}
	s, ok := read(p, a)
	if !ok {
		return nil, false
	}
	pat, ok := cpsOf(p.Heap, a[1])
	if !ok {
		libFnClause(p, a)
		return nil, false
	}
	if len(pat) == 0 {
		return []term.Term{a[0]}, true
	}
	bound := s.boundaries()
	var parts []term.Term
	from := 0
	for {
		i := s.search(pat, from, where == atomTrailing, bound)
		if i < 0 {
			if from == 0 {
				return []term.Term{a[0]}, true
			}
			return append(parts, s.restAt(from)), true
		}
		parts = append(parts, s.part(from, i))
		from = i + len(pat)
		if where != atomAll {
			return append(parts, s.restAt(from)), true
		}
	}
}

func stringSplit(p *emu.Process, a []term.Term, where term.Term) term.Term {
	parts, ok := splitParts(p, a, where)
	if !ok {
		return term.NonValue
	}
	return term.ListFrom(p.Heap, parts)
}

func stringReplace(p *emu.Process, a []term.Term, where term.Term) term.Term {
	parts, ok := splitParts(p, a[:2], where)
	if !ok {
		if p.Exc.Reason == term.FunctionClause {
			return libFnClause(p, a)
		}
		return term.NonValue
	}
	var elems []term.Term
	for i, part := range parts {
		if i > 0 {
			elems = append(elems, a[2])
		}
		elems = append(elems, part)
	}
	return term.ListFrom(p.Heap, elems)
}

func stringFind(p *emu.Process, a []term.Term, dir term.Term) term.Term {
	if dir != atomLeading && dir != atomTrailing {
		return libFnClause(p, a)
	}
	s, ok := read(p, a)
	if !ok {
		return term.NonValue
	}
	pat, ok := cpsOf(p.Heap, a[1])
	if !ok {
		return libFnClause(p, a)
	}
	if len(pat) == 0 {
		return a[0]
	}
	i := s.search(pat, 0, dir == atomTrailing, s.boundaries())
	if i < 0 {
		return atomNomatch
	}
	rest := s.restAt(i)
	// erl's result starts at the chunk holding the match, without the
	// emptied binary the iteration leaves before it.
	for rest.IsCons() && rest.Head().IsBinary() && rest.Head().BitSize() == 0 {
		rest = rest.Tail()
	}
	return rest
}

// lexemes returns the code point ranges of the tokens of s.
func (s *sStr) lexemes(seps [][]int64) [][2]int {
	bound := s.boundaries()
	var out [][2]int
	sepAt := func(i int) int {
		for _, m := range seps {
			if s.matchAt(i, m, bound) {
				return len(m)
			}
		}
		return 0
	}
	for i := 0; i < len(s.cps); {
		if n := sepAt(i); n > 0 {
			i += n
			continue
		}
		j := i
		for j < len(s.cps) && sepAt(j) == 0 {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

func stringLexemes(p *emu.Process, a []term.Term) term.Term {
	seps, ok := sCharsOf(a[1])
	if !ok {
		return libFnClause(p, a)
	}
	s, ok := read(p, a)
	if !ok {
		return term.NonValue
	}
	var elems []term.Term
	for _, r := range s.lexemes(seps) {
		elems = append(elems, s.part(r[0], r[1]))
	}
	return term.ListFrom(p.Heap, elems)
}

func stringNthLexeme(p *emu.Process, a []term.Term) term.Term {
	seps, ok := sCharsOf(a[2])
	n, nok := nonNegInt(a[1])
	if !ok || !nok || n == 0 {
		return libFnClause(p, a)
	}
	s, ok := read(p, a)
	if !ok {
		return term.NonValue
	}
	lex := s.lexemes(seps)
	if n > len(lex) {
		return s.part(len(s.cps), len(s.cps))
	}
	return s.part(lex[n-1][0], lex[n-1][1])
}

func stringPrefixBIF(p *emu.Process, a []term.Term) term.Term {
	pat, ok := cpsOf(p.Heap, a[1])
	if !ok {
		return libFnClause(p, a)
	}
	s, ok := read(p, a)
	if !ok {
		return term.NonValue
	}
	if len(pat) == 0 {
		return a[0]
	}
	if !s.matchAt(0, pat, s.boundaries()) {
		return atomNomatch
	}
	return s.restAt(len(pat))
}

func stringCase(p *emu.Process, a []term.Term, m caseMap) term.Term {
	s, ok := read(p, a)
	if !ok || !s.strict(p) {
		return term.NonValue
	}
	var out []term.Term
	for _, c := range s.cps {
		out = caseRunes(out, term.MakeInt(p.Heap, c), m)
	}
	if s.isBin {
		buf := make([]byte, 0, len(s.bin))
		for _, c := range out {
			buf = utf8.AppendRune(buf, rune(c.SmallValue()))
		}
		return term.NewBinary(p.Heap, buf)
	}
	return term.ListFrom(p.Heap, out)
}

func stringTitlecase(p *emu.Process, a []term.Term) term.Term {
	c, rest, st := uIter{p.Heap}.cp(a[0])
	switch st {
	case cpEnd:
		return a[0]
	case cpError:
		return p.ErrorTuple(term.Badarg, rest)
	case cpBad:
		return libFnClause(p, a)
	}
	mapped := caseRunes(nil, c, caseTitle)
	if a[0].IsBinary() {
		b, _ := a[0].BinaryBytes()
		var buf []byte
		for _, m := range mapped {
			buf = utf8.AppendRune(buf, rune(m.SmallValue()))
		}
		_, w := utf8.DecodeRune(b)
		return term.NewBinary(p.Heap, append(buf, b[w:]...))
	}
	if rest.IsBinary() {
		// erl keeps a binary rest as an element, not as an improper tail
		return term.ListFrom(p.Heap, append(mapped, rest))
	}
	return term.ListWithTail(p.Heap, mapped, rest)
}

// stringToNumber runs list_to_integer/list_to_float on the code points of
// chardata and returns the rest in the input's representation.
func stringToNumber(p *emu.Process, a []term.Term, conv emu.BIF) term.Term {
	s, ok := sRead(p.Heap, a[0])
	if !ok || s.errRest != term.NonValue {
		return term.Tuple2(p.Heap, term.AtomError, term.Badarg)
	}
	r := conv(p, []term.Term{s.list(0, len(s.cps))})
	if el := r.Element(1); el == term.AtomError {
		return r
	}
	used := len(s.cps) - term.ListLength(r.Element(2))
	return term.Tuple2(p.Heap, r.Element(1), s.restAt(used))
}
