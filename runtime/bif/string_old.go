package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// The string module's original, list-only functions (obsolete since OTP 20
// but still exported): they work on flat lists of characters, index from
// 1 and raise function_clause on other input.

func init() {
	reg := func(name string, arity int, fn func(p *emu.Process, a []term.Term, l []term.Term) term.Term) {
		emu.Register("string", name, arity, func(p *emu.Process, a []term.Term) term.Term {
			l, ok := term.ListToSlice(a[0])
			if !ok {
				return libFnClause(p, a)
			}
			return fn(p, a, l)
		})
	}
	list := func(p *emu.Process, l []term.Term) term.Term { return term.ListFrom(p.Heap, l) }
	// len/1 and concat/2 are length/1 and ++: badarg, any tail.
	emu.Register("string", "len", 1, func(p *emu.Process, a []term.Term) term.Term {
		n := term.ListLength(a[0])
		if n < 0 {
			return p.Badarg()
		}
		return term.MakeSmall(int64(n))
	})
	reg("concat", 2, func(p *emu.Process, a, l []term.Term) term.Term { return term.ListWithTail(p.Heap, l, a[1]) })
	index := func(l []term.Term, c term.Term, last bool) int {
		at := 0
		for i, e := range l {
			if term.Equal(e, c) {
				at = i + 1
				if !last {
					break
				}
			}
		}
		return at
	}
	reg("chr", 2, func(p *emu.Process, a, l []term.Term) term.Term { return term.MakeSmall(int64(index(l, a[1], false))) })
	reg("rchr", 2, func(p *emu.Process, a, l []term.Term) term.Term { return term.MakeSmall(int64(index(l, a[1], true))) })
	find := func(p *emu.Process, a, l []term.Term, last bool) term.Term {
		sub, ok := term.ListToSlice(a[1])
		if !ok {
			return libFnClause(p, a)
		}
		at := 0
		for i := 0; len(sub) > 0 && i+len(sub) <= len(l); i++ {
			if termsEqual(l[i:i+len(sub)], sub) {
				at = i + 1
				if !last {
					break
				}
			}
		}
		return term.MakeSmall(int64(at))
	}
	reg("str", 2, func(p *emu.Process, a, l []term.Term) term.Term { return find(p, a, l, false) })
	reg("rstr", 2, func(p *emu.Process, a, l []term.Term) term.Term { return find(p, a, l, true) })
	span := func(p *emu.Process, a, l []term.Term, in bool) term.Term {
		set, ok := term.ListToSlice(a[1])
		if !ok {
			return libFnClause(p, a)
		}
		n := 0
		for n < len(l) && (index(set, l[n], false) > 0) == in {
			n++
		}
		return term.MakeSmall(int64(n))
	}
	reg("span", 2, func(p *emu.Process, a, l []term.Term) term.Term { return span(p, a, l, true) })
	reg("cspan", 2, func(p *emu.Process, a, l []term.Term) term.Term { return span(p, a, l, false) })
	sub := func(p *emu.Process, a, l []term.Term, start, n int) term.Term {
		if start < 1 || start > len(l)+1 || n < 0 {
			return libFnClause(p, a)
		}
		end := min(start-1+n, len(l))
		return list(p, l[start-1:end])
	}
	reg("substr", 2, func(p *emu.Process, a, l []term.Term) term.Term {
		if !a[1].IsSmall() {
			return libFnClause(p, a)
		}
		return sub(p, a, l, int(a[1].SmallValue()), len(l))
	})
	reg("substr", 3, func(p *emu.Process, a, l []term.Term) term.Term {
		if !a[1].IsSmall() || !a[2].IsSmall() {
			return libFnClause(p, a)
		}
		return sub(p, a, l, int(a[1].SmallValue()), int(a[2].SmallValue()))
	})
	reg("sub_string", 2, func(p *emu.Process, a, l []term.Term) term.Term {
		if !a[1].IsSmall() {
			return libFnClause(p, a)
		}
		return sub(p, a, l, int(a[1].SmallValue()), len(l))
	})
	reg("sub_string", 3, func(p *emu.Process, a, l []term.Term) term.Term {
		if !a[1].IsSmall() || !a[2].IsSmall() {
			return libFnClause(p, a)
		}
		return sub(p, a, l, int(a[1].SmallValue()), int(a[2].SmallValue()-a[1].SmallValue()+1))
	})
	reg("tokens", 2, func(p *emu.Process, a, l []term.Term) term.Term {
		seps, ok := term.ListToSlice(a[1])
		if !ok {
			return libFnClause(p, a)
		}
		return list(p, oldWords(p, l, func(c term.Term) bool { return index(seps, c, false) > 0 }))
	})
	wordSep := func(p *emu.Process, a []term.Term) (func(term.Term) bool, bool) {
		sep := term.MakeSmall(' ')
		if len(a) > 1 {
			sep = a[len(a)-1]
		}
		return func(c term.Term) bool { return term.Equal(c, sep) }, true
	}
	words := func(p *emu.Process, a, l []term.Term) term.Term {
		isSep, _ := wordSep(p, a)
		return term.MakeSmall(int64(max(len(oldWords(p, l, isSep)), 1))) // erl counts "" as one word
	}
	reg("words", 1, words)
	reg("words", 2, words)
	subWord := func(p *emu.Process, a, l []term.Term) term.Term {
		if !a[1].IsSmall() || a[1].SmallValue() < 1 {
			return libFnClause(p, a)
		}
		isSep, _ := wordSep(p, append([]term.Term{a[0]}, a[2:]...))
		ws := oldWords(p, l, isSep)
		if n := int(a[1].SmallValue()); n <= len(ws) {
			return ws[n-1]
		}
		return term.Nil
	}
	reg("sub_word", 2, subWord)
	reg("sub_word", 3, subWord)
	strip := func(p *emu.Process, a, l []term.Term, dir string, c term.Term) term.Term {
		b, e := 0, len(l)
		if dir == "left" || dir == "both" {
			for b < e && term.Equal(l[b], c) {
				b++
			}
		}
		if dir == "right" || dir == "both" {
			for e > b && term.Equal(l[e-1], c) {
				e--
			}
		}
		return list(p, l[b:e])
	}
	reg("strip", 1, func(p *emu.Process, a, l []term.Term) term.Term { return strip(p, a, l, "both", term.MakeSmall(' ')) })
	stripDir := func(p *emu.Process, a, l []term.Term, c term.Term) term.Term {
		if !a[1].IsAtom() {
			return libFnClause(p, a)
		}
		switch d := term.AtomName(a[1]); d {
		case "left", "right", "both":
			return strip(p, a, l, d, c)
		}
		return libFnClause(p, a)
	}
	reg("strip", 2, func(p *emu.Process, a, l []term.Term) term.Term { return stripDir(p, a, l, term.MakeSmall(' ')) })
	reg("strip", 3, func(p *emu.Process, a, l []term.Term) term.Term { return stripDir(p, a, l, a[2]) })
	pad := func(p *emu.Process, a, l []term.Term, where string) term.Term {
		if !a[1].IsSmall() || a[1].SmallValue() < 0 {
			return libFnClause(p, a)
		}
		n, c := int(a[1].SmallValue()), term.MakeSmall(' ')
		if len(a) == 3 {
			c = a[2]
		}
		fill := func(k int) []term.Term {
			out := make([]term.Term, k)
			for i := range out {
				out[i] = c
			}
			return out
		}
		switch where {
		case "left":
			if len(l) >= n {
				return list(p, l[:n])
			}
			return list(p, append(append([]term.Term{}, l...), fill(n-len(l))...))
		case "right":
			if len(l) >= n {
				return list(p, l[len(l)-n:])
			}
			return list(p, append(fill(n-len(l)), l...))
		}
		if len(l) >= n {
			skip := (len(l) - n) / 2
			return list(p, l[skip:skip+n])
		}
		left := (n - len(l)) / 2
		out := append(fill(left), l...)
		return list(p, append(out, fill(n-len(l)-left)...))
	}
	for _, w := range []string{"left", "right", "centre"} {
		reg(w, 2, func(p *emu.Process, a, l []term.Term) term.Term { return pad(p, a, l, w) })
		reg(w, 3, func(p *emu.Process, a, l []term.Term) term.Term { return pad(p, a, l, w) })
	}
	reg("join", 2, func(p *emu.Process, a, l []term.Term) term.Term {
		sep, ok := term.ListToSlice(a[1])
		if !ok {
			return libFnClause(p, a)
		}
		var out []term.Term
		for i, e := range l {
			el, ok := term.ListToSlice(e)
			if !ok {
				return libFnClause(p, a)
			}
			if i > 0 {
				out = append(out, sep...)
			}
			out = append(out, el...)
		}
		return list(p, out)
	})
	emu.Register("string", "copies", 2, func(p *emu.Process, a []term.Term) term.Term {
		l, ok := term.ListToSlice(a[0])
		if !ok || !a[1].IsSmall() || a[1].SmallValue() < 0 {
			return libFnClause(p, a)
		}
		var out []term.Term
		for range a[1].SmallValue() {
			out = append(out, l...)
		}
		return term.ListFrom(p.Heap, out)
	})
	chars := func(p *emu.Process, a []term.Term, tail term.Term) term.Term {
		if !a[1].IsSmall() || a[1].SmallValue() < 0 {
			return libFnClause(p, a)
		}
		out := make([]term.Term, a[1].SmallValue())
		for i := range out {
			out[i] = a[0]
		}
		return term.ListWithTail(p.Heap, out, tail)
	}
	emu.Register("string", "chars", 2, func(p *emu.Process, a []term.Term) term.Term { return chars(p, a, term.Nil) })
	emu.Register("string", "chars", 3, func(p *emu.Process, a []term.Term) term.Term { return chars(p, a, a[2]) })
	cases := map[string]bool{"to_lower": false, "to_upper": true}
	for _, name := range sortedKeys(cases) { // fixed atom order (see sortedKeys)
		upper := cases[name]
		emu.Register("string", name, 1, func(p *emu.Process, a []term.Term) term.Term {
			if a[0].IsSmall() {
				return term.MakeSmall(latin1Case(a[0].SmallValue(), upper))
			}
			l, ok := term.ListToSlice(a[0])
			if !ok {
				return libFnClause(p, a)
			}
			out := make([]term.Term, len(l))
			for i, c := range l {
				if !c.IsSmall() {
					return libFnClause(p, a)
				}
				out[i] = term.MakeSmall(latin1Case(c.SmallValue(), upper))
			}
			return term.ListFrom(p.Heap, out)
		})
	}
}

// latin1Case maps the ISO Latin-1 letters, all that to_lower and to_upper
// handle.
func latin1Case(c int64, upper bool) int64 {
	if upper {
		if (c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7) {
			return c - 32
		}
		return c
	}
	if (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) {
		return c + 32
	}
	return c
}

func termsEqual(a, b []term.Term) bool {
	for i := range a {
		if !term.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

// oldWords splits l at separator characters, dropping empty words.
func oldWords(p *emu.Process, l []term.Term, isSep func(term.Term) bool) []term.Term {
	var out []term.Term
	for i := 0; i < len(l); {
		if isSep(l[i]) {
			i++
			continue
		}
		j := i
		for j < len(l) && !isSep(l[j]) {
			j++
		}
		out = append(out, term.ListFrom(p.Heap, l[i:j]))
		i = j
	}
	return out
}
