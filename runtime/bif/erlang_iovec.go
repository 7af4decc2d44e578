package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// iolist_to_iovec/1 follows OTP's erts iol2v algorithm exactly, since
// the shape of its result is visible: bytes and small binaries are
// gathered into accumulated binaries of at least erlIovecSmall bytes, and
// large binaries are passed on as they are.

// erlIovecSmall is OTP's IOL2V_SMALL_BIN_LIMIT (4 * ERL_ONHEAP_BIN_LIMIT).
const erlIovecSmall = 256

type erlIovec struct {
	p   *emu.Process
	acc []byte
	out []term.Term
}

func erlIolistToIovec(p *emu.Process, args []term.Term) term.Term {
	v := erlIovec{p: p}
	if !v.walk(args[0]) {
		return p.Badarg()
	}
	v.promote()
	return term.ListFrom(p.Heap, v.out)
}

// promote emits the accumulated bytes as one binary.
func (v *erlIovec) promote() {
	if len(v.acc) > 0 {
		v.out = append(v.out, term.NewBinary(v.p.Heap, v.acc))
		v.acc = nil
	}
}

func (v *erlIovec) binary(t term.Term) bool {
	data, ok := t.BinaryBytes()
	if !ok {
		return false
	}
	size := len(data)
	if size == 0 {
		return true
	}
	accSmall, binSmall := len(v.acc) < erlIovecSmall, size < erlIovecSmall
	switch {
	case !binSmall && (len(v.acc) == 0 || !accSmall):
		v.promote()
		v.out = append(v.out, t)
	case binSmall || len(v.acc)+size < 2*erlIovecSmall:
		v.acc = append(v.acc, data...)
	default:
		// Top the accumulator up to the limit and pass the rest of the
		// binary on as a sub-binary.
		spill := erlIovecSmall - len(v.acc)
		v.acc = append(v.acc, data[:spill]...)
		v.promote()
		v.out = append(v.out, term.SliceBits(v.p.Heap, t, uint(spill)*8, uint(size-spill)*8))
	}
	return true
}

// walk visits iolist t in order, as erlBitBuf.appendIolist does.
func (v *erlIovec) walk(t term.Term) bool {
	var pending []term.Term
	for {
		switch {
		case t.IsCons():
			h := t.Head()
			switch {
			case h.IsSmall():
				c := h.SmallValue()
				if c < 0 || c > 0xFF {
					return false
				}
				v.acc = append(v.acc, byte(c))
			case h.IsCons():
				pending = append(pending, t.Tail())
				t = h
				continue
			case h == term.Nil:
			case h.IsBitstring():
				if !v.binary(h) {
					return false
				}
			default:
				return false
			}
			t = t.Tail()
			continue
		case t == term.Nil:
		case t.IsBitstring():
			if !v.binary(t) {
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
