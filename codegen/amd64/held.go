package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj"

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
}

// noteHeld records that r holds the value of register operand o.
func (l *lowerer) noteHeld(r int16, o beam.Operand) {
	l.held = heldValue{reg: r, o: o, after: l.last, pending: len(l.pending)}
}

// heldReg returns the register that holds o's value, if one does.
func (l *lowerer) heldReg(o beam.Operand) (int16, bool) {
	h := l.held
	if h.after == nil || h.after != l.last || len(l.pending) != h.pending || !sameOperand(h.o, o) {
		return 0, false
	}
	return h.reg, true
}
