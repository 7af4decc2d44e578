package heap

import (
	"math/rand"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// TestFromSpaceContains checks contains against a plain scan of the
// regions, for none to many regions of different sizes, at every region's
// edges and in between, with a fine page map and a coarse one.
func TestFromSpaceContains(t *testing.T) {
	for _, limit := range []uintptr{maxMappedPages, 3} {
		old := maxMappedPages
		maxMappedPages = limit
		checkFromSpace(t)
		maxMappedPages = old
	}
}

func checkFromSpace(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{0, 1, 2, 3, 4, 9, 20} {
		slabs := make([][]uint64, n)
		for i := range slabs {
			// Small slabs share pages; big ones are page-aligned.
			slabs[i] = make([]uint64, 1+rng.Intn(3000)+rng.Intn(2)*8192)
		}
		fs := newFromSpace(nil, slabs...)
		assert.LessOrEqual(t, uintptr(len(fs.pages)), maxMappedPages)
		inAny := func(a uintptr) bool {
			for _, s := range slabs {
				if rangeOf(s).has(a) {
					return true
				}
			}
			return false
		}
		var probes []uintptr
		for _, s := range slabs {
			lo := uintptr(unsafe.Pointer(&s[0]))
			hi := lo + uintptr(len(s))*8
			probes = append(probes, lo-8, lo, lo+8, hi-8, hi, hi+8, lo+uintptr(rng.Intn(len(s)))*8)
		}
		probes = append(probes, 0, 8, ^uintptr(7))
		for _, a := range probes {
			assert.Equal(t, inAny(a), fs.contains(a), "%d regions, address %#x", n, a)
		}
	}
}
