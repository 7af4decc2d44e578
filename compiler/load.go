// Package compiler is the driver of `beamrc build`: it loads a program,
// picks its entry, decides for each function whether it runs as native
// code or in the interpreter, hands the native ones to codegen, lays out
// the code blob, and has the linker produce the executable.
package compiler

import (
	"fmt"
	"os"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/boot"
)

// Program is a loaded program.
type Program struct {
	App     string // Gleam application name, "" when not a Gleam project
	Modules []*Module
	Entry   boot.Entry
}

// Module is one of the program's modules (not the runtime's library).
type Module struct {
	Beam  *beam.Module
	Bytes []byte // the .beam file, embedded for the interpreter
}

// Load reads the program on paths and resolves its entry, by exactly the
// rules and code of `beamrc run` (runtime/boot): the modules are loaded
// and linked as the executable will load them, so a module that cannot be
// loaded fails the build rather than the executable.
func Load(paths []string, entry string) (*Program, error) {
	sys := boot.NewSystem(nil)
	app, err := boot.LoadPaths(sys, paths)
	if err != nil {
		return nil, err
	}
	// The program's modules, in load order, before the library joins.
	names := sys.Modules()
	if err := boot.LoadLibrary(sys); err != nil {
		return nil, err
	}
	if err := sys.Link(); err != nil {
		return nil, err
	}
	e, err := boot.ResolveEntry(sys, app, entry)
	if err != nil {
		return nil, err
	}
	p := &Program{App: app, Entry: e}
	for _, n := range names {
		m, _ := sys.Module(n)
		data, err := os.ReadFile(m.Beam.File)
		if err != nil {
			return nil, fmt.Errorf("module %s: %w", n, err)
		}
		p.Modules = append(p.Modules, &Module{Beam: m.Beam, Bytes: data})
	}
	return p, nil
}

// Functions counts the program's functions.
func (p *Program) Functions() int {
	n := 0
	for _, m := range p.Modules {
		n += len(m.Beam.Functions)
	}
	return n
}

// module returns the program's module named name.
func (p *Program) module(name string) *Module {
	for _, m := range p.Modules {
		if m.Beam.Name == name {
			return m
		}
	}
	return nil
}
