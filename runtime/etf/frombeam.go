// Package etf converts between runtime terms and the external term format
// (term_to_binary/binary_to_term), and between runtime terms and the
// generic decoded terms of runtime/beam (module literals).
//
// Identifiers (pids, ports, references) are always local in beamrc: there
// is no distribution. Decoding maps an identifier of any node to the local
// one with the same numbers; encoding writes them as a node without
// distribution does ('nonode@nohost', creation 0). The mapping is:
//
//	pid  <0.ID.Serial>   ↔ id = Serial<<32 | ID
//	port #Port<0.ID>     ↔ id = ID
//	ref  words w0,w1,w2  ↔ id = w0&0x3ffff | w1<<18 | w2<<50
//
// so pids and refs that beamrc made round-trip exactly, and a pid OTP made
// keeps its printed numbers. A reference from OTP carries 82 significant
// bits and keeps only 64; two OTP refs that differ only in the dropped bits
// of w2 decode to the same ref.
package etf

import (
	"errors"
	"fmt"
	"math"
	"math/big"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/term"
)

// refLowBits is the number of bits OTP keeps in a reference's first word.
const refLowBits = 18

// FromBeam builds t, a tree from the beam package's decoder, as a runtime
// term allocated with a.
//
// It recurses on tuple elements, map entries and list elements but not on
// list tails, so the longest lists cost no stack; nesting depth is bounded
// by the decoder. Local funs must name a lambda of a loaded module
// (term.RegisterFun); otherwise FromBeam fails. (OTP can make a fun of a
// module that is not loaded yet; beamrc's closures point at a fun table
// entry, so there is nothing to point at.)
func FromBeam(a term.Allocator, t beam.Term) (term.Term, error) {
	c := converter{a: a}
	return c.term(t)
}

type converter struct {
	a term.Allocator
}

func (c *converter) term(t beam.Term) (term.Term, error) {
	switch v := t.(type) {
	case beam.Atom:
		return atom(v)
	case beam.Int:
		return term.MakeInt(c.a, int64(v)), nil
	case beam.BigInt:
		if v.Int == nil {
			return term.NonValue, errors.New("etf: nil big integer")
		}
		return term.MakeBigInt(c.a, v.Int), nil
	case beam.Float:
		return term.NewFloat(c.a, float64(v)), nil
	case beam.Nil:
		return term.Nil, nil
	case beam.Tuple:
		return c.tuple(v)
	case *beam.List:
		return c.list(v)
	case beam.Bitstring:
		return c.bitstring(v)
	case *beam.Map:
		return c.mapTerm(v)
	case beam.ExportFun:
		m, err := atom(v.Module)
		if err != nil {
			return term.NonValue, err
		}
		f, err := atom(v.Function)
		if err != nil {
			return term.NonValue, err
		}
		if v.Arity < 0 || v.Arity > 255 {
			return term.NonValue, fmt.Errorf("etf: bad export arity %d", v.Arity)
		}
		return term.NewExport(c.a, m, f, v.Arity), nil
	case *beam.Fun:
		return c.fun(v)
	case beam.Pid:
		return term.MakePid(uint64(v.Serial)<<32 | uint64(v.ID)), nil
	case beam.Port:
		if v.ID > term.MaxSmall>>4 {
			// The id must survive the shift into an immediate.
			return term.NonValue, fmt.Errorf("etf: port id %d out of range", v.ID)
		}
		return term.MakePort(v.ID), nil
	case beam.Ref:
		return term.RefWithID(c.a, refID(v.IDs)), nil
	case nil:
		return term.NonValue, errors.New("etf: nil term")
	}
	return term.NonValue, fmt.Errorf("etf: unsupported term type %T", t)
}

// refID packs OTP's reference words into beamrc's 64-bit id.
func refID(ids []uint32) uint64 {
	var id uint64
	if len(ids) > 0 {
		id = uint64(ids[0]) & (1<<refLowBits - 1)
	}
	if len(ids) > 1 {
		id |= uint64(ids[1]) << refLowBits
	}
	if len(ids) > 2 {
		id |= uint64(ids[2]) << (refLowBits + 32)
	}
	return id
}

// refWords is refID's inverse: the three words a local OTP ref has.
func refWords(id uint64) [3]uint32 {
	return [3]uint32{
		uint32(id) & (1<<refLowBits - 1),
		uint32(id >> refLowBits),
		uint32(id >> (refLowBits + 32)),
	}
}

func atom(name beam.Atom) (term.Term, error) {
	if len([]rune(string(name))) > term.MaxAtomLength {
		return term.NonValue, fmt.Errorf("etf: atom too long (%d bytes)", len(name))
	}
	return term.Intern(string(name)), nil
}

func (c *converter) tuple(v beam.Tuple) (term.Term, error) {
	// Allocate the tuple first and fill it as the elements are built:
	// allocation never collects, so the unfilled words are never seen.
	w := c.a.Alloc(1 + len(v))
	w[0] = uint64(term.MakeHeader(term.SubTuple, len(v)))
	for i, e := range v {
		x, err := c.term(e)
		if err != nil {
			fillNil(w[1+i:])
			return term.NonValue, err
		}
		w[1+i] = uint64(x)
	}
	return term.Box(w), nil
}

