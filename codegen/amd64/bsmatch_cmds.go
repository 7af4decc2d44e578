package amd64

import (
	"math"

	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
)

// maxInlineString is the longest bs_match_string compared in line, in
// bytes.
const maxInlineString = 32

// testUnit: bs_test_unit Fail Ctx Unit, in line for a power of two.
func (l *lowerer) testUnit(in beam.Instr) {
	a := in.Args
	u := a[2].Val
	if !powerOfTwo(u) {
		l.step(in)
		return
	}
	if u == 1 {
		return
	}
	l.loadMatch(a[1])
	l.left(rCX)
	l.op2(x86.ATESTQ, imm(u-1), reg(rCX))
	l.jmp(x86.AJNE, l.failLabel(a[0]))
}

// powerOfTwo reports whether unit u is a power of two that fits an
// immediate.
func powerOfTwo(u int64) bool { return u >= 1 && u <= math.MaxInt32 && u&(u-1) == 0 }

// matchString: bs_match_string Fail Ctx Bits Offset, in line for whole
// bytes at a byte-aligned position.
func (l *lowerer) matchString(in beam.Instr) {
	a := in.Args
	bits, off := a[2].Val, a[3].Val
	if bits%8 != 0 || bits/8 > maxInlineString || off < 0 || off+bits/8 > int64(len(l.bm.Strings)) {
		l.step(in)
		return
	}
	want := l.bm.Strings[off : off+bits/8]
	fail := l.failLabel(a[0])
	l.withSlowPath(in, func(slow *label) {
		l.loadMatch(a[1])
		l.jumpIfFewer(bits, fail)
		l.op2(x86.ATESTQ, imm(7), reg(rPos))
		l.jmp(x86.AJNE, slow)
		l.dataAddr(rSI)
		l.op2(x86.AMOVQ, reg(rPos), reg(rCX))
		l.op2(x86.ASHRQ, imm(3), reg(rCX))
		l.op2(x86.AADDQ, reg(rSI), reg(rCX))
		for i, b := range want {
			l.op2(x86.ACMPB, mem(rCX, int64(i)), imm(int64(b)))
			l.jmp(x86.AJNE, fail)
		}
		l.op2(x86.AADDQ, imm(bits), reg(rPos))
		l.op2(x86.AMOVQ, reg(rPos), ctxWord(abi.CtxPositionWord))
	})
}

// matchCmd is one bs_match command native code runs in line.
type matchCmd struct {
	name  string
	bits  int64 // ensure_*, skip, =:=: the size; integer, binary: Size * Unit
	unit  int64 // ensure_at_least
	flags emu.SegmentFlags
	dst   beam.Operand
	value uint64 // =:=: the small integer compared with
}

// matchCmds decodes bs_match's commands; ok is false when one of them
// has no fast path (the whole instruction is stepped then).
func (l *lowerer) matchCmds(in beam.Instr) ([]matchCmd, bool) {
	ctxOp, list := in.Args[1], in.Args[2].List
	var cmds []matchCmd
	for i := 0; i < len(list); {
		if list[i].Kind != beam.KindAtom {
			return nil, false
		}
		name := l.bm.Atom(int(list[i].Val))
		n, known := emu.MatchCommandArity(name)
		if !known || i+1+n > len(list) {
			return nil, false
		}
		c, ok := l.matchCmd(name, list[i+1:i+1+n])
		if !ok || c.bits > math.MaxInt32 {
			return nil, false // sizes are 32-bit immediates in line
		}
		if c.dst.Kind == ctxOp.Kind && c.dst.Val == ctxOp.Val && isTermReg(c.dst) {
			return nil, false // a result the step would read as the context
		}
		cmds = append(cmds, c)
		i += 1 + n
	}
	return cmds, true
}

func (l *lowerer) matchCmd(name string, args []beam.Operand) (matchCmd, bool) {
	c := matchCmd{name: name}
	switch name {
	case "ensure_at_least":
		c.bits, c.unit = args[0].Val, args[1].Val
		return c, c.bits >= 0 && powerOfTwo(c.unit)
	case "ensure_exactly", "skip":
		c.bits = args[0].Val
		return c, c.bits >= 0
	case "integer", "binary":
		n, ok := l.constBits(args[2], args[3])
		f, err := emu.MatchFlags(l.bm, args[1])
		c.bits, c.flags, c.dst = n, f, args[4]
		if name == "integer" {
			ok = ok && inlineInt(n, f)
		}
		return c, ok && err == nil && isTermReg(c.dst)
	case "get_tail":
		c.dst = args[2]
		return c, isTermReg(c.dst)
	case "=:=":
		c.bits = args[1].Val
		v, ok := l.smallConst(args[2])
		c.value = abi.Small(v)
		return c, ok && v >= 0 && inlineInt(c.bits, c.flags)
	}
	return c, false
}

