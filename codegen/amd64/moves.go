package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/beam"
)

// erlc shuffles registers before a call with runs of moves: arguments
// into x registers, values kept across the call into y registers, and
// swaps through a spare x register. Lowered one by one, each move is a
// load and a store, and a value moved twice is loaded twice.
//
// moveRun lowers a run as one parallel assignment instead: every source
// is loaded once, every destination whose final value differs from what
// it held is stored once, and x registers that the instruction after the
// run leaves dead (a call's spare registers, everything but x0 at a
// return) are not stored at all. If the instruction before the run
// stored its result in such a dead register, and the run finds it in
// the register the store came from, that store goes too.

// moveRegs are the general registers a run loads its sources into. None
// carries anything from one instruction to the next (R8 can: a float
// run's rFR; and the pinned x registers do).
var moveRegs = []int16{rAX, rCX, rDX, rSI, rDI, rR9}

// regKey names an x or y register.
type regKey struct {
	kind beam.OperandKind
	n    int64
}

func keyOf(o beam.Operand) regKey { return regKey{o.Kind, o.Val} }

// assignment is one destination of a run and the operand whose value,
// as it was before the run, it ends up with.
type assignment struct{ dst, src beam.Operand }

// moveRun lowers the moves starting at instruction i as one parallel
// assignment and returns how many it lowered: 0 when instruction i is
// not a move the run can take, and the caller lowers it alone.
func (l *lowerer) moveRun(i int) int {
	code := l.fn.Func.Code
	end := i
	for end < len(code) && code[end].Op == beam.OpMove && !l.plan.Step[end] && movable(code[end]) {
		end++
	}
	if end == i {
		return 0
	}
	next, trimmed := skipInert(code, end)
	d := deadAfter{x: -1, y: trimmed}
	if next < len(code) && !l.plan.Step[next] {
		d.x = xLiveBefore(code, next)
	}
	out := finalAssignments(code[i:end], d)

	out = memoryFirst(out)
	held, isHeld := l.heldReg(l.held.o)
	if x, ok := pinnedOf(held); isHeld && ok && !readBeforeWritten(x, out) {
		isHeld = false // the run overwrites the pinned register first
	}
	regs := make(map[regKey]int16)
	var loads []beam.Operand
	free := 0
	for _, a := range out {
		if l.storesImmediate(a.src) {
			continue
		}
		if _, ok := regs[keyOf(a.src)]; ok {
			continue
		}
		if isHeld && isTermReg(a.src) && sameOperand(a.src, l.held.o) {
			regs[keyOf(a.src)] = held
			continue
		}
		if r, ok := pinnedOperand(a.src); ok && readBeforeWritten(a.src, out) {
			regs[keyOf(a.src)] = r
			continue
		}
		if r, ok := loadsInPlace(a.src, out); ok && !(isHeld && r == held) {
			regs[keyOf(a.src)] = r
			loads = append(loads, a.src)
			continue
		}
		for free < len(moveRegs) && isHeld && moveRegs[free] == held {
			free++
		}
		if free == len(moveRegs) {
			return 0 // more sources than registers: one move at a time
		}
		regs[keyOf(a.src)] = moveRegs[free]
		loads = append(loads, a.src)
		free++
	}

	if isHeld && overwritten(l.held.o, out, d) {
		l.dropDeadStore(held, l.held.o)
	}
	for _, src := range loads {
		l.loadDirect(src, regs[keyOf(src)])
	}
	l.held = heldValue{}
	for _, a := range out {
		if c, ok := l.constant(a.src); ok && l.storesImmediate(a.src) {
			l.storeImm(c, a.dst)
			continue
		}
		l.store(regs[keyOf(a.src)], a.dst) // the last one stays held
	}
	return end - i
}

// memoryFirst orders the stores of a run to memory before those to
// pinned registers: a pinned register can then be read, in place, by
// every store to memory before a store to it overwrites it.
func memoryFirst(out []assignment) []assignment {
	sorted := make([]assignment, 0, len(out))
	for _, pinnedDst := range []bool{false, true} {
		for _, a := range out {
			if _, ok := pinnedOperand(a.dst); ok == pinnedDst {
				sorted = append(sorted, a)
			}
		}
	}
	return sorted
}

// loadsInPlace returns the pinned register to load src into directly:
// that of its only destination, when that is a pinned x register that
// no store of the run reads. (Nor may the run read the held value
// through it: the caller checks.)
func loadsInPlace(src beam.Operand, out []assignment) (int16, bool) {
	var dst beam.Operand
	readers := 0
	for _, a := range out {
		if sameOperand(a.src, src) {
			dst = a.dst
			readers++
		}
	}
	r, ok := pinnedOperand(dst)
	if readers != 1 || !ok {
		return 0, false
	}
	for _, a := range out {
		if sameOperand(a.src, dst) {
			return 0, false
		}
	}
	return r, true
}

// readBeforeWritten reports whether every store of out that reads src
// comes before any store to src: then src's register can be read in
// place, without a copy.
func readBeforeWritten(src beam.Operand, out []assignment) bool {
	written := false
	for _, a := range out {
		if written && sameOperand(a.src, src) {
			return false // it would read the new value
		}
		written = written || keyOf(a.dst) == keyOf(src)
	}
	return true
}

