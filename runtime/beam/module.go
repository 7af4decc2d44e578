package beam

import (
	"os"
	"path/filepath"
)

// Module is a decoded BEAM file: the tables of every chunk the runtime and
// compiler need, and the code split into functions of decoded instructions.
// A Module refers to the byte slice it was parsed from (StrT, binaries in
// literals); callers must not modify that slice afterwards.
type Module struct {
	Name string // module name (the first atom)
	File string // the file it was read from; the name given to Parse otherwise

	// Atoms holds the atom table. Atoms[0] is the module name, which the
	// file calls atom 1; use Atom to look up with the file's numbering.
	Atoms []string

	Imports []MFA
	Exports []FuncRef
	Locals  []FuncRef
	Lambdas []Lambda

	Literals []Term
	Strings  []byte // the StrT chunk, used by bs_put_string and friends

	Lines *LineTable // nil when the file has no Line chunk
	// Types is the Type chunk, indexed by typed-register operands. Nil when
	// the chunk is absent or in a version this package does not know.
	Types        []TypeInfo
	TypesVersion int // version of the Type chunk, 0 if absent

	Attributes  Term // the Attr chunk: a list of {Key, Value}; nil if absent
	CompileInfo Term // the CInf chunk; nil if absent

	Header    CodeHeader
	Functions []Function

	// labels maps a label number to where it is defined.
	labels []labelPos
}

// MFA names an external function.
type MFA struct {
	Module, Function string
	Arity            int
}

func (m MFA) String() string {
	return QuoteAtom(m.Module) + ":" + QuoteAtom(m.Function) + "/" + itoa(int64(m.Arity))
}

// FuncRef is an entry of the export (ExpT) or local (LocT) table.
type FuncRef struct {
	Name         string
	Arity, Label int
}

// Lambda is an entry of the FunT chunk: a fun defined in this module.
type Lambda struct {
	Name                         string
	Arity, Label, Index, NumFree int
	OldUniq                      uint32
}

// CodeHeader is the fixed part of the Code chunk.
type CodeHeader struct {
	InfoSize       int // size of the header after its own length field
	InstructionSet int // format number; 0 for every OTP release so far
	MaxOpcode      int // highest opcode the file uses
	NumLabels      int // labels are numbered 1..NumLabels-1
	NumFunctions   int
}

// Function is one function's code, from the label(s) and line before its
// func_info through the last instruction before the next function.
type Function struct {
	Name  string
	Arity int
	Label int // entry label: the label right after func_info
	// Code includes the leading label, func_info and entry label.
	Code []Instr
}

// Instr is one decoded instruction.
type Instr struct {
	Op     Opcode
	Args   []Operand
	Offset int      // byte offset of the opcode in the file
	Loc    Location // source location in effect (from the last line instruction); zero if unknown
}

type labelPos struct {
	fn, idx int32 // fn is -1 for an undefined label
}

// Atom returns the atom with the file's 1-based index, or "" if out of range.
func (m *Module) Atom(i int) string {
	if i < 1 || i > len(m.Atoms) {
		return ""
	}
	return m.Atoms[i-1]
}

// Label finds where label l is defined: the function and the index of the
// label instruction in its Code.
func (m *Module) Label(l int) (fn *Function, index int, ok bool) {
	if l <= 0 || l >= len(m.labels) || m.labels[l].fn < 0 {
		return nil, 0, false
	}
	p := m.labels[l]
	return &m.Functions[p.fn], int(p.idx), true
}

// Function finds a function by name and arity.
func (m *Module) Function(name string, arity int) (*Function, bool) {
	for i := range m.Functions {
		if f := &m.Functions[i]; f.Name == name && f.Arity == arity {
			return f, true
		}
	}
	return nil, false
}

// Literal returns literal i, or nil if out of range.
func (m *Module) Literal(i int64) Term {
	if i < 0 || i >= int64(len(m.Literals)) {
		return nil
	}
	return m.Literals[i]
}

// ReadFile reads and decodes a .beam file.
func ReadFile(path string) (*Module, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	m.File = path
	return m, nil
}

// Parse decodes a BEAM file held in memory. name is used in error messages
// and as Module.File (pass the base name of the file, or any label).
func Parse(name string, data []byte) (*Module, error) {
	chunks, err := readChunks(name, data)
	if err != nil {
		return nil, err
	}
	p := &parser{file: name, m: &Module{File: name}}
	for _, c := range chunks {
		// Like OTP's loader, a later chunk with the same ID wins.
		if i := chunkIndex(c.ID); i != chOther {
			p.chunks[i] = c
		}
	}
	if err := p.parse(); err != nil {
		return nil, err
	}
	return p.m, nil
}

// DisplayName is the file's base name, for listings.
func (m *Module) DisplayName() string { return filepath.Base(m.File) }
