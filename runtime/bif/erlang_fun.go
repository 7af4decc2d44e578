package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/term"
)

// erlang:fun_to_list/1: "#Fun<Module.Index.Uniq>" for a local fun,
// "fun M:F/A" for an external one, exactly as ~w prints them.

func init() {
	erlRegister("fun_to_list", 1, erlFunToList)
}

func erlFunToList(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsFun() {
		return p.Badarg()
	}
	return format.StringToList(p.Heap, format.AtomicText(args[0]))
}
