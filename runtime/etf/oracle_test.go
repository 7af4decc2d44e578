package etf

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// The differential tests run erl once: for every term below and every
// option profile it prints the hex of term_to_binary(T) and of
// term_to_binary(T, Opts), and external_size(T). The Go side decodes the
// default encoding to get the term, encodes it again with the same
// options and compares bytes.

// oracleTerms are Erlang expressions; each must evaluate to the same term
// however often it is evaluated (no make_ref(), no new funs).
var oracleTerms = []struct{ name, expr string }{
	{"atom", "abc"},
	{"empty atom", "''"},
	{"latin1 atom", "list_to_atom([104,233,255])"},
	{"unicode atom", "list_to_atom([1000,1001,97])"},
	{"long atom", "list_to_atom(lists:duplicate(255,$a))"},
	{"long latin1 atom", "list_to_atom(lists:duplicate(255,250))"},
	{"long unicode atom", "list_to_atom(lists:duplicate(255,1000))"},
	{"true", "true"},
	{"0", "0"},
	{"255", "255"},
	{"256", "256"},
	{"-1", "-1"},
	{"-256", "-256"},
	{"2^27", "1 bsl 27"},
	{"2^31-1", "(1 bsl 31)-1"},
	{"2^31", "1 bsl 31"},
	{"-2^31", "-(1 bsl 31)"},
	{"-2^31-1", "-(1 bsl 31)-1"},
	{"2^59-1", "(1 bsl 59)-1"},
	{"2^59", "1 bsl 59"},
	{"-2^59", "-(1 bsl 59)"},
	{"-2^59-1", "-(1 bsl 59)-1"},
	{"2^60", "1 bsl 60"},
	{"2^63", "1 bsl 63"},
	{"2^64-1", "(1 bsl 64)-1"},
	{"2^64", "1 bsl 64"},
	{"-2^64", "-(1 bsl 64)"},
	{"2^2039", "1 bsl 2039"},
	{"2^2040", "1 bsl 2040"},
	{"-2^3000", "-(1 bsl 3000)"},
	{"0.0", "0.0"},
	{"-0.0", "-0.0"},
	{"1.5", "1.5"},
	{"pi", "math:pi()"},
	{"1e300", "1.0e300"},
	{"-1.2345e-300", "-1.2345e-300"},
	{"denormal", "5.0e-324"},
	{"1e22", "1.0e22"},
	{"empty string", `""`},
	{"string", `"hello"`},
	{"byte list", "lists:seq(0,255)"},
	{"string 65535", "lists:duplicate(65535,$a)"},
	{"string 65536", "lists:duplicate(65536,$a)"},
	{"list 256", "[1,256]"},
	{"list negative", "[-1]"},
	{"improper bytes", "[1,2|3]"},
	{"improper", "[a|b]"},
	{"list of lists", `[[],[1],"ab",[a]]`},
	{"seq 300", "lists:seq(1,300)"},
	{"empty tuple", "{}"},
	{"nested", `{a,[b,{c,"d"}],#{},{1.5,<<"x">>}}`},
	{"tuple 255", "list_to_tuple(lists:seq(1,255))"},
	{"tuple 256", "list_to_tuple(lists:seq(1,256))"},
	{"empty map", "#{}"},
	{"map 3", "#{c=>3,a=>1,b=>2}"},
	{"map mixed keys", `#{1=>a,2=>b,x=>c,"s"=>d,{t}=>e,<<"b">>=>f,[]=>g}`},
	{"map 32", "maps:from_list([{K,K*2} || K <- lists:seq(1,32)])"},
	{"map 33", "maps:from_list([{K,K*2} || K <- lists:seq(1,33)])"},
	{"map 40", "maps:from_list([{K,K} || K <- lists:seq(1,40)])"},
	{"map 40 atoms", "maps:from_list([{list_to_atom([$k|integer_to_list(K)]),K} || K <- lists:seq(1,40)])"},
	{"nested maps", "#{a=>#{b=>#{c=>[]}}}"},
	{"empty binary", "<<>>"},
	{"binary", `<<"abc">>`},
	{"binary 64", "<<0:512>>"},
	{"binary 100", "list_to_binary(lists:seq(1,100))"},
	{"sub-binary", "binary:part(list_to_binary(lists:duplicate(50,lists:seq(1,200))), 10, 100)"},
	{"bitstring", "<<1,2,3:5>>"},
	{"one bit", "<<1:1>>"},
	{"bitstring 7", "<<255:7>>"},
	{"big bitstring", "<<0:803>>"},
	{"bitstrings in tuple", "{<<0:527>>, a, <<0:519>>, <<0:520>>}"},
	{"export", "fun lists:map/2"},
	{"export op", "fun erlang:'+'/2"},
	{"export unicode", "erlang:make_fun(list_to_atom([1000]), list_to_atom([228]), 0)"},
	{"pid", "c:pid(0,80,0)"},
	{"pid serial", "c:pid(0,1234,5)"},
	{"port", "erlang:list_to_port(\"#Port<0.7>\")"},
	{"ref", "binary_to_term(<<131,90,0,3,100,0,13,\"nonode@nohost\",0,0,0,0,0,1,2,3,0,0,0,4,0,0,0,5>>)"},
	{"pids in list", "[c:pid(0,1,0),c:pid(0,2,0)]"},
}

