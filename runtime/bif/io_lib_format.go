package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/term"
)

// io_lib_format:fwrite_g/1, the shortest text that reads back as the
// float (what ~p and float_to_list(F, [short]) print); gleam_stdlib's
// float.to_string calls it directly.

func init() {
	emu.Register("io_lib_format", "fwrite_g", 1, ioLibFormatFwriteG)
}

func ioLibFormatFwriteG(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsFloat() {
		return p.Error(term.FunctionClause)
	}
	return format.StringToList(p.Heap, format.FloatShort(args[0].FloatValue()))
}
