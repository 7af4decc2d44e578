package bif

import (
	"slices"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// The proplists module (it takes no funs, so all of it can be Go). An
// entry of a property list is an atom A, short for {A, true}, or a tuple
// whose first element is its key; other elements are ignored. Keys match
// exactly (=:=). A list that is not proper is a function_clause once the
// walk reaches its tail, as in OTP, which stops at the first match where
// it can. Not here: expand/2, normalize/2 and the substitute_* functions.

func init() {
	emu.Register("proplists", "property", 1, propProperty1)
	emu.Register("proplists", "property", 2, propProperty2)
	emu.Register("proplists", "unfold", 1, propUnfold)
	emu.Register("proplists", "compact", 1, propCompact)
	emu.Register("proplists", "lookup", 2, propLookup)
	emu.Register("proplists", "lookup_all", 2, propLookupAll)
	emu.Register("proplists", "is_defined", 2, propIsDefined)
	emu.Register("proplists", "get_value", 2, propGetValue2)
	emu.Register("proplists", "get_value", 3, propGetValue3)
	emu.Register("proplists", "get_all_values", 2, propGetAllValues)
	emu.Register("proplists", "append_values", 2, propAppendValues)
	emu.Register("proplists", "get_bool", 2, propGetBool)
	emu.Register("proplists", "get_keys", 1, propGetKeys)
	emu.Register("proplists", "delete", 2, propDelete)
	emu.Register("proplists", "split", 2, propSplit)
	emu.Register("proplists", "to_map", 1, propToMap)
	emu.Register("proplists", "from_map", 1, propFromMap)
}

// propKey returns the key of entry e, if e is an entry.
func propKey(e term.Term) (term.Term, bool) {
	switch {
	case e.IsAtom():
		return e, true
	case e.IsTuple() && e.TupleArity() >= 1:
		return e.Element(1), true
	}
	return term.NonValue, false
}

// propHasKey reports whether e is an entry with key k.
func propHasKey(e, k term.Term) bool {
	key, ok := propKey(e)
	return ok && term.CompareExact(key, k) == 0
}

// propFind returns the first entry of l with key k, or term.NonValue. A
// tail that is not a list before that is returned as bad.
func propFind(l, k term.Term) (entry, bad term.Term) {
	for ; l.IsCons(); l = l.Tail() {
		if e := l.Head(); propHasKey(e, k) {
			return e, term.NonValue
		}
	}
	if l != term.Nil {
		return term.NonValue, l
	}
	return term.NonValue, term.NonValue
}

// propAll returns the entries of l with key k, in order.
func propAll(l, k term.Term) ([]term.Term, bool) {
	elems, ok := term.ListToSlice(l)
	if !ok {
		return nil, false
	}
	var out []term.Term
	for _, e := range elems {
		if propHasKey(e, k) {
			out = append(out, e)
		}
	}
	return out, true
}

// propValue is the value of e: true for an atom, V for a pair {K, V}.
func propValue(e term.Term) (term.Term, bool) {
	switch {
	case e.IsAtom():
		return term.True, true
	case e.IsTuple() && e.TupleArity() == 2:
		return e.Element(2), true
	}
	return term.NonValue, false
}

// propertyOf is property/1: {A, true} with an atom A is A.
func propertyOf(e term.Term) term.Term {
	if e.IsTuple() && e.TupleArity() == 2 && e.Element(1).IsAtom() && e.Element(2) == term.True {
		return e.Element(1)
	}
	return e
}

func propProperty1(p *emu.Process, args []term.Term) term.Term {
	return propertyOf(args[0])
}

func propProperty2(p *emu.Process, args []term.Term) term.Term {
	if args[0].IsAtom() && args[1] == term.True {
		return args[0]
	}
	return term.Tuple2(p.Heap, args[0], args[1])
}

// propMap is unfold/1 and compact/1: f applied to each element.
func propMap(p *emu.Process, args []term.Term, f func(term.Term) term.Term) term.Term {
	elems, ok := term.ListToSlice(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	for i, e := range elems {
		elems[i] = f(e)
	}
	return term.ListFrom(p.Heap, elems)
}

func propUnfold(p *emu.Process, args []term.Term) term.Term {
	return propMap(p, args, func(e term.Term) term.Term {
		if e.IsAtom() {
			return term.Tuple2(p.Heap, e, term.True)
		}
		return e
	})
}

func propCompact(p *emu.Process, args []term.Term) term.Term {
	if bad, ok := propBadGenerator(p, args[0]); !ok {
		return bad
	}
	return propMap(p, args, propertyOf)
}

// propBadGenerator raises {bad_generator, Tail} for a list that is not
// proper, as OTP's list comprehensions over it do.
func propBadGenerator(p *emu.Process, l term.Term) (term.Term, bool) {
	for l.IsCons() {
		l = l.Tail()
	}
	if l != term.Nil {
		return p.ErrorTuple(term.Intern("bad_generator"), l), false
	}
	return term.NonValue, true
}

func propLookup(p *emu.Process, args []term.Term) term.Term {
	e, bad := propFind(args[1], args[0])
	switch {
	case bad != term.NonValue:
		return libFnClause(p, []term.Term{args[0], bad})
	case e == term.NonValue:
		return term.Intern("none")
	case e.IsAtom():
		return term.Tuple2(p.Heap, e, term.True)
	}
	return e
}

func propLookupAll(p *emu.Process, args []term.Term) term.Term {
	es, ok := propAll(args[1], args[0])
	if !ok {
		return libFnClause(p, args)
	}
	for i, e := range es {
		if e.IsAtom() {
			es[i] = term.Tuple2(p.Heap, e, term.True)
		}
	}
	return term.ListFrom(p.Heap, es)
}

func propIsDefined(p *emu.Process, args []term.Term) term.Term {
	e, bad := propFind(args[1], args[0])
	if bad != term.NonValue {
		return libFnClause(p, []term.Term{args[0], bad})
	}
	return term.Bool(e != term.NonValue)
}

func propGetValue2(p *emu.Process, args []term.Term) term.Term {
	return propGetValue3(p, []term.Term{args[0], args[1], term.Intern("undefined")})
}

// propGetValue3 is the value of the first entry with the key, or the
// default if there is none or that entry is a tuple of another size.
func propGetValue3(p *emu.Process, args []term.Term) term.Term {
	e, bad := propFind(args[1], args[0])
	if bad != term.NonValue {
		return libFnClause(p, []term.Term{args[0], bad, args[2]})
	}
	if e == term.NonValue {
		return args[2]
	}
	if v, ok := propValue(e); ok {
		return v
	}
	return args[2]
}

// propValues returns the values of the entries of l with key k that
// have one.
func propValues(l, k term.Term) ([]term.Term, bool) {
	es, ok := propAll(l, k)
	if !ok {
		return nil, false
	}
	vs := es[:0]
	for _, e := range es {
		if v, ok := propValue(e); ok {
			vs = append(vs, v)
		}
	}
	return vs, true
}

func propGetAllValues(p *emu.Process, args []term.Term) term.Term {
	vs, ok := propValues(args[1], args[0])
	if !ok {
		return libFnClause(p, args)
	}
	return term.ListFrom(p.Heap, vs)
}

// propAppendValues concatenates the values, taking a value that is not a
// list as a list of one. A value that is an improper list is badarg.
func propAppendValues(p *emu.Process, args []term.Term) term.Term {
	vs, ok := propValues(args[1], args[0])
	if !ok {
		return libFnClause(p, args)
	}
	var out []term.Term
	for _, v := range vs {
		if !v.IsCons() && v != term.Nil {
			out = append(out, v)
			continue
		}
		elems, ok := term.ListToSlice(v)
		if !ok {
			return p.Badarg()
		}
		out = append(out, elems...)
	}
	return term.ListFrom(p.Heap, out)
}

func propGetBool(p *emu.Process, args []term.Term) term.Term {
	e, bad := propFind(args[1], args[0])
	if bad != term.NonValue {
		return libFnClause(p, []term.Term{args[0], bad})
	}
	if e == term.NonValue {
		return term.False
	}
	v, ok := propValue(e)
	return term.Bool(ok && v == term.True)
}

func propDelete(p *emu.Process, args []term.Term) term.Term {
	elems, ok := term.ListToSlice(args[1])
	if !ok {
		return libFnClause(p, args)
	}
	kept := slices.DeleteFunc(elems, func(e term.Term) bool { return propHasKey(e, args[0]) })
	return term.ListFrom(p.Heap, kept)
}

// propSplit is split(List, Keys): {[entries of each key], the rest}.
func propSplit(p *emu.Process, args []term.Term) term.Term {
	if bad, ok := propBadGenerator(p, args[1]); !ok {
		return bad
	}
	keys, _ := term.ListToSlice(args[1])
	elems, ok := term.ListToSlice(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	groups := make([][]term.Term, len(keys))
	var rest []term.Term
	for _, e := range elems {
		i := -1
		if k, isEntry := propKey(e); isEntry {
			i = slices.IndexFunc(keys, func(key term.Term) bool { return term.CompareExact(key, k) == 0 })
		}
		if i < 0 {
			rest = append(rest, e)
			continue
		}
		groups[i] = append(groups[i], e)
	}
	lists := make([]term.Term, len(groups))
	for i, g := range groups {
		lists[i] = term.ListFrom(p.Heap, g)
	}
	return term.Tuple2(p.Heap, term.ListFrom(p.Heap, lists), term.ListFrom(p.Heap, rest))
}

// propToMap maps each key to the value of its first entry that has one.
func propToMap(p *emu.Process, args []term.Term) term.Term {
	elems, ok := term.ListToSlice(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	var keys, vals []term.Term
	for i := len(elems) - 1; i >= 0; i-- { // later pairs win: go backwards
		e := elems[i]
		if v, ok := propValue(e); ok {
			k, _ := propKey(e)
			keys = append(keys, k)
			vals = append(vals, v)
		}
	}
	return term.MapFromPairs(p.Heap, keys, vals)
}

func propFromMap(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsMap() {
		return mapsBadmap(p, args[0])
	}
	return mapsPairList(p, args[0], 0, term.Nil)
}

// propGetKeys is get_keys/1: each key once, in the order of OTP 25's
// sets (version 1) holding them, which is what OTP returns.
func propGetKeys(p *emu.Process, args []term.Term) term.Term {
	elems, ok := term.ListToSlice(args[0])
	if !ok {
		return libFnClause(p, args)
	}
	var s hashSet
	s.init()
	for _, e := range elems {
		if k, ok := propKey(e); ok {
			s.add(k)
		}
	}
	return term.ListFrom(p.Heap, s.list())
}
