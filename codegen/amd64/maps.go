package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
)

// Map instructions on a flat map (runtime/term: [header(SubFlatMap,
// 1+n), keys tuple, value 1..n]) whose key operands are all immediate
// constants run in line: an immediate is =:= only to the very same word,
// so a word scan of the keys tuple finds it exactly. Everything else (a
// hash map, a key that is not an immediate, a key that is missing where
// the map must grow or raise) is stepped (abi.ReqStep): the interpreter's
// code takes the fail label, raises or does the work.

// Registers of the flat map fast paths: the map, its key count and its
// keys tuple, and the index a key scan leaves.
var (
	rMap   = rAX
	rCount = rCX
	rKeys  = rSI
	rIndex = rR8
)

// indexed addresses word rIndex of an array at base+off: the keys of a
// keys tuple, the values of a flat map.
func indexed(base int16, off int64) obj.Addr {
	return obj.Addr{Type: obj.TYPE_MEM, Reg: base, Index: rIndex, Scale: 8, Offset: off}
}

// immediateKeys returns the terms of key operands that are all immediate
// constants.
func (l *lowerer) immediateKeys(keys []beam.Operand) ([]uint64, bool) {
	vs := make([]uint64, len(keys))
	for i, k := range keys {
		v, ok := l.constant(k)
		if !ok {
			return nil, false
		}
		vs[i] = v
	}
	return vs, true
}

// flatMap loads src into rMap and, for a flat map, its key count into
// rCount and its keys tuple into rKeys. An immediate or a list goes to
// notBoxed, any other boxed term (a hash map, a tuple...) to other.
func (l *lowerer) flatMap(src beam.Operand, notBoxed, other *label) {
	l.load(src, rMap)
	l.headerArity(rMap, abi.SubFlatMap, rCount, notBoxed, other)
	l.op1(x86.ADECQ, reg(rCount))
	l.op2(x86.AMOVQ, mem(rMap, 8-abi.PrimaryBoxed), reg(rKeys))
}

// findKey scans the keys tuple for the immediate key and leaves its
// index in rIndex, or branches to missing. It clobbers rDI.
func (l *lowerer) findKey(key uint64, missing *label) {
	loop, found := l.newLabel(), l.newLabel()
	l.op2(x86.AXORL, reg(rIndex), reg(rIndex))
	l.bind(loop)
	l.op2(x86.ACMPQ, reg(rIndex), reg(rCount))
	l.jmp(x86.AJCC, missing) // unsigned >=: scanned them all
	l.cmpImm2(indexed(rKeys, 8-abi.PrimaryBoxed), key)
	l.jmp(x86.AJEQ, found)
	l.op1(x86.AINCQ, reg(rIndex))
	l.jmp(obj.AJMP, loop)
	l.bind(found)
}

// stepSlow binds slow to a stub that steps in and goes on at done; the
// stub is left out when nothing branches to slow.
func (l *lowerer) stepSlow(in beam.Instr, slow, done *label) {
	site := l.site
	l.stubs = append(l.stubs, func() {
		if len(slow.branches) == 0 {
			return
		}
		l.site = site
		l.bind(slow)
		l.step(in)
		l.jmp(obj.AJMP, done)
	})
}

// splitPairs splits a [K1, V1, K2, V2, ...] operand list.
func splitPairs(list []beam.Operand) (keys, vals []beam.Operand) {
	for i := 0; i+1 < len(list); i += 2 {
		keys = append(keys, list[i])
		vals = append(vals, list[i+1])
	}
	return keys, vals
}

// getMapElements lowers get_map_elements Fail Src [K1, Dst1, ...]. Every
// value is found before any destination is written: a destination may be
// Src, and a later key may be missing. With more than one key the values
// wait in the context's operand words.
func (l *lowerer) getMapElements(in beam.Instr) {
	fail := l.failLabel(in.Args[0])
	keys, dsts := splitPairs(in.Args[2].List)
	vs, ok := l.immediateKeys(keys)
	if !ok || len(vs) == 0 || len(vs) > abi.NumOperands {
		l.step(in)
		return
	}
	slow, done := l.newLabel(), l.newLabel()
	l.flatMap(in.Args[1], fail, slow)
	for i, v := range vs {
		l.findKey(v, fail)
		l.op2(x86.AMOVQ, indexed(rMap, 16-abi.PrimaryBoxed), reg(rDI))
		if len(vs) == 1 {
			l.store(rDI, dsts[0])
			break
		}
		l.op2(x86.AMOVQ, reg(rDI), ctx(abi.OffOperand(i)))
	}
	if len(vs) > 1 {
		for i, d := range dsts {
			l.op2(x86.AMOVQ, ctx(abi.OffOperand(i)), reg(rDI))
			l.store(rDI, d)
		}
	}
	l.bind(done)
	l.stepSlow(in, slow, done)
}

// hasMapFields lowers has_map_fields Fail Src [K1, ...].
func (l *lowerer) hasMapFields(in beam.Instr) {
	fail := l.failLabel(in.Args[0])
	vs, ok := l.immediateKeys(in.Args[2].List)
	if !ok {
		l.step(in)
		return
	}
	slow, done := l.newLabel(), l.newLabel()
	l.flatMap(in.Args[1], fail, slow)
	for _, v := range vs {
		l.findKey(v, fail)
	}
	l.bind(done)
	l.stepSlow(in, slow, done)
}
