package beam

import (
	"errors"
	"math"
	"math/big"
)

// The compact term encoding used for instruction operands (and for atom
// lengths in OTP 28's AtU8 chunk and for Line chunk items). The low three
// bits of the first byte are the tag:
//
//	0 u  unsigned literal        4 y  stack slot (y register)
//	1 i  integer                 5 f  label
//	2 a  atom (0 is nil, [])     6 h  character
//	3 x  x register              7 z  extended, see below
//
// The value is in the high bits of the same byte (bit 3 clear: 0..15), in
// three high bits plus one more byte (bits 3-4 = 01: up to 2047), or in 2-8
// following big-endian bytes (bits 3-4 = 11, length-2 in the top three
// bits), or, when those three bits are all ones, in a number of bytes given
// by a nested u-encoded value plus 9. Only i values are signed (two's
// complement of the byte string).
const (
	tagU = 0
	tagI = 1
	tagA = 2
	tagX = 3
	tagY = 4
	tagF = 5
	tagH = 6
	tagZ = 7
)

// Extended (z) forms.
const (
	extFloat     = 0 // old float literal: 8 raw bytes
	extList      = 1 // list: u length then that many operands
	extFloatReg  = 2 // float register: u number
	extAllocList = 3 // allocation list: u length then {u kind, u count} pairs
	extLiteral   = 4 // literal: u index into LitT
	extTypedReg  = 5 // typed register: register then u index into Type
)

// OperandKind says what an Operand denotes.
type OperandKind uint8

const (
	KindUnsigned OperandKind = iota // u: plain number (arity, live count, ...)
	KindInteger                     // i: integer literal; Big set if it exceeds int64
	KindAtom                        // a: atom; Val is the 1-based atom index
	KindNil                         // a 0: the empty list []
	KindX                           // x register Val
	KindY                           // y register Val
	KindFR                          // float register Val
	KindLabel                       // f: label Val (0 means "no label")
	KindChar                        // h: character Val
	KindLiteral                     // index Val into Module.Literals
	KindList                        // List holds the elements
	KindAlloc                       // Alloc holds the counts
	KindFloat                       // old-style float literal; see Operand.Float
)

var kindNames = [...]string{"u", "i", "atom", "nil", "x", "y", "fr", "f", "char", "literal", "list", "alloc", "float"}

func (k OperandKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + itoa(int64(k)) + ")"
}

// AllocCounts is the payload of an allocation list: what a test_heap or
// allocate instruction needs beyond plain words.
type AllocCounts struct {
	Words, Floats, Funs int64
}

// Operand is one decoded instruction operand.
type Operand struct {
	Kind OperandKind
	// Type is the index into Module.Types for a typed register, -1 when
	// the operand carries no type.
	Type  int32
	Val   int64        // register, label, atom index, literal index, small integer
	Big   *big.Int     // Integer values that do not fit in int64
	List  []Operand    // elements of a List
	Alloc *AllocCounts // counts of a KindAlloc operand
}

// IsReg reports whether the operand is an x, y or float register.
func (o Operand) IsReg() bool {
	return o.Kind == KindX || o.Kind == KindY || o.Kind == KindFR
}

// Float returns the value of a FloatLit operand.
func (o Operand) Float() float64 { return math.Float64frombits(uint64(o.Val)) }

// String renders the operand without module context (atoms as indices,
// literals by number). Module.FormatOperand resolves names.
func (o Operand) String() string {
	switch o.Kind {
	case KindUnsigned:
		return itoa(o.Val)
	case KindInteger:
		if o.Big != nil {
			return o.Big.String()
		}
		return itoa(o.Val)
	case KindAtom:
		return "atom#" + itoa(o.Val)
	case KindNil:
		return "[]"
	case KindX, KindY, KindFR:
		s := o.Kind.String() + itoa(o.Val)
		if o.Type >= 0 {
			s += "/t" + itoa(int64(o.Type))
		}
		return s
	case KindLabel:
		return "f(" + itoa(o.Val) + ")"
	case KindChar:
		return "$" + string(rune(o.Val))
	case KindLiteral:
		return "literal#" + itoa(o.Val)
	case KindFloat:
		return formatFloat(o.Float())
	case KindList:
		s := "["
		for i, e := range o.List {
			if i > 0 {
				s += ", "
			}
			s += e.String()
		}
		return s + "]"
	case KindAlloc:
		a := o.Alloc
		return "alloc{words:" + itoa(a.Words) + " floats:" + itoa(a.Floats) + " funs:" + itoa(a.Funs) + "}"
	}
	return "?"
}

var (
	errBadTag     = errors.New("bad operand tag")
	errTooLarge   = errors.New("operand value too large")
	errNestedList = errors.New("nested operand list")
)

// compactValue is one raw tagged value: the tag and either a small value
// or, for large ones, the big-endian byte string.
type compactValue struct {
	tag   int
	val   int64
	bytes []byte // non-nil when the value did not fit (or is a wide i)
}

