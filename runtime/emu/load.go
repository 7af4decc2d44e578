package emu

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/term"
)

// Module is a loaded module: its decoded file and where its translated
// code lives in the system's code array.
type Module struct {
	Name term.Term
	Beam *beam.Module

	literals []term.Term     // LitT, materialized in heap.Literals
	lambdas  []*term.FunInfo // FunT entries, registered in the fun table
	// lambdaFun maps a FunT index to the lambda's fun table index.
	lambdaFun []uint32
	exports   map[funKey]int32 // exported name/arity → code index
	locals    map[funKey]int32 // every function name/arity → code index
	start     int              // first code index of the module
	end       int
}

type funKey struct {
	name  term.Term
	arity int
}

// lambdaCode is what a FunInfo.Code holds for an interpreted lambda.
type lambdaCode struct {
	entry int32 // code index of the lambda's function entry
}

// LoadError reports a module that cannot be loaded.
type LoadError struct {
	Module string
	Func   string // name/arity, or "" for module-level problems
	Msg    string
}

func (e *LoadError) Error() string {
	if e.Func != "" {
		return fmt.Sprintf("loading module %s: function %s: %s", e.Module, e.Func, e.Msg)
	}
	return fmt.Sprintf("loading module %s: %s", e.Module, e.Msg)
}

// AddModule adds a decoded module to the system. Modules are translated by
// Link, so that calls between them bind directly. If a module of the same
// name was added before, the new one is ignored (the program's own modules
// are added first and win over the runtime's library modules) and AddModule
// reports false.
func (s *System) AddModule(m *beam.Module) bool {
	name := term.Intern(m.Name)
	if _, dup := s.modules[name]; dup {
		return false
	}
	s.modules[name] = &Module{Name: name, Beam: m}
	s.order = append(s.order, name)
	return true
}

// LoadBytes decodes a .beam image and adds it (see AddModule).
func (s *System) LoadBytes(name string, data []byte) error {
	m, err := beam.Parse(name, data)
	if err != nil {
		return err
	}
	s.AddModule(m)
	return nil
}

// LoadFile reads a .beam file and adds it.
func (s *System) LoadFile(path string) error {
	m, err := beam.ReadFile(path)
	if err != nil {
		return err
	}
	s.AddModule(m)
	return nil
}

// LoadDir adds every .beam file directly in dir, in name order.
func (s *System) LoadDir(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.beam"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		if err := s.LoadFile(f); err != nil {
			return err
		}
	}
	return nil
}

// LoadPath adds the modules a path stands for: a .beam file, an ebin
// directory, or a Gleam project directory (every build/dev/erlang/*/ebin).
// It returns the Gleam application name when path is a Gleam project.
func (s *System) LoadPath(path string) (app string, err error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if !st.IsDir() {
		if !strings.HasSuffix(path, ".beam") {
			return "", fmt.Errorf("%s: not a .beam file or a directory", path)
		}
		return "", s.LoadFile(path)
	}
	if toml, err := os.ReadFile(filepath.Join(path, "gleam.toml")); err == nil {
		app = gleamAppName(string(toml))
		ebins, _ := filepath.Glob(filepath.Join(path, "build", "dev", "erlang", "*", "ebin"))
		sort.Strings(ebins)
		// The application's own package first, so its modules win.
		sort.SliceStable(ebins, func(i, j int) bool {
			return filepath.Base(filepath.Dir(ebins[i])) == app && filepath.Base(filepath.Dir(ebins[j])) != app
		})
		if len(ebins) == 0 {
			if _, err := os.Stat(filepath.Join(path, "ebin")); err == nil {
				ebins = []string{filepath.Join(path, "ebin")}
			} else {
				return app, fmt.Errorf("%s: no build/dev/erlang/*/ebin (run gleam build first)", path)
			}
		}
		for _, e := range ebins {
			if err := s.LoadDir(e); err != nil {
				return app, err
			}
		}
		return app, nil
	}
	files, _ := filepath.Glob(filepath.Join(path, "*.beam"))
	if len(files) == 0 {
		if _, err := os.Stat(filepath.Join(path, "ebin")); err == nil {
			return "", s.LoadDir(filepath.Join(path, "ebin"))
		}
		return "", fmt.Errorf("%s: no .beam files", path)
	}
	return "", s.LoadDir(path)
}

// gleamAppName reads name = "..." from gleam.toml.
func gleamAppName(toml string) string {
	for _, line := range strings.Split(toml, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "name") {
			continue
		}
		rest := strings.TrimSpace(strings.TrimPrefix(line, "name"))
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimSpace(rest[1:])
		return strings.Trim(rest, `"'`)
	}
	return ""
}

// Module returns a loaded module by name.
func (s *System) Module(name string) (*Module, bool) {
	m, ok := s.modules[term.Intern(name)]
	return m, ok
}

// Modules returns the names of the loaded modules, in load order.
func (s *System) Modules() []string {
	out := make([]string, len(s.order))
	for i, n := range s.order {
		out[i] = term.AtomName(n)
	}
	return out
}

// Exported reports whether module:fun/arity is an exported function of a
// loaded module.
func (s *System) Exported(module, fun term.Term, arity int) bool {
	m, ok := s.modules[module]
	if !ok {
		return false
	}
	_, ok = m.exports[funKey{fun, arity}]
	return ok
}

// ExportsOf returns the exported functions of a module (name/arity).
func (m *Module) ExportsOf() []beam.FuncRef { return m.Beam.Exports }
