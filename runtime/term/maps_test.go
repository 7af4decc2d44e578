package term_test

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// randomKeys returns n distinct keys of every kind mixedKey makes, plus
// atoms, shuffled.
func randomKeys(a term.Allocator, r *rand.Rand, n int) []term.Term {
	keys := seqKeys(a, keyKind{name: "all", make: func(a term.Allocator, i int) term.Term {
		if i%11 == 10 {
			return term.Intern("k" + erlText(term.MakeSmall(int64(i))))
		}
		return mixedKey(a, i)
	}}, n)
	r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	return keys
}

func smalls(n int) []term.Term {
	out := make([]term.Term, n)
	for i := range out {
		out[i] = term.MakeSmall(int64(i))
	}
	return out
}

// pairsOf lists m's pairs in MapIterate order.
func pairsOf(m term.Term) (ks, vs []term.Term) {
	term.MapIterate(m, func(k, v term.Term) bool {
		ks = append(ks, k)
		vs = append(vs, v)
		return true
	})
	return ks, vs
}

// checkMap checks everything that must hold of m, a map of keys to vals.
func checkMap(t *testing.T, m term.Term, keys, vals []term.Term) {
	t.Helper()
	require.True(t, m.IsMap())
	n := len(keys)
	require.Equal(t, n, term.MapSize(m))
	require.Equal(t, n <= term.MaxFlatMapSize, m.IsFlatMap(), "flat exactly when small")
	for i, k := range keys {
		v, ok := term.MapGet(m, k)
		require.True(t, ok, "key %s", erlText(k))
		require.True(t, term.Equal(vals[i], v), "value of %s", erlText(k))
	}
	_, ok := term.MapGet(m, term.Intern("not a key"))
	require.False(t, ok)

	listK, listV := term.MapPairs(m)
	iterK, iterV := pairsOf(m)
	require.Len(t, listK, n)
	require.Len(t, iterK, n)
	if m.IsFlatMap() {
		assert.True(t, slices.IsSortedFunc(listK, term.CompareExact), "flat map keys in exact term order")
		assert.Equal(t, listK, iterK)
		assert.Equal(t, listV, iterV)
	} else {
		slices.Reverse(iterK)
		slices.Reverse(iterV)
		assert.Equal(t, listK, iterK, "to_list order is iterator order reversed")
		assert.Equal(t, listV, iterV)
	}
	ks, _ := pairsOf(m)
	for _, i := range []int{0, n / 3, n / 2, n - 1} {
		if i >= 0 && i < n {
			k, _ := term.MapAt(m, i)
			assert.Equal(t, ks[i], k, "MapAt(%d)", i)
		}
	}
}

func TestMapOperations(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 31, 32, 33, 34, 100, 2000} {
		var f heap.Fragment
		keys := randomKeys(&f, r, n)
		vals := smalls(n)

		built := term.MapFromPairs(&f, keys, vals)
		checkMap(t, built, keys, vals)

		m := term.NewEmptyMap(&f)
		for i, k := range keys {
			m = term.MapPut(&f, m, k, vals[i])
		}
		checkMap(t, m, keys, vals)
		bk, _ := term.MapPairs(built)
		mk, _ := term.MapPairs(m)
		require.Equal(t, bk, mk, "put one by one and from_list agree, n=%d", n)
		require.True(t, term.Equal(built, m))

		var b term.MapBuilder
		for i, k := range keys {
			b.Put(k, term.Nil)
			b.Put(k, vals[i]) // the later pair wins
		}
		checkMap(t, b.Build(&f), keys, vals)

		if n == 0 {
			continue
		}
		// An unchanged value leaves the map itself.
		assert.Equal(t, m, term.MapPut(&f, m, keys[0], vals[0]))
		// Update: absent keys fail, present ones change.
		_, ok := term.MapUpdate(&f, m, term.Intern("absent"), term.Nil)
		assert.False(t, ok)
		u, ok := term.MapUpdate(&f, m, keys[n-1], term.Nil)
		require.True(t, ok)
		v, _ := term.MapGet(u, keys[n-1])
		assert.Equal(t, term.Nil, v)
		old, _ := term.MapGet(m, keys[n-1])
		assert.Equal(t, vals[n-1], old, "the original map is untouched")

		// Remove every key, in a random order, checking as we go.
		order := r.Perm(n)
		live := slices.Clone(keys)
		liveV := slices.Clone(vals)
		assert.Equal(t, m, term.MapRemove(&f, m, term.Intern("absent")))
		for step, i := range order {
			m = term.MapRemove(&f, m, keys[i])
			j := slices.IndexFunc(live, func(k term.Term) bool { return term.Equal(k, keys[i]) })
			live = slices.Delete(live, j, j+1)
			liveV = slices.Delete(liveV, j, j+1)
			if step%17 == 0 || len(live) <= term.MaxFlatMapSize+1 {
				checkMap(t, m, live, liveV)
			}
		}
		assert.Equal(t, 0, term.MapSize(m))
		runtime.KeepAlive(&f)
	}
}

