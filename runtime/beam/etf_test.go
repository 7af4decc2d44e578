package beam

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFormatFloat(t *testing.T) {
	cases := map[float64]string{
		0: "0.0", 1: "1.0", 0.1: "0.1", 1e10: "1.0e10", 100: "100.0", 1000: "1.0e3",
		123.456: "123.456", 0.01: "0.01", 1e-5: "1.0e-5", -2.5: "-2.5", 1.5e300: "1.5e300",
		3.14159: "3.14159", 1024: "1024.0",
	}
	for f, want := range cases {
		assert.Equal(t, want, formatFloat(f), "%v", f)
	}
}

func TestQuoteAtom(t *testing.T) {
	cases := map[string]string{
		"ok": "ok", "hello world": "'hello world'", "Foo": "'Foo'", "": "''",
		"a@b_1": "a@b_1", "+": "'+'", "try": "'try'", "it's": `'it\'s'`,
		"new\nline": `'new\nline'`, "ærø": "ærø", "日本": "'日本'",
	}
	for in, want := range cases {
		assert.Equal(t, want, QuoteAtom(in), "%q", in)
	}
}

func TestDecodeAndFormat(t *testing.T) {
	big1 := new(big.Int).Lsh(big.NewInt(1), 70)
	cases := []struct {
		in   []byte
		want string
	}{
		{[]byte{131, 106}, "[]"},
		{[]byte{131, 97, 42}, "42"},
		{[]byte{131, 98, 0xff, 0xff, 0xff, 0xfe}, "-2"},
		{[]byte{131, 100, 0, 2, 'o', 'k'}, "ok"},
		{[]byte{131, 115, 3, 'F', 'o', 'o'}, "'Foo'"},
		{[]byte{131, 104, 2, 119, 2, 'o', 'k', 107, 0, 2, 'h', 'i'}, "{ok,[104,105]}"},
		{[]byte{131, 108, 0, 0, 0, 1, 97, 1, 97, 2}, "[1|2]"},
		{[]byte{131, 108, 0, 0, 0, 1, 97, 1, 108, 0, 0, 0, 1, 97, 2, 106}, "[1,2]"},
		{[]byte{131, 109, 0, 0, 0, 3, 'a', 'b', 'c'}, "<<97,98,99>>"},
		{[]byte{131, 77, 0, 0, 0, 2, 3, 1, 0xe0}, "<<1,7:3>>"},
		{[]byte{131, 116, 0, 0, 0, 1, 119, 1, 'a', 97, 1}, "#{a => 1}"},
		{[]byte{131, 113, 119, 1, 'm', 119, 1, 'f', 97, 1}, "fun m:f/1"},
		{[]byte{131, 70, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0}, "1.0"},
		{[]byte{131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x40}, big1.String()},
		{[]byte{131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 0x80}, "-9223372036854775808"},
	}
	for _, c := range cases {
		term, err := DecodeTerm(c.in)
		require.NoError(t, err, "% x", c.in)
		assert.Equal(t, c.want, Format(term), "% x", c.in)
	}
	// int64 range values are Int, not BigInt.
	term, _ := DecodeTerm([]byte{131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 0x80})
	assert.IsType(t, Int(0), term)
	term, _ = DecodeTerm([]byte{131, 109, 0, 0, 0, 2, 'h', 'i'})
	assert.Equal(t, `<<"hi">>`, FormatReadable(term))
}

func TestDecodeTermErrors(t *testing.T) {
	cases := map[string][]byte{
		"no version":      {106},
		"truncated":       {131, 104, 2, 97},
		"cache ref":       {131, 82, 0},
		"local ext":       {131, 121, 0},
		"huge list":       {131, 108, 0xff, 0xff, 0xff, 0xff},
		"huge tuple":      {131, 105, 0x7f, 0xff, 0xff, 0xff},
		"huge map":        {131, 116, 0x7f, 0xff, 0xff, 0xff},
		"bad utf8 atom":   {131, 119, 1, 0xff},
		"trailing":        {131, 106, 0},
		"zlib garbage":    {131, 80, 0, 0, 0, 10, 1, 2, 3},
		"zlib size lies":  {131, 80, 0xff, 0xff, 0xff, 0xff, 0x78, 0x9c, 0xcb, 0x02, 0x00, 0x00, 0x6b, 0x00, 0x6b},
		"bad bit count":   {131, 77, 0, 0, 0, 1, 9, 0},
		"unknown tag":     {131, 1},
		"deep nesting":    deepTuple(maxTermDepth + 5),
		"old float bad":   append([]byte{131, 99}, make([]byte, 31)...),
		"old float space": oldFloat("  1.5"),
		"old float int":   oldFloat("1"),
		"old float trail": oldFloat("1.5 "),
		"old float huge":  oldFloat("1.5e400"),
		"infinity":        {131, 70, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0},
		"nan":             {131, 70, 0xff, 0xf8, 0, 0, 0, 0, 0, 1},
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			require.NotPanics(t, func() {
				_, err := DecodeTerm(in)
				assert.Error(t, err)
			})
		})
	}
}

// oldFloat is FLOAT_EXT holding text, NUL-padded to 31 bytes.
func oldFloat(text string) []byte {
	b := append([]byte{131, 99}, text...)
	return append(b, make([]byte, 31-len(text))...)
}

// TestDecodeOldFloat: FLOAT_EXT's text is read as list_to_float reads
// text (OTP 25: a comma may stand for the point, underflow is zero).
func TestDecodeOldFloat(t *testing.T) {
	for text, want := range map[string]float64{"1.5": 1.5, "1,5": 1.5, "+1.5e2": 150, "1.5e-400": 0, "00.25": 0.25} {
		got, err := DecodeTerm(oldFloat(text))
		require.NoError(t, err, text)
		assert.Equal(t, Float(want), got, text)
	}
}

func deepTuple(n int) []byte {
	b := []byte{131}
	for i := 0; i < n; i++ {
		b = append(b, 104, 1)
	}
	return append(b, 106)
}
