package beam

import "math/big"

// Term is a decoded Erlang term: literals, attributes and compile info in a
// BEAM file, or anything binary_to_term can produce. The concrete types are
// the ones in this file. Integers that fit in int64 are always Int; BigInt
// is used only beyond that range, so each integer has one representation.
type Term interface {
	isTerm()
}

type (
	// Atom is an atom's name in UTF-8.
	Atom string
	// Int is an integer that fits in 64 bits.
	Int int64
	// BigInt is an integer outside the int64 range.
	BigInt struct{ *big.Int }
	// Float is an IEEE double.
	Float float64
	// Tuple is a tuple; the empty tuple is a zero-length Tuple.
	Tuple []Term
	// Nil is the empty list [].
	Nil struct{}
	// List is a non-empty list. Tail is Nil{} for a proper list.
	List struct {
		Elems []Term
		Tail  Term
	}
	// Bitstring is a binary or bit string. Bits is the number of bits used
	// in the last byte, 1..8; 8 means the value is a whole-byte binary (the
	// empty binary also has Bits 8). Unused low bits are zero.
	Bitstring struct {
		Bytes []byte
		Bits  uint8
	}
	// Map keeps keys and values in the order they were encoded.
	Map struct {
		Keys, Values []Term
	}
	// ExportFun is fun Module:Function/Arity.
	ExportFun struct {
		Module, Function Atom
		Arity            int
	}
	// Fun is a local fun (closure) from NEW_FUN_EXT.
	Fun struct {
		Arity    int
		Uniq     [16]byte
		Index    uint32
		Module   Atom
		OldIndex Term
		OldUniq  Term
		Pid      Term
		Free     []Term
	}
	// Pid is a process identifier.
	Pid struct {
		Node                 Atom
		ID, Serial, Creation uint32
	}
	// Port is a port identifier.
	Port struct {
		Node     Atom
		ID       uint64
		Creation uint32
	}
	// Ref is a reference.
	Ref struct {
		Node     Atom
		Creation uint32
		IDs      []uint32
	}
)

func (Atom) isTerm()      {}
func (Int) isTerm()       {}
func (BigInt) isTerm()    {}
func (Float) isTerm()     {}
func (Tuple) isTerm()     {}
func (Nil) isTerm()       {}
func (*List) isTerm()     {}
func (Bitstring) isTerm() {}
func (*Map) isTerm()      {}
func (ExportFun) isTerm() {}
func (*Fun) isTerm()      {}
func (Pid) isTerm()       {}
func (Port) isTerm()      {}
func (Ref) isTerm()       {}

// IsBinary reports whether the bit string is a whole number of bytes.
func (b Bitstring) IsBinary() bool { return b.Bits == 8 || b.Bits == 0 }

// BitLen is the length in bits.
func (b Bitstring) BitLen() int {
	if len(b.Bytes) == 0 {
		return 0
	}
	if b.IsBinary() {
		return 8 * len(b.Bytes)
	}
	return 8*(len(b.Bytes)-1) + int(b.Bits)
}
