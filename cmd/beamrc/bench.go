package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/beamrc/beamrc/compiler"
	"github.com/beamrc/beamrc/runtime/boot"
)

func benchCommand() *cli.Command {
	return &cli.Command{
		Name:      "bench",
		Usage:     "time a program built native, interpreted and under erl",
		UsageText: "beamrc bench PATH... [--runs N] [--erl] [--no-interp] [--json] [--timeout D]",
		Description: "Each PATH is one benchmark: a program directory with an ebin directory (like\n" +
			"testdata/bench/fib), a Gleam project, an ebin directory or a .beam file, with its entry\n" +
			"chosen as 'beamrc run' chooses it (it must take no arguments, or be a Gleam main shim).\n" +
			"beamrc bench builds the native executable (into a temporary directory; the build cache\n" +
			"is 'beamrc build''s), then runs it, the interpreter ('beamrc run' PATH, a subprocess of\n" +
			"this beamrc) and, with --erl, erl, taking turns, N times each. Every run must exit with\n" +
			"status 0 and print exactly what every other run printed; otherwise the benchmark fails.\n" +
			"\n" +
			"Each run is timed twice: the process's wall time, and the time spent in the entry\n" +
			"function (from just before it is called until it returns or crashes). beamrc reports\n" +
			"the latter itself (BEAMRC_ENTRY_TIME, see runtime/boot); erl runs the entry the way\n" +
			"scripts/build-testdata.sh does (spawn_monitor, wait for DOWN) between two readings of\n" +
			"erlang:monotonic_time. Start-up is wall minus entry time.\n" +
			"\n" +
			"The table on stdout is markdown: per benchmark the median entry time, start-up and\n" +
			"wall time of each way of running it, in milliseconds, and the ratios of the median entry\n" +
			"times (interp/native, erl/native); with several benchmarks, the geometric mean of each\n" +
			"ratio. Progress goes to stderr. Exit status 1 if any benchmark failed (the others are\n" +
			"still measured and shown), 2 for usage errors. Flags may come before or after PATHs.",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "runs", Value: defaultRuns, Usage: "run each program `N` times (each way); the table shows medians"},
			&cli.BoolFlag{Name: "erl", Usage: "also run the program under erl (which must be on PATH)"},
			&cli.BoolFlag{Name: "no-interp", Usage: "do not run the interpreter (beamrc run)"},
			&cli.BoolFlag{Name: "json", Usage: "print every measurement as JSON instead of the table"},
			&cli.DurationFlag{Name: "timeout", Value: defaultRunTimeout, Usage: "fail a run that takes longer than `D` (e.g. 90s, 10m)"},
		},
		// Flags may follow the PATHs; parseBenchArgs reads them all.
		SkipFlagParsing: true,
		Action:          runBench,
	}
}

const (
	defaultRuns       = 5
	defaultRunTimeout = 10 * time.Minute
)

// benchOptions are beamrc bench's arguments.
type benchOptions struct {
	paths    []string
	runs     int
	erl      bool
	noInterp bool
	json     bool
	timeout  time.Duration
	help     bool
}

