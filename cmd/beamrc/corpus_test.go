package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/beam"
)

// The shared corpus (real Gleam 1.17 build output on OTP 28/29, see
// ../shared/corpus/EXPECTED.md) run through the beamrc binary, as a user
// runs it.

// TestRunCorpusGleamGate: the gate's stdout is byte for byte what
// `gleam run` printed, UTF-8 included (the modules come from OTP 28, whose
// -noshell standard_io is unicode).
func TestRunCorpusGleamGate(t *testing.T) {
	dir := filepath.Join(corpus(t), "gleam_gate")
	want, err := os.ReadFile(filepath.Join(dir, "expected_stdout.txt"))
	require.NoError(t, err)
	for _, env := range [][]string{nil, {"BEAMRC_GC_TORTURE=1"}} {
		r := runBeamrc(t, env, 60*time.Second, dir, "--entry", "beamr_gate:main/0")
		assert.Equal(t, 0, r.status, "env %v: %s", env, r.stderr)
		assert.Equal(t, string(want), r.stdout, "env %v", env)
		assert.Empty(t, r.stderr, "env %v", env)
	}
}

// TestRunCorpusActorSpike runs the actor spike's entry points; their
// values are checked in runtime/boot. Without gleam_erlang_ffi the
// subject probe fails with undef naming the missing module.
func TestRunCorpusActorSpike(t *testing.T) {
	dir := filepath.Join(corpus(t), "actor_spike")
	for _, f := range []string{"run", "subject_probe", "receive_probe"} {
		r := runBeamrc(t, nil, 30*time.Second, dir, "--entry", "actor_spike:"+f+"/0")
		assert.Equal(t, 0, r.status, "%s: %s", f, r.stderr)
	}
	noFFI := copyBeams(t, dir, "gleam_erlang_ffi.beam")
	r := runBeamrc(t, nil, 30*time.Second, noFFI, "--entry", "actor_spike:subject_probe/0")
	assert.Equal(t, 1, r.status)
	assert.Contains(t, r.stderr, "undef")
	assert.Contains(t, r.stderr, "gleam_erlang_ffi:")
}

// copyBeams copies dir's .beam files, except the ones named in leave, to
// a temporary directory.
func copyBeams(t *testing.T, dir string, leave ...string) string {
	t.Helper()
	out := t.TempDir()
	files, err := filepath.Glob(filepath.Join(dir, "*.beam"))
	require.NoError(t, err)
	skip := map[string]bool{}
	for _, l := range leave {
		skip[l] = true
	}
	for _, f := range files {
		if skip[filepath.Base(f)] {
			continue
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(out, filepath.Base(f)), data, 0o644))
	}
	return out
}

// shimApp is the application the Gleam entry shim in the corpus was built
// for; sample_workflow.erl stands in for its main module.
const shimApp = `-module(sample_workflow).
-export([main/0]).

main() ->
    case init:get_plain_arguments() of
        ["panic"] ->
            erlang:error(#{gleam_error => panic, message => <<"boom">>,
                           module => <<"sample_workflow">>, function => <<"main">>, line => 7});
        ["badmatch"] ->
            ok = list_to_atom(lists:reverse("epon"));
        _ ->
            io:format("hello ~ts~n", [<<"wörld"/utf8>>])
    end.
`

