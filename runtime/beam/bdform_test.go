package beam

import (
	"strconv"
	"strings"
)

// bdFunction renders function fn the way beam_disasm:file/1 prints it
// (after the typed-register normalisation in disasmScript).
//
// beam_disasm's transformations, reproduced here:
//   - the label/line run before func_info is printed reversed for every
//     function but the first (its get_funs reverses an already forward run);
//   - operands it passes through resolve_arg print "resolved": u values as
//     bare numbers, i values as {integer,N}; operands it leaves alone print
//     raw ({u,N}, {i,N}); which is which depends on the instruction (see
//     bdInstr, which follows beam_disasm:resolve_inst clause by clause);
//   - local call targets print as {Mod,Fun,Arity} of the function whose
//     entry label it is; import indices as {extfunc,M,F,A}; bif0/1/2 become
//     {bif,Name,Fail,Args,Dst} and gc_bif1/2/3 {gc_bif,Name,Fail,Live,Args,Dst};
//   - type tests become {test,Op,Fail,Args}, as do the old bit-syntax
//     match instructions; fadd..fnegate become {arithfbif,...};
//   - raise prints as {raise,{f,0},Args,{x,0}};
//   - make_fun2/3 print the lambda's {M,F,A}, old index and old uniq;
//   - select lists, map and tuple lists print as {list,[...]}; strings of
//     bs_put_string as {string,Chars}, of bs_match_string as a binary;
//   - field flags print as {field_flags,N};
//   - literals that are floats print as {float,F}, others as {literal,T};
//   - bs_create_bin is printed undecoded: {bs_create_bin,[{A1..A5,{z,1},{u,N},List}]}.
func bdFunction(m *Module, fn int) []string {
	f := m.Functions[fn]
	lines := make([]string, len(f.Code))
	entries := entryMFAs(m)
	for i, in := range f.Code {
		lines[i] = bdInstr(m, entries, in)
	}
	if fn > 0 {
		k := 0
		for k < len(f.Code) && (f.Code[k].Op == OpLabel || f.Code[k].Op == OpLine) {
			k++
		}
		for i, j := 0, k-1; i < j; i, j = i+1, j-1 {
			lines[i], lines[j] = lines[j], lines[i]
		}
	}
	return lines
}

func entryMFAs(m *Module) map[int64]string {
	out := map[int64]string{}
	for _, f := range m.Functions {
		out[int64(f.Label)] = "{" + QuoteAtom(m.Name) + "," + QuoteAtom(f.Name) + "," + strconv.Itoa(f.Arity) + "}"
	}
	return out
}

func tuple(parts ...string) string { return "{" + strings.Join(parts, ",") + "}" }

func bdList(m *Module, ops []Operand, f func(*Module, Operand) string) string {
	s := make([]string, len(ops))
	for i, o := range ops {
		s[i] = f(m, o)
	}
	return "[" + strings.Join(s, ",") + "]"
}

// bdRaw prints an operand as beam_disasm's decoder leaves it.
func bdRaw(m *Module, o Operand) string {
	n := strconv.FormatInt(o.Val, 10)
	switch o.Kind {
	case KindUnsigned:
		return "{u," + n + "}"
	case KindInteger:
		if o.Big != nil {
			return "{i," + o.Big.String() + "}"
		}
		return "{i," + n + "}"
	case KindAtom:
		return "{atom," + QuoteAtom(m.Atom(int(o.Val))) + "}"
	case KindNil:
		return "nil"
	case KindX, KindY:
		r := "{" + o.Kind.String() + "," + n + "}"
		if o.Type >= 0 {
			return "{tr," + r + "," + strconv.Itoa(firstType(m, int(o.Type))) + "}"
		}
		return r
	case KindFR:
		return "{fr," + n + "}"
	case KindLabel:
		return "{f," + n + "}"
	case KindChar:
		return "{h," + n + "}"
	case KindLiteral:
		if f, ok := m.Literal(o.Val).(Float); ok {
			return "{float," + formatFloat(float64(f)) + "}"
		}
		return "{literal," + Format(m.Literal(o.Val)) + "}"
	case KindFloat:
		return "{float," + formatFloat(o.Float()) + "}"
	case KindAlloc:
		c := o.Alloc
		return "{u,{alloc,[{words," + strconv.FormatInt(c.Words, 10) + "},{floats," + strconv.FormatInt(c.Floats, 10) + "},{funs," + strconv.FormatInt(c.Funs, 10) + "}]}}"
	case KindList:
		return "{z,1},{u," + strconv.Itoa(len(o.List)) + "}," + bdList(m, o.List, bdRaw)
	}
	return "?" + o.String()
}

