package heap

import (
	"github.com/beamrc/beamrc/runtime/term"
)

// Copy copies t, and everything it refers to, into a. Literals are copied
// too: the result must not depend on anything but a. Refc binaries are
// shared, not copied; a keeps their bytes alive.
//
// Lists are followed iteratively along their tails, so a long list does
// not deepen the Go stack.
func Copy(a term.Allocator, t term.Term) term.Term {
	switch t.Primary() {
	case term.PrimaryList:
		return copyList(a, t)
	case term.PrimaryBoxed:
		return copyBoxed(a, t)
	}
	return t
}

func copyList(a term.Allocator, t term.Term) term.Term {
	first := a.Alloc(2)
	first[0] = uint64(Copy(a, t.Head()))
	cell := first
	t = t.Tail()
	for t.IsCons() {
		next := a.Alloc(2)
		next[0] = uint64(Copy(a, t.Head()))
		cell[1] = uint64(term.ConsOf(next))
		cell = next
		t = t.Tail()
	}
	cell[1] = uint64(Copy(a, t))
	return term.ConsOf(first)
}

func copyBoxed(a term.Allocator, t term.Term) term.Term {
	hdr := t.Word(0)
	n := 1 + term.HeaderArity(hdr)
	if holdsTerms(term.HeaderSubtag(hdr)) {
		// Copy the fields first (they may allocate), then the object.
		fields := make([]term.Term, n-1)
		for i := range fields {
			fields[i] = Copy(a, t.Word(i+1))
		}
		w := a.Alloc(n)
		w[0] = uint64(hdr)
		copy(w[1:], term.TermsAsWords(fields))
		return term.Box(w)
	}
	switch term.HeaderSubtag(hdr) {
	case term.SubRefcBin:
		bin := t.BitstringBits()
		a.KeepAlive(bin.Data)
		w := a.Alloc(n)
		copy(w, t.Words(n))
		return term.Box(w)
	case term.SubSubBin:
		orig := Copy(a, t.Word(term.SubOrigWord))
		w := a.Alloc(n)
		copy(w, t.Words(n))
		w[term.SubOrigWord] = uint64(orig)
		return term.Box(w)
	case term.SubMatchCtx:
		// A match context never escapes its process; copy the bits it
		// stands for as a sub-binary.
		orig := Copy(a, t.Word(term.CtxOrigWord))
		start := uint(t.Word(term.CtxStartWord))
		end := uint(t.Word(term.CtxEndWord))
		return term.NewSubBinary(a, orig, start, end-start)
	default:
		w := a.Alloc(n)
		copy(w, t.Words(n))
		return term.Box(w)
	}
}

// Size returns the words Copy would allocate for t.
func Size(t term.Term) int {
	n := 0
	for {
		switch t.Primary() {
		case term.PrimaryList:
			n += 2 + Size(t.Head())
			t = t.Tail()
			continue
		case term.PrimaryBoxed:
			hdr := t.Word(0)
			words := 1 + term.HeaderArity(hdr)
			switch sub := term.HeaderSubtag(hdr); {
			case holdsTerms(sub):
				n += words
				for i := 1; i < words; i++ {
					n += Size(t.Word(i))
				}
			case sub == term.SubSubBin:
				n += words + Size(t.Word(term.SubOrigWord))
			case sub == term.SubMatchCtx:
				n += term.SubBinWords + Size(t.Word(term.CtxOrigWord))
			default:
				n += words
			}
		}
		return n
	}
}
