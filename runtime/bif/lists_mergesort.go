package bif

import (
	"cmp"
	"slices"
	"unsafe"

	"github.com/beamrc/beamrc/runtime/term"
)

// sortOrder is the order the sort family sorts and merges by: whole
// terms, or element key of tuples the caller has checked are long
// enough.
type sortOrder struct {
	key int // 0: whole terms
}

var wholeTerms = sortOrder{}

func keyOrder(n int) sortOrder { return sortOrder{key: n} }

// less reports whether a sorts before b. Two small integers, the most
// common elements by far, compare as their tagged words: the tag bits
// are the same and the value sits above them, so the signed words order
// as the values do, without term.Compare's dispatch on types. A keyed
// order only ever sees tuples here, so the test need not look at o.key.
// less is small enough to inline into the sort's loops, which is why it
// spells bothSmall out.
func (o sortOrder) less(a, b term.Term) bool {
	if uint64(a)&uint64(b)&term.Immed1Mask == term.TagSmall {
		return int64(a) < int64(b)
	}
	return o.compare(a, b) < 0
}

// compare orders a and b: negative, zero or positive.
func (o sortOrder) compare(a, b term.Term) int {
	if o.key > 0 {
		a, b = a.Element(o.key), b.Element(o.key)
	}
	if bothSmall(a, b) {
		return cmp.Compare(int64(a), int64(b))
	}
	return term.Compare(a, b)
}

// bothSmall is a.IsSmall() && b.IsSmall() in one test: the small
// integer tag has every bit of its mask set.
func bothSmall(a, b term.Term) bool {
	return uint64(a)&uint64(b)&term.Immed1Mask == term.TagSmall
}

// minRun is the shortest run the merge phase starts from: shorter
// natural runs are extended by insertion sort, which beats merging on
// a few elements.
const minRun = 24

// sortStable sorts elems in place, keeping equal elements in input
// order, in O(n log n) time with a scratch buffer of len(elems). Like
// OTP's sort it takes the input's runs as they are: an ascending or a
// strictly descending stretch (reversed, which keeps it stable since
// its elements all differ) costs one comparison per element, so sorted
// and reverse-sorted lists sort in linear time.
func sortStable(elems []term.Term, o sortOrder) {
	n := len(elems)
	if n < 2 {
		return
	}
	if o.key == 0 && allSmall(elems) {
		sortWords(smallInts(elems))
		return
	}
	bounds := []int{0} // runs are elems[bounds[k]:bounds[k+1]]
	for lo := 0; lo < n; {
		hi := naturalRun(elems[lo:], o) + lo
		if hi-lo < minRun && hi < n {
			end := min(lo+minRun, n)
			insertionSort(elems[lo:end], hi-lo, o)
			hi = end
		}
		bounds = append(bounds, hi)
		lo = hi
	}
	if len(bounds) > 2 {
		mergeRuns(elems, bounds, o)
	}
}

// allSmall reports whether elems are all small integers. Equal small
// integers are the same word, so the order of their ties cannot show:
// any sort of the tagged words gives the stable result, and the standard
// library's, which needs no comparison function, is the fastest.
func allSmall(elems []term.Term) bool {
	for _, e := range elems {
		if !e.IsSmall() {
			return false
		}
	}
	return true
}

// smallInts views small integers as their tagged words, which order as
// the values do (see less).
func smallInts(elems []term.Term) []int64 {
	return unsafe.Slice((*int64)(unsafe.Pointer(unsafe.SliceData(elems))), len(elems))
}

// naturalRun returns the length of the run at the start of elems,
// reversing it first if it descends strictly.
func naturalRun(elems []term.Term, o sortOrder) int {
	if len(elems) < 2 {
		return len(elems)
	}
	i := 1
	if o.less(elems[1], elems[0]) {
		for i+1 < len(elems) && o.less(elems[i+1], elems[i]) {
			i++
		}
		slices.Reverse(elems[:i+1])
		return i + 1
	}
	for i+1 < len(elems) && !o.less(elems[i+1], elems[i]) {
		i++
	}
	return i + 1
}

// insertionSort sorts elems whose first sorted elements are already in
// order, inserting each next one after the elements it does not precede.
func insertionSort(elems []term.Term, sorted int, o sortOrder) {
	for i := max(sorted, 1); i < len(elems); i++ {
		x := elems[i]
		j := i
		for j > 0 && o.less(x, elems[j-1]) {
			elems[j] = elems[j-1]
			j--
		}
		elems[j] = x
	}
}

// mergeRuns merges neighbouring sorted runs pairwise, pass after pass,
// back and forth between elems and a scratch buffer, until one run is
// left; it ends in elems.
func mergeRuns(elems []term.Term, bounds []int, o sortOrder) {
	scratch := takeTerms(len(elems))
	defer giveTerms(scratch)
	src, dst := elems, (*scratch)[:len(elems)]
	for len(bounds) > 2 {
		next := bounds[:1]
		k := 0
		for ; k+2 < len(bounds); k += 2 {
			lo, mid, hi := bounds[k], bounds[k+1], bounds[k+2]
			mergeInto(dst[lo:hi], src[lo:mid], src[mid:hi], o)
			next = append(next, hi)
		}
		if k+1 < len(bounds) { // an odd run out: carried over as it is
			lo, hi := bounds[k], bounds[k+1]
			copy(dst[lo:hi], src[lo:hi])
			next = append(next, hi)
		}
		bounds = next
		src, dst = dst, src
	}
	if &src[0] != &elems[0] {
		copy(elems, src)
	}
}

// mergeInto merges sorted a and b into out; on a tie a's element goes
// first. When a's last element does not follow b's first, the two runs
// are already in order and are only copied.
func mergeInto(out, a, b []term.Term, o sortOrder) {
	if !o.less(b[0], a[len(a)-1]) {
		copy(out, a)
		copy(out[len(a):], b)
		return
	}
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if o.less(b[j], a[i]) {
			out[k] = b[j]
			j++
		} else {
			out[k] = a[i]
			i++
		}
		k++
	}
	k += copy(out[k:], a[i:])
	copy(out[k:], b[j:])
}