// matchRun is the state of a bs_match being lowered: what is known
// about the position held in rPos at the current command.
type matchRun struct {
	fail, slow *label
	moved      bool  // rPos is ahead of the context's position
	known      int64 // bits known to be left
	data       bool  // rSI holds the data address
}

// bsMatch: bs_match Fail Ctx Commands. The position stays in rPos and
// is written back at the end, or when a command fails (as the
// interpreter leaves it), never before the slow path.
func (l *lowerer) bsMatch(in beam.Instr) {
	cmds, ok := l.matchCmds(in)
	if !ok {
		l.step(in)
		return
	}
	fail := l.failLabel(in.Args[0])
	l.withSlowPath(in, func(slow *label) {
		l.loadMatch(in.Args[1])
		r := &matchRun{fail: fail, slow: slow}
		for _, c := range cmds {
			l.matchCommand(r, c)
		}
		if r.moved {
			l.op2(x86.AMOVQ, reg(rPos), ctxWord(abi.CtxPositionWord))
		}
	})
}

// failTarget is where a failing command goes: the fail label, through a
// stub that writes the position back once it moved.
func (l *lowerer) failTarget(r *matchRun) *label {
	if !r.moved {
		return r.fail
	}
	fail := r.fail
	return l.stub(func() {
		l.op2(x86.AMOVQ, reg(rPos), ctxWord(abi.CtxPositionWord))
		l.jmp(obj.AJMP, fail)
	})
}

func (l *lowerer) matchCommand(r *matchRun, c matchCmd) {
	switch c.name {
	case "ensure_at_least":
		l.left(rCX)
		l.cmpImm(rCX, uint64(c.bits))
		l.jmp(x86.AJCS, l.failTarget(r))
		if c.unit > 1 {
			l.op2(x86.ASUBQ, imm(c.bits), reg(rCX))
			l.op2(x86.ATESTQ, imm(c.unit-1), reg(rCX))
			l.jmp(x86.AJNE, l.failTarget(r))
		}
		r.known = c.bits
	case "ensure_exactly":
		l.left(rCX)
		l.cmpImm(rCX, uint64(c.bits))
		l.jmp(x86.AJNE, l.failTarget(r))
		r.known = c.bits
	case "skip":
		l.consume(r, c.bits)
		l.advance(r, c.bits)
	case "integer", "=:=":
		l.consume(r, c.bits)
		l.readField(r, c)
		if c.name == "=:=" {
			l.cmpImm(rAX, c.value)
			l.jmp(x86.AJNE, l.failTarget(r))
		} else {
			l.store(rAX, c.dst)
		}
		l.advance(r, c.bits)
	case "binary":
		l.consume(r, c.bits)
		l.op2(x86.AMOVQ, imm(c.bits), reg(rCX))
		l.slice(r.slow)
		l.store(rAX, c.dst)
		l.advance(r, c.bits)
	case "get_tail":
		l.left(rCX)
		l.slice(r.slow)
		l.store(rAX, c.dst)
		l.op2(x86.AMOVQ, ctxWord(abi.CtxEndWord), reg(rPos))
		r.moved, r.known = true, 0
	}
}

// consume checks that n more bits are left, unless an ensure command
// said so already.
func (l *lowerer) consume(r *matchRun, n int64) {
	if r.known >= n {
		r.known -= n
		return
	}
	l.jumpIfFewer(n, l.failTarget(r))
	r.known = 0
}

func (l *lowerer) advance(r *matchRun, n int64) {
	if n == 0 {
		return
	}
	l.op2(x86.AADDQ, imm(n), reg(rPos))
	r.moved = true
}

// readField reads integer command c into rAX.
func (l *lowerer) readField(r *matchRun, c matchCmd) {
	if !r.data {
		l.dataAddr(rSI)
		r.data = true
	}
	l.readInt(c.bits, c.flags)
}
