package term_test

import (
	"fmt"
	"math"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// These tests run the real Erlang VM once and compare map orders and hash
// values with it. The cases travel to erl as Erlang terms in a file that
// file:consult/1 reads; erl answers with one line of integers per case.

// erlText renders t as Erlang source.
func erlText(t term.Term) string {
	var b strings.Builder
	writeErl(&b, t)
	return b.String()
}

func writeErl(b *strings.Builder, t term.Term) {
	switch {
	case t.IsInteger():
		b.WriteString(t.BigInt().String())
	case t.IsFloat():
		s := strconv.FormatFloat(t.FloatValue(), 'e', -1, 64)
		if !strings.Contains(s, ".") {
			s = strings.Replace(s, "e", ".0e", 1)
		}
		b.WriteString(s)
	case t.IsAtom():
		b.WriteString("'" + strings.ReplaceAll(strings.ReplaceAll(term.AtomName(t), `\`, `\\`), "'", `\'`) + "'")
	case t == term.Nil:
		b.WriteString("[]")
	case t.IsCons():
		b.WriteString("[")
		for first := true; t.IsCons(); t = t.Tail() {
			if !first {
				b.WriteString(",")
			}
			first = false
			writeErl(b, t.Head())
		}
		if t != term.Nil {
			b.WriteString("|")
			writeErl(b, t)
		}
		b.WriteString("]")
	case t.IsTuple():
		b.WriteString("{")
		for i := 1; i <= t.TupleArity(); i++ {
			if i > 1 {
				b.WriteString(",")
			}
			writeErl(b, t.Element(i))
		}
		b.WriteString("}")
	case t.IsMap():
		b.WriteString("#{")
		first := true
		term.MapIterate(t, func(k, v term.Term) bool {
			if !first {
				b.WriteString(",")
			}
			first = false
			writeErl(b, k)
			b.WriteString("=>")
			writeErl(b, v)
			return true
		})
		b.WriteString("}")
	case t.IsBitstring():
		bits := t.BitstringBits()
		b.WriteString("<<")
		for i := uint(0); i < bits.Size; i += 8 {
			if i > 0 {
				b.WriteString(",")
			}
			n := min(8, bits.Size-i)
			var v uint
			for j := uint(0); j < n; j++ {
				off := bits.Offset + i + j
				v = v<<1 | uint(bits.Data[off/8]>>(7-off%8)&1)
			}
			fmt.Fprintf(b, "%d:%d", v, n)
		}
		b.WriteString(">>")
	default:
		panic("erlText: unsupported term")
	}
}

func erlList(ts []term.Term) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = erlText(t)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// keyKind makes key i of a family of keys.
type keyKind struct {
	name string
	make func(a term.Allocator, i int) term.Term
	// atoms hash by atom index, which differs between OTP and beamrc, so
	// large maps of such keys cannot be in OTP's order.
	hasAtoms bool
}

var keyKinds = []keyKind{
	{name: "int", make: func(a term.Allocator, i int) term.Term { return term.MakeSmall(int64(i + 1)) }},
	{name: "neg", make: func(a term.Allocator, i int) term.Term { return term.MakeSmall(int64(-i*7919 - 3)) }},
	{name: "big", make: func(a term.Allocator, i int) term.Term {
		z := new(big.Int).Lsh(big.NewInt(int64(i+1)), uint(59+i%90))
		if i%3 == 0 {
			z.Neg(z)
		}
		return term.MakeBigInt(a, z)
	}},
	{name: "float", make: func(a term.Allocator, i int) term.Term {
		return term.NewFloat(a, float64(i)*0.37-50.5)
	}},
	{name: "bin", make: func(a term.Allocator, i int) term.Term {
		return term.NewBinary(a, []byte(fmt.Sprintf("key-%d-%s", i, strings.Repeat("x", i%20))))
	}},
	{name: "tuple", make: func(a term.Allocator, i int) term.Term {
		return term.NewTuple(a, term.MakeSmall(int64(i%7)), term.MakeSmall(int64(i)),
			term.ListFrom(a, []term.Term{term.MakeSmall(int64(i % 256)), term.MakeSmall(300)}))
	}},
	{name: "mixed", make: mixedKey},
	{name: "atom", hasAtoms: true, make: func(a term.Allocator, i int) term.Term {
		return term.Intern(fmt.Sprintf("atom_%d", i))
	}},
}

// mixedKey cycles through every kind of key whose hash beamrc shares with
// OTP: integers, floats, bignums, binaries, bitstrings, strings, improper
// lists, tuples and maps.
func mixedKey(a term.Allocator, i int) term.Term {
	switch i % 10 {
	case 0:
		return term.MakeSmall(int64(i*1000003 - 77))
	case 1:
		return term.NewFloat(a, math.Ldexp(float64(i), i%40-20))
	case 2:
		z := new(big.Int).Exp(big.NewInt(int64(i+2)), big.NewInt(int64(10+i%30)), nil)
		return term.MakeBigInt(a, z)
	case 3:
		return term.NewBinary(a, []byte(strings.Repeat(string(rune('a'+i%26)), i%30)))
	case 4:
		bin := term.NewBinary(a, []byte{byte(i), byte(i >> 8), 0xA5})
		return term.SliceBits(a, bin, uint(i%5), uint(3+i%13))
	case 5:
		return term.ListFrom(a, []term.Term{term.MakeSmall(int64('a' + i%26)), term.MakeSmall(int64(i % 200)), term.MakeSmall(int64(i % 255))})
	case 6:
		return term.ListWithTail(a, []term.Term{term.MakeSmall(int64(i))}, term.MakeSmall(int64(i*3)))
	case 7:
		return term.NewTuple(a)
	case 8:
		return term.MapFromPairs(a, []term.Term{term.MakeSmall(1), term.MakeSmall(int64(i))}, []term.Term{term.Nil, term.MakeSmall(2)})
	default:
		return term.NewTuple(a, term.Nil, term.MakeSmall(int64(i)), term.NewFloat(a, float64(i)/3))
	}
}

func seqKeys(a term.Allocator, k keyKind, n int) []term.Term {
	keys := make([]term.Term, 0, n)
	seen := map[string]bool{}
	for i := 0; len(keys) < n; i++ {
		key := k.make(a, i)
		if s := erlText(key); !seen[s] {
			// Mixed keys repeat ({} for one); keep the first of each.
			seen[s] = true
			keys = append(keys, key)
		}
	}
	return keys
}

func mapSizes() []int {
	var sizes []int
	for n := 0; n <= 40; n++ {
		sizes = append(sizes, n)
	}
	return append(sizes, 64, 100, 1000, 5000)
}

// otpCase is one question for erl.
type otpCase struct {
	name string
	// erl is an Erlang expression that evaluates to a list of integers.
	erl string
	// got computes beamrc's answer.
	got func() []int64
	// orderless cases compare as sets only (see keyKind.hasAtoms).
	orderless bool
}

// runErl evaluates every case in one erl run and returns the answers.
func runErl(t *testing.T, cases []otpCase) [][]int64 {
	t.Helper()
	erl, err := exec.LookPath("erl")
	if err != nil {
		t.Skip("erl is not on PATH: cannot compare with OTP")
	}
	dir := t.TempDir()
	var src strings.Builder
	for _, c := range cases {
		fmt.Fprintf(&src, "fun() -> %s end.\n", c.erl)
	}
	exprs := filepath.Join(dir, "cases.erl")
	require.NoError(t, os.WriteFile(exprs, []byte(src.String()), 0o644))
	// Each case is a fun expression ending in ".\n"; erl parses and
	// evaluates them one by one.
	eval := `
		erts_debug:set_internal_state(available_internal_state, true),
		{ok, Bin} = file:read_file("` + exprs + `"),
		Lines = string:split(unicode:characters_to_list(Bin), ".\n", all),
		lists:foreach(fun("") -> ok; (L) ->
			{ok, Toks, _} = erl_scan:string(L ++ "."),
			{ok, Es} = erl_parse:parse_exprs(Toks),
			{value, F, _} = erl_eval:exprs(Es, []),
			io:format("~w~n", [F()])
		end, Lines),
		halt().`
	cmd := exec.Command(erl, "-noshell", "-eval", eval)
	out, err := cmd.Output()
	require.NoError(t, err, "erl failed: %s", out)
	// Answers are the lines that start with "["; erl's warning about the
	// internal state goes to standard output too.
	var lines []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "[") {
			lines = append(lines, line)
		}
	}
	require.Len(t, lines, len(cases), "erl output: %s", out)
	answers := make([][]int64, len(lines))
	for i, line := range lines {
		line = strings.Trim(line, "[]")
		if line == "" {
			continue
		}
		for _, f := range strings.Split(line, ",") {
			v, err := strconv.ParseInt(f, 10, 64)
			require.NoError(t, err, "case %s: %q", cases[i].name, line)
			answers[i] = append(answers[i], v)
		}
	}
	return answers
}

func checkCases(t *testing.T, cases []otpCase) {
	answers := runErl(t, cases)
	for i, c := range cases {
		got := c.got()
		if c.orderless {
			assert.ElementsMatch(t, answers[i], got, c.name)
			continue
		}
		if !assert.Equal(t, answers[i], got, c.name) {
			return
		}
	}
}

// values lists the values of m in maps:to_list order and in maps:iterator
// order, one after the other.
func values(m term.Term) []int64 {
	var out []int64
	_, vals := term.MapPairs(m)
	for _, v := range vals {
		out = append(out, v.SmallValue())
	}
	term.MapIterate(m, func(_, v term.Term) bool {
		out = append(out, v.SmallValue())
		return true
	})
	return out
}

// erlValues is values in Erlang.
const erlValues = `maps:values(M) ++ lists:reverse(maps:fold(fun(_, V, A) -> [V|A] end, [], M))`

func TestMapOrderMatchesOTP(t *testing.T) {
	var f heap.Fragment
	var cases []otpCase
	for _, k := range keyKinds {
		for _, n := range mapSizes() {
			keys := seqKeys(&f, k, n)
			vals := make([]term.Term, n)
			for i := range vals {
				vals[i] = term.MakeSmall(int64(i + 1))
			}
			orderless := k.hasAtoms && n > term.MaxFlatMapSize
			cases = append(cases, otpCase{
				name:      fmt.Sprintf("from_list %s %d", k.name, n),
				erl:       fmt.Sprintf("Ks = %s, M = maps:from_list(lists:zip(Ks, lists:seq(1, length(Ks)))), %s", erlList(keys), erlValues),
				got:       func() []int64 { return values(term.MapFromPairs(&f, keys, vals)) },
				orderless: orderless,
			})
			if n < 20 || n%9 != 0 && n < 1000 {
				continue
			}
			// Put one by one, then remove every third key: the order must
			// not depend on how the map was made.
			var removed []term.Term
			for i := 0; i < n; i += 3 {
				removed = append(removed, keys[i])
			}
			cases = append(cases, otpCase{
				name: fmt.Sprintf("put/remove %s %d", k.name, n),
				erl: fmt.Sprintf(`Ks = %s, M0 = lists:foldl(fun({K, V}, A) -> A#{K => V} end, #{}, lists:zip(Ks, lists:seq(1, length(Ks)))),
					M = lists:foldl(fun(K, A) -> maps:remove(K, A) end, M0, %s), %s`, erlList(keys), erlList(removed), erlValues),
				got: func() []int64 {
					m := term.NewEmptyMap(&f)
					for i, key := range keys {
						m = term.MapPut(&f, m, key, vals[i])
					}
					for _, key := range removed {
						m = term.MapRemove(&f, m, key)
					}
					return values(m)
				},
				orderless: orderless,
			})
		}
	}
	// Enough keys that some share all 32 bits of their first hash, which
	// sends them down to the rehashed levels.
	const many = 300000
	cases = append(cases, otpCase{
		name: "from_list int 300000",
		erl:  fmt.Sprintf("M = maps:from_list([{K, K} || K <- lists:seq(1, %d)]), %s", many, erlValues),
		got: func() []int64 {
			var b term.MapBuilder
			for i := 1; i <= many; i++ {
				b.Put(term.MakeSmall(int64(i)), term.MakeSmall(int64(i)))
			}
			return values(b.Build(&f))
		},
	})
	cases = append(cases, otpCase{
		name: "put/remove odd int 300000",
		erl: fmt.Sprintf(`M0 = lists:foldl(fun(K, A) -> A#{K => K} end, #{}, lists:seq(1, %d)),
			M = lists:foldl(fun(K, A) -> maps:remove(K, A) end, M0, lists:seq(1, %d, 2)), %s`, many, many, erlValues),
		got: func() []int64 {
			m := term.NewEmptyMap(&f)
			for i := 1; i <= many; i++ {
				m = term.MapPut(&f, m, term.MakeSmall(int64(i)), term.MakeSmall(int64(i)))
			}
			for i := 1; i <= many; i += 2 {
				m = term.MapRemove(&f, m, term.MakeSmall(int64(i)))
			}
			return values(m)
		},
	})
	// 1..100, then remove the evens: back to a flat map at 50 keys.
	cases = append(cases, otpCase{
		name: "insert 1..100 remove evens",
		erl: `M0 = maps:from_list([{K, K} || K <- lists:seq(1, 100)]),
			M = lists:foldl(fun(K, A) -> maps:remove(K, A) end, M0, lists:seq(2, 100, 2)), ` + erlValues,
		got: func() []int64 {
			m := term.NewEmptyMap(&f)
			for i := 1; i <= 100; i++ {
				m = term.MapPut(&f, m, term.MakeSmall(int64(i)), term.MakeSmall(int64(i)))
			}
			for i := 2; i <= 100; i += 2 {
				m = term.MapRemove(&f, m, term.MakeSmall(int64(i)))
			}
			return values(m)
		},
	})
	checkCases(t, cases)
	// The terms live in f's slabs, which only f keeps alive.
	runtime.KeepAlive(&f)
}

// hashTerms returns terms of every kind that phash2 must hash as OTP does.
func hashTerms(a term.Allocator) []term.Term {
	ints := []int64{0, 1, -1, 255, 256, -256, 1000, 1<<27 - 1, 1 << 27, -(1 << 27), -(1 << 27) - 1,
		1<<31 - 1, 1 << 31, 1 << 32, -(1 << 32), 1<<40 + 12345, term.MaxSmall, term.MinSmall}
	var ts []term.Term
	for _, v := range ints {
		ts = append(ts, term.MakeSmall(v))
	}
	for _, s := range []string{"1152921504606846976", "-1152921504606846977", "18446744073709551616",
		"-340282366920938463463374607431768211457", "123456789012345678901234567890123456789012345678901234567890"} {
		z, _ := new(big.Int).SetString(s, 10)
		ts = append(ts, term.MakeBigInt(a, z))
	}
	for _, x := range []float64{0, 1, -1, 0.5, 2.5, -2.5, 1e300, -1e-300, math.Pi, 123456789.125} {
		ts = append(ts, term.NewFloat(a, x))
	}
	for _, s := range []string{"", "a", "abc", "abcd", "abcdefghijkl", "abcdefghijklm", strings.Repeat("xyz", 40), "\x00\xff\x80"} {
		ts = append(ts, term.NewBinary(a, []byte(s)))
		ts = append(ts, term.ListFrom(a, bytesToTerms([]byte(s))))
	}
	long := term.NewBinary(a, []byte(strings.Repeat("0123456789", 20)))
	for _, r := range [][2]uint{{0, 3}, {5, 11}, {8, 64}, {13, 100}, {1, 1}, {7, 0}} {
		ts = append(ts, term.SliceBits(a, long, r[0], r[1]))
	}
	one, two := term.MakeSmall(1), term.MakeSmall(2)
	ts = append(ts,
		term.Nil, term.NewTuple(a), term.NewTuple(a, one), term.NewTuple(a, one, two),
		term.NewTuple(a, term.Nil, term.Nil), term.NewTuple(a, term.NewTuple(a, term.Nil)),
		term.ListFrom(a, []term.Term{term.Nil}), term.ListWithTail(a, []term.Term{one}, two),
		term.ListFrom(a, []term.Term{term.MakeSmall(1000), one, term.MakeSmall(-1), two}),
		term.ListFrom(a, []term.Term{one, two, term.ListFrom(a, []term.Term{one}), term.Nil}),
		term.ListWithTail(a, []term.Term{term.MakeSmall(97), term.MakeSmall(98)}, term.NewBinary(a, []byte("c"))),
		term.NewEmptyMap(a),
		term.MapFromPairs(a, []term.Term{one, two}, []term.Term{two, term.Nil}),
		term.Intern("a"), term.Intern("hello"), term.Intern(""), term.Intern("caf\u00e9"), term.Intern("\u4e2d\u6587"),
		term.NewTuple(a, term.Intern("ok"), term.ListFrom(a, []term.Term{term.Intern("x")})),
	)
	var ks, vs []term.Term
	for i := 0; i < 50; i++ {
		ks = append(ks, mixedKey(a, i))
		vs = append(vs, term.MakeSmall(int64(i)))
	}
	ts = append(ts, term.MapFromPairs(a, ks, vs))
	ts = append(ts, term.MapFromPairs(a, ks[:10], vs[:10]))
	ts = append(ts, term.NewTuple(a, term.MapFromPairs(a, ks[:10], vs[:10])))
	ts = append(ts, term.NewTuple(a, term.MapFromPairs(a, ks, vs)))
	ts = append(ts, term.NewTuple(a, term.MapFromPairs(a, ks, vs), term.MapFromPairs(a, ks[:10], vs[:10])))
	return ts
}

func bytesToTerms(b []byte) []term.Term {
	out := make([]term.Term, len(b))
	for i, c := range b {
		out[i] = term.MakeSmall(int64(c))
	}
	return out
}

// hasAtom reports whether t contains an atom anywhere.
func hasAtom(t term.Term) bool {
	switch {
	case t.IsAtom():
		return true
	case t.IsCons():
		for ; t.IsCons(); t = t.Tail() {
			if hasAtom(t.Head()) {
				return true
			}
		}
		return hasAtom(t)
	case t.IsTuple():
		for _, e := range t.TupleElems() {
			if hasAtom(e) {
				return true
			}
		}
	case t.IsMap():
		found := false
		term.MapIterate(t, func(k, v term.Term) bool {
			found = hasAtom(k) || hasAtom(v)
			return !found
		})
		return found
	}
	return false
}

func TestHashesMatchOTP(t *testing.T) {
	var f heap.Fragment
	var cases []otpCase
	for _, x := range hashTerms(&f) {
		x := x
		text := erlText(x)
		cases = append(cases, otpCase{
			name: "phash2 " + text,
			erl:  fmt.Sprintf("T = %s, [erlang:phash2(T), erlang:phash2(T, 1000), erlang:phash2(T, 1 bsl 32), erlang:phash(T, 1 bsl 32), erlang:phash(T, 7)]", text),
			got: func() []int64 {
				return []int64{int64(term.Phash2(x)), int64(term.Phash2Range(x, 1000)), int64(term.Phash2Range(x, 1<<32)),
					int64(term.Phash(x, 1<<32)), int64(term.Phash(x, 7))}
			},
		})
		if hasAtom(x) {
			continue
		}
		cases = append(cases, otpCase{
			name: "internal hash " + text,
			erl:  fmt.Sprintf("[erts_debug:get_internal_state({internal_hash, %s})]", text),
			got:  func() []int64 { return []int64{int64(term.InternalHash(x))} },
		})
	}
	checkCases(t, cases)
	// The terms live in f's slabs, which only f keeps alive.
	runtime.KeepAlive(&f)
}
