package bif

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

var erlSampleTerms = []string{"1", "1.0", "(1 bsl 70)", "a", "true", "false", "[]", "[1]", "[1|2]",
	"{}", "{a, 1}", "{a, 1, 2}", "#{}", "#{a => 1}", "<<>>", "<<1, 2>>", "<<1:3>>", "<<1, 2, 3:5>>",
	"\"abc\"", "make_ref()", "self()", "fun erlang:abs/1"}

func TestErlangTypeTestOracle(t *testing.T) {
	var calls []string
	for _, f := range []string{"is_atom", "is_binary", "is_bitstring", "is_boolean", "is_float",
		"is_function", "is_integer", "is_list", "is_map", "is_number", "is_pid", "is_port",
		"is_reference", "is_tuple", "tuple_size", "size", "byte_size", "bit_size", "length", "hd", "tl",
		"map_size", "tuple_to_list", "list_to_tuple"} {
		for _, x := range erlSampleTerms {
			if f == "map_size" && (x == "make_ref()" || x == "fun erlang:abs/1") {
				continue // the error holds a term the test cannot print as erl does
			}
			calls = append(calls, fmt.Sprintf("erlang:%s(%s)", f, x))
		}
	}
	calls = append(calls,
		"erlang:is_function(fun erlang:abs/1, 1)", "erlang:is_function(fun erlang:abs/1, 2)",
		"erlang:is_function(fun erlang:abs/1, -1)", "erlang:is_function(fun erlang:abs/1, 1 bsl 70)",
		"erlang:is_function(a, -1)", "erlang:is_function(a, 1)", "erlang:is_function(a, b)",
		"erlang:is_function(a, 1 bsl 70)", "erlang:is_function(a, -(1 bsl 70))",
		"erlang:is_record({a, 1}, a)", "erlang:is_record({a, 1}, b)", "erlang:is_record({}, a)",
		"erlang:is_record(x, a)", "erlang:is_record(x, 1)", "erlang:is_record({1}, 1)",
		"erlang:is_record({a, 1}, a, 2)", "erlang:is_record({a, 1}, a, 3)", "erlang:is_record({a, 1}, 1, 2)",
		"erlang:is_record(x, 1, 2)", "erlang:is_record(x, a, 2)", "erlang:is_record({a}, a, x)",
		"erlang:is_record({a}, a, -1)", "erlang:is_record({a}, a, 1 bsl 70)", "erlang:is_record({a}, a, 1.0)",
		"erlang:is_map_key(a, #{a => 1})", "erlang:is_map_key(b, #{a => 1})", "erlang:is_map_key(1, #{1.0 => 1})",
		"erlang:is_map_key(a, [])", "erlang:map_get(a, #{a => 1})", "erlang:map_get(b, #{a => 1})",
		"erlang:map_get(a, x)", "erlang:map_get(1.0, #{1 => x})",
		"erlang:length([1, 2, 3])", "erlang:length(\"abc\" ++ a)", "erlang:length(a)",
		"erlang:list_to_tuple([1 | 2])", "erlang:list_to_tuple(lists:seq(1, 40))",
	)
	erlOracle(t, calls)
}

func TestErlangTupleOracle(t *testing.T) {
	var calls []string
	for _, i := range []string{"0", "1", "2", "3", "4", "-1", "a", "1.0", "1 bsl 70"} {
		for _, tup := range []string{"{}", "{a, b, c}", "[a, b]"} {
			calls = append(calls,
				fmt.Sprintf("erlang:element(%s, %s)", i, tup),
				fmt.Sprintf("erlang:setelement(%s, %s, x)", i, tup),
				fmt.Sprintf("erlang:insert_element(%s, %s, x)", i, tup),
				fmt.Sprintf("erlang:delete_element(%s, %s)", i, tup))
		}
		calls = append(calls, fmt.Sprintf("erlang:make_tuple(%s, x)", i),
			fmt.Sprintf("erlang:make_tuple(3, x, [{%s, y}])", i))
	}
	calls = append(calls,
		"erlang:append_element({}, a)", "erlang:append_element({a}, b)", "erlang:append_element([], b)",
		"erlang:make_tuple(3, x, [{1, a}, {3, b}, {1, c}])", "erlang:make_tuple(3, x, [])",
		"erlang:make_tuple(3, x, [{1, a} | b])", "erlang:make_tuple(3, x, [{1, a, b}])",
		"erlang:make_tuple(3, x, a)", "erlang:make_tuple(0, x, [{1, a}])",
		"erlang:make_tuple(16777216, a)", "erlang:make_tuple(16777216, a, [])",
	)
	erlOracle(t, calls)
}

