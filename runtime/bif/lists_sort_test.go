package bif

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// sortNum is a random element of a mixed int/float list whose elements
// are often == but not =:= (2 and 2.0), where sort stability shows.
func sortNum(r *rand.Rand) string {
	n := r.Intn(4) + 1
	if r.Intn(2) == 0 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d.0", n)
}

func sortList(r *rand.Rand, max int, elem func() string) string {
	parts := make([]string, r.Intn(max))
	for i := range parts {
		parts[i] = elem()
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// The stable members of the sort family agree with erl on random lists
// of mixed ints and floats (where the order of equal elements shows).
func TestListsSortFamilyRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	num := func() string { return sortNum(r) }
	tup := func() string { return fmt.Sprintf("{%s,%d}", sortNum(r), r.Intn(3)) }
	var calls []string
	for i := 0; i < 300; i++ {
		calls = append(calls,
			"lists:usort("+sortList(r, 12, num)+")",
			"lists:keysort(1, "+sortList(r, 12, tup)+")",
			"lists:keysort(2, "+sortList(r, 12, tup)+")",
			"lists:ukeysort(1, "+sortList(r, 12, tup)+")",
			"lists:uniq("+sortList(r, 12, num)+")",
		)
	}
	libOracle(t, calls)
}

// sort/1 is not stable: it orders elements that are == but not =:=
// (2, 2.0, {2,2.0}, {2.0,2}) in its own way, which must be matched
// exactly. Short lists of few values cover every shape of run; long ones
// the merging of many runs.
func TestListsSortTiesRandom(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	num := func() string { return sortNum(r) }
	pair := func() string { return "{" + sortNum(r) + "," + sortNum(r) + "}" }
	var calls []string
	for i := 0; i < 400; i++ {
		calls = append(calls,
			"lists:sort("+sortList(r, 10, num)+")",
			"lists:sort("+sortList(r, 12, pair)+")",
		)
	}
	for i := 0; i < 40; i++ {
		calls = append(calls,
			"lists:sort("+sortList(r, 300, num)+")",
			"lists:sort("+sortList(r, 300, pair)+")",
		)
	}
	libOracle(t, calls)
}

// The shapes behind sort/1's order of ties, one by one.
func TestListsSortTiesShapes(t *testing.T) {
	libOracle(t, []string{
		"lists:sort([2,1,2.0])",                     // three elements: stable
		"lists:sort([1,1.0,2,0])",                   // ascending first: stable
		"lists:sort([1,1.0,1,1.0])",                 // all equal: as given
		"lists:sort([2,1,1.0,1])",                   // one descending run
		"lists:sort([2,1,2.0,2,2.0])",               // between the window
		"lists:sort([2.0,2,2,1,1.0])",               // equal start, then down
		"lists:sort([3,2,1,4,4.0])",                 // run ends, equal window
		"lists:sort([3,2,1,5,4,5.0])",               // run ends, greater aside
		"lists:sort([3,2,1,5,1.0,5.0])",             // aside while the run grows
		"lists:sort([3,2,1,5,2.0,5.0])",             // aside, between
		"lists:sort([3,2,1,5.0,5])",                 // aside at the end
		"lists:sort([1,0,1.0,0.0,1,0,1.0,0.0])",     // many runs
		"lists:sort([{1,1.0},{0,0},{1.0,1},{1,1}])", // tuples that are ==
	})
}

// Merges take sorted inputs; the test sorts them in erl first, so the
// arguments are built by a call inside the argument list.
func TestListsMergeFamilyRandom(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	num := func() string { return sortNum(r) }
	asc := func() string { return "lists:sort(fun erlang:'=<'/2, " + sortList(r, 8, num) + ")" }
	desc := func() string { return "lists:sort(fun erlang:'>='/2, " + sortList(r, 8, num) + ")" }
	ktup := func() string { return fmt.Sprintf("{%s,%d}", sortNum(r), r.Intn(3)) }
	kasc := func() string {
		return "lists:sort(fun(A, B) -> element(1, A) =< element(1, B) end, " + sortList(r, 8, ktup) + ")"
	}
	kdesc := func() string {
		return "lists:sort(fun(A, B) -> element(1, A) >= element(1, B) end, " + sortList(r, 8, ktup) + ")"
	}
	var calls []string
	for i := 0; i < 200; i++ {
		calls = append(calls,
			"lists:merge(["+asc()+","+asc()+","+asc()+"])",
			"lists:umerge(["+asc()+","+asc()+","+asc()+"])",
			"lists:merge3("+asc()+","+asc()+","+asc()+")",
			"lists:umerge3("+asc()+","+asc()+","+asc()+")",
			"lists:umerge("+asc()+","+asc()+")",
			"lists:rmerge("+desc()+","+desc()+")",
			"lists:rumerge("+desc()+","+desc()+")",
			"lists:rmerge3("+desc()+","+desc()+","+desc()+")",
			"lists:rumerge3("+desc()+","+desc()+","+desc()+")",
			"lists:keymerge(1, "+kasc()+","+kasc()+")",
			"lists:ukeymerge(1, "+kasc()+","+kasc()+")",
			"lists:rkeymerge(1, "+kdesc()+","+kdesc()+")",
			"lists:rukeymerge(1, "+kdesc()+","+kdesc()+")",
		)
	}
	libOracle(t, calls)
}

// sort/1 on lists whose equal elements are also identical, and the
// errors of the whole family.
func TestListsSortFamilyEdges(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	var calls []string
	for i := 0; i < 300; i++ {
		calls = append(calls, "lists:sort("+sortList(r, 20, func() string {
			return []string{"1", "2", "a", "b", "{1,2}", "[1]", "<<\"x\">>", "3.5", "-7"}[r.Intn(9)]
		})+")")
	}
	calls = append(calls,
		"lists:sort([])", "lists:sort([1])", "lists:sort(x)", "lists:sort([1|x])", "lists:sort([2,1|x])",
		"lists:usort(x)", "lists:usort([1|x])", "lists:usort([1,1.0,2.0,2])",
		"lists:keysort(0, [])", "lists:keysort(1, x)", "lists:keysort(1, [a])", "lists:keysort(1, [a,b])",
		"lists:keysort(1, [{1}|x])", "lists:keysort(1, [{2},{1}|x])", "lists:keysort(2, [{1}])",
		"lists:keysort(2, [{1,2},{3}])", "lists:ukeysort(0, [])", "lists:ukeysort(1, x)",
		"lists:merge(x)", "lists:merge([x])", "lists:merge([[1],x])", "lists:merge([[1|x],[2]])",
		"lists:umerge(x)", "lists:umerge([1],x)", "lists:umerge(x,[1])", "lists:umerge(x,[])", "lists:umerge([],x)",
		"lists:umerge([1,1],[1.0,2])", "lists:umerge([1],[1.0,1.0])",
		"lists:merge3(x,[],[])", "lists:merge3([],[],x)",
		"lists:keymerge(0,[],[])", "lists:keymerge(1,x,[])", "lists:keymerge(1,[],x)", "lists:keymerge(2,[{1}],[{2}])",
		"lists:uniq(x)", "lists:uniq([1|x])", "lists:uniq([1,1.0,1,a,a,{1},{1.0},{1}])",
	)
	libOracle(t, calls)
}

// Large inputs of every shape the sort's run detection tells apart
// (random, ascending, descending, sawtooth), with and without ties of
// equal but distinct elements, agree with erl. The lists are built by
// the argument expressions in erl: Mix(I) is an integer near I that is
// a float for every third I, Rnd is a seeded pseudo-random list.
func TestListsSortLargeInputs(t *testing.T) {
	const n = 20000
	rnd := func(k int) string {
		return fmt.Sprintf("begin rand:seed(exsss, {1,2,3}), [rand:uniform(%d) || _ <- lists:seq(1, %d)] end", k, n)
	}
	mix := func(gen string) string {
		return "[case I rem 3 of 0 -> float(X); _ -> X end || {I, X} <- lists:enumerate(" + gen + ")]"
	}
	tup := func(gen string) string {
		return "[{X, I rem 7} || {I, X} <- lists:enumerate(" + gen + ")]"
	}
	shapes := []string{
		rnd(1_000_000),                         // random, no ties
		rnd(50),                                // random, many ties
		fmt.Sprintf("lists:seq(1, %d)", n),     // ascending
		fmt.Sprintf("lists:seq(%d, 1, -1)", n), // descending
		fmt.Sprintf("[I div 4 || I <- lists:seq(%d, 1, -1)]", n),           // descending with ties
		fmt.Sprintf("[I rem 101 || I <- lists:seq(1, %d)]", n),             // sawtooth
		fmt.Sprintf("[(I * 7919) rem 100003 || I <- lists:seq(1, %d)]", n), // as the listops benchmark
		"lists:reverse(" + rnd(50) + ")",
	}
	var calls []string
	for _, s := range shapes {
		for _, l := range []string{s, mix(s)} {
			calls = append(calls,
				"lists:sort("+l+")",
				"lists:usort("+l+")",
				"lists:keysort(1, "+tup(l)+")",
				"lists:keysort(2, "+tup(l)+")",
				"lists:ukeysort(1, "+tup(l)+")",
			)
		}
	}
	libOracle(t, calls)
}
