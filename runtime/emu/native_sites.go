package emu

import (
	"sort"
	"sync/atomic"
)

// siteTable maps native code offsets to the code index of the BEAM
// instruction they stand for: the site with the greatest offset not
// above the one asked. Native code asks for it on every runtime request
// that needs its instruction (a float op it steps, an error), so it
// must not cost a binary search each time.
//
// The blob is cut into buckets of 1<<shift bytes, with the shift chosen
// so there are about as many buckets as sites; first[b] counts the sites
// before bucket b. A lookup starts at its bucket's first site and scans
// the few in the bucket: constant time for code whose sites are spread
// out, at the cost of one uint32 per site. A crowded bucket falls back
// to a binary search within it.
//
// In front of that sits a small direct-mapped cache of recent answers:
// the requests of a hot loop come from a handful of sites, and a hit
// costs one load and one well-predicted branch, where the bucket scan's
// branches depend on the data. Entries are atomic words so that
// processes on different threads may share the table.
type siteTable struct {
	offsets []uint32 // ascending
	pcs     []int32  // pcs[i] is the code index of the site at offsets[i]
	shift   uint
	first   []uint32 // len(first) = number of buckets + 1
	// cache holds offset<<32 | siteCached | code index; 0 is empty.
	cache [1 << siteCacheBits]atomic.Uint64
}

const (
	siteCacheBits = 8
	siteCached    = 1 << 31 // marks a full entry; code indices are below it
)

// maxBucketScan is the most sites a lookup scans one by one.
const maxBucketScan = 8

// newSiteTable indexes sites, sorted by offset.
func newSiteTable(sites []nativeSite) *siteTable {
	t := &siteTable{
		offsets: make([]uint32, len(sites)),
		pcs:     make([]int32, len(sites)),
	}
	for i, s := range sites {
		t.offsets[i], t.pcs[i] = s.offset, s.pc
	}
	if len(sites) == 0 {
		return t
	}
	span := uint64(sites[len(sites)-1].offset) + 1
	for span>>t.shift > uint64(len(sites)) {
		t.shift++
	}
	buckets := int(span>>t.shift) + 1
	t.first = make([]uint32, buckets+1)
	i := 0
	for b := range t.first {
		for i < len(sites) && uint64(sites[i].offset)>>t.shift < uint64(b) {
			i++
		}
		t.first[b] = uint32(i)
	}
	return t
}

// lookup returns the code index of the site with the greatest offset
// not above off, or 0 if there is none.
func (t *siteTable) lookup(off uint32) int {
	// Fibonacci hashing spreads offsets that share their low bits.
	slot := &t.cache[(off*0x9E3779B1)>>(32-siteCacheBits)]
	key := uint64(off)<<32 | siteCached
	if e := slot.Load(); e&^(siteCached-1) == key {
		return int(e & (siteCached - 1))
	}
	pc := t.search(off)
	if pc >= 0 && pc < siteCached {
		slot.Store(key | uint64(pc))
	}
	return pc
}

// search is lookup without the cache.
func (t *siteTable) search(off uint32) int {
	b := uint64(off) >> t.shift
	if b+1 >= uint64(len(t.first)) {
		// Past the last bucket (or no sites): every site is below off.
		if len(t.pcs) == 0 {
			return 0
		}
		return int(t.pcs[len(t.pcs)-1])
	}
	// Sites before lo lie in earlier buckets, so below off; sites from
	// hi on lie in later ones, so above it.
	lo, hi := int(t.first[b]), int(t.first[b+1])
	i := lo
	if hi-lo > maxBucketScan {
		i += sort.Search(hi-lo, func(k int) bool { return t.offsets[lo+k] > off })
	} else {
		for i < hi && t.offsets[i] <= off {
			i++
		}
	}
	if i == 0 {
		return 0
	}
	return int(t.pcs[i-1])
}
