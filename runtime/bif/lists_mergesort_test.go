package bif

import (
	"fmt"
	"math/rand"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// sortMixed returns a random term of a small pool in which many terms
// are == but not =:= (2, 2.0, a big integer and its float), so that an
// unstable sort shows; small integers take the fast comparison, the
// others term.Compare.
func sortMixed(h *heap.Heap, r *rand.Rand) term.Term {
	v := int64(r.Intn(8))
	switch r.Intn(6) {
	case 0:
		return term.NewFloat(h, float64(v))
	case 1:
		return term.MakeInt(h, v<<62) // a big integer
	case 2:
		return term.NewFloat(h, float64(v<<62))
	case 3:
		return term.NewTuple(h, term.MakeSmall(v%3), term.NewFloat(h, float64(r.Intn(2))))
	case 4:
		return term.Intern(fmt.Sprintf("a%d", v))
	}
	return term.MakeSmall(v - 4)
}

// sortShape lays out n terms from gen the ways the run detection tells
// apart: random, ascending, descending, ascending with a reversed tail,
// and sawtooth.
func sortShape(shape, n int, gen func() term.Term) []term.Term {
	elems := make([]term.Term, n)
	for i := range elems {
		elems[i] = gen()
	}
	asc := func(s []term.Term) { slices.SortStableFunc(s, term.Compare) }
	desc := func(s []term.Term) { slices.SortStableFunc(s, func(a, b term.Term) int { return term.Compare(b, a) }) }
	switch shape {
	case 1:
		asc(elems)
	case 2:
		desc(elems)
	case 3:
		asc(elems[:n/2])
		desc(elems[n/2:])
	case 4:
		for lo := 0; lo < n; lo += 37 {
			asc(elems[lo:min(lo+37, n)])
		}
	}
	return elems
}

// sortStable orders exactly as the standard library's stable sort, for
// whole terms and for keys, on every shape and on lengths around the
// insertion-sorted run length.
func TestSortStableMatchesStdlib(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	h := heap.New()
	mixed := func() term.Term { return sortMixed(h, r) }
	small := func() term.Term { return term.MakeSmall(int64(r.Intn(50) - 25)) }
	keyed := func() term.Term { return term.NewTuple(h, mixed(), term.MakeSmall(int64(r.Intn(1000)))) }
	lengths := []int{0, 1, 2, 3, minRun - 1, minRun, minRun + 1, 2*minRun + 1, 100, 1000, 5000}
	for _, n := range lengths {
		for shape := 0; shape < 5; shape++ {
			for _, gen := range []func() term.Term{mixed, small} {
				elems := sortShape(shape, n, gen)
				want := slices.Clone(elems)
				slices.SortStableFunc(want, term.Compare)
				sortStable(elems, wholeTerms)
				require.Equal(t, want, elems, "n=%d shape=%d", n, shape)
			}
			elems := sortShape(shape, n, keyed)
			want := slices.Clone(elems)
			slices.SortStableFunc(want, func(a, b term.Term) int { return term.Compare(a.Element(1), b.Element(1)) })
			sortStable(elems, keyOrder(1))
			require.Equal(t, want, elems, "keyed n=%d shape=%d", n, shape)
		}
	}
}

// The small-integer fast path orders as term.Compare, signs included.
func TestSortOrderSmallIntegers(t *testing.T) {
	vals := []int64{term.MinSmall, term.MinSmall + 1, -2, -1, 0, 1, 2, term.MaxSmall - 1, term.MaxSmall}
	for _, x := range vals {
		for _, y := range vals {
			a, b := term.MakeSmall(x), term.MakeSmall(y)
			want := term.Compare(a, b)
			assert.Equal(t, want < 0, wholeTerms.less(a, b), "%d < %d", x, y)
			assert.Equal(t, min(max(want, -1), 1), wholeTerms.compare(a, b), "compare(%d, %d)", x, y)
		}
	}
}

// bothSmall agrees with IsSmall on terms of every kind.
func TestSortBothSmall(t *testing.T) {
	h := heap.New()
	terms := []term.Term{
		term.MakeSmall(0), term.MakeSmall(-1), term.MakeSmall(term.MaxSmall), term.Nil, term.Intern("a"),
		term.NewFloat(h, 1), term.MakeInt(h, 1<<62), term.NewTuple(h, term.MakeSmall(1)),
		term.ListFrom(h, []term.Term{term.MakeSmall(1)}), term.MakePid(7), term.MakePort(7),
	}
	for _, a := range terms {
		for _, b := range terms {
			assert.Equal(t, a.IsSmall() && b.IsSmall(), bothSmall(a, b), "%#x %#x", uint64(a), uint64(b))
		}
	}
}

// benchmarkSort runs lists:sort/1 on a fresh copy of n terms from gen.
func benchmarkSort(b *testing.B, gen func(h *heap.Heap, r *rand.Rand) term.Term) {
	r := rand.New(rand.NewSource(1))
	h := heap.New()
	elems := make([]term.Term, 100_000)
	for i := range elems {
		elems[i] = gen(h, r)
	}
	list := term.ListFrom(h, elems)
	b.ResetTimer()
	for b.Loop() {
		p := &emu.Process{Heap: heap.New()}
		listsSort(p, []term.Term{list})
	}
	runtime.KeepAlive(h) // its fragments hold the list
}

func BenchmarkListsSortSmallInts(b *testing.B) {
	benchmarkSort(b, func(_ *heap.Heap, r *rand.Rand) term.Term { return term.MakeSmall(int64(r.Intn(1_000_000))) })
}

func BenchmarkListsSortMixed(b *testing.B) {
	benchmarkSort(b, func(h *heap.Heap, r *rand.Rand) term.Term {
		switch r.Intn(5) {
		case 0:
			return term.NewFloat(h, r.Float64()*1000)
		case 1:
			return term.Intern(fmt.Sprintf("a%d", r.Intn(200)))
		case 2:
			return term.NewTuple(h, term.MakeSmall(int64(r.Intn(100))), term.MakeSmall(int64(r.Intn(100))))
		}
		return term.MakeSmall(int64(r.Intn(1000)))
	})
}
