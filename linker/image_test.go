package linker

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/image"
)

// Integer constants share the literal table with LitT literals, one
// entry for each distinct value, and the image keeps their values.
func TestImageBuilderIntegers(t *testing.T) {
	b := NewImageBuilder("amd64")
	two64, _ := new(big.Int).SetString("18446744073709551616", 10)
	lit := b.Literal("m", 3)
	i := b.Integer(two64)
	j := b.Integer(new(big.Int).Neg(two64))
	assert.Equal(t, i, b.Integer(new(big.Int).Set(two64)), "the same value, another *big.Int")
	assert.Equal(t, lit, b.Literal("m", 3))
	assert.Len(t, map[uint32]bool{lit: true, i: true, j: true}, 3)

	two64.SetInt64(7) // the builder keeps its own copy
	im := b.Image()
	require.Len(t, im.Literals, 3)
	assert.Equal(t, image.LiteralTable, im.Literals[lit].Kind)
	assert.Equal(t, image.LiteralInteger, im.Literals[i].Kind)
	assert.Equal(t, "18446744073709551616", im.Literals[i].Integer.String())
	assert.Equal(t, "-18446744073709551616", im.Literals[j].Integer.String())
}