// movable reports whether the run can take a move: one into an x or y
// register from an operand load understands.
func movable(in beam.Instr) bool {
	src, dst := in.Args[0], in.Args[1]
	if !isTermReg(dst) {
		return false
	}
	switch src.Kind {
	case beam.KindX, beam.KindY, beam.KindLiteral, beam.KindAtom, beam.KindNil,
		beam.KindUnsigned, beam.KindChar:
		return true
	case beam.KindInteger:
		return src.Big == nil // an int64 names itself; a bignum would not
	}
	return false
}

// skipInert returns the index of the first instruction from j on that is
// not a line marker or a trim, which read no register, and how many y
// registers the trims drop: y0 and up, numbered as before the first.
func skipInert(code []beam.Instr, j int) (int, int64) {
	var trimmed int64
	for ; j < len(code); j++ {
		switch {
		case isLineMarker(code[j].Op):
		case code[j].Op == beam.OpTrim:
			trimmed += code[j].Args[0].Val
		default:
			return j, trimmed
		}
	}
	return j, trimmed
}

// deadAfter says which registers nothing reads after a run: x registers
// from x up (none when x < 0), and y registers below y.
type deadAfter struct{ x, y int64 }

func (d deadAfter) has(o beam.Operand) bool {
	switch o.Kind {
	case beam.KindX:
		return d.x >= 0 && o.Val >= d.x
	case beam.KindY:
		return o.Val < d.y
	}
	return false
}

// finalAssignments runs the moves symbolically: it returns, in the order
// destinations were first written, each destination that must be stored
// with the operand (read before the run) whose value it ends up with.
func finalAssignments(moves []beam.Instr, dead deadAfter) []assignment {
	value := make(map[regKey]beam.Operand)
	var order []beam.Operand
	for _, in := range moves {
		src, dst := in.Args[0], in.Args[1]
		if isTermReg(src) {
			if v, ok := value[keyOf(src)]; ok {
				src = v
			}
		}
		if _, ok := value[keyOf(dst)]; !ok {
			order = append(order, dst)
		}
		value[keyOf(dst)] = src
	}
	var out []assignment
	for _, d := range order {
		v := value[keyOf(d)]
		if dead.has(d) {
			continue
		}
		if isTermReg(v) && keyOf(v) == keyOf(d) {
			continue // back to the value it had
		}
		out = append(out, assignment{d, v})
	}
	return out
}

// overwritten reports whether nothing reads what x or y register o holds
// before the run, once the run has read it: o is dead after the run, or
// the run stores a new value in it.
func overwritten(o beam.Operand, out []assignment, dead deadAfter) bool {
	if dead.has(o) {
		return true
	}
	for _, a := range out {
		if keyOf(a.dst) == keyOf(o) {
			return true
		}
	}
	return false
}

// xLiveBefore returns how many x registers (x0 and up) instruction j
// reads, all others being dead there, or -1 when it does not say.
func xLiveBefore(code []beam.Instr, j int) int64 {
	in := code[j]
	switch in.Op {
	case beam.OpCall, beam.OpCallLast, beam.OpCallOnly,
		beam.OpCallExt, beam.OpCallExtLast, beam.OpCallExtOnly:
		return in.Args[0].Val
	case beam.OpCallFun:
		return in.Args[0].Val + 1 // the arguments, then the fun
	case beam.OpCallFun2:
		if fun := in.Args[2]; fun.Kind == beam.KindX {
			return max(in.Args[1].Val, fun.Val+1)
		}
		return in.Args[1].Val
	case beam.OpApply, beam.OpApplyLast:
		return in.Args[0].Val + 2 // the arguments, then module and function
	case beam.OpReturn:
		return 1
	case beam.OpAllocate, beam.OpAllocateZero, beam.OpTestHeap:
		return in.Args[1].Val
	case beam.OpAllocateHeap, beam.OpAllocateHeapZero:
		return in.Args[2].Val
	case beam.OpDeallocate:
		if j+1 < len(code) && code[j+1].Op == beam.OpReturn {
			return 1
		}
	}
	return -1
}

// storesImmediate reports whether a move of o stores it as an imm32.
func (l *lowerer) storesImmediate(o beam.Operand) bool {
	c, ok := l.constant(o)
	return ok && int64(c) == int64(int32(c))
}

// loadDirect puts o in r, from memory or as a constant, without asking
// which register holds what (load would, and the run has asked already).
func (l *lowerer) loadDirect(o beam.Operand, r int16) {
	saved := l.held
	l.held = heldValue{}
	l.load(o, r)
	l.held = saved
}

// dropDeadStore removes the store of register r to register o that put
// the held value there, when nothing reads o's memory before it is
// written again: the run takes the value from r, and the slow paths of
// code carried over since (allocate) store it again before they leave.
func (l *lowerer) dropDeadStore(r int16, o beam.Operand) {
	p := l.held.store
	want := l.addr(o)
	if p == nil || p.As != x86.AMOVQ || p.From.Type != obj.TYPE_REG || p.From.Reg != r ||
		p.To.Type != want.Type || p.To.Reg != want.Reg || p.To.Offset != want.Offset || p.To.Index != 0 {
		return
	}
	l.drop(p)
}

func isLineMarker(op beam.Opcode) bool {
	return op == beam.OpLine || op == beam.OpExecutableLine || op == beam.OpDebugLine
}
