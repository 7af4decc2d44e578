package heap

import (
	"math/big"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/term"
)

// build makes a term with one of every kind of object.
func build(a term.Allocator, i int) term.Term {
	big1, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	bin := term.NewBinary(a, []byte("a heap binary"))
	refc := term.NewBinary(a, make([]byte, 200))
	sub := term.SliceBits(a, refc, 3, 13)
	m := term.MapFromPairs(a, []term.Term{term.Intern("k"), term.MakeSmall(1)},
		[]term.Term{term.MakeSmall(int64(i)), term.NewFloat(a, 2.5)})
	return term.NewTuple(a,
		term.MakeSmall(int64(i)), term.NewFloat(a, 1.5), term.MakeBigInt(a, big1),
		bin, refc, sub, m, term.Nil, term.Intern("atom"),
		term.ListFrom(a, []term.Term{term.MakeSmall(1), term.MakeSmall(2)}))
}

func TestCollectKeepsReachableTerms(t *testing.T) {
	for _, torture := range []bool{false, true} {
		Torture = torture
		h := New()
		var lit Fragment
		want := make([]term.Term, 0, 50)
		roots := make([]term.Term, 0, 50)
		for i := 0; i < 50; i++ {
			want = append(want, build(&lit, i))
			roots = append(roots, build(h, i))
			build(h, -i) // garbage
			if i%7 == 0 {
				h.Collect(10, func(v func([]term.Term)) { v(roots) })
			}
		}
		h.Collect(0, func(v func([]term.Term)) { v(roots) })
		for i := range roots {
			require.Truef(t, term.Equal(want[i], roots[i]), "root %d differs after GC", i)
		}
		// Terms are plain words: only the heap and the fragment keep their memory.
		runtime.KeepAlive(h)
		runtime.KeepAlive(&lit)
		assert.Greater(t, h.MinorGCs+h.FullGCs, 0)
	}
	Torture = false
}

func TestCollectLongList(t *testing.T) {
	h := New()
	defer runtime.KeepAlive(h) // terms are plain words: only h keeps their memory
	l := term.Nil
	roots := []term.Term{l}
	for i := 0; i < 200000; i++ {
		if !h.HasRoom(2) {
			h.Collect(2, func(v func([]term.Term)) { v(roots) })
		}
		roots[0] = term.Cons(h, term.MakeSmall(int64(i)), roots[0])
	}
	h.Collect(0, func(v func([]term.Term)) { v(roots) })
	assert.Equal(t, 200000, term.ListLength(roots[0]))
	assert.Equal(t, int64(199999), roots[0].Head().SmallValue())
}

func TestCopyIsIndependent(t *testing.T) {
	h := New()
	defer runtime.KeepAlive(h) // terms are plain words: only h keeps their memory
	orig := build(h, 7)
	var f Fragment
	defer runtime.KeepAlive(&f)
	c := Copy(&f, orig)
	assert.True(t, term.Equal(orig, c))
	assert.Equal(t, Size(orig), f.Words()-0)
}

// TestCollectWideObjectsAcrossSlabs copies objects with many boxed fields
// until to-space needs new slabs in the middle of scanning one of them:
// the objects copied into the old slab by that scan must be scanned too
// (here, the inner tuples, whose floats would be left behind).
func TestCollectWideObjectsAcrossSlabs(t *testing.T) {
	h := New()
	defer runtime.KeepAlive(h) // terms are plain words: only h keeps their memory
	roots := []term.Term{term.Nil}
	for i := 0; i < 3000; i++ {
		elems := make([]term.Term, 16)
		for j := range elems {
			elems[j] = term.NewTuple(h, term.NewFloat(h, float64(i*16+j)))
		}
		roots[0] = term.Cons(h, term.NewTuple(h, elems...), roots[0])
		if i%100 == 0 {
			h.Collect(0, func(v func([]term.Term)) { v(roots) })
		}
	}
	h.Collect(0, func(v func([]term.Term)) { v(roots) })
	runtime.GC()
	i := 2999
	for l := roots[0]; l.IsCons(); l = l.Tail() {
		tup := l.Head()
		require.True(t, tup.IsTuple(), "element %d", i)
		for j := 1; j <= 16; j++ {
			e := tup.Element(j).Element(1)
			require.True(t, e.IsFloat(), "element %d.%d", i, j)
			require.Equal(t, float64(i*16+j-1), e.FloatValue(), "element %d.%d", i, j)
		}
		i--
	}
	require.Equal(t, -1, i)
}
