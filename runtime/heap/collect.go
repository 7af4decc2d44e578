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

// fullSweepFactor: a full collection comes when the heap holds this many
// times the words live after the last one. Each full collection copies
// everything live, so between two of them the program should have
// promoted a multiple of that: with 2, a big long-lived map that is
// updated (maps500k) spent a third of its time in full collections;
// with 3, 10% less time overall, and no more memory at its peak, as
// fewer collections mean fewer fresh to-spaces.
const fullSweepFactor = 3

// Collect collects garbage so that need more words fit in the young
// generation. Every term not reachable from roots is gone afterwards, and
// every reachable one may have moved: the caller reloads what it holds.
func (h *Heap) Collect(need int, roots Roots) {
	youngUsed := h.top + h.fragWords
	threshold := max(fullSweepMin, fullSweepFactor*h.liveAfterFull)
	h.minors++
	full := h.oldUsed+youngUsed > threshold || (Torture && tortureFull(h.minors))
	if full {
		h.fullGC(roots)
	} else {
		h.minorGC(roots)
	}
	h.resizeYoung(need, youngUsed)
	// Keep what the old generation may need until the next full
	// collection has emptied its from-space: promotions up to
	// fullSweepFactor times the live words, then that collection's copy
	// of them, and some slack for growth.
	h.pool.trim((fullSweepFactor+1)*h.liveAfterFull + h.liveAfterFull/2 + 4*minOldSlab - h.oldCapacity())
}

func (h *Heap) minorGC(roots Roots) {
	h.MinorGCs++
	c := &copier{from: h.fromSpace(h.frags), pool: &h.pool}
	// Room for all the young words, and for a few more collections'
	// promotions, if the copy needs a fresh slab.
	c.budget = h.top + h.fragWords + h.liveAfterFull/4
	c.openTo(h.old, h.oldTop)
	c.run(roots)
	h.old, h.oldTop = c.slabs, c.top
	h.oldUsed += c.words()
	h.pool.put(h.frags...)
	h.resetYoung()
}

func (h *Heap) fullGC(roots Roots) {
	h.FullGCs++
	spaces := append(append([][]uint64{}, h.frags...), h.old...)
	c := &copier{from: h.fromSpace(spaces), pool: &h.pool, offheap: [][]byte{}}
	// What the collection copies cannot exceed what is in use now, and
	// is likely about what it was last time, or a little more.
	c.budget = min(h.oldUsed+h.top+h.fragWords, h.liveAfterFull+h.liveAfterFull/8+4*minOldSlab)
	c.openTo(nil, 0)
	c.run(roots)
	h.pool.put(spaces...)
	h.old, h.oldTop = c.slabs, c.top
	h.oldUsed = c.words()
	h.liveAfterFull = h.oldUsed
	h.offheap = c.offheap
	h.resetYoung()
}

// fromSpace describes the young generation and the given regions as the
// from-space of a collection, reusing the last collection's page map.
func (h *Heap) fromSpace(regions [][]uint64) fromSpace {
	fs := newFromSpace(h.pageMap, append([][]uint64{h.young[:h.top]}, regions...)...)
	if cap(fs.pages) > cap(h.pageMap) {
		h.pageMap = fs.pages
	}
	return fs
}

func (h *Heap) oldCapacity() int {
	n := 0
	for _, s := range h.old {
		n += len(s)
	}
	return n
}

func (h *Heap) resetYoung() {
	h.top = 0
	h.frags = nil
	h.fragWords = 0
}

// resizeYoung sizes the young generation for the next cycle: big enough
// for need, and growing with the allocation rate so that collections stay
// rare relative to the work done between them. It is at least half the
// live data: a young generation much smaller than that promotes terms
// that die soon after (each version of a big map's path), and the old
// generation fills with garbage that costs full collections.
func (h *Heap) resizeYoung(need, lastUsed int) {
	size := max(lastUsed, 2*need, minYoung, h.liveAfterFull/2)
	size = min(size, max(maxYoung, 2*need))
	// A young generation that was outgrown by a little (a BIF spilled a
	// few words into a fragment) stays: a new one is fresh memory, paid
	// for in page faults. The old words of a kept one stay as they are:
	// nothing reads above top, and every allocator writes all the words
	// it takes. (Clearing them cost most of the time of a torture run
	// with a deep stack.)
	cur := len(h.young)
	if 2*need <= cur && size <= cur+cur/8 && cur <= max(maxYoung, 2*need) {
		return
	}
	// The old young generation is empty now: the pool keeps it.
	h.pool.put(h.young)
	if h.young = h.pool.takeFit(size); h.young == nil {
		h.young = make([]uint64, size)
	}
}

// copier copies live terms into to-space slabs.
type copier struct {
	from    fromSpace
	slabs   [][]uint64 // to-space
	cur     []uint64   // the last of slabs, being filled
	top     int        // next free word of cur
	scanned int        // slabs before this index are fully scanned
	scanPos int        // next word to scan in slabs[scanned]
	// offheap, when not nil, collects the off-heap binaries of the copied
	// terms (a full collection rebuilds the keep-alive list this way).
	offheap [][]byte
	// base + top is the number of words copied: base counts those in
	// the slabs before cur, less cur's words from before the collection.
	base int
	// pool gives the slabs to-space grows by; when it has none big
	// enough, a fresh slab gets room for budget more words.
	pool   *slabPool
	budget int
}

// openTo starts to-space at the end of the existing slabs (the last one
// filled up to top), or at a new slab if there are none.
func (c *copier) openTo(slabs [][]uint64, top int) {
	c.slabs, c.top = slabs, top
	if len(slabs) == 0 {
		c.grow(0)
	}
	c.cur = c.slabs[len(c.slabs)-1]
	c.scanned = len(c.slabs) - 1
	c.scanPos = c.top
	c.base = -c.top
}

