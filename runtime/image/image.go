// Package image is the contract between `beamrc build` and the runtime of
// a built executable for native code: the atoms native code embeds, the
// literals it loads, and where each compiled function starts in the code
// blob. The compiler fills an Image, the linker serializes it with Encode
// and embeds it in the executable, and the runtime reads it back with
// Decode at startup. The format is defined here, once, for both sides.
//
// # Atom numbering
//
// Native code embeds atoms as immediate terms, so the atom indices the
// compiler chose must be the runtime's. The runtime's atom table is
// append-only and starts with the atoms its packages intern while they
// initialize (term's predefined atoms, then package-level variables of emu,
// bif, format; boot.InitAtoms counts them). Those are the same in beamrc and
// in every executable, because both link the same runtime packages and Go
// initializes packages in a deterministic order. So:
//
//   - indices below RuntimeAtoms are the runtime's init-time atoms, as the
//     compiler's own process has them (RuntimeHash checks the names);
//   - index RuntimeAtoms+i is Atoms[i], the program's atoms in the order
//     the compiler numbered them.
//
// At startup the runtime checks the prefix and interns Atoms in order
// before anything else can intern an atom, so each gets exactly its
// compiler-assigned index. If the check fails (a runtime built differently
// from the compiler's), the executable does not use its native code and
// runs every function in the interpreter, which is always correct.
//
// # Encoding
//
// Little-endian; counts, indices and offsets are unsigned varints
// (encoding/binary). Layout:
//
//	magic "BRCI" | version | arch (string) | code size
//	RuntimeAtoms | RuntimeHash (8 bytes)
//	atoms:     count, then each: string
//	literals:  count, then each: kind, then
//	             LiteralTable:   module atom, index in that module's LitT
//	             LiteralInteger: sign (0, or 1: negative), magnitude (string:
//	                             big-endian bytes, no leading zero byte)
//	functions: count, then each: module atom, name atom, arity, offset, flags
//	callees:   count, then each: module atom, name atom, arity, kind
//	funs:      count, then each: module atom, index in that module's FunT
//	sites:     count, then each: offset, function index, instruction index
//
// A string is its length then its bytes.
package image

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"math/big"
)

// Version is the format version Encode writes and Decode accepts.
const Version = 3

var magic = [4]byte{'B', 'R', 'C', 'I'}

// Image is what the runtime needs to run a program's native code.
type Image struct {
	Arch     string // GOARCH the code is for ("amd64", "arm64")
	CodeSize uint32 // bytes in the code blob

	RuntimeAtoms uint32 // atoms the runtime has before the program's
	RuntimeHash  uint64 // AtomHash of those atoms' names
	Atoms        []string

	Literals  []Literal
	Functions []Function
	// Callees are the functions native code calls through the runtime
	// (interpreted functions, BIFs); requests name them by index.
	Callees []Callee
	// Funs are the lambdas native code makes funs of (make_fun3).
	Funs []Fun
	// Sites map native code offsets (continuation pointers, resume and
	// raise points) back to BEAM instructions, for stack traces. Sorted
	// by Offset.
	Sites []Site
}

// Callee is a function native code reaches through the runtime.
type Callee struct {
	Module, Name uint32 // atom indices
	Arity        uint32
	Kind         uint32 // CalleeLocal, CalleeExternal, CalleeBIF
}

// Callee kinds: how the runtime looks the function up.
const (
	CalleeLocal    uint32 = iota // a function of Module, exported or not (call)
	CalleeExternal               // an exported function or a BIF (call_ext)
	CalleeBIF                    // a BIF (bif, gc_bif)
)

// Fun is a lambda: entry Index of Module's FunT chunk.
type Fun struct {
	Module uint32
	Index  uint32
}

// Site is a place in native code that stands for a BEAM instruction:
// instruction Index of Functions[Function], counting the instructions
// the runtime's interpreter keeps (func_info is 0; labels and line
// markers do not count).
type Site struct {
	Offset   uint32
	Function uint32
	Index    uint32
}