func parseBenchArgs(raw []string) (benchOptions, error) {
	o := benchOptions{runs: defaultRuns, timeout: defaultRunTimeout}
	for i := 0; i < len(raw); i++ {
		a := raw[i]
		if a == "--" {
			o.paths = append(o.paths, raw[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			o.paths = append(o.paths, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "h", "help":
			o.help = true
			continue
		case "erl", "no-interp", "json":
			if hasValue {
				return o, usagef("bench: %s takes no value", a)
			}
			switch name {
			case "erl":
				o.erl = true
			case "no-interp":
				o.noInterp = true
			case "json":
				o.json = true
			}
			continue
		case "runs", "timeout":
		default:
			return o, usagef("bench: unknown option %s (see beamrc bench -h)", a)
		}
		if !hasValue {
			if i+1 >= len(raw) {
				return o, usagef("bench: flag needs an argument: %s", a)
			}
			i++
			value = raw[i]
		}
		switch name {
		case "runs":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 {
				return o, usagef("bench: --runs %q is not a positive number", value)
			}
			o.runs = n
		case "timeout":
			d, err := time.ParseDuration(value)
			if err != nil || d <= 0 {
				return o, usagef("bench: --timeout %q is not a positive duration (like 90s or 10m)", value)
			}
			o.timeout = d
		}
	}
	return o, nil
}

// interpreterBinary is the beamrc that runs the interpreter: this one
// (a variable so that tests, whose executable is the test binary, can
// point it at a real beamrc).
var interpreterBinary = os.Executable

func runBench(c *cli.Context) error {
	o, err := parseBenchArgs(c.Args().Slice())
	if err != nil {
		return err
	}
	if o.help {
		return cli.ShowCommandHelp(c.Lineage()[1], "bench") // c's own command list is empty
	}
	if len(o.paths) == 0 {
		return usagef("bench: no path given (a program directory, a Gleam project, an ebin directory or a .beam file)")
	}
	var erl, self string
	if o.erl {
		if erl, err = exec.LookPath("erl"); err != nil {
			return fmt.Errorf("bench: --erl needs erl on PATH (apt-get install -y erlang-base)")
		}
	}
	if !o.noInterp {
		if self, err = interpreterBinary(); err != nil {
			return fmt.Errorf("bench: cannot find beamrc itself to run the interpreter: %w", err)
		}
	}
	tmp, err := os.MkdirTemp("", "beamrc-bench")
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	defer os.RemoveAll(tmp)

	b := &bencher{opt: o, log: c.App.ErrWriter, tmp: tmp, erl: erl, self: self}
	var results []*benchResult
	failed := 0
	for i, p := range o.paths {
		r := b.bench(i, p)
		if r.Error != "" {
			failed++
			fmt.Fprintf(b.log, "%s: FAILED: %s\n", r.Name, r.Error)
		}
		results = append(results, r)
	}
	report := newBenchReport(o, results)
	if o.json {
		enc := json.NewEncoder(c.App.Writer)
		enc.SetIndent("", "  ")
		err = enc.Encode(report)
	} else {
		err = writeBenchTable(c.App.Writer, report)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("bench: %d of %d benchmarks failed", failed, len(results))
	}
	return nil
}

// The ways a benchmark runs, in the order they take turns.
const (
	wayNative = "native"
	wayInterp = "interp"
	wayErl    = "erl"
)

// bencher measures benchmarks, one after the other.
type bencher struct {
	opt       benchOptions
	log       io.Writer
	tmp       string // executables and entry-time files
	erl, self string // paths of erl and beamrc, "" when not used
}

// way is one way of running a benchmark.
type way struct {
	name string
	// command returns the command of one run; the run must write its
	// entry time, in nanoseconds, to timeFile.
	command func(ctx context.Context, timeFile string) *exec.Cmd
}

// benchResult is one benchmark's measurements.
type benchResult struct {
	Name      string       `json:"name"`
	Path      string       `json:"path"`
	Entry     string       `json:"entry,omitempty"`
	Native    int          `json:"native_functions"` // compiled to native code
	Functions int          `json:"functions"`        // in the program
	Ways      []*wayResult `json:"ways,omitempty"`
	Error     string       `json:"error,omitempty"`
}

// wayResult holds the runs of a benchmark one way, in nanoseconds.
// EntryNS is -1 for a run that recorded no entry time (erl's, when the
// program calls erlang:halt/1).
type wayResult struct {
	Name            string  `json:"name"`
	EntryNS         []int64 `json:"entry_ns"`
	WallNS          []int64 `json:"wall_ns"`
	MedianEntryNS   int64   `json:"median_entry_ns"`
	MedianWallNS    int64   `json:"median_wall_ns"`
	MedianStartupNS int64   `json:"median_startup_ns"`
}

func (r *benchResult) way(name string) *wayResult {
	for _, w := range r.Ways {
		if w.Name == name {
			return w
		}
	}
	return nil
}

// bench builds and measures the i'th benchmark, path. Failures are
// recorded in the result.
func (b *bencher) bench(i int, path string) *benchResult {
	r := &benchResult{Name: benchName(path), Path: path}
	if err := b.measure(i, r); err != nil {
		r.Error = oneLine(err.Error())
	}
	return r
}

func (b *bencher) measure(i int, r *benchResult) error {
	prog, err := compiler.Load([]string{r.Path}, "")
	if err != nil {
		return err
	}
	r.Entry = prog.Entry.String()
	if prog.Entry.Args == boot.PlainArgs {
		return fmt.Errorf("entry %s takes arguments; bench runs programs without arguments", prog.Entry)
	}
	fmt.Fprintf(b.log, "%s: building %s\n", r.Name, r.Path)
	exe := filepath.Join(b.tmp, fmt.Sprintf("%d-%s", i, r.Name))
	res, err := compiler.Build(compiler.Options{Paths: []string{r.Path}, Output: exe})
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	r.Native, r.Functions = res.Native, len(res.Decisions)
	fmt.Fprintf(b.log, "%s: %s\n", r.Name, compiler.Summary(r.Native, r.Functions))

	ways := []way{{wayNative, func(ctx context.Context, timeFile string) *exec.Cmd {
		return beamrcCommand(ctx, timeFile, exe)
	}}}
	if b.self != "" {
		ways = append(ways, way{wayInterp, func(ctx context.Context, timeFile string) *exec.Cmd {
			return beamrcCommand(ctx, timeFile, b.self, "run", r.Path)
		}})
	}
	if b.erl != "" {
		pa, err := erlCodePaths(r.Path)
		if err != nil {
			return err
		}
		ways = append(ways, way{wayErl, func(ctx context.Context, timeFile string) *exec.Cmd {
			return erlCommand(ctx, b.erl, pa, prog.Entry, timeFile)
		}})
	}
	for _, w := range ways {
		r.Ways = append(r.Ways, &wayResult{Name: w.name})
	}

	timeFile := filepath.Join(b.tmp, "entry-time")
	var want []byte // the first run's stdout
	wantFrom := ""
	for run := 1; run <= b.opt.runs; run++ {
		var progress []string
		for k, w := range ways {
			m, err := b.runOnce(w, timeFile)
			if err != nil {
				return fmt.Errorf("%s run %d: %w", w.name, run, err)
			}
			from := fmt.Sprintf("%s run %d", w.name, run)
			if want == nil {
				want, wantFrom = m.stdout, from
			} else if diff := outputDiff(want, m.stdout); diff != "" {
				return fmt.Errorf("the stdout of %s differs from that of %s: %s", from, wantFrom, diff)
			}
			wr := r.Ways[k]
			wr.EntryNS = append(wr.EntryNS, m.entry)
			wr.WallNS = append(wr.WallNS, m.wall)
			progress = append(progress, w.name+" "+formatSeconds(m.entry, m.wall))
		}
		fmt.Fprintf(b.log, "%s: run %d/%d: %s\n", r.Name, run, b.opt.runs, strings.Join(progress, ", "))
	}
	for _, wr := range r.Ways {
		wr.summarize()
	}
	return nil
}

// measurement is one run.
type measurement struct {
	stdout      []byte
	entry, wall int64 // nanoseconds; entry -1 when the run recorded none
}

func (b *bencher) runOnce(w way, timeFile string) (measurement, error) {
	if err := os.Remove(timeFile); err != nil && !errors.Is(err, os.ErrNotExist) {
		return measurement{}, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), b.opt.timeout)
	defer cancel()
	cmd := w.command(ctx, timeFile)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ctx.Err() != nil {
		return measurement{}, fmt.Errorf("timed out after %v", b.opt.timeout)
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return measurement{}, fmt.Errorf("exit status %d: %s", ee.ExitCode(), lastLines(stderr.String(), 3))
	}
	if err != nil {
		return measurement{}, err
	}
	m := measurement{stdout: stdout.Bytes(), entry: -1, wall: wall.Nanoseconds()}
	data, err := os.ReadFile(timeFile)
	if err == nil {
		m.entry, err = strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
		if err != nil {
			return measurement{}, fmt.Errorf("entry time %q: %v", data, err)
		}
	}
	return m, nil
}

// beamrcCommand runs a built executable or beamrc itself with the entry
// time going to timeFile.
func beamrcCommand(ctx context.Context, timeFile, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), boot.EntryTimeEnv+"="+timeFile)
	return cmd
}

