package bif

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// callBIF calls module:name with args in a scratch process and returns
// the result printed with ~p on one line, or "error:" and the reason.
func callBIF(t *testing.T, module, name string, args ...term.Term) string {
	t.Helper()
	b, ok := emu.LookupBIF(emu.MakeMFA(module, name, len(args)))
	require.True(t, ok, "%s:%s/%d is not registered", module, name, len(args))
	p := &emu.Process{Heap: heap.New()}
	// The result lives on p's heap, which Go frees with p: keep p until
	// the result is printed.
	defer runtime.KeepAlive(p)
	r := b.Fn(p, args)
	if r == term.NonValue {
		return "error:" + oneLine(p.Exc.Reason)
	}
	return oneLine(r)
}

func oneLine(t term.Term) string {
	return format.Print(t, format.PrintOptions{Column: 1, Depth: -1})
}

func bin(s string) term.Term { return term.NewBinary(heap.Literals, []byte(s)) }

// TestJSONDecode checks json:decode/1 against the results OTP 27's json
// module gives (its documentation and test suite).
func TestJSONDecode(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`true`, `true`}, {`false`, `false`}, {`null`, `null`},
		{`0`, `0`}, {`1`, `1`}, {`-0`, `0`}, {`-1`, `-1`},
		{`0.0`, `0.0`}, {`-0.0`, `-0.0`}, {`0.1`, `0.1`}, {`-0.1`, `-0.1`},
		{`0e0`, `0.0`}, {`0E0`, `0.0`}, {`1e0`, `1.0`}, {`1E0`, `1.0`}, {`1.0e0`, `1.0`},
		{`1e+0`, `1.0`}, {`1.0e+0`, `1.0`}, {`0.1e1`, `1.0`}, {`0.1e-1`, `0.01`},
		{`99.99e99`, `9.999e100`}, {`-99.99e-99`, `-9.999e-98`},
		{`123456789.123456789e123`, `1.234567891234568e131`},
		{`12345678901234567890123`, `12345678901234567890123`},
		{`-`, `error:unexpected_end`}, {`--1`, `error:{invalid_byte,45}`}, {`01`, `error:{invalid_byte,49}`},
		{`.1`, `error:{invalid_byte,46}`}, {`1.`, `error:unexpected_end`}, {`1e`, `error:unexpected_end`},
		{`1.0e+`, `error:unexpected_end`}, {`1e999`, `error:{unexpected_sequence,<<"1.0e999">>}`},
		{`1.5e999`, `error:{unexpected_sequence,<<"1.5e999">>}`},
		{`"`, `error:unexpected_end`}, {`"\"`, `error:unexpected_end`}, {`"\k"`, `error:{invalid_byte,107}`},
		{"\"a\r\"", `error:{invalid_byte,13}`}, {"\"\x80\"", `error:{invalid_byte,128}`},
		{"\"\x1F\"", `error:{invalid_byte,31}`}, {`"\u2603\"`, `error:unexpected_end`},
		{`"𝄞`, `error:unexpected_end`},
		{`"\ud8aa\udcxx"`, `error:{unexpected_sequence,<<"\\ud8aa\\udcxx">>}`},
		{`"\ud8aa\uda00"`, `error:{unexpected_sequence,<<"\\ud8aa\\uda00">>}`},
		{`"\uxxxx"`, `error:{unexpected_sequence,<<"\\uxxxx">>}`},
		{`"\udc00"`, `error:{unexpected_sequence,<<"\\udc00">>}`},
		{`"\"\\\/\b\f\n\r\t"`, `<<"\"\\/\b\f\n\r\t">>`},
		{`"\u2603"`, `<<226,152,131>>`}, {`"\uD834\uDD1E"`, `<<240,157,132,158>>`},
		{`"\ud834\udd1e"`, `<<240,157,132,158>>`}, {`"\uD799\uD799"`, `<<237,158,153,237,158,153>>`},
		{"\"\xa0\xa1\"", `error:{invalid_byte,160}`}, {"\"\\n\xa0\xa1\"", `error:{invalid_byte,160}`},
		{"\"\xc3\xb1\"", `<<"Ã±">>`}, {"\"\xc3\x28\"", `error:{invalid_byte,40}`},
		{"\"\xe2\x28\xa1\"", `error:{invalid_byte,40}`}, {"\"\xe2\x82\x28\"", `error:{invalid_byte,40}`},
		{"\"\xf0\x28\x8c\xbc\"", `error:{invalid_byte,40}`}, {"\"\xf0\x90\x28\xbc\"", `error:{invalid_byte,40}`},
		{"\"\xf8\xa1\xa1\xa1\xa1\"", `error:{invalid_byte,248}`}, {"\"\xc0\x80\"", `error:{invalid_byte,192}`},
		{"\"\xe0\x80\x80\"", `error:{invalid_byte,128}`}, {"\"\xf0\x80\x80\x80\"", `error:{invalid_byte,128}`},
		{"\"\xed\xa0\x80\"", `error:{invalid_byte,160}`}, {"\"\xed\xbf\xbf\"", `error:{invalid_byte,191}`},
		{`[`, `error:unexpected_end`}, {`[,`, `error:{invalid_byte,44}`}, {` ]`, `error:{invalid_byte,93}`},
		{`[1,`, `error:unexpected_end`}, {`[1`, `error:unexpected_end`}, {`[]`, `[]`}, {`[1,2,3]`, `[1,2,3]`},
		{`["foo", "bar", "baz"]`, `[<<"foo">>,<<"bar">>,<<"baz">>]`},
		{`[{"foo":"bar"}]`, `[#{<<"foo">> => <<"bar">>}]`},
		{`{`, `error:unexpected_end`}, {`{,`, `error:{invalid_byte,44}`}, {`{"foo"}`, `error:{invalid_byte,125}`},
		{`{"foo":}`, `error:{invalid_byte,125}`}, {`{"foo":1,}`, `error:{invalid_byte,125}`},
		{`{}`, `#{}`}, {`{"foo": "bar"}`, `#{<<"foo">> => <<"bar">>}`}, {`{"foo" : "bar"}`, `#{<<"foo">> => <<"bar">>}`},
		{`{"foo":{}}`, `#{<<"foo">> => #{}}`}, {`{"foo":[]}`, `#{<<"foo">> => []}`},
		{`{"foo":1,"bar":2}`, `#{<<"bar">> => 2,<<"foo">> => 1}`},
		{`{"a":1,"a":2}`, `#{<<"a">> => 1}`},
		{``, `error:unexpected_end`}, {" \t\r\n", `error:unexpected_end`},
		{" \t\r\n[ \t\r\n1 \t\r\n, \t\r\n2 \t\r\n] \t\r\n", `[1,2]`},
		{`1 2`, `error:{invalid_byte,50}`}, {`tru`, `error:unexpected_end`}, {`trux`, `error:unexpected_end`},
		{`truex`, `error:{invalid_byte,120}`}, {`trXe!`, `error:{invalid_byte,114}`}, {`nul`, `error:unexpected_end`},
		{`{"name":"gate","n":3}`, `#{<<"n">> => 3,<<"name">> => <<"gate">>}`},
	} {
		assert.Equal(t, c.want, callBIF(t, "json", "decode", bin(c.in)), "json:decode(%q)", c.in)
	}
	assert.Equal(t, "error:function_clause", callBIF(t, "json", "decode", term.Nil))
}

