package bif

import (
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// Extended grapheme clusters (UAX #29, Unicode 14.0 rules GB3-GB999; GB9c
// came in 15.1 and OTP 25 does not have it), over chardata terms and over
// UTF-8 bytes.

// gcState is what the break rules need to know of the cluster so far.
type gcState struct {
	prev  gcbClass
	emoji uint8 // 0, 1 after ExtPict Extend*, 2 after ExtPict Extend* ZWJ
	ri    int   // regional indicators ending the cluster
}

func gcStart(c int64) gcState {
	s := gcState{prev: gcbOf(c)}
	if isExtPict(c) {
		s.emoji = 1
	}
	if s.prev == gcbRI {
		s.ri = 1
	}
	return s
}

// extends reports whether c continues the cluster, and if so adds it.
func (s *gcState) extends(c int64) bool {
	next := gcbOf(c)
	join := false
	switch {
	case s.emoji == 2:
		// OTP 25 ends the cluster after ExtPict Extend* ZWJ unless an
		// ExtPict follows, even before Extend (GB9); erl does the same.
		join = isExtPict(c)
	case s.prev == gcbCR:
		join = next == gcbLF // GB3, GB4
	case s.prev == gcbControl || s.prev == gcbLF: // GB4
	case next == gcbControl || next == gcbCR || next == gcbLF: // GB5
	case s.prev == gcbL && (next == gcbL || next == gcbV || next == gcbLV || next == gcbLVT): // GB6
		join = true
	case (s.prev == gcbLV || s.prev == gcbV) && (next == gcbV || next == gcbT): // GB7
		join = true
	case (s.prev == gcbLVT || s.prev == gcbT) && next == gcbT: // GB8
		join = true
	case next == gcbExtend || next == gcbZWJ || next == gcbSpacingMark: // GB9, GB9a
		join = true
	case s.prev == gcbPrepend: // GB9b
		join = true
	case next == gcbRI && s.ri%2 == 1: // GB12, GB13
		join = true
	}
	if !join {
		return false
	}
	switch {
	case isExtPict(c):
		s.emoji = 1
	case next == gcbExtend && s.emoji == 1:
	case next == gcbZWJ && s.emoji == 1:
		s.emoji = 2
	default:
		s.emoji = 0
	}
	if next == gcbRI {
		s.ri++
	} else {
		s.ri = 0
	}
	s.prev = next
	return true
}

// gcBytes returns the length in bytes of the first grapheme cluster of b
// (b not empty), and whether the bytes up to its end are valid UTF-8; on
// invalid UTF-8, n is where the bad sequence starts. An invalid sequence
// after a complete cluster ends it.
func gcBytes(b []byte) (n int, ok bool) {
	c := b[0]
	if c < 0x80 && c != '\r' && (len(b) == 1 || b[1] < 0x80) {
		return 1, true // ASCII followed by ASCII: always a break
	}
	r, w := utf8.DecodeRune(b)
	if r == utf8.RuneError && w <= 1 {
		return 0, false
	}
	s := gcStart(int64(r))
	n = w
	for n < len(b) {
		r, w := utf8.DecodeRune(b[n:])
		if r == utf8.RuneError && w <= 1 {
			return n, true
		}
		if !s.extends(int64(r)) {
			break
		}
		n += w
	}
	return n, true
}

// Code point iteration with OTP's result shapes. unicode_util:cp/1 returns
// [CP | Rest] where Rest is chardata for the remaining characters, built
// so that iterating stays cheap: a binary rest is a sub-binary, and a
// nested list is flattened a few code points ahead, then the remainder
// joined on. These shapes are visible to programs (as the rest returned
// by string:next_codepoint/1, string:slice/2 and others), so they follow
// erl's exactly; the cases were worked out against erl.

// cpStatus is the outcome of taking a code point.
type cpStatus uint8

const (
	cpOK    cpStatus = iota
	cpEnd            // no more characters
	cpError          // invalid UTF-8: rest is {error, Rest}'s Rest
	cpBad            // not chardata: function_clause
)

// uIter takes code points and grapheme clusters off chardata.
type uIter struct{ h term.Allocator }

func isInt(t term.Term) bool { return t.IsSmall() || t.IsBig() }

// intValue is a list element's code point value; bignums are out of range.
func intValue(t term.Term) int64 {
	if t.IsSmall() {
		return t.SmallValue()
	}
	return -1
}

// join is chardata T followed by R.
func (u uIter) join(t, r term.Term) term.Term {
	switch {
	case t == term.Nil:
		return r
	case r == term.Nil:
		return t
	}
	return term.Cons(u.h, t, r)
}

// cp takes the first code point of t.
func (u uIter) cp(t term.Term) (c, rest term.Term, st cpStatus) {
	for {
		switch {
		case t.IsCons():
			h := t.Head()
			switch {
			case isInt(h):
				return h, t.Tail(), cpOK
			case h.IsList():
				return u.cpList(h, t.Tail())
			case h.IsBitstring():
				return u.cpBin(h, t.Tail())
			}
			return term.NonValue, term.NonValue, cpBad
		case t == term.Nil:
			return term.NonValue, term.Nil, cpEnd
		case t.IsBitstring():
			return u.cpBin(t, term.Nil)
		}
		return term.NonValue, term.NonValue, cpBad
	}
}

// cpBin takes the first code point of binary b followed by r.
func (u uIter) cpBin(b, r term.Term) (c, rest term.Term, st cpStatus) {
	bs, ok := b.BinaryBytes()
	if !ok || !b.IsBinary() {
		return term.NonValue, term.NonValue, cpBad
	}
	if len(bs) == 0 {
		return u.cp(r)
	}
	ch, w := utf8.DecodeRune(bs)
	if ch == utf8.RuneError && w <= 1 {
		if r == term.Nil {
			return term.NonValue, b, cpError
		}
		return term.NonValue, term.Cons(u.h, b, r), cpError
	}
	tail := term.SliceBits(u.h, b, uint(w)*8, uint(len(bs)-w)*8)
	if r == term.Nil {
		return term.MakeSmall(int64(ch)), tail, cpOK
	}
	return term.MakeSmall(int64(ch)), term.Cons(u.h, tail, r), cpOK
}

// cpList takes the first code point of list l followed by r.
func (u uIter) cpList(l, r term.Term) (c, rest term.Term, st cpStatus) {
	for {
		if l == term.Nil {
			return u.cp(r)
		}
		if !l.IsCons() {
			return term.NonValue, term.NonValue, cpBad
		}
		h := l.Head()
		switch {
		case isInt(h):
			return h, u.cont(l.Tail(), r, 3), cpOK
		case h.IsList():
			l, r = h, u.join(l.Tail(), r)
		case h.IsBitstring():
			return u.cpBin(h, u.join(l.Tail(), r))
		default:
			return term.NonValue, term.NonValue, cpBad
		}
	}
}

// cont builds the rest after a code point taken from a nested list: the
// next n code points flattened onto it, the remainder joined on.
func (u uIter) cont(t, r term.Term, n int) term.Term {
	for {
		switch {
		case t.IsCons():
			h := t.Head()
			switch {
			case isInt(h):
				if n == 1 {
					return term.Cons(u.h, h, u.join(t.Tail(), r))
				}
				return term.Cons(u.h, h, u.cont(t.Tail(), r, n-1))
			case h.IsList():
				t, r = h, u.join(t.Tail(), r)
				continue
			}
			if rest := u.join(t.Tail(), r); rest != term.Nil {
				return term.Cons(u.h, h, rest)
			}
			return h
		case t == term.Nil:
			if r.IsCons() {
				t, r = r, term.Nil
				continue
			}
			return r
		}
		return u.join(t, r)
	}
}

// gcResult is a grapheme cluster taken off chardata.
type gcResult struct {
	cps    []term.Term // the cluster's code points
	rest   term.Term   // the rest, shaped as unicode_util:gc/1 shapes it
	st     cpStatus    // cpOK, cpEnd, cpError (rest is the payload), cpBad
	zwjErr bool        // invalid UTF-8 right after ExtPict ZWJ: OTP raises badarg
}

// gc takes the first grapheme cluster of t.
func (u uIter) gc(t term.Term, buf []term.Term) gcResult {
	c1, r1, st := u.cp(t)
	if st != cpOK {
		return gcResult{rest: r1, st: st}
	}
	cps := append(buf[:0], c1)
	v := intValue(c1)
	s := gcStart(v)
	switch s.prev {
	case gcbControl, gcbLF:
		return gcResult{cps: cps, rest: r1}
	case gcbCR:
		c2, r2, st2 := u.cp(r1)
		switch {
		case st2 == cpOK && intValue(c2) == '\n':
			return gcResult{cps: append(cps, c2), rest: r2}
		case st2 == cpBad:
			return gcResult{st: cpBad}
		case t.IsBinary():
			return gcResult{cps: cps, rest: r1}
		case st2 == cpOK:
			return gcResult{cps: cps, rest: term.Cons(u.h, c2, r2)}
		case st2 == cpError:
			return gcResult{cps: cps, rest: term.Tuple2(u.h, term.AtomError, r2)}
		}
		return gcResult{cps: cps, rest: term.Nil}
	}
	// OTP collects a run of Prepend characters first and then takes a
	// cluster from the next character on; the shape of the rest at the
	// end or at invalid UTF-8 depends on which of the two it is in, and
	// on whether the second part has more than one code point.
	last := r1
	prepending := s.prev == gcbPrepend
	n := 1 // code points since the Prepend run
	for {
		c2, r2, st2 := u.cp(last)
		switch st2 {
		case cpBad:
			return gcResult{st: cpBad}
		case cpEnd:
			if prepending {
				last = term.Nil
			}
			return gcResult{cps: cps, rest: last}
		case cpError:
			if s.emoji != 0 {
				return gcResult{cps: cps, st: cpBad, zwjErr: true}
			}
			if prepending || n == 1 {
				return gcResult{cps: cps, rest: r2}
			}
			return gcResult{cps: cps, rest: term.Cons(u.h, r2, term.Nil)}
		}
		if !s.extends(intValue(c2)) {
			return gcResult{cps: cps, rest: last}
		}
		if prepending && s.prev != gcbPrepend {
			prepending, n = false, 0
		}
		n++
		cps = append(cps, c2)
		last = r2
	}
}

// gcTerm is a cluster as OTP returns it: the code point, or a list of them.
func gcTerm(h term.Allocator, cps []term.Term) term.Term {
	if len(cps) == 1 {
		return cps[0]
	}
	return term.ListFrom(h, cps)
}

// raiseGC raises the exception a failed gc/1 raises.
func raiseGC(p *emu.Process, r gcResult, args []term.Term) term.Term {
	if r.zwjErr {
		return p.Badarg()
	}
	return libFnClause(p, args)
}
