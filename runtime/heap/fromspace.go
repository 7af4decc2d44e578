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

// fromSpace answers "is this address being collected?" for one
// collection. The collector asks it for every pointer it meets, so the
// common answers are cheap: one bounds check rejects most addresses
// outside (literals, and often the old generation in a minor
// collection), and a from-space of one region needs nothing more.
type fromSpace struct {
	lo, hi uintptr        // bounds of all the regions
	ranges []addressRange // sorted, disjoint
}

func newFromSpace(first []uint64, more ...[]uint64) fromSpace {
	rs := make([]addressRange, 0, 1+len(more))
	if len(first) > 0 {
		rs = append(rs, rangeOf(first))
	}
	for _, s := range more {
		if len(s) > 0 {
			rs = append(rs, rangeOf(s))
		}
	}
	if len(rs) == 0 {
		return fromSpace{}
	}
	slices.SortFunc(rs, func(a, b addressRange) int {
		if a.lo < b.lo {
			return -1
		}
		return 1
	})
	return fromSpace{lo: rs[0].lo, hi: rs[len(rs)-1].hi, ranges: rs}
}

func (fs *fromSpace) contains(a uintptr) bool {
	if a < fs.lo || a >= fs.hi {
		return false
	}
	return len(fs.ranges) == 1 || fs.search(a)
}

// search finds a within the regions by bisection. It stays out of line
// so that contains, which the collector calls for every pointer, is
// cheap enough to inline.
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
