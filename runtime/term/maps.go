package term

import "sort"

// Maps of up to MaxFlatMapSize keys are flat:
//
//	[hdr(SubFlatMap, arity 1+n), keys tuple, value 1..n]
//
// with the keys in exact term order (1 before 1.0), as in OTP, which is
// also the order of every way of listing them. Larger maps are hash tries
// (SubHashMap, see hashmap.go). A map is flat exactly when it has at most
// MaxFlatMapSize keys: OTP turns a flat map that grows past that into a
// trie and a trie that shrinks back to it into a flat map, and so does
// beamrc, since the two list their keys in different orders.
//
// Two orders matter for large maps: maps:to_list/1 (and maps:keys/1,
// maps:values/1, term_to_binary/1) is MapPairs's, and maps:iterator/1 (and
// maps:fold/3, maps:foreach/2, io:format's printing of maps) is
// MapIterate's. For flat maps both are the key order.

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

// flatMapFind returns the index of key in flat map t, or where it would go
// and false.
func flatMapFind(t Term, key Term) (int, bool) {
	keys := t.FlatMapKeys().TupleElems()
	if key.IsImmediate() {
		// An immediate is =:= only to the very same word, and a scan of
		// at most 32 words beats a binary search that compares by type.
		for i, k := range keys {
			if k == key {
				return i, true
			}
		}
	}
	lo, hi := 0, len(keys)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		c := CompareExact(keys[mid], key)
		if c == 0 {
			return mid, true
		}
		if c < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, false
}

// MapGet looks key up in map t.
func MapGet(t Term, key Term) (Term, bool) {
	if t.IsFlatMap() {
		if i, ok := flatMapFind(t, key); ok {
			return t.FlatMapValues()[i], true
		}
		return NonValue, false
	}
	return hashMapGet(t, key)
}

// MapPairs returns the keys and values of map t in the order of
// maps:to_list/1. The slices are fresh; the terms are not.
func MapPairs(t Term) (keys, vals []Term) {
	if t.IsFlatMap() {
		keys = append([]Term(nil), t.FlatMapKeys().TupleElems()...)
		vals = append([]Term(nil), t.FlatMapValues()...)
		return keys, vals
	}
	n := hashMapSize(t)
	keys = make([]Term, 0, n)
	vals = make([]Term, 0, n)
	hamtIterateReverse(t, func(k, v Term) bool {
		keys = append(keys, k)
		vals = append(vals, v)
		return true
	})
	return keys, vals
}

// MapIterate calls f on the pairs of map t in the order of maps:iterator/1
// and maps:fold/3 until f returns false.
func MapIterate(t Term, f func(k, v Term) bool) { mapIterate(t, f) }

// MapIterateList calls f on the pairs of map t in the order of
// maps:to_list/1 until f returns false.
func MapIterateList(t Term, f func(k, v Term) bool) {
	if !t.IsFlatMap() {
		hamtIterateReverse(t, f)
		return
	}
	mapIterate(t, f)
}

func mapIterate(t Term, f func(k, v Term) bool) {
	if !t.IsFlatMap() {
		hamtIterate(t, f)
		return
	}
	keys := t.FlatMapKeys().TupleElems()
	vals := t.FlatMapValues()
	for i := range keys {
		if !f(keys[i], vals[i]) {
			return
		}
	}
}

// mapIterateReverseList calls f on the pairs of t in the reverse of
// maps:to_list/1 order.
func mapIterateReverseList(t Term, f func(k, v Term) bool) {
	if !t.IsFlatMap() {
		hamtIterate(t, f)
		return
	}
	keys := t.FlatMapKeys().TupleElems()
	vals := t.FlatMapValues()
	for i := len(keys) - 1; i >= 0; i-- {
		if !f(keys[i], vals[i]) {
			return
		}
	}
}

// MapAt returns the i-th pair (0 <= i < MapSize(t)) of map t in
// MapIterate's order, in O(log n) for a large map: an iterator over a map
// can be a position.
func MapAt(t Term, i int) (k, v Term) {
	if t.IsFlatMap() {
		return t.FlatMapKeys().Element(i + 1), t.FlatMapValues()[i]
	}
	return hamtAt(t, i)
}

// MapFromPairs builds a map of the given keys and values; a later
// duplicate key wins, as in maps:from_list/1.
func MapFromPairs(a Allocator, keys, vals []Term) Term {
	if len(keys) <= MaxFlatMapSize {
		ks, vs := sortUniquePairs(keys, vals)
		return newFlatMap(a, ks, vs)
	}
	return buildHashMap(a, keys, vals)
}

// MapPut returns map t with key set to val (maps:put/3). It returns t
// itself when key is there with a value =:= val already.
func MapPut(a Allocator, t Term, key, val Term) Term {
	if !t.IsFlatMap() {
		m, _ := hamtPut(a, t, key, val, keyHash(key, 0), 0, false)
		return m
	}
	i, found := flatMapFind(t, key)
	if found {
		return flatMapSetValue(a, t, i, val)
	}
	n := MapSize(t)
	keys := t.FlatMapKeys().TupleElems()
	vals := t.FlatMapValues()
	if n+1 > MaxFlatMapSize {
		ks := make([]Term, 0, n+1)
		vs := make([]Term, 0, n+1)
		ks = append(append(ks, keys...), key)
		vs = append(append(vs, vals...), val)
		return buildHashMap(a, ks, vs)
	}
	// Insert at i: a new keys tuple and a new map, in one allocation.
	w := a.Alloc(FlatMapWords(n + 1))
	w[0] = uint64(MakeHeader(SubTuple, n+1))
	kw := TermsAsWords(keys)
	copy(w[1:1+i], kw[:i])
	w[1+i] = uint64(key)
	copy(w[2+i:2+n], kw[i:])
	m := w[2+n:]
	m[0] = uint64(MakeHeader(SubFlatMap, 2+n))
	m[1] = uint64(Box(w))
	vw := TermsAsWords(vals)
	copy(m[2:2+i], vw[:i])
	m[2+i] = uint64(val)
	copy(m[3+i:], vw[i:])
	return Box(m)
}