// fillNil makes half-built objects harmless if an error leaves them
// behind on a heap.
func fillNil(w []uint64) {
	for i := range w {
		w[i] = uint64(term.Nil)
	}
}

// list converts a list with one allocation for all its cells. A tail that
// is itself a *beam.List (the decoder merges those, but other producers
// may not) continues the loop instead of recursing.
func (c *converter) list(v *beam.List) (term.Term, error) {
	var first term.Term = term.Nil
	var last []uint64 // the previous chunk's final cell
	link := func(t term.Term) {
		if last == nil {
			first = t
		} else {
			last[1] = uint64(t)
		}
	}
	for {
		if v == nil {
			return term.NonValue, errors.New("etf: nil list")
		}
		n := len(v.Elems)
		if n > 0 {
			w := c.a.Alloc(2 * n)
			for i := 0; i < n; i++ {
				if i+1 < n {
					w[2*i+1] = uint64(term.ConsOf(w[2*i+2:]))
				} else {
					w[2*i+1] = uint64(term.Nil)
				}
				w[2*i] = uint64(term.Nil)
			}
			link(term.ConsOf(w))
			last = w[2*n-2:]
			for i, e := range v.Elems {
				x, err := c.term(e)
				if err != nil {
					return term.NonValue, err
				}
				w[2*i] = uint64(x)
			}
		}
		if next, ok := v.Tail.(*beam.List); ok {
			v = next
			continue
		}
		tail, err := c.term(v.Tail)
		if err != nil {
			return term.NonValue, err
		}
		link(tail)
		return first, nil
	}
}

func (c *converter) bitstring(v beam.Bitstring) (term.Term, error) {
	if v.IsBinary() {
		return term.NewBinary(c.a, v.Bytes), nil
	}
	if v.Bits > 8 || len(v.Bytes) == 0 {
		return term.NonValue, fmt.Errorf("etf: bad bitstring (%d bytes, %d bits in last)", len(v.Bytes), v.Bits)
	}
	return term.NewBitstring(c.a, term.Bits{Data: v.Bytes, Size: uint(v.BitLen())}), nil
}

func (c *converter) mapTerm(v *beam.Map) (term.Term, error) {
	if v == nil || len(v.Keys) != len(v.Values) {
		return term.NonValue, errors.New("etf: malformed map")
	}
	if len(v.Keys) == 0 {
		return term.NewEmptyMap(c.a), nil
	}
	keys := make([]term.Term, len(v.Keys))
	vals := make([]term.Term, len(v.Values))
	for i := range v.Keys {
		var err error
		if keys[i], err = c.term(v.Keys[i]); err != nil {
			return term.NonValue, err
		}
		if vals[i], err = c.term(v.Values[i]); err != nil {
			return term.NonValue, err
		}
	}
	m := term.MapFromPairs(c.a, keys, vals)
	if term.MapSize(m) != len(keys) {
		// OTP refuses maps with duplicate keys (binary_to_term raises
		// badarg); a literal never has them.
		return term.NonValue, errors.New("etf: map has duplicate keys")
	}
	return m, nil
}

func (c *converter) fun(v *beam.Fun) (term.Term, error) {
	if v == nil {
		return term.NonValue, errors.New("etf: nil fun")
	}
	mod, err := atom(v.Module)
	if err != nil {
		return term.NonValue, err
	}
	uniq, ok := smallUint32(v.OldUniq)
	if !ok {
		return term.NonValue, errors.New("etf: bad fun old uniq")
	}
	idx, found := lookupFun(mod, int(v.Index), uniq)
	if !found {
		return term.NonValue, fmt.Errorf("etf: no loaded fun %s/index %d/uniq %d", v.Module, v.Index, uniq)
	}
	info := term.Fun(idx)
	if info.Arity != v.Arity || info.NumFree != len(v.Free) {
		return term.NonValue, fmt.Errorf("etf: fun %s/index %d: arity or free variable count differs from the loaded code", v.Module, v.Index)
	}
	w := c.a.Alloc(term.FunWords(len(v.Free)))
	w[0] = uint64(term.MakeHeader(term.SubFun, 1+len(v.Free)))
	w[1] = uint64(term.MakeSmall(int64(idx)))
	fillNil(w[2:])
	for i, e := range v.Free {
		x, err := c.term(e)
		if err != nil {
			return term.NonValue, err
		}
		w[2+i] = uint64(x)
	}
	return term.Box(w), nil
}

// smallUint32 accepts the integer forms a fun's OldUniq can take.
func smallUint32(t beam.Term) (uint32, bool) {
	switch v := t.(type) {
	case beam.Int:
		if v >= math.MinInt32 && v <= math.MaxUint32 {
			return uint32(v), true
		}
	case beam.BigInt:
		if v.Int != nil && v.Sign() >= 0 && v.Cmp(big.NewInt(0xFFFFFFFF)) <= 0 {
			return uint32(v.Uint64()), true
		}
	}
	return 0, false
}
