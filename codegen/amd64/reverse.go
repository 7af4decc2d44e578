package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
)

// lists:reverse/1 and /2 in line. Gleam's list functions build their
// result backwards and reverse it at the end, so a program calls reverse
// about as often as it traverses a list; the runtime's BIF is fast, but
// leaving native code for it costs more than reversing a short list.

var (
	reverse1MFA = beam.MFA{Module: "lists", Function: "reverse", Arity: 1}
	reverse2MFA = beam.MFA{Module: "lists", Function: "reverse", Arity: 2}
)

// isReverse reports whether a call of mfa is the runtime's lists:reverse.
func (l *lowerer) isReverse(mfa beam.MFA) bool {
	return (mfa == reverse1MFA || mfa == reverse2MFA) && l.env.IsBIF(mfa)
}

// callReverse is a call_ext, call_ext_last or call_ext_only (kind, with
// dealloc frame words) of lists:reverse: in line when x0 is a proper
// list whose copy fits the heap as it is, the BIF's call otherwise (which
// collects, raises and names itself in the trace as any call does).
func (l *lowerer) callReverse(mfa beam.MFA, kind, dealloc int64) {
	slow, done := l.newLabel(), l.newLabel()
	build, built := l.newLabel(), l.newLabel()

	// Count the cells, checking that the list is proper; 16 bytes each
	// must fit the heap without a collection.
	l.load(beam.Operand{Kind: beam.KindX, Val: 0}, rAX)
	l.op2(x86.AMOVQ, reg(rAX), reg(rSI))
	l.countCells(slow)
	l.op2(x86.ASHLQ, imm(4), reg(rCX))
	l.op2(x86.AADDQ, reg(rHeap), reg(rCX))
	l.op2(x86.ACMPQ, reg(rCX), ctx(abi.OffHeapLimit))
	l.jmp(x86.AJHI, slow)

	// Copy the cells onto the tail, first to last.
	if mfa.Arity == 2 {
		l.load(beam.Operand{Kind: beam.KindX, Val: 1}, rDI)
	} else {
		l.op2(x86.AMOVQ, imm(int64(abi.Nil)), reg(rDI))
	}
	l.bind(build)
	l.cmpImm(rSI, abi.Nil)
	l.jmp(x86.AJEQ, built)
	l.op2(x86.AMOVQ, mem(rSI, -abi.PrimaryList), reg(rAX))
	l.op2(x86.AMOVQ, reg(rAX), mem(rHeap, 0))
	l.op2(x86.AMOVQ, reg(rDI), mem(rHeap, 8))
	l.op2(x86.ALEAQ, mem(rHeap, abi.PrimaryList), reg(rDI))
	l.op2(x86.AADDQ, imm(16), reg(rHeap))
	l.op2(x86.AMOVQ, mem(rSI, 8-abi.PrimaryList), reg(rSI))
	l.jmp(obj.AJMP, build)
	l.bind(built)
	l.store(rDI, beam.Operand{Kind: beam.KindX, Val: 0})
	// The call's reduction.
	l.op1(x86.ADECQ, reg(rReds))
	switch kind {
	case abi.CallNormal:
		l.jmp(obj.AJMP, done)
	case abi.CallLast:
		l.ret(dealloc)
	default:
		l.ret(0)
	}

	l.bind(slow)
	l.call(mfa, true, kind, dealloc)
	l.bind(done)
}
