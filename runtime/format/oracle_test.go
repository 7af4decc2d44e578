package format

import (
	"bytes"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/etf"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// The differential tests run an Erlang module (written to a temporary
// directory, compiled and run by one erl invocation) that makes many
// cases and writes, for each, its kind, its arguments as
// term_to_binary in hex, and OTP's result as UTF-8 in hex (or "!" when
// OTP raised). The Go side decodes the arguments into runtime terms, computes
// the same thing and compares the text.

// oracleCase is one case the Erlang side wrote.
type oracleCase struct {
	Kind   string
	Args   []term.Term // the decoded argument list
	Result string      // OTP's result as code points, or "" with Err
	Err    bool        // OTP raised
	// MapOrder is false when a map in the arguments iterates in another
	// order in beamrc than in OTP (a runtime/term matter, not this
	// package's): such cases cannot be compared.
	MapOrder bool
}

// runOracle compiles src (a module named fmtgen with main/1 taking the
// output file name) and runs it under erl.
func runOracle(t *testing.T, src string) []oracleCase {
	t.Helper()
	if _, err := exec.LookPath("erl"); err != nil {
		t.Skip("erl not installed")
	}
	dir := t.TempDir()
	srcFile := filepath.Join(dir, "fmtgen.erl")
	outFile := filepath.Join(dir, "out.bin")
	require.NoError(t, os.WriteFile(srcFile, []byte(src), 0o644))
	eval := `{ok, M, B} = compile:file("` + srcFile + `", [binary, report]),
		{module, M} = code:load_binary(M, "fmtgen.erl", B),
		M:main("` + outFile + `"), halt().`
	cmd := exec.Command("erl", "-noshell", "-eval", eval)
	cmd.Dir = dir // no stray .beam files of the caller's directory
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	data, err := os.ReadFile(outFile)
	require.NoError(t, err, "%s", out)

	// The cases' terms live on h: it must outlive them, and Go's
	// collector cannot see the terms' pointers into it.
	h := heap.New()
	t.Cleanup(func() { runtime.KeepAlive(h) })
	var cases []oracleCase
	for _, rec := range bytes.Split(data, []byte{2}) {
		if len(rec) == 0 {
			continue
		}
		f := bytes.SplitN(rec, []byte{1}, 3)
		require.Len(t, f, 3)
		raw, err := hex.DecodeString(string(f[1]))
		require.NoError(t, err)
		bt, err := beam.DecodeTerm(raw)
		require.NoError(t, err)
		args, err := etf.FromBeam(h, bt)
		require.NoError(t, err)
		as, ok := term.ListToSlice(args)
		require.True(t, ok)
		c := oracleCase{Kind: string(f[0]), Args: as, MapOrder: sameMapOrder(t, h, bt)}
		if bytes.Equal(f[2], []byte("!")) {
			c.Err = true
		} else {
			res, err := hex.DecodeString(string(f[2]))
			require.NoError(t, err)
			c.Result = string(res)
		}
		cases = append(cases, c)
	}
	require.NotEmpty(t, cases)
	return cases
}

// oracleHeader is the part of every generator: encoding the cases.
const oracleHeader = `-module(fmtgen).
-export([main/1]).

main(Out) ->
    rand:seed(exsss, {7, 11, 13}),
    Recs = [encode(C) || C <- cases()],
    ok = file:write_file(Out, Recs).

encode({Kind, Args}) ->
    R = try run(Kind, Args) of
            S -> case unicode:characters_to_binary(S) of
                     B when is_binary(B) -> binary:encode_hex(B);
                     _ -> <<"!">>
                 end
        catch _:_ -> <<"!">>
        end,
    [atom_to_list(Kind), 1, binary:encode_hex(term_to_binary(Args)), 1, R, 2].

run(format, [F, A]) -> lists:flatten(io_lib:format(F, A));
run(f2l, [F, O]) -> float_to_list(F, O);
run(i2l, [I, B]) -> integer_to_list(I, B);
run(write_atom, [A]) -> lists:flatten(io_lib:write_atom(A));
run(write_string, [S]) -> lists:flatten(io_lib:write_string(S));
run(printable, [L]) -> atom_to_list(io_lib:printable_list(L));
run(printable_unicode, [L]) -> atom_to_list(io_lib:printable_unicode_list(L));
run(char_list, [L]) -> atom_to_list(io_lib:char_list(L)).
`

// sameMapOrder reports whether every map in bt (whose pairs are in OTP's
// maps:to_list/1 order, as term_to_binary wrote them) lists its pairs in
// the same order once built as a runtime term.
func sameMapOrder(t *testing.T, h *heap.Heap, bt beam.Term) bool {
	switch v := bt.(type) {
	case beam.Tuple:
		for _, e := range v {
			if !sameMapOrder(t, h, e) {
				return false
			}
		}
	case *beam.List:
		for _, e := range v.Elems {
			if !sameMapOrder(t, h, e) {
				return false
			}
		}
		return sameMapOrder(t, h, v.Tail)
	case *beam.Map:
		m, err := etf.FromBeam(h, v)
		require.NoError(t, err)
		keys, _ := term.MapPairs(m)
		for i, k := range v.Keys {
			kt, err := etf.FromBeam(h, k)
			require.NoError(t, err)
			if !term.Equal(keys[i], kt) || !sameMapOrder(t, h, k) || !sameMapOrder(t, h, v.Values[i]) {
				return false
			}
		}
	}
	return true
}
