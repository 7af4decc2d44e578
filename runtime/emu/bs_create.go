package emu

import (
	"fmt"
	"math"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/term"
)

// Segment types of bs_create_bin (and of the old bs_put_* family).
const (
	segInteger uint8 = iota
	segFloat
	segBinary
	segUtf8
	segUtf16
	segUtf32
	segAppend
	segPrivateAppend
	segString
)

var segTypes = map[string]uint8{
	"integer": segInteger, "float": segFloat, "binary": segBinary,
	"utf8": segUtf8, "utf16": segUtf16, "utf32": segUtf32,
	"append": segAppend, "private_append": segPrivateAppend, "string": segString,
}

// bsSeg is one segment of a binary construction.
type bsSeg struct {
	typ   uint8
	flags uint8
	unit  uint32
	val   operand
	size  operand // integer, register, or the atoms all / undefined
	str   []byte  // string segments
	num   uint32  // the segment's number in the source (error_info)
}

// bsCreate is bs_create_bin's decoded operand list.
type bsCreate struct {
	segs []bsSeg
}

var (
	atomAll       = term.Intern("all")
	atomUndefined = term.Undefined
)

// bsCreateBin decodes
//
//	bs_create_bin Fail Alloc Live Unit Dst [Type, Seg, Unit, Flags, Src, Size, ...]
func (t *translator) bsCreateBin(in beam.Instr) (instr, error) {
	a := in.Args
	fail, err := t.label(a[0])
	if err != nil {
		return instr{}, err
	}
	dst, err := t.dest(a[4])
	if err != nil {
		return instr{}, err
	}
	l, err := t.list(a[5])
	if err != nil {
		return instr{}, err
	}
	if len(l)%6 != 0 {
		return instr{}, fmt.Errorf("bs_create_bin: segment list of %d operands", len(l))
	}
	spec := &bsCreate{}
	for i := 0; i < len(l); i += 6 {
		typName := t.atomName(l[i])
		typ, ok := segTypes[typName]
		if !ok {
			return instr{}, fmt.Errorf("bs_create_bin: unknown segment type %q", typName)
		}
		seg := bsSeg{typ: typ, num: uint32(l[i+1].Val), unit: uint32(l[i+2].Val)}
		seg.flags, err = t.segFlags(l[i+3])
		if err != nil {
			return instr{}, err
		}
		if typ == segString {
			off, n := int(l[i+4].Val), int(l[i+5].Val)
			if off < 0 || n < 0 || off+n > len(t.bm.Strings) {
				return instr{}, fmt.Errorf("bs_create_bin: string out of range")
			}
			seg.str = t.bm.Strings[off : off+n]
		} else {
			if seg.val, err = t.operand(l[i+4]); err != nil {
				return instr{}, err
			}
			if seg.size, err = t.operand(l[i+5]); err != nil {
				return instr{}, err
			}
		}
		spec.segs = append(spec.segs, seg)
	}
	return instr{op: iBsCreateBin, fail: fail, n2: int32(heapNeed(a[1])), n1: int32(a[2].Val), d: dst, aux: spec}, nil
}

// segFlags reads a flags operand: a literal list of atoms, [] or a
// number (old instructions).
func (t *translator) segFlags(o beam.Operand) (uint8, error) {
	switch o.Kind {
	case beam.KindNil:
		return 0, nil
	case beam.KindUnsigned:
		return uint8(o.Val), nil
	case beam.KindLiteral:
		v, err := t.operand(o)
		if err != nil {
			return 0, err
		}
		var f uint8
		for l := v.t; l.IsCons(); l = l.Tail() {
			f |= flagNamed(term.AtomName(l.Head()))
		}
		return f, nil
	}
	return 0, fmt.Errorf("bad segment flags %s", o)
}