// erlCommand runs the entry under erl as scripts/build-testdata.sh does
// (in a fresh process, halting when it ends: 0 when it ended normally, 1
// when it crashed), and writes the nanoseconds from spawning it to its
// DOWN message to timeFile.
func erlCommand(ctx context.Context, erl string, codePaths []string, e boot.Entry, timeFile string) *exec.Cmd {
	args := "[]"
	if e.Args == boot.AppArg {
		args = "[" + erlAtom(e.App) + "]"
	}
	eval := "logger:set_primary_config(level, none), " +
		"T0 = erlang:monotonic_time(nanosecond), " +
		"{Pid, Ref} = erlang:spawn_monitor(" + erlAtom(e.Module) + ", " + erlAtom(e.Function) + ", " + args + "), " +
		"receive {'DOWN', Ref, process, Pid, Reason} -> ok end, " +
		"T1 = erlang:monotonic_time(nanosecond), " +
		"ok = file:write_file(" + erlString(timeFile) + ", [integer_to_list(T1 - T0), $\\n]), " +
		"case Reason of " +
		"normal -> erlang:halt(0); " +
		"_ -> io:format(standard_error, \"main crashed: ~P~n\", [Reason, 30]), erlang:halt(1) " +
		"end."
	argv := []string{"-noshell"}
	for _, p := range codePaths {
		argv = append(argv, "-pa", p)
	}
	argv = append(argv, "-eval", eval)
	return exec.CommandContext(ctx, erl, argv...)
}