// TestRunCorpusGleamShim runs a Gleam project laid out as gleam build
// leaves it: sample_workflow@@main from the corpus (Gleam 1.17's entry
// shim), a sample_workflow module compiled here, and gleam_stdlib, which
// the shim's error report uses. beamrc picks the shim as the entry, as
// gleam run does; the shim sets standard_io to unicode, runs main/0 in a
// linked process and stops with 0, or prints Gleam's runtime error report
// to stderr and stops with 1.
func TestRunCorpusGleamShim(t *testing.T) {
	shim := filepath.Join(corpus(t), "sample_workflow@@main.beam")
	if _, err := exec.LookPath("erlc"); err != nil {
		t.Skip("erlc not installed")
	}
	proj := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(proj, "gleam.toml"), []byte("name = \"sample_workflow\"\nversion = \"1.0.0\"\n"), 0o644))
	app := filepath.Join(proj, "build", "dev", "erlang", "sample_workflow", "ebin")
	require.NoError(t, os.MkdirAll(app, 0o755))
	src := filepath.Join(t.TempDir(), "sample_workflow.erl")
	require.NoError(t, os.WriteFile(src, []byte(shimApp), 0o644))
	out, err := exec.Command("erlc", "-o", app, src).CombinedOutput()
	require.NoError(t, err, string(out))
	data, err := os.ReadFile(shim)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(app, "sample_workflow@@main.beam"), data, 0o644))
	stdlib := filepath.Join(proj, "build", "dev", "erlang", "gleam_stdlib")
	require.NoError(t, os.Rename(copyBeams(t, filepath.Join(corpus(t), "gleam_gate")), filepath.Join(stdlib)))

	r := runBeamrc(t, nil, 30*time.Second, proj)
	assert.Equal(t, 0, r.status, r.stderr)
	assert.Equal(t, "hello wörld\n", r.stdout)
	assert.Empty(t, r.stderr)

	r = runBeamrc(t, nil, 30*time.Second, proj, "--", "panic")
	assert.Equal(t, 1, r.status)
	assert.Empty(t, r.stdout)
	for _, want := range []string{"\x1b[31;1mruntime error\x1b[39m: panic\x1b[0m", "boom", "stacktrace:"} {
		assert.Contains(t, r.stderr, want)
	}

	r = runBeamrc(t, nil, 30*time.Second, proj, "--", "badmatch")
	assert.Equal(t, 1, r.status)
	assert.Contains(t, r.stderr, "runtime error")
	assert.Contains(t, r.stderr, "nope")
	assert.Contains(t, r.stderr, "sample_workflow.erl:")
}

// TestRunCorpusMalformed: a file that is not a BEAM file is refused with
// one line naming it, before anything runs.
func TestRunCorpusMalformed(t *testing.T) {
	bad := filepath.Join(corpus(t), "erlang_probes", "malformed_not_beam.beam")
	r := runBeamrc(t, nil, 30*time.Second, bad)
	assert.Equal(t, 1, r.status)
	assert.Empty(t, r.stdout)
	assert.Equal(t, 1, strings.Count(r.stderr, "\n"), r.stderr)
	assert.Contains(t, r.stderr, "malformed_not_beam.beam")
	assert.Contains(t, r.stderr, "not a BEAM file")
}

// TestRunCorpusErlangProbes runs every exported function of arity 0 of
// the erlc-compiled probes as a program: each returns (status 0), crashes
// with a report (status 1) or, for the probe that waits for messages
// nobody sends, is reported as deadlocked; none may hit an internal error.
// Their values are checked in runtime/emu.
func TestRunCorpusErlangProbes(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpus(t), "erlang_probes", "*.beam"))
	require.NoError(t, err)
	for _, f := range files {
		m, err := beam.ReadFile(f)
		if err != nil {
			continue // malformed_not_beam.beam: TestRunCorpusMalformed
		}
		for _, e := range m.Exports {
			if e.Arity != 0 || e.Name == "module_info" {
				continue
			}
			entry := m.Name + ":" + e.Name + "/0"
			r := runBeamrc(t, nil, 30*time.Second, f, "--entry", entry)
			assert.Contains(t, []int{0, 1}, r.status, "%s: %s", entry, r.stderr)
			assert.NotContains(t, r.stderr, "internal error", entry)
			if r.status == 1 {
				assert.True(t, strings.HasPrefix(r.stderr, "main crashed: ") || strings.Contains(r.stderr, "deadlock"), "%s: %s", entry, r.stderr)
			}
		}
	}
}
