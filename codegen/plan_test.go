package codegen

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/beam"
)

// Float instructions are lowered, not stepped: a plan steps none of them
// when their operands are the ones erlc emits (float registers, float
// constants, x and y registers).
func TestPlanLowersFloatOps(t *testing.T) {
	for _, path := range []string{
		filepath.Join("..", "testdata", "bench", "nbody", "ebin", "nbody.beam"),
		filepath.Join("..", "testdata", "programs", "e_float_ops", "ebin", "e_float_ops.beam"),
	} {
		m, err := beam.ReadFile(path)
		require.NoError(t, err)
		seen := 0
		for i := range m.Functions {
			fn := &m.Functions[i]
			p, err := NewPlan(&Function{Module: m, Func: fn})
			require.NoError(t, err, "%s/%d", fn.Name, fn.Arity)
			for k, in := range fn.Code {
				if floatOps[in.Op] {
					seen++
					assert.False(t, p.Step[k], "%s/%d: %s is stepped", fn.Name, fn.Arity, in.Op)
				}
			}
		}
		assert.Positive(t, seen, "%s has float instructions", path)
	}
}

// A float register outside the runtime's array is refused, not lowered
// into an access past it.
func TestPlanRejectsFloatRegisterOutOfRange(t *testing.T) {
	in := beam.Instr{Op: beam.OpFmove, Args: []beam.Operand{{Kind: beam.KindFR, Val: 0}, {Kind: beam.KindFR, Val: 1 << 20}}}
	assert.Error(t, checkOperands(in))
	in.Args[1].Val = 1
	assert.NoError(t, checkOperands(in))
	move := beam.Instr{Op: beam.OpMove, Args: []beam.Operand{{Kind: beam.KindFR, Val: 0}, {Kind: beam.KindX, Val: 0}}}
	assert.Error(t, checkOperands(move), "float registers belong to float instructions only")
}

// Binary matching instructions are lowered (a fast path in line, the
// step as its slow path), not stepped outright.
func TestPlanLowersBitMatching(t *testing.T) {
	m, err := beam.ReadFile(filepath.Join("..", "testdata", "programs", "e_bits_native", "ebin", "e_bits_native.beam"))
	require.NoError(t, err)
	seen := map[beam.Opcode]int{}
	for i := range m.Functions {
		fn := &m.Functions[i]
		p, err := NewPlan(&Function{Module: m, Func: fn})
		require.NoError(t, err, "%s/%d", fn.Name, fn.Arity)
		for k, in := range fn.Code {
			if bitMatching[in.Op] {
				seen[in.Op]++
				assert.False(t, p.Step[k], "%s/%d: %s is stepped", fn.Name, fn.Arity, in.Op)
			}
		}
	}
	for _, op := range []beam.Opcode{beam.OpBsStartMatch4, beam.OpBsGetInteger2, beam.OpBsGetBinary2,
		beam.OpBsGetTail, beam.OpBsTestTail2, beam.OpBsMatchString, beam.OpBsGetUtf8, beam.OpBsSkipUtf8} {
		assert.Positive(t, seen[op], "the program has %s", op)
	}
}

// bs_create_bin is lowered (a fast path in line, the step as its slow
// path), not stepped outright, unless an operand has no fast path.
func TestPlanLowersBsCreateBin(t *testing.T) {
	m, err := beam.ReadFile(filepath.Join("..", "testdata", "programs", "e_bits_build", "ebin", "e_bits_build.beam"))
	require.NoError(t, err)
	seen := 0
	for i := range m.Functions {
		fn := &m.Functions[i]
		p, err := NewPlan(&Function{Module: m, Func: fn})
		require.NoError(t, err, "%s/%d", fn.Name, fn.Arity)
		for k, in := range fn.Code {
			if in.Op == beam.OpBsCreateBin && checkOperands(in) == nil {
				seen++
				assert.False(t, p.Step[k], "%s/%d: bs_create_bin is stepped", fn.Name, fn.Arity)
			}
		}
	}
	assert.Positive(t, seen)
}

// Integer constants that are not small integers (bignums) are operands
// like any other: no function is refused and no instruction stepped for
// one, whatever the instruction (moves, tuples, lists, comparisons,
// select_val, BIF arguments, map keys and values).
func TestPlanLowersBigConstants(t *testing.T) {
	m, err := beam.ReadFile(filepath.Join("..", "testdata", "programs", "e_big_constants", "ebin", "e_big_constants.beam"))
	require.NoError(t, err)
	seen := map[beam.Opcode]int{}
	for i := range m.Functions {
		fn := &m.Functions[i]
		p, err := NewPlan(&Function{Module: m, Func: fn})
		require.NoError(t, err, "%s/%d", fn.Name, fn.Arity)
		for k, in := range fn.Code {
			if hasBigConstant(in.Args) {
				seen[in.Op]++
				assert.False(t, p.Step[k], "%s/%d: %s is stepped", fn.Name, fn.Arity, in.Op)
			}
		}
	}
	for _, op := range []beam.Opcode{beam.OpMove, beam.OpPutList, beam.OpPutTuple2, beam.OpIsEqExact,
		beam.OpIsEq, beam.OpIsLt, beam.OpIsGe, beam.OpSelectVal, beam.OpGcBif2, beam.OpBif2,
		beam.OpPutMapAssoc, beam.OpGetMapElements} {
		assert.Positive(t, seen[op], "the program has %s with a bignum operand", op)
	}
}

func hasBigConstant(args []beam.Operand) bool {
	for _, o := range args {
		if o.Kind == beam.KindInteger && (o.Big != nil || o.Val < -(1<<59) || o.Val >= 1<<59) {
			return true
		}
		if o.Kind == beam.KindList && hasBigConstant(o.List) {
			return true
		}
	}
	return false
}
