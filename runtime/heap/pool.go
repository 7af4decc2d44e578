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
	i := len(p.slabs) - 1
	for i >= 0 && len(p.slabs[i]) < want {
		i--
	}
	if i < 0 {
		if len(p.slabs) == 0 || len(p.slabs[0]) < least {
			return nil
		}
		i = 0
	}
	s := p.slabs[i]
	p.slabs = append(p.slabs[:i], p.slabs[i+1:]...)
	p.words -= len(s)
	return s
}

// takeFit returns a slab of n to 2n words, or nil: for a young
// generation or a fragment, which should not be much bigger than asked.
func (p *slabPool) takeFit(n int) []uint64 {
	for i := len(p.slabs) - 1; i >= 0; i-- {
		if s := p.slabs[i]; len(s) >= n {
			if len(s) > 2*n {
				return nil
			}
			p.slabs = append(p.slabs[:i], p.slabs[i+1:]...)
			p.words -= len(s)
			return s
		}
	}
	return nil
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
