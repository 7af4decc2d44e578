package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// sys:debug_options/1, which gleam_otp's actor calls when it starts.
// The debug structure is opaque to callers and only handed back to sys;
// beamrc has no sys debugging (trace, log, statistics), so the options
// map to the empty structure, [], which is what OTP gives for [] too.
// Unknown options are ignored, as OTP ignores them.

func init() {
	emu.Register("sys", "debug_options", 1, func(p *emu.Process, args []term.Term) term.Term {
		if !args[0].IsList() {
			return p.Error(term.FunctionClause)
		}
		return term.Nil
	})
}
