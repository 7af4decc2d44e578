package term

import (
	"math/bits"
	"slices"
)

// Maps of more than MaxFlatMapSize keys are hash array mapped tries, as in
// OTP (erts/emulator/beam/erl_map.c). Every node of the trie is
//
//	[hdr(SubHashMap, arity 2+n), small(size), small(bitmap), child 1..n]
//
// where bit i of the bitmap says that slot i (0..15) holds a child, the
// children are stored in slot order, and size is the number of keys under
// the node. A child is a leaf, a cons cell [Key|Value], or another node.
// Unlike OTP, every node carries its size and the bitmap is a small
// integer rather than part of the header: the collector requires every
// word after a SubHashMap header to be a term, and the sizes let MapAt
// find the i-th pair without a walk. OTP's full root ("head array") is
// simply a node whose bitmap is 0xFFFF.
//
// A key's slot at level L is bits 4L..4L+3 of its hash; after eight levels
// the 32 bits are used up and the key is rehashed with salt L div 8 (OTP's
// hashmap_shift_hash). The hash is OTP's make_internal_hash (hash.go).
//
// A leaf sits at the shallowest level where no other key shares its slot
// path, so the trie is a function of its key set. Its order, whatever the
// shape: walking the slots upwards (maps:iterator/1, maps:fold/3, and the
// printing of maps) sorts the keys by the 4-bit digits of their hashes,
// lowest digit first; maps:to_list/1, maps:keys/1 and term_to_binary/1
// give the reverse of that.

// hashLevelBits is how many hash bits select a slot at one level.
const hashLevelBits = 4

// keyHash returns the hash bits that choose key's slots from level lvl on.
func keyHash(key Term, lvl int) uint32 {
	return mapHash(key, lvl>>3) >> (hashLevelBits * (lvl & 7))
}

// mapHash is the hash of key for levels 8*depth .. 8*depth+7 (OTP's
// make_map_hash): the internal hash salted with a hash of the depth.
func mapHash(key Term, depth int) uint32 {
	var salt uint32
	if depth > 0 {
		salt = hash2(0, uint32(depth), 1, hconst22)
	}
	return internalHash(key, salt)
}

// nextHash moves h, the hash bits of key at level lvl, to level lvl+1.
func nextHash(h uint32, lvl int, key Term) uint32 {
	if (lvl+1)&7 != 0 {
		return h >> hashLevelBits
	}
	return mapHash(key, (lvl+1)>>3)
}

func nodeSize(n Term) int          { return int(n.Word(1).SmallValue()) }
func nodeBitmap(n Term) uint32     { return uint32(n.Word(2).SmallValue()) }
func nodeArity(n Term) int         { return HeaderArity(n.Word(0)) - 2 }
func nodeChild(n Term, i int) Term { return n.Word(3 + i) }

// nodeWords is the heap need of a node of n children.
func nodeWords(n int) int { return 3 + n }

// newNode allocates a node with room for n children, which the caller
// fills in at w[3:].
func newNode(a Allocator, size int, bitmap uint32, n int) []uint64 {
	w := a.Alloc(nodeWords(n))
	w[0] = uint64(MakeHeader(SubHashMap, 2+n))
	w[1] = uint64(MakeSmall(int64(size)))
	w[2] = uint64(MakeSmall(int64(bitmap)))
	return w
}

func hashMapSize(t Term) int { return nodeSize(t) }

func hashMapGet(m Term, key Term) (Term, bool) {
	h := keyHash(key, 0)
	for lvl := 0; ; lvl++ {
		bm := nodeBitmap(m)
		bit := uint32(1) << (h & 0xF)
		if bm&bit == 0 {
			return NonValue, false
		}
		c := nodeChild(m, bits.OnesCount32(bm&(bit-1)))
		if c.IsCons() {
			if k := c.Head(); k == key || Equal(k, key) {
				return c.Tail(), true
			}
			return NonValue, false
		}
		m = c
		h = nextHash(h, lvl, key)
	}
}

// hamtPut returns node with key set to val. h is key's hash at level lvl.
// It returns node itself when nothing changes, and reports whether the key
// is new.
func hamtPut(a Allocator, node Term, key, val Term, h uint32, lvl int, update bool) (Term, bool) {
	bm := nodeBitmap(node)
	bit := uint32(1) << (h & 0xF)
	idx := bits.OnesCount32(bm & (bit - 1))
	size := nodeSize(node)
	if bm&bit == 0 {
		if update {
			return NonValue, false
		}
		return nodeInsert(a, node, idx, bm|bit, size+1, Cons(a, key, val)), true
	}
	c := nodeChild(node, idx)
	if c.IsCons() {
		if k := c.Head(); k == key || Equal(k, key) {
			// Only the very same word keeps the node: a value merely
			// =:= to the old one is stored (OTP 25 has 0.0 =:= -0.0, and
			// M#{K := -0.0} shows -0.0).
			if c.Tail() == val {
				return node, false
			}
			// The new key replaces the old one, as in OTP: they differ
			// only if they are 0.0 and -0.0.
			return nodeReplace(a, node, idx, size, Cons(a, key, val)), false
		}
		if update {
			return NonValue, false
		}
		old := c.Head()
		sub := hamtPair(a, c, keyHash(old, lvl+1), old, Cons(a, key, val), nextHash(h, lvl, key), key, lvl+1)
		return nodeReplace(a, node, idx, size+1, sub), true
	}
	sub, added := hamtPut(a, c, key, val, nextHash(h, lvl, key), lvl+1, update)
	if sub == c || sub == NonValue {
		return sub2node(sub, node), false
	}
	if added {
		size++
	}
	return nodeReplace(a, node, idx, size, sub), added
}

