// Package codegen lowers decoded BEAM functions to machine code. This file
// is the contract with the compiler driver: the compiler hands each
// function to a Backend, lays the results out in one code blob, resolves
// the references between functions, and links the blob with the image the
// Env has built.
package codegen

import (
	"errors"
	"math/big"

	"github.com/beamrc/beamrc/runtime/beam"
)

// Function is one BEAM function to lower.
type Function struct {
	Module   *beam.Module
	Func     *beam.Function
	Exported bool
}

// MFA names the function.
func (f *Function) MFA() beam.MFA {
	return beam.MFA{Module: f.Module.Name, Function: f.Func.Name, Arity: f.Func.Arity}
}

// Env numbers what native code refers to by index. Indices are final:
// the runtime reproduces them at startup (see runtime/image).
type Env interface {
	// Atom returns the runtime index of the atom name, to embed as an
	// immediate term.
	Atom(name string) uint32
	// Literal returns the index in the program's literal table of
	// literal index of module's LitT chunk; native code loads it from the
	// table the runtime passes in the context.
	Literal(module string, index int) uint32
	// Integer returns the index in the program's literal table of
	// integer constant z: native code loads an integer operand that is
	// not a small integer (a bignum) from the table, as a literal.
	Integer(z *big.Int) uint32
	// Callee returns the index in the image's callee table of a function
	// native code reaches through the runtime (an interpreted function
	// or a BIF); kind is one of runtime/image's Callee* kinds.
	Callee(mfa beam.MFA, kind uint32) uint32
	// Fun returns the index in the image's fun table of lambda index of
	// module's FunT chunk.
	Fun(module string, index int) uint32
	// IsBIF reports whether the runtime implements mfa in Go. A call_ext
	// to a BIF goes to the BIF even when some module defines the
	// function, as in the interpreter.
	IsBIF(mfa beam.MFA) bool
}

// Code is a lowered function.
type Code struct {
	Bytes []byte
	Refs  []Ref  // places that refer to other functions (or to itself)
	Sites []Site // offsets that stand for BEAM instructions (stack traces)
}

// Site says that native code at Offset (in Code.Bytes) stands for BEAM
// instruction Index of the function, counted as the interpreter counts
// its instructions (Plan.Index).
type Site struct {
	Offset uint32
	Index  uint32
}

// Ref is a place in Code.Bytes that must point at another function once
// the blob is laid out (a direct call, a fun's entry). Everything in the
// blob is resolved by the compiler, PC-relative: the object file has no
// relocations.
type Ref struct {
	Offset uint32   // in Code.Bytes
	Kind   uint8    // the backend's own encoding (rel32, BL imm26, ...)
	Target beam.MFA // the function referred to
	// External marks a call_ext: only an exported function may be its
	// native target.
	External bool
}

// Backend lowers functions for one target.
type Backend interface {
	// Lower compiles fn. An error means fn runs in the interpreter; its
	// text is the reason `beamrc build -v` shows, so make it say what is
	// missing ("opcode bs_match not lowered yet").
	Lower(fn *Function, env Env) (*Code, error)
	// Resolve patches ref, at blob offset at, to refer to target, the
	// blob offset of the callee's entry. native is false when the callee
	// runs in the interpreter (target is then meaningless): the backend
	// points the reference at its way into the runtime instead.
	Resolve(blob []byte, at uint32, ref Ref, target uint32, native bool) error
	// Align is the alignment of function entries in the blob.
	Align() int
}

// Preluder is a Backend whose blob starts with shared code of its own
// (the dispatcher the runtime enters through, at abi.DispatchOffset).
type Preluder interface {
	Prelude() []byte
}

// ErrNoBackend is the reason every function runs in the interpreter on a
// target that has no code generator yet.
var ErrNoBackend = errors.New("no native code generator")
