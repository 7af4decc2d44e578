package etf

import (
	"fmt"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/term"
)

// ToBeam converts a runtime term to the beam package's generic form, with
// the identifier mapping of the package comment. It is FromBeam's inverse
// for everything except local funs, whose 16-byte md5 uniq beamrc does not
// keep (ToBeam writes zeros there). Maps come out in iteration order.
// Terms that are not values (match contexts, stack markers) are errors.
func ToBeam(t term.Term) (beam.Term, error) {
	switch {
	case t.IsCons():
		return listToBeam(t)
	case t == term.Nil:
		return beam.Nil{}, nil
	case t.IsSmall():
		return beam.Int(t.SmallValue()), nil
	case t.IsAtom():
		return beam.Atom(term.AtomName(t)), nil
	case t.IsPid():
		id := t.PidID()
		return beam.Pid{Node: nodeName, ID: uint32(id), Serial: uint32(id >> 32)}, nil
	case t.IsPort():
		return beam.Port{Node: nodeName, ID: t.PortID()}, nil
	case !t.IsBoxed():
		return nil, fmt.Errorf("etf: not a term: %#x", uint64(t))
	}
	switch t.BoxedSubtag() {
	case term.SubTuple:
		elems := t.TupleElems()
		out := make(beam.Tuple, len(elems))
		for i, e := range elems {
			var err error
			if out[i], err = ToBeam(e); err != nil {
				return nil, err
			}
		}
		return out, nil
	case term.SubPosBig, term.SubNegBig:
		z := t.BigInt()
		if z.IsInt64() {
			return beam.Int(z.Int64()), nil
		}
		return beam.BigInt{Int: z}, nil
	case term.SubFloat:
		return beam.Float(t.FloatValue()), nil
	case term.SubHeapBin, term.SubRefcBin, term.SubSubBin:
		b := t.BitstringBits()
		n := (b.Size + 7) / 8
		buf := make([]byte, n)
		term.CopyBits(buf, 0, b.Data, b.Offset, b.Size)
		bits := uint8(b.Size % 8)
		if bits == 0 {
			bits = 8
		}
		return beam.Bitstring{Bytes: buf, Bits: bits}, nil
	case term.SubFlatMap, term.SubHashMap:
		keys, vals := term.MapPairs(t)
		m := &beam.Map{Keys: make([]beam.Term, len(keys)), Values: make([]beam.Term, len(vals))}
		for i := range keys {
			var err error
			if m.Keys[i], err = ToBeam(keys[i]); err != nil {
				return nil, err
			}
			if m.Values[i], err = ToBeam(vals[i]); err != nil {
				return nil, err
			}
		}
		return m, nil
	case term.SubExport:
		m, f, a := t.ExportMFA()
		return beam.ExportFun{Module: beam.Atom(term.AtomName(m)), Function: beam.Atom(term.AtomName(f)), Arity: a}, nil
	case term.SubFun:
		info := t.FunInfo()
		free := t.FunFree()
		out := &beam.Fun{
			Arity:    info.Arity,
			Index:    uint32(info.Index),
			Module:   beam.Atom(term.AtomName(info.Module)),
			OldIndex: beam.Int(info.Index),
			OldUniq:  beam.Int(int32(info.Uniq)),
			Pid:      beam.Pid{Node: nodeName},
			Free:     make([]beam.Term, len(free)),
		}
		for i, e := range free {
			var err error
			if out.Free[i], err = ToBeam(e); err != nil {
				return nil, err
			}
		}
		return out, nil
	case term.SubRef:
		w := refWords(t.RefID())
		return beam.Ref{Node: nodeName, IDs: w[:]}, nil
	}
	return nil, fmt.Errorf("etf: cannot convert boxed object with subtag %d", t.BoxedSubtag())
}

// nodeName is the node a runtime without distribution belongs to.
const nodeName = "nonode@nohost"

func listToBeam(t term.Term) (beam.Term, error) {
	l := &beam.List{}
	for t.IsCons() {
		e, err := ToBeam(t.Head())
		if err != nil {
			return nil, err
		}
		l.Elems = append(l.Elems, e)
		t = t.Tail()
	}
	tail, err := ToBeam(t)
	if err != nil {
		return nil, err
	}
	l.Tail = tail
	return l, nil
}
