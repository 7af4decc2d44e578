package bif

import (
	"math"
	"math/rand"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// sortWords agrees with the standard library on every spread of values:
// narrow, wide, negative, the extremes of int64, and short inputs.
func TestSortWords(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	gens := map[string]func() int64{
		"narrow":   func() int64 { return rng.Int63n(100) },
		"mid":      func() int64 { return rng.Int63n(1 << 30) },
		"signed":   func() int64 { return rng.Int63n(1<<40) - 1<<39 },
		"extremes": func() int64 { return []int64{math.MinInt64, math.MaxInt64, 0, -1}[rng.Intn(4)] },
		"wide":     func() int64 { return int64(rng.Uint64()) },
	}
	for name, gen := range gens {
		for _, n := range []int{0, 1, 5, radixMin - 1, radixMin, 5000, 70000} {
			ws := make([]int64, n)
			for i := range ws {
				ws[i] = gen()
			}
			want := slices.Clone(ws)
			slices.Sort(want)
			sortWords(ws)
			assert.Equal(t, want, ws, "%s, %d words", name, n)
		}
	}
}