// oracleProfiles are option lists and their Go equivalents.
var oracleProfiles = []struct {
	name, erl string
	opts      Options
}{
	{"default", "[]", DefaultOptions},
	{"mv0", "[{minor_version,0}]", Options{MinorVersion: 0}},
	{"mv1", "[{minor_version,1}]", Options{MinorVersion: 1}},
	{"mv2", "[{minor_version,2}]", Options{MinorVersion: 2}},
	{"det", "[deterministic]", Options{MinorVersion: 1, Deterministic: true}},
	{"c0", "[{compressed,0}]", Options{MinorVersion: 1}},
	{"c1", "[{compressed,1}]", Options{MinorVersion: 1, Compression: 1}},
	{"c6", "[compressed]", Options{MinorVersion: 1, Compression: 6}},
	{"c9", "[{compressed,9},{minor_version,2}]", Options{MinorVersion: 2, Compression: 9}},
}

type oracleResult struct {
	def  []byte
	with map[string][]byte
	size int
	iov  [][]byte
}

var oracle struct {
	once sync.Once
	res  map[string]*oracleResult
	err  error
}

func runOracle(t *testing.T) map[string]*oracleResult {
	t.Helper()
	if _, err := exec.LookPath("erl"); err != nil {
		t.Skip("erl not installed")
	}
	oracle.once.Do(func() {
		var prog strings.Builder
		prog.WriteString("H = fun(B) -> binary:encode_hex(B) end,\n")
		prog.WriteString("P = fun(I, T) -> io:format(\"~b def ~s ~b~n\", [I, H(term_to_binary(T)), erlang:external_size(T)]),\n")
		for _, p := range oracleProfiles {
			fmt.Fprintf(&prog, "  io:format(\"~b %s ~s~n\", [I, H(term_to_binary(T, %s))]),\n", p.name, p.erl)
		}
		prog.WriteString("  io:format(\"~b iov ~s~n\", [I, lists:join(\",\", [H(B) || B <- term_to_iovec(T)])]),\n")
		prog.WriteString("  ok end,\n")
		for i, tc := range oracleTerms {
			fmt.Fprintf(&prog, "P(%d, %s),\n", i, tc.expr)
		}
		prog.WriteString("halt().\n")
		out, err := exec.Command("erl", "-noshell", "-eval", prog.String()).Output()
		if err != nil {
			oracle.err = fmt.Errorf("erl: %v", err)
			return
		}
		res := make(map[string]*oracleResult)
		sc := bufio.NewScanner(bytes.NewReader(out))
		sc.Buffer(nil, 1<<22)
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) < 3 {
				continue
			}
			var i int
			fmt.Sscan(f[0], &i)
			name := oracleTerms[i].name
			r := res[name]
			if r == nil {
				r = &oracleResult{with: map[string][]byte{}}
				res[name] = r
			}
			if f[1] == "iov" {
				for _, x := range strings.Split(f[2], ",") {
					b, err := hex.DecodeString(x)
					if err != nil {
						oracle.err = err
						return
					}
					r.iov = append(r.iov, b)
				}
				continue
			}
			b, err := hex.DecodeString(f[2])
			if err != nil {
				oracle.err = err
				return
			}
			if f[1] == "def" {
				r.def = b
				fmt.Sscan(f[3], &r.size)
			} else {
				r.with[f[1]] = b
			}
		}
		oracle.res = res
	})
	require.NoError(t, oracle.err)
	require.Len(t, oracle.res, len(oracleTerms), "erl printed a result per term")
	return oracle.res
}

