package amd64

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beamrc/beamrc/runtime/beam"
)

func x(n int64) beam.Operand { return beam.Operand{Kind: beam.KindX, Val: n} }
func y(n int64) beam.Operand { return beam.Operand{Kind: beam.KindY, Val: n} }

func moves(pairs ...beam.Operand) []beam.Instr {
	var code []beam.Instr
	for i := 0; i+1 < len(pairs); i += 2 {
		code = append(code, beam.Instr{Op: beam.OpMove, Args: []beam.Operand{pairs[i], pairs[i+1]}})
	}
	return code
}

func TestFinalAssignments(t *testing.T) {
	nilOp := beam.Operand{Kind: beam.KindNil}
	tests := []struct {
		name  string
		moves []beam.Instr
		dead  deadAfter
		want  []assignment
	}{
		{
			name:  "a swap through a spare register drops the spare",
			moves: moves(x(0), x(2), x(1), x(0), x(2), x(1)),
			dead:  deadAfter{x: 2},
			want:  []assignment{{x(0), x(1)}, {x(1), x(0)}},
		},
		{
			name:  "the spare is stored when the next instruction does not say it is dead",
			moves: moves(x(0), x(2), x(1), x(0), x(2), x(1)),
			dead:  deadAfter{x: -1},
			want:  []assignment{{x(2), x(0)}, {x(0), x(1)}, {x(1), x(0)}},
		},
		{
			name:  "y registers are always stored",
			moves: moves(x(0), y(0), x(1), x(0)),
			dead:  deadAfter{x: 1},
			want:  []assignment{{y(0), x(0)}, {x(0), x(1)}},
		},
		{
			name:  "a register moved back to its own value is not stored",
			moves: moves(x(0), x(3), x(1), x(0), x(3), x(0)),
			dead:  deadAfter{x: -1},
			want:  []assignment{{x(3), x(0)}},
		},
		{
			name:  "a value moved on is read from where it was before the run",
			moves: moves(y(1), x(3), x(3), x(1), nilOp, x(3)),
			dead:  deadAfter{x: 4},
			want:  []assignment{{x(3), nilOp}, {x(1), y(1)}},
		},
		{
			name:  "y registers a trim drops are not stored",
			moves: moves(x(0), y(0), x(1), y(1), y(2), x(0)),
			dead:  deadAfter{x: 1, y: 1},
			want:  []assignment{{y(1), x(1)}, {x(0), y(2)}},
		},
		{
			name:  "a later move to the same register wins",
			moves: moves(x(1), x(0), x(2), x(0)),
			dead:  deadAfter{x: 1},
			want:  []assignment{{x(0), x(2)}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, finalAssignments(tt.moves, tt.dead))
		})
	}
}

func TestXLiveBefore(t *testing.T) {
	in := func(op beam.Opcode, args ...beam.Operand) beam.Instr { return beam.Instr{Op: op, Args: args} }
	n := func(v int64) beam.Operand { return beam.Operand{Kind: beam.KindUnsigned, Val: v} }
	lbl := beam.Operand{Kind: beam.KindLabel, Val: 4}
	tests := []struct {
		name string
		code []beam.Instr
		want int64
	}{
		{"call", []beam.Instr{in(beam.OpCall, n(3), lbl)}, 3},
		{"call_fun reads the fun after the arguments", []beam.Instr{in(beam.OpCallFun, n(2))}, 3},
		{"call_fun2 reads its fun's register", []beam.Instr{in(beam.OpCallFun2, n(0), n(1), x(3))}, 4},
		{"call_fun2 with the fun among the arguments", []beam.Instr{in(beam.OpCallFun2, n(0), n(2), x(0))}, 2},
		{"apply reads module and function", []beam.Instr{in(beam.OpApply, n(1))}, 3},
		{"return", []beam.Instr{in(beam.OpReturn)}, 1},
		{"deallocate then return", []beam.Instr{in(beam.OpDeallocate, n(2)), in(beam.OpReturn)}, 1},
		{"deallocate alone says nothing", []beam.Instr{in(beam.OpDeallocate, n(2)), in(beam.OpCall, n(1), lbl)}, -1},
		{"test_heap", []beam.Instr{in(beam.OpTestHeap, n(4), n(2))}, 2},
		{"allocate_heap", []beam.Instr{in(beam.OpAllocateHeap, n(1), n(4), n(3))}, 3},
		{"a label says nothing", []beam.Instr{in(beam.OpLabel, lbl)}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, xLiveBefore(tt.code, 0))
		})
	}
}

func TestOverwritten(t *testing.T) {
	out := []assignment{{x(0), x(1)}, {y(2), x(0)}}
	live2 := deadAfter{x: 2}
	unknown := deadAfter{x: -1}
	assert.True(t, overwritten(x(5), out, live2), "dead after the run")
	assert.True(t, overwritten(x(0), out, live2), "stored by the run")
	assert.True(t, overwritten(y(2), out, unknown), "stored by the run")
	assert.True(t, overwritten(y(0), out, deadAfter{x: -1, y: 1}), "trimmed")
	assert.False(t, overwritten(x(1), out, live2), "live and kept")
	assert.False(t, overwritten(x(5), out, unknown), "liveness unknown")
	assert.False(t, overwritten(y(0), out, live2), "y registers outlive the run")
}

func TestSkipInert(t *testing.T) {
	n := func(v int64) beam.Operand { return beam.Operand{Kind: beam.KindUnsigned, Val: v} }
	code := []beam.Instr{
		{Op: beam.OpLine, Args: []beam.Operand{n(3)}},
		{Op: beam.OpTrim, Args: []beam.Operand{n(2), n(1)}},
		{Op: beam.OpTrim, Args: []beam.Operand{n(1), n(0)}},
		{Op: beam.OpReturn},
	}
	next, trimmed := skipInert(code, 0)
	assert.Equal(t, 3, next)
	assert.Equal(t, int64(3), trimmed, "the second trim's y0 was y2")
}