// Literal is a constant term native code loads from the program's
// literal table.
//
// A LiteralTable literal is literal Index of the LitT chunk of Module (an
// atom index): the runtime hands native code the term the loader built
// for the interpreter, so both share one copy. A LiteralInteger literal is
// an integer constant that the code has in line but that does not fit an
// immediate term (a bignum, e.g. a 64-bit mask); the runtime builds it
// once, in the literal area.
type Literal struct {
	Kind    uint32
	Module  uint32   // LiteralTable
	Index   uint32   // LiteralTable
	Integer *big.Int // LiteralInteger
}

// Literal kinds.
const (
	LiteralTable   uint32 = iota // a term of a module's LitT chunk
	LiteralInteger               // an integer constant
)

// Function is a function compiled to native code.
type Function struct {
	Module, Name uint32 // atom indices
	Arity        uint32
	Offset       uint32 // entry point: byte offset in the code blob
	Flags        uint32
}

// Function flags.
const (
	Exported uint32 = 1 << iota // in the module's export table
)

// AtomHash is the hash that RuntimeHash holds: FNV-1a over the names, each
// followed by a zero byte.
func AtomHash(names []string) uint64 {
	h := fnv.New64a()
	for _, n := range names {
		h.Write([]byte(n))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// Encode serializes im.
func (im *Image) Encode() []byte {
	b := make([]byte, 0, 64+16*len(im.Atoms)+8*len(im.Literals)+12*len(im.Functions))
	b = append(b, magic[:]...)
	b = binary.AppendUvarint(b, Version)
	b = appendString(b, im.Arch)
	b = binary.AppendUvarint(b, uint64(im.CodeSize))
	b = binary.AppendUvarint(b, uint64(im.RuntimeAtoms))
	b = binary.LittleEndian.AppendUint64(b, im.RuntimeHash)
	b = binary.AppendUvarint(b, uint64(len(im.Atoms)))
	for _, a := range im.Atoms {
		b = appendString(b, a)
	}
	b = binary.AppendUvarint(b, uint64(len(im.Literals)))
	for _, l := range im.Literals {
		b = appendLiteral(b, l)
	}
	b = binary.AppendUvarint(b, uint64(len(im.Functions)))
	for _, f := range im.Functions {
		for _, v := range [...]uint32{f.Module, f.Name, f.Arity, f.Offset, f.Flags} {
			b = binary.AppendUvarint(b, uint64(v))
		}
	}
	b = binary.AppendUvarint(b, uint64(len(im.Callees)))
	for _, c := range im.Callees {
		for _, v := range [...]uint32{c.Module, c.Name, c.Arity, c.Kind} {
			b = binary.AppendUvarint(b, uint64(v))
		}
	}
	b = binary.AppendUvarint(b, uint64(len(im.Funs)))
	for _, f := range im.Funs {
		b = binary.AppendUvarint(b, uint64(f.Module))
		b = binary.AppendUvarint(b, uint64(f.Index))
	}
	b = binary.AppendUvarint(b, uint64(len(im.Sites)))
	for _, s := range im.Sites {
		for _, v := range [...]uint32{s.Offset, s.Function, s.Index} {
			b = binary.AppendUvarint(b, uint64(v))
		}
	}
	return b
}

func appendLiteral(b []byte, l Literal) []byte {
	b = binary.AppendUvarint(b, uint64(l.Kind))
	switch l.Kind {
	case LiteralTable:
		b = binary.AppendUvarint(b, uint64(l.Module))
		b = binary.AppendUvarint(b, uint64(l.Index))
	case LiteralInteger:
		sign := byte(0)
		if l.Integer.Sign() < 0 {
			sign = 1
		}
		b = append(b, sign)
		b = appendString(b, string(l.Integer.Bytes()))
	default:
		panic(fmt.Sprintf("image: literal kind %d", l.Kind))
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// Decode reads an image that Encode wrote.
func Decode(data []byte) (*Image, error) {
	d := decoder{data: data}
	if len(data) < 4 || [4]byte(data[:4]) != magic {
		return nil, errors.New("image: bad magic")
	}
	d.pos = 4
	if v := d.uint(); v != Version && d.err == nil {
		return nil, fmt.Errorf("image: version %d, want %d", v, Version)
	}
	im := &Image{}
	im.Arch = d.string()
	im.CodeSize = d.u32()
	im.RuntimeAtoms = d.u32()
	im.RuntimeHash = d.u64()
	im.Atoms = make([]string, d.count(1))
	for i := range im.Atoms {
		im.Atoms[i] = d.string()
	}
	im.Literals = make([]Literal, d.count(3))
	for i := range im.Literals {
		im.Literals[i] = d.literal()
	}
	im.Functions = make([]Function, d.count(5))
	for i := range im.Functions {
		im.Functions[i] = Function{Module: d.u32(), Name: d.u32(), Arity: d.u32(), Offset: d.u32(), Flags: d.u32()}
	}
	im.Callees = make([]Callee, d.count(4))
	for i := range im.Callees {
		im.Callees[i] = Callee{Module: d.u32(), Name: d.u32(), Arity: d.u32(), Kind: d.u32()}
	}
	im.Funs = make([]Fun, d.count(2))
	for i := range im.Funs {
		im.Funs[i] = Fun{Module: d.u32(), Index: d.u32()}
	}
	im.Sites = make([]Site, d.count(3))
	for i := range im.Sites {
		im.Sites[i] = Site{Offset: d.u32(), Function: d.u32(), Index: d.u32()}
	}
	if d.err == nil && d.pos != len(data) {
		d.fail("trailing bytes")
	}
	if d.err != nil {
		return nil, d.err
	}
	return im, nil
}

type decoder struct {
	data []byte
	pos  int
	err  error
}

func (d *decoder) fail(msg string) {
	if d.err == nil {
		d.err = fmt.Errorf("image: offset %d: %s", d.pos, msg)
	}
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.data[d.pos:])
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.pos += n
	return v
}

func (d *decoder) u32() uint32 {
	v := d.uint()
	if v > 1<<32-1 {
		d.fail("value out of range")
	}
	return uint32(v)
}

func (d *decoder) u64() uint64 {
	if d.err != nil || len(d.data)-d.pos < 8 {
		d.fail("truncated")
		return 0
	}
	v := binary.LittleEndian.Uint64(d.data[d.pos:])
	d.pos += 8
	return v
}

// count reads a table length; each entry takes at least minSize bytes,
// which bounds what a corrupt count can make us allocate.
func (d *decoder) count(minSize int) int {
	n := d.uint()
	if d.err == nil && n > uint64((len(d.data)-d.pos)/minSize) {
		d.fail("count exceeds data")
	}
	if d.err != nil {
		return 0
	}
	return int(n)
}

func (d *decoder) literal() Literal {
	l := Literal{Kind: d.u32()}
	switch {
	case d.err != nil:
	case l.Kind == LiteralTable:
		l.Module, l.Index = d.u32(), d.u32()
	case l.Kind == LiteralInteger:
		l.Integer = d.integer()
	default:
		d.fail(fmt.Sprintf("bad literal kind %d", l.Kind))
	}
	return l
}

// integer reads a sign byte and a magnitude, in the one form Encode
// writes: no leading zero byte (zero is empty), no negative zero.
func (d *decoder) integer() *big.Int {
	if d.err == nil && d.pos >= len(d.data) {
		d.fail("truncated")
	}
	if d.err != nil {
		return nil
	}
	sign := d.data[d.pos]
	d.pos++
	mag := d.string()
	switch {
	case d.err != nil:
		return nil
	case sign > 1:
		d.fail(fmt.Sprintf("bad integer sign %d", sign))
		return nil
	case len(mag) > 0 && mag[0] == 0, len(mag) == 0 && sign == 1:
		d.fail("integer not in minimal form")
		return nil
	}
	z := new(big.Int).SetBytes([]byte(mag))
	if sign == 1 {
		z.Neg(z)
	}
	return z
}

func (d *decoder) string() string {
	n := d.uint()
	if d.err == nil && n > uint64(len(d.data)-d.pos) {
		d.fail("truncated string")
	}
	if d.err != nil {
		return ""
	}
	s := string(d.data[d.pos : d.pos+int(n)])
	d.pos += int(n)
	return s
}
