package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/beamrc/beamrc/compiler"
	"github.com/beamrc/beamrc/runtime/boot"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "compile a program to a native executable",
		UsageText: "beamrc build PATH... [-o OUT] [--entry mod:fun/arity] [--target os/arch] [--interpret SPEC]... [-v]",
		Description: "Compiles the modules on the given paths, ahead of time, into one executable that runs\n" +
			"without Erlang. A PATH is a Gleam project directory (every build/dev/erlang/*/ebin; the\n" +
			"application name comes from gleam.toml), an ebin directory, or .beam files. Functions the\n" +
			"compiler cannot lower run in the interpreter built into the executable; the program\n" +
			"behaves the same either way. The executable starts at the same entry, with the same\n" +
			"exit status and crash reports, as 'beamrc run' with the same PATHs; its arguments are\n" +
			"the program's (init:get_plain_arguments/0, and the entry's arguments with --entry\n" +
			"mod:fun/N, N > 0).\n" +
			"\n" +
			"Linking needs the Go toolchain (go, 1.26+) on PATH; beamrc carries its runtime's source.\n" +
			"The build directory is ${XDG_CACHE_HOME:-~/.cache}/beamrc/build/<hash of PATH>, so that\n" +
			"rebuilds reuse Go's build cache. Progress goes to stderr and ends with the line\n" +
			"'native: N of M functions (P%)'. Flags may come before or after the PATHs.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the executable to `OUT` (default: the Gleam application's name, or the entry module's, in the current directory)"},
			&cli.StringFlag{Name: "entry", Usage: "start in `mod:fun/arity` (default: <app>@@main:run/1, else <app>:main/0 for a Gleam project; the only module exporting main/0 otherwise)"},
			&cli.StringFlag{Name: "target", Usage: "build for `OS/ARCH`: linux/amd64, linux/arm64, darwin/amd64 or darwin/arm64 (default: this machine's)"},
			&cli.StringSliceFlag{Name: "interpret", Usage: "run `SPEC` in the interpreter even if it could be compiled: a module (mod) or one function (mod:fun/arity); repeatable"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "list every function that runs in the interpreter, with the reason"},
		},
		Action: runBuild,
	}
}

// buildOptions are beamrc build's arguments.
type buildOptions struct {
	paths     []string
	output    string
	entry     string
	target    string
	interpret []string
	verbose   bool
}

// parseBuildArgs reads beamrc build's flags (hoistFlags has put any that
// followed the PATHs in front, where cli parses them).
func parseBuildArgs(c *cli.Context) (buildOptions, error) {
	return buildOptions{
		paths:     c.Args().Slice(),
		output:    c.String("output"),
		entry:     c.String("entry"),
		target:    c.String("target"),
		interpret: c.StringSlice("interpret"),
		verbose:   c.Bool("verbose"),
	}, nil
}

func runBuild(c *cli.Context) error {
	o, err := parseBuildArgs(c)
	if err != nil {
		return err
	}
	if len(o.paths) == 0 {
		return usagef("build: no path given (a Gleam project, an ebin directory or .beam files)")
	}
	target := compiler.HostTarget()
	if o.target != "" {
		if target, err = compiler.ParseTarget(o.target); err != nil {
			return usagef("build: %v", err)
		}
	}
	if o.entry != "" {
		if _, _, _, ok := boot.ParseMFA(o.entry); !ok {
			return usagef("build: --entry %q is not mod:fun/arity", o.entry)
		}
	}
	_, err = compiler.Build(compiler.Options{
		Paths:     o.paths,
		Entry:     o.entry,
		Target:    target,
		Output:    o.output,
		Interpret: o.interpret,
		Verbose:   o.verbose,
		Log:       c.App.ErrWriter,
	})
	var ee *boot.EntryError
	if errors.As(err, &ee) {
		return usagef("build: %v", err)
	}
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return nil
}
