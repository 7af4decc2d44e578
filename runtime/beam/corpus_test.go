package beam

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTinyModule(t *testing.T) {
	m, err := Parse("tiny.beam", tinyModule())
	require.NoError(t, err)
	assert.Equal(t, "m", m.Name)
	assert.Equal(t, []FuncRef{{Name: "f", Arity: 0, Label: 2}}, m.Exports)
	require.Len(t, m.Functions, 1)
	f := m.Functions[0]
	assert.Equal(t, "f", f.Name)
	assert.Equal(t, 2, f.Label)
	assert.Equal(t, "move ok, x0", m.FormatInstr(f.Code[3]))
	fn, idx, ok := m.Label(2)
	require.True(t, ok)
	assert.Equal(t, &m.Functions[0], fn)
	assert.Equal(t, 2, idx)
}

func TestCorpusDecodes(t *testing.T) {
	for _, path := range corpusFiles(t) {
		t.Run(filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path), func(t *testing.T) {
			m, err := ReadFile(path)
			if filepath.Base(path) == malformedName {
				require.Error(t, err)
				assert.True(t, errors.Is(err, ErrNotBEAM))
				assert.Contains(t, err.Error(), path)
				return
			}
			require.NoError(t, err)
			assert.NotEmpty(t, m.Functions)
			assert.Equal(t, m.Header.NumFunctions, len(m.Functions))
			// Every export resolves to a function with that name/arity.
			for _, e := range m.Exports {
				f, _, ok := m.Label(e.Label)
				require.True(t, ok, "export %s/%d", e.Name, e.Arity)
				assert.Equal(t, e.Name, f.Name)
				assert.Equal(t, e.Arity, f.Arity)
			}
			// OTP 28 files carry line tables and types.
			assert.NotNil(t, m.Lines)
			assert.NotEmpty(t, m.Types)
			assert.Equal(t, TypeAny&^TypeRecord, m.Types[0].Union&^TypeRecord, "type 0 is any")
		})
	}
}

func TestCorpusProof(t *testing.T) {
	dir := corpusDir(t)
	m, err := ReadFile(filepath.Join(dir, "proof", "proof.beam"))
	require.NoError(t, err)
	assert.Equal(t, "proof", m.Name)
	assert.Equal(t, "proof", m.Atom(1))
	exports := map[string]bool{}
	for _, e := range m.Exports {
		exports[e.Name+"/"+itoa(int64(e.Arity))] = true
	}
	for _, want := range []string{"answer/0", "add/2", "factorial/1", "fibonacci/1", "run_pipeline/1", "module_info/0", "module_info/1"} {
		assert.True(t, exports[want], "export %s", want)
	}
	answer, ok := m.Function("answer", 0)
	require.True(t, ok)
	// answer() -> 42.
	var ops []string
	for _, in := range answer.Code {
		ops = append(ops, m.FormatInstr(in))
	}
	assert.Contains(t, ops, "move 42, x0")
	assert.Equal(t, "return", ops[len(ops)-1])
	// The func_info carries the source line from the Line chunk.
	for _, in := range answer.Code {
		if in.Op == OpFuncInfo {
			assert.Equal(t, "src/proof.gleam", in.Loc.File)
			assert.Greater(t, in.Loc.Line, 0)
		}
	}
	assert.Contains(t, m.Imports, MFA{"erlang", "*", 2})
}

func TestCorpusBignumLiteral(t *testing.T) {
	m, err := ReadFile(filepath.Join(corpusDir(t), "erlang_probes", "bignum.beam"))
	require.NoError(t, err)
	found := false
	for _, l := range m.Literals {
		if _, ok := l.(BigInt); ok {
			found = true
		}
	}
	for _, f := range m.Functions {
		for _, in := range f.Code {
			for _, a := range in.Args {
				if a.Kind == KindInteger && a.Big != nil {
					found = true
				}
			}
		}
	}
	assert.True(t, found, "bignum.beam should hold an integer beyond int64")
}

func TestCorpusNewOpcodes(t *testing.T) {
	// OTP 26+ output uses bs_match and update_record; make sure some file
	// in the corpus exercises the decoder on them.
	seen := map[Opcode]bool{}
	for _, path := range corpusFiles(t) {
		if filepath.Base(path) == malformedName {
			continue
		}
		m, err := ReadFile(path)
		require.NoError(t, err)
		for _, f := range m.Functions {
			for _, in := range f.Code {
				seen[in.Op] = true
			}
		}
	}
	for _, op := range []Opcode{OpBsCreateBin, OpCallFun2, OpBsMatch, OpMakeFun3} {
		assert.True(t, seen[op], "%s not seen in corpus", op)
	}
}

func TestMalformedErrorNamesFile(t *testing.T) {
	path := filepath.Join(corpusDir(t), "erlang_probes", malformedName)
	_, err := ReadFile(path)
	require.Error(t, err)
	var fe *FormatError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, path, fe.File)
	assert.False(t, strings.Contains(err.Error(), "\n"))
	data, _ := os.ReadFile(path)
	_, err = Parse("x.beam", data)
	assert.EqualError(t, err, "x.beam: at offset 0x0: not a BEAM file")
}
