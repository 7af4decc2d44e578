package main

import (
	"bufio"
	"fmt"
	"sort"
	"strings"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/urfave/cli/v2"
)

// Provider says which external functions the runtime implements itself
// (BIFs and runtime-provided modules); those are not reported as missing.
type Provider interface {
	Provides(beam.MFA) bool
}

// noProvider provides nothing (tests use it to see every import).
type noProvider struct{}

func (noProvider) Provides(beam.MFA) bool { return false }

func importsCommand() *cli.Command {
	return &cli.Command{
		Name:      "imports",
		Usage:     "list imported functions that no given module defines",
		UsageText: "beamrc imports PATH...",
		Description: "Reads every .beam file on the given paths (directories are searched recursively, so a\n" +
			"Gleam project directory with build/dev/erlang/*/ebin works) and prints, sorted, one per\n" +
			"line, each imported mod:fun/arity that none of those modules exports and that beamrc's\n" +
			"runtime does not provide (as a BIF or in its embedded library modules), followed by the\n" +
			"modules that import it. An empty listing means the program needs nothing beamrc lacks.",
		Action: runImports,
	}
}

func runImports(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("imports: no .beam file or directory given")
	}
	var mods []*beam.Module
	for _, arg := range c.Args().Slice() {
		files, err := beamFiles(arg, true)
		if err != nil {
			return err
		}
		for _, f := range files {
			m, err := beam.ReadFile(f)
			if err != nil {
				return err
			}
			mods = append(mods, m)
		}
	}
	missing := unresolvedImports(mods, newBuiltinProvider())
	w := bufio.NewWriter(c.App.Writer)
	defer w.Flush()
	keys := make([]beam.MFA, 0, len(missing))
	for k := range missing {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return lessMFA(keys[i], keys[j]) })
	for _, k := range keys {
		fmt.Fprintf(w, "%s\t%s\n", k, strings.Join(missing[k], ","))
	}
	return nil
}

// unresolvedImports maps each import that no module exports and the
// provider does not provide to the sorted names of the modules importing it.
func unresolvedImports(mods []*beam.Module, p Provider) map[beam.MFA][]string {
	defined := map[beam.MFA]bool{}
	for _, m := range mods {
		for _, e := range m.Exports {
			defined[beam.MFA{Module: m.Name, Function: e.Name, Arity: e.Arity}] = true
		}
	}
	users := map[beam.MFA]map[string]bool{}
	for _, m := range mods {
		for _, imp := range m.Imports {
			if defined[imp] || p.Provides(imp) {
				continue
			}
			if users[imp] == nil {
				users[imp] = map[string]bool{}
			}
			users[imp][m.Name] = true
		}
	}
	out := make(map[beam.MFA][]string, len(users))
	for k, set := range users {
		names := make([]string, 0, len(set))
		for n := range set {
			names = append(names, n)
		}
		sort.Strings(names)
		out[k] = names
	}
	return out
}

func lessMFA(a, b beam.MFA) bool {
	if a.Module != b.Module {
		return a.Module < b.Module
	}
	if a.Function != b.Function {
		return a.Function < b.Function
	}
	return a.Arity < b.Arity
}
