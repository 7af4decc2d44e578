package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// net_kernel on a node that is not distributed, which a beamrc program
// always is: connect_node/1 returns ignored, as OTP documents for a node
// that is not alive.

func init() {
	emu.Register("net_kernel", "connect_node", 1, func(p *emu.Process, args []term.Term) term.Term {
		if !args[0].IsAtom() {
			return p.Error(term.FunctionClause)
		}
		return term.Intern("ignored")
	})
}