// MapPutPairs returns map t with every key set to its value, as one
// put_map_assoc instruction does. A key already in a flat map keeps the
// word that is there (OTP 25 merges the instruction's keys into the flat
// map's keys tuple, keeping the old one when they compare equal: #{0.0 =>
// 1}#{-0.0 => 2, a => 3} shows 0.0), so this is not the same as building
// a map from both lists of pairs.
func MapPutPairs(a Allocator, t Term, keys, vals []Term) Term {
	if !t.IsFlatMap() {
		for i := range keys {
			t = MapPut(a, t, keys[i], vals[i])
		}
		return t
	}
	var newKeys, newVals []Term
	for i, k := range keys {
		if j, found := flatMapFind(t, k); found {
			t = flatMapSetValue(a, t, j, vals[i])
			continue
		}
		newKeys = append(newKeys, k)
		newVals = append(newVals, vals[i])
	}
	if len(newKeys) == 0 {
		return t
	}
	if len(newKeys) == 1 {
		return MapPut(a, t, newKeys[0], newVals[0])
	}
	ks, vs := MapPairs(t)
	return MapFromPairs(a, append(ks, newKeys...), append(vs, newVals...))
}

// flatMapSetValue returns flat map t with value i replaced. The new map
// shares t's keys tuple (and t's key: of 0.0 and -0.0 the one already in a
// flat map stays, as in OTP). t itself is the result only when the value
// is the very same word: a value merely =:= to the old one is stored (OTP
// 25 has 0.0 =:= -0.0, and M#{K := -0.0} shows -0.0). Native code's
// put_map fast path keeps the same rule.
func flatMapSetValue(a Allocator, t Term, i int, val Term) Term {
	vals := t.FlatMapValues()
	if vals[i] == val {
		return t
	}
	n := len(vals)
	m := a.Alloc(2 + n)
	m[0] = uint64(MakeHeader(SubFlatMap, 1+n))
	m[1] = uint64(t.FlatMapKeys())
	copy(m[2:], TermsAsWords(vals))
	m[2+i] = uint64(val)
	return Box(m)
}

// MapUpdate returns map t with the value of key, which must be there, set
// to val (maps:update/3, the := of map syntax). It reports false, and
// allocates nothing, when key is not in t.
func MapUpdate(a Allocator, t Term, key, val Term) (Term, bool) {
	if !t.IsFlatMap() {
		m, _ := hamtPut(a, t, key, val, keyHash(key, 0), 0, true)
		return m, m != NonValue
	}
	i, found := flatMapFind(t, key)
	if !found {
		return NonValue, false
	}
	return flatMapSetValue(a, t, i, val), true
}

// MapRemove returns map t without key; t itself if key is not there.
func MapRemove(a Allocator, t Term, key Term) Term {
	if !t.IsFlatMap() {
		m, found := hamtRemove(a, t, key, keyHash(key, 0), 0)
		if !found {
			return t
		}
		if MapSize(m) > MaxFlatMapSize {
			return m
		}
		keys, vals := MapPairs(m)
		ks, vs := sortUniquePairs(keys, vals)
		return newFlatMap(a, ks, vs)
	}
	i, found := flatMapFind(t, key)
	if !found {
		return t
	}
	keys := t.FlatMapKeys().TupleElems()
	vals := t.FlatMapValues()
	n := len(keys) - 1
	w := a.Alloc(FlatMapWords(n))
	w[0] = uint64(MakeHeader(SubTuple, n))
	kw := TermsAsWords(keys)
	copy(w[1:1+i], kw[:i])
	copy(w[1+i:1+n], kw[i+1:])
	m := w[1+n:]
	m[0] = uint64(MakeHeader(SubFlatMap, 1+n))
	m[1] = uint64(Box(w))
	vw := TermsAsWords(vals)
	copy(m[2:2+i], vw[:i])
	copy(m[2+i:], vw[i+1:])
	return Box(m)
}

// MapBuilder collects pairs for a map and builds it in one go, much faster
// than one MapPut per pair for large maps. The zero value is ready to use.
type MapBuilder struct {
	keys, vals []Term
}

// Put adds a pair; a later pair with an equal key wins.
func (b *MapBuilder) Put(key, val Term) {
	b.keys = append(b.keys, key)
	b.vals = append(b.vals, val)
}

// Len returns the number of pairs put so far (duplicates included).
func (b *MapBuilder) Len() int { return len(b.keys) }

// Build returns the map and empties the builder.
func (b *MapBuilder) Build(a Allocator) Term {
	m := MapFromPairs(a, b.keys, b.vals)
	b.keys, b.vals = b.keys[:0], b.vals[:0]
	return m
}

// sortUniquePairs sorts pairs by key in exact term order, keeping the last
// of equal keys.
func sortUniquePairs(keys, vals []Term) ([]Term, []Term) {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return CompareExact(keys[idx[i]], keys[idx[j]]) < 0 })
	ks := make([]Term, 0, len(keys))
	vs := make([]Term, 0, len(keys))
	for _, i := range idx {
		if n := len(ks); n > 0 && Equal(ks[n-1], keys[i]) {
			ks[n-1], vs[n-1] = keys[i], vals[i]
			continue
		}
		ks = append(ks, keys[i])
		vs = append(vs, vals[i])
	}
	return ks, vs
}
