package compiler

import (
	"bytes"
	"debug/elf"
	"debug/macho"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/codegen"
	"github.com/beamrc/beamrc/linker"
	"github.com/beamrc/beamrc/runtime/boot"
)

var example = filepath.Join("..", "testdata", "example")

// The example is built once for every test that only looks at the result.
var exampleBuild struct {
	once sync.Once
	dir  string
	res  *Result
	log  string
	err  error
}

func buildExample(t *testing.T) (*Result, string) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go on PATH")
	}
	b := &exampleBuild
	b.once.Do(func() {
		b.dir, b.err = os.MkdirTemp("", "beamrc-build-test")
		if b.err != nil {
			return
		}
		var log bytes.Buffer
		b.res, b.err = Build(Options{
			Paths:   []string{example},
			Output:  filepath.Join(b.dir, "example"),
			Log:     &log,
			WorkDir: filepath.Join(b.dir, "work"),
		})
		b.log = log.String()
	})
	require.NoError(t, b.err, b.log)
	return b.res, b.log
}

func TestMain(m *testing.M) {
	code := m.Run()
	if exampleBuild.dir != "" {
		os.RemoveAll(exampleBuild.dir)
	}
	os.Exit(code)
}

func TestBuildExample(t *testing.T) {
	res, log := buildExample(t)

	t.Run("progress", func(t *testing.T) {
		lines := strings.Split(strings.TrimSpace(log), "\n")
		require.GreaterOrEqual(t, len(lines), 5)
		assert.Regexp(t, `^loaded \d+ modules, entry example:main/0$`, lines[0])
		assert.Regexp(t, `^compiling \d+ modules \(and \d+ of the runtime's library\) for `, lines[1])
		assert.Equal(t, "linking (go build)", lines[2])
		assert.Regexp(t, `^wrote .*example \(\d+\.\d MB\)$`, lines[3])
		assert.Equal(t, Summary(res.Native, len(res.Decisions)), lines[len(lines)-1])
		assert.Greater(t, res.Native, 0, "the host backend lowers functions")
		assert.Equal(t, "native: 0 of 217 functions (0%)", Summary(0, 217))
	})

	t.Run("runs without erl, from anywhere", func(t *testing.T) {
		wantOut, err := os.ReadFile(filepath.Join(example, "expected.stdout"))
		require.NoError(t, err)
		wantStatus := readStatus(t, filepath.Join(example, "expected.status"))
		empty := t.TempDir()
		cmd := exec.Command(res.Output)
		cmd.Dir = empty
		cmd.Env = []string{"PATH=" + empty, "BEAMRC_DEBUG=1"}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err = cmd.Run()
		status := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			status = ee.ExitCode()
		} else {
			require.NoError(t, err)
		}
		assert.Equal(t, string(wantOut), stdout.String())
		assert.Equal(t, wantStatus, status, stderr.String())
		// Native code is disabled if the runtime interned its start-up
		// atoms in a different order than beamrc did.
		assert.NotContains(t, stderr.String(), "native code disabled")
	})

	t.Run("ELF with the blob symbol", func(t *testing.T) {
		f, err := elf.Open(res.Output)
		require.NoError(t, err)
		defer f.Close()
		assert.Equal(t, elf.ELFCLASS64, f.Class)
		assert.Equal(t, elf.ET_EXEC, f.Type)
		syms, err := f.Symbols()
		require.NoError(t, err, "the executable keeps its symbol table")
		assert.True(t, hasSymbol(syms, linker.BlobSymbol))
		if file, err := exec.LookPath("file"); err == nil {
			out, err := exec.Command(file, res.Output).Output()
			require.NoError(t, err)
			assert.Contains(t, string(out), "ELF 64-bit")
		}
	})

	t.Run("every function planned", func(t *testing.T) {
		require.NotEmpty(t, res.Decisions)
		native := 0
		for _, d := range res.Decisions {
			if d.Native {
				native++
				assert.Empty(t, d.Reason, d.MFA)
			} else {
				assert.NotEmpty(t, d.Reason, "a fallback says why: %s", d.MFA)
			}
		}
		assert.Equal(t, res.Native, native)
	})
}

