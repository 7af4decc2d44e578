// Command beamrc compiles BEAM bytecode (from Gleam or Erlang) to native
// executables, and offers tools to inspect .beam files.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// commands lists the subcommands; each lives in its own file. Add new ones
// here.
func commands() []*cli.Command {
	return []*cli.Command{
		buildCommand(),
		benchCommand(),
		disCommand(),
		runCommand(),
		importsCommand(),
		versionCommand(),
	}
}

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

// usageError marks errors caused by how beamrc was invoked (exit code 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// run executes beamrc with the given arguments (args[0] is the program
// name) and returns the exit code. Errors are printed as one line on
// stderr: "beamrc: <error>".
func run(args []string, stdout, stderr io.Writer) int {
	app := &cli.App{
		Name:        "beamrc",
		Usage:       "compile BEAM bytecode to native executables",
		UsageText:   "beamrc <command> [options] [arguments...]",
		Description: "beamrc reads the .beam files that gleam build or erlc produce. Run 'beamrc <command> -h' for help on a command.",
		Commands:    commands(),
		Writer:      stdout,
		ErrWriter:   stderr,
		HideVersion: true,
		// cli would otherwise call os.Exit itself; we decide the code.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return &usageError{err.Error()}
		},
		CommandNotFound: func(c *cli.Context, name string) {
			fmt.Fprintf(stderr, "beamrc: unknown command %q (see beamrc -h)\n", name)
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("unknown command %q (see beamrc -h)", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = app.OnUsageError
	}
	args, err := hoistCommandFlags(app.Commands, args)
	if err == nil {
		err = app.Run(args)
	}
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "beamrc: "+oneLine(err.Error()))
	var ue *usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFailure
}

// oneLine keeps an error message on a single line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}
