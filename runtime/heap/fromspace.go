package heap

import (
	"slices"
	"unsafe"
)

// addressRange is a from-space region during a collection.
type addressRange struct{ lo, hi uintptr }

func rangeOf(s []uint64) addressRange {
	if len(s) == 0 {
		return addressRange{}
	}
	lo := uintptr(unsafe.Pointer(&s[0]))
	return addressRange{lo, lo + uintptr(len(s))*8}
}

// has reports whether a is in r. One unsigned compare: an address below
// lo wraps around to a huge offset. An empty range has nothing.
func (r addressRange) has(a uintptr) bool { return a-r.lo < r.hi-r.lo }

// fromSpace answers "is this address being collected?" for one
// collection. The collector asks it for every pointer it meets, and a
// full collection of a big heap has dozens of regions (every old slab and
// fragment), so the answer comes from a page map: one byte per page
// between the lowest and the highest region says in, out, or "an edge of
// a region falls in this page", and only edge pages search the regions.
type fromSpace struct {
	lo     uintptr
	shift  uint           // a page is 1<<shift bytes
	pages  []pageState    // from lo
	ranges []addressRange // sorted
}

type pageState uint8

const (
	pageOut pageState = iota
	pageIn
	pageEdge
)

// minPageShift is the page map's finest granularity. Slabs are
// page-aligned Go allocations of many pages, so few pages are edges.
const minPageShift = 12

// maxMappedPages bounds the page map: regions spread over more of the
// address space get coarser pages, more of them edges. A variable for
// the tests.
var maxMappedPages uintptr = 1 << 22

// newFromSpace describes the given regions. buf is a page map to reuse
// (the last collection's); the one in use is fs.pages.
func newFromSpace(buf []pageState, regions ...[]uint64) fromSpace {
	var fs fromSpace
	for _, s := range regions {
		if len(s) > 0 {
			fs.ranges = append(fs.ranges, rangeOf(s))
		}
	}
	if len(fs.ranges) == 0 {
		return fs
	}
	slices.SortFunc(fs.ranges, func(a, b addressRange) int {
		if a.lo < b.lo {
			return -1
		}
		return 1
	})
	lo, hi := fs.ranges[0].lo, fs.ranges[len(fs.ranges)-1].hi
	fs.shift = minPageShift
	for (hi-lo)>>fs.shift+2 > maxMappedPages && fs.shift < 63 {
		fs.shift++
	}
	page := uintptr(1) << fs.shift
	fs.lo = lo &^ (page - 1)
	n := (hi - fs.lo + page - 1) >> fs.shift
	if uintptr(cap(buf)) < n {
		buf = make([]pageState, n)
	}
	fs.pages = buf[:n]
	clear(fs.pages)
	for _, r := range fs.ranges {
		for i := fs.pageOf(r.lo); i <= fs.pageOf(r.hi-1); i++ {
			fs.pages[i] = pageIn
		}
	}
	// Edges last: a page two regions share is an edge of both.
	for _, r := range fs.ranges {
		if r.lo&(page-1) != 0 {
			fs.pages[fs.pageOf(r.lo)] = pageEdge
		}
		if r.hi&(page-1) != 0 {
			fs.pages[fs.pageOf(r.hi-1)] = pageEdge
		}
	}
	return fs
}

func (fs *fromSpace) pageOf(a uintptr) uintptr { return (a - fs.lo) >> fs.shift }

// contains reports whether a is in from-space. (The collector's hot path,
// evacuatePointer, spells it out so that page is inlined there.)
func (fs *fromSpace) contains(a uintptr) bool {
	switch fs.page(a) {
	case pageIn:
		return true
	case pageEdge:
		return fs.search(a)
	}
	return false
}

// page returns the state of a's page: all the collector needs to know of
// most addresses, cheaply enough to be inlined.
func (fs *fromSpace) page(a uintptr) pageState {
	if i := (a - fs.lo) >> (fs.shift & 63); i < uintptr(len(fs.pages)) {
		return fs.pages[i]
	}
	return pageOut
}

// search finds a among the regions by bisection, for the rare addresses
// in a page a region's edge falls in. It stays out of line so that the
// collector's per-pointer test (page) is cheap enough to inline.
//
//go:noinline
func (fs *fromSpace) search(a uintptr) bool {
	rs := fs.ranges
	i, j := 0, len(rs)
	for i < j {
		m := int(uint(i+j) >> 1)
		if rs[m].hi <= a {
			i = m + 1
		} else {
			j = m
		}
	}
	return i < len(rs) && rs[i].lo <= a
}
