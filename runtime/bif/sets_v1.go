package bif

import "github.com/beamrc/beamrc/runtime/term"

// hashSet keeps terms in the order in which OTP 25's sets module (the
// default version 1, a linear hash table) lists them, so that functions
// that return sets:to_list/1 of a set they built (proplists:get_keys/1)
// give OTP's order. Checked against erl for sets of up to thousands of
// elements.
//
// The table starts with 16 slots, 8 of them the upper half of a 16-slot
// range. A term goes in the slot erlang:phash(T, maxn) names, or that
// slot minus half of maxn when the slot is not in use yet. When the set
// holds more than 5 elements per slot, one more slot comes into use and
// the elements of its lower partner that hash to it move there, in the
// order they were in (maxn doubles when every slot is in use). The set
// lists slot by slot, and each slot's elements in the order they came.
type hashSet struct {
	slots     [][]term.Term // slots[i] is slot i+1
	maxn, bso int           // hash range; the offset of its upper half
	size      int
}

func (s *hashSet) init() {
	s.slots = make([][]term.Term, 16)
	s.maxn, s.bso = 16, 8
}

func (s *hashSet) slot(t term.Term) int {
	h := int(term.Phash(t, uint64(s.maxn)))
	if h > len(s.slots) {
		h -= s.bso
	}
	return h - 1
}

// add puts t in the set unless an identical (=:=) term is there.
func (s *hashSet) add(t term.Term) {
	i := s.slot(t)
	for _, e := range s.slots[i] {
		if term.CompareExact(e, t) == 0 {
			return
		}
	}
	s.slots[i] = append(s.slots[i], t)
	s.size++
	if s.size > 5*len(s.slots) {
		s.expand()
	}
}

func (s *hashSet) expand() {
	if len(s.slots) == s.maxn {
		s.maxn *= 2
		s.bso *= 2
	}
	s.slots = append(s.slots, nil)
	n := len(s.slots)
	from := n - s.bso - 1
	var stay, move []term.Term
	for _, e := range s.slots[from] {
		if int(term.Phash(e, uint64(s.maxn))) == n {
			move = append(move, e)
		} else {
			stay = append(stay, e)
		}
	}
	s.slots[from], s.slots[n-1] = stay, move
}

// list returns the elements in sets:to_list/1's order.
func (s *hashSet) list() []term.Term {
	out := make([]term.Term, 0, s.size)
	for _, b := range s.slots {
		out = append(out, b...)
	}
	return out
}
