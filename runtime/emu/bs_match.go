package emu

import (
	"fmt"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/term"
)

// Binary matching works on a match context (term.SubMatchCtx):
//
//	[hdr, original binary, start bit, end bit, position bit]
//
// with absolute bit offsets into the original's bytes.

type matchCtx struct{ t term.Term }

func (c matchCtx) orig() term.Term { return c.t.Word(term.CtxOrigWord) }
func (c matchCtx) end() uint       { return uint(c.t.Word(term.CtxEndWord)) }
func (c matchCtx) pos() uint       { return uint(c.t.Word(term.CtxPositionWord)) }
func (c matchCtx) setPos(p uint)   { c.t.SetWord(term.CtxPositionWord, term.Term(p)) }
func (c matchCtx) left() uint      { return c.end() - c.pos() }
func (c matchCtx) reader() bitReader {
	return bitReader{b: c.orig().BitstringBits().Data}
}

// newMatchCtx starts matching bitstring b.
func newMatchCtx(a term.Allocator, b term.Term) term.Term {
	orig, off := b.BitstringBase()
	size := b.BitSize()
	w := a.Alloc(term.MatchCtxWords)
	w[0] = uint64(term.MakeHeader(term.SubMatchCtx, term.MatchCtxWords-1))
	w[1] = uint64(orig)
	w[2] = uint64(off)
	w[3] = uint64(off + size)
	w[4] = uint64(off)
	return term.Box(w)
}

// bsCmd is one command of bs_match.
type bsCmd struct {
	op    uint8
	flags uint8
	live  uint32
	bits  uint // ensure sizes, skip stride, =:= size
	size  uint // integer/binary: Size (times unit gives bits)
	unit  uint // unit
	dst   operand
	value term.Term // =:=
}

const (
	cmdEnsureAtLeast uint8 = iota
	cmdEnsureExactly
	cmdInteger
	cmdBinary
	cmdSkip
	cmdGetTail
	cmdEqual
)

var bsCmdArity = map[string]int{"ensure_at_least": 2, "ensure_exactly": 1, "integer": 5, "binary": 5,
	"skip": 1, "get_tail": 3, "=:=": 3}

// MatchCommandArity returns how many operands bs_match command name
// takes, for native code; ok is false for a command the runtime does not
// know.
func MatchCommandArity(name string) (n int, ok bool) {
	n, ok = bsCmdArity[name]
	return n, ok
}

// bsMatch decodes bs_match Fail Ctx {commands, [...]} (OTP 26).
func (t *translator) bsMatch(in beam.Instr) (instr, error) {
	a := in.Args
	fail, err := t.label(a[0])
	if err != nil {
		return instr{}, err
	}
	ctx, err := t.operand(a[1])
	if err != nil {
		return instr{}, err
	}
	l, err := t.list(a[2])
	if err != nil {
		return instr{}, err
	}
	var cmds []bsCmd
	for i := 0; i < len(l); {
		name := t.atomName(l[i])
		need, known := bsCmdArity[name]
		if !known {
			return instr{}, fmt.Errorf("bs_match: unknown command %q", name)
		}
		if i+1+need > len(l) {
			return instr{}, fmt.Errorf("bs_match: truncated command %q", name)
		}
		args := l[i+1 : i+1+need]
		var c bsCmd
		switch name {
		case "ensure_at_least":
			c = bsCmd{op: cmdEnsureAtLeast, bits: uint(args[0].Val), unit: uint(args[1].Val)}
		case "ensure_exactly":
			c = bsCmd{op: cmdEnsureExactly, bits: uint(args[0].Val)}
		case "integer", "binary":
			c = bsCmd{op: cmdInteger, live: uint32(args[0].Val), size: uint(args[2].Val), unit: uint(args[3].Val)}
			if name == "binary" {
				c.op = cmdBinary
			}
			if c.flags, err = t.segFlags(args[1]); err != nil {
				return instr{}, err
			}
			if c.dst, err = t.dest(args[4]); err != nil {
				return instr{}, err
			}
		case "skip":
			c = bsCmd{op: cmdSkip, bits: uint(args[0].Val)}
		case "get_tail":
			c = bsCmd{op: cmdGetTail, live: uint32(args[0].Val), unit: uint(args[1].Val)}
			if c.dst, err = t.dest(args[2]); err != nil {
				return instr{}, err
			}
		case "=:=":
			v, err := t.operand(args[2])
			if err != nil {
				return instr{}, err
			}
			c = bsCmd{op: cmdEqual, bits: uint(args[1].Val), value: v.t}
		}
		cmds = append(cmds, c)
		i += 1 + need
	}
	return instr{op: iBsMatch, fail: fail, a: ctx, aux: cmds}, nil
}

// bsMatch runs bs_match's commands; the ensure commands come first, so
// the reads after them need no checks of their own.
func (p *Process) bsMatch(in *instr, pc int) int {
	c := matchCtx{p.load(&in.a)}
	cmds := in.aux.([]bsCmd)
	for i := range cmds {
		cmd := &cmds[i]
		switch cmd.op {
		case cmdEnsureAtLeast:
			left := c.left()
			if left < cmd.bits || (cmd.unit > 1 && (left-cmd.bits)%cmd.unit != 0) {
				return int(in.fail)
			}
		case cmdEnsureExactly:
			if c.left() != cmd.bits {
				return int(in.fail)
			}
		case cmdInteger:
			n := cmd.size * cmd.unit
			if c.left() < n {
				return int(in.fail)
			}
			v := c.reader().integer(p.Heap, c.pos(), n, cmd.flags)
			c.setPos(c.pos() + n)
			p.store(&cmd.dst, v)
		case cmdBinary:
			n := cmd.size * cmd.unit
			if c.left() < n {
				return int(in.fail)
			}
			v := term.SliceBits(p.Heap, c.orig(), c.pos(), n)
			c.setPos(c.pos() + n)
			p.store(&cmd.dst, v)
		case cmdSkip:
			if c.left() < cmd.bits {
				return int(in.fail)
			}
			c.setPos(c.pos() + cmd.bits)
		case cmdGetTail:
			v := term.SliceBits(p.Heap, c.orig(), c.pos(), c.left())
			c.setPos(c.end())
			p.store(&cmd.dst, v)
		case cmdEqual:
			if c.left() < cmd.bits {
				return int(in.fail)
			}
			got := c.reader().integer(p.Heap, c.pos(), cmd.bits, 0)
			if !eqExact(got, cmd.value) {
				return int(in.fail)
			}
			c.setPos(c.pos() + cmd.bits)
		}
	}
	return pc + 1
}

