package compiler

import (
	"fmt"
	"strings"

	"github.com/beamrc/beamrc/codegen"
	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/boot"
)

// Decision is how one function runs.
type Decision struct {
	MFA    beam.MFA
	Native bool
	Reason string // why it falls back to the interpreter
}

// interpretSpec is one --interpret: a module, or one function of it.
type interpretSpec struct {
	text   string
	module string
	fun    string // "" for the whole module
	arity  int
}

// parseInterpret reads --interpret values (mod or mod:fun/arity) and
// checks that each names something in the program.
func parseInterpret(p *Program, specs []string) ([]interpretSpec, error) {
	var out []interpretSpec
	for _, s := range specs {
		sp := interpretSpec{text: s, module: s}
		if strings.Contains(s, ":") {
			m, f, a, ok := boot.ParseMFA(s)
			if !ok {
				return nil, fmt.Errorf("--interpret %s: want mod or mod:fun/arity", s)
			}
			sp = interpretSpec{text: s, module: m, fun: f, arity: a}
		}
		mod := p.module(sp.module)
		if mod == nil {
			return nil, fmt.Errorf("--interpret %s: no module %s in the program", s, sp.module)
		}
		if sp.fun != "" {
			if _, ok := mod.Beam.Function(sp.fun, sp.arity); !ok {
				return nil, fmt.Errorf("--interpret %s: module %s has no function %s/%d", s, sp.module, sp.fun, sp.arity)
			}
		}
		out = append(out, sp)
	}
	return out, nil
}

func (s interpretSpec) matches(mfa beam.MFA) bool {
	return s.module == mfa.Module && (s.fun == "" || (s.fun == mfa.Function && s.arity == mfa.Arity))
}

// lowered is a function the backend compiled.
type lowered struct {
	fn   *codegen.Function
	code *codegen.Code
}

// plan decides every function of p: forced into the interpreter by
// --interpret, or lowered by the backend, or fallen back with the
// backend's reason.
func plan(p *Program, specs []interpretSpec, be codegen.Backend, env codegen.Env) ([]Decision, []lowered) {
	var decisions []Decision
	var native []lowered
	for _, m := range p.Modules {
		type nameArity struct {
			name  string
			arity int
		}
		exported := make(map[nameArity]bool, len(m.Beam.Exports))
		for _, e := range m.Beam.Exports {
			exported[nameArity{e.Name, e.Arity}] = true
		}
		for i := range m.Beam.Functions {
			f := &m.Beam.Functions[i]
			fn := &codegen.Function{Module: m.Beam, Func: f, Exported: exported[nameArity{f.Name, f.Arity}]}
			d := Decision{MFA: fn.MFA()}
			if s, forced := forcedBy(specs, d.MFA); forced {
				d.Reason = "--interpret " + s
			} else if code, err := be.Lower(fn, env); err != nil {
				d.Reason = err.Error()
			} else {
				d.Native = true
				native = append(native, lowered{fn, code})
			}
			decisions = append(decisions, d)
		}
	}
	return decisions, native
}

func forcedBy(specs []interpretSpec, mfa beam.MFA) (string, bool) {
	for _, s := range specs {
		if s.matches(mfa) {
			return s.text, true
		}
	}
	return "", false
}
