// Package heap holds a process's term memory and its garbage collector.
//
// A heap has two generations. New terms go to the young generation, one
// slab that allocation bumps through. When it is full, Alloc takes the
// words from a heap fragment instead and notes that the process should
// collect: Alloc never collects, so terms held in Go variables stay valid
// across any number of allocations. The process collects at its next safe
// point, where it knows its roots (the BEAM does the same).
//
// A minor collection copies the live young terms (and live terms of
// fragments) into the old generation, Cheney-style. Immutable terms cannot
// point from old to young, so the old generation needs no scan. A full
// collection copies everything live into a fresh old slab.
package heap

import "os"

// Sizes in words.
const (
	minYoung     = 233
	minOldSlab   = 1024
	fullSweepMin = 8 * 1024
)

// Torture is set from BEAMRC_GC_TORTURE=1: every safe point collects.
var Torture = os.Getenv("BEAMRC_GC_TORTURE") == "1"

// Heap is one process's term memory.
type Heap struct {
	young         []uint64
	top           int // next free word of young
	frags         [][]uint64
	fragWords     int
	old           [][]uint64 // slabs; the last one is being filled
	oldTop        int        // next free word of the last slab
	oldUsed       int        // words in use in all old slabs
	liveAfterFull int
	pool          slabPool
	pageMap       []pageState // the collector's from-space map, kept for reuse

	// offheap keeps the Go slices behind this heap's refc binaries alive.
	offheap [][]byte

	minors int
	// Stats, for tests and tuning.
	MinorGCs, FullGCs int
}

// New returns an empty heap.
func New() *Heap {
	return &Heap{young: make([]uint64, minYoung)}
}

// Alloc implements term.Allocator.
func (h *Heap) Alloc(n int) []uint64 {
	if h.top+n <= len(h.young) {
		w := h.young[h.top : h.top+n : h.top+n]
		h.top += n
		return w
	}
	return h.allocFragment(n)
}

func (h *Heap) allocFragment(n int) []uint64 {
	// Fragments of at least a few hundred words, so that a BIF building a
	// long list word by word does not make a fragment per cell.
	if last := len(h.frags) - 1; last >= 0 {
		f := h.frags[last]
		if used := int(f[0]); used+n <= len(f) {
			f[0] = uint64(used + n)
			return f[used : used+n : used+n]
		}
	}
	// Each fragment is twice the size of the last: a BIF building a big
	// term makes few of them, and the collector, which looks addresses
	// up among them, has few to search.
	size := max(n+1, 512)
	if k := len(h.frags); k > 0 {
		size = max(size, min(2*len(h.frags[k-1]), maxYoung))
	}
	f := h.pool.takeFit(size)
	if f == nil {
		f = make([]uint64, size)
	}
	f[0] = uint64(1 + n) // word 0 of a fragment counts its used words
	h.frags = append(h.frags, f)
	h.fragWords += n
	return f[1 : 1+n : 1+n]
}

// KeepAlive implements term.Allocator.
func (h *Heap) KeepAlive(b []byte) uint64 {
	h.offheap = append(h.offheap, b)
	return uint64(len(h.offheap) - 1)
}

// HasRoom reports whether n words fit in the young generation without a
// fragment. In torture mode it always says no, so that every safe point
// collects.
func (h *Heap) HasRoom(n int) bool {
	return !Torture && h.top+n <= len(h.young) && len(h.frags) == 0
}

// NeedsGC reports whether allocations have spilled into fragments.
func (h *Heap) NeedsGC() bool { return len(h.frags) > 0 }

// Used returns the words in use across generations.
func (h *Heap) Used() int { return h.top + h.fragWords + h.oldUsed }

// Attach hands a fragment made elsewhere (a message) to this heap; the next
// collection copies what is live of it. bins are the off-heap binaries its
// terms refer to.
func (h *Heap) Attach(f *Fragment) {
	if f == nil {
		return
	}
	for _, s := range f.slabs {
		h.frags = append(h.frags, s)
		h.fragWords += int(s[0])
	}
	h.offheap = append(h.offheap, f.offheap...)
	f.slabs, f.offheap = nil, nil
}
