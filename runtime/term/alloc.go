package term

// Allocator hands out words for new terms.
//
// Alloc never collects garbage and never moves existing terms: a caller may
// hold terms in Go variables across any number of Alloc calls. When a
// process heap is full, its Alloc takes the words from a heap fragment and
// the process collects later, at a point where its roots are known (the
// BEAM does the same with heap fragments). The returned slice is zeroed
// only if it says so; callers fill every word.
type Allocator interface {
	Alloc(words int) []uint64
	// KeepAlive registers an off-heap Go object that a new term refers to
	// (the bytes of a reference-counted binary). It returns the handle to
	// store in the term.
	KeepAlive(data []byte) uint64
}