// sub2node passes on "absent" (NonValue) and "unchanged" results.
func sub2node(sub, node Term) Term {
	if sub == NonValue {
		return NonValue
	}
	return node
}

// hamtPair builds the subtree at level lvl that holds leaves x and y,
// whose keys' hashes at that level are hx and hy.
func hamtPair(a Allocator, x Term, hx uint32, kx Term, y Term, hy uint32, ky Term, lvl int) Term {
	sx, sy := hx&0xF, hy&0xF
	if sx == sy {
		sub := hamtPair(a, x, nextHash(hx, lvl, kx), kx, y, nextHash(hy, lvl, ky), ky, lvl+1)
		w := newNode(a, 2, 1<<sx, 1)
		w[3] = uint64(sub)
		return Box(w)
	}
	if sx > sy {
		x, y, sx, sy = y, x, sy, sx
	}
	w := newNode(a, 2, 1<<sx|1<<sy, 2)
	w[3], w[4] = uint64(x), uint64(y)
	return Box(w)
}

// nodeReplace copies node with child idx replaced.
func nodeReplace(a Allocator, node Term, idx, size int, child Term) Term {
	n := nodeArity(node)
	w := newNode(a, size, nodeBitmap(node), n)
	copy(w[3:], node.Words(3 + n)[3:])
	w[3+idx] = uint64(child)
	return Box(w)
}

// nodeInsert copies node with a child inserted at idx.
func nodeInsert(a Allocator, node Term, idx int, bitmap uint32, size int, child Term) Term {
	n := nodeArity(node)
	old := node.Words(3 + n)[3:]
	w := newNode(a, size, bitmap, n+1)
	copy(w[3:3+idx], old[:idx])
	w[3+idx] = uint64(child)
	copy(w[4+idx:], old[idx:])
	return Box(w)
}

// hamtRemove returns node without key (NonValue if that leaves it empty)
// and whether key was there. A node left with a single leaf is replaced by
// the leaf, which keeps every leaf at its shallowest level.
func hamtRemove(a Allocator, node Term, key Term, h uint32, lvl int) (Term, bool) {
	bm := nodeBitmap(node)
	bit := uint32(1) << (h & 0xF)
	if bm&bit == 0 {
		return node, false
	}
	idx := bits.OnesCount32(bm & (bit - 1))
	c := nodeChild(node, idx)
	var sub Term
	if c.IsCons() {
		if k := c.Head(); k != key && !Equal(k, key) {
			return node, false
		}
		sub = NonValue
	} else {
		var found bool
		sub, found = hamtRemove(a, c, key, nextHash(h, lvl, key), lvl+1)
		if !found {
			return node, false
		}
		if sub != NonValue && nodeSize(sub) == 1 && nodeChild(sub, 0).IsCons() {
			sub = nodeChild(sub, 0)
		}
	}
	size := nodeSize(node) - 1
	if sub != NonValue {
		return nodeReplace(a, node, idx, size, sub), true
	}
	n := nodeArity(node)
	if n == 1 {
		return NonValue, true
	}
	old := node.Words(3 + n)[3:]
	w := newNode(a, size, bm&^bit, n-1)
	copy(w[3:3+idx], old[:idx])
	copy(w[3+idx:], old[idx+1:])
	return Box(w), true
}

// hamtIterate calls f on the pairs under node in slot order (maps:iterator
// order) until f returns false.
func hamtIterate(node Term, f func(k, v Term) bool) bool {
	n := nodeArity(node)
	for i := 0; i < n; i++ {
		c := nodeChild(node, i)
		if c.IsCons() {
			if !f(c.Head(), c.Tail()) {
				return false
			}
		} else if !hamtIterate(c, f) {
			return false
		}
	}
	return true
}

// hamtIterateReverse is hamtIterate backwards (maps:to_list order).
func hamtIterateReverse(node Term, f func(k, v Term) bool) bool {
	for i := nodeArity(node) - 1; i >= 0; i-- {
		c := nodeChild(node, i)
		if c.IsCons() {
			if !f(c.Head(), c.Tail()) {
				return false
			}
		} else if !hamtIterateReverse(c, f) {
			return false
		}
	}
	return true
}

