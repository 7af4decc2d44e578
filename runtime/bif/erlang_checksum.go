package bif

import (
	"crypto/md5"
	"hash/crc32"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// md5/1, crc32/1,2 and adler32/1,2 over iodata.

func init() {
	erlRegister("md5", 1, erlMD5)
	erlRegister("crc32", 1, erlChecksum(erlCRC32, 0))
	erlRegister("crc32", 2, erlChecksum(erlCRC32, 0))
	erlRegister("adler32", 1, erlChecksum(erlAdler32, 1))
	erlRegister("adler32", 2, erlChecksum(erlAdler32, 1))
}

func erlMD5(p *emu.Process, args []term.Term) term.Term {
	b, ok := erlIolistBytes(args[0])
	if !ok {
		return p.Badarg()
	}
	sum := md5.Sum(b)
	return term.NewBinary(p.Heap, sum[:])
}

func erlCRC32(crc uint32, b []byte) uint32 { return crc32.Update(crc, crc32.IEEETable, b) }

// erlAdler32 continues an Adler-32 checksum, as zlib's adler32() does
// (hash/adler32 cannot start from a given value).
func erlAdler32(adler uint32, b []byte) uint32 {
	const mod = 65521
	// zlib reduces the halves of the old sum modulo 65521 even when it is
	// given no bytes.
	s1, s2 := (adler&0xFFFF)%mod, (adler>>16)%mod
	for len(b) > 0 {
		// 5552 bytes is the most that cannot overflow s2 before the
		// reduction (zlib's NMAX).
		n := min(len(b), 5552)
		for _, c := range b[:n] {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
		b = b[n:]
	}
	return s2<<16 | s1
}

// erlChecksum makes the BIF of a checksum: f(Data) from initial, or
// f(Old, Data) continuing from Old, a 32-bit unsigned integer.
func erlChecksum(f func(uint32, []byte) uint32, initial uint32) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		sum, data := initial, args[0]
		if len(args) == 2 {
			old, ok := args[0].Int64()
			if !ok || old < 0 || old > 0xFFFFFFFF {
				return p.Badarg()
			}
			sum, data = uint32(old), args[1]
		}
		b, ok := erlIolistBytes(data)
		if !ok {
			return p.Badarg()
		}
		// OTP 25 hands zlib every binary of the data, even an empty one,
		// but nothing for data with no bytes and no binary: so
		// adler32(16#FFFFFFFF, []) stays 16#FFFFFFFF while
		// adler32(16#FFFFFFFF, <<>>) is reduced to 917518.
		if len(b) == 0 && !iodataHasBinary(data) {
			return term.MakeSmall(int64(sum))
		}
		return term.MakeSmall(int64(f(sum, b)))
	}
}

// iodataHasBinary reports whether iodata t (already checked) holds a
// binary anywhere, as its head, an element or a tail.
func iodataHasBinary(t term.Term) bool {
	stack := []term.Term{t}
	for len(stack) > 0 {
		t, stack = stack[len(stack)-1], stack[:len(stack)-1]
		for ; t.IsCons(); t = t.Tail() {
			if h := t.Head(); h.IsCons() || h.IsBitstring() {
				stack = append(stack, h)
			}
		}
		if t.IsBitstring() {
			return true
		}
	}
	return false
}
