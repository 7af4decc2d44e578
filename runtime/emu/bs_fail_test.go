package emu

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beamrc/beamrc/runtime/term"
)

// OTP 25 takes a segment of 2^63 bits or more for too large
// (system_limit), and any size but a non-negative integer for bad.
func TestSizeBits(t *testing.T) {
	for _, c := range []struct {
		size   term.Term
		unit   uint32
		bits   uint
		fault  bsFault
		reason term.Term
	}{
		{term.MakeSmall(3), 8, 24, bsOK, 0},
		{term.MakeSmall(0), 1, 0, bsOK, 0},
		{term.MakeSmall(1 << 56), 64, 1 << 62, bsOK, 0},
		{term.MakeSmall(1 << 57), 64, 0, bsBadSize, term.SystemLimit},
		{term.MakeSmall(1 << 55), 128, 1 << 62, bsOK, 0},
		{term.MakeSmall(-1), 1, 0, bsBadSize, term.Badarg},
		{term.Intern("all"), 1, 0, bsBadSize, term.Badarg},
	} {
		bits, fault := sizeBits(c.size, c.unit)
		assert.Equal(t, c.fault, fault, "%v*%d", c.size, c.unit)
		assert.Equal(t, c.bits, bits, "%v*%d", c.size, c.unit)
		if c.reason != 0 {
			assert.Equal(t, c.reason, sizeReason(c.size), "%v*%d", c.size, c.unit)
		}
	}
	h := NewSystem().newProcess(nil).Heap
	huge := term.MakeBigInt(h, new(big.Int).Lsh(big.NewInt(1), 64))
	_, fault := sizeBits(huge, 1)
	assert.Equal(t, bsBadSize, fault)
	assert.Equal(t, term.SystemLimit, sizeReason(huge))
	negHuge := term.MakeBigInt(h, new(big.Int).Lsh(big.NewInt(-1), 64))
	assert.Equal(t, term.Badarg, sizeReason(negHuge))
}

// segBits names the fault OTP 25 reports for each kind of bad segment;
// a size fault comes before any fault of the value.
func TestSegBitsFaults(t *testing.T) {
	p := NewSystem().newProcess(nil)
	a := term.Intern("a")
	small := func(v int64) operand { return operand{t: term.MakeSmall(v)} }
	all := operand{t: atomAll}
	bits3 := term.NewSubBinary(p.Heap, term.NewBinary(p.Heap, []byte{0xff}), 0, 3)
	for _, c := range []struct {
		name  string
		seg   bsSeg
		v     term.Term
		fault bsFault
	}{
		{"integer type", bsSeg{typ: segInteger, unit: 1, size: small(8)}, a, bsBadType},
		{"integer size before type", bsSeg{typ: segInteger, unit: 1, size: small(-8)}, a, bsBadSize},
		{"float size", bsSeg{typ: segFloat, unit: 1, size: small(24)}, term.NewFloat(p.Heap, 1), bsBadFloatSize},
		{"float size before type", bsSeg{typ: segFloat, unit: 1, size: small(8)}, a, bsBadFloatSize},
		{"float type", bsSeg{typ: segFloat, unit: 1, size: small(64)}, a, bsBadType},
		{"binary unit", bsSeg{typ: segBinary, unit: 8, size: all}, bits3, bsBadUnit},
		{"binary short", bsSeg{typ: segBinary, unit: 1, size: small(4)}, bits3, bsShort},
		{"binary type", bsSeg{typ: segAppend, unit: 8, size: all}, term.MakeSmall(1), bsBadType},
		{"utf8 surrogate", bsSeg{typ: segUtf8}, term.MakeSmall(0xD800), bsBadType},
		{"utf32 ok", bsSeg{typ: segUtf32}, term.MakeSmall(0x10FFFF), bsOK},
	} {
		_, fault := p.segBits(&c.seg, c.v)
		assert.Equal(t, c.fault, fault, c.name)
	}
	noFloat := term.MakeBigInt(p.Heap, new(big.Int).Lsh(big.NewInt(1), 1100))
	_, fault := p.segBits(&bsSeg{typ: segFloat, unit: 1, size: small(64)}, noFloat)
	assert.Equal(t, bsNoFloat, fault)
}
