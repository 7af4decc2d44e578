package heap

import (
	"sync"

	"github.com/beamrc/beamrc/runtime/term"
)

// Fragment is memory for terms made outside a process's heap: a message
// on its way to a receiver, or the literal area. It grows by slabs and
// never moves anything. A receiver takes a message's fragment over with
// Heap.Attach.
type Fragment struct {
	slabs   [][]uint64 // word 0 of each slab counts its used words
	offheap [][]byte
}

// Alloc implements term.Allocator.
func (f *Fragment) Alloc(n int) []uint64 {
	if last := len(f.slabs) - 1; last >= 0 {
		s := f.slabs[last]
		if used := int(s[0]); used+n <= len(s) {
			s[0] = uint64(used + n)
			return s[used : used+n : used+n]
		}
	}
	size := max(n+1, 256)
	if k := len(f.slabs); k > 0 {
		size = max(size, min(2*len(f.slabs[k-1]), 1<<20))
	}
	s := make([]uint64, size)
	s[0] = uint64(1 + n)
	f.slabs = append(f.slabs, s)
	return s[1 : 1+n : 1+n]
}

// KeepAlive implements term.Allocator.
func (f *Fragment) KeepAlive(b []byte) uint64 {
	f.offheap = append(f.offheap, b)
	return uint64(len(f.offheap) - 1)
}

// Words returns the words the fragment holds.
func (f *Fragment) Words() int {
	n := 0
	for _, s := range f.slabs {
		n += int(s[0]) - 1
	}
	return n
}

// Literals is the allocator for terms that live as long as the program:
// module literals and persistent terms. It is safe for concurrent use.
var Literals = &literalArea{}

type literalArea struct {
	mu sync.Mutex
	f  Fragment
}

func (l *literalArea) Alloc(n int) []uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Alloc(n)
}

func (l *literalArea) KeepAlive(b []byte) uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.KeepAlive(b)
}

var _ term.Allocator = (*Heap)(nil)
var _ term.Allocator = (*Fragment)(nil)
var _ term.Allocator = Literals
