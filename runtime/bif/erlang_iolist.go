package bif

import "github.com/beamrc/beamrc/runtime/term"

// Iolists: deep lists of bytes (0..255) and binaries, where a binary may
// also stand as the tail of any list. Bitstring lists (list_to_bitstring/1)
// allow bitstrings that are not whole bytes too.

// erlBitBuf accumulates bits; when count is set it only counts them.
type erlBitBuf struct {
	data  []byte
	bits  uint
	count bool
}

func (b *erlBitBuf) appendByte(c byte) {
	switch {
	case b.count:
	case b.bits%8 == 0:
		b.data = append(b.data, c)
	default:
		b.appendBits(term.Bits{Data: []byte{c}, Size: 8})
		return
	}
	b.bits += 8
}

func (b *erlBitBuf) appendBits(src term.Bits) {
	if b.count {
		b.bits += src.Size
		return
	}
	if b.bits%8 == 0 && src.ByteAligned() {
		b.data = append(b.data, src.Bytes()...)
		b.bits += src.Size
		return
	}
	need := int((b.bits + src.Size + 7) / 8)
	for len(b.data) < need {
		b.data = append(b.data, 0)
	}
	term.CopyBits(b.data, b.bits, src.Data, src.Offset, src.Size)
	b.bits += src.Size
}

// appendIolist appends the contents of iolist (or binary) t, reporting
// false if t is not one. allowBits admits bitstrings that are not whole
// bytes. Nesting is followed with an explicit stack, so deep lists cannot
// exhaust the Go stack.
func (b *erlBitBuf) appendIolist(t term.Term, allowBits bool) bool {
	var pending []term.Term // tails to resume after a nested list
	for {
		switch {
		case t.IsCons():
			h := t.Head()
			switch {
			case h.IsSmall():
				v := h.SmallValue()
				if v < 0 || v > 0xFF {
					return false
				}
				b.appendByte(byte(v))
			case h.IsCons():
				pending = append(pending, t.Tail())
				t = h
				continue
			case h == term.Nil:
			case h.IsBitstring():
				if !b.appendBinary(h, allowBits) {
					return false
				}
			default:
				return false
			}
			t = t.Tail()
			continue
		case t == term.Nil:
		case t.IsBitstring():
			if !b.appendBinary(t, allowBits) {
				return false
			}
		default:
			return false
		}
		if len(pending) == 0 {
			return true
		}
		t = pending[len(pending)-1]
		pending = pending[:len(pending)-1]
	}
}

func (b *erlBitBuf) appendBinary(t term.Term, allowBits bool) bool {
	bits := t.BitstringBits()
	if !allowBits && bits.Size%8 != 0 {
		return false
	}
	b.appendBits(bits)
	return true
}

// erlIolistBytes returns the bytes of iolist or binary t.
func erlIolistBytes(t term.Term) ([]byte, bool) {
	var b erlBitBuf
	if !b.appendIolist(t, false) {
		return nil, false
	}
	return b.data, true
}