func TestErlangListOracle(t *testing.T) {
	calls := []string{
		"erlang:'++'([1, 2], [3])", "erlang:'++'([], a)", "erlang:'++'([1], a)", "erlang:'++'(a, [])",
		"erlang:'++'([1 | 2], [3])", "erlang:'++'(\"ab\", <<\"c\">>)",
		"erlang:'--'([1, 2, 3, 2, 1], [2, 1])", "erlang:'--'([1, 2, 3], [1.0])", "erlang:'--'([a, b], [c])",
		"erlang:'--'([], [1])", "erlang:'--'([1], [])", "erlang:'--'([1 | 2], [1])", "erlang:'--'([1], [1 | 2])",
		"erlang:'--'(a, [])", "erlang:'--'([], a)", "erlang:'--'([1, 1, 1], [1, 1])",
		"erlang:'--'([{a, 1.0}, {a, 1}, <<1>>], [{a, 1}, <<1>>])",
		"erlang:'--'([0.0, -0.0, 0.0], [-0.0])",
		"erlang:'--'(lists:seq(1, 100) ++ lists:seq(1, 100), lists:seq(1, 100, 3))",
		"erlang:'--'([X rem 7 || X <- lists:seq(1, 60)], [X rem 5 || X <- lists:seq(1, 40)])",
		"erlang:'--'([a, 1, 1.0, \"s\", {t}, #{k => v}, <<2:3>>, [x] | lists:seq(1, 30)], lists:reverse([1.0, <<2:3>>, #{k => v}, {t}, a, \"s\" | lists:seq(1, 20)]))",
	}
	erlOracle(t, calls)
}

func TestErlangMiscOracle(t *testing.T) {
	calls := []string{
		"erlang:node()", "erlang:node(self())", "erlang:node(make_ref())", "erlang:node(a)", "erlang:nodes()",
		"erlang:phash2(a)", "erlang:phash2({a, [1, 2.0], <<\"x\">>})", "erlang:phash2(a, 1)",
		"erlang:phash2(a, 1 bsl 32)", "erlang:phash2(a, (1 bsl 32) + 1)", "erlang:phash2(a, 0)",
		"erlang:phash2(a, 1000)", "erlang:phash2(a, b)",
		"erlang:phash(a, 1000)", "erlang:phash({1, \"ab\"}, 1 bsl 32)", "erlang:phash(a, 0)",
		"erlang:system_info(wordsize)", "erlang:system_info({wordsize, internal})",
		"erlang:system_info({wordsize, external})", "erlang:system_info(otp_release)",
		"erlang:system_info(machine)", "erlang:system_info(version)", "erlang:system_info(no_such_item)",
		"erlang:convert_time_unit(1, second, native)", "erlang:convert_time_unit(1, native, second)",
		"erlang:convert_time_unit(-1, native, second)", "erlang:convert_time_unit(-1, millisecond, second)",
		"erlang:convert_time_unit(1999, millisecond, second)", "erlang:convert_time_unit(-1999, millisecond, second)",
		"erlang:convert_time_unit(1, second, 3)", "erlang:convert_time_unit(10, 3, 7)",
		"erlang:convert_time_unit(-10, 3, 7)", "erlang:convert_time_unit(1, seconds, milli_seconds)",
		"erlang:convert_time_unit(1 bsl 80, nanosecond, microsecond)", "erlang:convert_time_unit(1.0, second, second)",
		"erlang:convert_time_unit(1, second, foo)", "erlang:convert_time_unit(1, 0, second)",
		"erlang:convert_time_unit(1, perf_counter, nanosecond)",
		"erlang:unique_integer(foo)", "erlang:unique_integer([foo])", "erlang:unique_integer([positive | a])",
		"erlang:monotonic_time(foo)", "erlang:system_time(0)", "erlang:statistics(foo)",
		"erlang:garbage_collect()", "erlang:nif_error(foo)", "erlang:nif_error(foo, [1])",
	}
	erlOracle(t, calls)
}

