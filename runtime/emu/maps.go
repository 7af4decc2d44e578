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
	if n > 1 && src.IsFlatMap() && term.MapSize(src)+n <= term.MaxFlatMapSize {
		// Several keys into a small map: one sort instead of n inserts.
		keys, vals := term.MapPairs(src)
		for i := 0; i < n; i++ {
			keys = append(keys, p.load(&in.list[2*i]))
			vals = append(vals, p.load(&in.list[2*i+1]))
		}
		p.store(&in.b, term.MapFromPairs(p.Heap, keys, vals))
		return pc + 1
	}
	for i := 0; i < n; i++ {
		m = term.MapPut(p.Heap, m, p.load(&in.list[2*i]), p.load(&in.list[2*i+1]))
	}
	p.store(&in.b, m)
	return pc + 1
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