func TestMapZeroAndIntegerKeys(t *testing.T) {
	var f heap.Fragment
	pos, neg := term.NewFloat(&f, 0), term.NewFloat(&f, negZero())
	one, oneF := term.MakeSmall(1), term.NewFloat(&f, 1)
	m := term.MapFromPairs(&f, []term.Term{oneF, one, pos, neg}, smalls(4))
	// 0.0 =:= -0.0 in OTP 25; 1 and 1.0 are different keys, 1 first.
	require.Equal(t, 3, term.MapSize(m))
	ks, _ := term.MapPairs(m)
	assert.Equal(t, []term.Term{one, neg, oneF}, ks, "the later of 0.0 and -0.0 is kept")
	// In a flat map the key already there stays.
	m2 := term.MapPut(&f, m, pos, term.Nil)
	ks, _ = term.MapPairs(m2)
	assert.Equal(t, neg, ks[1])
	runtime.KeepAlive(&f)
}

// A value =:= to the one there but not the same word is stored, in flat
// and hash maps alike: OTP 25's M#{K := -0.0} over 0.0 shows -0.0. Only
// the very same word gives the map back unchanged.
func TestMapSetValueKeepsNegativeZero(t *testing.T) {
	var f heap.Fragment
	pos, neg := term.NewFloat(&f, 0), term.NewFloat(&f, negZero())
	for _, n := range []int{3, 40} {
		keys := smalls(n)
		vals := make([]term.Term, n)
		for i := range vals {
			vals[i] = pos
		}
		m := term.MapFromPairs(&f, keys, vals)
		for _, put := range []bool{false, true} {
			var m2 term.Term
			if put {
				m2 = term.MapPut(&f, m, keys[1], neg)
			} else {
				var ok bool
				m2, ok = term.MapUpdate(&f, m, keys[1], neg)
				require.True(t, ok)
			}
			v, ok := term.MapGet(m2, keys[1])
			require.True(t, ok)
			assert.Equal(t, neg, v, "size %d, put %v", n, put)
			assert.NotEqual(t, m, m2)
			same := term.MapPut(&f, m, keys[1], pos)
			assert.Equal(t, m, same, "size %d: the same word keeps the map", n)
		}
	}
	runtime.KeepAlive(&f)
}

func negZero() float64 {
	z := 0.0
	return -z
}

// TestMapsSurviveGC builds maps on a process heap that collects while they
// grow, and compares them with the same maps built where nothing moves.
func TestMapsSurviveGC(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var lit heap.Fragment
	keys := randomKeys(&lit, r, 3000)
	want := term.MapFromPairs(&lit, keys, smalls(len(keys)))

	for _, torture := range []bool{false, true} {
		heap.Torture = torture
		h := heap.New()
		roots := []term.Term{term.NewEmptyMap(h), term.NewEmptyMap(h)}
		collect := func() { h.Collect(0, func(v func([]term.Term)) { v(roots) }) }
		for i, k := range keys {
			k = heap.Copy(h, k)
			roots[0] = term.MapPut(h, roots[0], k, term.MakeSmall(int64(i)))
			// The second map goes up and down through the flat size.
			roots[1] = term.MapPut(h, roots[1], k, roots[0])
			if term.MapSize(roots[1]) > 40 {
				for j := 0; j < 10; j++ {
					roots[1] = term.MapRemove(h, roots[1], keys[i-j])
				}
			}
			if i%97 == 0 || torture && i%13 == 0 {
				collect()
			}
		}
		collect()
		require.True(t, term.Equal(want, roots[0]))
		wk, _ := term.MapPairs(want)
		gk, _ := term.MapPairs(roots[0])
		require.Equal(t, len(wk), len(gk))
		for i := range wk {
			require.True(t, term.Equal(wk[i], gk[i]), "order after GC, pair %d", i)
		}
		checkMap(t, roots[0], keys, smalls(len(keys)))
		runtime.KeepAlive(h) // the heap owns the maps' words
	}
	heap.Torture = false
	// The terms live in lit's slabs, which only lit keeps alive.
	runtime.KeepAlive(&lit)
}

func BenchmarkMapPut(b *testing.B) {
	const n = 500000
	keys := smalls(n)
	b.ResetTimer()
	for b.Loop() {
		var f heap.Fragment
		m := term.NewEmptyMap(&f)
		for _, k := range keys {
			m = term.MapPut(&f, m, k, k)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/put")
}

func BenchmarkMapFromPairs(b *testing.B) {
	const n = 500000
	keys := smalls(n)
	b.ResetTimer()
	for b.Loop() {
		var f heap.Fragment
		term.MapFromPairs(&f, keys, keys)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/key")
}

func BenchmarkMapGet(b *testing.B) {
	for _, n := range []int{16, 500000} {
		var f heap.Fragment
		keys := smalls(n)
		m := term.MapFromPairs(&f, keys, keys)
		b.Run(erlText(term.MakeSmall(int64(n))), func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, ok := term.MapGet(m, keys[i]); !ok {
					b.Fatal("missing key")
				}
				if i++; i == n {
					i = 0
				}
			}
		})
		runtime.KeepAlive(&f)
	}
}

func BenchmarkPhash2(b *testing.B) {
	var f heap.Fragment
	t := term.NewTuple(&f, term.Intern("ok"), term.NewBinary(&f, []byte("some binary")), term.MakeSmall(42))
	for b.Loop() {
		term.Phash2(t)
	}
	runtime.KeepAlive(&f)
}
