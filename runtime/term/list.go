package term

import "unsafe"

// Lists: a cons cell is two words, head then tail; a list term points at
// the head word.

// Head returns the head of cons t.
func (t Term) Head() Term { return Term(*t.Ptr()) }

// Tail returns the tail of cons t.
func (t Term) Tail() Term { return t.Word(1) }

// Cons allocates [head | tail].
func Cons(a Allocator, head, tail Term) Term {
	w := a.Alloc(2)
	w[0], w[1] = uint64(head), uint64(tail)
	return ConsOf(w)
}

// ListFrom builds a proper list of elems with one allocation.
func ListFrom(a Allocator, elems []Term) Term {
	return ListWithTail(a, elems, Nil)
}

// ListWithTail builds elems followed by tail ([e1, ..., en | tail]).
func ListWithTail(a Allocator, elems []Term, tail Term) Term {
	if len(elems) == 0 {
		return tail
	}
	w := a.Alloc(2 * len(elems))
	for i := len(elems) - 1; i >= 0; i-- {
		w[2*i] = uint64(elems[i])
		w[2*i+1] = uint64(tail)
		tail = ConsOf(w[2*i:])
	}
	return tail
}

// ListLength returns the length of a proper list, or -1 if t is not one.
func ListLength(t Term) int {
	n := 0
	for t.IsCons() {
		n++
		t = t.Tail()
	}
	if t != Nil {
		return -1
	}
	return n
}

// ListToSlice returns the elements of a proper list, or ok=false if t is not
// a proper list.
func ListToSlice(t Term) (elems []Term, ok bool) {
	for t.IsCons() {
		elems = append(elems, t.Head())
		t = t.Tail()
	}
	return elems, t == Nil
}

func wordsAsTerms(w []uint64) []Term {
	if len(w) == 0 {
		return nil
	}
	return unsafe.Slice((*Term)(unsafe.Pointer(&w[0])), len(w))
}

// TermsAsWords views terms as raw words (for copying into a heap).
func TermsAsWords(ts []Term) []uint64 {
	if len(ts) == 0 {
		return nil
	}
	return unsafe.Slice((*uint64)(unsafe.Pointer(&ts[0])), len(ts))
}
