package bif

import (
	"bytes"
	"sort"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// binary:match, matches, split, replace and compile_pattern. A match is
// leftmost, and among needles matching at the same position the longest
// wins, as in OTP. A compiled pattern is {bm | ac, Needles}: opaque to
// programs, as OTP's {bm | ac, Ref} is.

func init() {
	emu.Register("binary", "compile_pattern", 1, binaryCompilePattern)
	emu.Register("binary", "match", 2, binaryMatch)
	emu.Register("binary", "match", 3, binaryMatch)
	emu.Register("binary", "matches", 2, binaryMatches)
	emu.Register("binary", "matches", 3, binaryMatches)
	emu.Register("binary", "split", 2, binarySplit)
	emu.Register("binary", "split", 3, binarySplit)
	emu.Register("binary", "replace", 3, binaryReplace)
	emu.Register("binary", "replace", 4, binaryReplace)
}

var (
	binaryAtomBM      = term.Intern("bm")
	binaryAtomAC      = term.Intern("ac")
	binaryAtomScope   = term.Intern("scope")
	binaryAtomGlobal  = term.Intern("global")
	binaryAtomTrim    = term.Intern("trim")
	binaryAtomTrimAll = term.Intern("trim_all")
	binaryAtomInsert  = term.Intern("insert_replaced")
)

// binaryNeedles reads a pattern: a non-empty binary, a non-empty list of
// them, or a compiled pattern.
func binaryNeedles(t term.Term) ([][]byte, bool) {
	if t.IsTuple() && t.TupleArity() == 2 && (t.Element(1) == binaryAtomBM || t.Element(1) == binaryAtomAC) {
		t = t.Element(2)
	}
	if t.IsBinary() {
		b, _ := libBytes(t)
		return [][]byte{b}, len(b) > 0
	}
	bs, ok := binaryList(t)
	if !ok {
		return nil, false
	}
	for _, b := range bs {
		if len(b) == 0 {
			return nil, false
		}
	}
	return bs, true
}

func binaryCompilePattern(p *emu.Process, args []term.Term) term.Term {
	bs, ok := binaryNeedles(args[0])
	if !ok {
		return p.Badarg()
	}
	kind := binaryAtomAC
	elems := make([]term.Term, len(bs))
	for i, b := range bs {
		elems[i] = term.NewBinary(p.Heap, b)
	}
	if len(bs) == 1 {
		kind = binaryAtomBM
	}
	return term.Tuple2(p.Heap, kind, term.ListFrom(p.Heap, elems))
}

// binaryOpts are the options of match, matches, split and replace.
type binaryOpts struct {
	start, end         int
	global, trim, tall bool
	insert             []int
	hasInsert          bool
}

// binaryParseOpts reads an option list; allowed names which options the
// function takes besides scope.
func binaryParseOpts(t term.Term, n int, allowed map[term.Term]bool) (binaryOpts, bool) {
	o := binaryOpts{end: n}
	opts, ok := term.ListToSlice(t)
	if !ok {
		return o, false
	}
	for _, opt := range opts {
		switch {
		case opt.IsAtom() && allowed[opt]:
			switch opt {
			case binaryAtomGlobal:
				o.global = true
			case binaryAtomTrim:
				o.trim = true
			case binaryAtomTrimAll:
				o.tall = true
			}
		case opt.IsTuple() && opt.TupleArity() == 2 && opt.Element(1) == binaryAtomScope:
			s, e, ok := binaryPartTuple(opt.Element(2), n)
			if !ok {
				return o, false
			}
			o.start, o.end = s, e
		case opt.IsTuple() && opt.TupleArity() == 2 && opt.Element(1) == binaryAtomInsert && allowed[binaryAtomInsert]:
			if !binaryInsertPositions(&o, opt.Element(2)) {
				return o, false
			}
		default:
			return o, false
		}
	}
	return o, true
}

func binaryInsertPositions(o *binaryOpts, t term.Term) bool {
	o.hasInsert = true
	o.insert = nil
	if t.IsSmall() {
		if t.SmallValue() < 0 {
			return false
		}
		o.insert = []int{int(t.SmallValue())}
		return true
	}
	elems, ok := term.ListToSlice(t)
	if !ok {
		return false
	}
	for _, e := range elems {
		if !e.IsSmall() || e.SmallValue() < 0 {
			return false
		}
		o.insert = append(o.insert, int(e.SmallValue()))
	}
	sort.Ints(o.insert)
	return true
}

// binaryFind returns the leftmost-longest match in b[from:end].
func binaryFind(b []byte, needles [][]byte, from, end int) (pos, length int, ok bool) {
	if len(needles) == 1 {
		i := bytes.Index(b[from:end], needles[0])
		if i < 0 {
			return 0, 0, false
		}
		return from + i, len(needles[0]), true
	}
	for i := from; i < end; i++ {
		best := 0
		for _, n := range needles {
			if len(n) > best && i+len(n) <= end && bytes.Equal(b[i:i+len(n)], n) {
				best = len(n)
			}
		}
		if best > 0 {
			return i, best, true
		}
	}
	return 0, 0, false
}

// binaryFindAll returns the non-overlapping matches in b[from:end].
func binaryFindAll(b []byte, needles [][]byte, from, end int, global bool) [][2]int {
	var out [][2]int
	for from < end {
		pos, n, ok := binaryFind(b, needles, from, end)
		if !ok {
			break
		}
		out = append(out, [2]int{pos, n})
		if !global {
			break
		}
		from = pos + n
	}
	return out
}

// binaryMatchArgs reads (Subject, Pattern[, Options]).
func binaryMatchArgs(args []term.Term, allowed map[term.Term]bool) ([]byte, [][]byte, binaryOpts, bool) {
	b, ok := libBytes(args[0])
	needles, ok2 := binaryNeedles(args[1])
	if !ok || !ok2 {
		return nil, nil, binaryOpts{}, false
	}
	opts := binaryOpts{end: len(b)}
	if len(args) > 2 {
		if opts, ok = binaryParseOpts(args[2], len(b), allowed); !ok {
			return nil, nil, opts, false
		}
	}
	return b, needles, opts, true
}

func binaryPosLen(p *emu.Process, m [2]int) term.Term {
	return term.Tuple2(p.Heap, term.MakeSmall(int64(m[0])), term.MakeSmall(int64(m[1])))
}

func binaryMatch(p *emu.Process, args []term.Term) term.Term {
	b, needles, o, ok := binaryMatchArgs(args, nil)
	if !ok {
		return p.Badarg()
	}
	ms := binaryFindAll(b, needles, o.start, o.end, false)
	if len(ms) == 0 {
		return libNomatch
	}
	return binaryPosLen(p, ms[0])
}

func binaryMatches(p *emu.Process, args []term.Term) term.Term {
	b, needles, o, ok := binaryMatchArgs(args, nil)
	if !ok {
		return p.Badarg()
	}
	ms := binaryFindAll(b, needles, o.start, o.end, true)
	elems := make([]term.Term, len(ms))
	for i, m := range ms {
		elems[i] = binaryPosLen(p, m)
	}
	return term.ListFrom(p.Heap, elems)
}

var binarySplitOpts = map[term.Term]bool{binaryAtomGlobal: true, binaryAtomTrim: true, binaryAtomTrimAll: true}

func binarySplit(p *emu.Process, args []term.Term) term.Term {
	b, needles, o, ok := binaryMatchArgs(args, binarySplitOpts)
	if !ok {
		return p.Badarg()
	}
	ms := binaryFindAll(b, needles, o.start, o.end, o.global)
	var parts []term.Term
	at := 0
	for _, m := range ms {
		parts = append(parts, binarySlice(p, args[0], at, m[0]))
		at = m[0] + m[1]
	}
	parts = append(parts, binarySlice(p, args[0], at, len(b)))
	switch {
	case o.tall:
		kept := parts[:0]
		for _, part := range parts {
			if part.BitSize() > 0 {
				kept = append(kept, part)
			}
		}
		parts = kept
	case o.trim:
		for len(parts) > 0 && parts[len(parts)-1].BitSize() == 0 {
			parts = parts[:len(parts)-1]
		}
	}
	return term.ListFrom(p.Heap, parts)
}

var binaryReplaceOpts = map[term.Term]bool{binaryAtomGlobal: true, binaryAtomInsert: true}

func binaryReplace(p *emu.Process, args []term.Term) term.Term {
	repl, ok := libBytes(args[2])
	if !ok {
		return p.Badarg()
	}
	margs := []term.Term{args[0], args[1]}
	if len(args) > 3 {
		margs = append(margs, args[3])
	}
	b, needles, o, ok := binaryMatchArgs(margs, binaryReplaceOpts)
	if !ok {
		return p.Badarg()
	}
	for _, i := range o.insert {
		if i > len(repl) {
			return p.Badarg()
		}
	}
	var out []byte
	at := 0
	for _, m := range binaryFindAll(b, needles, o.start, o.end, o.global) {
		out = append(out, b[at:m[0]]...)
		out = binaryInsert(out, repl, o.insert, b[m[0]:m[0]+m[1]])
		at = m[0] + m[1]
	}
	out = append(out, b[at:]...)
	return term.NewBinary(p.Heap, out)
}

// binaryInsert appends the replacement with the matched part inserted at
// each insert_replaced position.
func binaryInsert(out, repl []byte, positions []int, matched []byte) []byte {
	prev := 0
	for _, i := range positions {
		out = append(out, repl[prev:i]...)
		out = append(out, matched...)
		prev = i
	}
	return append(out, repl[prev:]...)
}