func TestJSONDecodeDeep(t *testing.T) {
	const n = 100000
	in := make([]byte, 0, 2*n)
	for range n {
		in = append(in, '[')
	}
	for range n {
		in = append(in, ']')
	}
	out := callBIF(t, "json", "decode", bin(string(in)))
	assert.Len(t, out, 2*n)
	assert.Equal(t, "error:unexpected_end", callBIF(t, "json", "decode", bin(string(in[:n+5]))))
}

// TestJSONEncode checks the encoder functions; the results are iodata,
// compared as the bytes they stand for.
func TestJSONEncode(t *testing.T) {
	enc := func(name string, arg term.Term) string {
		b, ok := emu.LookupBIF(emu.MakeMFA("json", name, 1))
		require.True(t, ok)
		p := &emu.Process{Heap: heap.New()}
		defer runtime.KeepAlive(p)
		r := b.Fn(p, []term.Term{arg})
		if r == term.NonValue {
			return "error:" + format.Write(p.Exc.Reason)
		}
		bs, ok := erlIolistBytes(r)
		require.True(t, ok, "not iodata: %s", format.Write(r))
		return string(bs)
	}
	for _, c := range []struct{ in, want string }{
		{"hello world", `"hello world"`}, {"hello\nworld", `"hello\nworld"`},
		{"\nhello\nworld\n", `"\nhello\nworld\n"`}, {`"`, `"\""`}, {`\`, `"\\"`},
		{"\b", `"\b"`}, {"\f", `"\f"`}, {"\n", `"\n"`}, {"\r", `"\r"`}, {"\t", `"\t"`},
		{"\x00", `"\u0000"`}, {"\x1F", `"\u001F"`}, {"\x0b", `"\u000B"`}, {"/", `"/"`},
		{"áéíóúàèìòùâêîôûãẽĩõũ", `"áéíóúàèìòùâêîôûãẽĩõũ"`}, {"☃a", `"☃a"`},
		{"\xa0\xa1", `error:{invalid_byte,160}`}, {"\xc3\xb1", "\"\xc3\xb1\""},
		{"\xc3\x28", `error:{invalid_byte,40}`}, {"\xe2\x82\x28", `error:{invalid_byte,40}`},
		{"\xf8\xa1\xa1\xa1\xa1", `error:{invalid_byte,248}`}, {"\xc0\x80", `error:{invalid_byte,192}`},
		{"\xe0\x80\x80", `error:{invalid_byte,128}`}, {"\xed\xa0\x80", `error:{invalid_byte,160}`},
		{"\xe2\x82", `error:unexpected_end`},
	} {
		assert.Equal(t, c.want, enc("encode_binary", bin(c.in)), "encode_binary(%q)", c.in)
	}
	for _, c := range []struct{ in, want string }{
		{"☃a", `"\u2603a"`}, {"𝄞b", `"\uD834\uDD1Eb"`}, {"\xc3\xb1", `"\u00F1"`}, {"\xe2\x82\xa1", `"\u20A1"`},
		{"\xf0\x90\x8c\xbc", `"\uD800\uDF3C"`}, {"\xa0\xa1", `error:{invalid_byte,160}`},
		{"\xc3\x28", `error:{invalid_byte,195}`}, {"\xe0\x80\x80", `error:{invalid_byte,224}`},
		{"\xed\xa0\x80", `error:{invalid_byte,237}`},
	} {
		assert.Equal(t, c.want, enc("encode_binary_escape_all", bin(c.in)), "encode_binary_escape_all(%q)", c.in)
	}
	assert.Equal(t, "123", enc("encode_integer", term.MakeSmall(123)))
	assert.Equal(t, "-123", enc("encode_integer", term.MakeSmall(-123)))
	assert.Equal(t, "error:badarg", enc("encode_integer", term.Nil))
	for f, want := range map[float64]string{0: "0.0", -0.1: "-0.1", 99.99: "99.99", 9.9e100: "9.9e100", 9.9e-100: "9.9e-100", 5: "5.0"} {
		assert.Equal(t, want, enc("encode_float", term.NewFloat(heap.Literals, f)))
	}
}
