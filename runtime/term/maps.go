package term

import "sort"

// Maps of up to MaxFlatMapSize keys are flat:
//
//	[hdr(SubFlatMap, arity 1+n), keys tuple, value 1..n]
//
// with the keys in term order (so lookups can stop early, and printing and
// iteration order match OTP's). Larger maps are hash tries (SubHashMap)
// ordered as OTP orders them; see hashmap.go.

// MaxFlatMapSize is the most keys a flat map holds (OTP's MAP_SMALL_MAP_LIMIT).
const MaxFlatMapSize = 32

// IsMap reports whether t is a map.
func (t Term) IsMap() bool {
	if !t.IsBoxed() {
		return false
	}
	s := HeaderSubtag(t.Word(0))
	return s == SubFlatMap || s == SubHashMap
}

// IsFlatMap reports whether t is a flat map.
func (t Term) IsFlatMap() bool { return t.Is(SubFlatMap) }

// FlatMapKeys returns the keys tuple of flat map t.
func (t Term) FlatMapKeys() Term { return t.Word(1) }

// FlatMapValues returns the values of flat map t (aliasing the heap).
func (t Term) FlatMapValues() []Term {
	n := HeaderArity(t.Word(0)) - 1
	return wordsAsTerms(t.Words(n + 2)[2:])
}

// EmptyMapWords is the heap need of #{}.
const EmptyMapWords = 3

// FlatMapWords returns the heap need of a flat map of n keys.
func FlatMapWords(n int) int { return 2 + n + 1 + n }

// NewEmptyMap allocates #{}.
func NewEmptyMap(a Allocator) Term {
	w := a.Alloc(EmptyMapWords)
	w[0] = uint64(MakeHeader(SubTuple, 0))
	w[1] = uint64(MakeHeader(SubFlatMap, 1))
	w[2] = uint64(Box(w[0:1]))
	return Box(w[1:])
}

// newFlatMap allocates a flat map of the given keys (already sorted and
// unique) and values.
func newFlatMap(a Allocator, keys, vals []Term) Term {
	n := len(keys)
	w := a.Alloc(FlatMapWords(n))
	w[0] = uint64(MakeHeader(SubTuple, n))
	copy(w[1:1+n], TermsAsWords(keys))
	m := w[1+n:]
	m[0] = uint64(MakeHeader(SubFlatMap, 1+n))
	m[1] = uint64(Box(w))
	copy(m[2:], TermsAsWords(vals))
	return Box(m)
}

// MapSize returns the number of keys of map t.
func MapSize(t Term) int {
	if t.IsFlatMap() {
		return HeaderArity(t.Word(0)) - 1
	}
	return hashMapSize(t)
}

// MapGet looks key up in map t.
func MapGet(t Term, key Term) (Term, bool) {
	if t.IsFlatMap() {
		keys := t.FlatMapKeys().TupleElems()
		i := sort.Search(len(keys), func(i int) bool { return Compare(keys[i], key) >= 0 })
		if i < len(keys) && Equal(keys[i], key) {
			return t.FlatMapValues()[i], true
		}
		return NonValue, false
	}
	return hashMapGet(t, key)
}

// MapPairs returns the keys and values of map t in OTP's iteration order
// (the order of maps:to_list/1). The slices are fresh; the terms are not.
func MapPairs(t Term) (keys, vals []Term) {
	if t.IsFlatMap() {
		keys = append([]Term(nil), t.FlatMapKeys().TupleElems()...)
		vals = append([]Term(nil), t.FlatMapValues()...)
		return keys, vals
	}
	return hashMapPairs(t)
}

// MapFromPairs builds a map of the given keys and values; a later
// duplicate key wins, as in maps:from_list/1.
func MapFromPairs(a Allocator, keys, vals []Term) Term {
	ks, vs := sortUniquePairs(keys, vals)
	if len(ks) <= MaxFlatMapSize {
		return newFlatMap(a, ks, vs)
	}
	return newHashMap(a, ks, vs)
}

// MapPut returns map t with key set to val.
func MapPut(a Allocator, t Term, key, val Term) Term {
	keys, vals := MapPairs(t)
	return MapFromPairs(a, append(keys, key), append(vals, val))
}

// MapRemove returns map t without key.
func MapRemove(a Allocator, t Term, key Term) Term {
	if _, ok := MapGet(t, key); !ok {
		return t
	}
	keys, vals := MapPairs(t)
	out := 0
	for i := range keys {
		if !Equal(keys[i], key) {
			keys[out], vals[out] = keys[i], vals[i]
			out++
		}
	}
	return MapFromPairs(a, keys[:out], vals[:out])
}

// sortUniquePairs sorts pairs by key in term order, keeping the last of
// equal keys.
func sortUniquePairs(keys, vals []Term) ([]Term, []Term) {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return Compare(keys[idx[i]], keys[idx[j]]) < 0 })
	ks := make([]Term, 0, len(keys))
	vs := make([]Term, 0, len(keys))
	for _, i := range idx {
		if n := len(ks); n > 0 && Equal(ks[n-1], keys[i]) {
			vs[n-1] = vals[i]
			continue
		}
		ks = append(ks, keys[i])
		vs = append(vs, vals[i])
	}
	return ks, vs
}
