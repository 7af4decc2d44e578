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
		testProgram("e_float_ops"),
	} {
		seen := notStepped(t, path, func(in beam.Instr) bool { return floatOps[in.Op] })
		assert.Positive(t, total(seen), "%s has float instructions", path)
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
	seen := notStepped(t, testProgram("e_bits_native"), func(in beam.Instr) bool { return bitMatching[in.Op] })
	for _, op := range []beam.Opcode{beam.OpBsStartMatch4, beam.OpBsGetInteger2, beam.OpBsGetBinary2,
		beam.OpBsGetTail, beam.OpBsTestTail2, beam.OpBsMatchString, beam.OpBsGetUtf8, beam.OpBsSkipUtf8} {
		assert.Positive(t, seen[op], "the program has %s", op)
	}
}

// bs_create_bin is lowered (a fast path in line, the step as its slow
// path), not stepped outright, unless an operand has no fast path.
func TestPlanLowersBsCreateBin(t *testing.T) {
	seen := notStepped(t, testProgram("e_bits_build"), func(in beam.Instr) bool {
		return in.Op == beam.OpBsCreateBin && checkOperands(in) == nil
	})
	assert.Positive(t, seen[beam.OpBsCreateBin])
}

// Integer constants that are not small integers (bignums) are operands
// like any other: no function is refused and no instruction stepped for
// one, whatever the instruction (moves, tuples, lists, comparisons,
// select_val, BIF arguments, map keys and values).
func TestPlanLowersBigConstants(t *testing.T) {
	seen := notStepped(t, testProgram("e_big_constants"), func(in beam.Instr) bool { return hasBigConstant(in.Args) })
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

// notStepped plans every function of the module at path, checks that
// none of the instructions pick selects is stepped, and counts them by
// opcode.
func notStepped(t *testing.T, path string, pick func(beam.Instr) bool) map[beam.Opcode]int {
	t.Helper()
	m, err := beam.ReadFile(path)
	require.NoError(t, err)
	seen := map[beam.Opcode]int{}
	for i := range m.Functions {
		fn := &m.Functions[i]
		p, err := NewPlan(&Function{Module: m, Func: fn})
		require.NoError(t, err, "%s/%d", fn.Name, fn.Arity)
		for k, in := range fn.Code {
			if pick(in) {
				seen[in.Op]++
				assert.False(t, p.Step[k], "%s/%d: %s is stepped", fn.Name, fn.Arity, in.Op)
			}
		}
	}
	return seen
}

func total(counts map[beam.Opcode]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// testProgram is the .beam of testdata program name.
func testProgram(name string) string {
	return filepath.Join("..", "testdata", "programs", name, "ebin", name+".beam")
}
