package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The interpreter runs are subprocesses of beamrc itself; in tests that is
// the binary TestMain builds, not the test binary.
func init() {
	interpreterBinary = func() (string, error) { return beamrcBin, nil }
}

// benchProgram is one of the small test programs of testdata/bench.
func benchProgram(name string) string { return filepath.Join("testdata", "bench", name) }

func needGo(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go on PATH: bench builds native executables")
	}
}

func TestBenchHelp(t *testing.T) {
	code, out, _ := beamrc("bench", "-h")
	assert.Equal(t, 0, code)
	for _, flag := range []string{"--runs N", "--erl", "--no-interp", "--json", "--timeout D", "DESCRIPTION", "BEAMRC_ENTRY_TIME"} {
		assert.Contains(t, out, flag)
	}
	code, out2, _ := beamrc("bench", "some/path", "--help")
	assert.Equal(t, 0, code)
	assert.Equal(t, out, out2)
}

func TestParseBenchArgs(t *testing.T) {
	o, err := parseBenchArgs([]string{"a", "--runs", "3", "b", "--erl", "--no-interp", "--json", "--timeout=90s"})
	require.NoError(t, err)
	assert.Equal(t, benchOptions{paths: []string{"a", "b"}, runs: 3, erl: true, noInterp: true, json: true, timeout: 90 * time.Second}, o)

	o, err = parseBenchArgs([]string{"-runs=2", "a", "--", "--odd-name"})
	require.NoError(t, err)
	assert.Equal(t, benchOptions{paths: []string{"a", "--odd-name"}, runs: 2, timeout: defaultRunTimeout}, o)

	o, err = parseBenchArgs([]string{"a"})
	require.NoError(t, err)
	assert.Equal(t, defaultRuns, o.runs)
}

func TestBenchUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{}, "beamrc: bench: no path given (a program directory, a Gleam project, an ebin directory or a .beam file)\n"},
		{[]string{"p", "--runs", "0"}, "beamrc: bench: --runs \"0\" is not a positive number\n"},
		{[]string{"p", "--runs=x"}, "beamrc: bench: --runs \"x\" is not a positive number\n"},
		{[]string{"p", "--runs"}, "beamrc: bench: flag needs an argument: --runs\n"},
		{[]string{"p", "--timeout", "soon"}, "beamrc: bench: --timeout \"soon\" is not a positive duration (like 90s or 10m)\n"},
		{[]string{"p", "--erl=yes"}, "beamrc: bench: --erl=yes takes no value\n"},
		{[]string{"p", "--interp"}, "beamrc: bench: unknown option --interp (see beamrc bench -h)\n"},
	} {
		code, out, errOut := beamrc(append([]string{"bench"}, tc.args...)...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Empty(t, out)
		assert.Equal(t, tc.want, errOut, "%v", tc.args)
	}
}

func TestBenchNoErl(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	code, out, errOut := beamrc("bench", benchProgram("small"), "--erl")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, "beamrc: bench: --erl needs erl on PATH (apt-get install -y erlang-base)\n", errOut)
}

func TestOutputDiff(t *testing.T) {
	assert.Equal(t, "", outputDiff([]byte("a\nb\n"), []byte("a\nb\n")))
	assert.Equal(t, "", outputDiff(nil, []byte{}))
	assert.Equal(t, `line 2: "c\n", not "b\n"`, outputDiff([]byte("a\nb\n"), []byte("a\nc\n")))
	assert.Equal(t, `line 2: "b", not "b\n"`, outputDiff([]byte("a\nb\n"), []byte("a\nb")))
	assert.Equal(t, `line 3: extra "c\n"`, outputDiff([]byte("a\nb\n"), []byte("a\nb\nc\n")))
	assert.Equal(t, `line 1: missing "a\n"`, outputDiff([]byte("a\n"), nil))
	long := strings.Repeat("x", 100)
	assert.Equal(t, `line 1: "`+long[:80]+`"..., not "y"`, outputDiff([]byte("y"), []byte(long)))
}

func TestMedian(t *testing.T) {
	assert.Equal(t, int64(-1), median(nil))
	assert.Equal(t, int64(5), median([]int64{5}))
	assert.Equal(t, int64(2), median([]int64{3, 1, 2}))
	assert.Equal(t, int64(25), median([]int64{40, 10, 20, 30}))

	w := &wayResult{EntryNS: []int64{100, -1, 300}, WallNS: []int64{150, 500, 330}}
	w.summarize()
	assert.Equal(t, int64(200), w.MedianEntryNS)
	assert.Equal(t, int64(330), w.MedianWallNS)
	assert.Equal(t, int64(40), w.MedianStartupNS, "median of 50 and 30; the run without an entry time has no start-up")
}

