package term

import "unsafe"

// Bitstrings come in three shapes:
//
//	heap binary  SubHeapBin: [hdr(arity 1+words), byte size, bytes...]
//	refc binary  SubRefcBin: [hdr(arity 3), byte size, data address, handle]
//	sub-binary   SubSubBin:  [hdr(arity 3), bit size, bit offset, original]
//
// A heap binary holds its bytes in the words after the size. A refc binary's
// bytes are a Go []byte off the heap; the handle names the entry in its
// owner's off-heap table that keeps that slice alive (see Allocator). A
// sub-binary is a window, in bits, on a heap or refc binary; it is how a
// bitstring that is not a whole number of bytes is represented too.
//
// A match context (SubMatchCtx) is the state of a binary match:
//
//	[hdr(arity 4), original, start bit, end bit, position bit]
//
// where the original is a heap or refc binary and the offsets are absolute
// bit offsets into its bytes.

// HeapBinLimit is the largest binary kept on the process heap; larger ones
// live off-heap and are shared, not copied, between processes.
const HeapBinLimit = 64

// Word offsets inside binary objects, for the runtime and native code.
const (
	BinSizeWord     = 1 // heap and refc: byte size
	HeapBinDataWord = 2 // heap: the first word of the bytes
	RefcDataWord    = 2 // refc: data address
	RefcHandleWord  = 3 // refc: off-heap handle
	SubBitSizeWord  = 1
	SubBitOffWord   = 2
	SubOrigWord     = 3
	CtxOrigWord     = 1
	CtxStartWord    = 2
	CtxEndWord      = 3
	CtxPositionWord = 4
	MatchCtxWords   = 5
	SubBinWords     = 4
	RefcBinWords    = 4
)

// IsBitstring reports whether t is a bitstring (is_bitstring/1).
func (t Term) IsBitstring() bool {
	if !t.IsBoxed() {
		return false
	}
	switch HeaderSubtag(t.Word(0)) {
	case SubHeapBin, SubRefcBin, SubSubBin:
		return true
	}
	return false
}

// IsBinary reports whether t is a bitstring of whole bytes (is_binary/1).
func (t Term) IsBinary() bool {
	if !t.IsBitstring() {
		return false
	}
	if t.BoxedSubtag() == SubSubBin {
		return t.Word(SubBitSizeWord)%8 == 0
	}
	return true
}

// IsMatchCtx reports whether t is a binary match context.
func (t Term) IsMatchCtx() bool { return t.Is(SubMatchCtx) }

// Bits describes a bitstring's contents: the bits [Offset, Offset+Size) of
// Data, most significant bit of each byte first.
type Bits struct {
	Data   []byte
	Offset uint
	Size   uint
}

// ByteAligned reports whether the bits start on a byte boundary and are a
// whole number of bytes.
func (b Bits) ByteAligned() bool { return b.Offset%8 == 0 && b.Size%8 == 0 }

// Bytes returns the bytes of a byte-aligned Bits.
func (b Bits) Bytes() []byte { return b.Data[b.Offset/8 : (b.Offset+b.Size)/8] }

// BitstringBits returns the contents of bitstring t. Data aliases the heap
// or the off-heap slice: copy it before any garbage collection.
func (t Term) BitstringBits() Bits {
	switch t.BoxedSubtag() {
	case SubSubBin:
		orig := t.Word(SubOrigWord)
		base := orig.baseBytes()
		return Bits{Data: base, Offset: uint(t.Word(SubBitOffWord)), Size: uint(t.Word(SubBitSizeWord))}
	default:
		b := t.baseBytes()
		return Bits{Data: b, Size: uint(len(b)) * 8}
	}
}

// BinaryBytes returns the bytes of binary t, or false for a bitstring
// that is not a whole number of bytes. The bytes alias memory that a
// garbage collection may move, except for a binary at a bit offset (one
// matched out of a bitstring at an odd position), which is copied: it is
// a binary all the same.
func (t Term) BinaryBytes() ([]byte, bool) {
	b := t.BitstringBits()
	switch {
	case b.Size%8 != 0:
		return nil, false
	case b.Offset%8 == 0:
		return b.Bytes(), true
	}
	out := make([]byte, b.Size/8)
	CopyBits(out, 0, b.Data, b.Offset, b.Size)
	return out, true
}

// BitSize returns the size in bits of bitstring t.
func (t Term) BitSize() uint {
	switch t.BoxedSubtag() {
	case SubSubBin:
		return uint(t.Word(SubBitSizeWord))
	default:
		return uint(t.Word(BinSizeWord)) * 8
	}
}

