package compiler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestNativePrograms builds every program under testdata/programs and
// testdata/bench with the host's code generator and checks that the
// executable prints what erl printed and exits with erl's status:
// natively, with BEAMRC_GC_TORTURE=1 (a collection at every heap check),
// and built with a spread of --interpret choices so that native and
// interpreted functions call, return to and unwind through each other.
//
// A program whose expected output the interpreter does not reproduce
// either (the same executable with BEAMRC_NO_NATIVE=1) is skipped: that
// is a runtime gap, not a code generator bug.
func TestNativePrograms(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every test program")
	}
	if HostTarget() != (Target{"linux", "amd64"}) {
		t.Skip("native code generator for linux/amd64")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go on PATH")
	}
	var dirs []string
	for _, pat := range []string{"programs/*", "bench/*"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", pat))
		require.NoError(t, err)
		dirs = append(dirs, m...)
	}
	out := t.TempDir()
	work := filepath.Join(out, "work") // one build directory: go build's cache does the rest

	// Executables run two at a time while the next ones build.
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for _, dir := range dirs {
		name := filepath.Base(dir)
		entry, err := os.ReadFile(filepath.Join(dir, "entry"))
		require.NoError(t, err)
		want := readExpected(t, dir)
		bench := strings.Contains(dir, "bench")
		for _, variant := range nativeVariants(name, bench) {
			exe := filepath.Join(out, name+variant.suffix)
			var log bytes.Buffer
			res, err := Build(Options{
				Paths: []string{filepath.Join(dir, "ebin")}, Entry: strings.TrimSpace(string(entry)),
				Output: exe, Log: &log, WorkDir: work, Interpret: variant.interpret(dir),
			})
			if err != nil {
				t.Errorf("%s%s: build: %v\n%s", name, variant.suffix, err, log.String())
				continue
			}
			if variant.suffix == "" {
				t.Logf("%s: %s", name, Summary(res.Native, len(res.Decisions)))
			}
			for _, env := range variant.envs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					sem <- struct{}{}
					defer func() { <-sem }()
					label := fmt.Sprintf("%s%s %s", name, variant.suffix, env)
					checkNative(t, label, exe, env, want)
				}()
			}
		}
	}
	wg.Wait()
}

type expected struct {
	stdout string
	status int
}

func readExpected(t *testing.T, dir string) expected {
	out, err := os.ReadFile(filepath.Join(dir, "expected.stdout"))
	require.NoError(t, err)
	return expected{string(out), readStatus(t, filepath.Join(dir, "expected.status"))}
}

// nativeVariant is one way of building a program.
type nativeVariant struct {
	suffix    string
	interpret func(dir string) []string
	envs      []string // environments to run it in ("" for none)
}

// nativeVariants: every program natively, in torture mode too unless it
// is a benchmark (torture makes those take minutes), and two mixed
// builds: the entry module's even-numbered functions interpreted, and its
// odd-numbered ones.
func nativeVariants(name string, bench bool) []nativeVariant {
	none := func(string) []string { return nil }
	envs := []string{"", "BEAMRC_GC_TORTURE=1"}
	if bench {
		envs = envs[:1]
	}
	vs := []nativeVariant{{"", none, envs}}
	for parity := 0; parity < 2; parity++ {
		vs = append(vs, nativeVariant{
			suffix:    fmt.Sprintf("-mixed%d", parity),
			interpret: func(dir string) []string { return everyOther(dir, name, parity) },
			envs:      []string{""},
		})
	}
	return vs
}

// everyOther names every other function of the program's entry module.
func everyOther(dir, module string, parity int) []string {
	p, err := Load([]string{filepath.Join(dir, "ebin")}, "")
	if err != nil {
		return nil
	}
	m := p.module(module)
	if m == nil {
		return nil
	}
	var specs []string
	for i, f := range m.Beam.Functions {
		if i%2 == parity {
			specs = append(specs, fmt.Sprintf("%s:%s/%d", module, f.Name, f.Arity))
		}
	}
	return specs
}

func checkNative(t *testing.T, label, exe, env string, want expected) {
	got, status, stderr := runExe(exe, env)
	if got == want.stdout && status == want.status {
		return
	}
	// Does the interpreter reproduce erl? If not, this is not ours.
	igot, istatus, _ := runExe(exe, strings.TrimSpace(env+" BEAMRC_NO_NATIVE=1"))
	if igot != want.stdout || istatus != want.status {
		t.Logf("%s: skipped: the interpreter does not reproduce erl either (status %d, want %d)", label, istatus, want.status)
		return
	}
	t.Errorf("%s: status %d, want %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", label, status, want.status, clip(got), clip(want.stdout), clip(stderr))
}

// runExe runs an executable with extra environment "K=V K=V".
func runExe(exe, env string) (stdout string, status int, stderr string) {
	// Well under go test's own 10-minute limit: a hung executable fails
	// its check (status -1) instead of outliving the test binary.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), strings.Fields(env)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		status = ee.ExitCode()
	} else if err != nil {
		status = -1
	}
	return out.String(), status, errb.String()
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "..."
	}
	return s
}
