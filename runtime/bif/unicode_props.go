package bif

import (
	"sort"
	"sync"
)

// Lookups in the generated Unicode tables (unicode_tables.go, written by
// scripts/gen-unicode). They take any int64 so that callers can pass the
// integers found in chardata lists unchecked: OTP treats a negative or
// too-large "code point" in a list as an ordinary character without
// properties, and so do these.

// uRange is a run of code points sharing a property value.
type uRange struct {
	lo, hi rune
	v      uint8
}

// uDecomp is a Decomposition_Mapping: tag 0 is canonical, others index
// decompTags.
type uDecomp struct {
	cp  rune
	tag uint8
	m   string
}

// uCase holds the full case mappings of a code point; "" is the identity.
type uCase struct {
	cp                        rune
	upper, lower, title, fold string
}

func rangeValue(tab []uRange, c int64) uint8 {
	if c < 0 || c > 0x10FFFF {
		return 0
	}
	r := rune(c)
	i := sort.Search(len(tab), func(i int) bool { return tab[i].hi >= r })
	if i < len(tab) && tab[i].lo <= r {
		return tab[i].v
	}
	return 0
}

// gcbClass is a Grapheme_Cluster_Break value; the order matches the
// generator's.
type gcbClass uint8

const (
	gcbOther gcbClass = iota
	gcbCR
	gcbLF
	gcbControl
	gcbExtend
	gcbZWJ
	gcbRI
	gcbPrepend
	gcbSpacingMark
	gcbL
	gcbV
	gcbT
	gcbLV
	gcbLVT
)

func gcbOf(c int64) gcbClass {
	if c >= 0x20 && c < 0x7F {
		return gcbOther // printable ASCII: the common case
	}
	return gcbClass(rangeValue(gcbRanges, c))
}

func isExtPict(c int64) bool {
	if c < 0xA9 {
		return false
	}
	return rangeValue(extPictRanges, c) != 0
}

func cccOf(c int64) uint8 {
	if c < 0x300 {
		return 0
	}
	return rangeValue(cccRanges, c)
}

// decompOf returns the one-level decomposition mapping of c, if any.
func decompOf(c int64) (uDecomp, bool) {
	if c < 0xA0 || c > 0x10FFFF {
		return uDecomp{}, false
	}
	i := sort.Search(len(decompTable), func(i int) bool { return int64(decompTable[i].cp) >= c })
	if i < len(decompTable) && int64(decompTable[i].cp) == c {
		return decompTable[i], true
	}
	return uDecomp{}, false
}

// caseOf returns the case mappings of c, if it has any.
func caseOf(c int64) (uCase, bool) {
	if c < 0 || c > 0x10FFFF {
		return uCase{}, false
	}
	i := sort.Search(len(caseTable), func(i int) bool { return int64(caseTable[i].cp) >= c })
	if i < len(caseTable) && int64(caseTable[i].cp) == c {
		return caseTable[i], true
	}
	return uCase{}, false
}

// Hangul syllables decompose and compose arithmetically (Unicode §3.12).
const (
	hangulSBase  = 0xAC00
	hangulLBase  = 0x1100
	hangulVBase  = 0x1161
	hangulTBase  = 0x11A7
	hangulLCount = 19
	hangulVCount = 21
	hangulTCount = 28
	hangulNCount = hangulVCount * hangulTCount
	hangulSCount = hangulLCount * hangulNCount
)

// composePairs maps a canonical pair to its primary composite: every
// two-code-point canonical decomposition whose composite is not excluded.
var composePairs = sync.OnceValue(func() map[[2]rune]rune {
	excluded := make(map[rune]bool, len(compExclusions))
	for _, c := range compExclusions {
		excluded[c] = true
	}
	m := make(map[[2]rune]rune, 1000)
	for _, d := range decompTable {
		if d.tag != 0 || excluded[d.cp] {
			continue
		}
		rs := []rune(d.m)
		if len(rs) == 2 {
			m[[2]rune{rs[0], rs[1]}] = d.cp
		}
	}
	return m
})
