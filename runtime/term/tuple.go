package term

// Tuples: a header with subtag SubTuple and arity n, then the n elements.

// IsTuple reports whether t is a tuple.
func (t Term) IsTuple() bool { return t.Is(SubTuple) }

// TupleArity returns the size of tuple t.
func (t Term) TupleArity() int { return HeaderArity(t.Word(0)) }

// Element returns element i (1-based, as in element/2) of tuple t.
func (t Term) Element(i int) Term { return t.Word(i) }

// TupleElems returns the elements of tuple t as a slice of the heap. It
// aliases the heap: do not keep it across a garbage collection.
func (t Term) TupleElems() []Term {
	n := t.TupleArity()
	w := t.Words(n + 1)
	return wordsAsTerms(w[1:])
}

// NewTuple allocates a tuple of the given elements.
func NewTuple(a Allocator, elems ...Term) Term {
	w := a.Alloc(len(elems) + 1)
	w[0] = uint64(MakeHeader(SubTuple, len(elems)))
	for i, e := range elems {
		w[i+1] = uint64(e)
	}
	return Box(w)
}

// Tuple2 is NewTuple for the common pair, without the slice.
func Tuple2(a Allocator, x, y Term) Term {
	w := a.Alloc(3)
	w[0] = uint64(MakeHeader(SubTuple, 2))
	w[1], w[2] = uint64(x), uint64(y)
	return Box(w)
}

// Tuple3 is NewTuple for a triple.
func Tuple3(a Allocator, x, y, z Term) Term {
	w := a.Alloc(4)
	w[0] = uint64(MakeHeader(SubTuple, 3))
	w[1], w[2], w[3] = uint64(x), uint64(y), uint64(z)
	return Box(w)
}
