package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// crc32_combine/3 and adler32_combine/3: the checksum of A ++ B from
// those of A and B and the size of B.

func init() {
	erlRegister("crc32_combine", 3, erlCombine(erlCRC32Combine))
	erlRegister("adler32_combine", 3, erlCombine(erlAdler32Combine))
}

// erlCombine makes the BIF of a combination: both checksums and the size
// must be integers from 0 to 2^32-1 (OTP 25: badarg otherwise).
func erlCombine(f func(first, second, size uint32) uint32) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		var v [3]uint32
		for i, a := range args {
			n, ok := a.Int64()
			if !ok || n < 0 || n > 0xFFFFFFFF {
				return p.Badarg()
			}
			v[i] = uint32(n)
		}
		return term.MakeSmall(int64(f(v[0], v[1], v[2])))
	}
}

// crcPoly is CRC-32's polynomial in the reflected bit order the checksum
// uses: bit 31 is the coefficient of x^0, bit 0 that of x^31.
const crcPoly = 0xEDB88320

// crcMulMod returns a*b modulo the CRC-32 polynomial (reflected order).
func crcMulMod(a, b uint32) uint32 {
	var p uint32
	for m := uint32(1) << 31; m != 0; m >>= 1 {
		if a&m != 0 {
			p ^= b
		}
		if b&1 != 0 {
			b = b>>1 ^ crcPoly
		} else {
			b >>= 1
		}
	}
	return p
}

// crcShift returns x^(8n) modulo the polynomial: appending n zero bytes
// multiplies the CRC register by it.
func crcShift(n uint32) uint32 {
	p, sq := uint32(1)<<31, uint32(1)<<23 // x^0 and x^8
	for ; n > 0; n >>= 1 {
		if n&1 != 0 {
			p = crcMulMod(sq, p)
		}
		sq = crcMulMod(sq, sq)
	}
	return p
}

// erlCRC32Combine: the CRC of A ++ B is A's moved past |B| zero bytes,
// xor B's (the pre- and post-inversions cancel out).
func erlCRC32Combine(first, second, size uint32) uint32 {
	return crcMulMod(crcShift(size), first) ^ second
}

// erlAdler32Combine computes what zlib's adler32_combine does, the halves
// of unreduced inputs included (they are reduced by at most two
// subtractions and then or-ed, not added, together), except that OTP 25
// gives the first checksum unchanged for an empty second part:
// adler32_combine(X, Y, 0) is X for every Y.
func erlAdler32Combine(first, second, size uint32) uint32 {
	const mod = 65521
	if size == 0 {
		return first
	}
	rem := uint64(size) % mod
	s1 := uint64(first & 0xFFFF)
	s2 := rem * s1 % mod
	s1 += uint64(second&0xFFFF) + mod - 1
	s2 += uint64(first>>16) + uint64(second>>16) + mod - rem
	for range 2 {
		if s1 >= mod {
			s1 -= mod
		}
	}
	if s2 >= 2*mod {
		s2 -= 2 * mod
	}
	if s2 >= mod {
		s2 -= mod
	}
	return uint32(s1 | s2<<16)
}
