package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/beam"
)

// An instruction that stores its result in an x or y register is often
// followed by one that loads it again (a chain of arithmetic, a move of
// a result into a frame). heldValue remembers which general register the
// last store came from, so that the load can take the register instead
// of memory.
//
// The knowledge holds only while nothing is emitted or bound after the
// store: any instruction may change the register, and a label lets in
// paths that never stored. That makes it safe without tracking what
// each instruction clobbers, and still catches the common case, since
// the store is the last thing an instruction emits and the load among
// the first of the next.
type heldValue struct {
	reg     int16
	o       beam.Operand
	after   *obj.Prog // the store; nil for nothing known
	pending int       // labels bound since the store that all paths reach with reg
	// store is the instruction that stored reg in o, which a run of moves
	// may drop (moves.go); nil when o's memory is not to be touched.
	store *obj.Prog
}

// noteHeld records that r holds the value of register operand o, as the
// store just emitted put it there.
func (l *lowerer) noteHeld(r int16, o beam.Operand) {
	l.held = heldValue{reg: r, o: o, after: l.last, pending: len(l.pending), store: l.last}
}

// noteLoaded records that r holds the value of register operand o, as
// loaded by the instruction just lowered, which did not change either.
func (l *lowerer) noteLoaded(r int16, o beam.Operand) {
	l.held = heldValue{reg: r, o: o, after: l.last, pending: len(l.pending)}
}

// carryHeld keeps what is held through the code emit lowers (allocate's
// checks), which must leave the held register alone on its fast path.
// The slow paths call spill before they leave native code, and reload
// when they come back: they may move the term, and the store may have
// been dropped. It returns the register, or -1 when nothing is held or
// o is not an x register below live (the y registers move with the
// frame, and a collection keeps only the live x registers).
func (l *lowerer) carryHeld(live int64) (r int16, spill, reload func()) {
	h := l.held
	r, ok := l.heldReg(h.o)
	if !ok || h.o.Kind != beam.KindX || h.o.Val >= live {
		return -1, func() {}, func() {}
	}
	spill = func() { l.op2(x86.AMOVQ, reg(r), l.addr(h.o)) }
	reload = func() { l.op2(x86.AMOVQ, l.addr(h.o), reg(r)) }
	return r, spill, reload
}

// keepHeld records after the carried code that r still holds h's value.
func (l *lowerer) keepHeld(h heldValue) {
	l.held = heldValue{reg: h.reg, o: h.o, after: l.last, pending: len(l.pending), store: h.store}
}

// heldReg returns the register that holds o's value, if one does.
func (l *lowerer) heldReg(o beam.Operand) (int16, bool) {
	h := l.held
	if h.after == nil || h.after != l.last || len(l.pending) != h.pending || !sameOperand(h.o, o) {
		return 0, false
	}
	return h.reg, true
}

// keepingState lowers, with emit, checks that must leave what is held
// and the float run's registers alone (allocate's, test_heap's): emit
// gets a scratch register other than the held one, and the spill and
// reload its slow paths run around their exits (carryState).
func (l *lowerer) keepingState(live int64, emit func(scratch int16, spill, reload func())) {
	held := l.held
	keep, spill, reload := l.carryState(live)
	scratch := rAX
	if keep == rAX {
		scratch = rCX
	}
	emit(scratch, spill, reload)
	if keep >= 0 {
		l.keepHeld(held)
	}
}
