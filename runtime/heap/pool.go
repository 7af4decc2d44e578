package heap

import "slices"

// slabPool keeps memory that collections have emptied (a full
// collection's old from-space, a minor one's fragments) for later
// collections to copy into, instead of handing it back to the Go runtime
// and asking it for as much again: fresh memory costs a page fault and
// the kernel's zeroing per page, where reused memory needs no clearing at
// all, as the copy writes every word it takes.
type slabPool struct {
	slabs [][]uint64 // largest first
	words int
}

// take returns the smallest slab of at least want words, or failing
// that the largest of at least least words, or nil. Best fit keeps the
// big slabs for the collections that need them.
func (p *slabPool) take(least, want int) []uint64 {
	i := p.bestFit(want)
	if i < 0 {
		if len(p.slabs) == 0 || len(p.slabs[0]) < least {
			return nil
		}
		i = 0
	}
	return p.remove(i)
}

// takeFit returns a slab of n to 2n words, or nil: for a young
// generation or a fragment, which should not be much bigger than asked.
func (p *slabPool) takeFit(n int) []uint64 {
	i := p.bestFit(n)
	if i < 0 || len(p.slabs[i]) > 2*n {
		return nil
	}
	return p.remove(i)
}

// bestFit returns the index of the smallest slab of at least n words, or
// -1 (the slabs are sorted largest first).
func (p *slabPool) bestFit(n int) int {
	i := len(p.slabs) - 1
	for i >= 0 && len(p.slabs[i]) < n {
		i--
	}
	return i
}

// remove takes slab i out of the pool.
func (p *slabPool) remove(i int) []uint64 {
	s := p.slabs[i]
	p.slabs = append(p.slabs[:i], p.slabs[i+1:]...)
	p.words -= len(s)
	return s
}

// minPooled is the smallest slab worth keeping: smaller ones (most heap
// fragments) would only split to-space into many pieces.
const minPooled = 4 * minOldSlab

// put adds emptied slabs. Nothing may point into them any more.
func (p *slabPool) put(slabs ...[]uint64) {
	for _, s := range slabs {
		if len(s) < minPooled {
			continue
		}
		p.slabs = append(p.slabs, s)
		p.words += len(s)
	}
	slices.SortFunc(p.slabs, func(a, b []uint64) int { return len(b) - len(a) })
}

// trim drops the smallest slabs until the pool holds at most limit words,
// so that a heap that shrank does not keep its peak size.
func (p *slabPool) trim(limit int) {
	for len(p.slabs) > 0 && p.words > limit {
		last := len(p.slabs) - 1
		p.words -= len(p.slabs[last])
		p.slabs[last] = nil
		p.slabs = p.slabs[:last]
	}
}
