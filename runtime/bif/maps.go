package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// The maps module functions that take no funs; the others are Erlang code
// in runtime/otp/src/maps.erl. A non-map where a map belongs raises
// {badmap, M}, as in OTP.

func init() {
	emu.Register("maps", "get", 2, mapsGet2)
	emu.Register("maps", "get", 3, mapsGet3)
	emu.Register("maps", "find", 2, mapsFind)
	emu.Register("maps", "put", 3, mapsPut)
	emu.Register("maps", "remove", 2, mapsRemove)
	emu.Register("maps", "update", 3, mapsUpdate)
	emu.Register("maps", "merge", 2, mapsMerge)
	emu.Register("maps", "keys", 1, mapsKeys)
	emu.Register("maps", "values", 1, mapsValues)
	emu.Register("maps", "to_list", 1, mapsToList)
	emu.Register("maps", "from_list", 1, mapsFromList)
	emu.Register("maps", "from_keys", 2, mapsFromKeys)
	emu.Register("maps", "size", 1, mapsSize)
	emu.Register("maps", "is_key", 2, mapsIsKey)
	emu.Register("maps", "with", 2, mapsWith)
	emu.Register("maps", "without", 2, mapsWithout)
	emu.Register("maps", "new", 0, mapsNew)
	emu.Register("maps", "take", 2, mapsTake)
	emu.Register("maps", "intersect", 2, mapsIntersect)
}

// mapsBadmap raises {badmap, m}.
func mapsBadmap(p *emu.Process, m term.Term) term.Term {
	return p.ErrorTuple(term.Badmap, m)
}

func mapsGet2(p *emu.Process, args []term.Term) term.Term {
	if !args[1].IsMap() {
		return mapsBadmap(p, args[1])
	}
	v, ok := term.MapGet(args[1], args[0])
	if !ok {
		return p.ErrorTuple(term.Badkey, args[0])
	}
	return v
}

func mapsGet3(p *emu.Process, args []term.Term) term.Term {
	if !args[1].IsMap() {
		return mapsBadmap(p, args[1])
	}
	if v, ok := term.MapGet(args[1], args[0]); ok {
		return v
	}
	return args[2]
}

func mapsFind(p *emu.Process, args []term.Term) term.Term {
	if !args[1].IsMap() {
		return mapsBadmap(p, args[1])
	}
	if v, ok := term.MapGet(args[1], args[0]); ok {
		return term.Tuple2(p.Heap, term.Ok, v)
	}
	return term.AtomError
}

func mapsPut(p *emu.Process, args []term.Term) term.Term {
	if !args[2].IsMap() {
		return mapsBadmap(p, args[2])
	}
	return term.MapPut(p.Heap, args[2], args[0], args[1])
}

func mapsRemove(p *emu.Process, args []term.Term) term.Term {
	if !args[1].IsMap() {
		return mapsBadmap(p, args[1])
	}
	return term.MapRemove(p.Heap, args[1], args[0])
}

func mapsUpdate(p *emu.Process, args []term.Term) term.Term {
	if !args[2].IsMap() {
		return mapsBadmap(p, args[2])
	}
	if _, ok := term.MapGet(args[2], args[0]); !ok {
		return p.ErrorTuple(term.Badkey, args[0])
	}
	return term.MapPut(p.Heap, args[2], args[0], args[1])
}

func mapsMerge(p *emu.Process, args []term.Term) term.Term {
	for _, m := range args {
		if !m.IsMap() {
			return mapsBadmap(p, m)
		}
	}
	if term.MapSize(args[1]) == 0 {
		return args[0]
	}
	if term.MapSize(args[0]) == 0 {
		return args[1]
	}
	k1, v1 := term.MapPairs(args[0])
	k2, v2 := term.MapPairs(args[1])
	return term.MapFromPairs(p.Heap, append(k1, k2...), append(v1, v2...))
}

func mapsKeys(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsMap() {
		return mapsBadmap(p, args[0])
	}
	keys, _ := term.MapPairs(args[0])
	return term.ListFrom(p.Heap, keys)
}

func mapsValues(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsMap() {
		return mapsBadmap(p, args[0])
	}
	_, vals := term.MapPairs(args[0])
	return term.ListFrom(p.Heap, vals)
}

func mapsToList(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsMap() {
		return mapsBadmap(p, args[0])
	}
	return mapsPairList(p, args[0], 0, term.Nil)
}

// mapsPairList builds [{K, V}, ...] of the pairs of m from index from on,
// followed by tail.
func mapsPairList(p *emu.Process, m term.Term, from int, tail term.Term) term.Term {
	keys, vals := term.MapPairs(m)
	if from > len(keys) {
		from = len(keys)
	}
	pairs := make([]term.Term, 0, len(keys)-from)
	for i := from; i < len(keys); i++ {
		pairs = append(pairs, term.Tuple2(p.Heap, keys[i], vals[i]))
	}
	return term.ListWithTail(p.Heap, pairs, tail)
}