// firstType mirrors disasmScript's index/3: the first equal entry.
func firstType(m *Module, i int) int {
	for j := range m.Types {
		if m.Types[j] == m.Types[i] {
			return j
		}
	}
	return i
}

// bdRes prints an operand after beam_disasm's resolve_arg.
func bdRes(m *Module, o Operand) string {
	switch o.Kind {
	case KindUnsigned:
		return strconv.FormatInt(o.Val, 10)
	case KindAlloc:
		r := bdRaw(m, o)
		return r[3 : len(r)-1] // strip the {u,...} wrapper
	case KindInteger:
		if o.Big != nil {
			return "{integer," + o.Big.String() + "}"
		}
		return "{integer," + strconv.FormatInt(o.Val, 10) + "}"
	}
	return bdRaw(m, o)
}

func bdInstr(m *Module, entries map[int64]string, in Instr) string {
	name := QuoteAtom(in.Op.String())
	a := in.Args
	raw := func(i int) string { return bdRaw(m, a[i]) }
	res := func(i int) string { return bdRes(m, a[i]) }
	num := func(i int) string { return strconv.FormatInt(a[i].Val, 10) }
	ff := func(i int) string { return "{field_flags," + num(i) + "}" }
	list := func(i int) string { return "{list," + bdList(m, a[i].List, bdRes) + "}" }
	ext := func(i int) string {
		imp := m.Imports[a[i].Val]
		return tuple("extfunc", QuoteAtom(imp.Module), QuoteAtom(imp.Function), strconv.Itoa(imp.Arity))
	}
	bif := func(i int) string { return QuoteAtom(m.Imports[a[i].Val].Function) }
	test := func(fail int, args ...string) string {
		return tuple("test", name, raw(fail), "["+strings.Join(args, ",")+"]")
	}
	resAll := func(from, to int) []string {
		var s []string
		for i := from; i < to; i++ {
			s = append(s, res(i))
		}
		return s
	}
	switch in.Op {
	case OpLabel, OpLine, OpDeallocate, OpCallFun, OpApply:
		return tuple(name, num(0))
	case OpFuncInfo:
		return tuple(name, raw(0), raw(1), num(2))
	case OpCall, OpCallOnly:
		return tuple(name, num(0), entries[a[1].Val])
	case OpCallLast:
		return tuple(name, num(0), entries[a[1].Val], num(2))
	case OpCallExt, OpCallExtOnly:
		return tuple(name, num(0), ext(1))
	case OpCallExtLast:
		return tuple(name, num(0), ext(1), num(2))
	case OpBif0:
		return tuple("bif", bif(0), "nofail", "[]", res(1))
	case OpBif1, OpBif2:
		n := len(a)
		return tuple("bif", bif(1), res(0), "["+strings.Join(resAll(2, n-1), ",")+"]", res(n-1))
	case OpGcBif1, OpGcBif2, OpGcBif3:
		n := len(a)
		return tuple("gc_bif", bif(2), res(0), res(1), "["+strings.Join(resAll(3, n-1), ",")+"]", res(n-1))
	case OpIsLt, OpIsGe, OpIsEq, OpIsNe, OpIsEqExact, OpIsNeExact, OpIsInteger, OpIsFloat,
		OpIsNumber, OpIsAtom, OpIsPid, OpIsReference, OpIsPort, OpIsNil, OpIsBinary, OpIsList,
		OpIsNonemptyList, OpIsTuple, OpTestArity, OpIsTaggedTuple, OpIsFunction, OpIsBoolean,
		OpIsFunction2, OpIsBitstr, OpIsMap:
		return tuple("test", name, res(0), "["+strings.Join(resAll(1, len(a)), ",")+"]")
	case OpSelectVal, OpSelectTupleArity:
		return tuple(name, raw(0), raw(1), list(2))
	case OpMove, OpPutList:
		if in.Op == OpPutList {
			return tuple(name, res(0), res(1), raw(2))
		}
		return tuple(name, res(0), raw(1))
	case OpGetTupleElement, OpSetTupleElement:
		return tuple(name, res(0), res(1), res(2))
	case OpPutTuple:
		return tuple(name, num(0), raw(1))
	case OpBsPutInteger, OpBsPutBinary, OpBsPutFloat:
		return tuple(name, raw(0), res(1), num(2), ff(3), res(4))
	case OpBsPutString:
		var chars []string
		for _, c := range m.Strings[a[1].Val : a[1].Val+a[0].Val] {
			chars = append(chars, strconv.Itoa(int(c)))
		}
		return tuple(name, num(0), "{string,["+strings.Join(chars, ",")+"]}")
	case OpFadd, OpFsub, OpFmul, OpFdiv, OpFnegate:
		n := len(a)
		return tuple("arithfbif", name, res(0), "["+strings.Join(resAll(1, n-1), ",")+"]", res(n-1))
	case OpRaise:
		return tuple(name, "{f,0}", "["+raw(0)+","+raw(1)+"]", "{x,0}")
	case OpBsInit2, OpBsInitBits:
		return tuple(name, raw(0), res(1), num(2), num(3), ff(4), res(5))
	case OpBsAdd:
		return tuple(name, raw(0), "["+strings.Join(resAll(1, 4), ",")+"]", res(4))
	case OpAllocate, OpAllocateZero, OpTestHeap:
		return tuple(name, res(0), res(1))
	case OpAllocateHeap, OpAllocateHeapZero:
		return tuple(name, res(0), res(1), res(2))
	case OpApplyLast, OpTrim:
		return tuple(name, num(0), num(1))
	case OpBsStartMatch2:
		return test(0, raw(1), num(2), num(3), raw(4))
	case OpBsGetInteger2, OpBsGetBinary2, OpBsGetFloat2:
		return test(0, raw(1), num(2), res(3), num(4), ff(5), res(6))
	case OpBsSkipBits2:
		return test(0, raw(1), res(2), num(3), ff(4))
	case OpBsTestTail2, OpBsTestUnit:
		return test(0, raw(1), num(2))
	case OpBsSave2, OpBsRestore2:
		if a[1].Kind == KindUnsigned {
			return tuple(name, raw(0), num(1))
		}
		return tuple(name, raw(0), raw(1))
	case OpBsMatchString:
		n := (a[2].Val + 7) / 8
		bin := Bitstring{Bytes: m.Strings[a[3].Val : a[3].Val+n], Bits: 8}
		return test(0, raw(1), num(2), Format(bin))
	case OpBsAppend:
		return tuple(name, raw(0), res(1), num(2), num(3), num(4), res(5), ff(6), res(7))
	case OpBsPrivateAppend:
		return tuple(name, raw(0), res(1), num(2), res(3), ff(4), res(5))
	case OpBsGetUtf8, OpBsGetUtf16, OpBsGetUtf32:
		return test(0, res(1), res(2), ff(3), res(4))
	case OpBsSkipUtf8, OpBsSkipUtf16, OpBsSkipUtf32:
		return test(0, res(1), res(2), ff(3))
	case OpBsUtf8Size, OpBsUtf16Size:
		return tuple(name, raw(0), res(1), res(2))
	case OpBsPutUtf8, OpBsPutUtf16, OpBsPutUtf32:
		return tuple(name, raw(0), ff(1), res(2))
	case OpPutMapAssoc, OpPutMapExact:
		return tuple(name, raw(0), raw(1), raw(2), num(3), list(4))
	case OpHasMapFields:
		return tuple("test", name, raw(0), raw(1), list(2))
	case OpGetMapElements:
		return tuple(name, raw(0), raw(1), list(2))
	case OpPutTuple2:
		return tuple(name, raw(0), list(1))
	case OpInitYregs:
		return tuple(name, list(0))
	case OpCallFun2:
		return tuple(name, raw(0), num(1), raw(2))
	case OpMakeFun2:
		l := m.Lambdas[a[0].Val]
		return tuple(name, tuple(QuoteAtom(m.Name), QuoteAtom(l.Name), strconv.Itoa(l.Arity)), num(0), strconv.FormatUint(uint64(l.OldUniq), 10), strconv.Itoa(l.NumFree))
	case OpMakeFun3:
		l := m.Lambdas[a[0].Val]
		return tuple(name, tuple(QuoteAtom(m.Name), QuoteAtom(l.Name), strconv.Itoa(l.Arity)), num(0), strconv.FormatUint(uint64(l.OldUniq), 10), raw(1), list(2))
	case OpBsCreateBin:
		parts := []string{raw(0), raw(1), raw(2), raw(3), raw(4), raw(5)}
		return "{" + name + ",[" + tuple(parts...) + "]}"
	case OpWaitTimeout:
		return tuple(name, raw(0), res(1))
	case OpBadmatch, OpCaseEnd, OpTryCaseEnd, OpBadRecord, OpFcheckerror, OpPut, OpBsContextToBinary:
		return tuple(name, res(0))
	case OpSwap, OpFmove, OpFconv:
		return tuple(name, res(0), res(1))
	}
	// Everything else is printed with its operands as decoded.
	if len(a) == 0 {
		return name
	}
	parts := []string{name}
	for i := range a {
		parts = append(parts, raw(i))
	}
	return tuple(parts...)
}
