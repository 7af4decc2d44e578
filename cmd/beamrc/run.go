package main

import (
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/beamrc/beamrc/runtime/boot"
)

// exitProcess ends beamrc with the program's exit status (a variable so
// that tests can intercept it).
var exitProcess = os.Exit

func runCommand() *cli.Command {
	return &cli.Command{
		Name:      "run",
		Usage:     "run a program in the interpreter",
		UsageText: "beamrc run PATH... [--entry mod:fun/arity] [-- args...]",
		Description: "Loads the modules on the given paths and runs the program's entry function in the\n" +
			"interpreter. A PATH is a Gleam project directory (every build/dev/erlang/*/ebin is\n" +
			"loaded; the application name comes from gleam.toml), an ebin directory, or .beam files.\n" +
			"\n" +
			"The entry is --entry mod:fun/arity if given. Otherwise, for a Gleam project, <app>@@main:run/1\n" +
			"(called with the application atom) if that module exists, else <app>:main/0; for other\n" +
			"paths, the only module that exports main/0.\n" +
			"\n" +
			"Arguments after -- are the program's: init:get_plain_arguments/0 returns them, and with\n" +
			"--entry mod:fun/N, N > 0, they are also passed to the function as binaries (N must equal\n" +
			"their count).\n" +
			"\n" +
			"Exit status, as erl gives it for the same program: the status of erlang:halt/1 or\n" +
			"init:stop/1; 0 when the entry returns (beamrc then stops at once, like erl's harness does\n" +
			"with halt(), without waiting for other processes); 1 when the entry process crashes (a\n" +
			"report goes to stderr) or when every process waits forever (deadlock). beamrc's own\n" +
			"errors print one line on stderr: status 2 for usage errors (no entry, bad arguments),\n" +
			"1 for modules that cannot be loaded.\n" +
			"\n" +
			"BEAMRC_GC_TORTURE=1 collects garbage at every safe point (for testing the runtime).",
		SkipFlagParsing: true,
		Action:          runRun,
	}
}

// runOptions are the parsed arguments of beamrc run.
type runOptions struct {
	paths []string
	entry string
	args  []string
}

func parseRunArgs(raw []string) (runOptions, bool, error) {
	var o runOptions
	for i := 0; i < len(raw); i++ {
		a := raw[i]
		switch {
		case a == "--":
			o.args = raw[i+1:]
			return o, false, nil
		case a == "-h" || a == "--help":
			return o, true, nil
		case a == "--entry" || a == "-entry":
			if i+1 >= len(raw) {
				return o, false, usagef("run: --entry needs mod:fun/arity")
			}
			o.entry = raw[i+1]
			i++
		case strings.HasPrefix(a, "--entry="):
			o.entry = strings.TrimPrefix(a, "--entry=")
		case strings.HasPrefix(a, "-") && len(a) > 1:
			return o, false, usagef("run: unknown option %s", a)
		default:
			o.paths = append(o.paths, a)
		}
	}
	return o, false, nil
}

func runRun(c *cli.Context) error {
	o, help, err := parseRunArgs(c.Args().Slice())
	if err != nil {
		return err
	}
	if help {
		return cli.ShowCommandHelp(c.Lineage()[1], "run") // c's own command list is empty
	}
	if len(o.paths) == 0 {
		return usagef("run: no path given (a Gleam project, an ebin directory or .beam files)")
	}
	sys := boot.NewSystem(o.args)
	app, err := boot.LoadPaths(sys, o.paths)
	if err != nil {
		return err
	}
	if err := boot.LoadLibrary(sys); err != nil {
		return err
	}
	if err := sys.Link(); err != nil {
		return err
	}
	entry, err := boot.ResolveEntry(sys, app, o.entry)
	if err != nil {
		return usagef("run: %v", err)
	}
	args, err := entry.Terms(o.args)
	if err != nil {
		return usagef("run: %v after --", err)
	}
	status, err := boot.Run(sys, entry, args)
	if err != nil {
		return err
	}
	if status != 0 {
		exitProcess(status)
	}
	return nil
}
