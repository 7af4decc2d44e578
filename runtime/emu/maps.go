package emu

import (
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
	if in.op == iPutMapExact {
		for i := 0; i < n; i++ {
			k := p.load(&in.list[2*i])
			if _, ok := term.MapGet(src, k); !ok {
				if in.fail != 0 {
					return int(in.fail)
				}
				return p.raiseAt(pc, ClassError, term.Tuple2(p.Heap, term.Badkey, k))
			}
		}
	}
	// Fast path: one key already present in a flat map with the same
	// value, or updates of existing keys: copy the values, share the keys.
	if src.IsFlatMap() {
		if m, ok := p.updateFlatMap(src, in.list); ok {
			p.store(&in.b, m)
			return pc + 1
		}
	}
	keys, vals := term.MapPairs(src)
	for i := 0; i < n; i++ {
		keys = append(keys, p.load(&in.list[2*i]))
		vals = append(vals, p.load(&in.list[2*i+1]))
	}
	p.store(&in.b, term.MapFromPairs(p.Heap, keys, vals))
	return pc + 1
}

// updateFlatMap updates existing keys of a flat map without rebuilding its
// key tuple; ok is false if a key is new.
func (p *Process) updateFlatMap(src term.Term, kvs []operand) (term.Term, bool) {
	keys := src.FlatMapKeys()
	ks := keys.TupleElems()
	idx := make([]int, 0, 4)
	for i := 0; i+1 < len(kvs); i += 2 {
		k := p.load(&kvs[i])
		j := -1
		for m := range ks {
			if eqExact(ks[m], k) {
				j = m
				break
			}
		}
		if j < 0 {
			return 0, false
		}
		idx = append(idx, j)
	}
	n := len(ks)
	w := p.Heap.Alloc(2 + n)
	w[0] = uint64(term.MakeHeader(term.SubFlatMap, 1+n))
	w[1] = uint64(keys)
	copy(w[2:], term.TermsAsWords(src.FlatMapValues()))
	for i, j := range idx {
		w[2+j] = uint64(p.load(&kvs[2*i+1]))
	}
	return term.Box(w), true
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
