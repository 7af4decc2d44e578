package emu_test

import (
	"math"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	_ "github.com/beamrc/beamrc/runtime/bif"
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/otp"
	"github.com/beamrc/beamrc/runtime/term"
)

// newSystem loads testdata modules and the runtime's library modules.
func newSystem(t testing.TB, files ...string) *emu.System {
	t.Helper()
	s := emu.NewSystem()
	for _, f := range files {
		require.NoError(t, s.LoadFile(f))
	}
	for n, b := range otp.Modules() {
		require.NoError(t, s.LoadBytes(n+".beam", b))
	}
	require.NoError(t, s.Link())
	return s
}

func ints(vs ...int64) []term.Term {
	out := make([]term.Term, len(vs))
	for i, v := range vs {
		out[i] = term.MakeSmall(v)
	}
	return out
}

// The workloads of testdata/bench.erl with the results erl gives.
var benchCases = []struct {
	fun  string
	args []int64
	want string
}{
	{"fib", []int64{27}, "196418"},
	{"tak", []int64{18, 12, 6}, "7"},
	{"nrev", []int64{500, 200}, "100000"},
	{"lists_ops", []int64{200000}, "90000700000"},
	{"trees", []int64{14}, "3156655"},
	{"nbody", []int64{20000}, "172960"},
	{"strings", []int64{20000}, "377788"},
	{"maps", []int64{20000}, "400020000"},
	{"ring", []int64{1000, 100}, "done"},
}

func TestBenchWorkloads(t *testing.T) {
	s := newSystem(t, "testdata/bench.beam")
	for _, c := range benchCases {
		// Torture mode collects at every safe point: the full workloads
		// would take many minutes.
		if (testing.Short() || heap.Torture) && c.fun != "fib" {
			continue
		}
		st, err := s.Run("bench", c.fun, ints(c.args...))
		require.NoError(t, err)
		require.Equal(t, 0, st, c.fun)
		require.Equal(t, c.want, format.Write(s.Result()), c.fun)
	}
}

func BenchmarkWorkloads(b *testing.B) {
	s := newSystem(b, "testdata/bench.beam")
	for _, c := range benchCases {
		b.Run(c.fun, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if st, err := s.Run("bench", c.fun, ints(c.args...)); err != nil || st != 0 {
					b.Fatal(st, err)
				}
			}
		})
	}
}

// TestBenchCPU reports the CPU time each workload takes (BEAMRC_BENCH=1),
// which is steadier than wall time on a loaded machine; compare with
// erl's statistics(runtime) for the same call.
func TestBenchCPU(t *testing.T) {
	if os.Getenv("BEAMRC_BENCH") != "1" {
		t.Skip("set BEAMRC_BENCH=1")
	}
	s := newSystem(t, "testdata/bench.beam")
	for _, c := range benchCases {
		best := time.Duration(math.MaxInt64)
		for i := 0; i < 3; i++ {
			c0 := cpuTime()
			_, err := s.Run("bench", c.fun, ints(c.args...))
			require.NoError(t, err)
			best = min(best, cpuTime()-c0)
		}
		t.Logf("%-10s %8.1f ms", c.fun, float64(best)/1e6)
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