func mapsFromList(p *emu.Process, args []term.Term) term.Term {
	var keys, vals []term.Term
	l := args[0]
	for ; l.IsCons(); l = l.Tail() {
		kv := l.Head()
		if !kv.IsTuple() || kv.TupleArity() != 2 {
			return p.Badarg()
		}
		keys = append(keys, kv.Element(1))
		vals = append(vals, kv.Element(2))
	}
	if l != term.Nil {
		return p.Badarg()
	}
	return term.MapFromPairs(p.Heap, keys, vals)
}

func mapsFromKeys(p *emu.Process, args []term.Term) term.Term {
	keys, ok := term.ListToSlice(args[0])
	if !ok {
		return p.Badarg()
	}
	vals := make([]term.Term, len(keys))
	for i := range vals {
		vals[i] = args[1]
	}
	return term.MapFromPairs(p.Heap, keys, vals)
}

func mapsSize(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsMap() {
		return mapsBadmap(p, args[0])
	}
	return term.MakeSmall(int64(term.MapSize(args[0])))
}

func mapsIsKey(p *emu.Process, args []term.Term) term.Term {
	if !args[1].IsMap() {
		return mapsBadmap(p, args[1])
	}
	_, ok := term.MapGet(args[1], args[0])
	return term.Bool(ok)
}

// mapsKeyListArgs checks the (Ks, Map) arguments of with/2 and without/2:
// a map that is fine with a non-list Ks is badarg, as OTP's error_type/1
// says.
func mapsKeyListArgs(p *emu.Process, args []term.Term) ([]term.Term, bool) {
	if !args[1].IsMap() {
		mapsBadmap(p, args[1])
		return nil, false
	}
	if !args[0].IsList() {
		p.Badarg()
		return nil, false
	}
	ks, ok := term.ListToSlice(args[0])
	if !ok {
		libFnClause(p, args)
		return nil, false
	}
	return ks, true
}

func mapsWith(p *emu.Process, args []term.Term) term.Term {
	ks, ok := mapsKeyListArgs(p, args)
	if !ok {
		return term.NonValue
	}
	var keys, vals []term.Term
	for _, k := range ks {
		if v, ok := term.MapGet(args[1], k); ok {
			keys = append(keys, k)
			vals = append(vals, v)
		}
	}
	return term.MapFromPairs(p.Heap, keys, vals)
}

func mapsWithout(p *emu.Process, args []term.Term) term.Term {
	ks, ok := mapsKeyListArgs(p, args)
	if !ok {
		return term.NonValue
	}
	m := args[1]
	drop := ks[:0:0]
	for _, k := range ks {
		if _, ok := term.MapGet(m, k); ok {
			drop = append(drop, k)
		}
	}
	if len(drop) == 0 {
		return m
	}
	keys, vals := term.MapPairs(m)
	out := 0
	for i := range keys {
		if !mapsContains(drop, keys[i]) {
			keys[out], vals[out] = keys[i], vals[i]
			out++
		}
	}
	return term.MapFromPairs(p.Heap, keys[:out], vals[:out])
}

func mapsContains(ks []term.Term, k term.Term) bool {
	for _, x := range ks {
		if term.Equal(x, k) {
			return true
		}
	}
	return false
}

func mapsNew(p *emu.Process, _ []term.Term) term.Term { return term.NewEmptyMap(p.Heap) }

func mapsTake(p *emu.Process, args []term.Term) term.Term {
	if !args[1].IsMap() {
		return mapsBadmap(p, args[1])
	}
	v, ok := term.MapGet(args[1], args[0])
	if !ok {
		return term.AtomError
	}
	return term.Tuple2(p.Heap, v, term.MapRemove(p.Heap, args[1], args[0]))
}

// mapsIntersect keeps the keys of both maps with the values of the second.
// A key's word comes from the smaller map, the first one when they are the
// same size: OTP 25 walks that one and looks each key up in the other, so
// maps:intersect(#{0.0 => a}, #{-0.0 => b}) is #{0.0 => b}.
func mapsIntersect(p *emu.Process, args []term.Term) term.Term {
	for _, m := range args {
		if !m.IsMap() {
			return mapsBadmap(p, m)
		}
	}
	small, big := args[0], args[1]
	if term.MapSize(small) > term.MapSize(big) {
		small, big = big, small
	}
	keys, _ := term.MapPairs(small)
	vals := make([]term.Term, 0, len(keys))
	out := 0
	for _, k := range keys {
		v, ok := term.MapGet(big, k)
		if !ok {
			continue
		}
		if big != args[1] { // the value is the second map's
			v, _ = term.MapGet(args[1], k)
		}
		keys[out] = k
		vals = append(vals, v)
		out++
	}
	return term.MapFromPairs(p.Heap, keys[:out], vals)
}
