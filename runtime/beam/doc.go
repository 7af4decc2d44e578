// Package beam reads BEAM files, the modules that erlc and gleam build
// produce, into decoded form: atom, import, export, lambda, literal, line
// and type tables, and the code split into functions of instructions with
// decoded operands. Later stages (the interpreter, the compiler) work from
// a *Module and never look at the raw bytes.
//
// The opcode table (opcodes.go) is the one description of the instruction
// set in beamrc. Literals and other terms are decoded from the external term
// format by DecodeTerm, which the runtime's binary_to_term can reuse.
//
// Nothing here panics on malformed input: every problem is a *FormatError
// naming the file, the chunk and the byte offset. The package imports only
// the standard library, because it is linked into every executable beamrc
// builds.
package beam
