package bif

import "sort"

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

// normCompose is NFC (compat false) or NFKC (compat true).
func normCompose(rs []rune, compat bool) []rune {
	d := normDecompose(rs, compat)
	out := d[:0:0]
	starter := -1 // index in out of the last starter
	for _, c := range d {
		ccc := cccOf(int64(c))
		if starter >= 0 {
			// c is blocked from the starter by a character in between
			// that is a starter or has a class at least c's.
			adjacent := len(out)-1 == starter
			lastCCC := cccOf(int64(out[len(out)-1]))
			if adjacent || (lastCCC != 0 && lastCCC < ccc) {
				if comp, ok := composePair(out[starter], c); ok {
					out[starter] = comp
					continue
				}
			}
		}
		if ccc == 0 {
			starter = len(out)
		}
		out = append(out, c)
	}
	return out
}
