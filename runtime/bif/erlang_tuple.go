package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// Tuples, sizes, and maps' guard BIFs.

// erlMaxTupleSize is OTP's largest tuple arity (MAX_ARITY).
const erlMaxTupleSize = 1<<24 - 1

func init() {
	erlRegisterGuard("element", 2, erlElement)
	erlRegisterGuard("tuple_size", 1, erlTupleSize)
	erlRegisterGuard("size", 1, erlSize)
	erlRegisterGuard("byte_size", 1, erlByteSize)
	erlRegisterGuard("bit_size", 1, erlBitSize)
	erlRegisterGuard("map_size", 1, erlMapSize)
	erlRegisterGuard("map_get", 2, erlMapGet)
	erlRegister("setelement", 3, erlSetelement)
	erlRegister("tuple_to_list", 1, erlTupleToList)
	erlRegister("list_to_tuple", 1, erlListToTuple)
	erlRegister("make_tuple", 2, erlMakeTuple2)
	erlRegister("make_tuple", 3, erlMakeTuple3)
	erlRegister("insert_element", 3, erlInsertElement)
	erlRegister("delete_element", 2, erlDeleteElement)
	erlRegister("append_element", 2, erlAppendElement)
}

// erlIndex returns t as a 1-based index in [1, limit].
func erlIndex(t term.Term, limit int) (int, bool) {
	if !t.IsSmall() || t.SmallValue() < 1 || t.SmallValue() > int64(limit) {
		return 0, false
	}
	return int(t.SmallValue()), true
}

func erlElement(p *emu.Process, args []term.Term) term.Term {
	t := args[1]
	if !t.IsTuple() {
		return p.Badarg()
	}
	i, ok := erlIndex(args[0], t.TupleArity())
	if !ok {
		return p.Badarg()
	}
	return t.Element(i)
}

func erlTupleSize(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsTuple() {
		return p.Badarg()
	}
	return term.MakeSmall(int64(args[0].TupleArity()))
}

// erlSize is size/1: a tuple's arity or a bitstring's whole bytes.
func erlSize(p *emu.Process, args []term.Term) term.Term {
	t := args[0]
	switch {
	case t.IsTuple():
		return term.MakeSmall(int64(t.TupleArity()))
	case t.IsBitstring():
		return term.MakeSmall(int64(t.BitSize() / 8))
	}
	return p.Badarg()
}

func erlByteSize(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsBitstring() {
		return p.Badarg()
	}
	return term.MakeSmall(int64((args[0].BitSize() + 7) / 8))
}

func erlBitSize(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsBitstring() {
		return p.Badarg()
	}
	return term.MakeUint(p.Heap, uint64(args[0].BitSize()))
}

func erlMapSize(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsMap() {
		return p.ErrorTuple(term.Badmap, args[0])
	}
	return term.MakeSmall(int64(term.MapSize(args[0])))
}

func erlMapGet(p *emu.Process, args []term.Term) term.Term {
	k, m := args[0], args[1]
	if !m.IsMap() {
		return p.ErrorTuple(term.Badmap, m)
	}
	v, ok := term.MapGet(m, k)
	if !ok {
		return p.ErrorTuple(term.Badkey, k)
	}
	return v
}

// erlTupleCopy returns a fresh copy of tuple t's elements with room for
// extra more.
func erlTupleCopy(t term.Term, extra int) []term.Term {
	elems := t.TupleElems()
	out := make([]term.Term, len(elems), len(elems)+extra)
	copy(out, elems)
	return out
}

func erlSetelement(p *emu.Process, args []term.Term) term.Term {
	t := args[1]
	if !t.IsTuple() {
		return p.Badarg()
	}
	i, ok := erlIndex(args[0], t.TupleArity())
	if !ok {
		return p.Badarg()
	}
	elems := erlTupleCopy(t, 0)
	elems[i-1] = args[2]
	return term.NewTuple(p.Heap, elems...)
}

func erlTupleToList(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsTuple() {
		return p.Badarg()
	}
	return term.ListFrom(p.Heap, args[0].TupleElems())
}

func erlListToTuple(p *emu.Process, args []term.Term) term.Term {
	elems, ok := term.ListToSlice(args[0])
	if !ok {
		return p.Badarg()
	}
	if len(elems) > erlMaxTupleSize {
		return p.Badarg()
	}
	return term.NewTuple(p.Heap, elems...)
}

// erlTupleArity returns t as a tuple size for make_tuple.
func erlTupleArity(t term.Term) (int, bool) {
	if !t.IsSmall() || t.SmallValue() < 0 || t.SmallValue() > erlMaxTupleSize {
		return 0, false
	}
	return int(t.SmallValue()), true
}

func erlMakeTuple2(p *emu.Process, args []term.Term) term.Term {
	n, ok := erlTupleArity(args[0])
	if !ok {
		return p.Badarg()
	}
	elems := make([]term.Term, n)
	for i := range elems {
		elems[i] = args[1]
	}
	return term.NewTuple(p.Heap, elems...)
}

// erlMakeTuple3 is make_tuple(N, Default, [{Pos, Value}]); later pairs
// win over earlier ones.
func erlMakeTuple3(p *emu.Process, args []term.Term) term.Term {
	n, ok := erlTupleArity(args[0])
	if !ok {
		return p.Badarg()
	}
	inits, ok := term.ListToSlice(args[2])
	if !ok {
		return p.Badarg()
	}
	elems := make([]term.Term, n)
	for i := range elems {
		elems[i] = args[1]
	}
	for _, pv := range inits {
		if !pv.IsTuple() || pv.TupleArity() != 2 {
			return p.Badarg()
		}
		i, ok := erlIndex(pv.Element(1), n)
		if !ok {
			return p.Badarg()
		}
		elems[i-1] = pv.Element(2)
	}
	return term.NewTuple(p.Heap, elems...)
}

// erlInsertElement does not check the arity limit: OTP 25's does not
// either, and makes a tuple of 2^24 elements from one of 2^24 - 1.
func erlInsertElement(p *emu.Process, args []term.Term) term.Term {
	t := args[1]
	if !t.IsTuple() {
		return p.Badarg()
	}
	i, ok := erlIndex(args[0], t.TupleArity()+1)
	if !ok {
		return p.Badarg()
	}
	elems := erlTupleCopy(t, 1)
	elems = append(elems, term.NonValue)
	copy(elems[i:], elems[i-1:])
	elems[i-1] = args[2]
	return term.NewTuple(p.Heap, elems...)
}

func erlDeleteElement(p *emu.Process, args []term.Term) term.Term {
	t := args[1]
	if !t.IsTuple() {
		return p.Badarg()
	}
	i, ok := erlIndex(args[0], t.TupleArity())
	if !ok {
		return p.Badarg()
	}
	elems := erlTupleCopy(t, 0)
	elems = append(elems[:i-1], elems[i:]...)
	return term.NewTuple(p.Heap, elems...)
}

func erlAppendElement(p *emu.Process, args []term.Term) term.Term {
	t := args[0]
	if !t.IsTuple() || t.TupleArity() >= erlMaxTupleSize {
		return p.Badarg()
	}
	return term.NewTuple(p.Heap, append(erlTupleCopy(t, 1), args[1])...)
}
