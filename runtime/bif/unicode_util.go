package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// unicode_util, the module behind string and unicode's normalisation:
// cp/1 and gc/1 take the first code point or grapheme cluster off chardata
// ([First | Rest], [] at the end, {error, Rest} at invalid UTF-8); the
// case and normalisation functions map the first code point or cluster
// the same way. OTP 25 exports exactly these functions, with Unicode 14.0
// data (spec_version/0).

func init() {
	emu.Register("unicode_util", "cp", 1, unicodeUtilCP)
	emu.Register("unicode_util", "gc", 1, unicodeUtilGC)
	caseMaps := map[string]caseMap{"uppercase": caseUpper, "lowercase": caseLower, "titlecase": caseTitle, "casefold": caseFold}
	for _, name := range sortedKeys(caseMaps) { // fixed atom order (see sortedKeys)
		m := caseMaps[name]
		emu.Register("unicode_util", name, 1, func(p *emu.Process, a []term.Term) term.Term {
			return unicodeUtilCase(p, a, m)
		})
	}
	forms := map[string]normForm{"nfd": normD, "nfc": normC, "nfkd": normKD, "nfkc": normKC}
	for _, name := range sortedKeys(forms) {
		f := forms[name]
		emu.Register("unicode_util", name, 1, func(p *emu.Process, a []term.Term) term.Term {
			return unicodeUtilNorm(p, a, f)
		})
	}
	emu.Register("unicode_util", "get_case", 1, unicodeUtilGetCase)
	emu.Register("unicode_util", "lookup", 1, unicodeUtilLookup)
	emu.Register("unicode_util", "whitespace", 0, func(p *emu.Process, a []term.Term) term.Term {
		elems := []term.Term{term.ListFrom(p.Heap, []term.Term{term.MakeSmall('\r'), term.MakeSmall('\n')})}
		for _, c := range whitespaceCPs {
			elems = append(elems, term.MakeSmall(c))
		}
		return term.ListFrom(p.Heap, elems)
	})
	emu.Register("unicode_util", "is_whitespace", 1, func(p *emu.Process, a []term.Term) term.Term {
		return boolAtom(isWhitespace(a[0]))
	})
	emu.Register("unicode_util", "spec_version", 0, func(p *emu.Process, a []term.Term) term.Term {
		return term.Tuple2(p.Heap, term.MakeSmall(14), term.MakeSmall(0))
	})
}

// whitespaceCPs are the single code points OTP counts as whitespace
// (Pattern_White_Space), besides the cluster "\r\n".
var whitespaceCPs = []int64{9, 10, 11, 12, 13, 32, 133, 8206, 8207, 8232, 8233}

// isWhitespace tests a grapheme cluster term.
func isWhitespace(t term.Term) bool {
	if t.IsSmall() {
		for _, c := range whitespaceCPs {
			if t.SmallValue() == c {
				return true
			}
		}
		return false
	}
	return t.IsCons() && t.Head() == term.MakeSmall('\r') && t.Tail().IsCons() &&
		t.Tail().Head() == term.MakeSmall('\n') && t.Tail().Tail() == term.Nil
}

func unicodeUtilCP(p *emu.Process, a []term.Term) term.Term {
	u := uIter{p.Heap}
	c, rest, st := u.cp(a[0])
	switch st {
	case cpEnd:
		return term.Nil
	case cpError:
		return term.Tuple2(p.Heap, term.AtomError, rest)
	case cpBad:
		return libFnClause(p, a)
	}
	if a[0].IsCons() && isInt(a[0].Head()) {
		return a[0] // OTP returns such a list itself
	}
	return term.Cons(p.Heap, c, rest)
}

func unicodeUtilGC(p *emu.Process, a []term.Term) term.Term {
	u := uIter{p.Heap}
	r := u.gc(a[0], nil)
	switch r.st {
	case cpEnd:
		return term.Nil
	case cpError:
		return term.Tuple2(p.Heap, term.AtomError, r.rest)
	case cpBad:
		return raiseGC(p, r, a)
	}
	return term.Cons(p.Heap, gcTerm(p.Heap, r.cps), r.rest)
}

// caseMap selects one of the full case mappings.
type caseMap uint8

const (
	caseUpper caseMap = iota
	caseLower
	caseTitle
	caseFold
)

