package format

import (
	"bytes"
	"math"
	"math/big"
	"math/rand"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// FloatShort must always read back as the same float, and use no more
// significant digits than Go's shortest formatting.
func TestFloatShortRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 200000; i++ {
		f := math.Float64frombits(r.Uint64())
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		s := FloatShort(f)
		back, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err, s)
		require.Equal(t, math.Float64bits(f), math.Float64bits(back), "%s", s)
	}
}

func TestFloatShortExamples(t *testing.T) {
	for f, want := range map[float64]string{
		1.0: "1.0", 0.1: "0.1", 1e10: "1.0e10", 1.2345678901234567e-5: "1.2345678901234568e-5",
		1e15: "1.0e15", 123456789.0: "123456789.0", 0.001: "0.001", 1e-4: "0.0001",
		1.23e-4: "1.23e-4", 5e-324: "5.0e-324", 1.7976931348623157e308: "1.7976931348623157e308",
		9007199254740992.0: "9.007199254740992e15", 100.0: "100.0", 1234567890.0: "1234567890.0",
	} {
		assert.Equal(t, want, FloatShort(f), "%v", f)
	}
	assert.Equal(t, "-0.0", FloatShort(math.Copysign(0, -1)))
}

func TestFloatToStringOptions(t *testing.T) {
	h := heap.New()
	opts := func(ts ...term.Term) term.Term { return term.ListFrom(h, ts) }
	dec := func(n int64) term.Term { return term.Tuple2(h, term.Intern("decimals"), term.MakeSmall(n)) }
	s, ok := FloatToString(2.5, opts(dec(0)))
	assert.True(t, ok)
	assert.Equal(t, "3", s)
	s, ok = FloatToString(1.5, opts(dec(4), term.Intern("compact")))
	assert.True(t, ok)
	assert.Equal(t, "1.5", s)
	s, ok = FloatToString(1.0, term.Nil)
	assert.True(t, ok)
	assert.Equal(t, "1.00000000000000000000e+00", s)
	_, ok = FloatToString(1.0, opts(term.Intern("bad")))
	assert.False(t, ok)
	_, ok = FloatToString(1.0e300, opts(dec(0)))
	assert.False(t, ok, "longer than OTP's buffer")
	_, ok = FloatToString(1.0, term.Intern("short"))
	assert.False(t, ok, "not a list")
}

func TestIntegerBases(t *testing.T) {
	h := heap.New()
	pow100 := term.MakeBigInt(h, new(big.Int).Lsh(big.NewInt(1), 100))
	assert.Equal(t, "10000000000000000000000000", Integer(pow100, 16))
	assert.Equal(t, "-FF", Integer(term.MakeSmall(-255), 16))
	assert.Equal(t, "ZZ", Integer(term.MakeSmall(36*36-1), 36))
}

func TestAtomicTerms(t *testing.T) {
	h := heap.New()
	assert.Equal(t, "<0.42.0>", Write(term.MakePid(42)))
	assert.Equal(t, "#Port<0.7>", Write(term.MakePort(7)))
	assert.Equal(t, "#Ref<0.0.0.9>", Write(term.RefWithID(h, 9)))
	exp := term.NewExport(h, term.Intern("lists"), term.Intern("map"), 2)
	assert.Equal(t, "fun lists:map/2", Write(exp))
	exp = term.NewExport(h, term.Intern("Mod"), term.Intern("if"), 0)
	assert.Equal(t, "fun 'Mod':if/0", Write(exp), "the emulator's quoting rules")
	idx := term.RegisterFun(&term.FunInfo{Module: term.Intern("mymod"), Index: 3, Uniq: 12345})
	fun := term.NewClosure(h, idx, nil)
	assert.Equal(t, "#Fun<mymod.3.12345>", Write(fun))
	assert.Equal(t, "[#Fun<mymod.3.12345>,<0.42.0>]",
		Print(term.ListFrom(h, []term.Term{fun, term.MakePid(42)}), DefaultPrint))
	assert.Equal(t, "#Fun<mymod.3.12345>", string(Display(fun)))
}

func TestFormatTermKeepsNesting(t *testing.T) {
	h := heap.New()
	f := StringToList(h, "a~wb~c")
	args := term.ListFrom(h, []term.Term{term.Intern("x"), term.MakeSmall('!')})
	res, err := FormatTerm(h, f, args)
	require.NoError(t, err)
	// OTP: [$a, "x", $b, $!]
	assert.Equal(t, `[97,[120],98,33]`, Write(res))
	_, err = FormatTerm(h, StringToList(h, "~d"), term.ListFrom(h, []term.Term{term.MakeSmall(1)}))
	assert.ErrorIs(t, err, ErrBadFormat)
}

func TestDeviceLatin1(t *testing.T) {
	var buf bytes.Buffer
	d := NewDevice(&buf, false)
	d.PutChars("é€\n")
	assert.Zero(t, buf.Len(), "buffered until Flush")
	require.NoError(t, d.Flush())
	assert.Equal(t, "\xe9\\x{20AC}\n", buf.String())
}

func TestChardata(t *testing.T) {
	h := heap.New()
	bin := term.NewBinary(h, []byte("é"))
	s, ok := Chardata(term.ListWithTail(h, []term.Term{StringToList(h, "ab"), term.MakeSmall(8364)}, bin))
	assert.True(t, ok)
	assert.Equal(t, "ab€é", s)
	_, ok = Chardata(term.NewBinary(h, []byte{255}))
	assert.False(t, ok, "not UTF-8")
	_, ok = Chardata(term.ListFrom(h, []term.Term{term.MakeSmall(-1)}))
	assert.False(t, ok)
	_, ok = Chardata(term.Intern("atom"))
	assert.False(t, ok)
}
