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
	l.op2(x86.AMOVQ, imm(int64(abi.Header(abi.SubTuple, int(size)))), mem(rHeap, 0))
	for i := int64(1); i <= size; i++ {
		if v, ok := updates[i]; ok {
			l.putHeapWord(i, v, rCX) // AX holds the source tuple
			continue
		}
		l.op2(x86.AMOVQ, mem(rAX, 8*i-abi.PrimaryBoxed), reg(rCX))
		l.op2(x86.AMOVQ, reg(rCX), mem(rHeap, 8*i))
	}
	l.takeBoxed(size + 1)
	l.store(rAX, a[3])
	l.bind(done)
	l.stepSlow(in, slow, done)
}