// baseBytes returns the bytes of a heap or refc binary.
func (t Term) baseBytes() []byte {
	n := int(t.Word(BinSizeWord))
	if n == 0 {
		return nil
	}
	if t.BoxedSubtag() == SubRefcBin {
		return unsafe.Slice(t.Word(RefcDataWord).rawPtr(), n)
	}
	return unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(t.Ptr()), 8*HeapBinDataWord)), n)
}

func (t Term) rawPtr() *byte {
	a := uintptr(t)
	return *(**byte)(unsafe.Pointer(&a))
}

// HeapBinWords returns the heap words a heap binary of n bytes takes.
func HeapBinWords(n int) int { return 2 + (n+7)/8 }

// BinaryWords returns the heap need of a binary of n bytes made by
// NewBinary or AllocBinary.
func BinaryWords(n int) int {
	if n <= HeapBinLimit {
		return HeapBinWords(n)
	}
	return RefcBinWords
}

// NewBinary allocates a binary holding a copy of data.
func NewBinary(a Allocator, data []byte) Term {
	t, buf := AllocBinary(a, len(data))
	copy(buf, data)
	return t
}

// AllocBinary allocates a binary of n bytes and returns it with the slice
// to fill. The slice must be filled before the next garbage collection.
func AllocBinary(a Allocator, n int) (Term, []byte) {
	if n > HeapBinLimit {
		buf := make([]byte, n)
		return NewRefcBinary(a, buf), buf
	}
	w := a.Alloc(HeapBinWords(n))
	w[0] = uint64(MakeHeader(SubHeapBin, len(w)-1))
	w[1] = uint64(n)
	w[len(w)-1] = 0 // the padding of the last word stays deterministic
	t := Box(w)
	if n == 0 {
		return t, nil
	}
	return t, unsafe.Slice((*byte)(unsafe.Pointer(&w[2])), n)
}

// NewRefcBinary wraps buf, which the caller hands over and must not change
// afterwards, in an off-heap binary.
func NewRefcBinary(a Allocator, buf []byte) Term {
	h := a.KeepAlive(buf)
	w := a.Alloc(RefcBinWords)
	w[0] = uint64(MakeHeader(SubRefcBin, RefcBinWords-1))
	w[1] = uint64(len(buf))
	if len(buf) > 0 {
		w[2] = uint64(uintptr(unsafe.Pointer(&buf[0])))
	} else {
		w[2] = 0
	}
	w[3] = h
	return Box(w)
}

// NewSubBinary makes a window of size bits at bit offset off into the heap
// or refc binary orig.
func NewSubBinary(a Allocator, orig Term, off, size uint) Term {
	w := a.Alloc(SubBinWords)
	w[0] = uint64(MakeHeader(SubSubBin, SubBinWords-1))
	w[1] = uint64(size)
	w[2] = uint64(off)
	w[3] = uint64(orig)
	return Box(w)
}

// BitstringBase returns the heap or refc binary that bitstring t shows
// bits of, and the bit offset of t's first bit in it.
func (t Term) BitstringBase() (orig Term, off uint) {
	if t.BoxedSubtag() == SubSubBin {
		return t.Word(SubOrigWord), uint(t.Word(SubBitOffWord))
	}
	return t, 0
}

// SliceBits returns a bitstring of size bits at bit offset off within
// bitstring t, sharing its bytes.
func SliceBits(a Allocator, t Term, off, size uint) Term {
	orig, base := t.BitstringBase()
	if base+off == 0 && size == orig.BitSize() {
		return orig
	}
	return NewSubBinary(a, orig, base+off, size)
}

// NewBitstring allocates a copy of the given bits as a fresh bitstring.
func NewBitstring(a Allocator, b Bits) Term {
	if b.ByteAligned() {
		return NewBinary(a, b.Bytes())
	}
	n := int((b.Size + 7) / 8)
	orig, buf := AllocBinary(a, n)
	CopyBits(buf, 0, b.Data, b.Offset, b.Size)
	return NewSubBinary(a, orig, 0, b.Size)
}

// CopyBits copies size bits from src at bit offset srcOff to dst at bit
// offset dstOff. Bits of dst outside the range are left as they were.
func CopyBits(dst []byte, dstOff uint, src []byte, srcOff uint, size uint) {
	if dstOff%8 == 0 && srcOff%8 == 0 {
		n := size / 8
		copy(dst[dstOff/8:dstOff/8+n], src[srcOff/8:srcOff/8+n])
		dstOff += n * 8
		srcOff += n * 8
		size -= n * 8
	}
	for i := uint(0); i < size; i++ {
		s := srcOff + i
		d := dstOff + i
		bit := (src[s/8] >> (7 - s%8)) & 1
		mask := byte(1) << (7 - d%8)
		if bit != 0 {
			dst[d/8] |= mask
		} else {
			dst[d/8] &^= mask
		}
	}
}
