package term

import (
	"sync"
	"sync/atomic"
)

// Funs. A closure is
//
//	[hdr(SubFun, arity 1+n), small(fun index), free variable 1..n]
//
// where the fun index names an entry of the global fun table (a lambda of a
// loaded module). An external fun (fun M:F/A) is
//
//	[hdr(SubExport, arity 3), module atom, function atom, small(arity)]
//
// so that it needs no table and can be a literal.

// FunWords returns the heap need of a closure with n free variables.
func FunWords(n int) int { return 2 + n }

// ExportWords is the heap need of an external fun.
const ExportWords = 4

// FunInfo describes a lambda of a loaded module.
type FunInfo struct {
	Module  Term   // module atom
	Name    Term   // the name of the function the lambda compiles to
	Arity   int    // arity of the fun as seen by callers
	NumFree int    // free variables the closure carries
	Index   int    // the lambda's index in its module's FunT
	Uniq    uint32 // the module's OldUniq for it
	Code    any    // the executable entry, set by whoever loads the module
}

var funTable struct {
	mu    sync.Mutex
	all   []*FunInfo
	snaps atomic.Pointer[[]*FunInfo]
}

// RegisterFun adds a lambda to the global fun table and returns its index.
func RegisterFun(info *FunInfo) uint32 {
	funTable.mu.Lock()
	defer funTable.mu.Unlock()
	i := uint32(len(funTable.all))
	funTable.all = append(funTable.all, info)
	s := funTable.all[:len(funTable.all):len(funTable.all)]
	funTable.snaps.Store(&s)
	return i
}

// Fun returns the fun table entry at index i.
func Fun(i uint32) *FunInfo { return (*funTable.snaps.Load())[i] }

// IsFun reports whether t is a fun of either kind (is_function/1).
func (t Term) IsFun() bool {
	if !t.IsBoxed() {
		return false
	}
	s := HeaderSubtag(t.Word(0))
	return s == SubFun || s == SubExport
}

// IsClosure reports whether t is a closure (not an external fun).
func (t Term) IsClosure() bool { return t.Is(SubFun) }

// IsExport reports whether t is an external fun.
func (t Term) IsExport() bool { return t.Is(SubExport) }

// FunIndex returns the fun table index of closure t.
func (t Term) FunIndex() uint32 { return uint32(t.Word(1).SmallValue()) }

// FunInfo returns the fun table entry of closure t.
func (t Term) FunInfo() *FunInfo { return Fun(t.FunIndex()) }

// FunFree returns the free variables of closure t (aliasing the heap).
func (t Term) FunFree() []Term {
	n := HeaderArity(t.Word(0)) - 1
	return wordsAsTerms(t.Words(n + 2)[2:])
}

// FunArity returns the arity of a fun of either kind.
func (t Term) FunArity() int {
	if t.IsExport() {
		return int(t.Word(3).SmallValue())
	}
	return t.FunInfo().Arity
}

// ExportMFA returns the module, function and arity of external fun t.
func (t Term) ExportMFA() (m, f Term, arity int) {
	return t.Word(1), t.Word(2), int(t.Word(3).SmallValue())
}

// NewClosure allocates a closure of fun index i over free.
func NewClosure(a Allocator, i uint32, free []Term) Term {
	w := a.Alloc(FunWords(len(free)))
	w[0] = uint64(MakeHeader(SubFun, 1+len(free)))
	w[1] = uint64(MakeSmall(int64(i)))
	copy(w[2:], TermsAsWords(free))
	return Box(w)
}

// NewExport allocates the external fun M:F/A.
func NewExport(a Allocator, m, f Term, arity int) Term {
	w := a.Alloc(ExportWords)
	w[0] = uint64(MakeHeader(SubExport, 3))
	w[1], w[2], w[3] = uint64(m), uint64(f), uint64(MakeSmall(int64(arity)))
	return Box(w)
}
