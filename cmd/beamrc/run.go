package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	_ "github.com/beamrc/beamrc/runtime/bif" // registers the BIFs
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/otp"
	"github.com/beamrc/beamrc/runtime/term"
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
		return cli.ShowCommandHelp(c, "run")
	}
	if len(o.paths) == 0 {
		return usagef("run: no path given (a Gleam project, an ebin directory or .beam files)")
	}
	sys := emu.NewSystem()
	sys.PlainArgs = o.args
	app := ""
	for _, p := range o.paths {
		a, err := sys.LoadPath(p)
		if err != nil {
			return err
		}
		if app == "" {
			app = a
		}
	}
	lib := otp.Modules()
	names := make([]string, 0, len(lib))
	for n := range lib {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := sys.LoadBytes(n+".beam", lib[n]); err != nil {
			return fmt.Errorf("runtime library module %s: %v", n, err)
		}
	}
	if err := sys.Link(); err != nil {
		return err
	}
	mod, fun, args, err := pickEntry(sys, app, o)
	if err != nil {
		return err
	}
	emu.OnFlush(func() {
		format.Stdout.Flush()
		format.Stderr.Flush()
	})
	emu.FormatTerm = format.Write
	status, err := sys.Run(mod, fun, args)
	if err != nil {
		return err
	}
	emu.Flush()
	if status != 0 {
		exitProcess(status)
	}
	return nil
}

// pickEntry chooses the function to run and its arguments.
func pickEntry(sys *emu.System, app string, o runOptions) (mod, fun string, args []term.Term, err error) {
	if o.entry != "" {
		m, f, n, ok := parseMFA(o.entry)
		if !ok {
			return "", "", nil, usagef("run: --entry %q is not mod:fun/arity", o.entry)
		}
		if n > 0 && n != len(o.args) {
			return "", "", nil, usagef("run: entry %s takes %d arguments, %d given after --", o.entry, n, len(o.args))
		}
		if !sys.Exported(term.Intern(m), term.Intern(f), n) {
			if _, loaded := sys.Module(m); !loaded {
				return "", "", nil, usagef("run: entry module %s is not loaded", m)
			}
			return "", "", nil, usagef("run: %s is not an exported function", o.entry)
		}
		for i := 0; i < n; i++ {
			args = append(args, term.NewBinary(heap.Literals, []byte(o.args[i])))
		}
		return m, f, args, nil
	}
	if app != "" {
		shim := app + "@@main"
		if sys.Exported(term.Intern(shim), term.Intern("run"), 1) {
			return shim, "run", []term.Term{term.Intern(app)}, nil
		}
		if sys.Exported(term.Intern(app), term.Intern("main"), 0) {
			return app, "main", nil, nil
		}
		return "", "", nil, usagef("run: neither %s:run/1 nor %s:main/0 exists (use --entry)", shim, app)
	}
	var mains []string
	for _, m := range sys.Modules() {
		if sys.Exported(term.Intern(m), term.Intern("main"), 0) && !isLibraryModule(m) {
			mains = append(mains, m)
		}
	}
	switch len(mains) {
	case 1:
		return mains[0], "main", nil, nil
	case 0:
		return "", "", nil, usagef("run: no module exports main/0 (use --entry mod:fun/arity)")
	}
	return "", "", nil, usagef("run: several modules export main/0 (%s); choose one with --entry", strings.Join(mains, ", "))
}

func isLibraryModule(m string) bool {
	_, ok := otp.Modules()[m]
	return ok
}

// parseMFA reads mod:fun/arity.
func parseMFA(s string) (mod, fun string, arity int, ok bool) {
	colon := strings.Index(s, ":")
	slash := strings.LastIndex(s, "/")
	if colon <= 0 || slash < colon+2 {
		return "", "", 0, false
	}
	n, err := strconv.Atoi(s[slash+1:])
	if err != nil || n < 0 || n > 255 {
		return "", "", 0, false
	}
	return s[:colon], s[colon+1 : slash], n, true
}
