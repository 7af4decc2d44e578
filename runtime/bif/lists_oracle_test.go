package bif

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// The library BIFs are checked against erl: each table is a list of calls
// M:F(Args...) in Erlang syntax. One erl run evaluates the arguments and
// the call for every line and prints term_to_binary({Args, Result}) in hex;
// the test decodes that, calls the Go BIF with the same arguments and
// compares the results printed as ~w. Exceptions compare as
// {'EXCEPTION', Class, Reason}.

const libOracleScript = `
Run = fun(Line) ->
    {ok, Toks, _} = erl_scan:string(unicode:characters_to_list(Line) ++ "."),
    {ok, [{call, _, {remote, _, MX, FX}, AX}]} = erl_parse:parse_exprs(Toks),
    Ev = fun(E) -> {value, V, _} = erl_eval:expr(E, []), V end,
    Args = [Ev(A) || A <- AX],
    R = try apply(Ev(MX), Ev(FX), Args)
        catch C:Why -> {'EXCEPTION', C, Why} end,
    io:format("~s~n", [binary:encode_hex(term_to_binary({Args, R}))])
end,
{ok, B} = file:read_file(os:getenv("ORACLE_FILE")),
[Run(L) || L <- binary:split(B, <<"\n">>, [global, trim_all])],
halt().
`

// libOracle runs the calls under erl and checks each Go BIF against it.
func libOracle(t *testing.T, calls []string) {
	t.Helper()
	lines := erlLines(t, libOracleScript, calls)
	for i, call := range calls {
		raw, err := hex.DecodeString(lines[i])
		require.NoError(t, err, "%s: %s", call, lines[i])
		decoded, err := beam.DecodeTerm(raw)
		require.NoError(t, err, call)
		pair := decoded.(beam.Tuple)
		want := beam.Format(pair[1])
		got := libOracleCall(t, call, pair[0])
		assert.Equal(t, want, got, call)
	}
}

// libOracleCall runs the BIF named in call on args (a decoded list).
func libOracleCall(t *testing.T, call string, args beam.Term) string {
	name := call[:strings.IndexByte(call, '(')]
	mf := strings.SplitN(name, ":", 2)
	p := &emu.Process{Heap: heap.New()}
	var argv []term.Term
	if l, ok := args.(*beam.List); ok {
		for _, a := range l.Elems {
			argv = append(argv, libFromBeam(p.Heap, a))
		}
	}
	bif, ok := emu.LookupBIF(emu.MakeMFA(mf[0], mf[1], len(argv)))
	if !ok {
		return fmt.Sprintf("no BIF %s/%d", name, len(argv))
	}
	r := bif.Fn(p, argv)
	if r == term.NonValue {
		return beam.Format(beam.Tuple{beam.Atom("EXCEPTION"),
			libToBeam(p.Exc.Class.Atom()), libToBeam(p.Exc.Reason)})
	}
	return beam.Format(libToBeam(r))
}

// libFromBeam builds a decoded term on a heap.
func libFromBeam(a term.Allocator, t beam.Term) term.Term {
	switch v := t.(type) {
	case beam.Atom:
		return term.Intern(string(v))
	case beam.Int:
		return term.MakeInt(a, int64(v))
	case beam.BigInt:
		return term.MakeBigInt(a, v.Int)
	case beam.Float:
		return term.NewFloat(a, float64(v))
	case beam.Nil:
		return term.Nil
	case beam.Tuple:
		elems := make([]term.Term, len(v))
		for i, e := range v {
			elems[i] = libFromBeam(a, e)
		}
		return term.NewTuple(a, elems...)
	case *beam.List:
		elems := make([]term.Term, len(v.Elems))
		for i, e := range v.Elems {
			elems[i] = libFromBeam(a, e)
		}
		return term.ListWithTail(a, elems, libFromBeam(a, v.Tail))
	case beam.Bitstring:
		if v.Bits == 8 {
			return term.NewBinary(a, v.Bytes)
		}
		size := uint(len(v.Bytes)-1)*8 + uint(v.Bits)
		return term.NewBitstring(a, term.Bits{Data: v.Bytes, Size: size})
	case *beam.Map:
		keys := make([]term.Term, len(v.Keys))
		vals := make([]term.Term, len(v.Keys))
		for i := range v.Keys {
			keys[i] = libFromBeam(a, v.Keys[i])
			vals[i] = libFromBeam(a, v.Values[i])
		}
		return term.MapFromPairs(a, keys, vals)
	}
	panic(fmt.Sprintf("libFromBeam: %T", t))
}

// libToBeam converts a runtime term for printing.
func libToBeam(t term.Term) beam.Term {
	switch {
	case t == term.Nil:
		return beam.Nil{}
	case t.IsAtom():
		return beam.Atom(term.AtomName(t))
	case t.IsSmall():
		return beam.Int(t.SmallValue())
	case t.IsBig():
		z := t.BigInt()
		if z.IsInt64() {
			return beam.Int(z.Int64())
		}
		return beam.BigInt{Int: new(big.Int).Set(z)}
	case t.IsFloat():
		return beam.Float(t.FloatValue())
	case t.IsTuple():
		out := beam.Tuple{}
		for _, e := range t.TupleElems() {
			out = append(out, libToBeam(e))
		}
		return out
	case t.IsCons():
		l := &beam.List{}
		for ; t.IsCons(); t = t.Tail() {
			l.Elems = append(l.Elems, libToBeam(t.Head()))
		}
		l.Tail = libToBeam(t)
		return l
	case t.IsBitstring():
		b := t.BitstringBits()
		n := (b.Size + 7) / 8
		buf := make([]byte, n)
		term.CopyBits(buf, 0, b.Data, b.Offset, b.Size)
		bits := uint8(b.Size % 8)
		if bits == 0 {
			bits = 8
		}
		return beam.Bitstring{Bytes: buf, Bits: bits}
	case t.IsMap():
		keys, vals := term.MapPairs(t)
		m := &beam.Map{}
		for i := range keys {
			m.Keys = append(m.Keys, libToBeam(keys[i]))
			m.Values = append(m.Values, libToBeam(vals[i]))
		}
		return m
	case t.IsPid():
		return beam.Pid{Node: "nonode@nohost", ID: uint32(t.PidID())}
	case t.IsRef():
		return beam.Ref{Node: "nonode@nohost", IDs: []uint32{uint32(t.RefID())}}
	}
	return beam.Atom(fmt.Sprintf("<term %#x>", uint64(t)))
}

// beamFormat prints a runtime term as ~w does.
func beamFormat(t term.Term) string { return beam.Format(libToBeam(t)) }
