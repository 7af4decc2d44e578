// Package boot starts a program: it loads modules into a system, picks the
// entry function by the rules `beamrc run` documents, runs it and returns
// the exit status. `beamrc run` (the interpreter) and every executable that
// `beamrc build` produces go through this one code path, so a built
// program chooses its entry, reports crashes and flushes output exactly as
// `beamrc run` does.
package boot

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	_ "github.com/beamrc/beamrc/runtime/bif" // registers the BIFs
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/otp"
	"github.com/beamrc/beamrc/runtime/term"
)

// InitAtoms is the number of atoms the runtime interned while its packages
// initialized (term's predefined atoms, then whatever emu, bif and format
// intern in package-level variables). Every package that interns at init is
// a dependency of this one, so the count is final when this variable is
// set, and it is the same in beamrc and in a built executable. The native
// image relies on that: see runtime/image.
var InitAtoms = term.AtomCount()

// NewSystem returns a system whose init:get_plain_arguments/0 gives args.
func NewSystem(args []string) *emu.System {
	sys := emu.NewSystem()
	sys.PlainArgs = args
	return sys
}

// LoadPaths adds the modules of every path (a Gleam project, an ebin
// directory or a .beam file; see emu.System.LoadPath) and returns the
// application name of the first Gleam project among them, or "".
func LoadPaths(sys *emu.System, paths []string) (app string, err error) {
	for _, p := range paths {
		a, err := sys.LoadPath(p)
		if err != nil {
			return "", err
		}
		if app == "" {
			app = a
		}
	}
	return app, nil
}

// LoadLibrary adds the runtime's own Erlang library modules (runtime/otp),
// after the program's, so that the program's modules of the same name win.
func LoadLibrary(sys *emu.System) error {
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
	return nil
}

// IsLibraryModule reports whether m is one of the runtime's library
// modules rather than the program's.
func IsLibraryModule(m string) bool {
	_, ok := otp.Modules()[m]
	return ok
}

// Run runs entry with args in sys (which must be linked) until the system
// stops, with the runtime's output devices set up, and returns the exit
// status (see emu.System.Run). The devices start in the mode
// OutputEncoding picks. Buffered output is flushed before it returns.
// With EntryTimeEnv set, it records how long the entry ran.
func Run(sys *emu.System, entry Entry, args []term.Term) (int, error) {
	emu.OnFlush(func() {
		format.Stdout.Flush()
		format.Stderr.Flush()
	})
	emu.FormatTerm = format.Write
	enc := OutputEncoding(sys)
	format.Stdout.SetEncoding(enc)
	format.Stderr.SetEncoding(enc)
	stop := timeEntry()
	status, err := sys.Run(entry.Module, entry.Function, args)
	stop()
	emu.Flush()
	return status, err
}

// ArgKind says what the entry function is called with.
type ArgKind uint8

const (
	// NoArgs: the entry takes no arguments (mod:main/0).
	NoArgs ArgKind = iota
	// AppArg: the Gleam shim <app>@@main:run/1, called with the
	// application name as an atom, as `gleam run` does.
	AppArg
	// PlainArgs: --entry mod:fun/N with N > 0; the program's arguments,
	// as binaries, are the N arguments.
	PlainArgs
)

// Entry is the function a program starts in.
type Entry struct {
	Module, Function string
	Arity            int
	Args             ArgKind
	App              string // the application name, for AppArg
}

func (e Entry) String() string {
	return e.Module + ":" + e.Function + "/" + strconv.Itoa(e.Arity)
}

// EntryError is an entry that cannot be chosen or called: a usage error
// of whoever started the program.
type EntryError struct{ Msg string }

func (e *EntryError) Error() string { return e.Msg }

func entryErrorf(format string, args ...any) error {
	return &EntryError{fmt.Sprintf(format, args...)}
}

// ResolveEntry picks the entry of the program loaded in sys (linked).
// With spec ("mod:fun/arity") that function, which must be exported.
// Otherwise, for a Gleam project (app != ""), <app>@@main:run/1 if it
// exists, else <app>:main/0; for other programs the only non-library
// module that exports main/0.
func ResolveEntry(sys *emu.System, app, spec string) (Entry, error) {
	if spec != "" {
		m, f, n, ok := ParseMFA(spec)
		if !ok {
			return Entry{}, entryErrorf("--entry %q is not mod:fun/arity", spec)
		}
		if !sys.Exported(term.Intern(m), term.Intern(f), n) {
			if _, loaded := sys.Module(m); !loaded {
				return Entry{}, entryErrorf("entry %s not found: no module %s on the given paths", spec, m)
			}
			return Entry{}, entryErrorf("entry %s not found: module %s exports no %s/%d", spec, m, f, n)
		}
		kind := NoArgs
		if n > 0 {
			kind = PlainArgs
		}
		return Entry{Module: m, Function: f, Arity: n, Args: kind}, nil
	}
	if app != "" {
		shim := app + "@@main"
		if sys.Exported(term.Intern(shim), term.Intern("run"), 1) {
			return Entry{Module: shim, Function: "run", Arity: 1, Args: AppArg, App: app}, nil
		}
		if sys.Exported(term.Intern(app), term.Intern("main"), 0) {
			return Entry{Module: app, Function: "main"}, nil
		}
		return Entry{}, entryErrorf("neither %s:run/1 nor %s:main/0 exists (use --entry)", shim, app)
	}
	var mains []string
	for _, m := range sys.Modules() {
		if sys.Exported(term.Intern(m), term.Intern("main"), 0) && !IsLibraryModule(m) {
			mains = append(mains, m)
		}
	}
	switch len(mains) {
	case 1:
		return Entry{Module: mains[0], Function: "main"}, nil
	case 0:
		return Entry{}, entryErrorf("no module exports main/0 (use --entry mod:fun/arity)")
	}
	return Entry{}, entryErrorf("several modules export main/0 (%s); choose one with --entry", strings.Join(mains, ", "))
}

// Terms returns the arguments the entry is called with, given the
// program's plain arguments.
func (e Entry) Terms(plain []string) ([]term.Term, error) {
	switch e.Args {
	case AppArg:
		return []term.Term{term.Intern(e.App)}, nil
	case PlainArgs:
		if e.Arity != len(plain) {
			return nil, entryErrorf("entry %s takes %d arguments, %d given", e, e.Arity, len(plain))
		}
		args := make([]term.Term, len(plain))
		for i, a := range plain {
			args[i] = term.NewBinary(heap.Literals, []byte(a))
		}
		return args, nil
	}
	return nil, nil
}

// ParseMFA reads mod:fun/arity.
func ParseMFA(s string) (mod, fun string, arity int, ok bool) {
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