// words returns the number of words copied so far.
func (c *copier) words() int { return c.base + c.top }

// grow opens a new to-space slab for at least n words. The tail of the
// current one stays unused, so slabs are large compared to objects. As
// scan walks a slab to its end, and a reused slab holds old words there,
// the tail becomes one opaque object scan skips.
func (c *copier) grow(n int) {
	if tail := len(c.cur) - c.top; tail > 0 {
		c.cur[c.top] = uint64(term.MakeHeader(term.SubRef, tail-1))
	}
	// A pooled slab may be smaller than the budget (which is only an
	// upper bound), but not so small that to-space ends up in many
	// pieces, which fromSpace.contains would have to search.
	want := max(n, minOldSlab, c.budget-c.words(), len(c.cur)/2)
	s := c.pool.take(max(n, want/4), want)
	if s == nil {
		s = make([]uint64, want)
	}
	c.cur = s
	c.slabs = append(c.slabs, s)
	c.base += c.top
	c.top = 0
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
// objects point at, until it catches up with allocation. Evacuating
// can fill the slab being scanned further and open the next, so the end
// of the slab's objects is read again after each object. The loop
// handles cons cells and tuple-like objects itself: it runs once per
// object copied.
func (c *copier) scan() {
	for {
		slab := c.slabs[c.scanned]
		pos := c.scanPos
		for {
			end := len(slab)
			if c.scanned == len(c.slabs)-1 {
				end = c.top
			}
			if pos >= end {
				break
			}
			hdr := term.Term(slab[pos])
			if !hdr.IsHeader() { // a cons cell: two terms
				slab[pos] = uint64(c.evacuate(hdr))
				slab[pos+1] = uint64(c.evacuate(term.Term(slab[pos+1])))
				pos += 2
				continue
			}
			arity := term.HeaderArity(hdr)
			if holdsTerms(term.HeaderSubtag(hdr)) {
				for i := pos + 1; i <= pos+arity; i++ {
					slab[i] = uint64(c.evacuate(term.Term(slab[i])))
				}
			} else {
				c.scanSpecial(slab[pos:], hdr)
			}
			pos += 1 + arity
		}
		c.scanPos = pos
		if c.scanned == len(c.slabs)-1 {
			return
		}
		c.scanned++
		c.scanPos = 0
	}
}

// holdsTerms reports whether every word after the header of an object
// of this subtag is a term.
func holdsTerms(s term.Subtag) bool {
	switch s {
	case term.SubTuple, term.SubFun, term.SubExport, term.SubFlatMap, term.SubHashMap:
		return true
	}
	return false
}

// scanSpecial evacuates the term fields of an object whose other words
// are not terms (scan does the others).
func (c *copier) scanSpecial(w []uint64, hdr term.Term) {
	switch term.HeaderSubtag(hdr) {
	case term.SubSubBin:
		w[term.SubOrigWord] = uint64(c.evacuate(term.Term(w[term.SubOrigWord])))
	case term.SubMatchCtx:
		w[term.CtxOrigWord] = uint64(c.evacuate(term.Term(w[term.CtxOrigWord])))
	}
}

// evacuate returns where t lives after the collection, copying the object
// it points at if that is in from-space and not copied yet. Most words
// the collector meets are immediates: evacuate is small enough to be
// inlined, and leaves pointers to evacuatePointer.
func (c *copier) evacuate(t term.Term) term.Term {
	if (uint64(t)&term.PrimaryMask)-term.PrimaryList > term.PrimaryBoxed-term.PrimaryList {
		return t
	}
	return c.evacuatePointer(t)
}

// evacuatePointer is evacuate for a list or boxed term. It runs for
// every pointer the collector meets, so it works through pointers: no
// slice, no bounds to check.
func (c *copier) evacuatePointer(t term.Term) term.Term {
	// fromSpace.contains, with its page lookup in line.
	switch a := t.Address(); c.from.page(a) {
	case pageOut:
		return t
	case pageEdge:
		if !c.from.search(a) {
			return t
		}
	}
	first := t.Ptr()
	hdr := term.Term(*first)
	n := 2 // a cons cell
	if t.IsCons() {
		if hdr == 0 { // forwarded: the tail holds the new cell
			return t.Word(1)
		}
	} else {
		if hdr.IsBoxed() { // forwarded: the header holds the new box
			return hdr
		}
		n = 1 + term.HeaderArity(hdr)
	}
	// n words of to-space, from the current slab or a new one.
	top := c.top + n
	if top > len(c.cur) {
		c.grow(n)
		top = n
	}
	c.top = top
	dst := unsafe.Add(unsafe.Pointer(unsafe.SliceData(c.cur)), (top-n)*8)
	src := unsafe.Pointer(first)
	// Most objects are a few words: a loop beats calling memmove.
	for i, size := uintptr(0), uintptr(n)*8; i < size; i += 8 {
		*(*uint64)(unsafe.Add(dst, i)) = *(*uint64)(unsafe.Add(src, i))
	}
	moved := t.WithAddress(uintptr(dst))
	if t.IsCons() {
		*first = 0 // forwarded, to the tail
		*(*uint64)(unsafe.Add(src, 8)) = uint64(moved)
		return moved
	}
	*first = uint64(moved) // forwarded, to the header
	if c.offheap != nil && term.HeaderSubtag(hdr) == term.SubRefcBin {
		c.keepRefc(moved)
	}
	return moved
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
