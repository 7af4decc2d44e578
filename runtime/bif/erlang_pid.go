package bif

import (
	"strconv"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/term"
)

// erlang:pid_to_list/1 and list_to_pid/1. Every process is local, so a
// pid prints as <0.N.0>, the way format.Write prints it.

func init() {
	erlRegister("pid_to_list", 1, erlPidToList)
	erlRegister("list_to_pid", 1, erlListToPid)
}

func erlPidToList(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsPid() {
		return p.Badarg()
	}
	return format.StringToList(p.Heap, format.AtomicText(args[0]))
}

// erlListToPid reads "<0.N.0>"; other node numbers are not pids of this
// system.
func erlListToPid(p *emu.Process, args []term.Term) term.Term {
	var b []byte
	for t := args[0]; t != term.Nil; t = t.Tail() {
		if !t.IsCons() || !t.Head().IsSmall() || t.Head().SmallValue() < 0 || t.Head().SmallValue() > 127 {
			return p.Badarg()
		}
		b = append(b, byte(t.Head().SmallValue()))
	}
	s := string(b)
	if len(s) < 7 || s[:3] != "<0." || s[len(s)-3:] != ".0>" {
		return p.Badarg()
	}
	n, err := strconv.ParseUint(s[3:len(s)-3], 10, 60)
	if err != nil {
		return p.Badarg()
	}
	return term.MakePid(n)
}
