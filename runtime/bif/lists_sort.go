package bif

import (
	"slices"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// The fun-free half of lists' sort family. The versions that take an
// ordering fun are Erlang code (runtime/otp/src/lists.erl) so that the
// fun can call back.
//
// Experiments with erl show that every function here except sort/1 is
// stable: elements that compare equal (==) keep their input order, and
// the u* variants keep the first of them. A stable sort therefore gives
// exactly OTP's result. sort/1 alone orders some equal-but-distinct
// elements (2 and 2.0) differently from its input order; see sortTies
// (and keysortLeadingTies for keysort/2's one exception).
//
// The r* merges are undocumented helpers of OTP's own sort. They take
// lists sorted in descending order; on a tie the element of the later
// list comes first, which makes rmerge(A, B) the reverse of
// merge(reverse(A), reverse(B)) (checked against erl).

func init() {
	emu.Register("lists", "sort", 1, listsSort)
	emu.Register("lists", "usort", 1, listsUsort)
	emu.Register("lists", "keysort", 2, listsKeysort)
	emu.Register("lists", "ukeysort", 2, listsUkeysort)
	emu.Register("lists", "merge", 1, listsMerge1)
	emu.Register("lists", "merge3", 3, listsMerge3)
	emu.Register("lists", "umerge", 1, listsUmerge1)
	emu.Register("lists", "umerge", 2, listsUmerge2)
	emu.Register("lists", "umerge3", 3, listsUmerge3)
	emu.Register("lists", "keymerge", 3, listsKeymerge)
	emu.Register("lists", "ukeymerge", 3, listsUkeymerge)
	emu.Register("lists", "rkeymerge", 3, listsRkeymerge)
	emu.Register("lists", "rukeymerge", 3, listsRukeymerge)
	emu.Register("lists", "rmerge", 2, listsRmerge2)
	emu.Register("lists", "rumerge", 2, listsRumerge2)
	emu.Register("lists", "rmerge3", 3, listsRmerge3)
	emu.Register("lists", "rumerge3", 3, listsRumerge3)
	emu.Register("lists", "uniq", 1, listsUniq)
}

// sortDedup drops each element equal to the one kept before it (the
// input is sorted, so equal elements are neighbours).
func sortDedup(elems []term.Term, o sortOrder) []term.Term {
	if len(elems) == 0 {
		return elems
	}
	out := elems[:1]
	for _, e := range elems[1:] {
		if o.compare(out[len(out)-1], e) != 0 {
			out = append(out, e)
		}
	}
	return out
}

func listsSort(p *emu.Process, args []term.Term) term.Term {
	b := takeTerms(0)
	defer giveTerms(b)
	if !listElems(b, args[0]) {
		return libFnClause(p, args)
	}
	elems := *b
	if len(elems) < 2 {
		return args[0]
	}
	sortTies(elems)
	return term.ListFrom(p.Heap, elems)
}

func listsUsort(p *emu.Process, args []term.Term) term.Term {
	b := takeTerms(0)
	defer giveTerms(b)
	if !listElems(b, args[0]) {
		return libFnClause(p, args)
	}
	elems := *b
	if len(elems) < 2 {
		return args[0]
	}
	sortStable(elems, wholeTerms)
	return term.ListFrom(p.Heap, sortDedup(elems, wholeTerms))
}

// sortTies sorts for sort/1, whose order of equal but distinct elements
// (2 and 2.0) is not stable. Found by experiment with erl (exhaustive
// lists up to 10 elements, tens of thousands of random ones up to 1,000):
//
//   - lists of three elements or fewer, and lists whose first two
//     different neighbours ascend (or that have none), sort stably;
//   - otherwise the result is a stable sort of descendingRunOrder(list).
func sortTies(elems []term.Term) {
	if len(elems) > 3 && startsDescending(elems) && !allSmall(elems) {
		descendingRunOrder(elems)
	}
	sortStable(elems, wholeTerms)
}

// startsDescending reports whether the first neighbours in elems that
// differ (by ==) are in descending order.
func startsDescending(elems []term.Term) bool {
	for i := 1; i < len(elems); i++ {
		if c := wholeTerms.compare(elems[i-1], elems[i]); c != 0 {
			return c > 0
		}
	}
	return false
}

// descendingRunOrder rearranges elems, in place, into the order in which
// OTP's sort/1 treats the equal elements of a list that starts
// descending. It cuts the list into descending runs and reverses the
// concatenation of the runs. A run grows from a window of two elements,
// an upper and a lower one; the first run's window is the list's first
// two elements, in that order. Each next element, in list order,
//
//   - that is =< the lower window element goes below it (the window moves
//     down: the old upper element joins the run),
//   - else that is =< the upper element goes between the two (it becomes
//     the upper one; the old upper element joins the run),
//   - else, while the run holds only its window, goes on top of the run,
//   - else is set aside if nothing is; an element that fits while one is
//     set aside joins the run as above;
//   - else ends the run: the next run's window is the set-aside element
//     and this one (the set-aside one on top only if it is greater).
//
// An element still set aside at the end is a run of its own.
func descendingRunOrder(elems []term.Term) {
	out := make([]term.Term, 0, len(elems))
	upper, lower := elems[0], elems[1]
	runStart := 0 // where the current run begins in out
	var aside term.Term
	hasAside := false
	for _, z := range elems[2:] {
		switch {
		case wholeTerms.compare(z, lower) <= 0:
			out = append(out, upper)
			upper, lower = lower, z
		case wholeTerms.compare(z, upper) <= 0:
			out = append(out, upper)
			upper = z
		case len(out) == runStart:
			out = append(out, z)
		case !hasAside:
			aside, hasAside = z, true
		default:
			out = append(out, upper, lower)
			runStart = len(out)
			if wholeTerms.compare(aside, z) > 0 {
				upper, lower = aside, z
			} else {
				upper, lower = z, aside
			}
			hasAside = false
		}
	}
	out = append(out, upper, lower)
	if hasAside {
		out = append(out, aside)
	}
	for i, e := range out {
		elems[len(elems)-1-i] = e
	}
}

// keySortArgs checks keysort's arguments the way OTP's does: a bad index
// is function_clause, a list OTP cannot take apart at the top is
// {case_clause, L}, an improper tail further on is function_clause, and
// a tuple too short for the key is badarg (from element/2) as soon as
// there is something to compare it with.
func keySortArgs(p *emu.Process, args []term.Term) (n int, elems []term.Term, done term.Term) {
	n, ok := libPosInt(args[0])
	if !ok {
		return 0, nil, libFnClause(p, args)
	}
	l := args[1]
	switch {
	case l == term.Nil:
		return 0, nil, l
	case !l.IsCons():
		return 0, nil, p.ErrorTuple(term.CaseClause, l)
	case l.Tail() == term.Nil:
		return 0, nil, l
	case !l.Tail().IsCons():
		return 0, nil, p.ErrorTuple(term.CaseClause, l)
	}
	elems, ok = term.ListToSlice(l)
	if !ok {
		return 0, nil, libFnClause(p, args)
	}
	for _, e := range elems {
		if !e.IsTuple() || e.TupleArity() < n {
			return 0, nil, p.Badarg()
		}
	}
	return n, elems, term.NonValue
}

func listsKeysort(p *emu.Process, args []term.Term) term.Term {
	n, elems, done := keySortArgs(p, args)
	if elems == nil {
		return done
	}
	keysortLeadingTies(elems, n)
	sortStable(elems, keyOrder(n))
	return term.ListFrom(p.Heap, elems)
}

func listsUkeysort(p *emu.Process, args []term.Term) term.Term {
	n, elems, done := keySortArgs(p, args)
	if elems == nil {
		return done
	}
	sortStable(elems, keyOrder(n))
	return term.ListFrom(p.Heap, sortDedup(elems, keyOrder(n)))
}

// keysortLeadingTies reproduces the one place where OTP's keysort/2 is
// not stable, found by experiment (40,000 random lists agree): when a
// list of four or more elements starts with two whole elements that are
// == (such as {2,a} and {2.0,a}), and the first element after the run of
// elements == to the first has a smaller key, that leading run comes out
// in reverse order. Reversing it before the stable sort does the same.
func keysortLeadingTies(elems []term.Term, n int) {
	if len(elems) < 4 || wholeTerms.compare(elems[0], elems[1]) != 0 {
		return
	}
	k := 2
	for k < len(elems) && wholeTerms.compare(elems[k], elems[0]) == 0 {
		k++
	}
	if k < len(elems) && wholeTerms.compare(elems[k].Element(n), elems[0].Element(n)) < 0 {
		slices.Reverse(elems[:k])
	}
}

// mergeTwo merges sorted a and b; on a tie a's element goes first.
func mergeTwo(a, b []term.Term, o sortOrder) []term.Term {
	out := make([]term.Term, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if !o.less(b[j], a[i]) {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return append(append(out, a[i:]...), b[j:]...)
}

// umergeTwo merges sorted a and b, dropping an element of b that equals
// the element of a just taken. Duplicates within one list stay, as in
// OTP (umerge([1,1], [1.0,2]) is [1,1,2]).
func umergeTwo(a, b []term.Term, o sortOrder) []term.Term {
	out := make([]term.Term, 0, len(a)+len(b))
	i, j := 0, 0
	lastA := false // the last element out came from a
	for i < len(a) && j < len(b) {
		if !o.less(b[j], a[i]) {
			out = append(out, a[i])
			i++
			lastA = true
			continue
		}
		if !lastA || o.less(out[len(out)-1], b[j]) {
			out = append(out, b[j])
		}
		j++
		lastA = false
	}
	if j < len(b) && lastA && !o.less(out[len(out)-1], b[j]) {
		j++
	}
	return append(append(out, a[i:]...), b[j:]...)
}

// mergeAll merges lists left to right, earlier lists winning ties.
func mergeAll(ls [][]term.Term, o sortOrder, unique bool) []term.Term {
	if len(ls) == 0 {
		return nil
	}
	acc := ls[len(ls)-1]
	for k := len(ls) - 2; k >= 0; k-- {
		if unique {
			acc = umergeTwo(ls[k], acc, o)
		} else {
			acc = mergeTwo(ls[k], acc, o)
		}
	}
	return acc
}

// reversed returns the lists reversed, each into a new slice.
func reversed(ls ...[]term.Term) [][]term.Term {
	out := make([][]term.Term, len(ls))
	for i, l := range ls {
		r := slices.Clone(l)
		slices.Reverse(r)
		out[i] = r
	}
	return out
}

// rMergeAll merges descending lists: the reverse of merging the
// reversed lists.
func rMergeAll(ls [][]term.Term, o sortOrder, unique bool) []term.Term {
	out := mergeAll(reversed(ls...), o, unique)
	slices.Reverse(out)
	return out
}

// sliceArgs returns each argument as the elements of a proper list.
func sliceArgs(args []term.Term) ([][]term.Term, bool) {
	ls := make([][]term.Term, len(args))
	for i, a := range args {
		elems, ok := term.ListToSlice(a)
		if !ok {
			return nil, false
		}
		ls[i] = elems
	}
	return ls, true
}

func listsMerge1(p *emu.Process, args []term.Term) term.Term {
	lists, ok := term.ListToSlice(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	if len(lists) == 1 {
		return lists[0] // OTP returns a lone list as it is
	}
	ls, ok := sliceArgs(lists)
	if !ok {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, mergeAll(ls, wholeTerms, false))
}

func listsUmerge1(p *emu.Process, args []term.Term) term.Term {
	lists, ok := term.ListToSlice(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	if len(lists) == 1 {
		return lists[0]
	}
	ls, ok := sliceArgs(lists)
	if !ok {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, mergeAll(ls, wholeTerms, true))
}

// mergeN is merge3/umerge3 and the r* variants on their arguments.
func mergeN(p *emu.Process, args []term.Term, reverse, unique bool) term.Term {
	if !reverse && args[1] == term.Nil && args[2] == term.Nil {
		return args[0] // as OTP, which never looks at the first list then
	}
	ls, ok := sliceArgs(args)
	if !ok {
		return libFnClause(p, args)
	}
	if reverse {
		return term.ListFrom(p.Heap, rMergeAll(ls, wholeTerms, unique))
	}
	return term.ListFrom(p.Heap, mergeAll(ls, wholeTerms, unique))
}

func listsMerge3(p *emu.Process, args []term.Term) term.Term {
	return mergeN(p, args, false, false)
}

func listsUmerge3(p *emu.Process, args []term.Term) term.Term {
	return mergeN(p, args, false, true)
}

func listsRmerge3(p *emu.Process, args []term.Term) term.Term {
	return mergeN(p, args, true, false)
}

func listsRumerge3(p *emu.Process, args []term.Term) term.Term {
	return mergeN(p, args, true, true)
}

func listsUmerge2(p *emu.Process, args []term.Term) term.Term {
	if args[0] == term.Nil {
		return args[1]
	}
	ls, ok := sliceArgs(args)
	if !ok {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, umergeTwo(ls[0], ls[1], wholeTerms))
}

func listsRmerge2(p *emu.Process, args []term.Term) term.Term {
	ls, ok := sliceArgs(args)
	if !ok {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, rMergeAll(ls, wholeTerms, false))
}

func listsRumerge2(p *emu.Process, args []term.Term) term.Term {
	ls, ok := sliceArgs(args)
	if !ok {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, rMergeAll(ls, wholeTerms, true))
}

// keyMerge is keymerge/3 and its variants. As OTP: a bad index is
// function_clause, an empty second list returns the first as it is, a
// second list that is not a list is {case_clause, L2}, and a tuple too
// short for the key is badarg.
func keyMerge(p *emu.Process, args []term.Term, reverse, unique bool) term.Term {
	n, ok := libPosInt(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	if args[2] == term.Nil {
		return args[1]
	}
	if !args[2].IsCons() {
		return p.ErrorTuple(term.CaseClause, args[2])
	}
	ls, ok := sliceArgs(args[1:])
	if !ok {
		return libFnClause(p, args)
	}
	for _, l := range ls {
		for _, e := range l {
			if !e.IsTuple() || e.TupleArity() < n {
				return p.Badarg()
			}
		}
	}
	if reverse {
		return term.ListFrom(p.Heap, rMergeAll(ls, keyOrder(n), unique))
	}
	return term.ListFrom(p.Heap, mergeAll(ls, keyOrder(n), unique))
}

func listsKeymerge(p *emu.Process, args []term.Term) term.Term {
	return keyMerge(p, args, false, false)
}

func listsUkeymerge(p *emu.Process, args []term.Term) term.Term {
	return keyMerge(p, args, false, true)
}

func listsRkeymerge(p *emu.Process, args []term.Term) term.Term {
	return keyMerge(p, args, true, false)
}

func listsRukeymerge(p *emu.Process, args []term.Term) term.Term {
	return keyMerge(p, args, true, true)
}

// listsUniq keeps the first of each group of exactly equal (=:=)
// elements, in list order.
func listsUniq(p *emu.Process, args []term.Term) term.Term {
	elems, ok := term.ListToSlice(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	if len(elems) < 2 {
		return args[0]
	}
	seen := make(map[uint32][]term.Term) // by hash, then compared exactly
	out := make([]term.Term, 0, len(elems))
	for _, e := range elems {
		h := term.Phash2(e)
		dup := false
		for _, s := range seen[h] {
			if term.CompareExact(s, e) == 0 {
				dup = true
				break
			}
		}
		if !dup {
			seen[h] = append(seen[h], e)
			out = append(out, e)
		}
	}
	return term.ListFrom(p.Heap, out)
}