// hamtAt returns the i-th pair in iteration order.
func hamtAt(node Term, i int) (Term, Term) {
	for {
		n := nodeArity(node)
		for j := 0; j < n; j++ {
			c := nodeChild(node, j)
			if c.IsCons() {
				if i == 0 {
					return c.Head(), c.Tail()
				}
				i--
				continue
			}
			if s := nodeSize(c); i >= s {
				i -= s
				continue
			}
			node = c
			break
		}
	}
}

// hentry is a pair on its way into a trie.
type hentry struct {
	order uint32 // the level 0..7 slot digits, first level in the top bits
	key   Term
	val   Term
}

// digitOrder turns a hash into a number that sorts as the hash's slot
// digits do, lowest digit first.
func digitOrder(h uint32) uint32 {
	r := bits.ReverseBytes32(h)
	return (r&0x0F0F0F0F)<<4 | (r>>4)&0x0F0F0F0F
}

// buildHashMap builds a map of the given pairs, a later duplicate key
// winning. It sorts the pairs into trie order and builds the trie bottom
// up, which is far cheaper than inserting them one at a time.
func buildHashMap(a Allocator, keys, vals []Term) Term {
	es := make([]hentry, len(keys))
	for i, k := range keys {
		es[i] = hentry{digitOrder(internalHash(k, 0)), k, vals[i]}
	}
	es = radixSortEntries(es)
	es = settleTies(es)
	if len(es) <= MaxFlatMapSize {
		ks := make([]Term, len(es))
		vs := make([]Term, len(es))
		for i, e := range es {
			ks[i], vs[i] = e.key, e.val
		}
		ks, vs = sortUniquePairs(ks, vs)
		return newFlatMap(a, ks, vs)
	}
	return buildNode(a, es, 0)
}

// radixSortEntries sorts es by order, stably (so that of equal keys the
// later stays later).
func radixSortEntries(es []hentry) []hentry {
	if len(es) < 256 {
		slices.SortStableFunc(es, func(x, y hentry) int {
			return compareUint(uint64(x.order), uint64(y.order))
		})
		return es
	}
	tmp := make([]hentry, len(es))
	for shift := 0; shift < 32; shift += 8 {
		var count [257]int
		for i := range es {
			count[(es[i].order>>shift)&0xFF+1]++
		}
		for i := 1; i < 257; i++ {
			count[i] += count[i-1]
		}
		for i := range es {
			b := (es[i].order >> shift) & 0xFF
			tmp[count[b]] = es[i]
			count[b]++
		}
		es, tmp = tmp, es
	}
	return es
}

// settleTies removes duplicate keys (the last one wins) and orders keys
// whose first 32 hash bits are equal by their deeper hashes.
func settleTies(es []hentry) []hentry {
	out := es[:0]
	for i := 0; i < len(es); {
		j := i + 1
		for j < len(es) && es[j].order == es[i].order {
			j++
		}
		if j == i+1 {
			out = append(out, es[i])
			i = j
			continue
		}
		run := es[i:j]
		// Keep the last of equal keys, in the place of the first.
		uniq := make([]hentry, 0, len(run))
	next:
		for _, e := range run {
			for u := range uniq {
				if Equal(uniq[u].key, e.key) {
					uniq[u] = e
					continue next
				}
			}
			uniq = append(uniq, e)
		}
		slices.SortFunc(uniq, func(x, y hentry) int { return compareDeep(x.key, y.key, 8) })
		out = append(out, uniq...)
		i = j
	}
	return out
}

// compareDeep orders two distinct keys by their slot digits from level lvl.
func compareDeep(x, y Term, lvl int) int {
	for ; ; lvl += 8 {
		hx, hy := digitOrder(keyHash(x, lvl)), digitOrder(keyHash(y, lvl))
		if hx != hy {
			return compareUint(uint64(hx), uint64(hy))
		}
	}
}

// slotAt returns e's slot at level lvl.
func (e *hentry) slotAt(lvl int) uint32 {
	if lvl < 8 {
		return (e.order >> (28 - hashLevelBits*lvl)) & 0xF
	}
	return keyHash(e.key, lvl) & 0xF
}

// buildNode builds the node at level lvl of the sorted, unique entries es.
func buildNode(a Allocator, es []hentry, lvl int) Term {
	var bitmap uint32
	n := 0
	for i := 0; i < len(es); {
		s := es[i].slotAt(lvl)
		bitmap |= 1 << s
		n++
		i++
		for i < len(es) && es[i].slotAt(lvl) == s {
			i++
		}
	}
	w := newNode(a, len(es), bitmap, n)
	c := 3
	for i := 0; i < len(es); {
		s := es[i].slotAt(lvl)
		j := i + 1
		for j < len(es) && es[j].slotAt(lvl) == s {
			j++
		}
		if j == i+1 {
			w[c] = uint64(Cons(a, es[i].key, es[i].val))
		} else {
			w[c] = uint64(buildNode(a, es[i:j], lvl+1))
		}
		c++
		i = j
	}
	return Box(w)
}
