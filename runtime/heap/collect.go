package heap

import (
	"unsafe"

	"github.com/beamrc/beamrc/runtime/term"
)

// Roots shows a process's roots to the collector: it calls visit with each
// slice of root words (x registers, the stack, the dictionary, ...), and the
// collector rewrites them in place. Words with the header tag (continuation
// pointers on a stack) and immediates are left alone.
type Roots func(visit func([]term.Term))

const maxYoung = 1 << 20

// Collect collects garbage so that need more words fit in the young
// generation. Every term not reachable from roots is gone afterwards, and
// every reachable one may have moved: the caller reloads what it holds.
func (h *Heap) Collect(need int, roots Roots) {
	youngUsed := h.top + h.fragWords
	threshold := max(fullSweepMin, 2*h.liveAfterFull)
	h.minors++
	full := h.oldUsed+youngUsed > threshold || (Torture && tortureFull(h.minors))
	if full {
		h.fullGC(roots)
	} else {
		h.minorGC(roots)
	}
	h.resizeYoung(need, youngUsed)
}

func (h *Heap) minorGC(roots Roots) {
	h.MinorGCs++
	spaces := append([][]uint64{h.young[:h.top]}, h.frags...)
	c := &copier{from: newFromSpace(spaces...)}
	c.openTo(h.old, h.oldTop, h.top+h.fragWords)
	before := c.allocated()
	c.run(roots)
	h.old, h.oldTop = c.slabs, c.top
	h.oldUsed += c.allocated() - before
	h.resetYoung()
}

func (h *Heap) fullGC(roots Roots) {
	h.FullGCs++
	spaces := append([][]uint64{h.young[:h.top]}, h.frags...)
	spaces = append(spaces, h.old...)
	c := &copier{from: newFromSpace(spaces...), offheap: [][]byte{}}
	c.openTo(nil, 0, max(minOldSlab, h.liveAfterFull+h.liveAfterFull/2))
	c.run(roots)
	h.old, h.oldTop = c.slabs, c.top
	h.oldUsed = c.allocated()
	h.liveAfterFull = h.oldUsed
	h.offheap = c.offheap
	h.resetYoung()
}

func (h *Heap) resetYoung() {
	h.top = 0
	h.frags = nil
	h.fragWords = 0
}

// resizeYoung sizes the young generation for the next cycle: big enough
// for need, and growing with the allocation rate so that collections stay
// rare relative to the work done between them.
func (h *Heap) resizeYoung(need, lastUsed int) {
	size := len(h.young)
	if lastUsed > size {
		size = lastUsed
	}
	size = max(size, 2*need, minYoung)
	size = min(size, max(maxYoung, 2*need))
	// The old words of an unchanged young generation stay as they are:
	// nothing reads above top, and every allocator writes all the words it
	// takes. (Clearing them cost most of the time of a torture run with a
	// deep stack.)
	if size != len(h.young) {
		h.young = make([]uint64, size)
	}
}

// copier copies live terms into to-space slabs.
type copier struct {
	from    fromSpace
	slabs   [][]uint64 // to-space; the last one is being filled
	top     int
	scanned int // slabs before this index are fully scanned
	scanPos int // next word to scan in slabs[scanned]
	// offheap, when not nil, collects the off-heap binaries of the copied
	// terms (a full collection rebuilds the keep-alive list this way).
	offheap [][]byte
	words   int
}

// openTo starts to-space at the existing slabs (filled up to top),
// ensuring room for at least hint words.
func (c *copier) openTo(slabs [][]uint64, top, hint int) {
	c.slabs, c.top = slabs, top
	c.words = 0
	if len(slabs) == 0 || len(slabs[len(slabs)-1])-top < hint {
		c.slabs = append(c.slabs, make([]uint64, max(hint, minOldSlab)))
		c.top = 0
	}
	c.scanned = len(c.slabs) - 1
	c.scanPos = c.top
}

func (c *copier) allocated() int { return c.words }

