package amd64

import (
	"fmt"

	"github.com/twitchyliquid64/golang-asm/asm/arch"
	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"
	"github.com/twitchyliquid64/golang-asm/objabi"

	"github.com/beamrc/beamrc/runtime/abi"
)

// Registers. The fixed ones are runtime/abi's choice (abi.AMD64*).
var (
	rCtx   = hwReg(abi.AMD64Ctx)
	rX     = hwReg(abi.AMD64XBase)
	rSP    = hwReg(abi.AMD64StackPtr)
	rHeap  = hwReg(abi.AMD64HeapTop)
	rReds  = hwReg(abi.AMD64Reds)
	rAX    = int16(x86.REG_AX)
	rCX    = int16(x86.REG_CX)
	rDX    = int16(x86.REG_DX)
	rSI    = int16(x86.REG_SI)
	rDI    = int16(x86.REG_DI)
	rR8    = int16(x86.REG_R8)
	rR9    = int16(x86.REG_R9)
	rTmp   = rDX // scratch of tests
	argReg = []int16{rAX, rCX, rSI, rDI}
	// pinnedX[i] holds x(i) while native code runs (abi.AMD64PinnedX).
	pinnedX = pinnedRegs()
)

func pinnedRegs() []int16 {
	rs := make([]int16, len(abi.AMD64PinnedX))
	for i, n := range abi.AMD64PinnedX {
		rs[i] = hwReg(n)
	}
	return rs
}

// pinned returns the register that holds x register n, if one does.
func pinned(n int64) (int16, bool) {
	if n >= 0 && n < int64(len(pinnedX)) {
		return pinnedX[n], true
	}
	return 0, false
}

// xAddr returns where x register n is while native code runs.
func xAddr(n int64) obj.Addr {
	if r, ok := pinned(n); ok {
		return reg(r)
	}
	return mem(rX, 8*n)
}

// spillPinned stores the pinned x registers in the x array, for the
// runtime; loadPinned takes them back.
func (a *asm) spillPinned() {
	for i, r := range pinnedX {
		a.op2(x86.AMOVQ, reg(r), mem(rX, 8*int64(i)))
	}
}

func (a *asm) loadPinned() {
	for i, r := range pinnedX {
		a.op2(x86.AMOVQ, mem(rX, 8*int64(i)), reg(r))
	}
}

// hwReg maps a hardware register number to golang-asm's name.
func hwReg(n int) int16 {
	regs := [16]int16{x86.REG_AX, x86.REG_CX, x86.REG_DX, x86.REG_BX, x86.REG_SP, x86.REG_BP, x86.REG_SI, x86.REG_DI,
		x86.REG_R8, x86.REG_R9, x86.REG_R10, x86.REG_R11, x86.REG_R12, x86.REG_R13, x86.REG_R14, x86.REG_R15}
	return regs[n]
}

func reg(r int16) obj.Addr               { return obj.Addr{Type: obj.TYPE_REG, Reg: r} }
func mem(base int16, off int64) obj.Addr { return obj.Addr{Type: obj.TYPE_MEM, Reg: base, Offset: off} }
func imm(v int64) obj.Addr               { return obj.Addr{Type: obj.TYPE_CONST, Offset: v} }
func ctx(off int64) obj.Addr             { return mem(rCtx, off) }

// label is a position in the code: bound to the first instruction
// emitted after bind, and the target of any number of branches.
type label struct {
	prog     *obj.Prog
	branches []*obj.Prog
}

// asm collects one function's instructions. It drives golang-asm's
// assembler itself rather than through golangasm.Builder, to mark the
// code as hand-written: the assembler then does not pad jumps with NOPs
// (its default for compiler output, against an Intel erratum).
type asm struct {
	arch    *arch.Arch
	ctxt    *obj.Link
	first   *obj.Prog
	last    *obj.Prog
	pending []*label // bound to the next instruction
	progs   []*obj.Prog
	labels  []*label
	err     error
	// imm32 patches applied after assembly: the last four bytes of an
	// instruction get a value computed from a label's final offset.
	patches []patch
}

type patch struct {
	p     *obj.Prog
	l     *label
	value func(off int64) int64
	ref   func(at uint32) // records the Ref for the patched bytes
}

func newAsm() *asm {
	a := arch.Set("amd64")
	ctxt := obj.Linknew(a.LinkArch)
	ctxt.Headtype = objabi.Hlinux
	ctxt.IsAsm = true
	ctxt.DiagFunc = func(string, ...interface{}) {}
	a.Init(ctxt)
	return &asm{arch: a, ctxt: ctxt}
}

func (a *asm) newProg() *obj.Prog {
	p := a.ctxt.NewProg()
	p.Ctxt = a.ctxt
	return p
}

func (a *asm) newLabel() *label {
	l := &label{}
	a.labels = append(a.labels, l)
	return l
}

