package bif

import (
	"math/big"
	"sort"
	"strconv"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// The lists module functions that take no funs. The ones that call funs
// are Erlang code in runtime/otp/src/lists.erl, and so are sort/1,
// usort/1, keysort/2 and ukeysort/2: OTP's merge sort is not stable for
// elements that compare equal (a descending run such as [2.0, 2] is
// reversed), and copying its code is the only way to order such elements
// exactly as OTP does. Errors follow OTP 25: the
// real BIFs (reverse/2, keyfind/3, keymember/3, keysearch/3, member/2)
// raise badarg; the functions written in Erlang raise function_clause,
// badarg or if_clause where OTP's source does.

func init() {
	emu.Register("lists", "reverse", 1, listsReverse1)
	emu.Register("lists", "reverse", 2, listsReverse2)
	emu.Register("lists", "keyfind", 3, listsKeyfind)
	emu.Register("lists", "keymember", 3, listsKeymember)
	emu.Register("lists", "keysearch", 3, listsKeysearch)
	emu.Register("lists", "keydelete", 3, listsKeydelete)
	emu.Register("lists", "keyreplace", 4, listsKeyreplace)
	emu.Register("lists", "keystore", 4, listsKeystore)
	emu.Register("lists", "keytake", 3, listsKeytake)
	emu.Register("lists", "member", 2, listsMember)
	emu.Register("lists", "append", 1, listsAppend1)
	emu.Register("lists", "append", 2, listsAppend2)
	emu.Register("lists", "merge", 2, listsMerge)
	emu.Register("lists", "nth", 2, listsNth)
	emu.Register("lists", "nthtail", 2, listsNthtail)
	emu.Register("lists", "last", 1, listsLast)
	emu.Register("lists", "flatten", 1, listsFlatten1)
	emu.Register("lists", "flatten", 2, listsFlatten2)
	emu.Register("lists", "flatlength", 1, listsFlatlength)
	emu.Register("lists", "seq", 2, listsSeq2)
	emu.Register("lists", "seq", 3, listsSeq3)
	emu.Register("lists", "sum", 1, listsSum)
	emu.Register("lists", "max", 1, listsMax)
	emu.Register("lists", "min", 1, listsMin)
	emu.Register("lists", "duplicate", 2, listsDuplicate)
	emu.Register("lists", "sublist", 2, listsSublist2)
	emu.Register("lists", "sublist", 3, listsSublist3)
	emu.Register("lists", "split", 2, listsSplit)
	emu.Register("lists", "zip", 2, listsZip)
	emu.Register("lists", "zip3", 3, listsZip3)
	emu.Register("lists", "unzip", 1, listsUnzip)
	emu.Register("lists", "unzip3", 1, listsUnzip3)
	emu.Register("lists", "delete", 2, listsDelete)
	emu.Register("lists", "subtract", 2, listsSubtract)
	emu.Register("lists", "prefix", 2, listsPrefix)
	emu.Register("lists", "suffix", 2, listsSuffix)
	emu.Register("lists", "droplast", 1, listsDroplast)
	emu.Register("lists", "concat", 1, listsConcat)
	emu.Register("lists", "join", 2, listsJoin)
	emu.Register("lists", "enumerate", 1, listsEnumerate1)
	emu.Register("lists", "enumerate", 2, listsEnumerate2)
}

// listsReverse1 mirrors OTP's reverse/1, which handles up to two elements
// itself and hands the rest to the reverse/2 BIF: a long improper list
// fails in that call (badarg, with reverse/2's frame over reverse/1's),
// a short one in reverse/1's clauses (function_clause).
func listsReverse1(p *emu.Process, args []term.Term) term.Term {
	l := args[0]
	n, ok := properLength(l)
	if !ok {
		if n >= 2 {
			a, b := l.Head(), l.Tail().Head()
			front := term.ListFrom(p.Heap, []term.Term{b, a})
			p.Badarg()
			p.FailedInLibrary(reverse2MFA, []term.Term{l.Tail().Tail(), front}, reverse1MFA, reverse1BIFLine)
			return term.NonValue
		}
		return libFnClause(p, args)
	}
	return listsRevOnto(p, l, n, term.Nil)
}

var (
	reverse1MFA = emu.MFA{Module: term.Intern("lists"), Function: term.Intern("reverse"), Arity: 1}
	reverse2MFA = emu.MFA{Module: term.Intern("lists"), Function: term.Intern("reverse"), Arity: 2}
)

// reverse1BIFLine is the line of OTP 25's lists.erl where reverse/1
// calls reverse/2.
const reverse1BIFLine = 182

var (
	plusMFA = emu.MFA{Module: term.AtomErlang, Function: term.Intern("+"), Arity: 2}
	sum2MFA = emu.MFA{Module: term.Intern("lists"), Function: term.Intern("sum"), Arity: 2}
)

// sumAddLine is the line of OTP 25's lists.erl where sum/2 adds.
const sumAddLine = 319

func listsReverse2(p *emu.Process, args []term.Term) term.Term {
	n, ok := properLength(args[0])
	if !ok {
		return p.Badarg()
	}
	return listsRevOnto(p, args[0], n, args[1])
}

// properLength counts the cells of list t; ok is false when it does not
// end in [].
func properLength(t term.Term) (n int, ok bool) {
	for ; t.IsCons(); t = t.Tail() {
		n++
	}
	return n, t == term.Nil
}

// listsRevOnto builds the reverse of the n-element list l in front of
// tail, in one allocation and without a Go slice in between.
func listsRevOnto(p *emu.Process, l term.Term, n int, tail term.Term) term.Term {
	if n == 0 {
		return tail
	}
	w := p.Heap.Alloc(2 * n)
	for i := 0; i < n; i, l = i+1, l.Tail() {
		w[2*i] = uint64(l.Head())
		w[2*i+1] = uint64(tail)
		tail = term.ConsOf(w[2*i:])
	}
	return tail
}

// listsKeyElem returns element n of t when t is a tuple that has one.
func listsKeyElem(t term.Term, n int) (term.Term, bool) {
	if !t.IsTuple() || t.TupleArity() < n {
		return term.NonValue, false
	}
	return t.Element(n), true
}

// listsKeyfindTuple is the search the key BIFs share: the first tuple whose
// element n compares equal (==) to key.
func listsKeyfindTuple(args []term.Term) (found term.Term, ok bool) {
	n, ok := libPosInt(args[1])
	if !ok {
		return term.NonValue, false
	}
	key, l := args[0], args[2]
	for ; l.IsCons(); l = l.Tail() {
		if e, has := listsKeyElem(l.Head(), n); has && term.ArithEqual(e, key) {
			return l.Head(), true
		}
	}
	if l != term.Nil {
		return term.NonValue, false
	}
	return term.False, true
}

func listsKeyfind(p *emu.Process, args []term.Term) term.Term {
	t, ok := listsKeyfindTuple(args)
	if !ok {
		return p.Badarg()
	}
	return t
}

func listsKeymember(p *emu.Process, args []term.Term) term.Term {
	t, ok := listsKeyfindTuple(args)
	if !ok {
		return p.Badarg()
	}
	return term.Bool(t != term.False)
}

func listsKeysearch(p *emu.Process, args []term.Term) term.Term {
	t, ok := listsKeyfindTuple(args)
	if !ok {
		return p.Badarg()
	}
	if t == term.False {
		return t
	}
	return term.Tuple2(p.Heap, libValue, t)
}

// listsKeyIndex finds the first tuple of l whose element n == key. It
// returns the elements before it, the index, and whether l is proper.
func listsKeyIndex(key term.Term, n int, l term.Term) (elems []term.Term, at int, proper bool) {
	at = -1
	for ; l.IsCons(); l = l.Tail() {
		if e, has := listsKeyElem(l.Head(), n); has && at < 0 && term.ArithEqual(e, key) {
			at = len(elems)
		}
		elems = append(elems, l.Head())
	}
	return elems, at, l == term.Nil
}

func listsKeydelete(p *emu.Process, args []term.Term) term.Term {
	n, ok := libPosInt(args[1])
	if !ok {
		return libFnClause(p, args)
	}
	_, at, proper := listsKeyIndex(args[0], n, args[2])
	if at < 0 {
		if !proper {
			return libFnClause(p, args)
		}
		return args[2]
	}
	return listsReplaceAt(p, args[2], at, nil)
}

// listsReplaceAt returns l with its element at index i replaced by the
// given terms (none to delete it), sharing the tail after i.
func listsReplaceAt(p *emu.Process, l term.Term, i int, with []term.Term) term.Term {
	prefix := make([]term.Term, 0, i+len(with))
	for j := 0; j < i; j++ {
		prefix = append(prefix, l.Head())
		l = l.Tail()
	}
	prefix = append(prefix, with...)
	return term.ListWithTail(p.Heap, prefix, l.Tail())
}

func listsKeyreplace(p *emu.Process, args []term.Term) term.Term {
	n, ok := libPosInt(args[1])
	if !ok || !args[3].IsTuple() {
		return libFnClause(p, args)
	}
	_, at, proper := listsKeyIndex(args[0], n, args[2])
	if at < 0 {
		if !proper {
			return libFnClause(p, args)
		}
		return args[2]
	}
	return listsReplaceAt(p, args[2], at, []term.Term{args[3]})
}

func listsKeystore(p *emu.Process, args []term.Term) term.Term {
	n, ok := libPosInt(args[1])
	if !ok || !args[3].IsTuple() {
		return libFnClause(p, args)
	}
	elems, at, proper := listsKeyIndex(args[0], n, args[2])
	if at >= 0 {
		return listsReplaceAt(p, args[2], at, []term.Term{args[3]})
	}
	if !proper {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, append(elems, args[3]))
}

func listsKeytake(p *emu.Process, args []term.Term) term.Term {
	n, ok := libPosInt(args[1])
	if !ok {
		return libFnClause(p, args)
	}
	_, at, proper := listsKeyIndex(args[0], n, args[2])
	if at < 0 {
		if !proper {
			return libFnClause(p, args)
		}
		return term.False
	}
	l := args[2]
	for j := 0; j < at; j++ {
		l = l.Tail()
	}
	rest := listsReplaceAt(p, args[2], at, nil)
	return term.Tuple3(p.Heap, libValue, l.Head(), rest)
}

func listsMember(p *emu.Process, args []term.Term) term.Term {
	l := args[1]
	for ; l.IsCons(); l = l.Tail() {
		if term.Equal(l.Head(), args[0]) {
			return term.True
		}
	}
	if l != term.Nil {
		return p.Badarg()
	}
	return term.False
}

// listsAppend2 is L1 ++ L2.
func listsAppend2(p *emu.Process, args []term.Term) term.Term {
	elems, ok := term.ListToSlice(args[0])
	if !ok {
		return p.Badarg()
	}
	return term.ListWithTail(p.Heap, elems, args[1])
}

// listsAppend1 concatenates a list of lists; the last one is shared.
func listsAppend1(p *emu.Process, args []term.Term) term.Term {
	lists, ok := term.ListToSlice(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	if len(lists) == 0 {
		return term.Nil
	}
	var elems []term.Term
	for _, l := range lists[:len(lists)-1] {
		es, ok := term.ListToSlice(l)
		if !ok {
			return p.Badarg()
		}
		elems = append(elems, es...)
	}
	return term.ListWithTail(p.Heap, elems, lists[len(lists)-1])
}

// listsMerge merges two sorted lists; on ties the element of the first
// list comes first.
func listsMerge(p *emu.Process, args []term.Term) term.Term {
	if args[1] == term.Nil {
		return args[0]
	}
	a, ok1 := term.ListToSlice(args[0])
	b, ok2 := term.ListToSlice(args[1])
	if !ok1 || !ok2 {
		return libFnClause(p, args)
	}
	out := make([]term.Term, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if term.Compare(a[i], b[j]) <= 0 {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	out = append(append(out, a[i:]...), b[j:]...)
	return term.ListFrom(p.Heap, out)
}

func listsNth(p *emu.Process, args []term.Term) term.Term {
	n, ok := libPosInt(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	l := args[1]
	for ; n > 1 && l.IsCons(); n-- {
		l = l.Tail()
	}
	if !l.IsCons() {
		return libFnClause(p, args)
	}
	return l.Head()
}

func listsNthtail(p *emu.Process, args []term.Term) term.Term {
	n, ok := libNonNegInt(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	l := args[1]
	if n == 0 && !l.IsList() {
		return libFnClause(p, args)
	}
	for ; n > 0 && l.IsCons(); n-- {
		l = l.Tail()
	}
	if n > 0 {
		return libFnClause(p, args)
	}
	return l
}

func listsLast(p *emu.Process, args []term.Term) term.Term {
	l := args[0]
	if !l.IsCons() {
		return libFnClause(p, args)
	}
	for l.Tail().IsCons() {
		l = l.Tail()
	}
	if l.Tail() != term.Nil {
		return libFnClause(p, args)
	}
	return l.Head()
}

// listsFlattenInto appends the non-list elements of deep list l to out,
// iteratively so that deep nesting cannot exhaust the Go stack.
func listsFlattenInto(out []term.Term, l term.Term) ([]term.Term, bool) {
	stack := []term.Term{l}
	for len(stack) > 0 {
		l := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for ; l.IsCons(); l = l.Tail() {
			h := l.Head()
			if h.IsList() {
				stack = append(stack, l.Tail())
				l = h
				for l.IsCons() && l.Head().IsList() {
					stack = append(stack, l.Tail())
					l = l.Head()
				}
				if !l.IsCons() {
					if l != term.Nil {
						return nil, false
					}
					break
				}
				h = l.Head()
			}
			out = append(out, h)
		}
		if l != term.Nil && !l.IsCons() {
			return nil, false
		}
	}
	return out, true
}

func listsFlatten1(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsList() {
		return libFnClause(p, args)
	}
	out, ok := listsFlattenInto(nil, args[0])
	if !ok {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, out)
}

func listsFlatten2(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsList() || !args[1].IsList() {
		return libFnClause(p, args)
	}
	out, ok := listsFlattenInto(nil, args[0])
	if !ok {
		return libFnClause(p, args)
	}
	return term.ListWithTail(p.Heap, out, args[1])
}

func listsFlatlength(p *emu.Process, args []term.Term) term.Term {
	out, ok := listsFlattenInto(nil, args[0])
	if !ok || !args[0].IsList() {
		return libFnClause(p, args)
	}
	return term.MakeSmall(int64(len(out)))
}

func listsSeq2(p *emu.Process, args []term.Term) term.Term {
	first, last := args[0], args[1]
	if !first.IsInteger() || !last.IsInteger() {
		return libFnClause(p, args)
	}
	if f, ok := first.Int64(); ok {
		if l, ok := last.Int64(); ok && f-1 <= l && l-f < 1<<40 {
			return listsSeqSmall(p, f, l-f+1, 1)
		}
	}
	f, l := first.BigInt(), last.BigInt()
	if new(big.Int).Sub(f, big.NewInt(1)).Cmp(l) > 0 {
		return libFnClause(p, args)
	}
	return listsSeqBig(p, f, l, big.NewInt(1))
}

// listsSeqSmall builds [from, from+inc, ...] of n elements.
func listsSeqSmall(p *emu.Process, from, n, inc int64) term.Term {
	if n == 0 {
		return term.Nil
	}
	if last := from + (n-1)*inc; !term.FitsSmall(from) || !term.FitsSmall(last) {
		elems := make([]term.Term, n)
		for i := range elems {
			elems[i] = term.MakeInt(p.Heap, from+int64(i)*inc)
		}
		return term.ListFrom(p.Heap, elems)
	}
	// Small integers: the cells in one allocation, each pointing at the
	// next. Tagged words step by fixed amounts (the value by inc, the
	// next cell by two words), which keeps this loop to a few
	// instructions a cell: lists:seq builds many long lists.
	w := p.Heap.Alloc(2 * int(n))
	head := term.ConsOf(w)
	v, step := uint64(term.MakeSmall(from)), uint64(inc)<<term.SmallShift
	next := uint64(head) + 16
	for i := 0; i+1 < len(w); i += 2 {
		w[i], w[i+1] = v, next
		v += step
		next += 16
	}
	w[len(w)-1] = uint64(term.Nil)
	return head
}

func listsSeqBig(p *emu.Process, from, last, inc *big.Int) term.Term {
	var elems []term.Term
	v := new(big.Int).Set(from)
	for (inc.Sign() > 0 && v.Cmp(last) <= 0) || (inc.Sign() < 0 && v.Cmp(last) >= 0) {
		elems = append(elems, term.MakeBigInt(p.Heap, v))
		v.Add(v, inc)
	}
	return term.ListFrom(p.Heap, elems)
}

func listsSeq3(p *emu.Process, args []term.Term) term.Term {
	first, last, inc := args[0], args[1], args[2]
	if !first.IsInteger() || !last.IsInteger() || !inc.IsInteger() {
		return libBadargArgs(p, args)
	}
	f, l, i := first.BigInt(), last.BigInt(), inc.BigInt()
	fmi := new(big.Int).Sub(f, i)
	switch {
	case i.Sign() > 0 && fmi.Cmp(l) <= 0, i.Sign() < 0 && fmi.Cmp(l) >= 0:
		// N = (Last - First + Inc) div Inc elements.
		n := new(big.Int).Quo(new(big.Int).Add(new(big.Int).Sub(l, f), i), i)
		fs, ok1 := first.Int64()
		is, ok2 := inc.Int64()
		if ok1 && ok2 && n.IsInt64() && n.Int64() < 1<<40 && first.IsSmall() && last.IsSmall() && inc.IsSmall() {
			return listsSeqSmall(p, fs, n.Int64(), is)
		}
		return listsSeqBig(p, f, l, i)
	case i.Sign() == 0 && f.Cmp(l) == 0:
		return term.Cons(p.Heap, first, term.Nil)
	}
	return libBadargArgs(p, args)
}

func listsSum(p *emu.Process, args []term.Term) term.Term {
	sum := term.MakeSmall(0)
	l := args[0]
	for ; l.IsCons(); l = l.Tail() {
		s, ok := libAdd(p.Heap, sum, l.Head())
		if !ok {
			// OTP's sum/2 fails in its Sum + H: the trace shows '+' and then
			// lists:sum/2 (sum/1 tail-calls it).
			p.Badarith()
			p.FailedInLibrary(plusMFA, []term.Term{sum, l.Head()}, sum2MFA, sumAddLine)
			return term.NonValue
		}
		sum = s
	}
	if l != term.Nil {
		return libFnClause(p, args)
	}
	return sum
}

// listsExtreme returns the greatest (sign 1) or least (sign -1) element;
// the first of equal elements wins.
func listsExtreme(p *emu.Process, args []term.Term, sign int) term.Term {
	l := args[0]
	if !l.IsCons() {
		return libFnClause(p, args)
	}
	best := l.Head()
	for l = l.Tail(); l.IsCons(); l = l.Tail() {
		if term.Compare(l.Head(), best)*sign > 0 {
			best = l.Head()
		}
	}
	if l != term.Nil {
		return libFnClause(p, args)
	}
	return best
}

func listsMax(p *emu.Process, args []term.Term) term.Term { return listsExtreme(p, args, 1) }
func listsMin(p *emu.Process, args []term.Term) term.Term { return listsExtreme(p, args, -1) }

func listsDuplicate(p *emu.Process, args []term.Term) term.Term {
	n, ok := libNonNegInt(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	elems := make([]term.Term, n)
	for i := range elems {
		elems[i] = args[1]
	}
	return term.ListFrom(p.Heap, elems)
}

// listsTake returns the first n elements of l (fewer if l is shorter) and
// whether l was a list as far as sublist/2 looks.
func listsTake(l term.Term, n int) ([]term.Term, bool) {
	var out []term.Term
	for ; n > 0 && l.IsCons(); n-- {
		out = append(out, l.Head())
		l = l.Tail()
	}
	return out, n == 0 || l == term.Nil
}

func listsSublist2(p *emu.Process, args []term.Term) term.Term {
	n, ok := libNonNegInt(args[1])
	if !ok || !args[0].IsList() {
		if args[1].IsBig() && args[1].BigInt().Sign() > 0 && term.ListLength(args[0]) >= 0 {
			return args[0]
		}
		return libFnClause(p, args)
	}
	out, ok := listsTake(args[0], n)
	if !ok {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, out)
}

func listsSublist3(p *emu.Process, args []term.Term) term.Term {
	s, ok1 := libPosInt(args[1])
	n, ok2 := libNonNegInt(args[2])
	if !ok1 || !ok2 {
		return libFnClause(p, args)
	}
	l := args[0]
	for ; s > 1 && l.IsCons(); s-- {
		l = l.Tail()
	}
	if s > 1 && l == term.Nil {
		return term.Nil
	}
	if !l.IsList() {
		return libFnClause(p, args)
	}
	out, ok := listsTake(l, n)
	if !ok {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, out)
}

func listsSplit(p *emu.Process, args []term.Term) term.Term {
	n, ok := libNonNegInt(args[0])
	if !ok || !args[1].IsList() {
		return libBadargArgs(p, args)
	}
	l := args[1]
	var front []term.Term
	for ; n > 0 && l.IsCons(); n-- {
		front = append(front, l.Head())
		l = l.Tail()
	}
	if n > 0 {
		if l == term.Nil {
			return libBadargArgs(p, args)
		}
		return libFnClause(p, args)
	}
	return term.Tuple2(p.Heap, term.ListFrom(p.Heap, front), l)
}

func listsZip(p *emu.Process, args []term.Term) term.Term {
	a, b := args[0], args[1]
	var out []term.Term
	for a.IsCons() && b.IsCons() {
		out = append(out, term.Tuple2(p.Heap, a.Head(), b.Head()))
		a, b = a.Tail(), b.Tail()
	}
	if a != term.Nil || b != term.Nil {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, out)
}

func listsZip3(p *emu.Process, args []term.Term) term.Term {
	a, b, c := args[0], args[1], args[2]
	var out []term.Term
	for a.IsCons() && b.IsCons() && c.IsCons() {
		out = append(out, term.Tuple3(p.Heap, a.Head(), b.Head(), c.Head()))
		a, b, c = a.Tail(), b.Tail(), c.Tail()
	}
	if a != term.Nil || b != term.Nil || c != term.Nil {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, out)
}

// listsUnzipN splits a list of n-tuples into n lists.
func listsUnzipN(p *emu.Process, args []term.Term, n int) term.Term {
	cols := make([][]term.Term, n)
	l := args[0]
	for ; l.IsCons(); l = l.Tail() {
		t := l.Head()
		if !t.IsTuple() || t.TupleArity() != n {
			return libFnClause(p, args)
		}
		for i := range cols {
			cols[i] = append(cols[i], t.Element(i+1))
		}
	}
	if l != term.Nil {
		return libFnClause(p, args)
	}
	out := make([]term.Term, n)
	for i, c := range cols {
		out[i] = term.ListFrom(p.Heap, c)
	}
	return term.NewTuple(p.Heap, out...)
}

func listsUnzip(p *emu.Process, args []term.Term) term.Term  { return listsUnzipN(p, args, 2) }
func listsUnzip3(p *emu.Process, args []term.Term) term.Term { return listsUnzipN(p, args, 3) }

func listsDelete(p *emu.Process, args []term.Term) term.Term {
	l := args[1]
	i := 0
	for ; l.IsCons(); l = l.Tail() {
		if term.Equal(l.Head(), args[0]) {
			return listsReplaceAt(p, args[1], i, nil)
		}
		i++
	}
	if l != term.Nil {
		return libFnClause(p, args)
	}
	return args[1]
}

// listsSubtract is L1 -- L2: each element of L2 removes the first exactly
// equal element of L1.
func listsSubtract(p *emu.Process, args []term.Term) term.Term {
	a, ok1 := term.ListToSlice(args[0])
	b, ok2 := term.ListToSlice(args[1])
	if !ok1 || !ok2 {
		return p.Badarg()
	}
	if len(b) == 0 {
		return args[0]
	}
	removed := make([]bool, len(a))
	if len(a)*len(b) > 4096 {
		listsSubtractSorted(a, b, removed)
	} else {
		for _, x := range b {
			for i, y := range a {
				if !removed[i] && term.Equal(x, y) {
					removed[i] = true
					break
				}
			}
		}
	}
	out := a[:0:0]
	for i, y := range a {
		if !removed[i] {
			out = append(out, y)
		}
	}
	return term.ListFrom(p.Heap, out)
}

// listsSubtractSorted marks removals for long operands in O(n log n): it
// sorts the positions of a by exact term order, so that the first equal
// element of a for each element of b is found by binary search.
func listsSubtractSorted(a, b []term.Term, removed []bool) {
	idx := make([]int, len(a))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return term.CompareExact(a[idx[i]], a[idx[j]]) < 0 })
	for _, x := range b {
		k := sort.Search(len(idx), func(k int) bool { return term.CompareExact(a[idx[k]], x) >= 0 })
		for ; k < len(idx) && term.CompareExact(a[idx[k]], x) == 0; k++ {
			if !removed[idx[k]] {
				removed[idx[k]] = true
				break
			}
		}
	}
}

func listsPrefix(p *emu.Process, args []term.Term) term.Term {
	a, b := args[0], args[1]
	for a.IsCons() && b.IsCons() && term.Equal(a.Head(), b.Head()) {
		a, b = a.Tail(), b.Tail()
	}
	if !b.IsList() || !a.IsList() {
		return libFnClause(p, args)
	}
	return term.Bool(a == term.Nil)
}

func listsSuffix(p *emu.Process, args []term.Term) term.Term {
	ns, nl := term.ListLength(args[0]), term.ListLength(args[1])
	if ns < 0 || nl < 0 {
		return p.Badarg()
	}
	if nl < ns {
		return term.False
	}
	l := args[1]
	for i := 0; i < nl-ns; i++ {
		l = l.Tail()
	}
	return term.Bool(term.Equal(l, args[0]))
}

func listsDroplast(p *emu.Process, args []term.Term) term.Term {
	elems, ok := term.ListToSlice(args[0])
	if !ok || len(elems) == 0 {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, elems[:len(elems)-1])
}

func listsConcat(p *emu.Process, args []term.Term) term.Term {
	things, ok := term.ListToSlice(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	var out []term.Term
	for _, t := range things {
		var s string
		switch {
		case t.IsInteger():
			s = t.BigInt().String()
		case t.IsFloat():
			s = strconv.FormatFloat(t.FloatValue(), 'e', 20, 64)
		case t.IsAtom():
			for _, r := range term.AtomName(t) {
				out = append(out, term.MakeSmall(int64(r)))
			}
			continue
		case t.IsList():
			es, ok := term.ListToSlice(t)
			if !ok {
				return libFnClause(p, args)
			}
			out = append(out, es...)
			continue
		default:
			return libFnClause(p, args)
		}
		for i := 0; i < len(s); i++ {
			out = append(out, term.MakeSmall(int64(s[i])))
		}
	}
	return term.ListFrom(p.Heap, out)
}

func listsJoin(p *emu.Process, args []term.Term) term.Term {
	elems, ok := term.ListToSlice(args[1])
	if !ok {
		return libFnClause(p, args)
	}
	if len(elems) == 0 {
		return term.Nil
	}
	out := make([]term.Term, 0, 2*len(elems)-1)
	for i, e := range elems {
		if i > 0 {
			out = append(out, args[0])
		}
		out = append(out, e)
	}
	return term.ListFrom(p.Heap, out)
}

func listsEnumerate1(p *emu.Process, args []term.Term) term.Term {
	return listsEnumerateFrom(p, args, term.MakeSmall(1), args[0])
}

func listsEnumerate2(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsInteger() {
		return libFnClause(p, args)
	}
	return listsEnumerateFrom(p, args, args[0], args[1])
}

func listsEnumerateFrom(p *emu.Process, args []term.Term, i, l term.Term) term.Term {
	elems, ok := term.ListToSlice(l)
	if !ok {
		return libFnClause(p, args)
	}
	out := make([]term.Term, len(elems))
	one := term.MakeSmall(1)
	for k, e := range elems {
		out[k] = term.Tuple2(p.Heap, i, e)
		i, _ = libAdd(p.Heap, i, one)
	}
	return term.ListFrom(p.Heap, out)
}