// erlAtom quotes an atom for Erlang source.
func erlAtom(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// erlString quotes a string for Erlang source.
func erlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// erlCodePaths returns the directories erl needs on its code path to run
// the program on path, by the rules of emu.System.LoadPath.
func erlCodePaths(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{filepath.Dir(path)}, nil
	}
	if _, err := os.Stat(filepath.Join(path, "gleam.toml")); err == nil {
		ebins, _ := filepath.Glob(filepath.Join(path, "build", "dev", "erlang", "*", "ebin"))
		if len(ebins) > 0 {
			sort.Strings(ebins)
			return ebins, nil
		}
	}
	if beams, _ := filepath.Glob(filepath.Join(path, "*.beam")); len(beams) > 0 {
		return []string{path}, nil
	}
	return []string{filepath.Join(path, "ebin")}, nil
}

// benchName names a benchmark after its path: the directory, the
// program directory of an ebin directory, or the module of a .beam file.
func benchName(path string) string {
	p := filepath.Clean(path)
	if filepath.Base(p) == "ebin" {
		p = filepath.Dir(p)
	}
	name := strings.TrimSuffix(filepath.Base(p), ".beam")
	if name == "." || name == string(filepath.Separator) {
		if abs, err := filepath.Abs(p); err == nil {
			name = filepath.Base(abs)
		}
	}
	return name
}