func readStatus(t *testing.T, path string) int {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	n, err := strconv.Atoi(strings.TrimSpace(string(data)))
	require.NoError(t, err)
	return n
}

func hasSymbol(syms []elf.Symbol, name string) bool {
	for _, s := range syms {
		if s.Name == name {
			return true
		}
	}
	return false
}

// stubBackend "lowers" every function to a few trap bytes (the test runs
// the program with BEAMRC_NO_NATIVE=1), and calls every
// function's first ref target: enough to check layout, references,
// symbols and the image end to end.
type stubBackend struct{ resolved int }

func (b *stubBackend) Lower(fn *codegen.Function, env codegen.Env) (*codegen.Code, error) {
	env.Atom(fn.Module.Name)
	env.Atom(fn.Func.Name)
	code := &codegen.Code{Bytes: linker.Padding("amd64", 8)}
	code.Refs = []codegen.Ref{{Offset: 4, Target: fn.MFA()}}
	return code, nil
}

func (b *stubBackend) Resolve(blob []byte, at uint32, ref codegen.Ref, target uint32, native bool) error {
	if !native || at != target+4 {
		return errors.New("stub: unexpected reference")
	}
	b.resolved++
	return nil
}

func (b *stubBackend) Align() int { return 16 }

func TestBuildWithNativeSymbols(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go on PATH")
	}
	dir := t.TempDir()
	be := &stubBackend{}
	var log bytes.Buffer
	res, err := Build(Options{
		Paths:     []string{example},
		Output:    filepath.Join(dir, "example"),
		Log:       &log,
		WorkDir:   filepath.Join(dir, "work"),
		Backend:   be,
		Interpret: []string{"example:main/0", "tiny@io"},
		Verbose:   true,
		Target:    Target{"linux", "amd64"},
	})
	require.NoError(t, err, log.String())
	assert.Equal(t, res.Native, be.resolved)
	assert.Contains(t, log.String(), "  interpreted example:main/0: --interpret example:main/0\n")
	assert.Contains(t, log.String(), "  interpreted tiny@io:print/1: --interpret tiny@io\n")
	assert.Regexp(t, `native: \d+ of \d+ functions \(9\d%\)\n$`, log.String())

	f, err := elf.Open(res.Output)
	require.NoError(t, err)
	defer f.Close()
	syms, err := f.Symbols()
	require.NoError(t, err)
	assert.True(t, hasSymbol(syms, "beam:example:tokenize/1"))
	assert.True(t, hasSymbol(syms, "beam:tiny@list:do_map/3"))
	assert.False(t, hasSymbol(syms, "beam:example:main/0"), "interpreted")
	lambdas := 0
	for _, s := range syms {
		if strings.HasPrefix(s.Name, "beam:") && strings.Contains(s.Name, "-fun-") {
			lambdas++
		}
	}
	assert.NotZero(t, lambdas, "lambdas keep their names: beam:mod:-f/N-fun-K-/A")
	if nm, err := exec.LookPath("nm"); err == nil {
		out, err := exec.Command(nm, res.Output).Output()
		require.NoError(t, err)
		assert.Regexp(t, `(?m) T beam:example:tokenize/1$`, string(out))
		assert.Regexp(t, `(?m) T beam:tiny@list:do_map/3$`, string(out))
	}

	// The stub's "native code" is trap bytes: the program runs with
	// native code switched off.
	cmd := exec.Command(res.Output)
	cmd.Env = append(os.Environ(), "BEAMRC_NO_NATIVE=1")
	out, err := cmd.Output()
	require.NoError(t, err)
	want, _ := os.ReadFile(filepath.Join(example, "expected.stdout"))
	assert.Equal(t, string(want), string(out))
}

