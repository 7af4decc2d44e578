package emu

import (
	"encoding/binary"
	"math"
	"math/big"

	"github.com/beamrc/beamrc/runtime/term"
)

// Bit-level reading and writing shared by binary construction and
// matching. Bits are numbered from the most significant bit of byte 0.

// Segment flags, as the old bs_* instructions encode them.
const (
	flagAligned = 1
	flagLittle  = 2
	flagSigned  = 4
	flagExact   = 8
	flagNative  = 16
)

// nativeLittle: beamrc runs on little-endian machines (amd64, arm64).
const nativeLittle = true

func isLittle(flags uint8) bool {
	return flags&flagLittle != 0 || (flags&flagNative != 0 && nativeLittle)
}

// bitWriter writes into a byte slice that is already the final size.
type bitWriter struct {
	b   []byte
	pos uint
}

// putBits copies n bits of src starting at bit off.
func (w *bitWriter) putBits(src []byte, off, n uint) {
	if n == 0 {
		return
	}
	term.CopyBits(w.b, w.pos, src, off, n)
	w.pos += n
}

// putUint writes the low n bits (n <= 64) of v, most significant first.
func (w *bitWriter) putUint(v uint64, n uint) {
	if n == 0 {
		return
	}
	if w.pos%8 == 0 && n%8 == 0 {
		i := w.pos / 8
		for k := n / 8; k > 0; k-- {
			w.b[i] = byte(v >> ((k - 1) * 8))
			i++
		}
		w.pos += n
		return
	}
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], v<<(64-n))
	w.putBits(buf[:], 0, n)
}

// putInteger writes integer t in n bits with the given flags; t is small
// or big. Values wider than n are truncated (two's complement), as in
// Erlang.
func (w *bitWriter) putInteger(t term.Term, n uint, flags uint8) {
	little := isLittle(flags)
	if t.IsSmall() && n <= 64 {
		v := uint64(t.SmallValue())
		if little {
			w.putLittle(v, n)
		} else {
			w.putUint(v, n)
		}
		return
	}
	// Wide or big: build the two's complement bytes of n bits.
	z := t.BigInt()
	nbytes := (n + 7) / 8
	mod := new(big.Int).Lsh(big.NewInt(1), nbytes*8)
	z.Mod(z, mod) // non-negative representative
	be := z.FillBytes(make([]byte, nbytes))
	// be holds nbytes*8 bits; the value's low n bits are at the end.
	if little {
		// Little endian: bytes from least significant; a partial last
		// byte holds the top bits.
		le := make([]byte, nbytes)
		for i := range be {
			le[i] = be[len(be)-1-i]
		}
		full := n / 8
		w.putBits(le, 0, full*8)
		if r := n % 8; r != 0 {
			w.putUint(uint64(le[full]), r)
		}
		return
	}
	w.putBits(be, nbytes*8-n, n)
}

// putLittle writes v's low n bits in little-endian byte order.
func (w *bitWriter) putLittle(v uint64, n uint) {
	for n >= 8 {
		w.putUint(v&0xff, 8)
		v >>= 8
		n -= 8
	}
	if n > 0 {
		w.putUint(v&(1<<n-1), n)
	}
}

// bitReader reads from a bitstring's bytes.
type bitReader struct {
	b []byte
}

// uint reads n bits (n <= 64) at bit pos as an unsigned big-endian number.
func (r bitReader) uint(pos, n uint) uint64 {
	if n == 0 {
		return 0
	}
	if pos%8 == 0 && n%8 == 0 {
		var v uint64
		for i := pos / 8; i < (pos+n)/8; i++ {
			v = v<<8 | uint64(r.b[i])
		}
		return v
	}
	var buf [9]byte
	first := pos / 8
	last := (pos + n - 1) / 8
	copy(buf[:], r.b[first:last+1])
	// Bits [pos%8, pos%8+n) of buf, big-endian.
	hi := binary.BigEndian.Uint64(buf[:8])
	shift := pos % 8
	v := hi << shift
	if shift > 0 {
		v |= uint64(buf[8]) >> (8 - shift)
	}
	return v >> (64 - n)
}

// integer reads an n-bit integer at pos with the given flags.
func (r bitReader) integer(a term.Allocator, pos, n uint, flags uint8) term.Term {
	signed := flags&flagSigned != 0
	if n <= 64 {
		v := r.uint(pos, n)
		if isLittle(flags) {
			v = littleToBig(v, n)
		}
		if signed && n > 0 && v&(1<<(n-1)) != 0 {
			return term.MakeInt(a, int64(v|^(1<<n-1)))
		}
		if n == 64 && v > math.MaxInt64 {
			return term.MakeUint(a, v)
		}
		return term.MakeInt(a, int64(v))
	}
	nbytes := (n + 7) / 8
	buf := make([]byte, nbytes)
	// Right-align the n bits in buf.
	term.CopyBits(buf, nbytes*8-n, r.b, pos, n)
	if isLittle(flags) {
		buf = littleBytesToBig(r, pos, n)
	}
	z := new(big.Int).SetBytes(buf)
	if signed && z.Bit(int(n-1)) == 1 {
		z.Sub(z, new(big.Int).Lsh(big.NewInt(1), n))
	}
	return term.MakeBigInt(a, z)
}

// littleToBig reorders an n-bit little-endian field read as big-endian.
func littleToBig(v uint64, n uint) uint64 {
	if n <= 8 {
		return v
	}
	// The field's bytes are, in order: b0 (least significant) .. and a
	// partial last chunk of n%8 bits holding the top bits.
	var out uint64
	shift := uint(0)
	rem := n
	for rem >= 8 {
		b := (v >> (rem - 8)) & 0xff
		out |= b << shift
		shift += 8
		rem -= 8
	}
	if rem > 0 {
		out |= (v & (1<<rem - 1)) << shift
	}
	return out
}

