package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// Binaries, bitstrings and iolists.

func init() {
	erlRegister("list_to_binary", 1, erlListToBinary)
	erlRegister("iolist_to_binary", 1, erlIolistToBinary)
	erlRegister("list_to_bitstring", 1, erlListToBitstring)
	erlRegister("iolist_size", 1, erlIolistSize)
	erlRegister("iolist_to_iovec", 1, erlIolistToIovec)
	erlRegister("binary_to_list", 1, erlBinaryToList)
	erlRegister("binary_to_list", 3, erlBinaryToList3)
	erlRegister("bitstring_to_list", 1, erlBitstringToList)
	erlRegisterGuard("binary_part", 2, erlBinaryPart2)
	erlRegisterGuard("binary_part", 3, erlBinaryPart3)
	erlRegister("split_binary", 2, erlSplitBinary)
}

func erlListToBinary(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsList() {
		return p.Badarg()
	}
	return erlIolistToBinary(p, args)
}

func erlIolistToBinary(p *emu.Process, args []term.Term) term.Term {
	if args[0].IsBinary() {
		return args[0]
	}
	b, ok := erlIolistBytes(args[0])
	if !ok {
		return p.Badarg()
	}
	return term.NewBinary(p.Heap, b)
}

func erlListToBitstring(p *emu.Process, args []term.Term) term.Term {
	var b erlBitBuf
	if !args[0].IsList() || !b.appendIolist(args[0], true) {
		return p.Badarg()
	}
	return term.NewBitstring(p.Heap, term.Bits{Data: b.data, Size: b.bits})
}

func erlIolistSize(p *emu.Process, args []term.Term) term.Term {
	b := erlBitBuf{count: true}
	if !b.appendIolist(args[0], false) {
		return p.Badarg()
	}
	return term.MakeUint(p.Heap, uint64(b.bits/8))
}

func erlBinaryToList(p *emu.Process, args []term.Term) term.Term {
	b, ok := erlBinaryBytes(args[0])
	if !ok {
		return p.Badarg()
	}
	return erlBytesToList(p, b, term.Nil)
}

// erlBytesToList makes the list of bytes of b followed by tail.
func erlBytesToList(p *emu.Process, b []byte, tail term.Term) term.Term {
	elems := make([]term.Term, len(b))
	for i, c := range b {
		elems[i] = term.MakeSmall(int64(c))
	}
	return term.ListWithTail(p.Heap, elems, tail)
}

// erlBinaryToList3 is binary_to_list(Bin, Start, Stop), 1-based and
// inclusive. Like OTP it takes the whole bytes of a bitstring too.
func erlBinaryToList3(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsBitstring() {
		return p.Badarg()
	}
	bits := args[0].BitstringBits()
	n := int(bits.Size / 8)
	start, ok1 := erlIndex(args[1], n)
	stop, ok2 := erlIndex(args[2], n)
	if !ok1 || !ok2 || start > stop {
		return p.Badarg()
	}
	b := make([]byte, stop-start+1)
	term.CopyBits(b, 0, bits.Data, bits.Offset+uint(start-1)*8, uint(len(b))*8)
	return erlBytesToList(p, b, term.Nil)
}

// erlBitstringToList gives the whole bytes, then the leftover bits (if
// any) as a bitstring element.
func erlBitstringToList(p *emu.Process, args []term.Term) term.Term {
	t := args[0]
	if !t.IsBitstring() {
		return p.Badarg()
	}
	bits := t.BitstringBits()
	whole := bits.Size / 8 * 8
	tail := term.Nil
	if whole != bits.Size {
		rest := term.SliceBits(p.Heap, t, whole, bits.Size-whole)
		tail = term.Cons(p.Heap, rest, term.Nil)
	}
	bytes := make([]byte, whole/8)
	term.CopyBits(bytes, 0, bits.Data, bits.Offset, whole)
	return erlBytesToList(p, bytes, tail)
}

func erlBinaryPart2(p *emu.Process, args []term.Term) term.Term {
	pl := args[1]
	if !pl.IsTuple() || pl.TupleArity() != 2 {
		return p.Badarg()
	}
	return erlBinaryPart3(p, []term.Term{args[0], pl.Element(1), pl.Element(2)})
}

// erlBinaryPart3 is binary_part(Bin, Start, Len); a negative Len counts
// back from Start. Only whole bytes of a bitstring can be taken.
func erlBinaryPart3(p *emu.Process, args []term.Term) term.Term {
	t, s, l := args[0], args[1], args[2]
	if !t.IsBitstring() || !s.IsSmall() || !l.IsSmall() {
		return p.Badarg()
	}
	start, n := s.SmallValue(), l.SmallValue()
	if n < 0 {
		start, n = start+n, -n
	}
	size := int64(t.BitSize() / 8)
	if start < 0 || start > size || n > size-start {
		return p.Badarg()
	}
	return term.SliceBits(p.Heap, t, uint(start)*8, uint(n)*8)
}

func erlSplitBinary(p *emu.Process, args []term.Term) term.Term {
	t, pos := args[0], args[1]
	if !t.IsBitstring() || !pos.IsSmall() {
		return p.Badarg()
	}
	at, size := pos.SmallValue(), t.BitSize()
	if at < 0 || at > int64(size/8) {
		return p.Badarg()
	}
	bit := uint(at) * 8
	left := term.SliceBits(p.Heap, t, 0, bit)
	right := term.SliceBits(p.Heap, t, bit, size-bit)
	return term.Tuple2(p.Heap, left, right)
}
