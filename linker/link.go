package linker

import (
	"bytes"
	"fmt"
	"io"

	"github.com/beamrc/beamrc/runtime/boot"
	"github.com/beamrc/beamrc/runtime/image"
)

// Program is everything the linker puts into one executable.
type Program struct {
	Modules []Module   // every module, in load order, for the interpreter
	Entry   boot.Entry // resolved by the compiler
	Object  *Object    // native code; nil when there is none
	Image   *image.Image
}

// Options say where and for what to link.
type Options struct {
	GOOS, GOARCH string
	Output       string // the executable to write
	WorkDir      string // the build directory (see WorkDir)
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// Link writes the build directory for p and runs go build on it. The
// executable appears at opt.Output only if everything succeeded.
func Link(p *Program, opt Options) error {
	obj := p.Object
	if obj == nil {
		// No native code: the blob still exists, so the trampoline's
		// reference to it resolves and codegen changes nothing here.
		obj = &Object{Arch: opt.GOARCH, Code: Padding(opt.GOARCH, 16)}
	}
	if obj.Arch != opt.GOARCH {
		return fmt.Errorf("link: object is for %s, target is %s", obj.Arch, opt.GOARCH)
	}
	var objBuf bytes.Buffer
	if err := WriteObject(&objBuf, opt.GOOS, obj); err != nil {
		return fmt.Errorf("link: %w", err)
	}
	img := p.Image
	if img == nil {
		img = &image.Image{Arch: opt.GOARCH}
	}
	if img.Arch != opt.GOARCH {
		return fmt.Errorf("link: image is for %s, target is %s", img.Arch, opt.GOARCH)
	}
	img.CodeSize = uint32(len(obj.Code))
	files, err := mainFiles(p, opt.GOOS, opt.GOARCH, objBuf.Bytes(), img.Encode())
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	if err := writeRuntime(opt.WorkDir); err != nil {
		return fmt.Errorf("link: %w", err)
	}
	if err := syncDir(mainDir(opt.WorkDir), files); err != nil {
		return fmt.Errorf("link: %w", err)
	}
	return goBuild(opt)
}
