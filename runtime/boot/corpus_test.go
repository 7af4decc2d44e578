package boot

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// The results ../shared/corpus/EXPECTED.md records for the corpus's Gleam
// programs (Gleam 1.17 on OTP 28/29), checked in-process: the entry
// functions take integers, which `beamrc run` cannot pass (its arguments
// are binaries), and their values are not printed.

// corpusDir returns ../shared/corpus/name relative to the repository, or
// skips the test.
func corpusDir(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", name)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus not present: %v", err)
	}
	return dir
}

// loadCorpus loads paths and the runtime library into a linked system.
func loadCorpus(t *testing.T, paths ...string) *emu.System {
	t.Helper()
	sys := NewSystem(nil)
	_, err := LoadPaths(sys, paths)
	require.NoError(t, err)
	require.NoError(t, LoadLibrary(sys))
	require.NoError(t, sys.Link())
	return sys
}

// call runs mod:fun(args) as the program's entry and returns its exit
// status and its value printed with ~p ("" if it did not return).
func call(t *testing.T, sys *emu.System, mod, fun string, args ...term.Term) (int, string) {
	t.Helper()
	status, err := Run(sys, Entry{Module: mod, Function: fun, Arity: len(args)}, args)
	require.NoError(t, err)
	if r := sys.Result(); r != term.NonValue {
		return status, format.Print(r, format.DefaultPrint)
	}
	return status, ""
}

func TestCorpusProof(t *testing.T) {
	sys := loadCorpus(t, corpusDir(t, "proof"))
	for _, c := range []struct {
		fun  string
		args []int64
		want string
	}{
		{"answer", nil, "42"},
		{"add", []int64{17, 25}, "42"},
		{"run_pipeline", []int64{5}, "400"},
		{"factorial", []int64{0}, "1"},
		{"factorial", []int64{5}, "120"},
		{"factorial", []int64{10}, "3628800"},
		{"factorial", []int64{12}, "479001600"},
		{"factorial", []int64{20}, "2432902008176640000"},
		{"fibonacci", []int64{0}, "0"},
		{"fibonacci", []int64{1}, "1"},
		{"fibonacci", []int64{10}, "55"},
		{"fibonacci", []int64{30}, "832040"},
	} {
		args := make([]term.Term, len(c.args))
		for i, a := range c.args {
			args[i] = term.MakeInt(heap.Literals, a)
		}
		status, got := call(t, sys, "proof", c.fun, args...)
		assert.Equal(t, 0, status, "proof:%s%v", c.fun, c.args)
		assert.Equal(t, c.want, got, "proof:%s%v", c.fun, c.args)
	}
}

func TestCorpusActorSpike(t *testing.T) {
	dir := corpusDir(t, "actor_spike")
	sys := loadCorpus(t, dir)
	for _, c := range []struct{ fun, want string }{
		{"run", "2"},
		{"subject_probe", "77"},
		{"receive_probe", "88"},
	} {
		status, got := call(t, sys, "actor_spike", c.fun)
		assert.Equal(t, 0, status, c.fun)
		assert.Equal(t, c.want, got, c.fun)
	}
}

// TestCorpusActorSpikeWithoutFFI: with gleam_erlang_ffi.beam left out,
// subject_probe/0 crashes with undef, and the report names the missing
// module.
func TestCorpusActorSpikeWithoutFFI(t *testing.T) {
	dir := corpusDir(t, "actor_spike")
	tmp := t.TempDir()
	files, err := filepath.Glob(filepath.Join(dir, "*.beam"))
	require.NoError(t, err)
	for _, f := range files {
		if filepath.Base(f) == "gleam_erlang_ffi.beam" {
			continue
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(tmp, filepath.Base(f)), data, 0o644))
	}
	sys := loadCorpus(t, tmp)
	var stderr bytes.Buffer
	sys.Stderr = &stderr
	status, got := call(t, sys, "actor_spike", "subject_probe")
	assert.Equal(t, emu.StatusCrashed, status)
	assert.Empty(t, got)
	assert.Contains(t, stderr.String(), "undef")
	assert.Contains(t, stderr.String(), "gleam_erlang_ffi:")
}