func TestBuildDarwinLinks(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go on PATH")
	}
	dir := t.TempDir()
	for _, arch := range []string{"arm64", "amd64"} {
		out := filepath.Join(dir, "example-"+arch)
		_, err := Build(Options{
			Paths: []string{example}, Output: out, WorkDir: filepath.Join(dir, "work"),
			Target: Target{"darwin", arch}, Backend: &stubBackend{},
		})
		require.NoError(t, err)
		f, err := macho.Open(out)
		require.NoError(t, err)
		assert.Equal(t, macho.TypeExec, f.Type)
		f.Close()
	}
}

func TestBuildErrors(t *testing.T) {
	t.Run("missing entry", func(t *testing.T) {
		_, err := Build(Options{Paths: []string{example}, Entry: "nope:main/0", WorkDir: t.TempDir()})
		var ee *boot.EntryError
		require.ErrorAs(t, err, &ee)
		assert.EqualError(t, err, "entry nope:main/0 not found: no module nope on the given paths")
		_, err = Build(Options{Paths: []string{example}, Entry: "example:nope/2", WorkDir: t.TempDir()})
		assert.EqualError(t, err, "entry example:nope/2 not found: module example exports no nope/2")
	})
	t.Run("bad path", func(t *testing.T) {
		_, err := Build(Options{Paths: []string{"no/such/dir"}, WorkDir: t.TempDir()})
		assert.ErrorContains(t, err, "no/such/dir")
	})
	t.Run("bad interpret", func(t *testing.T) {
		_, err := Build(Options{Paths: []string{example}, Interpret: []string{"nope"}, WorkDir: t.TempDir()})
		assert.EqualError(t, err, "--interpret nope: no module nope in the program")
		_, err = Build(Options{Paths: []string{example}, Interpret: []string{"example:nope/1"}, WorkDir: t.TempDir()})
		assert.EqualError(t, err, "--interpret example:nope/1: module example has no function nope/1")
	})
	t.Run("bad target", func(t *testing.T) {
		_, err := Build(Options{Paths: []string{example}, Target: Target{"windows", "amd64"}})
		assert.EqualError(t, err, `unknown target "windows/amd64" (supported: linux/amd64, linux/arm64, darwin/amd64, darwin/arm64)`)
	})
	t.Run("no go", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, err := Build(Options{Paths: []string{example}})
		assert.ErrorIs(t, err, linker.ErrNoGo)
		assert.EqualError(t, err, "beamrc build needs the Go toolchain (go) on PATH: install Go 1.26+")
	})
	t.Run("output is a directory", func(t *testing.T) {
		dir := t.TempDir()
		_, err := Build(Options{Paths: []string{example}, Output: dir, WorkDir: filepath.Join(dir, "work")})
		assert.EqualError(t, err, "output "+dir+" is a directory: name the executable with -o")
	})
	t.Run("failed link leaves no output", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "example")
		require.NoError(t, os.WriteFile(out, []byte("previous"), 0o755))
		// A go that fails, first on PATH.
		bin := filepath.Join(dir, "bin")
		require.NoError(t, os.Mkdir(bin, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(bin, "go"), []byte("#!/bin/sh\necho 'link failed: boom' >&2\nexit 1\n"), 0o755))
		t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		_, err := Build(Options{Paths: []string{example}, Output: out, WorkDir: filepath.Join(dir, "work")})
		require.ErrorContains(t, err, "link failed: boom")
		data, _ := os.ReadFile(out)
		assert.Equal(t, "previous", string(data))
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			assert.False(t, strings.HasSuffix(e.Name(), ".tmp"), e.Name())
		}
	})
}

// The runtime's Erlang library (lists:map/2 and the like) is compiled
// with the program: hot library code must not fall back to the
// interpreter.
func TestBuildCompilesLibrary(t *testing.T) {
	prog, err := Load([]string{filepath.Join("..", "testdata", "bench", "listops")}, "")
	require.NoError(t, err)
	var lib []string
	for _, m := range prog.Modules {
		if m.Library {
			lib = append(lib, m.Beam.Name)
			assert.Nil(t, m.Bytes, "the runtime carries %s already", m.Beam.Name)
		}
	}
	assert.ElementsMatch(t, []string{"lists", "maps"}, lib)
	assert.Equal(t, 1, prog.own())
}
