package amd64

import (
	"math/big"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/codegen"
	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
)

// fakeEnv numbers everything in the order asked.
type fakeEnv struct{ n uint32 }

func (e *fakeEnv) next() uint32                   { e.n++; return e.n }
func (e *fakeEnv) Atom(string) uint32             { return e.next() }
func (e *fakeEnv) Literal(string, int) uint32     { return e.next() }
func (e *fakeEnv) Integer(*big.Int) uint32        { return e.next() }
func (e *fakeEnv) Callee(beam.MFA, uint32) uint32 { return e.next() }
func (e *fakeEnv) Fun(string, int) uint32         { return e.next() }
func (e *fakeEnv) IsBIF(m beam.MFA) bool          { return m.Module == "erlang" }

func TestLowerFib(t *testing.T) {
	m, err := beam.ReadFile(filepath.Join("..", "..", "testdata", "bench", "fib", "ebin", "fib.beam"))
	require.NoError(t, err)
	f, ok := m.Function("fib", 1)
	require.True(t, ok)
	code, err := Backend{}.Lower(&codegen.Function{Module: m, Func: f}, &fakeEnv{})
	require.NoError(t, err)
	assert.NotEmpty(t, code.Bytes)
	kinds := map[uint8]int{}
	for _, r := range code.Refs {
		kinds[r.Kind]++
		assert.Less(t, int(r.Offset)+4, len(code.Bytes)+1)
	}
	assert.Positive(t, kinds[refJump], "recursive calls are direct jumps once resolved")
	assert.Positive(t, kinds[refCP], "calls push native continuations")
	assert.NotEmpty(t, code.Sites)

	// Resolving: a native target becomes a rel32 to it; a CP gets the
	// function's offset added.
	blob := append(make([]byte, 64), code.Bytes...)
	for _, r := range code.Refs {
		require.NoError(t, Backend{}.Resolve(blob, 64+r.Offset, r, 64, true))
		if r.Kind == refJump {
			assert.Equal(t, int32(64-int64(64+r.Offset+4)), int32(getLE32(blob[64+r.Offset:])))
		}
	}
}

func TestPrelude(t *testing.T) {
	p := Backend{}.Prelude()
	require.Greater(t, len(p), abi.NativeRaiseOffset, "the raise routine follows the dispatcher")
	dispatcher := p[:abi.NativeRaiseOffset]
	for dispatcher[len(dispatcher)-1] == 0xCC { // INT3 padding
		dispatcher = dispatcher[:len(dispatcher)-1]
	}
	assert.Equal(t, []byte{0x4D, 0x8B, 0x55, 0x00, 0x4D, 0x8B, 0x5D, 0x08, 0xFF, 0xE2}, dispatcher[len(dispatcher)-10:],
		"the dispatcher loads x0 into R10 and x1 into R11 (the pinned x registers), and ends in JMP DX")
	assert.Equal(t, byte(0xC3), p[len(p)-1], "the raise routine ends in the runtime's raise: RET")
}

func TestUnsupportedReason(t *testing.T) {
	m, err := beam.ReadFile(filepath.Join("..", "..", "testdata", "bench", "fib", "ebin", "fib.beam"))
	require.NoError(t, err)
	f, _ := m.Function("fib", 1)
	g := *f
	g.Code = append([]beam.Instr(nil), f.Code...)
	g.Code = append(g.Code, beam.Instr{Op: beam.OpOnLoad})
	_, err = Backend{}.Lower(&codegen.Function{Module: m, Func: &g}, &fakeEnv{})
	assert.EqualError(t, err, "on_load: not lowered yet")
}

// Every function with float instructions assembles: the SSE2
// instructions and operand shapes float.go uses are ones golang-asm
// encodes (it reports the others as errors).
func TestLowerFloats(t *testing.T) {
	for _, path := range []string{
		filepath.Join("..", "..", "testdata", "bench", "nbody", "ebin", "nbody.beam"),
		filepath.Join("..", "..", "testdata", "programs", "e_float_ops", "ebin", "e_float_ops.beam"),
	} {
		m, err := beam.ReadFile(path)
		require.NoError(t, err)
		for i := range m.Functions {
			f := &m.Functions[i]
			code, err := Backend{}.Lower(&codegen.Function{Module: m, Func: f}, &fakeEnv{})
			require.NoError(t, err, "%s/%d", f.Name, f.Arity)
			assert.NotEmpty(t, code.Bytes)
		}
	}
}

// Every function of the test programs, the benchmarks and the runtime's
// own library lowers: an assembler error would silently send a function
// to the interpreter.
func TestLowerEverything(t *testing.T) {
	var files []string
	for _, pat := range []string{"testdata/programs/*/ebin/*.beam", "testdata/bench/*/ebin/*.beam", "runtime/otp/ebin/*.beam"} {
		m, err := filepath.Glob(filepath.Join("..", "..", pat))
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	for _, file := range files {
		m, err := beam.ReadFile(file)
		require.NoError(t, err)
		for i := range m.Functions {
			f := &m.Functions[i]
			_, err := Backend{}.Lower(&codegen.Function{Module: m, Func: f}, &fakeEnv{})
			assert.NoError(t, err, "%s:%s/%d", m.Name, f.Name, f.Arity)
		}
	}
}
