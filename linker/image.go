package linker

import (
	"github.com/beamrc/beamrc/runtime/boot"
	"github.com/beamrc/beamrc/runtime/image"
)

// ImageBuilder numbers the atoms and literals native code refers to, and
// collects the native functions, into a runtime/image.Image. It is the
// codegen.Env the compiler hands to the backend.
//
// Atoms the runtime interns while it initializes keep their runtime
// indices (the table of this process, which links the same runtime
// packages as the executable: boot.InitAtoms); every other atom gets the
// next index in the order asked for, and the executable interns them in
// that order at startup. See runtime/image for why this is safe.
type ImageBuilder struct {
	arch     string
	runtime  map[string]uint32
	prefix   []string
	atoms    []string
	atomIdx  map[string]uint32
	literals []image.Literal
	litIdx   map[image.Literal]uint32
	funcs    []image.Function
}

// NewImageBuilder starts an image for goarch.
func NewImageBuilder(goarch string) *ImageBuilder {
	prefix := boot.RuntimeAtomNames()
	rt := make(map[string]uint32, len(prefix))
	for i, n := range prefix {
		rt[n] = uint32(i)
	}
	return &ImageBuilder{
		arch:    goarch,
		runtime: rt,
		prefix:  prefix,
		atomIdx: make(map[string]uint32),
		litIdx:  make(map[image.Literal]uint32),
	}
}

// Atom returns the runtime index of the atom name.
func (b *ImageBuilder) Atom(name string) uint32 {
	if i, ok := b.runtime[name]; ok {
		return i
	}
	if i, ok := b.atomIdx[name]; ok {
		return i
	}
	i := uint32(len(b.prefix) + len(b.atoms))
	b.atoms = append(b.atoms, name)
	b.atomIdx[name] = i
	return i
}

// Literal returns the index of literal index of module's LitT in the
// program's literal table.
func (b *ImageBuilder) Literal(module string, index int) uint32 {
	l := image.Literal{Module: b.Atom(module), Index: uint32(index)}
	if i, ok := b.litIdx[l]; ok {
		return i
	}
	i := uint32(len(b.literals))
	b.literals = append(b.literals, l)
	b.litIdx[l] = i
	return i
}

// AddFunction records a native function's entry point in the blob.
func (b *ImageBuilder) AddFunction(module, name string, arity int, offset uint32, exported bool) {
	f := image.Function{Module: b.Atom(module), Name: b.Atom(name), Arity: uint32(arity), Offset: offset}
	if exported {
		f.Flags |= image.Exported
	}
	b.funcs = append(b.funcs, f)
}

// Image returns the image built so far.
func (b *ImageBuilder) Image() *image.Image {
	return &image.Image{
		Arch:         b.arch,
		RuntimeAtoms: uint32(len(b.prefix)),
		RuntimeHash:  image.AtomHash(b.prefix),
		Atoms:        append([]string(nil), b.atoms...),
		Literals:     append([]image.Literal(nil), b.literals...),
		Functions:    append([]image.Function(nil), b.funcs...),
	}
}