// segBits computes a segment's size in bits for the value v, or the
// fault that makes the segment fail. Size faults come first: OTP checks
// every segment's size before any value (see bsCreateBin).
func (p *Process) segBits(seg *bsSeg, v term.Term) (uint, bsFault) {
	switch seg.typ {
	case segString:
		return uint(len(seg.str)) * 8, bsOK
	case segUtf8:
		if !v.IsSmall() || utf8Len(v.SmallValue()) == 0 {
			return 0, bsBadType
		}
		return uint(utf8Len(v.SmallValue())) * 8, bsOK
	case segUtf16:
		if !v.IsSmall() || utf8Len(v.SmallValue()) == 0 {
			return 0, bsBadType
		}
		if v.SmallValue() >= 0x10000 {
			return 32, bsOK
		}
		return 16, bsOK
	case segUtf32:
		if !v.IsSmall() || utf8Len(v.SmallValue()) == 0 {
			return 0, bsBadType
		}
		return 32, bsOK
	case segBinary, segAppend, segPrivateAppend:
		size := p.load(&seg.size)
		if size == atomAll || size == atomUndefined {
			if !v.IsBitstring() {
				return 0, bsBadType
			}
			n := v.BitSize()
			if seg.unit > 1 && n%uint(seg.unit) != 0 {
				return 0, bsBadUnit
			}
			return n, bsOK
		}
		n, f := sizeBits(size, seg.unit)
		switch {
		case f != bsOK:
			return 0, f
		case !v.IsBitstring():
			return 0, bsBadType
		case n > v.BitSize():
			return 0, bsShort
		}
		return n, bsOK
	}
	n, f := sizeBits(p.load(&seg.size), seg.unit)
	if f != bsOK {
		return 0, f
	}
	switch seg.typ {
	case segInteger:
		if !v.IsInteger() {
			return 0, bsBadType
		}
	case segFloat:
		if n != 16 && n != 32 && n != 64 {
			return 0, bsBadFloatSize
		}
		if !v.IsNumber() {
			return 0, bsBadType
		}
		if _, ok := v.ToFloat(); !ok {
			return 0, bsNoFloat
		}
	}
	return n, bsOK
}

// bsCreateBin builds a bitstring from segments.
func (p *Process) bsCreateBin(in *instr, pc int) int {
	spec := in.aux.(*bsCreate)
	// OTP 25 sizes every segment before it writes any: a bad size fails
	// before a bad value in an earlier segment, and the first bad value
	// fails after all the sizes are checked.
	var total uint
	var bad *bsSeg
	var badValue term.Term
	var badFault bsFault
	for i := range spec.segs {
		seg := &spec.segs[i]
		var v term.Term
		if seg.typ != segString {
			v = p.load(&seg.val)
		}
		n, f := p.segBits(seg, v)
		switch {
		case f == bsBadSize:
			return p.bsCreateFailed(in, pc, seg, v, f)
		case f != bsOK && bad == nil:
			bad, badValue, badFault = seg, v, f
		}
		total += n
	}
	if bad != nil {
		return p.bsCreateFailed(in, pc, bad, badValue, badFault)
	}
	// The Alloc words (n2) are for the instructions after this one (erlc
	// merges their heap checks into it): they must still be free once the
	// bitstring is allocated, for native code writes there unchecked.
	p.ensureHeap(int(in.n2)+bitstringWords(total), int(in.n1))
	if t, ok := p.appendInPlace(spec, total); ok {
		p.store(&in.d, t)
		return pc + 1
	}
	nbytes := int((total + 7) / 8)
	bin, buf := term.AllocBinary(p.Heap, nbytes)
	w := bitWriter{b: buf}
	for i := range spec.segs {
		seg := &spec.segs[i]
		var v term.Term
		if seg.typ != segString {
			v = p.load(&seg.val)
		}
		if !p.putSegment(&w, seg, v) {
			return p.bsCreateFailed(in, pc, seg, v, bsNoFloat)
		}
	}
	if total%8 != 0 {
		if r := total % 8; r != 0 {
			buf[len(buf)-1] &^= 0xff >> r // clear the padding bits
		}
		bin = term.NewSubBinary(p.Heap, bin, 0, total)
	}
	p.store(&in.d, bin)
	return pc + 1
}

// bitstringWords is the heap need of a new bitstring of bits bits: the
// binary, and a sub-binary over it when bits is not whole bytes.
func bitstringWords(bits uint) int {
	n := term.BinaryWords(int((bits + 7) / 8))
	if bits%8 != 0 {
		n += term.SubBinWords
	}
	return n
}

// ensureHeap makes sure need words fit in the young generation,
// collecting with live x registers otherwise (even when torture mode
// would skip the collection).
func (p *Process) ensureHeap(need, live int) {
	if p.Heap.HasRoom(need) {
		return
	}
	p.gc(need, live, nil)
	if !p.Heap.Fits(need) {
		p.Heap.Collect(need, p.roots(live, nil))
	}
}

// appendBuf is the buffer a process appends to in place: the binary
// <<Acc/binary, ...>> of a loop keeps its bytes in a Go slice with spare
// capacity, and the next append writes after them instead of copying
// everything (the BEAM's writable binaries). Only the binary that ends
// at len(buf) may grow in place: every other binary sharing the buffer
// is shorter, so the bytes it shows never change.
type appendBuf struct {
	buf []byte // len = bytes in use by the longest binary
}

