package bif

import (
	"sort"
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// Unicode normalisation (UAX #15) of code point slices: decomposition,
// canonical ordering by combining class, and canonical composition with
// Hangul syllables handled arithmetically.

// decompose appends the full decomposition of c: canonical only, or
// canonical and compatibility mappings when compat is set.
func decompose(out []rune, c rune, compat bool) []rune {
	if c >= hangulSBase && c < hangulSBase+hangulSCount {
		s := c - hangulSBase
		out = append(out, hangulLBase+s/hangulNCount, hangulVBase+(s%hangulNCount)/hangulTCount)
		if t := s % hangulTCount; t != 0 {
			out = append(out, hangulTBase+t)
		}
		return out
	}
	d, ok := decompOf(int64(c))
	if !ok || (d.tag != 0 && !compat) {
		return append(out, c)
	}
	for _, m := range d.m {
		out = decompose(out, m, compat)
	}
	return out
}

// canonicalOrder sorts each run of non-starters by combining class,
// keeping equal classes in order.
func canonicalOrder(rs []rune) {
	for i := 0; i < len(rs); {
		if cccOf(int64(rs[i])) == 0 {
			i++
			continue
		}
		j := i
		for j < len(rs) && cccOf(int64(rs[j])) != 0 {
			j++
		}
		run := rs[i:j]
		sort.SliceStable(run, func(a, b int) bool { return cccOf(int64(run[a])) < cccOf(int64(run[b])) })
		i = j
	}
}

// normDecompose is NFD (compat false) or NFKD (compat true).
func normDecompose(rs []rune, compat bool) []rune {
	var out []rune
	for _, c := range rs {
		if c < 0xA0 {
			out = append(out, c)
			continue
		}
		out = decompose(out, c, compat)
	}
	canonicalOrder(out)
	return out
}

// composePair is the primary composite of a and b, if there is one.
func composePair(a, b rune) (rune, bool) {
	if a >= hangulLBase && a < hangulLBase+hangulLCount && b >= hangulVBase && b < hangulVBase+hangulVCount {
		return hangulSBase + ((a-hangulLBase)*hangulVCount+(b-hangulVBase))*hangulTCount, true
	}
	if a >= hangulSBase && a < hangulSBase+hangulSCount && (a-hangulSBase)%hangulTCount == 0 &&
		b > hangulTBase && b < hangulTBase+hangulTCount {
		return a + (b - hangulTBase), true
	}
	c, ok := composePairs()[[2]rune{a, b}]
	return c, ok
}

// normCompose is NFC (compat false) or NFKC (compat true) of one grapheme
// cluster, composed as OTP 25 composes it: only the cluster's first code
// point is a starter that others compose with, and only a character with
// a nonzero combining class at least the candidate's blocks it (so an
// emoji modifier between a letter and its accent does not).
func normCompose(rs []rune, compat bool) []rune {
	d := normDecompose(rs, compat)
	if len(d) < 2 {
		return d
	}
	if d[0] >= hangulLBase && d[0] < hangulLBase+0x100 || d[0] >= hangulSBase && d[0] < hangulSBase+hangulSCount {
		// A cluster that starts with Hangul composes its adjacent jamo.
		out := []rune{d[0]}
		for _, c := range d[1:] {
			if comp, ok := composePair(out[len(out)-1], c); ok && c >= hangulLBase && c < hangulLBase+0x100 {
				out[len(out)-1] = comp
				continue
			}
			out = append(out, c)
		}
		return out
	}
	out := []rune{d[0]}
	for _, c := range d[1:] {
		ccc := cccOf(int64(c))
		last := cccOf(int64(out[len(out)-1]))
		if len(out) == 1 || last == 0 || last < ccc {
			if comp, ok := composePair(out[0], c); ok {
				out[0] = comp
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// unicode:characters_to_nf{c,d,kc,kd}_{list,binary}/1 normalise chardata
// one grapheme cluster at a time, as OTP does: invalid UTF-8 gives
// {error, Normalised, Rest} and a term that is not chardata badarg.
func init() {
	forms := map[string]normForm{"nfc": normC, "nfd": normD, "nfkc": normKC, "nfkd": normKD}
	for _, name := range sortedKeys(forms) { // fixed atom order (see sortedKeys)
		f := forms[name]
		emu.Register("unicode", "characters_to_"+name+"_list", 1, func(p *emu.Process, a []term.Term) term.Term {
			return unicodeNormalize(p, a[0], f, false)
		})
		emu.Register("unicode", "characters_to_"+name+"_binary", 1, func(p *emu.Process, a []term.Term) term.Term {
			return unicodeNormalize(p, a[0], f, true)
		})
	}
}

func unicodeNormalize(p *emu.Process, data term.Term, f normForm, toBinary bool) term.Term {
	u := uIter{p.Heap}
	var out, buf []term.Term
	rest := data
	errRest := term.NonValue
	for {
		r := u.gc(rest, buf)
		if r.st == cpEnd {
			break
		}
		if r.st == cpBad {
			return p.Badarg()
		}
		if r.st == cpError {
			errRest = r.rest
			break
		}
		out = append(out, normalize(r.cps, f)...)
		buf, rest = r.cps, r.rest
	}
	var conv term.Term
	if toBinary {
		var b []byte
		for _, c := range out {
			v := intValue(c)
			if v < 0 || v > utf8.MaxRune || (v >= 0xD800 && v <= 0xDFFF) {
				return p.Badarg()
			}
			b = utf8.AppendRune(b, rune(v))
		}
		conv = term.NewBinary(p.Heap, b)
	} else {
		conv = term.ListFrom(p.Heap, out)
	}
	if errRest != term.NonValue {
		return term.Tuple3(p.Heap, term.AtomError, conv, errRest)
	}
	return conv
}
