package term

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// MaxAtomLength is the longest atom name in characters, as in OTP.
const MaxAtomLength = 255

// The atom table is global: atoms are never collected, and an atom's index
// is the same in every process. Lookups by index are lock-free (they read a
// snapshot of the names); interning takes a lock.
type atomTable struct {
	mu      sync.Mutex
	byName  map[string]uint32
	names   atomic.Pointer[[]string]
	pending []string // the slice that snapshots share; appended under mu
}

var atoms = newAtomTable()

func newAtomTable() *atomTable {
	t := &atomTable{byName: make(map[string]uint32, 1024)}
	empty := make([]string, 0, 1024)
	t.pending = empty
	t.names.Store(&empty)
	return t
}

// Intern returns the atom named name, adding it to the table if needed.
func Intern(name string) Term {
	return MakeAtom(atoms.intern(name))
}

// LookupAtom returns the atom named name if it exists already
// (binary_to_existing_atom and friends).
func LookupAtom(name string) (Term, bool) {
	atoms.mu.Lock()
	i, ok := atoms.byName[name]
	atoms.mu.Unlock()
	return MakeAtom(i), ok
}

// AtomName returns the name of atom a. It panics if a is not an atom of the
// table, which only a runtime bug can cause.
func AtomName(a Term) string {
	names := *atoms.names.Load()
	return names[a.AtomIndex()]
}

// AtomCount returns the number of atoms interned so far.
func AtomCount() int { return len(*atoms.names.Load()) }

func (t *atomTable) intern(name string) uint32 {
	t.mu.Lock()
	defer t.mu.Unlock()
	if i, ok := t.byName[name]; ok {
		return i
	}
	i := uint32(len(t.pending))
	t.pending = append(t.pending, name)
	snapshot := t.pending[:len(t.pending):len(t.pending)]
	t.names.Store(&snapshot)
	t.byName[name] = i
	return i
}

// The atoms the runtime names in code are interned first, in this order,
// so their indices are constants. Native code and the linker's image rely on
// these indices through runtime/abi; append only.
var predefined = [...]string{
	"false", "true", "undefined", "ok", "error", "exit", "throw", "nil",
	"badarg", "badarith", "badmatch", "case_clause", "if_clause",
	"function_clause", "undef", "badfun", "badarity", "badmap", "badkey",
	"badrecord", "try_clause", "system_limit", "nocatch", "normal", "kill",
	"killed", "noproc", "EXIT", "DOWN", "process", "infinity", "timeout",
	"erlang", "file", "line", "all", "utf8", "unicode", "latin1", "big",
	"little", "signed", "unsigned", "native", "float", "integer", "binary",
}

// Indices of the predefined atoms.
const (
	AtomIndexFalse uint32 = iota
	AtomIndexTrue
	AtomIndexUndefined
	AtomIndexOk
	AtomIndexError
	AtomIndexExit
	AtomIndexThrow
	AtomIndexNil
	AtomIndexBadarg
	AtomIndexBadarith
	AtomIndexBadmatch
	AtomIndexCaseClause
	AtomIndexIfClause
	AtomIndexFunctionClause
	AtomIndexUndef
	AtomIndexBadfun
	AtomIndexBadarity
	AtomIndexBadmap
	AtomIndexBadkey
	AtomIndexBadrecord
	AtomIndexTryClause
	AtomIndexSystemLimit
	AtomIndexNocatch
	AtomIndexNormal
	AtomIndexKill
	AtomIndexKilled
	AtomIndexNoproc
	AtomIndexEXIT
	AtomIndexDOWN
	AtomIndexProcess
	AtomIndexInfinity
	AtomIndexTimeout
	AtomIndexErlang
	AtomIndexFile
	AtomIndexLine
	AtomIndexAll
	AtomIndexUtf8
	AtomIndexUnicode
	AtomIndexLatin1
	AtomIndexBig
	AtomIndexLittle
	AtomIndexSigned
	AtomIndexUnsigned
	AtomIndexNative
	AtomIndexFloat
	AtomIndexInteger
	AtomIndexBinary
	numPredefined
)

// Predefined atoms as terms.
var (
	False          = MakeAtom(AtomIndexFalse)
	True           = MakeAtom(AtomIndexTrue)
	Undefined      = MakeAtom(AtomIndexUndefined)
	Ok             = MakeAtom(AtomIndexOk)
	AtomError      = MakeAtom(AtomIndexError)
	AtomExit       = MakeAtom(AtomIndexExit)
	AtomThrow      = MakeAtom(AtomIndexThrow)
	Badarg         = MakeAtom(AtomIndexBadarg)
	Badarith       = MakeAtom(AtomIndexBadarith)
	Badmatch       = MakeAtom(AtomIndexBadmatch)
	CaseClause     = MakeAtom(AtomIndexCaseClause)
	IfClause       = MakeAtom(AtomIndexIfClause)
	FunctionClause = MakeAtom(AtomIndexFunctionClause)
	Undef          = MakeAtom(AtomIndexUndef)
	Badfun         = MakeAtom(AtomIndexBadfun)
	Badarity       = MakeAtom(AtomIndexBadarity)
	Badmap         = MakeAtom(AtomIndexBadmap)
	Badkey         = MakeAtom(AtomIndexBadkey)
	Badrecord      = MakeAtom(AtomIndexBadrecord)
	TryClause      = MakeAtom(AtomIndexTryClause)
	SystemLimit    = MakeAtom(AtomIndexSystemLimit)
	Nocatch        = MakeAtom(AtomIndexNocatch)
	Normal         = MakeAtom(AtomIndexNormal)
	Kill           = MakeAtom(AtomIndexKill)
	Killed         = MakeAtom(AtomIndexKilled)
	Noproc         = MakeAtom(AtomIndexNoproc)
	AtomEXIT       = MakeAtom(AtomIndexEXIT)
	AtomDOWN       = MakeAtom(AtomIndexDOWN)
	AtomProcess    = MakeAtom(AtomIndexProcess)
	Infinity       = MakeAtom(AtomIndexInfinity)
	AtomTimeout    = MakeAtom(AtomIndexTimeout)
	AtomErlang     = MakeAtom(AtomIndexErlang)
	AtomFile       = MakeAtom(AtomIndexFile)
	AtomLine       = MakeAtom(AtomIndexLine)
)

func init() {
	for i, name := range predefined {
		if got := atoms.intern(name); got != uint32(i) {
			panic(fmt.Sprintf("term: predefined atom %q got index %d", name, got))
		}
	}
	if len(predefined) != int(numPredefined) {
		panic("term: predefined atom list and indices disagree")
	}
}