// caseRunes appends the mapping of c under m.
func caseRunes(out []term.Term, c term.Term, m caseMap) []term.Term {
	mp, ok := caseOf(intValue(c))
	if !ok {
		return append(out, c)
	}
	s := [...]string{mp.upper, mp.lower, mp.title, mp.fold}[m]
	if s == "" {
		return append(out, c)
	}
	for _, r := range s {
		out = append(out, term.MakeSmall(int64(r)))
	}
	return out
}

func unicodeUtilCase(p *emu.Process, a []term.Term, m caseMap) term.Term {
	u := uIter{p.Heap}
	c, rest, st := u.cp(a[0])
	switch st {
	case cpEnd:
		return term.Nil
	case cpError:
		return p.ErrorTuple(term.Badarg, rest)
	case cpBad:
		return libFnClause(p, a)
	}
	return term.Cons(p.Heap, gcTerm(p.Heap, caseRunes(nil, c, m)), rest)
}

// normForm is one of the four normalisation forms.
type normForm uint8

const (
	normD normForm = iota
	normC
	normKD
	normKC
)

// normalize applies f to code points; values outside Unicode pass as they
// are (they can only come from lists, which OTP does not check).
func normalize(cps []term.Term, f normForm) []term.Term {
	rs := make([]rune, 0, len(cps))
	for _, c := range cps {
		v := intValue(c)
		if v < 0 || v > 0x10FFFF {
			return cps
		}
		rs = append(rs, rune(v))
	}
	switch f {
	case normD:
		rs = normDecompose(rs, false)
	case normKD:
		rs = normDecompose(rs, true)
	case normC:
		rs = normCompose(rs, false)
	default:
		rs = normCompose(rs, true)
	}
	out := make([]term.Term, len(rs))
	for i, r := range rs {
		out[i] = term.MakeSmall(int64(r))
	}
	return out
}

func unicodeUtilNorm(p *emu.Process, a []term.Term, f normForm) term.Term {
	u := uIter{p.Heap}
	r := u.gc(a[0], nil)
	switch r.st {
	case cpEnd:
		return term.Nil
	case cpError:
		return term.Tuple2(p.Heap, term.AtomError, r.rest)
	case cpBad:
		return raiseGC(p, r, a)
	}
	return term.Cons(p.Heap, gcTerm(p.Heap, normalize(r.cps, f)), r.rest)
}

func unicodeUtilGetCase(p *emu.Process, a []term.Term) term.Term {
	keys := []term.Term{term.Intern("fold"), term.Intern("lower"), term.Intern("title"), term.Intern("upper")}
	vals := make([]term.Term, 4)
	for i, m := range []caseMap{caseFold, caseLower, caseTitle, caseUpper} {
		vals[i] = gcTerm(p.Heap, caseRunes(nil, a[0], m))
	}
	return term.MapFromPairs(p.Heap, keys, vals)
}

// unicodeUtilLookup returns #{ccc, canon, compat}: the combining class,
// the full canonical decomposition as [{CCC, CP}] and, for a code point
// with a compatibility mapping, {Tag, Decomposition}.
func unicodeUtilLookup(p *emu.Process, a []term.Term) term.Term {
	c := intValue(a[0])
	pairs := func(rs []rune) term.Term {
		elems := make([]term.Term, len(rs))
		for i, r := range rs {
			elems[i] = term.Tuple2(p.Heap, term.MakeSmall(int64(cccOf(int64(r)))), term.MakeSmall(int64(r)))
		}
		return term.ListFrom(p.Heap, elems)
	}
	canon, compat := term.Nil, term.Nil
	if d, ok := decompOf(c); ok {
		if d.tag == 0 {
			canon = pairs(decompose(nil, rune(c), false))
		} else {
			compat = term.Tuple2(p.Heap, term.Intern(decompTags[d.tag]), pairs(decompose(nil, rune(c), true)))
		}
	}
	keys := []term.Term{term.Intern("canon"), term.Intern("ccc"), term.Intern("compat")}
	vals := []term.Term{canon, term.MakeSmall(int64(cccOf(c))), compat}
	return term.MapFromPairs(p.Heap, keys, vals)
}

func boolAtom(b bool) term.Term {
	if b {
		return term.True
	}
	return term.False
}
