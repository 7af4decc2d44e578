package emu

import (
	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/term"
)

// The process stack grows upward in p.stack; p.sp is its height.
//
// A call pushes its continuation pointer (the code index to return to,
// as a header-tagged word: index << 3; native code's CPs are blob
// offset << 3 | 4, see runtime/abi) and jumps; return pops it. A
// function that needs y registers allocates them on top of its CP, so a
// frame is
//
//	stack[base]            CP
//	stack[base+1 .. sp-1]  y(N-1) .. y(0)
//
// and y(i) is stack[sp-1-i]. deallocate N pops the y registers, leaving
// the CP on top for return or a tail call. Catch markers (term.MakeCatch
// of the handler's code index) live in y registers. The collector skips
// header-tagged words and immediates, so CPs and catch markers are safe on
// the stack; a y register not yet written holds 0 (term.NonValue), a
// header word too.

// makeCP turns a code index into a continuation pointer word.
func makeCP(pc int) term.Term { return term.Term(abi.InterpCP(pc)) }

// cpIndex returns the code index of an interpreter continuation pointer.
func cpIndex(t term.Term) int { return int(abi.CPTarget(uint64(t))) }

// returnTo returns where a return to continuation pointer w goes: its
// code index, or pcNativeResume (with p.nativeResume set) for native code.
func (p *Process) returnTo(w term.Term) int {
	if abi.IsNativeCP(uint64(w)) {
		p.nativeResume = uint64(w)
		return pcNativeResume
	}
	return cpIndex(w)
}

// isCP reports whether a stack word is a continuation pointer.
func isCP(t term.Term) bool { return t != 0 && uint64(t)&term.PrimaryMask == term.PrimaryHeader }

// isFrameCP reports whether a stack word is a continuation pointer that
// stands for a frame of a stack trace: one into native code, or to an
// interpreter code index past the reserved ones (the stops that end a
// process). Every raise tests the words of the stack with it, so it is
// one expression on the word (0, a y register not yet written, is below
// the reserved indices).
func isFrameCP(t term.Term) bool {
	w := uint64(t)
	return w&term.PrimaryMask == term.PrimaryHeader &&
		(w&abi.CPNativeFlag != 0 || w >= numReserved<<abi.CPShift)
}

// push pushes a word.
func (p *Process) push(t term.Term) {
	if p.sp == len(p.stack) {
		p.ensureStack(1)
	}
	p.stack[p.sp] = t
	p.sp++
}

// allocY pushes n zeroed y registers.
func (p *Process) allocY(n int) {
	if p.sp+n > len(p.stack) {
		p.ensureStack(n)
	}
	clear(p.stack[p.sp : p.sp+n])
	p.sp += n
}

// y returns y register i of the current frame.
func (p *Process) y(i uint32) term.Term { return p.stack[p.sp-1-int(i)] }

// load reads a source operand.
func (p *Process) load(o *operand) term.Term {
	switch o.kind {
	case kX:
		return p.x[o.n]
	case kY:
		return p.stack[p.sp-1-int(o.n)]
	}
	return o.t
}

// store writes a destination operand.
func (p *Process) store(o *operand, v term.Term) {
	if o.kind == kX {
		p.x[o.n] = v
		return
	}
	p.stack[p.sp-1-int(o.n)] = v
}
