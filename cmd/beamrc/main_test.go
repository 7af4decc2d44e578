package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func corpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus not present at %s (it sits next to the repository in CI): %v", dir, err)
	}
	return dir
}

// beamrc runs the CLI in-process.
func beamrc(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(append([]string{"beamrc"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestVersion(t *testing.T) {
	code, out, errOut := beamrc("version")
	assert.Equal(t, 0, code)
	assert.Empty(t, errOut)
	assert.Regexp(t, `^beamrc 0\.1\.0-dev \([a-z0-9]+/[a-z0-9]+, go[0-9.]+.*\)\n$`, out)
}

func TestDisProof(t *testing.T) {
	path := filepath.Join(corpus(t), "proof", "proof.beam")
	code, out, errOut := beamrc("dis", path)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "module proof (")
	assert.Contains(t, out, "function answer/0 (entry label 2)\n")
	assert.Contains(t, out, "function factorial/1 (entry label 6)\n")
	assert.Contains(t, out, "label 2:\n    move 42, x0\n    return\n")
	assert.Contains(t, out, "erlang:'*'/2")
	assert.Contains(t, out, "% src/proof.gleam:")
}

func TestDisFunction(t *testing.T) {
	path := filepath.Join(corpus(t), "proof", "proof.beam")
	code, out, _ := beamrc("dis", "--function", "answer/0", path)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "function answer/0")
	assert.NotContains(t, out, "function factorial/1")

	code, out, errOut := beamrc("dis", "--function", "nope/3", path)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, "beamrc: dis: no function nope/3 in "+path+"\n", errOut)

	code, _, errOut = beamrc("dis", "--function", "answer", path)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "NAME/ARITY")
}

func TestDisDirectory(t *testing.T) {
	code, out, errOut := beamrc("dis", filepath.Join(corpus(t), "gleam_gate"))
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "module beamr_gate (")
	assert.Contains(t, out, "module gleam@list (")
}

func TestDisMalformed(t *testing.T) {
	path := filepath.Join(corpus(t), "erlang_probes", "malformed_not_beam.beam")
	code, out, errOut := beamrc("dis", path)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, 1, strings.Count(errOut, "\n"), "one line: %q", errOut)
	assert.True(t, strings.HasPrefix(errOut, "beamrc: "+path+": "), errOut)
	assert.Contains(t, errOut, "not a BEAM file")
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"dis"}, {"imports"}, {"version", "x"}, {"dis", "--bogus", "x"}, {"frobnicate"}} {
		code, _, errOut := beamrc(args...)
		assert.Equal(t, 2, code, "%v: %s", args, errOut)
		assert.True(t, strings.HasPrefix(errOut, "beamrc: "), "%v: %q", args, errOut)
	}
	code, _, errOut := beamrc("dis", "/no/such/file.beam")
	assert.Equal(t, 1, code)
	assert.Equal(t, 1, strings.Count(errOut, "\n"))
}

func TestHelpExplainsFlags(t *testing.T) {
	code, out, _ := beamrc("dis", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "--function NAME/ARITY")
	assert.Contains(t, out, "DESCRIPTION")
	for _, cmd := range []string{"imports", "version"} {
		code, out, _ := beamrc(cmd, "-h")
		assert.Equal(t, 0, code)
		assert.Contains(t, out, "USAGE")
		assert.Contains(t, out, "DESCRIPTION")
	}
}

func TestImports(t *testing.T) {
	dir := corpus(t)
	// The runtime provides everything gleam_gate calls outside its own
	// modules (erlang BIFs, json, base64, uri_string, ...).
	code, out, errOut := beamrc("imports", filepath.Join(dir, "gleam_gate"))
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, out)
	// actor_spike without the rest of its closure: the modules it needs
	// show up, sorted by module, then function name (unquoted), then arity.
	code, out, _ = beamrc("imports", filepath.Join(dir, "actor_spike", "actor_spike.beam"))
	require.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	assert.Contains(t, lines, "gleam@otp@actor:call/3\tactor_spike")
	assert.True(t, strings.HasPrefix(lines[0], "gleam@erlang@process:"), lines[0])
	assert.Less(t, indexOf(lines, "gleam@erlang@process:'receive'/2\t"), indexOf(lines, "gleam@erlang@process:select_map/3\t"))
	// Defined by a module on the path: never listed.
	code, out, _ = beamrc("imports", filepath.Join(dir, "actor_spike"))
	require.Equal(t, 0, code)
	assert.Empty(t, out)
}

func TestImportsProvider(t *testing.T) {
	dir := corpus(t)
	m, err := beam.ReadFile(filepath.Join(dir, "proof", "proof.beam"))
	require.NoError(t, err)
	all := unresolvedImports([]*beam.Module{m}, noProvider{})
	assert.NotEmpty(t, all, "proof.beam imports erlang BIFs")
	none := unresolvedImports([]*beam.Module{m}, providerFunc(func(m string) bool { return m == "erlang" }))
	assert.Empty(t, none)
}

func TestBuiltinProvider(t *testing.T) {
	p := newBuiltinProvider()
	for _, tc := range []struct {
		mfa  beam.MFA
		want bool
	}{
		{beam.MFA{Module: "erlang", Function: "length", Arity: 1}, true}, // a Go BIF
		{beam.MFA{Module: "lists", Function: "map", Arity: 2}, true},     // embedded Erlang module
		{beam.MFA{Module: "lists", Function: "map", Arity: 3}, false},    // no such arity
		{beam.MFA{Module: "no_such_module", Function: "f", Arity: 0}, false},
	} {
		assert.Equal(t, tc.want, p.Provides(tc.mfa), "%s:%s/%d", tc.mfa.Module, tc.mfa.Function, tc.mfa.Arity)
	}
}

type providerFunc func(module string) bool

type beamMFA = beam.MFA

func (p providerFunc) Provides(m beamMFA) bool { return p(m.Module) }

func indexOf(lines []string, prefix string) int {
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return i
		}
	}
	return -1
}

func TestHoistFlags(t *testing.T) {
	cmd := disCommand()
	for _, tc := range []struct {
		in, want []string
	}{
		{[]string{"a.beam", "--function", "f/1"}, []string{"--function", "f/1", "a.beam"}},
		{[]string{"--function=f/1", "a.beam", "b.beam"}, []string{"--function=f/1", "a.beam", "b.beam"}},
		{[]string{"a.beam", "-h"}, []string{"-h"}},
		{[]string{"a.beam", "--", "--function", "x"}, []string{"a.beam", "--", "--function", "x"}},
	} {
		got, err := hoistFlags(cmd, tc.in)
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, "%v", tc.in)
	}
	_, err := hoistFlags(cmd, []string{"a.beam", "--unknown"})
	assert.EqualError(t, err, "dis: unknown option --unknown (see beamrc dis -h)")
	_, err = hoistFlags(cmd, []string{"a.beam", "--function"})
	assert.EqualError(t, err, "dis: flag needs an argument: --function")
}

func TestDisFunctionAfterFile(t *testing.T) {
	dir := corpus(t)
	code, out, errOut := beamrc("dis", filepath.Join(dir, "proof", "proof.beam"), "--function", "factorial/1")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "function factorial/1")
	assert.NotContains(t, out, "function answer/0")
}
