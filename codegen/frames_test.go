package codegen

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/beam"
)

// Instruction builders for hand-written function bodies.
func lbl(n int64) beam.Operand { return beam.Operand{Kind: beam.KindLabel, Val: n} }
func xr(n int64) beam.Operand  { return beam.Operand{Kind: beam.KindX, Val: n} }
func yr(n int64) beam.Operand  { return beam.Operand{Kind: beam.KindY, Val: n} }
func un(n int64) beam.Operand  { return beam.Operand{Kind: beam.KindUnsigned, Val: n} }

func op(o beam.Opcode, args ...beam.Operand) beam.Instr { return beam.Instr{Op: o, Args: args} }

// The function prologue: label 1, func_info, entry label 2.
func body(rest ...beam.Instr) []beam.Instr {
	head := []beam.Instr{op(beam.OpLabel, lbl(1)), op(beam.OpFuncInfo), op(beam.OpLabel, lbl(2))}
	return append(head, rest...)
}

// TestFramedAt checks which calls framedAt proves to run inside an
// allocated frame: the ones whose stack check native code may leave out.
// The instruction under test is always the first call in the body.
func TestFramedAt(t *testing.T) {
	call := op(beam.OpCall, un(1), lbl(2))
	tests := []struct {
		name string
		code []beam.Instr
		want bool
	}{
		{"after allocate", body(op(beam.OpAllocate, un(1), un(1)), call), true},
		{"no frame", body(call), false},
		{"after deallocate", body(op(beam.OpAllocate, un(0), un(1)), op(beam.OpDeallocate, un(0)), call), false},
		{"trim keeps the frame", body(op(beam.OpAllocate, un(2), un(1)), op(beam.OpTrim, un(1), un(1)), call), true},
		{"one path without a frame", body(
			op(beam.OpIsNil, lbl(3), xr(0)),
			op(beam.OpAllocate, un(0), un(1)),
			op(beam.OpJump, lbl(4)),
			op(beam.OpLabel, lbl(3)),
			op(beam.OpLabel, lbl(4)),
			call), false},
		{"both paths allocate", body(
			op(beam.OpIsNil, lbl(3), xr(0)),
			op(beam.OpAllocate, un(0), un(1)),
			op(beam.OpJump, lbl(4)),
			op(beam.OpLabel, lbl(3)),
			op(beam.OpAllocate, un(1), un(1)),
			op(beam.OpLabel, lbl(4)),
			call), true},
		{"a jump back from after a deallocate", body(
			op(beam.OpAllocate, un(0), un(1)),
			op(beam.OpLabel, lbl(3)),
			call,
			op(beam.OpDeallocate, un(0)),
			op(beam.OpJump, lbl(3))), false},
		{"a call to the entry from inside the frame", body(
			op(beam.OpAllocate, un(0), un(1)),
			op(beam.OpCall, un(1), lbl(2)),
			op(beam.OpDeallocate, un(0)),
			op(beam.OpReturn)), true},
		{"a catch handler", body(
			op(beam.OpAllocate, un(1), un(1)),
			op(beam.OpTry, yr(0), lbl(3)),
			op(beam.OpReturn),
			op(beam.OpLabel, lbl(3)),
			op(beam.OpTryCase, yr(0)),
			call), true},
		{"the entry label jumped to from inside the frame", body(
			call,
			op(beam.OpAllocate, un(0), un(1)),
			op(beam.OpJump, lbl(2))), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			framed := framedAt(tt.code, 2)
			for i, in := range tt.code {
				if in.Op == beam.OpCall {
					assert.Equal(t, tt.want, framed[i])
					return
				}
			}
			t.Fatal("no call in the test's code")
		})
	}
}

// Every body call erlc emits runs in a frame: the analysis proves it for
// every call of the test programs' modules (so native code leaves out every such
// stack check), which also shows it is not simply saying false.
func TestFramedAtProvesErlcCalls(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*", "*", "ebin", "*.beam"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	calls := 0
	for _, f := range files {
		m, err := beam.ReadFile(f)
		require.NoError(t, err)
		calls += checkCallsFramed(t, m)
	}
	assert.Greater(t, calls, 1000)
}

func checkCallsFramed(t *testing.T, m *beam.Module) int {
	calls := 0
	for i := range m.Functions {
		fn := &m.Functions[i]
		framed := framedAt(fn.Code, int64(fn.Label))
		for k, in := range fn.Code {
			switch in.Op {
			case beam.OpCall, beam.OpCallExt, beam.OpCallFun, beam.OpCallFun2:
				calls++
				assert.True(t, framed[k], "%s:%s/%d: %s at %d", m.Name, fn.Name, fn.Arity, in.Op, k)
			}
		}
	}
	return calls
}
