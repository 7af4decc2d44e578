package bif

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// erlOracle checks erlang-module BIFs against erl. Each call is
// "erlang:F(Args...)" in Erlang syntax, F quoted if it must be. erl
// evaluates the arguments and the call (one erl run for all of them, with
// the lists BIFs' oracle script) and the Go BIF gets the same argument
// values; results are compared printed as ~w, exceptions as
// {'EXCEPTION', Class, Reason}.
func erlOracle(t *testing.T, calls []string) {
	t.Helper()
	lines := erlLines(t, libOracleScript, calls)
	failures := 0
	for i, call := range calls {
		raw, err := hex.DecodeString(lines[i])
		require.NoError(t, err, "%s: %s", call, lines[i])
		decoded, err := beam.DecodeTerm(raw)
		require.NoError(t, err, call)
		pair := decoded.(beam.Tuple)
		want := beam.Format(pair[1])
		if got := erlOracleCall(call, pair[0]); got != want {
			failures++
			if failures <= 40 {
				t.Errorf("%s\n  erl: %.300s\n  go:  %.300s", call, want, got)
			}
		}
	}
	if failures > 0 {
		t.Errorf("%d of %d calls differ from erl", failures, len(calls))
	}
}

// erlOracleCall runs the erlang BIF named in call on args (a decoded list).
func erlOracleCall(call string, args beam.Term) string {
	name := strings.TrimPrefix(call[:strings.IndexByte(call, '(')], "erlang:")
	name = strings.Trim(name, "'")
	p := &emu.Process{Heap: heap.New()}
	var argv []term.Term
	if l, ok := args.(*beam.List); ok {
		for _, a := range l.Elems {
			argv = append(argv, erlFromBeam(p.Heap, a))
		}
	}
	r, ok := erlCallBIF(p, name, argv...)
	if !ok {
		return "no BIF erlang:" + name
	}
	if r == term.NonValue {
		return beam.Format(beam.Tuple{beam.Atom("EXCEPTION"),
			libToBeam(p.Exc.Class.Atom()), libToBeam(p.Exc.Reason)})
	}
	return beam.Format(libToBeam(r))
}

// erlCallBIF calls erlang:name/len(args) in p.
func erlCallBIF(p *emu.Process, name string, args ...term.Term) (term.Term, bool) {
	bif, ok := emu.LookupBIF(emu.MakeMFA("erlang", name, len(args)))
	if !ok {
		return term.NonValue, false
	}
	return bif.Fn(p, args), true
}

// erlFromBeam is libFromBeam extended with the pids, references and
// external funs that the erlang BIFs' tests pass.
func erlFromBeam(a term.Allocator, t beam.Term) term.Term {
	switch v := t.(type) {
	case beam.Pid:
		return term.MakePid(uint64(v.ID))
	case beam.Ref:
		return term.RefWithID(a, uint64(v.IDs[0]))
	case beam.ExportFun:
		return term.NewExport(a, term.Intern(string(v.Module)), term.Intern(string(v.Function)), v.Arity)
	case beam.Tuple:
		elems := make([]term.Term, len(v))
		for i, e := range v {
			elems[i] = erlFromBeam(a, e)
		}
		return term.NewTuple(a, elems...)
	case *beam.List:
		elems := make([]term.Term, len(v.Elems))
		for i, e := range v.Elems {
			elems[i] = erlFromBeam(a, e)
		}
		return term.ListWithTail(a, elems, erlFromBeam(a, v.Tail))
	}
	return libFromBeam(a, t)
}
