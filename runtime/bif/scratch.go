package bif

import (
	"sync"

	"github.com/beamrc/beamrc/runtime/term"
)

// BIFs over long lists (sort, reverse) need a Go slice of the elements
// and a second one to merge or radix-sort into. Fresh slices per call
// left megabytes a second for Go's collector, whose cycles stop native
// code; these pools keep the slices for the next call instead.

var termScratch = sync.Pool{New: func() any { return new([]term.Term) }}

// takeTerms returns an empty scratch slice with room for n terms; give it
// back with giveTerms once nothing refers to it.
func takeTerms(n int) *[]term.Term {
	b := termScratch.Get().(*[]term.Term)
	if cap(*b) < n {
		*b = make([]term.Term, 0, n)
	}
	*b = (*b)[:0]
	return b
}

// maxKeptScratch bounds the slices the pools keep (in elements): a
// one-off sort of a huge list should not pin its buffers for good.
const maxKeptScratch = 1 << 22

func giveTerms(b *[]term.Term) {
	if cap(*b) <= maxKeptScratch {
		termScratch.Put(b)
	}
}

// listElems appends the elements of list t to the scratch slice b; ok is
// false for an improper list.
func listElems(b *[]term.Term, t term.Term) (ok bool) {
	for t.IsCons() {
		*b = append(*b, t.Head())
		t = t.Tail()
	}
	return t == term.Nil
}
