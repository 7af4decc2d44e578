package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
)

// Integer fields of a binary match, read in line: up to 56 bits (any
// such value, signed or not, is a small integer), at any bit position,
// big-endian, or little-endian when whole bytes (a little-endian field of
// 12 bits has an odd byte order that is the step's).

// maxInlineInt is the widest integer read in line.
const maxInlineInt = 56

// inlineInt reports whether an n-bit integer with flags f is read in
// line.
func inlineInt(n int64, f emu.SegmentFlags) bool {
	return n >= 1 && n <= maxInlineInt && (n%8 == 0 || !f.Little)
}

// readInt puts in rAX, as a small integer, the n-bit field at the
// position rPos of the data at rSI. Clobbers rCX, rDI and rTmp.
func (l *lowerer) readInt(n int64, f emu.SegmentFlags) {
	if n%8 != 0 {
		l.readBits(n, f)
		return
	}
	// Whole bytes: a plain load when the position is byte-aligned.
	unaligned, back := l.newLabel(), l.newLabel()
	l.op2(x86.ATESTQ, imm(7), reg(rPos))
	l.jmp(x86.AJNE, unaligned)
	l.stubAt(unaligned, func() {
		l.readBits(n, f)
		l.jmp(obj.AJMP, back)
	})
	l.readBytes(n, f)
	l.bind(back)
}

// readBytes reads n/8 whole bytes at the byte-aligned position.
func (l *lowerer) readBytes(n int64, f emu.SegmentFlags) {
	l.op2(x86.AMOVQ, reg(rPos), reg(rCX))
	l.op2(x86.ASHRQ, imm(3), reg(rCX))
	l.op2(x86.AADDQ, reg(rSI), reg(rCX))
	switch k := n / 8; k {
	case 1:
		l.op2(x86.AMOVBQZX, mem(rCX, 0), reg(rAX))
	case 2:
		l.op2(x86.AMOVWQZX, mem(rCX, 0), reg(rAX))
		if !f.Little {
			l.op2(x86.AROLW, imm(8), reg(rAX))
		}
	case 4:
		l.op2(x86.AMOVL, mem(rCX, 0), reg(rAX))
		if !f.Little {
			l.op1(x86.ABSWAPL, reg(rAX))
		}
	default:
		// Byte by byte, most significant first.
		l.op2(x86.AXORL, reg(rAX), reg(rAX))
		for i := int64(0); i < k; i++ {
			b := i
			if f.Little {
				b = k - 1 - i
			}
			l.op2(x86.ASHLQ, imm(8), reg(rAX))
			l.op2(x86.AMOVBQZX, mem(rCX, b), reg(rDI))
			l.op2(x86.AORQ, reg(rDI), reg(rAX))
		}
	}
	if f.Signed {
		l.op2(x86.ASHLQ, imm(64-n), reg(rAX))
		l.op2(x86.ASARQ, imm(64-n), reg(rAX))
	}
	l.tagSmall(rAX)
}

// readBits reads the field at any bit position: the k bytes it surely
// spans (and the one after when its start needs it: never a byte past
// the field) go to the top of rAX, which shifts left by the position's
// bit offset, then right to the field's width.
func (l *lowerer) readBits(n int64, f emu.SegmentFlags) {
	k := (n + 7) / 8
	l.op2(x86.AMOVQ, reg(rPos), reg(rDI))
	l.op2(x86.ASHRQ, imm(3), reg(rDI))
	l.op2(x86.AADDQ, reg(rSI), reg(rDI))
	l.op2(x86.AXORL, reg(rAX), reg(rAX))
	for i := int64(0); i < k; i++ {
		l.op2(x86.ASHLQ, imm(8), reg(rAX))
		l.op2(x86.AMOVBQZX, mem(rDI, i), reg(rTmp))
		l.op2(x86.AORQ, reg(rTmp), reg(rAX))
	}
	l.op2(x86.ASHLQ, imm(64-8*k), reg(rAX))
	l.op2(x86.AMOVL, reg(rPos), reg(rCX))
	l.op2(x86.AANDL, imm(7), reg(rCX))
	if slack := 8*k - n; slack < 7 {
		// The field reaches into byte k when its offset exceeds the slack.
		within := l.newLabel()
		l.op2(x86.ACMPL, reg(rCX), imm(slack))
		l.jmp(x86.AJLE, within)
		l.op2(x86.AMOVBQZX, mem(rDI, k), reg(rTmp))
		l.op2(x86.ASHLQ, imm(64-8*k-8), reg(rTmp))
		l.op2(x86.AORQ, reg(rTmp), reg(rAX))
		l.bind(within)
	}
	l.op2(x86.ASHLQ, reg(rCX), reg(rAX)) // the field now starts at bit 63
	if f.Little {
		l.op1(x86.ABSWAPQ, reg(rAX)) // its bytes reversed, at the bottom
		l.op2(x86.ASHLQ, imm(64-n), reg(rAX))
	}
	shift := obj.As(x86.ASHRQ)
	if f.Signed {
		shift = x86.ASARQ
	}
	l.op2(shift, imm(64-n), reg(rAX))
	l.tagSmall(rAX)
}

// utf8 lowers bs_get_utf8 Fail Ctx Live Flags Dst and bs_skip_utf8 Fail
// Ctx Live Flags: an ASCII byte in line, anything longer (or invalid) is
// the step's.
func (l *lowerer) utf8(in beam.Instr) {
	a := in.Args
	l.withSlowPath(in, func(slow *label) {
		l.loadMatch(a[1])
		l.jumpIfFewer(8, l.failLabel(a[0]))
		l.dataAddr(rSI)
		l.readInt(8, emu.SegmentFlags{})
		l.cmpImm(rAX, abi.Small(0x80))
		l.jmp(x86.AJCC, slow) // unsigned: tagged words order as their values
		if in.Op == beam.OpBsGetUtf8 {
			l.store(rAX, a[4])
		}
		l.op2(x86.AADDQ, imm(8), reg(rPos))
		l.op2(x86.AMOVQ, reg(rPos), ctxWord(abi.CtxPositionWord))
	})
}
