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

// Module is one of the program's modules, or one of the runtime's
// library modules (runtime/otp) that the program does not replace.
type Module struct {
	Beam  *beam.Module
	Bytes []byte // the .beam file, embedded for the interpreter
	// Library marks a runtime library module: the executable's runtime
	// carries it already, so only its native code is built in.
	Library bool
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
	own := make(map[string]bool, len(names))
	for _, n := range names {
		own[n] = true
		m, _ := sys.Module(n)
		data, err := os.ReadFile(m.Beam.File)
		if err != nil {
			return nil, fmt.Errorf("module %s: %w", n, err)
		}
		p.Modules = append(p.Modules, &Module{Beam: m.Beam, Bytes: data})
	}
	// The library's Erlang functions (lists:map/2 and the like) are as hot
	// as the program's own: compile them too, unless the program brings
	// its own module of that name.
	for _, n := range sys.Modules() {
		if own[n] || !boot.IsLibraryModule(n) {
			continue
		}
		m, _ := sys.Module(n)
		p.Modules = append(p.Modules, &Module{Beam: m.Beam, Library: true})
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

// own counts the program's own modules (not the library's).
func (p *Program) own() int {
	n := 0
	for _, m := range p.Modules {
		if !m.Library {
			n++
		}
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
