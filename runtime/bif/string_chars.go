package bif

import (
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// sStr is chardata read into code points, for the string module. OTP's
// string functions return binaries for binary input and lists for list
// input, and the rest of the input as the iteration left it, so each code
// point keeps where the input continues after it: a byte offset for a
// binary, the rest term for a list.
type sStr struct {
	h     term.Allocator
	orig  term.Term
	bin   []byte // the bytes of orig, when it is a binary
	isBin bool
	cps   []int64
	ends  []int       // binary: byte offset after each code point
	rests []term.Term // list: the rest after each code point
	// gcEnd[i] is the index after the cluster that starts at code point i
	// (0 elsewhere); clusters lists the cluster start indices and len(cps).
	clusters []int
	errRest  term.Term // the invalid rest that stopped reading, or NonValue
}

// sRead reads chardata t; ok is false when t is not chardata (the caller
// raises function_clause). Invalid UTF-8 stops the reading: errRest is
// set and, in a binary, the remaining bytes are kept as code points -1,
// one per byte, so that functions that only search can still return them.
func sRead(h term.Allocator, t term.Term) (*sStr, bool) {
	s := &sStr{h: h, orig: t, errRest: term.NonValue}
	if t.IsBitstring() {
		b, ok := t.BinaryBytes()
		if !ok || !t.IsBinary() {
			return nil, false
		}
		s.bin, s.isBin = b, true
		for i := 0; i < len(b); {
			r, w := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && w <= 1 {
				if s.errRest == term.NonValue {
					s.errRest = term.SliceBits(h, t, uint(i)*8, uint(len(b)-i)*8)
				}
				s.cps = append(s.cps, -1)
				i++
			} else {
				s.cps = append(s.cps, int64(r))
				i += w
			}
			s.ends = append(s.ends, i)
		}
	} else {
		u := uIter{h}
		for rest := t; ; {
			c, r, st := u.cp(rest)
			if st == cpBad {
				return nil, false
			}
			if st == cpError {
				s.errRest = r
				break
			}
			if st == cpEnd {
				break
			}
			s.cps = append(s.cps, intValue(c))
			s.rests = append(s.rests, r)
			rest = r
		}
	}
	s.split()
	return s, true
}

// split finds the grapheme cluster boundaries.
func (s *sStr) split() {
	n := len(s.cps)
	for i := 0; i < n; {
		s.clusters = append(s.clusters, i)
		if s.cps[i] < 0 && s.isBin {
			i++
			continue
		}
		st := gcStart(s.cps[i])
		i++
		for i < n && !(s.cps[i] < 0 && s.isBin) && st.extends(s.cps[i]) {
			i++
		}
	}
	s.clusters = append(s.clusters, n)
}

// nGC is the number of grapheme clusters.
func (s *sStr) nGC() int { return len(s.clusters) - 1 }

// gcAt returns the code points of cluster k.
func (s *sStr) gcAt(k int) []int64 { return s.cps[s.clusters[k]:s.clusters[k+1]] }

// restAt is the input after the first i code points.
func (s *sStr) restAt(i int) term.Term {
	switch {
	case i == 0:
		return s.orig
	case s.isBin:
		return term.SliceBits(s.h, s.orig, uint(s.ends[i-1])*8, uint(len(s.bin)-s.ends[i-1])*8)
	}
	return s.rests[i-1]
}

// part is code points [i, j): a binary for binary input (or when the
// input from i on is one binary), else a flat list.
func (s *sStr) part(i, j int) term.Term {
	if s.isBin {
		start := 0
		if i > 0 {
			start = s.ends[i-1]
		}
		end := start
		if j > 0 {
			end = s.ends[j-1]
		}
		return term.SliceBits(s.h, s.orig, uint(start)*8, uint(end-start)*8)
	}
	if r := s.restAt(i); r.IsBinary() && i < j {
		n := 0
		for _, c := range s.cps[i:j] {
			n += utf8.RuneLen(rune(c))
		}
		return term.SliceBits(s.h, r, 0, uint(n)*8)
	}
	return s.list(i, j)
}

// list is code points [i, j) as a flat list.
func (s *sStr) list(i, j int) term.Term {
	elems := make([]term.Term, 0, j-i)
	for _, c := range s.cps[i:j] {
		elems = append(elems, term.MakeInt(s.h, c))
	}
	return term.ListFrom(s.h, elems)
}

// strict reports invalid UTF-8 as OTP does where it reads every cluster:
// error:{badarg, Rest}.
func (s *sStr) strict(p *emu.Process) bool {
	if s.errRest != term.NonValue {
		p.ErrorTuple(term.Badarg, s.errRest)
		return false
	}
	return true
}

// sCharsOf reads a list of code points or grapheme clusters (a separator
// or character set argument): each element is a cluster, as a code point
// or a list of code points.
func sCharsOf(t term.Term) ([][]int64, bool) {
	var out [][]int64
	for ; t.IsCons(); t = t.Tail() {
		h := t.Head()
		if h.IsSmall() {
			out = append(out, []int64{h.SmallValue()})
			continue
		}
		var cl []int64
		for l := h; l.IsCons(); l = l.Tail() {
			if !l.Head().IsSmall() {
				return nil, false
			}
			cl = append(cl, l.Head().SmallValue())
		}
		if len(cl) == 0 {
			return nil, false
		}
		out = append(out, cl)
	}
	return out, t == term.Nil
}

// inSet reports whether cluster g is one of set.
func inSet(g []int64, set [][]int64) bool {
	for _, c := range set {
		if len(c) == len(g) {
			eq := true
			for i := range c {
				if c[i] != g[i] {
					eq = false
					break
				}
			}
			if eq {
				return true
			}
		}
	}
	return false
}

// cpsOf reads chardata fully into code points (for a pattern argument).
func cpsOf(h term.Allocator, t term.Term) ([]int64, bool) {
	s, ok := sRead(h, t)
	if !ok || s.errRest != term.NonValue {
		return nil, false
	}
	return s.cps, true
}

// termCluster is a cluster as a term: a code point or a list.
func termCluster(h term.Allocator, g []int64) term.Term {
	if len(g) == 1 {
		return term.MakeInt(h, g[0])
	}
	elems := make([]term.Term, len(g))
	for i, c := range g {
		elems[i] = term.MakeInt(h, c)
	}
	return term.ListFrom(h, elems)
}