func (c *copier) alloc(n int) []uint64 {
	cur := c.slabs[len(c.slabs)-1]
	if c.top+n > len(cur) {
		cur = make([]uint64, max(n, 2*len(cur)))
		c.slabs = append(c.slabs, cur)
		c.top = 0
	}
	w := cur[c.top : c.top+n]
	c.top += n
	c.words += n
	return w
}

func (c *copier) run(roots Roots) {
	roots(func(ts []term.Term) {
		for i, t := range ts {
			ts[i] = c.evacuate(t)
		}
	})
	c.scan()
}

// scan walks to-space in allocation order, evacuating what the copied
// objects point at, until it catches up with allocation.
func (c *copier) scan() {
	for {
		slab := c.slabs[c.scanned]
		end := len(slab)
		if c.scanned == len(c.slabs)-1 {
			end = c.top
		}
		for c.scanPos < end {
			c.scanPos += c.scanObject(slab[c.scanPos:])
			// Scanning one object can fill this slab further and then
			// open the next: the end is the slab's, not the old top.
			if c.scanned == len(c.slabs)-1 {
				end = c.top
			} else {
				end = len(slab)
			}
		}
		if c.scanned == len(c.slabs)-1 {
			return
		}
		c.scanned++
		c.scanPos = 0
	}
}

// scanObject evacuates the term fields of the object at w[0] and returns
// its size in words.
func (c *copier) scanObject(w []uint64) int {
	hdr := term.Term(w[0])
	if !hdr.IsHeader() {
		// A cons cell: two terms.
		w[0] = uint64(c.evacuate(hdr))
		w[1] = uint64(c.evacuate(term.Term(w[1])))
		return 2
	}
	arity := term.HeaderArity(hdr)
	switch term.HeaderSubtag(hdr) {
	case term.SubTuple, term.SubFun, term.SubExport, term.SubFlatMap, term.SubHashMap:
		for i := 1; i <= arity; i++ {
			w[i] = uint64(c.evacuate(term.Term(w[i])))
		}
	case term.SubSubBin:
		w[term.SubOrigWord] = uint64(c.evacuate(term.Term(w[term.SubOrigWord])))
	case term.SubMatchCtx:
		w[term.CtxOrigWord] = uint64(c.evacuate(term.Term(w[term.CtxOrigWord])))
	}
	return 1 + arity
}

// evacuate returns where t lives after the collection, copying the object
// it points at if that is in from-space and not copied yet.
func (c *copier) evacuate(t term.Term) term.Term {
	switch t.Primary() {
	case term.PrimaryList:
		if !c.from.contains(t.Address()) {
			return t
		}
		cell := t.Words(2)
		if cell[0] == 0 { // forwarded: the tail holds the new cell
			return term.Term(cell[1])
		}
		w := c.alloc(2)
		copy(w, cell)
		moved := term.ConsOf(w)
		cell[0], cell[1] = 0, uint64(moved)
		return moved
	case term.PrimaryBoxed:
		if !c.from.contains(t.Address()) {
			return t
		}
		hdr := t.Word(0)
		if hdr.IsBoxed() { // forwarded: the header holds the new box
			return hdr
		}
		n := 1 + term.HeaderArity(hdr)
		w := c.alloc(n)
		copy(w, t.Words(n))
		moved := term.Box(w)
		if c.offheap != nil && term.HeaderSubtag(hdr) == term.SubRefcBin {
			c.keepRefc(moved)
		}
		t.SetWord(0, moved)
		return moved
	}
	return t
}

func (c *copier) keepRefc(bin term.Term) {
	n := int(bin.Word(term.BinSizeWord))
	if n == 0 {
		return
	}
	a := uintptr(bin.Word(term.RefcDataWord))
	p := *(**byte)(unsafe.Pointer(&a))
	c.offheap = append(c.offheap, unsafe.Slice(p, n))
}

// tortureFull says whether torture mode adds a full collection at the n-th
// collection. Minor collections already move every young term at every
// safe point; full ones, which cost the whole live set each time, come at
// the powers of two, so that old-generation handling is exercised early
// in every run without making long runs quadratic.
func tortureFull(n int) bool { return n&(n-1) == 0 }
