package term_test

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// TestBinaryBytesAtBitOffset: a binary matched out of a bitstring at an odd
// bit position (<<_:3, B:16/bitstring, _/bitstring>>) is a binary, and its
// bytes are the bits from that position.
func TestBinaryBytesAtBitOffset(t *testing.T) {
	h := heap.New()
	defer runtime.KeepAlive(h)
	orig := term.NewBinary(h, []byte{0b0001_0010, 0b0011_0100, 0b0101_0110})

	sub := term.NewSubBinary(h, orig, 3, 16)
	require.True(t, sub.IsBinary())
	b, ok := sub.BinaryBytes()
	require.True(t, ok)
	assert.Equal(t, []byte{0b1001_0001, 0b1010_0010}, b)

	aligned, ok := term.NewSubBinary(h, orig, 8, 16).BinaryBytes()
	require.True(t, ok)
	assert.Equal(t, []byte{0x34, 0x56}, aligned)

	_, ok = term.NewSubBinary(h, orig, 3, 13).BinaryBytes()
	assert.False(t, ok, "13 bits are not a binary")
}
