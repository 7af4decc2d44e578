package bif

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// erlLines runs script under erl with input, one item a line, in the file
// $ORACLE_FILE, and returns what it printed: one line per input line. It
// skips the test when erl is not installed.
func erlLines(t *testing.T, script string, input []string) []string {
	t.Helper()
	if _, err := exec.LookPath("erl"); err != nil {
		t.Skip("erl not installed")
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "input.txt")
	require.NoError(t, os.WriteFile(f, []byte(strings.Join(input, "\n")+"\n"), 0o644))
	cmd := exec.Command("erl", "-noshell", "-eval", script)
	cmd.Dir = dir // no stray .beam files of the caller's directory
	cmd.Env = append(os.Environ(), "ORACLE_FILE="+f)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%.2000s", out)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.Len(t, lines, len(input), "%.2000s", out)
	return lines
}
