package term

// Hash-trie maps (more than MaxFlatMapSize keys).
//
// TODO(maps): replace this placeholder layout with OTP's HAMT and hash so
// that iteration order matches OTP's for large maps.
//
// Placeholder layout: [hdr(SubHashMap, arity 1+2n), small(n), k1, v1, ...]
// with keys in term order.

func hashMapSize(t Term) int { return int(t.Word(1).SmallValue()) }

func hashMapGet(t Term, key Term) (Term, bool) {
	n := hashMapSize(t)
	for i := 0; i < n; i++ {
		if Equal(t.Word(2+2*i), key) {
			return t.Word(3 + 2*i), true
		}
	}
	return NonValue, false
}

func hashMapPairs(t Term) (keys, vals []Term) {
	n := hashMapSize(t)
	for i := 0; i < n; i++ {
		keys = append(keys, t.Word(2+2*i))
		vals = append(vals, t.Word(3+2*i))
	}
	return keys, vals
}

func newHashMap(a Allocator, keys, vals []Term) Term {
	n := len(keys)
	w := a.Alloc(2 + 2*n)
	w[0] = uint64(MakeHeader(SubHashMap, 1+2*n))
	w[1] = uint64(MakeSmall(int64(n)))
	for i := range keys {
		w[2+2*i] = uint64(keys[i])
		w[3+2*i] = uint64(vals[i])
	}
	return Box(w)
}