func TestBenchReport(t *testing.T) {
	res := func(name string, native, interp int64) *benchResult {
		return &benchResult{Name: name, Native: 1, Functions: 2, Ways: []*wayResult{
			{Name: wayNative, MedianEntryNS: native, MedianWallNS: native + 5e6, MedianStartupNS: 5e6},
			{Name: wayInterp, MedianEntryNS: interp, MedianWallNS: interp + 7e6, MedianStartupNS: 7e6},
		}}
	}
	rep := newBenchReport(benchOptions{runs: 3}, []*benchResult{
		res("a", 100e6, 200e6), res("b", 100e6, 800e6), {Name: "c", Error: "boom"},
	})
	assert.Equal(t, []string{wayNative, wayInterp}, rep.Ways)
	assert.Equal(t, map[string][]float64{"interp/native": {2, 8, 0}}, rep.Ratios)
	assert.InDelta(t, 4.0, rep.GeoMean["interp/native"], 1e-9, "sqrt(2*8); the failure does not count")

	var sb strings.Builder
	require.NoError(t, writeBenchTable(&sb, rep))
	lines := strings.Split(sb.String(), "\n")
	assert.Equal(t, "| benchmark      | native code | native ms | interp ms | interp/native | native start | interp start | native wall | interp wall |", lines[0])
	assert.Equal(t, "| -------------- | ----------: | --------: | --------: | ------------: | -----------: | -----------: | ----------: | ----------: |", lines[1])
	assert.Equal(t, "| a              |         1/2 |       100 |       200 |          2.00 |         5.00 |         7.00 |         105 |         207 |", lines[2])
	assert.Equal(t, "| c              |      FAILED |           |           |               |              |              |             |             |", lines[4])
	assert.Equal(t, "| geometric mean |             |           |           |          4.00 |              |              |             |             |", lines[5])
	assert.Contains(t, sb.String(), "Medians of 3 runs each.")
	assert.Contains(t, sb.String(), "\nc failed: boom\n")
}

// One real benchmark: built, run natively, interpreted and (if erl is
// here) under erl, once each.
func TestBenchSmall(t *testing.T) {
	needGo(t)
	args := []string{"bench", benchProgram("small"), "--runs", "1"}
	ways := "native, interp"
	if _, err := exec.LookPath("erl"); err == nil {
		args = append(args, "--erl")
		ways += ", erl"
	}
	code, out, errOut := beamrc(args...)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "small: building "+benchProgram("small")+"\n")
	assert.Regexp(t, `small: run 1/1: native [0-9.]+s \(wall [0-9.]+s\), interp`, errOut)
	lines := strings.Split(out, "\n")
	require.Greater(t, len(lines), 3, out)
	header := "| benchmark | native code | native ms | interp ms |"
	if strings.Contains(ways, "erl") {
		header = "| benchmark | native code | native ms | interp ms | erl ms | interp/native | erl/native | native start | interp start | erl start | native wall | interp wall | erl wall |"
	}
	assert.Equal(t, header, strings.Join(strings.Fields(lines[0]), " ")[:len(header)])
	assert.Regexp(t, `^\| small +\| +\d+/\d+ +\| +[0-9.]+ +\|`, lines[2])
	assert.Equal(t, "", lines[3], "one benchmark, no geometric mean")

	code, out, errOut = beamrc("bench", "--json", "--no-interp", benchProgram("small"), "--runs=2")
	require.Equal(t, 0, code, errOut)
	var rep benchReport
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, 2, rep.Runs)
	assert.Equal(t, []string{wayNative}, rep.Ways)
	require.Len(t, rep.Benchmarks, 1)
	b := rep.Benchmarks[0]
	assert.Equal(t, "small", b.Name)
	assert.Equal(t, "small:main/0", b.Entry)
	require.Len(t, b.Ways, 1)
	assert.Len(t, b.Ways[0].EntryNS, 2)
	assert.Positive(t, b.Ways[0].MedianEntryNS)
	assert.Greater(t, b.Ways[0].MedianWallNS, b.Ways[0].MedianEntryNS)
}

// A program that prints the time: no two runs agree.
func TestBenchOutputsDiffer(t *testing.T) {
	needGo(t)
	code, out, errOut := beamrc("bench", benchProgram("clock"), "--runs", "1")
	assert.Equal(t, 1, code)
	assert.Regexp(t, `clock: FAILED: the stdout of interp run 1 differs from that of native run 1: line 1: "now = \d+\\n", not "now = \d+\\n"\n`, errOut)
	assert.True(t, strings.HasSuffix(errOut, "beamrc: bench: 1 of 1 benchmarks failed\n"), errOut)
	assert.Contains(t, out, "| clock     |      FAILED |")
}

// A crash fails the benchmark; the next one is still measured.
func TestBenchRunFails(t *testing.T) {
	needGo(t)
	crash := filepath.Join("..", "..", "testdata", "programs", "e_crash")
	code, out, errOut := beamrc("bench", crash, benchProgram("small"), "--runs", "1", "--no-interp")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "e_crash: FAILED: native run 1: exit status 1: ")
	assert.Contains(t, out, "| e_crash   |      FAILED |")
	assert.Regexp(t, `\| small +\| +\d+/\d+ +\| +[0-9.]+ +\|`, out)
	assert.True(t, strings.HasSuffix(errOut, "beamrc: bench: 1 of 2 benchmarks failed\n"), errOut)
}
