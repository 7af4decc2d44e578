package emu

import "github.com/beamrc/beamrc/runtime/beam"

// Emits reports whether the interpreter keeps generic instruction op as
// an instruction of its own (labels and line markers it drops). Native
// code names BEAM instructions by this count (runtime/image's Site), so
// that stack traces of native and interpreted code agree.
func Emits(op beam.Opcode) bool { return emits(op) }