// sizeBits reads a bit-syntax size operand times unit; all means what is
// left. ok is false for a bad size.
func (p *Process) sizeBits(o *operand, unit int32, left uint) (uint, bool) {
	v := p.load(o)
	if v == atomAll {
		if unit > 1 && left%uint(unit) != 0 {
			return 0, false
		}
		return left, true
	}
	if !v.IsSmall() || v.SmallValue() < 0 {
		return 0, false
	}
	return uint(v.SmallValue()) * uint(unit), true
}

// bsMatchOp executes the pre-OTP 26 matching instructions.
func (p *Process) bsMatchOp(in *instr, pc int) int {
	fail := func() int {
		if in.fail != 0 {
			return int(in.fail)
		}
		return p.raiseAt(pc, ClassError, term.Badarg)
	}
	if in.op == iBsStartMatch {
		src := p.load(&in.a)
		if src.IsMatchCtx() {
			p.store(&in.b, src)
			return pc + 1
		}
		if !src.IsBitstring() {
			return fail()
		}
		if !p.Heap.HasRoom(term.MatchCtxWords) {
			p.bifArgs[0] = src
			p.gc(term.MatchCtxWords, int(in.n1), p.bifArgs[:1])
			src = p.bifArgs[0]
		}
		p.store(&in.b, newMatchCtx(p.Heap, src))
		return pc + 1
	}
	c := matchCtx{p.load(&in.a)}
	r := c.reader()
	flags := uint8(in.c.n)
	switch in.op {
	case iBsGetInteger:
		n, ok := p.sizeBits(&in.b, in.n2, c.left())
		if !ok || c.left() < n {
			return int(in.fail)
		}
		v := r.integer(p.Heap, c.pos(), n, flags)
		c.setPos(c.pos() + n)
		p.store(&in.d, v)
	case iBsGetFloat:
		n, ok := p.sizeBits(&in.b, in.n2, c.left())
		if !ok || c.left() < n {
			return int(in.fail)
		}
		f, ok := r.float(c.pos(), n, flags)
		if !ok {
			return int(in.fail)
		}
		c.setPos(c.pos() + n)
		p.store(&in.d, term.NewFloat(p.Heap, f))
	case iBsGetBinary:
		n, ok := p.sizeBits(&in.b, in.n2, c.left())
		if !ok || c.left() < n {
			return int(in.fail)
		}
		v := term.SliceBits(p.Heap, c.orig(), c.pos(), n)
		c.setPos(c.pos() + n)
		p.store(&in.d, v)
	case iBsSkipBits:
		n, ok := p.sizeBits(&in.b, in.n2, c.left())
		if !ok || c.left() < n {
			return int(in.fail)
		}
		c.setPos(c.pos() + n)
	case iBsTestTail:
		if c.left() != uint(in.n2) {
			return int(in.fail)
		}
	case iBsTestUnit:
		if in.n2 > 1 && c.left()%uint(in.n2) != 0 {
			return int(in.fail)
		}
	case iBsMatchString:
		n := uint(in.n2)
		if c.left() < n {
			return int(in.fail)
		}
		want := in.aux.([]byte)
		for i := uint(0); i < n; {
			k := min(n-i, 64)
			if r.uint(c.pos()+i, k) != (bitReader{b: want}).uint(i, k) {
				return int(in.fail)
			}
			i += k
		}
		c.setPos(c.pos() + n)
	case iBsGetUtf8, iBsSkipUtf8:
		ch, n, ok := r.getUTF8(c.pos(), c.left())
		if !ok {
			return int(in.fail)
		}
		c.setPos(c.pos() + n)
		if in.op == iBsGetUtf8 {
			p.store(&in.d, term.MakeSmall(int64(ch)))
		}
	case iBsGetUtf16, iBsSkipUtf16:
		ch, n, ok := r.getUTF16(c.pos(), c.left(), flags)
		if !ok {
			return int(in.fail)
		}
		c.setPos(c.pos() + n)
		if in.op == iBsGetUtf16 {
			p.store(&in.d, term.MakeSmall(int64(ch)))
		}
	case iBsGetUtf32, iBsSkipUtf32:
		ch, n, ok := r.getUTF32(c.pos(), c.left(), flags)
		if !ok {
			return int(in.fail)
		}
		c.setPos(c.pos() + n)
		if in.op == iBsGetUtf32 {
			p.store(&in.d, term.MakeSmall(int64(ch)))
		}
	case iBsGetTail:
		v := term.SliceBits(p.Heap, c.orig(), c.pos(), c.left())
		p.store(&in.b, v)
	case iBsGetPosition:
		p.store(&in.b, term.MakeSmall(int64(c.pos())))
	case iBsSetPosition:
		c.setPos(uint(p.load(&in.b).SmallValue()))
	}
	return pc + 1
}
