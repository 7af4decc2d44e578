package arith

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// The operators are checked against erl through the erlang BIFs (see
// runtime/bif/erlang_arith_test.go); these tests cover what is too large
// to send through the oracle: OTP 25's integer size limit, found with erl
// (1 bsl 33554367 is the largest power of two it makes).

func TestIntegerSizeLimit(t *testing.T) {
	h := heap.New()
	one := term.MakeSmall(1)
	top, ok := Bsl(h, one, term.MakeSmall(33554367))
	require.True(t, ok)
	assert.Equal(t, 33554368, top.BigInt().BitLen())

	_, ok = Bsl(h, one, term.MakeSmall(33554368))
	assert.False(t, ok)

	// The largest integer: 2^33554368 - 1; one more is system_limit.
	max, ok := Sub(h, top, one)
	require.True(t, ok)
	max, ok = Add(h, max, top)
	require.True(t, ok)
	for name, r := range map[string]func() (term.Term, bool){
		"max+1":   func() (term.Term, bool) { return Add(h, max, one) },
		"-max-1":  func() (term.Term, bool) { n, _ := Neg(h, max); return Sub(h, n, one) },
		"bnot":    func() (term.Term, bool) { return Bnot(h, max) },
		"max*2":   func() (term.Term, bool) { return Mul(h, max, term.MakeSmall(2)) },
		"max*max": func() (term.Term, bool) { return Mul(h, max, max) },
	} {
		got, ok := r()
		assert.False(t, ok, name)
		assert.Equal(t, term.SystemLimit, got, name)
	}
	n, ok := Neg(h, max)
	require.True(t, ok)
	got, ok := Bnot(h, n) // bnot -max = max - 1
	require.True(t, ok)
	assert.Equal(t, 0, new(big.Int).Sub(max.BigInt(), big.NewInt(1)).Cmp(got.BigInt()))
	got, ok = Mul(h, term.MakeSmall(0), max)
	require.True(t, ok)
	assert.Equal(t, term.MakeSmall(0), got)
}

func TestShiftByBignum(t *testing.T) {
	h := heap.New()
	huge := term.MakeBigInt(h, new(big.Int).Lsh(big.NewInt(1), 64))
	negHuge := term.MakeBigInt(h, new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 64)))
	r, ok := Bsl(h, term.MakeSmall(0), huge)
	assert.True(t, ok)
	assert.Equal(t, term.MakeSmall(0), r)
	r, ok = Bsl(h, term.MakeSmall(1), huge)
	assert.False(t, ok)
	assert.Equal(t, term.SystemLimit, r)
	r, _ = Bsr(h, term.MakeSmall(-5), huge)
	assert.Equal(t, term.MakeSmall(-1), r)
	r, _ = Bsl(h, term.MakeSmall(5), negHuge)
	assert.Equal(t, term.MakeSmall(0), r)
}

func TestFailureReasons(t *testing.T) {
	h := heap.New()
	r, ok := Add(h, term.Nil, term.MakeSmall(1))
	assert.False(t, ok)
	assert.Equal(t, term.Badarith, r)
	r, ok = Divide(h, term.MakeSmall(1), term.NewFloat(h, 0))
	assert.False(t, ok)
	assert.Equal(t, term.Badarith, r)
}

var sink term.Term

func BenchmarkAddSmall(b *testing.B) {
	h := heap.New()
	x, y := term.MakeSmall(12345), term.MakeSmall(-678)
	for i := 0; i < b.N; i++ {
		sink, _ = Add(h, x, y)
	}
}

func BenchmarkSubSmall(b *testing.B) {
	h := heap.New()
	x, y := term.MakeSmall(12345), term.MakeSmall(678)
	for i := 0; i < b.N; i++ {
		sink, _ = Sub(h, x, y)
	}
}

func BenchmarkMulSmall(b *testing.B) {
	h := heap.New()
	x, y := term.MakeSmall(12345), term.MakeSmall(-678)
	for i := 0; i < b.N; i++ {
		sink, _ = Mul(h, x, y)
	}
}

func BenchmarkIntDivSmall(b *testing.B) {
	h := heap.New()
	x, y := term.MakeSmall(1234567), term.MakeSmall(-678)
	for i := 0; i < b.N; i++ {
		sink, _ = IntDiv(h, x, y)
	}
}

func BenchmarkBandSmall(b *testing.B) {
	h := heap.New()
	x, y := term.MakeSmall(12345), term.MakeSmall(678)
	for i := 0; i < b.N; i++ {
		sink, _ = Band(h, x, y)
	}
}

func BenchmarkBslSmall(b *testing.B) {
	h := heap.New()
	x, y := term.MakeSmall(12345), term.MakeSmall(7)
	for i := 0; i < b.N; i++ {
		sink, _ = Bsl(h, x, y)
	}
}

func BenchmarkAddBig(b *testing.B) {
	h := heap.New()
	x := term.MakeBigInt(h, new(big.Int).Lsh(big.NewInt(3), 100))
	y := term.MakeSmall(1)
	for i := 0; i < b.N; i++ {
		sink, _ = Add(h, x, y)
	}
}

func BenchmarkAddFloat(b *testing.B) {
	h := heap.New()
	x, y := term.NewFloat(h, 1.5), term.MakeSmall(2)
	for i := 0; i < b.N; i++ {
		sink, _ = Add(h, x, y)
	}
}
