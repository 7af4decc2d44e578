package etf

import (
	"errors"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/term"
)

// DecodeOptions are binary_to_term's options (`used` is the caller's
// business: Decode always returns the bytes used).
type DecodeOptions struct {
	// Safe refuses data that would create atoms or, when ExportKnown is
	// set, external funs it does not know.
	Safe bool
	// ExportKnown says whether module:function/arity has what OTP 25
	// calls an export entry (binary_to_term(B, [safe]) refuses an
	// external fun that would make a new one).
	ExportKnown func(module, function term.Term, arity int) bool
}

// ErrUnsafe is the error Decode returns when Safe forbids the data.
var ErrUnsafe = errors.New("etf: term would create new atoms or export entries")

// Decode is binary_to_term: it decodes the term at the start of data into
// a runtime term allocated with a, and returns the number of bytes used.
// Like OTP 25, it ignores bytes after the term.
func Decode(a term.Allocator, data []byte, opts DecodeOptions) (term.Term, int, error) {
	bt, n, err := beam.DecodeTermPrefix(data)
	if err != nil {
		return term.NonValue, n, err
	}
	if opts.Safe && !(safeTerm{opts.ExportKnown}).check(bt) {
		return term.NonValue, n, ErrUnsafe
	}
	t, err := FromBeam(a, bt)
	return t, n, err
}

// safeTerm checks what Safe forbids.
type safeTerm struct {
	exportKnown func(module, function term.Term, arity int) bool
}

// check reports whether every atom t names is interned already and every
// external fun in it is known. It recurses like FromBeam: on nesting,
// never on list tails.
func (s safeTerm) check(t beam.Term) bool {
	exists := func(name beam.Atom) bool {
		_, ok := term.LookupAtom(string(name))
		return ok
	}
	all := func(ts []beam.Term) bool {
		for _, e := range ts {
			if !s.check(e) {
				return false
			}
		}
		return true
	}
	switch v := t.(type) {
	case beam.Atom:
		return exists(v)
	case beam.Tuple:
		return all(v)
	case *beam.List:
		for v != nil {
			if !all(v.Elems) {
				return false
			}
			next, ok := v.Tail.(*beam.List)
			if !ok {
				return s.check(v.Tail)
			}
			v = next
		}
		return true
	case *beam.Map:
		return v == nil || all(v.Keys) && all(v.Values)
	case beam.ExportFun:
		if !exists(v.Module) || !exists(v.Function) {
			return false
		}
		return s.exportKnown == nil || s.exportKnown(term.Intern(string(v.Module)), term.Intern(string(v.Function)), v.Arity)
	case *beam.Fun:
		return v == nil || exists(v.Module) && s.check(v.Pid) && all(v.Free)
	case beam.Pid:
		return exists(v.Node)
	case beam.Port:
		return exists(v.Node)
	case beam.Ref:
		return exists(v.Node)
	}
	return true
}

// ExternalSize is erlang:external_size/1,2: an upper bound of the size of
// term_to_binary(t, opts) without compression. It is the exact size except
// for local funs, where OTP counts the index and uniq as five bytes each
// whatever their encoding; so does this.
func ExternalSize(t term.Term, opts Options) (int, error) {
	e := encoder{opts: opts, buf: []byte{tagVersion}}
	if err := e.encode(t); err != nil {
		return 0, err
	}
	return len(e.buf) + e.funSlack, nil
}