// appendInPlace builds a binary whose first segment appends to a
// byte-aligned binary, reusing the process's append buffer when that
// binary is the buffer's latest. It reports false when the general path
// must run.
func (p *Process) appendInPlace(spec *bsCreate, total uint) (term.Term, bool) {
	first := &spec.segs[0]
	if (first.typ != segAppend && first.typ != segPrivateAppend) || total%8 != 0 {
		return 0, false
	}
	nbytes := int(total / 8)
	if nbytes <= term.HeapBinLimit {
		return 0, false
	}
	acc := p.load(&first.val)
	if acc.BitSize()%8 != 0 {
		return 0, false
	}
	old := int(acc.BitSize() / 8)
	p.growAppendBuf(acc, nbytes)
	ab := &p.appendBuf
	w := bitWriter{b: ab.buf, pos: uint(old) * 8}
	for i := 1; i < len(spec.segs); i++ {
		seg := &spec.segs[i]
		var v term.Term
		if seg.typ != segString {
			v = p.load(&seg.val)
		}
		p.putSegment(&w, seg, v)
	}
	return term.NewRefcBinary(p.Heap, ab.buf), true
}

// growAppendBuf makes the process's append buffer hold the bytes of acc
// (a byte-aligned bitstring) followed by zeros up to nbytes: in place when
// acc is the buffer's latest binary, which a loop appending to its
// accumulator makes the common case, by a copy otherwise.
func (p *Process) growAppendBuf(acc term.Term, nbytes int) {
	old := int(acc.BitSize() / 8)
	ab := &p.appendBuf
	inPlace := acc.Is(term.SubRefcBin) && old > 0 && len(ab.buf) == old &&
		cap(ab.buf) >= nbytes && &acc.BitstringBits().Data[0] == &ab.buf[0]
	if !inPlace {
		buf := make([]byte, old, max(2*nbytes, 256))
		b := acc.BitstringBits()
		term.CopyBits(buf, 0, b.Data, b.Offset, uint(old)*8)
		ab.buf = buf
	}
	ab.buf = ab.buf[:nbytes]
	clear(ab.buf[old:])
}

// putSegment writes one segment (its size already checked by segBits).
func (p *Process) putSegment(w *bitWriter, seg *bsSeg, v term.Term) bool {
	switch seg.typ {
	case segString:
		w.putBits(seg.str, 0, uint(len(seg.str))*8)
	case segInteger:
		n, _ := p.segBits(seg, v)
		w.putInteger(v, n, seg.flags)
	case segFloat:
		n, _ := p.segBits(seg, v)
		f, ok := v.ToFloat()
		if !ok {
			return false
		}
		var bits uint64
		switch n {
		case 64:
			bits = math.Float64bits(f)
		case 32:
			// Rounded to nearest, too large becomes infinity, as OTP 25's
			// C cast does (no badarg).
			bits = uint64(math.Float32bits(float32(f)))
		case 16:
			bits = uint64(toHalf(f))
		}
		if isLittle(seg.flags) {
			w.putLittle(bits, n)
		} else {
			w.putUint(bits, n)
		}
	case segBinary, segAppend, segPrivateAppend:
		n, _ := p.segBits(seg, v)
		b := v.BitstringBits()
		w.putBits(b.Data, b.Offset, n)
	case segUtf8:
		var buf [4]byte
		c := rune(v.SmallValue())
		k := encodeUTF8(buf[:], c)
		w.putBits(buf[:k], 0, uint(k)*8)
	case segUtf16:
		c := v.SmallValue()
		put := func(u uint64) {
			if isLittle(seg.flags) {
				w.putLittle(u, 16)
			} else {
				w.putUint(u, 16)
			}
		}
		if c >= 0x10000 {
			c -= 0x10000
			put(uint64(0xD800 + c>>10))
			put(uint64(0xDC00 + c&0x3FF))
		} else {
			put(uint64(c))
		}
	case segUtf32:
		if isLittle(seg.flags) {
			w.putLittle(uint64(v.SmallValue()), 32)
		} else {
			w.putUint(uint64(v.SmallValue()), 32)
		}
	}
	return true
}

func encodeUTF8(b []byte, c rune) int {
	switch {
	case c < 0x80:
		b[0] = byte(c)
		return 1
	case c < 0x800:
		b[0] = 0xC0 | byte(c>>6)
		b[1] = 0x80 | byte(c)&0x3F
		return 2
	case c < 0x10000:
		b[0] = 0xE0 | byte(c>>12)
		b[1] = 0x80 | byte(c>>6)&0x3F
		b[2] = 0x80 | byte(c)&0x3F
		return 3
	}
	b[0] = 0xF0 | byte(c>>18)
	b[1] = 0x80 | byte(c>>12)&0x3F
	b[2] = 0x80 | byte(c>>6)&0x3F
	b[3] = 0x80 | byte(c)&0x3F
	return 4
}
