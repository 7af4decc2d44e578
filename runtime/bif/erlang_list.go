package bif

import (
	"sort"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// List BIFs: length/1, hd/1, tl/1, '++'/2, '--'/2.

func init() {
	erlRegisterGuard("length", 1, erlLength)
	erlRegisterGuard("hd", 1, erlHd)
	erlRegisterGuard("tl", 1, erlTl)
	erlRegister("++", 2, erlAppend)
	erlRegister("--", 2, erlSubtract)
}

func erlLength(p *emu.Process, args []term.Term) term.Term {
	n := term.ListLength(args[0])
	if n < 0 {
		return p.Badarg()
	}
	return term.MakeSmall(int64(n))
}

func erlHd(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsCons() {
		return p.Badarg()
	}
	return args[0].Head()
}

func erlTl(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsCons() {
		return p.Badarg()
	}
	return args[0].Tail()
}

// erlAppend is A ++ B: A must be a proper list, B can be anything.
func erlAppend(p *emu.Process, args []term.Term) term.Term {
	if args[0] == term.Nil {
		return args[1]
	}
	elems, ok := term.ListToSlice(args[0])
	if !ok {
		return p.Badarg()
	}
	return term.ListWithTail(p.Heap, elems, args[1])
}

// erlSubtract is A -- B: for each element of B, the first element of A
// that is exactly equal (=:=) to it is removed.
func erlSubtract(p *emu.Process, args []term.Term) term.Term {
	as, ok1 := term.ListToSlice(args[0])
	bs, ok2 := term.ListToSlice(args[1])
	if !ok1 || !ok2 {
		return p.Badarg()
	}
	if len(as) == 0 || len(bs) == 0 {
		return args[0]
	}
	var keep []bool
	if len(bs) <= 16 {
		keep = erlSubtractSmall(as, bs)
	} else {
		keep = erlSubtractMultiset(as, bs)
	}
	// The part of A after the last removed element is shared, not copied.
	last := len(keep) - 1
	for last >= 0 && keep[last] {
		last--
	}
	if last < 0 {
		return args[0]
	}
	tail := args[0]
	for i := 0; i <= last; i++ {
		tail = tail.Tail()
	}
	out := make([]term.Term, 0, last+1)
	for i := 0; i < last; i++ {
		if keep[i] {
			out = append(out, as[i])
		}
	}
	return term.ListWithTail(p.Heap, out, tail)
}

// erlSubtractSmall removes one element of as per element of bs by linear
// search, which is fastest when bs is short.
func erlSubtractSmall(as, bs []term.Term) []bool {
	keep := make([]bool, len(as))
	for i := range keep {
		keep[i] = true
	}
	for _, b := range bs {
		for i, a := range as {
			if keep[i] && term.Equal(a, b) {
				keep[i] = false
				break
			}
		}
	}
	return keep
}

// erlSubtractMultiset does the same in O((n+m) log m): removing the first
// occurrence of b once per b in B is removing, for each value, its first k
// occurrences where k is how many times B holds it.
func erlSubtractMultiset(as, bs []term.Term) []bool {
	sorted := append([]term.Term(nil), bs...)
	sort.Slice(sorted, func(i, j int) bool { return term.CompareExact(sorted[i], sorted[j]) < 0 })
	var keys []term.Term
	var counts []int
	for _, b := range sorted {
		if n := len(keys); n > 0 && term.CompareExact(keys[n-1], b) == 0 {
			counts[n-1]++
			continue
		}
		keys = append(keys, b)
		counts = append(counts, 1)
	}
	keep := make([]bool, len(as))
	for i, a := range as {
		j := sort.Search(len(keys), func(j int) bool { return term.CompareExact(keys[j], a) >= 0 })
		if j < len(keys) && counts[j] > 0 && term.CompareExact(keys[j], a) == 0 {
			counts[j]--
			continue
		}
		keep[i] = true
	}
	return keep
}
