package bif

import (
	"slices"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// Map iterators. As in OTP 25, maps:iterator(M) is [0 | M], and maps:next
// returns {K, V, Next} where Next may already hold the following pairs:
// OTP's erts_internal:map_next/3 hands out a flat map's pairs in one nested
// chain {K1, V1, {K2, V2, ... none}}. beamrc does that for every map, so
// the pairs come in term.MapPairs order and each next/1 is O(1) once the
// chain is built. (For hash maps OTP returns batches ending in [Path | M];
// a program sees the same pairs in the same order either way.) OTP walks
// a hash map (more than 32 keys) in the reverse of the order maps:to_list
// gives, so maps:fold and friends see the pairs back to front there;
// mapsIterChain does the same.

func init() {
	emu.Register("maps", "iterator", 1, mapsIterator)
	emu.Register("maps", "next", 1, mapsNext)
}

func mapsIterator(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsMap() {
		return mapsBadmap(p, args[0])
	}
	return term.Cons(p.Heap, term.MakeSmall(0), args[0])
}

func mapsNext(p *emu.Process, args []term.Term) term.Term {
	it := args[0]
	switch {
	case it == libNone:
		return it
	case it.IsTuple() && it.TupleArity() == 3:
		return it
	case it.IsCons() && it.Head().IsSmall() && it.Head().SmallValue() >= 0 && it.Tail().IsMap():
		return mapsIterChain(p, it.Tail(), int(it.Head().SmallValue()))
	}
	return p.Badarg()
}

// mapsIterChain builds {K, V, {K2, V2, ... none}} for the pairs of m from
// index from on, innermost first.
func mapsIterChain(p *emu.Process, m term.Term, from int) term.Term {
	keys, vals := term.MapPairs(m)
	if !m.IsFlatMap() {
		slices.Reverse(keys)
		slices.Reverse(vals)
	}
	chain := libNone
	for i := len(keys) - 1; i >= from; i-- {
		chain = term.Tuple3(p.Heap, keys[i], vals[i], chain)
	}
	return chain
}
