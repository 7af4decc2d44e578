package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
)

// putMap lowers put_map_exact and put_map_assoc Fail Src Dst Live [K1,
// V1, ...] in line when Src is a flat map that has every key already: the
// result shares Src's keys tuple and has the values replaced. As in the
// interpreter (term.flatMapSetValue), the result is Src itself when every
// new value is the very same word as the one there. A key that is
// missing (put_map_exact raises or fails, put_map_assoc grows the map), a
// hash map and a non-map are stepped.
func (l *lowerer) putMap(in beam.Instr) {
	a := in.Args
	keys, vals := splitPairs(a[4].List)
	ks, ok := l.immediateKeys(keys)
	if !ok || len(ks) == 0 {
		l.step(in)
		return
	}
	slow, done, same := l.newLabel(), l.newLabel(), l.newLabel()
	// Room for the largest flat map first: a collection moves Src.
	l.checkHeap(2+abi.MaxFlatMapSize, a[3].Val)
	l.flatMap(a[1], slow, slow)
	l.copyValues()
	// R9 collects the bits in which new values differ from old ones.
	l.op2(x86.AXORL, reg(rR9), reg(rR9))
	for i, k := range ks {
		l.findKey(k, slow)
		l.load(vals[i], rDI)
		l.op2(x86.AMOVQ, reg(rDI), indexed(rHeap, 16))
		l.op2(x86.AXORQ, indexed(rMap, 16-abi.PrimaryBoxed), reg(rDI))
		l.op2(x86.AORQ, reg(rDI), reg(rR9))
	}
	l.op2(x86.ATESTQ, reg(rR9), reg(rR9))
	l.jmp(x86.AJEQ, same)
	l.op2(x86.AMOVQ, mem(rMap, -abi.PrimaryBoxed), reg(rDI))
	l.op2(x86.AMOVQ, reg(rDI), mem(rHeap, 0))
	l.op2(x86.AMOVQ, reg(rKeys), mem(rHeap, 8))
	l.op2(x86.ALEAQ, mem(rHeap, abi.PrimaryBoxed), reg(rMap))
	l.op2(x86.ALEAQ, obj.Addr{Type: obj.TYPE_MEM, Reg: rHeap, Index: rCount, Scale: 8, Offset: 16}, reg(rHeap))
	l.bind(same)
	l.store(rMap, a[2])
	l.bind(done)
	l.stepSlow(in, slow, done)
}

// copyValues copies the rCount values of the flat map in rMap to the
// value words of a map at the heap top (not yet allocated).
func (l *lowerer) copyValues() {
	loop, copied := l.newLabel(), l.newLabel()
	l.op2(x86.AXORL, reg(rIndex), reg(rIndex))
	l.bind(loop)
	l.op2(x86.ACMPQ, reg(rIndex), reg(rCount))
	l.jmp(x86.AJCC, copied)
	l.op2(x86.AMOVQ, indexed(rMap, 16-abi.PrimaryBoxed), reg(rDI))
	l.op2(x86.AMOVQ, reg(rDI), indexed(rHeap, 16))
	l.op1(x86.AINCQ, reg(rIndex))
	l.jmp(obj.AJMP, loop)
	l.bind(copied)
}
