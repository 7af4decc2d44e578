package otp

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "github.com/beamrc/beamrc/runtime/bif" // the Go half of lists and maps
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
)

// erlModule compiles testdata/<name>.erl with erlc and runs <name>:main()
// under erl, returning the .beam and erl's output. It skips the test when
// erl is not installed.
func erlModule(t *testing.T, name string) (beamFile string, want string) {
	t.Helper()
	if _, err := exec.LookPath("erlc"); err != nil {
		t.Skip("erlc not installed")
	}
	dir := t.TempDir()
	src, err := filepath.Abs(filepath.Join("testdata", name+".erl"))
	require.NoError(t, err)
	out, err := exec.Command("erlc", "-o", dir, src).CombinedOutput()
	require.NoError(t, err, "%s", out)
	cmd := exec.Command("erl", "-noshell", "-pa", dir, "-s", name, "main", "-s", "init", "stop")
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Run())
	return filepath.Join(dir, name+".beam"), stdout.String()
}

// interpret runs <name>:main() in beamrc's interpreter with the embedded
// library modules and returns what it printed.
func interpret(t *testing.T, beamFile, name string) string {
	t.Helper()
	sys := emu.NewSystem()
	require.NoError(t, sys.LoadFile(beamFile))
	lib := Modules()
	names := make([]string, 0, len(lib))
	for n := range lib {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		require.NoError(t, sys.LoadBytes(n+".beam", lib[n]))
	}
	var buf bytes.Buffer
	saved := format.Stdout
	format.Stdout = format.NewDevice(&buf, false)
	defer func() { format.Stdout = saved }()
	emu.FormatTerm = format.Write
	status, err := sys.Run(name, "main", nil)
	require.NoError(t, err)
	require.NoError(t, format.Stdout.Flush())
	require.Equal(t, 0, status, "%s", buf.String())
	return buf.String()
}

// The fun-calling functions of lists and maps give the same results,
// raise the same exceptions and call their funs with the same arguments
// in the same order as OTP 25's. lists:sort/2 and usort/2 reach the same
// results by a different sequence of comparisons, so for them only the
// results are compared.
func TestFunCallersAgainstErl(t *testing.T) {
	beamFile, want := erlModule(t, "otpfuns")
	got := interpret(t, beamFile, "otpfuns")
	wantLines := strings.Split(want, "\n")
	gotLines := strings.Split(got, "\n")
	require.Len(t, gotLines, len(wantLines))
	for i := range wantLines {
		w, g := wantLines[i], gotLines[i]
		if strings.HasPrefix(w, "sort ") || strings.HasPrefix(w, "usort ") {
			w, g = dropCallLog(w), dropCallLog(g)
		}
		assert.Equal(t, w, g, "line %d", i+1)
	}
}

// dropCallLog cuts "F Result Log" down to "F Result".
func dropCallLog(line string) string {
	if i := strings.LastIndex(line, " ["); i > 0 {
		return line[:i]
	}
	return line
}
