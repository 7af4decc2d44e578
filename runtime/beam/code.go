package beam

import "errors"

// codeHeader reads the fixed header of the Code chunk. It is read before
// the tables so that they can check label numbers.
func (p *parser) codeHeader() error {
	if !p.present(chCode) {
		return p.missing("Code")
	}
	c := p.chunk(chCode)
	r := newReader(c.Data, c.Offset)
	info, err := r.u32()
	if err != nil {
		return p.failAt(c, r, err)
	}
	// The info size lets newer compilers add header fields; we read the
	// four we know and skip the rest.
	if info < 16 || int64(info) > int64(r.remaining()) {
		return p.fail(c, c.Offset, errors.New("bad code header size "+itoa(int64(info))))
	}
	var f [4]uint32
	for i := range f {
		f[i], _ = r.u32()
	}
	h := CodeHeader{InfoSize: int(info), InstructionSet: int(f[0]), MaxOpcode: int(f[1]), NumLabels: int(f[2]), NumFunctions: int(f[3])}
	if h.InstructionSet != 0 {
		return p.fail(c, c.Offset+4, errors.New("unknown instruction set version "+itoa(int64(f[0]))))
	}
	if f[1] > uint32(MaxOpcode) {
		return p.fail(c, c.Offset+8, errors.New("file uses opcodes up to "+itoa(int64(f[1]))+"; this decoder knows up to "+itoa(int64(MaxOpcode))+" (newer OTP?)"))
	}
	// Every label and function needs at least one byte of code; this also
	// bounds the label table we allocate.
	code := len(c.Data) - 4 - int(info)
	if int64(f[2]) > int64(code)+1 || int64(f[3]) > int64(code) {
		return p.fail(c, c.Offset+12, errors.New("label or function count exceeds code size"))
	}
	p.m.Header = h
	return nil
}

// operandArena hands out operand slices from large blocks, so decoding a
// module makes a few big allocations rather than one per instruction.
type operandArena struct {
	buf  []Operand
	next int // size of the next block
}

func (a *operandArena) alloc(n int) []Operand {
	if cap(a.buf)-len(a.buf) < n {
		a.buf = make([]Operand, 0, max(n, a.next))
		a.next = 1024
	}
	s := a.buf[len(a.buf) : len(a.buf)+n : len(a.buf)+n]
	a.buf = a.buf[:len(a.buf)+n]
	return s
}

// code decodes the instruction stream, splits it into functions and checks
// every operand against the tables.
func (p *parser) code() error {
	c := p.chunk(chCode)
	start := 4 + p.m.Header.InfoSize
	r := newReader(c.Data[start:], c.Offset+start)
	// Measured on OTP's own modules: about one instruction per 3.5 bytes
	// of code and 2 operands per instruction, each at least one byte.
	instrs := make([]Instr, 0, r.remaining()*2/7+1)
	arena := operandArena{next: r.remaining()/2 + 8}
	for {
		if r.eof() {
			return p.failAt(c, r, errors.New("code does not end with int_code_end"))
		}
		off := r.off()
		b, _ := r.u8()
		op := Opcode(b)
		if !op.Valid() {
			return p.fail(c, off, errors.New("unknown opcode "+itoa(int64(b))))
		}
		in := Instr{Op: op, Offset: off}
		if n := op.Arity(); n > 0 {
			in.Args = arena.alloc(n)
			for i := range in.Args {
				argOff := r.off()
				a, err := r.operand(false)
				if err != nil {
					return p.fail(c, argOff, errors.New(op.String()+" operand "+itoa(int64(i+1))+": "+err.Error()))
				}
				in.Args[i] = a
			}
		}
		instrs = append(instrs, in)
		if op == OpIntCodeEnd {
			break
		}
	}
	// Bytes after int_code_end are ignored, as the OTP loader does.
	if err := p.splitFunctions(c, instrs); err != nil {
		return err
	}
	return p.check(c)
}

