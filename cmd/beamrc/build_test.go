package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The build pipeline itself is tested in package compiler; these check
// the command line: flags, help, and one clear line per bad input.

func TestBuildHelp(t *testing.T) {
	code, out, _ := beamrc("build", "-h")
	assert.Equal(t, 0, code)
	for _, flag := range []string{"--output", "-o", "--entry", "--target", "--interpret", "--verbose", "-v", "linux/amd64", "darwin/arm64"} {
		assert.Contains(t, out, flag)
	}
	code, out2, _ := beamrc("build", "some/path", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, out2, "beamrc build - compile a program to a native executable")
	assert.Contains(t, out2, "--interpret SPEC")
}

func TestBuildErrors(t *testing.T) {
	example := filepath.Join("..", "..", "testdata", "example")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no path", []string{"build"}, 2, "beamrc: build: no path given (a Gleam project, an ebin directory or .beam files)\n"},
		{"bad target", []string{"build", example, "--target", "windows/amd64"}, 2,
			"beamrc: build: unknown target \"windows/amd64\" (supported: linux/amd64, linux/arm64, darwin/amd64, darwin/arm64)\n"},
		{"bad path", []string{"build", "no/such/dir"}, 1, "beamrc: build: stat no/such/dir: no such file or directory\n"},
		{"missing entry", []string{"build", example, "--entry", "nope:main/0"}, 2,
			"beamrc: build: entry nope:main/0 not found: no module nope on the given paths\n"},
		{"bad entry", []string{"build", "--entry=main", example}, 2, "beamrc: build: --entry \"main\" is not mod:fun/arity\n"},
		{"unknown flag after path", []string{"build", example, "--nope"}, 2, "beamrc: build: unknown option --nope (see beamrc build -h)\n"},
		{"flag without value", []string{"build", example, "-o"}, 2, "beamrc: build: flag needs an argument: -o\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := beamrc(tc.args...)
			assert.Equal(t, tc.code, code)
			assert.Empty(t, out)
			assert.Equal(t, tc.want, errOut)
		})
	}
}

func TestBuildNoGo(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	code, _, errOut := beamrc("build", filepath.Join("..", "..", "testdata", "example"))
	assert.Equal(t, 1, code)
	assert.Equal(t, "beamrc: build: beamrc build needs the Go toolchain (go) on PATH: install Go 1.26+\n", errOut)
}

// One real build through the command line: flags after the path, the
// output where -o says, progress and the summary on stderr.
func TestBuildCommand(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go on PATH")
	}
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	out := filepath.Join(dir, "ex")
	code, stdout, errOut := beamrc("build", filepath.Join("..", "..", "testdata", "example"), "-o", out, "--interpret", "example", "-v")
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, stdout)
	assert.Contains(t, errOut, "  interpreted example:main/0: --interpret example\n")
	assert.Regexp(t, `\nnative: \d+ of \d+ functions \(\d+%\)\n$`, errOut)
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&0o111)
	ents, err := os.ReadDir(filepath.Join(dir, "cache", "beamrc", "build"))
	require.NoError(t, err)
	assert.Len(t, ents, 1, "one build directory per project")
}
