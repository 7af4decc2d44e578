package emu_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/etf"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// TestUnits runs the functions of testdata/units.erl (bit syntax,
// exceptions, receive timeouts, maps, floats, ...) and compares their
// results, printed with ~w, with what erl printed (testdata/units.expected,
// recorded with erl -noshell -eval 'io:format("~w", [units:F()])').
func TestUnits(t *testing.T) {
	s := newSystem(t, "testdata/units.beam")
	f, err := os.Open("testdata/units.expected")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		var args []term.Term
		name, want := fields[0], fields[len(fields)-1]
		if len(fields) == 3 {
			args = []term.Term{parseTerm(t, fields[1])}
		}
		t.Run(name+"/"+strings.Join(fields[1:len(fields)-1], ""), func(t *testing.T) {
			st, err := s.Run("units", name, args)
			require.NoError(t, err)
			require.Equal(t, 0, st)
			assert.Equal(t, want, format.Write(s.Result()))
		})
	}
}

// parseTerm reads the few argument shapes units.expected uses.
func parseTerm(t *testing.T, s string) term.Term {
	a := heap.Literals
	switch {
	case s == "[]":
		return term.Nil
	case s == "a":
		return term.Intern("a")
	case s == "11":
		return term.MakeSmall(11)
	case s == "{k,1}":
		return term.Tuple2(a, term.Intern("k"), term.MakeSmall(1))
	case s == "<<97,98,99>>":
		return term.NewBinary(a, []byte("abc"))
	case s == "#{a=>1}":
		return term.MapFromPairs(a, []term.Term{term.Intern("a")}, []term.Term{term.MakeSmall(1)})
	}
	t.Fatalf("unknown argument %q", s)
	return 0
}

// TestCorpusProof checks the results EXPECTED.md records for the shared
// corpus's proof.beam (Gleam 1.17 on OTP 28).
func TestCorpusProof(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "corpus", "proof", "proof.beam")
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared corpus not present")
	}
	s := newSystem(t, path)
	for _, c := range []struct {
		fun  string
		args []int64
		want string
	}{
		{"answer", nil, "42"}, {"add", []int64{17, 25}, "42"}, {"run_pipeline", []int64{5}, "400"},
		{"factorial", []int64{0}, "1"}, {"factorial", []int64{5}, "120"},
		{"factorial", []int64{10}, "3628800"}, {"factorial", []int64{12}, "479001600"},
		{"factorial", []int64{20}, "2432902008176640000"},
		{"fibonacci", []int64{0}, "0"}, {"fibonacci", []int64{1}, "1"},
		{"fibonacci", []int64{10}, "55"}, {"fibonacci", []int64{30}, "832040"},
	} {
		st, err := s.Run("proof", c.fun, ints(c.args...))
		require.NoError(t, err, c.fun)
		require.Equal(t, 0, st, c.fun)
		assert.Equal(t, c.want, format.Write(s.Result()), "%s%v", c.fun, c.args)
	}
}

var _ = etf.FromBeam
