package heap

import (
	"runtime"
	"testing"

	"github.com/beamrc/beamrc/runtime/term"
)

// tree builds a binary tree of 2-tuples, depth d, as the bintrees
// benchmark does.
func tree(a term.Allocator, d int) term.Term {
	if d == 0 {
		return term.NewTuple(a, term.Nil, term.Nil)
	}
	return term.NewTuple(a, tree(a, d-1), tree(a, d-1))
}

// BenchmarkCollect measures collections of a heap whose live data is a
// tree of small tuples and a long list: the collector's per-object
// cost, in the minor and full collections the heap's policy picks.
func BenchmarkCollect(b *testing.B) {
	h := New()
	defer runtime.KeepAlive(h)
	list := term.Nil
	for i := 0; i < 50000; i++ {
		c := h.Alloc(2)
		c[0], c[1] = uint64(term.MakeSmall(int64(i))), uint64(list)
		list = term.ConsOf(c)
	}
	roots := []term.Term{tree(h, 14), list}
	visit := func(v func([]term.Term)) { v(roots) }
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		roots[0] = tree(h, 14)
		h.Collect(0, visit)
	}
}
