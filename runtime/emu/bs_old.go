package emu

import (
	"github.com/beamrc/beamrc/runtime/term"
)

// Binary construction as compilers before OTP 25 emit it: bs_init2 (or
// bs_append/bs_private_append) allocates the binary, then bs_put_*
// instructions fill it in order. The bytes being filled are p.bsBuf; no
// collection can happen between the allocation and the last put.
//
// bs_init2's Words and bs_append's Extra are heap words the instructions
// after the construction use without a check (a put_tuple2 of the
// result): they must still be free once the binary is allocated, as
// native code writes there unchecked after stepping the instruction.

func (p *Process) bsOldConstruct(in *instr, pc int) int {
	failWith := func(reason term.Term) int {
		if in.fail != 0 {
			return int(in.fail)
		}
		return p.raiseAt(pc, ClassError, reason)
	}
	fail := func() int { return failWith(term.Badarg) }
	switch in.op {
	case iBsInit:
		if in.n1 < 0 { // bs_init_writable: x0 is the size; result in x0
			p.x[0] = p.newBuildBinary(0, 0)
			return pc + 1
		}
		v := p.load(&in.a)
		if !v.IsSmall() || v.SmallValue() < 0 {
			return failWith(sizeError(v))
		}
		bits := uint(v.SmallValue()) * uint(in.n2)
		p.ensureHeap(int(in.c.n)+bitstringWords(bits), int(in.n1))
		p.store(&in.d, p.newBuildBinary(bits, 0))
	case iBsPut:
		seg := in.aux.(*bsSeg)
		var v term.Term
		if seg.typ != segString {
			v = p.load(&seg.val)
		}
		// OTP 25 gives these no error_info: only bs_create_bin has one.
		n, f := p.segBits(seg, v)
		if f == bsBadSize {
			return failWith(sizeReason(p.load(&seg.size)))
		}
		if f != bsOK || p.bsBuf.pos+n > uint(len(p.bsBuf.b))*8 || !p.putSegment(&p.bsBuf, seg, v) {
			return fail()
		}
	case iBsAdd:
		a, b := p.load(&in.a), p.load(&in.b)
		if !a.IsSmall() || !b.IsSmall() || a.SmallValue() < 0 || b.SmallValue() < 0 {
			if nonNegative(a) && nonNegative(b) {
				return failWith(term.SystemLimit) // a size too large to be a size
			}
			return fail()
		}
		sum := a.SmallValue() + b.SmallValue()*int64(in.n2)
		if !term.FitsSmall(sum) || b.SmallValue() > term.MaxSmall/max(int64(in.n2), 1) {
			return failWith(term.SystemLimit)
		}
		p.store(&in.d, term.MakeSmall(sum))
	case iBsUtfSize:
		v := p.load(&in.a)
		if !v.IsSmall() || utf8Len(v.SmallValue()) == 0 {
			return fail()
		}
		n := utf8Len(v.SmallValue())
		if in.n2 == 16 {
			n = 2
			if v.SmallValue() >= 0x10000 {
				n = 4
			}
		}
		p.store(&in.d, term.MakeSmall(int64(n)))
	case iBsAppend, iBsPrivateAppend:
		extra := p.load(&in.a)
		bin := p.load(&in.b)
		if !extra.IsSmall() || extra.SmallValue() < 0 || !bin.IsBitstring() {
			return fail()
		}
		old := bin.BitSize()
		if in.n2 > 1 && old%uint(in.n2) != 0 {
			return fail()
		}
		add := uint(extra.SmallValue())
		if in.op == iBsAppend { // bs_private_append has no live count: it cannot collect
			p.ensureHeap(int(in.c.n)+bitstringWords(old+add), int(in.n1))
			bin = p.load(&in.b) // the collection may have moved it
		}
		if total := old + add; total%8 == 0 && old%8 == 0 && total/8 > term.HeapBinLimit {
			// The bs_put instructions after this one fill the new bytes
			// in the process's append buffer: a loop appending to its
			// accumulator costs its new bytes, not a copy of the old.
			p.growAppendBuf(bin, int(total/8))
			p.bsBuf = bitWriter{b: p.appendBuf.buf, pos: old}
			p.store(&in.d, term.NewRefcBinary(p.Heap, p.appendBuf.buf))
			break
		}
		b := bin.BitstringBits()
		t := p.newBuildBinary(old+add, 0)
		term.CopyBits(p.bsBuf.b, 0, b.Data, b.Offset, old)
		p.bsBuf.pos = old
		p.store(&in.d, t)
	}
	return pc + 1
}

// newBuildBinary allocates a bitstring of bits bits to be filled by
// bs_put instructions.
func (p *Process) newBuildBinary(bits uint, _ int) term.Term {
	nbytes := int((bits + 7) / 8)
	bin, buf := term.AllocBinary(p.Heap, nbytes)
	clear(buf)
	p.bsBuf = bitWriter{b: buf}
	if bits%8 != 0 {
		return term.NewSubBinary(p.Heap, bin, 0, bits)
	}
	return bin
}

// nonNegative reports a non-negative integer, small or big.
func nonNegative(t term.Term) bool {
	return t.IsSmall() && t.SmallValue() >= 0 || t.IsBig() && !t.BigNegative()
}
