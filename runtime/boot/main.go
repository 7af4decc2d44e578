package boot

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"unsafe"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/image"
	"github.com/beamrc/beamrc/runtime/term"
)

// Program is what `beamrc build` links into an executable; the generated
// main package fills it in and calls Main.
type Program struct {
	// Modules are the program's modules in load order (the application's
	// own package first). Every module is there, compiled to native code
	// or not: the interpreter runs whatever has no native code.
	Modules []Module
	Beams   fs.FS // holds each Module.File

	// Entry is the entry function, resolved at build time by the same
	// rules as `beamrc run` (ResolveEntry).
	Entry Entry

	Native Native
}

// Module is one embedded .beam file.
type Module struct {
	Name string // module name
	File string // path in Program.Beams
}

// Native is the native code linked into the executable.
type Native struct {
	Image []byte  // an image.Image, encoded; empty when nothing was compiled
	Base  uintptr // address of the first byte of the code blob
	// Enter is the assembly trampoline (enter_$GOARCH.s of the generated
	// main package): it calls native code at pc with the context ctx in
	// the context register and returns when native code exits to Go.
	Enter func(ctx unsafe.Pointer, pc uintptr)
}

// Exit statuses of Main for failures of the executable itself (the
// program's own status otherwise): as `beamrc run` gives them.
const (
	exitFailure = 1
	exitUsage   = 2
)

// Main runs the program with the process's arguments as its plain
// arguments and exits with its status. It never returns.
func Main(p Program) {
	os.Exit(p.Run(os.Args[1:]))
}

// Run runs the program with the given plain arguments and returns the exit
// status. Failures of the executable itself print one line on stderr.
func (p Program) Run(args []string) int {
	status, err := p.run(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Base(os.Args[0]), err)
		var ee *EntryError
		if errors.As(err, &ee) {
			return exitUsage
		}
		return exitFailure
	}
	return status
}

func (p Program) run(args []string) (int, error) {
	// The image's atoms first: they must get the indices the compiler
	// gave them, before loading modules interns anything.
	im, err := installImage(p.Native)
	if err != nil {
		return 0, err
	}
	sys := NewSystem(args)
	for _, m := range p.Modules {
		data, err := fs.ReadFile(p.Beams, m.File)
		if err != nil {
			return 0, fmt.Errorf("embedded module %s: %w", m.Name, err)
		}
		if err := sys.LoadBytes(m.Name+".beam", data); err != nil {
			return 0, err
		}
	}
	if err := LoadLibrary(sys); err != nil {
		return 0, err
	}
	if err := sys.Link(); err != nil {
		return 0, err
	}
	if im != nil && len(im.Functions) > 0 && os.Getenv("BEAMRC_NO_NATIVE") != "1" {
		err := sys.InstallNative(emu.NativeProgram{Image: im, Base: p.Native.Base, Enter: p.Native.Enter})
		if err != nil {
			return 0, err
		}
	}
	targs, err := p.Entry.Terms(args)
	if err != nil {
		return 0, err
	}
	return Run(sys, p.Entry, targs)
}

// installImage decodes the native image and interns its atoms. It returns
// nil, and the program runs entirely in the interpreter, when there is no
// image or the image's atom numbering does not fit this runtime.
func installImage(n Native) (*image.Image, error) {
	if len(n.Image) == 0 {
		return nil, nil
	}
	im, err := image.Decode(n.Image)
	if err != nil {
		return nil, fmt.Errorf("native image: %w", err)
	}
	if im.Arch != runtime.GOARCH {
		return nil, fmt.Errorf("native image: built for %s, running on %s", im.Arch, runtime.GOARCH)
	}
	if why := atomMismatch(im); why != "" {
		if os.Getenv("BEAMRC_DEBUG") == "1" {
			fmt.Fprintf(os.Stderr, "beamrc: native code disabled: %s\n", why)
		}
		return nil, nil
	}
	for i, name := range im.Atoms {
		if got := term.Intern(name).AtomIndex(); got != im.RuntimeAtoms+uint32(i) {
			// Cannot happen after atomMismatch's checks: the compiler
			// never puts a runtime atom in Atoms.
			return nil, fmt.Errorf("native image: atom %q got index %d, want %d", name, got, im.RuntimeAtoms+uint32(i))
		}
	}
	// The native functions are registered with the system once it has
	// loaded and linked the modules (Program.run).
	return im, nil
}

// atomMismatch says why the image's atom numbering does not fit this
// runtime's atom table, or returns "".
func atomMismatch(im *image.Image) string {
	if im.RuntimeAtoms != uint32(InitAtoms) {
		return fmt.Sprintf("the runtime has %d atoms at startup, the compiler's had %d", InitAtoms, im.RuntimeAtoms)
	}
	if n := term.AtomCount(); n != InitAtoms {
		return fmt.Sprintf("%d atoms were interned before the image was installed", n-InitAtoms)
	}
	if h := image.AtomHash(RuntimeAtomNames()); h != im.RuntimeHash {
		return "the runtime's startup atoms differ from the compiler's"
	}
	return ""
}

// RuntimeAtomNames returns the names of the atoms interned while the
// runtime initialized, by index.
func RuntimeAtomNames() []string {
	names := make([]string, InitAtoms)
	for i := range names {
		names[i] = term.AtomName(term.MakeAtom(uint32(i)))
	}
	return names
}
