package term

import "sync/atomic"

// References: [hdr(SubRef, arity 1), id]. Ids come from one counter, so
// every reference made by this runtime is unique and they order by
// creation.

// RefWords is the heap need of a reference.
const RefWords = 2

var lastRef atomic.Uint64

// IsRef reports whether t is a reference.
func (t Term) IsRef() bool { return t.Is(SubRef) }

// RefID returns the id of reference t.
func (t Term) RefID() uint64 { return uint64(t.Word(1)) }

// NextRefID returns a fresh reference id.
func NextRefID() uint64 { return lastRef.Add(1) }

// NewRef allocates a reference with a fresh id.
func NewRef(a Allocator) Term { return RefWithID(a, NextRefID()) }

// RefWithID allocates a reference with the given id.
func RefWithID(a Allocator, id uint64) Term {
	w := a.Alloc(RefWords)
	w[0] = uint64(MakeHeader(SubRef, 1))
	w[1] = id
	return Box(w)
}