// splitFunctions groups instructions into functions. A function starts at
// the run of label/line instructions just before its func_info and ends
// where the next one starts; int_code_end is not part of any function.
func (p *parser) splitFunctions(c chunk, instrs []Instr) error {
	m := p.m
	instrs = instrs[:len(instrs)-1] // drop int_code_end
	var starts []int
	for i, in := range instrs {
		if in.Op != OpFuncInfo {
			continue
		}
		s := i
		for s > 0 && (instrs[s-1].Op == OpLabel || instrs[s-1].Op == OpLine) {
			s--
		}
		if len(starts) > 0 && s <= starts[len(starts)-1] {
			return p.fail(c, in.Offset, errors.New("func_info without code after the previous one"))
		}
		starts = append(starts, s)
	}
	if len(starts) == 0 {
		if len(instrs) > 0 {
			return p.fail(c, instrs[0].Offset, errors.New("code has no func_info"))
		}
	} else if starts[0] != 0 {
		return p.fail(c, instrs[0].Offset, errors.New(instrs[0].Op.String()+" outside any function"))
	}
	if len(starts) != m.Header.NumFunctions {
		return p.fail(c, c.Offset+16, errors.New("header says "+itoa(int64(m.Header.NumFunctions))+" functions, code has "+itoa(int64(len(starts)))))
	}
	m.Functions = make([]Function, len(starts))
	m.labels = make([]labelPos, m.Header.NumLabels)
	for i := range m.labels {
		m.labels[i].fn = -1
	}
	for i, s := range starts {
		end := len(instrs)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		if err := p.function(c, i, instrs[s:end:end]); err != nil {
			return err
		}
	}
	return nil
}

// function fills in Functions[fi] from its instructions: the header
// (labels, func_info, entry label), label positions and line locations.
func (p *parser) function(c chunk, fi int, code []Instr) error {
	m := p.m
	k := 0
	hasLabel := false
	for code[k].Op != OpFuncInfo {
		hasLabel = hasLabel || code[k].Op == OpLabel
		k++
	}
	fin := code[k]
	if !hasLabel {
		return p.fail(c, fin.Offset, errors.New("func_info not preceded by a label"))
	}
	if k+1 >= len(code) || code[k+1].Op != OpLabel {
		return p.fail(c, fin.Offset, errors.New("func_info not followed by an entry label"))
	}
	a := fin.Args
	if a[0].Kind != KindAtom || a[1].Kind != KindAtom || a[2].Kind != KindUnsigned || a[2].Val > maxArity {
		return p.fail(c, fin.Offset, errors.New("malformed func_info operands"))
	}
	f := &m.Functions[fi]
	f.Name = m.Atom(int(a[1].Val))
	f.Arity = int(a[2].Val)
	f.Code = code
	var loc Location
	for i := range code {
		in := &code[i]
		switch in.Op {
		case OpLabel:
			if err := p.defineLabel(c, in, fi, i); err != nil {
				return err
			}
		case OpLine:
			if in.Args[0].Kind != KindUnsigned {
				return p.fail(c, in.Offset, errors.New("line operand is not a number"))
			}
			if m.Lines != nil {
				if in.Args[0].Val >= int64(len(m.Lines.Items)) {
					return p.fail(c, in.Offset, errors.New("line index "+itoa(in.Args[0].Val)+" out of range"))
				}
				loc = m.Lines.Items[in.Args[0].Val]
			}
		}
		in.Loc = loc
	}
	f.Label = int(code[k+1].Args[0].Val)
	return nil
}

func (p *parser) defineLabel(c chunk, in *Instr, fi, idx int) error {
	a := in.Args[0]
	if a.Kind != KindUnsigned || a.Val < 1 || a.Val >= int64(len(p.m.labels)) {
		return p.fail(c, in.Offset, errors.New("label "+a.String()+" out of range (labels < "+itoa(int64(len(p.m.labels)))+")"))
	}
	if p.m.labels[a.Val].fn >= 0 {
		return p.fail(c, in.Offset, errors.New("label "+itoa(a.Val)+" defined twice"))
	}
	p.m.labels[a.Val] = labelPos{fn: int32(fi), idx: int32(idx)}
	return nil
}
