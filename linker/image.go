package linker

import (
	"math/big"
	"sort"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/boot"
	"github.com/beamrc/beamrc/runtime/emu"
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
	intIdx   map[string]uint32 // integer literals by decimal text
	funcs    []image.Function
	callees  []image.Callee
	calleeIx map[image.Callee]uint32
	funs     []image.Fun
	funIdx   map[image.Fun]uint32
	sites    []image.Site
}

// NewImageBuilder starts an image for goarch.
func NewImageBuilder(goarch string) *ImageBuilder {
	prefix := boot.RuntimeAtomNames()
	rt := make(map[string]uint32, len(prefix))
	for i, n := range prefix {
		rt[n] = uint32(i)
	}
	return &ImageBuilder{
		arch:     goarch,
		runtime:  rt,
		prefix:   prefix,
		atomIdx:  make(map[string]uint32),
		litIdx:   make(map[image.Literal]uint32),
		intIdx:   make(map[string]uint32),
		calleeIx: make(map[image.Callee]uint32),
		funIdx:   make(map[image.Fun]uint32),
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

// Integer returns the index of integer constant z in the program's
// literal table: one entry for each distinct value.
func (b *ImageBuilder) Integer(z *big.Int) uint32 {
	key := z.String()
	if i, ok := b.intIdx[key]; ok {
		return i
	}
	i := uint32(len(b.literals))
	b.literals = append(b.literals, image.Literal{Kind: image.LiteralInteger, Integer: new(big.Int).Set(z)})
	b.intIdx[key] = i
	return i
}

// Callee returns the index of a function native code calls through the
// runtime.
func (b *ImageBuilder) Callee(mfa beam.MFA, kind uint32) uint32 {
	c := image.Callee{Module: b.Atom(mfa.Module), Name: b.Atom(mfa.Function), Arity: uint32(mfa.Arity), Kind: kind}
	if i, ok := b.calleeIx[c]; ok {
		return i
	}
	i := uint32(len(b.callees))
	b.callees = append(b.callees, c)
	b.calleeIx[c] = i
	return i
}

// Fun returns the index of lambda index of module's FunT.
func (b *ImageBuilder) Fun(module string, index int) uint32 {
	f := image.Fun{Module: b.Atom(module), Index: uint32(index)}
	if i, ok := b.funIdx[f]; ok {
		return i
	}
	i := uint32(len(b.funs))
	b.funs = append(b.funs, f)
	b.funIdx[f] = i
	return i
}

// IsBIF reports whether the runtime implements mfa in Go (the runtime
// linked into beamrc is the executable's).
func (b *ImageBuilder) IsBIF(mfa beam.MFA) bool {
	_, ok := emu.LookupBIF(emu.MakeMFA(mfa.Module, mfa.Function, mfa.Arity))
	return ok
}

// AddFunction records a native function's entry point in the blob and
// returns its index in the function table.
func (b *ImageBuilder) AddFunction(module, name string, arity int, offset uint32, exported bool) uint32 {
	f := image.Function{Module: b.Atom(module), Name: b.Atom(name), Arity: uint32(arity), Offset: offset}
	if exported {
		f.Flags |= image.Exported
	}
	b.funcs = append(b.funcs, f)
	return uint32(len(b.funcs) - 1)
}

// AddSite records that blob offset off stands for instruction index of
// function fn (an AddFunction index).
func (b *ImageBuilder) AddSite(off, fn, index uint32) {
	b.sites = append(b.sites, image.Site{Offset: off, Function: fn, Index: index})
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
		Callees:      append([]image.Callee(nil), b.callees...),
		Funs:         append([]image.Fun(nil), b.funs...),
		Sites:        sortedSites(b.sites),
	}
}

func sortedSites(s []image.Site) []image.Site {
	s = append([]image.Site(nil), s...)
	sort.Slice(s, func(i, j int) bool { return s[i].Offset < s[j].Offset })
	return s
}