// outputDiff describes how got differs from want, or returns "" when they
// are equal: the first line that differs, quoted.
func outputDiff(want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	wl, gl := splitLines(want), splitLines(got)
	for i := 0; ; i++ {
		switch {
		case i >= len(wl):
			return fmt.Sprintf("line %d: extra %s", i+1, quoteLine(gl[i]))
		case i >= len(gl):
			return fmt.Sprintf("line %d: missing %s", i+1, quoteLine(wl[i]))
		case !bytes.Equal(wl[i], gl[i]):
			return fmt.Sprintf("line %d: %s, not %s", i+1, quoteLine(gl[i]), quoteLine(wl[i]))
		}
	}
}

// splitLines splits b after each newline.
func splitLines(b []byte) [][]byte {
	ls := bytes.SplitAfter(b, []byte("\n"))
	if len(ls[len(ls)-1]) == 0 {
		ls = ls[:len(ls)-1]
	}
	return ls
}

func quoteLine(b []byte) string {
	const max = 80
	if len(b) > max {
		return strconv.Quote(string(b[:max])) + "..."
	}
	return strconv.Quote(string(b))
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " / ")
}

// summarize computes the medians. Start-up is taken run by run (wall
// minus entry) before the median.
func (w *wayResult) summarize() {
	var entries, startups []int64
	for i, e := range w.EntryNS {
		if e >= 0 {
			entries = append(entries, e)
			startups = append(startups, w.WallNS[i]-e)
		}
	}
	w.MedianEntryNS = median(entries)
	w.MedianWallNS = median(w.WallNS)
	w.MedianStartupNS = median(startups)
}

