package beam

import "strings"

// FormatOperand renders an operand for listings and error messages, with
// atoms, literals and types resolved through the module: x0, y1, fr2,
// f(12), 'Foo', 42, {ok,[]} (a literal), [x0, f(3)], x0:integer(0..9).
func (m *Module) FormatOperand(o Operand) string {
	var b strings.Builder
	m.writeOperand(&b, o)
	return b.String()
}

func (m *Module) writeOperand(b *strings.Builder, o Operand) {
	switch o.Kind {
	case KindAtom:
		b.WriteString(QuoteAtom(m.Atom(int(o.Val))))
	case KindLiteral:
		if t := m.Literal(o.Val); t != nil {
			b.WriteString(FormatReadable(t))
		} else {
			b.WriteString(o.String())
		}
	case KindX, KindY:
		b.WriteString(o.Kind.String())
		b.WriteString(itoa(o.Val))
		if o.Type >= 0 {
			b.WriteByte(':')
			if int(o.Type) < len(m.Types) {
				b.WriteString(m.Types[o.Type].String())
			} else {
				b.WriteString("type" + itoa(int64(o.Type)))
			}
		}
	case KindList:
		b.WriteByte('[')
		for i, e := range o.List {
			if i > 0 {
				b.WriteString(", ")
			}
			m.writeOperand(b, e)
		}
		b.WriteByte(']')
	default:
		b.WriteString(o.String())
	}
}

// FormatInstr renders an instruction as "name op1, op2, ...". Import
// indices (call_ext, bif, gc_bif) print as mod:fun/arity and fun indices
// (make_fun2/3) as the fun's name.
func (m *Module) FormatInstr(in Instr) string {
	var b strings.Builder
	b.WriteString(in.Op.String())
	imp, hasImport := importArg[in.Op]
	for i, a := range in.Args {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteString(", ")
		}
		switch {
		case hasImport && i == imp && a.Val < int64(len(m.Imports)):
			b.WriteString(m.Imports[a.Val].String())
		case (in.Op == OpMakeFun2 || in.Op == OpMakeFun3) && i == 0 && a.Val < int64(len(m.Lambdas)):
			l := m.Lambdas[a.Val]
			b.WriteString("fun " + QuoteAtom(l.Name) + "/" + itoa(int64(l.Arity)))
		default:
			m.writeOperand(&b, a)
		}
	}
	if in.Op == OpCall || in.Op == OpCallLast || in.Op == OpCallOnly {
		if f, _, ok := m.Label(int(in.Args[1].Val)); ok {
			b.WriteString("  % " + QuoteAtom(f.Name) + "/" + itoa(int64(f.Arity)))
		}
	}
	return b.String()
}
