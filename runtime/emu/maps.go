package emu

import (
	"sort"

	"github.com/beamrc/beamrc/runtime/term"
)

// putMap implements put_map_assoc and put_map_exact:
//
//	put_map_assoc Fail Src Dst Live [K1, V1, ...]
//
// put_map_exact fails ({badkey, K}) unless every key is in Src already.
func (p *Process) putMap(in *instr, pc int) int {
	if !p.Heap.HasRoom(0) {
		p.gc(0, int(in.n1), nil)
	}
	src := p.load(&in.a)
	if !src.IsMap() {
		if in.fail != 0 {
			return int(in.fail)
		}
		return p.raiseAt(pc, ClassError, term.Tuple2(p.Heap, term.Badmap, src))
	}
	n := len(in.list) / 2
	m := src
	if in.op == iPutMapExact {
		for i := 0; i < n; i++ {
			k := p.load(&in.list[2*i])
			r, ok := term.MapUpdate(p.Heap, m, k, p.load(&in.list[2*i+1]))
			if !ok {
				if in.fail != 0 {
					return int(in.fail)
				}
				return p.raiseAt(pc, ClassError, term.Tuple2(p.Heap, term.Badkey, k))
			}
			m = r
		}
		p.store(&in.b, m)
		return pc + 1
	}
	if n == 1 {
		p.store(&in.b, term.MapPut(p.Heap, m, p.load(&in.list[0]), p.load(&in.list[1])))
		return pc + 1
	}
	keys := make([]term.Term, n)
	vals := make([]term.Term, n)
	for i := 0; i < n; i++ {
		keys[i] = p.load(&in.list[2*i])
		vals[i] = p.load(&in.list[2*i+1])
	}
	p.store(&in.b, term.MapPutPairs(p.Heap, m, keys, vals))
	return pc + 1
}

// sortMapPairs orders put_map_assoc/exact's key-value operands by key, in
// the order of a flat map's keys, when every key is a constant: OTP 25's
// loader does so, and put_map_exact then reports the first missing key in
// that order (M#{0.0 := V, 1 := V} on #{} fails with {badkey,1}, as
// integers come before floats).
func sortMapPairs(list []operand) []operand {
	n := len(list) / 2
	for i := 0; i < n; i++ {
		if list[2*i].kind != kConst {
			return list
		}
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		return term.CompareExact(list[2*idx[i]].t, list[2*idx[j]].t) < 0
	})
	out := make([]operand, 0, len(list))
	for _, i := range idx {
		out = append(out, list[2*i], list[2*i+1])
	}
	return out
}

// shareNewMapKeys gives a put_map_assoc into #{} with at most 32 keys, all
// constants, the keys of the first such instruction of the module whose
// keys are =:= to its own. OTP 25's loader makes such a map's keys tuple a
// literal and shares it with an earlier =:= one of the module (=:= holds
// between 0.0 and -0.0 in OTP 25), so #{-0.0 => V, a => V} shows 0.0 when
// #{0.0 => W, a => W} comes first in the module, and the other way round.
// list is sorted (sortMapPairs).
func (t *translator) shareNewMapKeys(src operand, list []operand) {
	n := len(list) / 2
	if src.kind != kConst || !src.t.IsMap() || term.MapSize(src.t) != 0 || n == 0 || n > term.MaxFlatMapSize {
		return
	}
	for i := 0; i < n; i++ {
		if list[2*i].kind != kConst {
			return
		}
	}
next:
	for _, keys := range t.newMapKeys {
		if len(keys) != n {
			continue
		}
		for i, k := range keys {
			if term.CompareExact(k, list[2*i].t) != 0 {
				continue next
			}
		}
		for i, k := range keys {
			list[2*i].t = k
		}
		return
	}
	keys := make([]term.Term, n)
	for i := range keys {
		keys[i] = list[2*i].t
	}
	t.newMapKeys = append(t.newMapKeys, keys)
}

// getMapElements: get_map_elements Fail Src [K1, Dst1, ...]. Every value
// is read before any destination is written (a destination may be Src).
func (p *Process) getMapElements(in *instr, pc int) int {
	src := p.load(&in.a)
	if !src.IsMap() {
		return int(in.fail)
	}
	n := len(in.list) / 2
	var buf [8]term.Term
	vals := buf[:0]
	if n > len(buf) {
		vals = make([]term.Term, 0, n)
	}
	for i := 0; i < n; i++ {
		v, ok := term.MapGet(src, p.load(&in.list[2*i]))
		if !ok {
			return int(in.fail)
		}
		vals = append(vals, v)
	}
	for i, v := range vals {
		p.store(&in.list[2*i+1], v)
	}
	return pc + 1
}

func (p *Process) hasMapFields(in *instr, pc int) int {
	src := p.load(&in.a)
	if !src.IsMap() {
		return int(in.fail)
	}
	for i := range in.list {
		if _, ok := term.MapGet(src, p.load(&in.list[i])); !ok {
			return int(in.fail)
		}
	}
	return pc + 1
}

// updateRecord: update_record Hint Size Src Dst [Index1, Value1, ...]
// copies the tuple Src with the given (1-based) elements replaced.
func (p *Process) updateRecord(in *instr) {
	src := p.load(&in.a)
	n := src.TupleArity()
	w := p.Heap.Alloc(n + 1)
	copy(w, src.Words(n+1))
	for i := 0; i+1 < len(in.list); i += 2 {
		idx := int(in.list[i].t.SmallValue())
		w[idx] = uint64(p.load(&in.list[i+1]))
	}
	p.store(&in.b, term.Box(w))
}
