package compiler

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/beamrc/beamrc/codegen"
	"github.com/beamrc/beamrc/linker"
)

// Options are the settings of one build.
type Options struct {
	Paths     []string // a Gleam project, ebin directories, .beam files
	Entry     string   // mod:fun/arity; "" for the default entry
	Target    Target
	Output    string   // the executable; "" for the default name in the current directory
	Interpret []string // mod or mod:fun/arity to keep in the interpreter
	Verbose   bool     // list every fallback and its reason
	Log       io.Writer
	WorkDir   string // the build directory; "" for the per-project cache directory
	// Backend replaces the target's code generator (for tests and
	// experiments); nil for the target's own.
	Backend codegen.Backend
}

// Result describes a finished build.
type Result struct {
	Output    string
	Size      int64
	Decisions []Decision
	Native    int // functions compiled to native code
}

// Build compiles the program to an executable. Progress goes to opt.Log,
// ending with the summary line "native: N of M functions (P%)".
func Build(opt Options) (*Result, error) {
	log := opt.Log
	if log == nil {
		log = io.Discard
	}
	if len(opt.Paths) == 0 {
		return nil, fmt.Errorf("no path given (a Gleam project, an ebin directory or .beam files)")
	}
	if err := linker.CheckGo(); err != nil {
		return nil, err
	}
	if opt.Target == (Target{}) {
		opt.Target = HostTarget()
	}
	if _, err := ParseTarget(opt.Target.String()); err != nil {
		return nil, err
	}

	prog, err := Load(opt.Paths, opt.Entry)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "loaded %d modules, entry %s\n", prog.own(), prog.Entry)
	specs, err := parseInterpret(prog, opt.Interpret)
	if err != nil {
		return nil, err
	}

	fmt.Fprintf(log, "compiling %d modules (and %d of the runtime's library) for %s\n",
		prog.own(), len(prog.Modules)-prog.own(), opt.Target)
	be := opt.Backend
	if be == nil {
		be = backendFor(opt.Target.GOOS, opt.Target.GOARCH)
	}
	img := linker.NewImageBuilder(opt.Target.GOARCH)
	decisions, native := plan(prog, specs, be, img)
	obj, err := layout(opt.Target.GOARCH, be, native, img)
	if err != nil {
		return nil, fmt.Errorf("compile: %w", err)
	}
	if opt.Verbose {
		for _, d := range decisions {
			if !d.Native {
				fmt.Fprintf(log, "  interpreted %s: %s\n", d.MFA, d.Reason)
			}
		}
	}

	out := opt.Output
	if out == "" {
		out = defaultOutput(prog)
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return nil, fmt.Errorf("output %s is a directory: name the executable with -o", out)
	}
	work := opt.WorkDir
	if work == "" {
		if work, err = linker.WorkDir(opt.Paths[0]); err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(log, "linking (go build)\n")
	lp := &linker.Program{Entry: prog.Entry, Object: obj, Image: img.Image()}
	for _, m := range prog.Modules {
		if !m.Library {
			lp.Modules = append(lp.Modules, linker.Module{Name: m.Beam.Name, Beam: m.Bytes})
		}
	}
	err = linker.Link(lp, linker.Options{
		GOOS: opt.Target.GOOS, GOARCH: opt.Target.GOARCH,
		Output: out, WorkDir: work,
	})
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(out)
	if err != nil {
		return nil, err
	}
	res := &Result{Output: out, Size: st.Size(), Decisions: decisions, Native: len(native)}
	fmt.Fprintf(log, "wrote %s (%.1f MB)\n", out, float64(res.Size)/(1<<20))
	fmt.Fprintln(log, Summary(res.Native, len(decisions)))
	return res, nil
}

// Summary is the last line of every build.
func Summary(native, total int) string {
	pct := 0
	if total > 0 {
		pct = native * 100 / total
	}
	return fmt.Sprintf("native: %d of %d functions (%d%%)", native, total, pct)
}

// defaultOutput names the executable after the Gleam application, or else
// the entry module, in the current directory.
func defaultOutput(p *Program) string {
	name := p.App
	if name == "" {
		name = p.Entry.Module
	}
	return "." + string(filepath.Separator) + name
}
