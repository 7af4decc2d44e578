package etf

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// joined concatenates an iovec.
func joined(segs []Segment) []byte {
	var b bytes.Buffer
	for _, s := range segs {
		b.Write(s.Bytes)
	}
	return b.Bytes()
}

func TestIOVecSharing(t *testing.T) {
	h := heap.New()
	defer runtime.KeepAlive(h)
	big := term.NewBinary(h, make([]byte, 125)) // refc
	tests := []struct {
		name    string
		t       term.Term
		lengths []int // segment lengths, as OTP 25 cuts them
		shared  []bool
	}{
		{"small binary", term.NewBinary(h, []byte("abc")), []int{9}, []bool{false}},
		{"large binary", big, []int{6, 125}, []bool{false, true}},
		{"aligned window", term.SliceBits(h, big, 8, 800), []int{6, 100}, []bool{false, true}},
		// OTP copies a window that starts mid-byte.
		{"unaligned window", term.SliceBits(h, big, 3, 800), []int{106}, []bool{false}},
		{"partial last byte", term.SliceBits(h, big, 8, 803), []int{7, 100, 1}, []bool{false, true, false}},
		{"in a tuple", term.Tuple2(h, big, term.Ok), []int{8, 125, 5}, []bool{false, true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs, err := EncodeIOVec(tt.t, DefaultOptions)
			require.NoError(t, err)
			var lengths []int
			var shared []bool
			for _, s := range segs {
				lengths = append(lengths, len(s.Bytes))
				shared = append(shared, s.Bin != term.NonValue)
			}
			assert.Equal(t, tt.lengths, lengths)
			assert.Equal(t, tt.shared, shared)
			flat, err := Encode(tt.t, DefaultOptions)
			require.NoError(t, err)
			assert.Equal(t, flat, joined(segs))
		})
	}
}

func TestEncodeRejectsNonTerms(t *testing.T) {
	h := heap.New()
	defer runtime.KeepAlive(h)
	w := h.Alloc(term.MatchCtxWords)
	w[0] = uint64(term.MakeHeader(term.SubMatchCtx, term.MatchCtxWords-1))
	for i := 1; i < len(w); i++ {
		w[i] = uint64(term.Nil)
	}
	ctx := term.Box(w)
	for _, x := range []term.Term{ctx, term.MakeCatch(1), term.Tuple2(h, term.Ok, ctx)} {
		_, err := Encode(x, DefaultOptions)
		assert.ErrorIs(t, err, ErrBadTerm)
		_, err = ExternalSize(x, DefaultOptions)
		assert.ErrorIs(t, err, ErrBadTerm)
	}
}

func TestEncodeDeepNesting(t *testing.T) {
	// A million nested lists and tuples: the encoder keeps its own stack.
	h := heap.New()
	defer runtime.KeepAlive(h)
	x := term.Nil
	for i := 0; i < 1_000_000; i++ {
		if i%2 == 0 {
			x = term.Cons(h, x, term.Nil)
		} else {
			x = term.Tuple2(h, x, term.Ok)
		}
	}
	b, err := Encode(x, DefaultOptions)
	require.NoError(t, err)
	assert.Greater(t, len(b), 1_000_000)
}

func TestCompressedRoundTrip(t *testing.T) {
	h := heap.New()
	defer runtime.KeepAlive(h)
	elems := make([]term.Term, 1000)
	for i := range elems {
		elems[i] = term.Intern("repeated")
	}
	x := term.ListFrom(h, elems)
	for level := 1; level <= 9; level++ {
		b, err := Encode(x, Options{MinorVersion: 1, Compression: level})
		require.NoError(t, err)
		require.Equal(t, byte(tagCompressed), b[1])
		y, n, err := Decode(h, b, DecodeOptions{})
		require.NoError(t, err)
		assert.Equal(t, len(b), n)
		assert.True(t, term.Equal(x, y))
	}
	// Too small to gain: written uncompressed.
	b, err := Encode(term.Ok, Options{MinorVersion: 1, Compression: 9})
	require.NoError(t, err)
	assert.Equal(t, []byte{131, 100, 0, 2, 'o', 'k'}, b)
}
