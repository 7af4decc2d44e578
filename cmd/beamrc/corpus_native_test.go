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
	requireAllNative(t, errOut)
	for _, env := range [][]string{nil, {"BEAMRC_GC_TORTURE=1"}} {
		cmd := exec.Command(exe)
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.Output()
		require.NoError(t, err, "env %v", env)
		assert.Equal(t, string(want), string(out), "env %v", env)
	}
}

// TestBuildCorpusDrivers builds corpus programs (Gleam 1.17 on OTP 28
// and 29) natively with a driver module that calls them and prints the
// results, and checks those against what ../shared/corpus/EXPECTED.md
// records real Erlang gave, in GC torture mode too.
func TestBuildCorpusDrivers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds native executables")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go on PATH")
	}
	cache := filepath.Join(t.TempDir(), "cache")
	for _, c := range []struct {
		name, corpus, driver string
		want                 []string
	}{
		{"proof", filepath.Join("proof", "proof.beam"), "proof_driver", []string{
			"answer[] = 42",
			"add[17,25] = 42",
			"run_pipeline[5] = 400",
			"factorial[0] = 1",
			"factorial[5] = 120",
			"factorial[10] = 3628800",
			"factorial[12] = 479001600",
			"factorial[20] = 2432902008176640000",
			"fibonacci[0] = 0",
			"fibonacci[1] = 1",
			"fibonacci[10] = 55",
			"fibonacci[30] = 832040",
		}},
		{"actor_spike", "actor_spike", "actor_driver", []string{
			"run 2",
			"subject_probe 77",
			"receive_probe 88",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("XDG_CACHE_HOME", cache)
			exe := filepath.Join(t.TempDir(), c.name)
			driver := filepath.Join("testdata", "corpusdrivers", c.driver+".beam")
			code, _, errOut := beamrc("build", driver, filepath.Join(corpus(t), c.corpus),
				"--entry", c.driver+":main/0", "-o", exe)
			require.Equal(t, 0, code, errOut)
			requireAllNative(t, errOut)
			want := strings.Join(c.want, "\n") + "\n"
			for _, env := range [][]string{nil, {"BEAMRC_GC_TORTURE=1"}} {
				cmd := exec.Command(exe)
				cmd.Env = append(os.Environ(), env...)
				out, err := cmd.Output()
				require.NoError(t, err, "env %v", env)
				assert.Equal(t, want, string(out), "env %v", env)
			}
		})
	}
}

// requireAllNative checks a build log's summary line: every function
// compiled to native code.
func requireAllNative(t *testing.T, log string) {
	t.Helper()
	at := strings.LastIndex(log, "native: ")
	require.GreaterOrEqual(t, at, 0, log)
	var native, all int
	_, err := fmt.Sscanf(log[at:], "native: %d of %d", &native, &all)
	require.NoError(t, err, log)
	assert.Equal(t, all, native, "every function is native")
}
