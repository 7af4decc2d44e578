package main

import (
	"github.com/beamrc/beamrc/runtime/beam"
	_ "github.com/beamrc/beamrc/runtime/bif" // registers the BIFs
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/otp"
)

// builtinProvider answers for what every beamrc program has without
// shipping it: the runtime's BIFs and the exports of the library modules
// embedded in runtime/otp.
type builtinProvider struct {
	library map[beam.MFA]bool
}

func newBuiltinProvider() *builtinProvider {
	p := &builtinProvider{library: map[beam.MFA]bool{}}
	for name, data := range otp.Modules() {
		m, err := beam.Parse(name+".beam", data)
		if err != nil {
			continue // otp's own tests keep the embedded modules loadable
		}
		for _, e := range m.Exports {
			p.library[beam.MFA{Module: m.Name, Function: e.Name, Arity: e.Arity}] = true
		}
	}
	return p
}

func (p *builtinProvider) Provides(mfa beam.MFA) bool {
	if p.library[mfa] {
		return true
	}
	_, ok := emu.LookupBIF(emu.MakeMFA(mfa.Module, mfa.Function, mfa.Arity))
	return ok
}