func littleBytesToBig(r bitReader, pos, n uint) []byte {
	full := n / 8
	rem := n % 8
	nbytes := (n + 7) / 8
	out := make([]byte, nbytes)
	// Chunks in field order: full bytes (least significant first) then
	// the top rem bits.
	for i := uint(0); i < full; i++ {
		out[nbytes-1-i] = byte(r.uint(pos+i*8, 8))
	}
	if rem > 0 {
		out[0] = byte(r.uint(pos+full*8, rem))
	}
	return out
}

// float reads an n-bit float (16, 32 or 64); ok is false for other sizes
// and for NaN or infinity, which do not match. A 0-bit float matches as
// 0.0, as in OTP 25 (<<F:0/float>> = <<>> binds F = 0.0), though building
// one is a badarg.
func (r bitReader) float(pos, n uint, flags uint8) (float64, bool) {
	if n == 0 {
		return 0, true
	}
	if n != 16 && n != 32 && n != 64 {
		return 0, false
	}
	v := r.uint(pos, n)
	if isLittle(flags) {
		v = littleToBig(v, n)
	}
	var f float64
	switch n {
	case 64:
		f = math.Float64frombits(v)
	case 32:
		f = float64(math.Float32frombits(uint32(v)))
	case 16:
		f = half(uint16(v))
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// half converts an IEEE 754 binary16 to float64.
func half(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	exp := int(h>>10) & 0x1f
	frac := float64(h & 0x3ff)
	switch exp {
	case 0:
		return sign * math.Ldexp(frac, -24)
	case 31:
		if frac == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * math.Ldexp(1+frac/1024, exp-15)
}

// toHalf converts to binary16, rounding to nearest even. A value too large
// for binary16 becomes infinity: OTP 25 builds <<65520.0:16/float>> as
// <<124,0>> rather than failing with badarg.
func toHalf(f float64) uint16 {
	var sign uint16
	if math.Signbit(f) {
		sign = 0x8000
		f = -f
	}
	if f == 0 {
		return sign
	}
	const inf = 0x7C00
	frac, exp := math.Frexp(f) // f = frac * 2^exp, frac in [0.5, 1)
	e := exp - 1 + 15
	if e >= 31 {
		return sign | inf
	}
	if e <= 0 {
		// Subnormal.
		m := math.RoundToEven(f * (1 << 24))
		return sign | uint16(m)
	}
	m := math.RoundToEven((frac*2 - 1) * 1024)
	if m == 1024 {
		m = 0
		e++
		if e >= 31 {
			return sign | inf
		}
	}
	return sign | uint16(e)<<10 | uint16(m)
}

// utf8Len is the encoded size of code point c, 0 if c is not a valid one.
func utf8Len(c int64) int {
	switch {
	case c < 0:
		return 0
	case c < 0x80:
		return 1
	case c < 0x800:
		return 2
	case c >= 0xD800 && c <= 0xDFFF:
		return 0
	case c < 0x10000:
		return 3
	case c <= 0x10FFFF:
		return 4
	}
	return 0
}

// getUTF8 decodes a UTF-8 code point at bit pos with avail bits left.
func (r bitReader) getUTF8(pos, avail uint) (rune, uint, bool) {
	if avail < 8 {
		return 0, 0, false
	}
	b0 := r.uint(pos, 8)
	var n uint
	var c uint64
	switch {
	case b0 < 0x80:
		return rune(b0), 8, true
	case b0&0xE0 == 0xC0:
		n, c = 2, b0&0x1F
	case b0&0xF0 == 0xE0:
		n, c = 3, b0&0x0F
	case b0&0xF8 == 0xF0:
		n, c = 4, b0&0x07
	default:
		return 0, 0, false
	}
	if avail < n*8 {
		return 0, 0, false
	}
	for i := uint(1); i < n; i++ {
		b := r.uint(pos+8*i, 8)
		if b&0xC0 != 0x80 {
			return 0, 0, false
		}
		c = c<<6 | b&0x3F
	}
	// Reject overlong forms, surrogates and values past U+10FFFF.
	if utf8Len(int64(c)) != int(n) {
		return 0, 0, false
	}
	return rune(c), n * 8, true
}

// getUTF16 decodes a UTF-16 code point.
func (r bitReader) getUTF16(pos, avail uint, flags uint8) (rune, uint, bool) {
	if avail < 16 {
		return 0, 0, false
	}
	read := func(p uint) uint64 {
		v := r.uint(p, 16)
		if isLittle(flags) {
			v = littleToBig(v, 16)
		}
		return v
	}
	w1 := read(pos)
	if w1 < 0xD800 || w1 > 0xDFFF {
		return rune(w1), 16, true
	}
	if w1 > 0xDBFF || avail < 32 {
		return 0, 0, false
	}
	w2 := read(pos + 16)
	if w2 < 0xDC00 || w2 > 0xDFFF {
		return 0, 0, false
	}
	return rune(0x10000 + (w1-0xD800)<<10 + (w2 - 0xDC00)), 32, true
}

// getUTF32 decodes a UTF-32 code point.
func (r bitReader) getUTF32(pos, avail uint, flags uint8) (rune, uint, bool) {
	if avail < 32 {
		return 0, 0, false
	}
	v := r.uint(pos, 32)
	if isLittle(flags) {
		v = littleToBig(v, 32)
	}
	if utf8Len(int64(v)) == 0 {
		return 0, 0, false
	}
	return rune(v), 32, true
}
