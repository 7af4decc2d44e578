package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuildCorpusGleamGate builds the gate natively and checks that the
// executable prints what `gleam run` printed, in GC torture mode too.
// Its modules come from OTP 28, so this is where native code meets the
// newer instructions erlc 25 never emits (bs_match above all).
func TestBuildCorpusGleamGate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a native executable")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go on PATH")
	}
	src := filepath.Join(corpus(t), "gleam_gate")
	want, err := os.ReadFile(filepath.Join(src, "expected_stdout.txt"))
	require.NoError(t, err)
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	exe := filepath.Join(dir, "gate")
	code, _, errOut := beamrc("build", src, "--entry", "beamr_gate:main/0", "-o", exe)
	require.Equal(t, 0, code, errOut)
	at := strings.LastIndex(errOut, "native: ")
	require.GreaterOrEqual(t, at, 0, errOut)
	var native, all int
	_, err = fmt.Sscanf(errOut[at:], "native: %d of %d", &native, &all)
	require.NoError(t, err, errOut)
	assert.Equal(t, all, native, "every function of the gate is native")
	for _, env := range [][]string{nil, {"BEAMRC_GC_TORTURE=1"}} {
		cmd := exec.Command(exe)
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.Output()
		require.NoError(t, err, "env %v", env)
		assert.Equal(t, string(want), string(out), "env %v", env)
	}
}
