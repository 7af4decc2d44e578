package bif

import (
	"bytes"
	"encoding/hex"
	"math/big"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// The binary module. Results that are parts of the subject are sub-binaries
// sharing its bytes, as in OTP. Every bad argument is badarg.

func init() {
	emu.Register("binary", "part", 2, binaryPart2)
	emu.Register("binary", "part", 3, binaryPart3)
	emu.Register("binary", "copy", 1, binaryCopy1)
	emu.Register("binary", "copy", 2, binaryCopy2)
	emu.Register("binary", "first", 1, binaryFirst)
	emu.Register("binary", "last", 1, binaryLast)
	emu.Register("binary", "at", 2, binaryAt)
	emu.Register("binary", "bin_to_list", 1, binaryBinToList1)
	emu.Register("binary", "bin_to_list", 2, binaryBinToList2)
	emu.Register("binary", "bin_to_list", 3, binaryBinToList3)
	emu.Register("binary", "list_to_bin", 1, binaryListToBin)
	emu.Register("binary", "longest_common_prefix", 1, binaryLCP)
	emu.Register("binary", "longest_common_suffix", 1, binaryLCS)
	emu.Register("binary", "decode_unsigned", 1, binaryDecodeUnsigned)
	emu.Register("binary", "decode_unsigned", 2, binaryDecodeUnsigned)
	emu.Register("binary", "encode_unsigned", 1, binaryEncodeUnsigned)
	emu.Register("binary", "encode_unsigned", 2, binaryEncodeUnsigned)
	emu.Register("binary", "referenced_byte_size", 1, binaryReferencedByteSize)
	emu.Register("binary", "encode_hex", 1, binaryEncodeHex)
	emu.Register("binary", "decode_hex", 1, binaryDecodeHex)
}

// binaryRange resolves a {Pos, Len} part of a binary of n bytes (Len may
// be negative, counting back from Pos).
func binaryRange(pos, length term.Term, n int) (start, end int, ok bool) {
	if !pos.IsSmall() || !length.IsSmall() {
		return 0, 0, false
	}
	s, l := pos.SmallValue(), length.SmallValue()
	e := s + l
	if l < 0 {
		s, e = e, s
	}
	if s < 0 || e > int64(n) || s > e {
		return 0, 0, false
	}
	return int(s), int(e), true
}

// binaryPartTuple reads a {Pos, Len} tuple.
func binaryPartTuple(t term.Term, n int) (int, int, bool) {
	if !t.IsTuple() || t.TupleArity() != 2 {
		return 0, 0, false
	}
	return binaryRange(t.Element(1), t.Element(2), n)
}

// binarySlice returns bytes [s, e) of binary t as a sub-binary.
func binarySlice(p *emu.Process, t term.Term, s, e int) term.Term {
	return term.SliceBits(p.Heap, t, uint(s)*8, uint(e-s)*8)
}

func binaryPart2(p *emu.Process, args []term.Term) term.Term {
	b, ok := libBytes(args[0])
	if !ok {
		return p.Badarg()
	}
	s, e, ok := binaryPartTuple(args[1], len(b))
	if !ok {
		return p.Badarg()
	}
	return binarySlice(p, args[0], s, e)
}

func binaryPart3(p *emu.Process, args []term.Term) term.Term {
	b, ok := libBytes(args[0])
	if !ok {
		return p.Badarg()
	}
	s, e, ok := binaryRange(args[1], args[2], len(b))
	if !ok {
		return p.Badarg()
	}
	return binarySlice(p, args[0], s, e)
}

func binaryCopy1(p *emu.Process, args []term.Term) term.Term {
	return binaryCopy2(p, []term.Term{args[0], term.MakeSmall(1)})
}

func binaryCopy2(p *emu.Process, args []term.Term) term.Term {
	b, ok := libBytes(args[0])
	n, ok2 := libNonNegInt(args[1])
	if !ok || !ok2 || len(b)*n > 1<<31 {
		return p.Badarg()
	}
	return term.NewBinary(p.Heap, bytes.Repeat(b, n))
}

// binaryReferencedByteSize is the byte size of the binary whose bytes
// bitstring t shows. OTP copies a part of a binary instead of referring
// to it when the part is a whole number of bytes no larger than a heap
// binary (by matching, binary:part/2, split_binary/2...); beamrc always
// refers, so such a part reports its own size, as OTP's copy would.
func binaryReferencedByteSize(p *emu.Process, args []term.Term) term.Term {
	t := args[0]
	if !t.IsBitstring() {
		return p.Badarg()
	}
	orig, _ := t.BitstringBase()
	n := orig.BitSize() / 8
	if size := t.BitSize(); size%8 == 0 && size/8 <= term.HeapBinLimit {
		n = size / 8
	}
	return term.MakeSmall(int64(n))
}

func binaryFirst(p *emu.Process, args []term.Term) term.Term {
	b, ok := libBytes(args[0])
	if !ok || len(b) == 0 {
		return p.Badarg()
	}
	return term.MakeSmall(int64(b[0]))
}

func binaryLast(p *emu.Process, args []term.Term) term.Term {
	b, ok := libBytes(args[0])
	if !ok || len(b) == 0 {
		return p.Badarg()
	}
	return term.MakeSmall(int64(b[len(b)-1]))
}

func binaryAt(p *emu.Process, args []term.Term) term.Term {
	b, ok := libBytes(args[0])
	i, ok2 := libNonNegInt(args[1])
	if !ok || !ok2 || i >= len(b) {
		return p.Badarg()
	}
	return term.MakeSmall(int64(b[i]))
}

func binaryByteList(p *emu.Process, b []byte) term.Term {
	elems := make([]term.Term, len(b))
	for i, c := range b {
		elems[i] = term.MakeSmall(int64(c))
	}
	return term.ListFrom(p.Heap, elems)
}

func binaryBinToList1(p *emu.Process, args []term.Term) term.Term {
	b, ok := libBytes(args[0])
	if !ok {
		return p.Badarg()
	}
	return binaryByteList(p, b)
}

func binaryBinToList2(p *emu.Process, args []term.Term) term.Term {
	b, ok := libBytes(args[0])
	if !ok {
		return p.Badarg()
	}
	s, e, ok := binaryPartTuple(args[1], len(b))
	if !ok {
		return p.Badarg()
	}
	return binaryByteList(p, b[s:e])
}

func binaryBinToList3(p *emu.Process, args []term.Term) term.Term {
	b, ok := libBytes(args[0])
	if !ok {
		return p.Badarg()
	}
	s, e, ok := binaryRange(args[1], args[2], len(b))
	if !ok {
		return p.Badarg()
	}
	return binaryByteList(p, b[s:e])
}

// binaryIolist flattens an iolist (bytes, binaries, nested lists, a binary
// tail) into out.
func binaryIolist(out []byte, t term.Term) ([]byte, bool) {
	if t.IsBinary() {
		b, _ := libBytes(t)
		return append(out, b...), true
	}
	for ; t.IsCons(); t = t.Tail() {
		h := t.Head()
		switch {
		case h.IsSmall() && h.SmallValue() >= 0 && h.SmallValue() <= 255:
			out = append(out, byte(h.SmallValue()))
		case h.IsBinary() || h.IsList():
			var ok bool
			if out, ok = binaryIolist(out, h); !ok {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	if t == term.Nil {
		return out, true
	}
	if t.IsBinary() {
		return binaryIolist(out, t)
	}
	return nil, false
}

func binaryListToBin(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsList() && !args[0].IsBinary() {
		return p.Badarg()
	}
	b, ok := binaryIolist(nil, args[0])
	if !ok {
		return p.Badarg()
	}
	return term.NewBinary(p.Heap, b)
}

// binaryList reads a non-empty proper list of binaries.
func binaryList(t term.Term) ([][]byte, bool) {
	elems, ok := term.ListToSlice(t)
	if !ok || len(elems) == 0 {
		return nil, false
	}
	out := make([][]byte, len(elems))
	for i, e := range elems {
		if out[i], ok = libBytes(e); !ok {
			return nil, false
		}
	}
	return out, true
}

func binaryLCP(p *emu.Process, args []term.Term) term.Term {
	bs, ok := binaryList(args[0])
	if !ok {
		return p.Badarg()
	}
	n := len(bs[0])
	for _, b := range bs[1:] {
		i := 0
		for i < n && i < len(b) && b[i] == bs[0][i] {
			i++
		}
		n = i
	}
	return term.MakeSmall(int64(n))
}

func binaryLCS(p *emu.Process, args []term.Term) term.Term {
	bs, ok := binaryList(args[0])
	if !ok {
		return p.Badarg()
	}
	first := bs[0]
	n := len(first)
	for _, b := range bs[1:] {
		i := 0
		for i < n && i < len(b) && b[len(b)-1-i] == first[len(first)-1-i] {
			i++
		}
		n = i
	}
	return term.MakeSmall(int64(n))
}

// binaryEndian reads the optional endianness argument.
func binaryEndian(args []term.Term) (little, ok bool) {
	if len(args) < 2 {
		return false, true
	}
	switch args[1] {
	case term.Intern("big"):
		return false, true
	case term.Intern("little"):
		return true, true
	}
	return false, false
}

func binaryDecodeUnsigned(p *emu.Process, args []term.Term) term.Term {
	b, ok := libBytes(args[0])
	little, ok2 := binaryEndian(args)
	if !ok || !ok2 {
		return p.Badarg()
	}
	be := append([]byte(nil), b...)
	if little {
		for i, j := 0, len(be)-1; i < j; i, j = i+1, j-1 {
			be[i], be[j] = be[j], be[i]
		}
	}
	return term.MakeBigInt(p.Heap, new(big.Int).SetBytes(be))
}

func binaryEncodeUnsigned(p *emu.Process, args []term.Term) term.Term {
	little, ok := binaryEndian(args)
	if !ok || !args[0].IsInteger() || args[0].BigInt().Sign() < 0 {
		return p.Badarg()
	}
	be := args[0].BigInt().Bytes()
	if len(be) == 0 {
		be = []byte{0}
	}
	if little {
		for i, j := 0, len(be)-1; i < j; i, j = i+1, j-1 {
			be[i], be[j] = be[j], be[i]
		}
	}
	return term.NewBinary(p.Heap, be)
}

func binaryEncodeHex(p *emu.Process, args []term.Term) term.Term {
	b, ok := libBytes(args[0])
	if !ok {
		return p.Badarg()
	}
	return term.NewBinary(p.Heap, bytes.ToUpper([]byte(hex.EncodeToString(b))))
}

func binaryDecodeHex(p *emu.Process, args []term.Term) term.Term {
	b, ok := libBytes(args[0])
	if !ok || len(b)%2 != 0 {
		return p.Badarg()
	}
	out := make([]byte, len(b)/2)
	if _, err := hex.Decode(out, b); err != nil {
		return p.Badarg()
	}
	return term.NewBinary(p.Heap, out)
}
