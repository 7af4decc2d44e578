package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
)

// updateRecord lowers update_record Hint Size Src Dst [Index1, Value1,
// ...] (OTP 26+): a copy of the tuple Src with the given 1-based elements
// replaced, in the heap words the preceding test_heap reserved (Size+1).
// Like the interpreter it always copies, whatever the hint (reuse, copy,
// inplace): in-place updates would need to know the tuple is young and
// unshared. A Src that is not a tuple of Size elements (the compiler never
// emits one) is stepped, so that it does what the interpreter does.
func (l *lowerer) updateRecord(in beam.Instr) {
	a := in.Args
	size := a[1].Val
	updates := map[int64]beam.Operand{}
	for i := 0; i+1 < len(a[4].List); i += 2 {
		idx, ok := l.smallConst(a[4].List[i])
		if !ok || idx < 1 || idx > size {
			l.step(in)
			return
		}
		updates[idx] = a[4].List[i+1]
	}
	slow, done := l.newLabel(), l.newLabel()
	l.load(a[2], rAX)
	l.jumpUnlessBoxed(rAX, slow)
	l.cmpImm2(mem(rAX, -abi.PrimaryBoxed), abi.Header(abi.SubTuple, int(size)))
	l.jmp(x86.AJNE, slow)
	l.storeHeapImm(0, abi.Header(abi.SubTuple, int(size)))
	for i := int64(1); i <= size; i++ {
		if v, ok := updates[i]; ok {
			l.putElement(i, v)
			continue
		}
		l.op2(x86.AMOVQ, mem(rAX, 8*i-abi.PrimaryBoxed), reg(rCX))
		l.op2(x86.AMOVQ, reg(rCX), mem(rHeap, 8*i))
	}
	l.op2(x86.ALEAQ, mem(rHeap, abi.PrimaryBoxed), reg(rAX))
	l.op2(x86.AADDQ, imm(8*(size+1)), reg(rHeap))
	l.store(rAX, a[3])
	l.bind(done)
	l.stepSlow(in, slow, done)
}

// storeHeapImm stores a constant word at heap top + 8*i.
func (l *lowerer) storeHeapImm(i int64, v uint64) {
	if int64(v) == int64(int32(v)) {
		l.op2(x86.AMOVQ, imm(int64(v)), mem(rHeap, 8*i))
		return
	}
	l.op2(x86.AMOVQ, imm(int64(v)), reg(rCX))
	l.op2(x86.AMOVQ, reg(rCX), mem(rHeap, 8*i))
}

// putElement stores operand v as element i of the tuple being built at
// the heap top (rAX holds the source tuple).
func (l *lowerer) putElement(i int64, v beam.Operand) {
	if c, ok := l.constant(v); ok {
		l.storeHeapImm(i, c)
		return
	}
	l.load(v, rCX)
	l.op2(x86.AMOVQ, reg(rCX), mem(rHeap, 8*i))
}