// readCompact reads one tagged number (not following z extensions).
func (r *reader) readCompact() (compactValue, error) {
	b, err := r.u8()
	if err != nil {
		return compactValue{}, err
	}
	cv := compactValue{tag: int(b & 7)}
	switch {
	case b&0x08 == 0:
		cv.val = int64(b >> 4)
		return cv, nil
	case b&0x10 == 0:
		b2, err := r.u8()
		if err != nil {
			return cv, err
		}
		cv.val = int64(b>>5)<<8 | int64(b2)
		return cv, nil
	}
	n := int(b>>5) + 2
	if n == 9 {
		// Length in a nested u value, plus 9.
		lv, err := r.readCompact()
		if err != nil {
			return cv, err
		}
		if lv.tag != tagU || lv.bytes != nil || lv.val > int64(r.remaining()) {
			return cv, errors.New("bad length of large operand")
		}
		n = int(lv.val) + 9
	}
	data, err := r.bytes(n)
	if err != nil {
		return cv, err
	}
	if n <= 8 {
		var u uint64
		for _, c := range data {
			u = u<<8 | uint64(c)
		}
		if cv.tag == tagI {
			shift := uint(64 - 8*n)
			cv.val = int64(u<<shift) >> shift // sign-extend
			return cv, nil
		}
		if int64(u) >= 0 {
			cv.val = int64(u)
			return cv, nil
		}
	}
	cv.bytes = data
	return cv, nil
}

// bigFromBytes interprets a big-endian two's-complement byte string.
func bigFromBytes(data []byte) *big.Int {
	v := new(big.Int).SetBytes(data)
	if len(data) > 0 && data[0]&0x80 != 0 {
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(8*len(data))))
	}
	return v
}

// readUnsigned reads a compact value that must be a small u.
func (r *reader) readUnsigned() (int64, error) {
	cv, err := r.readCompact()
	if err != nil {
		return 0, err
	}
	if cv.tag != tagU {
		return 0, errBadTag
	}
	if cv.bytes != nil {
		return 0, errTooLarge
	}
	return cv.val, nil
}

// operand decodes one operand, following z extensions. inList is set for
// elements of a list, which may not themselves be lists.
func (r *reader) operand(inList bool) (Operand, error) {
	cv, err := r.readCompact()
	if err != nil {
		return Operand{}, err
	}
	op := Operand{Val: cv.val, Type: -1}
	if cv.bytes != nil && cv.tag != tagI {
		return op, errTooLarge
	}
	switch cv.tag {
	case tagU:
		op.Kind = KindUnsigned
	case tagI:
		op.Kind = KindInteger
		if cv.bytes != nil {
			op.Big = bigFromBytes(cv.bytes)
			op.Val = 0
		}
	case tagA:
		op.Kind = KindAtom
		if cv.val == 0 {
			op.Kind = KindNil
		}
	case tagX:
		op.Kind = KindX
	case tagY:
		op.Kind = KindY
	case tagF:
		op.Kind = KindLabel
	case tagH:
		op.Kind = KindChar
	case tagZ:
		return r.extended(cv.val, inList)
	}
	return op, nil
}

func (r *reader) extended(code int64, inList bool) (Operand, error) {
	op := Operand{Type: -1}
	switch code {
	case extFloat:
		u, err := r.u64()
		op.Kind, op.Val = KindFloat, int64(u)
		return op, err
	case extList:
		if inList {
			return op, errNestedList
		}
		n, err := r.readUnsigned()
		if err != nil {
			return op, err
		}
		// Every element takes at least one byte.
		if n > int64(r.remaining()) {
			return op, errors.New("list length " + itoa(n) + " exceeds remaining data")
		}
		op.Kind = KindList
		op.List = make([]Operand, n)
		for i := range op.List {
			if op.List[i], err = r.operand(true); err != nil {
				return op, err
			}
		}
		return op, nil
	case extFloatReg:
		v, err := r.readUnsigned()
		op.Kind, op.Val = KindFR, v
		return op, err
	case extAllocList:
		return r.allocList()
	case extLiteral:
		v, err := r.readUnsigned()
		op.Kind, op.Val = KindLiteral, v
		return op, err
	case extTypedReg:
		reg, err := r.operand(true)
		if err != nil {
			return op, err
		}
		if reg.Kind != KindX && reg.Kind != KindY || reg.Type >= 0 {
			return op, errors.New("typed register operand is not a register")
		}
		t, err := r.readUnsigned()
		if err != nil {
			return op, err
		}
		if t > math.MaxInt32 {
			return op, errTooLarge
		}
		reg.Type = int32(t)
		return reg, nil
	}
	return op, errors.New("unknown extended operand tag " + itoa(code))
}

func (r *reader) allocList() (Operand, error) {
	op := Operand{Kind: KindAlloc, Type: -1, Alloc: &AllocCounts{}}
	n, err := r.readUnsigned()
	if err != nil {
		return op, err
	}
	if n > int64(r.remaining()) {
		return op, errors.New("allocation list length exceeds remaining data")
	}
	for i := int64(0); i < n; i++ {
		kind, err := r.readUnsigned()
		if err != nil {
			return op, err
		}
		count, err := r.readUnsigned()
		if err != nil {
			return op, err
		}
		switch kind {
		case 0:
			op.Alloc.Words += count
		case 1:
			op.Alloc.Floats += count
		case 2:
			op.Alloc.Funs += count
		default:
			return op, errors.New("unknown allocation kind " + itoa(kind))
		}
	}
	return op, nil
}
