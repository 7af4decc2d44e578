package codegen

import "github.com/beamrc/beamrc/runtime/beam"

// framedAt says, for each instruction of code, whether the function has
// certainly allocated its stack frame when the instruction runs: on
// every path from the entry there is an allocate and no deallocate
// after it. A normal call there needs no stack check of its own: the
// allocate checked room for the frame and the continuation pointer the
// call pushes (the BEAM compiler always allocates before a body call,
// but native code must not trust a .beam file for memory safety, so
// this is proven, not assumed).
//
// It is a forward "must" analysis over labels: a label's state is the
// conjunction of the states of every jump to it and of the fall-through
// into it, iterated until nothing changes. Labels start out true and
// only ever turn false, so the iteration ends.
func framedAt(code []beam.Instr, entry int64) []bool {
	framed := make([]bool, len(code))
	atLabel := map[int64]bool{entry: false} // callers have no frame here
	state := func(l int64) bool {
		v, seen := atLabel[l]
		return !seen || v
	}
	for changed := true; changed; {
		changed = false
		join := func(l int64, v bool) {
			if !v && state(l) {
				atLabel[l] = false
				changed = true
			}
		}
		cur, reachable := false, true
		for i, in := range code {
			if in.Op == beam.OpLabel {
				l := in.Args[0].Val
				if reachable {
					join(l, cur)
				}
				cur, reachable = state(l), true
			}
			framed[i] = reachable && cur
			forEachLabel(in, func(l int64) { join(l, cur) })
			cur = framedAfter(in.Op, cur)
			reachable = !endsBlock[in.Op]
		}
	}
	return framed
}

// framedAfter is the frame state after an instruction of opcode op.
func framedAfter(op beam.Opcode, before bool) bool {
	switch op {
	case beam.OpAllocate, beam.OpAllocateZero, beam.OpAllocateHeap, beam.OpAllocateHeapZero:
		return true
	case beam.OpDeallocate:
		return false
	}
	return before
}

// forEachLabel calls f with every label an instruction's operands name
// (fail labels, select lists, try and catch handlers).
func forEachLabel(in beam.Instr, f func(int64)) {
	var walk func(o beam.Operand)
	walk = func(o beam.Operand) {
		switch o.Kind {
		case beam.KindLabel:
			if o.Val != 0 {
				f(o.Val)
			}
		case beam.KindList:
			for _, e := range o.List {
				walk(e)
			}
		}
	}
	if in.Op == beam.OpLabel {
		return
	}
	for _, a := range in.Args {
		walk(a)
	}
}

// endsBlock are the instructions after which execution never falls
// through to the next one. (Missing one only makes the analysis more
// careful.)
var endsBlock = map[beam.Opcode]bool{
	beam.OpReturn: true, beam.OpJump: true, beam.OpFuncInfo: true,
	beam.OpCallLast: true, beam.OpCallOnly: true, beam.OpCallExtLast: true, beam.OpCallExtOnly: true,
	beam.OpSelectVal: true, beam.OpSelectTupleArity: true,
	beam.OpBadmatch: true, beam.OpCaseEnd: true, beam.OpIfEnd: true, beam.OpTryCaseEnd: true,
	beam.OpBadRecord: true,
}
