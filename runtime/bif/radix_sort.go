package bif

import "slices"

// radixMin is the length from which sortWords uses a radix sort: below
// it the standard library's pdqsort is as fast.
const radixMin = 1024

// radixBits is the digit size of a radix pass.
const radixBits = 11

// sortWords sorts small-integer terms seen as their tagged words, which
// order as signed integers do. Large inputs take a least-significant-digit
// radix sort over the bits in which the words differ: sorting lists of
// integers is common, and comparison sorting was most of listops' time.
func sortWords(ws []int64) {
	if len(ws) < radixMin {
		slices.Sort(ws)
		return
	}
	lo, hi := ws[0], ws[0]
	for _, w := range ws {
		lo, hi = min(lo, w), max(hi, w)
	}
	// Keys are offsets from the least word: unsigned, as small as the
	// spread allows, so that few passes cover them.
	span := uint64(hi) - uint64(lo)
	scratch := takeTerms(len(ws))
	defer giveTerms(scratch)
	src, dst := ws, smallInts((*scratch)[:len(ws)])
	var count [1 << radixBits]int
	for shift := uint(0); shift < 64 && span>>shift != 0; shift += radixBits {
		clear(count[:])
		for _, w := range src {
			count[(uint64(w)-uint64(lo))>>shift&(1<<radixBits-1)]++
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, w := range src {
			d := (uint64(w) - uint64(lo)) >> shift & (1<<radixBits - 1)
			dst[count[d]] = w
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &ws[0] {
		copy(ws, src)
	}
}