// bind places l at the next instruction.
func (a *asm) bind(l *label) { a.pending = append(a.pending, l) }

func (a *asm) emit(as obj.As, from, to obj.Addr) *obj.Prog {
	p := a.newProg()
	p.As = as
	p.From = from
	p.To = to
	for _, l := range a.pending {
		if l.prog != nil {
			a.fail(fmt.Errorf("label bound twice"))
		}
		l.prog = p
	}
	a.pending = a.pending[:0]
	if a.first == nil {
		a.first = p
	} else {
		a.last.Link = p
	}
	a.last = p
	a.progs = append(a.progs, p)
	return p
}

func (a *asm) fail(err error) {
	if a.err == nil {
		a.err = err
	}
}

func (a *asm) op2(as obj.As, from, to obj.Addr) { a.emit(as, from, to) }
func (a *asm) op1(as obj.As, to obj.Addr)       { a.emit(as, obj.Addr{}, to) }

// jmp emits a (conditional) branch to l.
func (a *asm) jmp(as obj.As, l *label) {
	p := a.emit(as, obj.Addr{}, obj.Addr{Type: obj.TYPE_BRANCH})
	l.branches = append(l.branches, p)
}

// imm32Patched emits an instruction whose last four bytes are an
// immediate computed from l's final offset.
func (a *asm) imm32Patched(p *obj.Prog, l *label, value func(int64) int64, ref func(uint32)) {
	a.patches = append(a.patches, patch{p: p, l: l, value: value, ref: ref})
}

// assemble resolves branches and returns the machine code.
func (a *asm) assemble() ([]byte, error) {
	if len(a.pending) > 0 {
		a.emit(x86.ABYTE, imm(0xCC), obj.Addr{}) // INT3: never reached
	}
	for _, l := range a.labels {
		if len(l.branches) == 0 {
			continue
		}
		if l.prog == nil {
			return nil, fmt.Errorf("internal error: branch to an unbound label")
		}
		for _, b := range l.branches {
			b.To.SetTarget(l.prog)
		}
	}
	if a.err != nil {
		return nil, a.err
	}
	var diag []string
	a.ctxt.DiagFunc = func(format string, args ...interface{}) {
		diag = append(diag, fmt.Sprintf(format, args...))
	}
	sym := &obj.LSym{Func: &obj.FuncInfo{Text: a.first}}
	a.arch.Assemble(a.ctxt, sym, a.newProg)
	if len(diag) > 0 {
		return nil, fmt.Errorf("assembler: %s", diag[0])
	}
	code := sym.P
	for _, pt := range a.patches {
		at := pt.p.Pc + int64(pt.p.Isize) - 4
		if pt.p.Isize < 4 || at+4 > int64(len(code)) {
			return nil, fmt.Errorf("internal error: patched instruction %v has no imm32", pt.p)
		}
		v := pt.value(pt.l.prog.Pc)
		if v != int64(int32(v)) {
			return nil, fmt.Errorf("internal error: immediate %d out of range", v)
		}
		putLE32(code[at:], uint32(int32(v)))
		if pt.ref != nil {
			pt.ref(uint32(at))
		}
	}
	return code, nil
}

func putLE32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}

func getLE32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// leave writes back the state native code caches in registers (pinned x
// registers, stack pointer, heap top, reductions) and returns to the trampoline: the end
// of every exit to the runtime. at, if not nil, is bound to the return.
func (a *asm) leave(at *label) {
	a.spillPinned()
	a.op2(x86.AMOVQ, reg(rSP), ctx(abi.OffSP))
	a.op2(x86.AMOVQ, reg(rHeap), ctx(abi.OffHeapTop))
	a.op2(x86.AMOVQ, reg(rReds), ctx(abi.OffReds))
	if at != nil {
		a.bind(at)
	}
	a.emit(obj.ARET, obj.Addr{}, obj.Addr{})
}

// drop removes instruction p, one of the last emitted. Labels bound to
// it are bound to the instruction after it instead.
func (a *asm) drop(p *obj.Prog) {
	i := len(a.progs) - 1
	for i >= 0 && a.progs[i] != p {
		i--
	}
	if i < 0 {
		a.fail(fmt.Errorf("internal error: no instruction to drop"))
		return
	}
	var next *obj.Prog
	if i+1 < len(a.progs) {
		next = a.progs[i+1]
	}
	for _, l := range a.labels {
		if l.prog != p {
			continue
		}
		l.prog = next
		if next == nil {
			a.pending = append(a.pending, l)
		}
	}
	switch {
	case i > 0:
		a.progs[i-1].Link = next
	default:
		a.first = next
	}
	if next == nil {
		a.last = nil
		if i > 0 {
			a.last = a.progs[i-1]
		}
	}
	a.progs = append(a.progs[:i], a.progs[i+1:]...)
}
