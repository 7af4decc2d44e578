// Package term defines how Erlang terms are laid out in memory.
//
// A term is one 64-bit word, tagged the way the BEAM tags its terms
// (erts/emulator/beam/erl_term.h): the low two bits are the primary tag.
//
//	xx00  header word of a boxed object (only ever found on a heap)
//	xx01  list: address of a cons cell (two words: head, tail)
//	xx10  boxed: address of an object that starts with a header word
//	xx11  immediate: the value is in the word itself
//
// Immediates use two more levels of tagging:
//
//	0011  pid        (id << 4)
//	0111  port       (id << 4)
//	1111  small integer, 60-bit signed (value << 4)
//	1011  immediate2, with six tag bits:
//	      001011 atom      (index << 6)
//	      011011 catch     (index << 6), only on a process stack
//	      111011 nil, the empty list
//
// Addresses are real machine addresses of words in []uint64 slices that
// a heap, a heap fragment or the literal area owns. Go's collector never
// moves those slices and never scans uint64, so the address stays valid for
// as long as the owner keeps the slice. Keeping it is the owner's job.
package term

// Term is one tagged word.
type Term uint64

// Primary tags.
const (
	PrimaryMask   = 0x3
	PrimaryHeader = 0x0
	PrimaryList   = 0x1
	PrimaryBoxed  = 0x2
	PrimaryImmed1 = 0x3
)

// Immediate-1 tags (low four bits).
const (
	Immed1Mask = 0xF
	TagPid     = 0x3
	TagPort    = 0x7
	TagImmed2  = 0xB
	TagSmall   = 0xF
	// SmallShift is how far a small integer's value is shifted.
	SmallShift = 4
)

// Immediate-2 tags (low six bits).
const (
	Immed2Mask = 0x3F
	TagAtom    = 0x0B
	TagCatch   = 0x1B
	TagNil     = 0x3B
	// Immed2Shift is how far an atom's or catch's index is shifted.
	Immed2Shift = 6
)

// Distinguished words.
const (
	// Nil is [].
	Nil Term = TagNil
	// NonValue is never a valid term: it is a header word of arity zero,
	// subtag tuple, and no term points at it by value. Functions that can
	// fail return it and leave the reason in their process.
	NonValue Term = 0
)

// Small-integer range: 60 bits, signed.
const (
	SmallBits = 64 - SmallShift
	MaxSmall  = 1<<(SmallBits-1) - 1
	MinSmall  = -(1 << (SmallBits - 1))
)

// Primary returns the primary tag.
func (t Term) Primary() uint64 { return uint64(t) & PrimaryMask }

// IsImmediate reports whether t carries its value in the word.
func (t Term) IsImmediate() bool { return uint64(t)&PrimaryMask == PrimaryImmed1 }

// IsBoxed reports whether t points at a boxed object.
func (t Term) IsBoxed() bool { return uint64(t)&PrimaryMask == PrimaryBoxed }

// IsCons reports whether t is a non-empty list.
func (t Term) IsCons() bool { return uint64(t)&PrimaryMask == PrimaryList }

// IsNil reports whether t is [].
func (t Term) IsNil() bool { return t == Nil }

// IsList reports whether t is [] or a cons cell (the is_list guard).
func (t Term) IsList() bool { return t == Nil || t.IsCons() }

// IsSmall reports whether t is a small integer.
func (t Term) IsSmall() bool { return uint64(t)&Immed1Mask == TagSmall }

// IsAtom reports whether t is an atom.
func (t Term) IsAtom() bool { return uint64(t)&Immed2Mask == TagAtom }

// IsPid reports whether t is a (local) pid.
func (t Term) IsPid() bool { return uint64(t)&Immed1Mask == TagPid }

// IsPort reports whether t is a (local) port.
func (t Term) IsPort() bool { return uint64(t)&Immed1Mask == TagPort }

// IsCatch reports whether t is a catch marker on a stack.
func (t Term) IsCatch() bool { return uint64(t)&Immed2Mask == TagCatch }

// MakeSmall tags v, which must lie in [MinSmall, MaxSmall].
func MakeSmall(v int64) Term { return Term(uint64(v)<<SmallShift | TagSmall) }

// FitsSmall reports whether v can be a small integer.
func FitsSmall(v int64) bool { return v >= MinSmall && v <= MaxSmall }

// SmallValue returns the value of a small integer.
func (t Term) SmallValue() int64 { return int64(t) >> SmallShift }

// MakeAtom tags an atom index.
func MakeAtom(index uint32) Term { return Term(uint64(index)<<Immed2Shift | TagAtom) }

// AtomIndex returns an atom's index in the atom table.
func (t Term) AtomIndex() uint32 { return uint32(uint64(t) >> Immed2Shift) }

// MakePid tags a process id.
func MakePid(id uint64) Term { return Term(id<<4 | TagPid) }

// PidID returns a pid's process id.
func (t Term) PidID() uint64 { return uint64(t) >> 4 }

// MakePort tags a port id.
func MakePort(id uint64) Term { return Term(id<<4 | TagPort) }

// PortID returns a port's id.
func (t Term) PortID() uint64 { return uint64(t) >> 4 }

// MakeCatch tags a catch marker that names an entry of a catch table.
func MakeCatch(index uint64) Term { return Term(index<<Immed2Shift | TagCatch) }

// CatchIndex returns a catch marker's index.
func (t Term) CatchIndex() uint64 { return uint64(t) >> Immed2Shift }

// Bool turns a Go bool into the atom true or false.
func Bool(b bool) Term {
	if b {
		return True
	}
	return False
}