// knownMismatch are differences from OTP that are not this package's to
// fix; see the report in the package's commit history.
var knownMismatch = map[string]string{
	// Large maps iterate in OTP's order only once term's HAMT hashes as
	// OTP does (integer keys do with the HAMT in progress; atom keys not yet).
	"map 33/nondet":       "large map iteration order differs from OTP's (runtime/term)",
	"map 40/nondet":       "large map iteration order differs from OTP's (runtime/term)",
	"map 40 atoms/nondet": "large map iteration order differs from OTP's (runtime/term)",
}

func TestOracleEncode(t *testing.T) {
	res := runOracle(t)
	for _, tc := range oracleTerms {
		r := res[tc.name]
		t.Run(tc.name, func(t *testing.T) {
			h := heap.New()
			defer runtime.KeepAlive(h)
			x, n, err := Decode(h, r.def, DecodeOptions{})
			require.NoError(t, err)
			require.Equal(t, len(r.def), n)

			size, err := ExternalSize(x, DefaultOptions)
			require.NoError(t, err)
			assert.Equal(t, r.size, size, "external_size")

			segs, err := EncodeIOVec(x, DefaultOptions)
			require.NoError(t, err)
			var iov [][]byte
			for _, s := range segs {
				iov = append(iov, s.Bytes)
			}
			if _, known := knownMismatch[tc.name+"/nondet"]; !known {
				assert.Equal(t, r.iov, iov, "term_to_iovec")
			}

			for _, p := range oracleProfiles {
				want := r.with[p.name]
				got, err := Encode(x, p.opts)
				require.NoError(t, err, p.name)
				if p.opts.Compression > 0 {
					checkCompressed(t, h, p.name, want, got)
					continue
				}
				key := tc.name + "/nondet"
				if p.opts.Deterministic {
					key = tc.name + "/det"
				}
				if why, ok := knownMismatch[key]; ok && !bytes.Equal(want, got) {
					t.Logf("%s: known difference: %s", p.name, why)
					continue
				}
				assert.Equal(t, hex.EncodeToString(want), hex.EncodeToString(got), p.name)
			}
		})
	}
}

// checkCompressed compares compressed encodings by what they decode to
// and by whether OTP chose to compress: Go's zlib writes other (valid)
// bytes than C zlib.
func checkCompressed(t *testing.T, h *heap.Heap, profile string, want, got []byte) {
	t.Helper()
	w, _, err := Decode(h, want, DecodeOptions{})
	require.NoError(t, err, profile)
	g, _, err := Decode(h, got, DecodeOptions{})
	require.NoError(t, err, profile)
	assert.True(t, term.Equal(w, g), "%s: decodes to the same term", profile)
	wantC := len(want) > 1 && want[1] == tagCompressed
	gotC := len(got) > 1 && got[1] == tagCompressed
	if wantC != gotC {
		// Go's deflate output is a few bytes longer, which can tip a
		// borderline term over OTP's size limit.
		t.Logf("%s: OTP compressed=%v, we compressed=%v (%d vs %d bytes)", profile, wantC, gotC, len(want), len(got))
	} else if !bytes.Equal(want, got) {
		t.Logf("%s: compressed bytes differ from C zlib's (%d vs %d bytes)", profile, len(want), len(got))
	}
}