// median returns the median of xs, -1 for none.
func median(xs []int64) int64 {
	if len(xs) == 0 {
		return -1
	}
	s := append([]int64(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// benchReport is what bench prints.
type benchReport struct {
	Runs       int            `json:"runs"`
	Ways       []string       `json:"ways"`
	Benchmarks []*benchResult `json:"benchmarks"`
	// Ratios of median entry times, per benchmark (in Benchmarks' order,
	// 0 where unknown) and their geometric means over the benchmarks
	// where they are known.
	Ratios  map[string][]float64 `json:"ratios"`
	GeoMean map[string]float64   `json:"geomean"`
}

// ratioNames are the ratios the report gives, against native code.
var ratioNames = []string{wayInterp + "/" + wayNative, wayErl + "/" + wayNative}

func newBenchReport(o benchOptions, results []*benchResult) *benchReport {
	rep := &benchReport{Runs: o.runs, Ways: []string{wayNative}, Benchmarks: results,
		Ratios: map[string][]float64{}, GeoMean: map[string]float64{}}
	if !o.noInterp {
		rep.Ways = append(rep.Ways, wayInterp)
	}
	if o.erl {
		rep.Ways = append(rep.Ways, wayErl)
	}
	for _, name := range ratioNames {
		num, _, _ := strings.Cut(name, "/")
		if !contains(rep.Ways, num) {
			continue
		}
		logSum, n := 0.0, 0
		for _, r := range results {
			q := entryRatio(r, num, wayNative)
			rep.Ratios[name] = append(rep.Ratios[name], q)
			if q > 0 {
				logSum += math.Log(q)
				n++
			}
		}
		if n > 0 {
			rep.GeoMean[name] = math.Exp(logSum / float64(n))
		}
	}
	return rep
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// entryRatio is the ratio of the median entry times of two ways, 0 if
// either is unknown.
func entryRatio(r *benchResult, num, den string) float64 {
	a, b := r.way(num), r.way(den)
	if r.Error != "" || a == nil || b == nil || a.MedianEntryNS <= 0 || b.MedianEntryNS <= 0 {
		return 0
	}
	return float64(a.MedianEntryNS) / float64(b.MedianEntryNS)
}

// writeBenchTable prints the report as a markdown table whose columns
// are padded to line up in a terminal.
func writeBenchTable(w io.Writer, rep *benchReport) error {
	header := []string{"benchmark", "native code"}
	for _, way := range rep.Ways {
		header = append(header, way+" ms")
	}
	var ratios []string
	for _, name := range ratioNames {
		if _, ok := rep.Ratios[name]; ok {
			ratios = append(ratios, name)
			header = append(header, name)
		}
	}
	for _, way := range rep.Ways {
		header = append(header, way+" start")
	}
	for _, way := range rep.Ways {
		header = append(header, way+" wall")
	}
	rows := [][]string{header}
	for i, r := range rep.Benchmarks {
		row := []string{r.Name, fmt.Sprintf("%d/%d", r.Native, r.Functions)}
		if r.Error != "" {
			row[1] = "FAILED"
			for len(row) < len(header) {
				row = append(row, "")
			}
			rows = append(rows, row)
			continue
		}
		for _, way := range rep.Ways {
			row = append(row, formatMillis(r.way(way).MedianEntryNS))
		}
		for _, name := range ratios {
			row = append(row, formatRatio(rep.Ratios[name][i]))
		}
		for _, way := range rep.Ways {
			row = append(row, formatMillis(r.way(way).MedianStartupNS))
		}
		for _, way := range rep.Ways {
			row = append(row, formatMillis(r.way(way).MedianWallNS))
		}
		rows = append(rows, row)
	}
	if len(rep.Benchmarks) > 1 && len(ratios) > 0 {
		row := make([]string, len(header))
		row[0] = "geometric mean"
		for k, name := range ratios {
			row[2+len(rep.Ways)+k] = formatRatio(rep.GeoMean[name])
		}
		rows = append(rows, row)
	}

	widths := make([]int, len(header))
	for _, row := range rows {
		for k, cell := range row {
			widths[k] = max(widths[k], len(cell))
		}
	}
	var buf bytes.Buffer
	line := func(row []string) {
		buf.WriteString("|")
		for k, cell := range row {
			if k == 0 {
				fmt.Fprintf(&buf, " %-*s |", widths[k], cell)
			} else {
				fmt.Fprintf(&buf, " %*s |", widths[k], cell)
			}
		}
		buf.WriteString("\n")
	}
	line(rows[0])
	buf.WriteString("|")
	for k, wd := range widths {
		if k == 0 {
			buf.WriteString(" " + strings.Repeat("-", wd) + " |")
		} else {
			buf.WriteString(" " + strings.Repeat("-", wd-1) + ": |")
		}
	}
	buf.WriteString("\n")
	for _, row := range rows[1:] {
		line(row)
	}
	fmt.Fprintf(&buf, "\nMedians of %d runs each. ms: time in the entry function; start: process wall time minus that; "+
		"wall: process wall time; ratios: of the entry times. native code: functions compiled to native code, of all.\n", rep.Runs)
	for _, r := range rep.Benchmarks {
		if r.Error != "" {
			fmt.Fprintf(&buf, "%s failed: %s\n", r.Name, r.Error)
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// formatMillis shows nanoseconds as milliseconds with three significant
// digits or more; "?" when unknown.
func formatMillis(ns int64) string {
	if ns < 0 {
		return "?"
	}
	ms := float64(ns) / 1e6
	switch {
	case ms >= 100:
		return strconv.FormatFloat(ms, 'f', 0, 64)
	case ms >= 10:
		return strconv.FormatFloat(ms, 'f', 1, 64)
	default:
		return strconv.FormatFloat(ms, 'f', 2, 64)
	}
}

func formatRatio(q float64) string {
	if q <= 0 {
		return "?"
	}
	return strconv.FormatFloat(q, 'f', 2, 64)
}

// formatSeconds shows one run for the progress lines: entry time (wall).
func formatSeconds(entry, wall int64) string {
	s := "?"
	if entry >= 0 {
		s = fmt.Sprintf("%.3fs", float64(entry)/1e9)
	}
	return fmt.Sprintf("%s (wall %.3fs)", s, float64(wall)/1e9)
}
