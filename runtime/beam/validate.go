package beam

import "errors"

// check validates every operand against the module's tables, so later
// stages can index them without bounds checks of their own.
func (p *parser) check(c chunk) error {
	m := p.m
	for fi := range m.Functions {
		for _, in := range m.Functions[fi].Code {
			for i, a := range in.Args {
				if err := p.checkOperand(a); err != nil {
					return p.fail(c, in.Offset, errors.New(in.Op.String()+" operand "+itoa(int64(i+1))+": "+err.Error()))
				}
			}
			if err := p.checkInstr(in); err != nil {
				return p.fail(c, in.Offset, errors.New(in.Op.String()+": "+err.Error()))
			}
		}
	}
	for _, e := range m.Exports {
		if f, _, ok := m.Label(e.Label); !ok || f.Label != e.Label {
			return p.fail(p.chunk(chExpT), p.chunk(chExpT).Offset, errors.New("export "+e.Name+"/"+itoa(int64(e.Arity))+" points at label "+itoa(int64(e.Label))+", which is not a function entry"))
		}
	}
	for _, l := range m.Lambdas {
		if _, _, ok := m.Label(l.Label); !ok {
			return p.fail(p.chunk(chFunT), p.chunk(chFunT).Offset, errors.New("fun "+l.Name+"/"+itoa(int64(l.Arity))+" points at undefined label "+itoa(int64(l.Label))))
		}
	}
	return nil
}

func (p *parser) checkOperand(a Operand) error {
	m := p.m
	switch a.Kind {
	case KindAtom:
		if a.Val < 1 || a.Val > int64(len(m.Atoms)) {
			return errors.New("atom index " + itoa(a.Val) + " out of range")
		}
	case KindLabel:
		if a.Val != 0 {
			if _, _, ok := m.Label(int(a.Val)); !ok {
				return errors.New("undefined label " + itoa(a.Val))
			}
		}
	case KindLiteral:
		if a.Val >= int64(len(m.Literals)) {
			return errors.New("literal index " + itoa(a.Val) + " out of range")
		}
	case KindX, KindY:
		if a.Type >= 0 && m.Types != nil && int(a.Type) >= len(m.Types) {
			return errors.New("type index " + itoa(int64(a.Type)) + " out of range")
		}
		if a.Type >= 0 && m.TypesVersion == 0 {
			return errors.New("typed register but no Type chunk")
		}
	case KindList:
		for _, e := range a.List {
			if err := p.checkOperand(e); err != nil {
				return err
			}
		}
	}
	return nil
}

// importArg gives, for instructions that name an import by index, which
// operand holds it.
var importArg = map[Opcode]int{
	OpCallExt: 1, OpCallExtLast: 1, OpCallExtOnly: 1,
	OpBif0: 0, OpBif1: 1, OpBif2: 1,
	OpGcBif1: 2, OpGcBif2: 2, OpGcBif3: 2,
}

func (p *parser) checkInstr(in Instr) error {
	m := p.m
	if i, ok := importArg[in.Op]; ok {
		a := in.Args[i]
		if a.Kind != KindUnsigned || a.Val >= int64(len(m.Imports)) {
			return errors.New("import index " + a.String() + " out of range")
		}
	}
	switch in.Op {
	case OpMakeFun2, OpMakeFun3:
		a := in.Args[0]
		if a.Kind != KindUnsigned || a.Val >= int64(len(m.Lambdas)) {
			return errors.New("fun index " + a.String() + " out of range")
		}
	case OpBsPutString:
		return p.checkString(in.Args[0], in.Args[1], 1)
	case OpBsMatchString:
		return p.checkString(in.Args[2], in.Args[3], 8)
	}
	return nil
}

// checkString checks a (length, offset) pair into the string table; unit
// is the size of one length unit in bits.
func (p *parser) checkString(length, offset Operand, unit int64) error {
	if length.Kind != KindUnsigned || offset.Kind != KindUnsigned {
		return errors.New("string operands are not numbers")
	}
	n := length.Val
	if unit == 8 {
		n = (n + 7) / 8
	}
	if offset.Val > int64(len(p.m.Strings)) || n > int64(len(p.m.Strings))-offset.Val {
		return errors.New("string table reference out of range")
	}
	return nil
}

// ImportOf returns the import an instruction such as call_ext or gc_bif2
// refers to.
func (m *Module) ImportOf(in Instr) (MFA, bool) {
	i, ok := importArg[in.Op]
	if !ok || i >= len(in.Args) {
		return MFA{}, false
	}
	v := in.Args[i].Val
	if v < 0 || v >= int64(len(m.Imports)) {
		return MFA{}, false
	}
	return m.Imports[v], true
}
