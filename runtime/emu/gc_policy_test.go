package emu

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beamrc/beamrc/runtime/heap"
)

// TestYoungGenerationGrowsWithAllocation: a process that allocates
// steadily gets a young generation big enough that collections, each of
// which has a fixed cost, stay rare. (It once stayed at its first 256
// words: the growth test asked for more words than that young generation
// could have held.)
func TestYoungGenerationGrowsWithAllocation(t *testing.T) {
	if heap.Torture {
		t.Skip("torture mode collects at every safe point by design")
	}
	p := NewSystem().newProcess(nil)
	const total, chunk = 4 << 20, 24
	for allocated := 0; allocated < total; allocated += chunk {
		if !p.Heap.HasRoom(chunk) {
			p.gc(chunk, 0, nil)
		}
		p.Heap.Alloc(chunk)
	}
	assert.Equal(t, youngMax, p.youngTarget)
	// Doubling from 256 to youngMax words takes 9 collections; then one
	// per half of youngMax at most.
	assert.LessOrEqual(t, p.Heap.MinorGCs+p.Heap.FullGCs, 9+2*total/youngMax)
}