// Closures cannot travel through the oracle; external funs are covered there.
func TestErlangFunTests(t *testing.T) {
	p := &emu.Process{Heap: heap.New()}
	abs := term.NewExport(p.Heap, term.AtomErlang, term.Intern("abs"), 1)
	closure := term.NewClosure(p.Heap, term.RegisterFun(&term.FunInfo{
		Module: term.Intern("m"), Name: term.Intern("-f/0-fun-0-"), Arity: 2, NumFree: 1,
	}), []term.Term{term.MakeSmall(7)})
	for _, c := range []struct {
		f     term.Term
		arity term.Term
		want  term.Term
	}{
		{abs, term.MakeSmall(1), term.True},
		{abs, term.MakeSmall(2), term.False},
		{closure, term.MakeSmall(2), term.True},
		{closure, term.MakeSmall(1), term.False},
		{term.Intern("a"), term.MakeSmall(0), term.False},
		{abs, term.MakeSmall(-1), term.NonValue},
		{abs, term.Intern("x"), term.NonValue},
	} {
		got, ok := erlCallBIF(p, "is_function", c.f, c.arity)
		require.True(t, ok)
		assert.Equal(t, c.want, got)
	}
	for _, f := range []term.Term{abs, closure} {
		got, _ := erlCallBIF(p, "is_function", f)
		assert.Equal(t, term.True, got)
	}
}

// The tuple size limit, checked in erl by hand (printing tuples of 2^24
// elements through the oracle is too slow): append_element/2 and
// list_to_tuple/1 refuse to exceed it, insert_element/3 does not.
func TestErlangTupleLimit(t *testing.T) {
	p := &emu.Process{Heap: heap.New()}
	a := term.Intern("a")
	maxTuple, _ := erlCallBIF(p, "make_tuple", term.MakeSmall(erlMaxTupleSize), a)
	require.True(t, maxTuple.IsTuple())
	assert.Equal(t, erlMaxTupleSize, maxTuple.TupleArity())
	r, _ := erlCallBIF(p, "append_element", maxTuple, a)
	assert.Equal(t, term.NonValue, r)
	assert.Equal(t, term.Badarg, p.Exc.Reason)
	r, _ = erlCallBIF(p, "insert_element", term.MakeSmall(1), maxTuple, a)
	require.True(t, r.IsTuple())
	assert.Equal(t, erlMaxTupleSize+1, r.TupleArity())
	long := term.ListFrom(p.Heap, append(maxTuple.TupleElems(), a))
	r, _ = erlCallBIF(p, "list_to_tuple", long)
	assert.Equal(t, term.NonValue, r)
	assert.Equal(t, term.Badarg, p.Exc.Reason)
}

func TestErlangSubtractLong(t *testing.T) {
	// Long lists take the multiset path; compare it with the simple one.
	p := &emu.Process{Heap: heap.New()}
	var as, bs []term.Term
	for i := 0; i < 20000; i++ {
		as = append(as, term.MakeSmall(int64(i%1000)))
		if i%3 == 0 {
			bs = append(bs, term.MakeSmall(int64(i%1500)))
		}
	}
	got, _ := erlCallBIF(p, "--", term.ListFrom(p.Heap, as), term.ListFrom(p.Heap, bs))
	want := erlSubtractSmall(as, bs)
	var wantList []term.Term
	for i, k := range want {
		if k {
			wantList = append(wantList, as[i])
		}
	}
	gotList, ok := term.ListToSlice(got)
	require.True(t, ok)
	assert.Equal(t, wantList, gotList)
}

func TestErlangTime(t *testing.T) {
	p := &emu.Process{Heap: heap.New()}
	call := func(name string, args ...term.Term) term.Term {
		r, ok := erlCallBIF(p, name, args...)
		require.True(t, ok, name)
		require.NotEqual(t, term.NonValue, r, name)
		return r
	}
	a := call("monotonic_time")
	b := call("monotonic_time")
	assert.LessOrEqual(t, term.Compare(a, b), 0)
	sec := call("system_time", term.Intern("second")).SmallValue()
	assert.Greater(t, sec, int64(1_600_000_000))
	ts := call("timestamp")
	assert.Equal(t, 3, ts.TupleArity())
	n1, n2 := call("now"), call("now")
	assert.Less(t, term.Compare(n1, n2), 0, "now/0 is strictly increasing")
	u1, u2 := call("unique_integer", term.ListFrom(p.Heap, []term.Term{erlPositive, erlMonotone})), call("unique_integer")
	assert.Less(t, term.Compare(u1, u2), 0)
	lt := call("localtime")
	assert.Equal(t, 2, lt.TupleArity())
	assert.Equal(t, 3, call("date").TupleArity())
	assert.Equal(t, 3, call("time").TupleArity())
	assert.Equal(t, 2, call("universaltime").TupleArity())
	assert.True(t, call("time_offset").IsInteger())
	assert.True(t, call("make_ref").IsRef())
	rt := call("statistics", term.Intern("runtime"))
	assert.Equal(t, 2, rt.TupleArity())
	wc := call("statistics", term.Intern("wall_clock"))
	assert.Equal(t, 2, wc.TupleArity())
	assert.Equal(t, 8, int(call("system_info", term.Intern("wordsize")).SmallValue()))
}
