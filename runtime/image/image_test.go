package image

import (
	"encoding/binary"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sample() *Image {
	return &Image{
		Arch:         "amd64",
		CodeSize:     4096,
		RuntimeAtoms: 312,
		RuntimeHash:  AtomHash([]string{"false", "true"}),
		Atoms:        []string{"example", "main", "gleam@list", "", "ünïcode"},
		Literals: []Literal{
			{Module: 312, Index: 0}, {Module: 314, Index: 7},
			{Kind: LiteralInteger, Integer: bigInt("18446744073709551616")},
			{Kind: LiteralInteger, Integer: bigInt("-576460752303423489")},
			{Kind: LiteralInteger, Integer: bigInt("-1606938044258990275541962092341162602522202993782792835301376")},
			{Kind: LiteralInteger, Integer: bigInt("0")},
		},
		Functions: []Function{
			{Module: 312, Name: 313, Arity: 0, Offset: 0, Flags: Exported},
			{Module: 314, Name: 1 << 20, Arity: 255, Offset: 4000},
		},
		Callees: []Callee{{Module: 312, Name: 313, Arity: 2, Kind: CalleeBIF}},
		Funs:    []Fun{{Module: 314, Index: 3}},
		Sites:   []Site{{Offset: 16, Function: 0, Index: 3}, {Offset: 4100, Function: 1, Index: 9}},
	}
}

func bigInt(s string) *big.Int {
	z, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return z
}

func TestRoundTrip(t *testing.T) {
	for _, im := range []*Image{sample(), {Arch: "arm64"}} {
		got, err := Decode(im.Encode())
		require.NoError(t, err)
		if len(im.Atoms) == 0 {
			// Decode returns empty, non-nil tables.
			im.Atoms, im.Literals, im.Functions = []string{}, []Literal{}, []Function{}
			im.Callees, im.Funs, im.Sites = []Callee{}, []Fun{}, []Site{}
		}
		assert.Equal(t, im, got)
	}
}

// Integer literals keep their sign and every bit of their magnitude.
func TestIntegerLiteralRoundTrip(t *testing.T) {
	for _, s := range []string{"1", "-1", "576460752303423488", "-9223372036854775809",
		"340282366920938463463374607431768211455", "-340282366920938463463374607431768211456"} {
		im := &Image{Arch: "amd64", Literals: []Literal{{Kind: LiteralInteger, Integer: bigInt(s)}}}
		got, err := Decode(im.Encode())
		require.NoError(t, err)
		require.Len(t, got.Literals, 1)
		assert.Equal(t, LiteralInteger, got.Literals[0].Kind)
		assert.Equal(t, s, got.Literals[0].Integer.String())
	}
}

// Every truncation and a few corruptions fail with an error, never a
// panic or a huge allocation.
func TestDecodeBad(t *testing.T) {
	data := sample().Encode()
	for n := 0; n < len(data); n++ {
		_, err := Decode(data[:n])
		assert.Error(t, err, "truncated to %d bytes", n)
	}
	_, err := Decode(append(append([]byte{}, data...), 0))
	assert.ErrorContains(t, err, "trailing bytes")
	bad := append([]byte{}, data...)
	bad[4] = 9
	_, err = Decode(bad)
	assert.ErrorContains(t, err, "version 9")
	_, err = Decode(append(header(), "\xff\xff\xff\xff\x0f"...))
	assert.ErrorContains(t, err, "count exceeds data")
}

// header is an image's start up to its atom count: version, arch
// "amd64", code size 0, no runtime atoms, hash 0.
func header() []byte {
	b := append([]byte("BRCI"), binary.AppendUvarint(nil, Version)...)
	return append(b, "\x05amd64\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"...)
}

// A literal table with one entry, and then nothing but empty tables.
func oneLiteral(entry string) []byte {
	b := append(header(), "\x00\x01"...) // no atoms, one literal
	return append(append(b, entry...), "\x00\x00\x00\x00"...)
}

func TestDecodeBadLiterals(t *testing.T) {
	_, err := Decode(oneLiteral("\x01\x00\x01\x05"))
	require.NoError(t, err, "the well-formed image the others corrupt")
	for _, c := range []struct{ entry, msg string }{
		{"\x02\x00\x01\x05", "bad literal kind 2"},
		{"\x09\x00\x00", "bad literal kind 9"},
		{"\x01\x02\x01\x05", "bad integer sign 2"},
		{"\x01\x00\x02\x00\x05", "not in minimal form"},
		{"\x01\x01\x00", "not in minimal form"},
		{"\x01\x00\x09\x05", "truncated string"},
	} {
		_, err := Decode(oneLiteral(c.entry))
		assert.ErrorContains(t, err, c.msg, "entry % x", c.entry)
	}
}

// Decode refuses what it cannot read and never panics; what it accepts
// encodes to an image that decodes to the same.
func FuzzDecode(f *testing.F) {
	f.Add(sample().Encode())
	f.Add(oneLiteral("\x01\x01\x02\x01\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		im, err := Decode(data)
		if err != nil {
			return
		}
		again, err := Decode(im.Encode())
		require.NoError(t, err)
		assert.Equal(t, im, again)
	})
}

func TestAtomHashSeparatesNames(t *testing.T) {
	assert.NotEqual(t, AtomHash([]string{"ab", "c"}), AtomHash([]string{"a", "bc"}))
}
