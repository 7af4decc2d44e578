package image

import (
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
		Literals:     []Literal{{Module: 312, Index: 0}, {Module: 314, Index: 7}},
		Functions: []Function{
			{Module: 312, Name: 313, Arity: 0, Offset: 0, Flags: Exported},
			{Module: 314, Name: 1 << 20, Arity: 255, Offset: 4000},
		},
		Callees: []Callee{{Module: 312, Name: 313, Arity: 2, Kind: CalleeBIF}},
		Funs:    []Fun{{Module: 314, Index: 3}},
		Sites:   []Site{{Offset: 16, Function: 0, Index: 3}, {Offset: 4100, Function: 1, Index: 9}},
	}
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
	_, err = Decode([]byte("BRCI\x02\x05amd64\x00\x00" + "\x00\x00\x00\x00\x00\x00\x00\x00" + "\xff\xff\xff\xff\x0f"))
	assert.ErrorContains(t, err, "count exceeds data")
}

func TestAtomHashSeparatesNames(t *testing.T) {
	assert.NotEqual(t, AtomHash([]string{"ab", "c"}), AtomHash([]string{"a", "bc"}))
}
