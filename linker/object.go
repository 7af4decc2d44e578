// Package linker turns compiled code into an executable: it writes the code
// blob as a relocatable object (ELF for linux, Mach-O for darwin), the
// image the runtime reads at startup, and a generated main package, and
// runs `go build` on them with beamrc's runtime.
package linker

import (
	"fmt"
	"sort"
)

// Object is a program's native code: one blob of machine code and a symbol
// per function. The code holds no relocations: the compiler resolves every
// reference inside the blob PC-relatively, and everything outside it is
// reached through the context register. (Go's linker drops host-object
// relocations in static linux executables and loses data addends on
// darwin/arm64, so an object that needs none is the only kind that links
// reliably.)
type Object struct {
	Arch    string // GOARCH: "amd64" or "arm64"
	Code    []byte
	Symbols []Symbol // function entry points; the blob symbol is implicit
}

// Symbol names a function in the blob.
type Symbol struct {
	Name   string // as SymbolName makes it
	Offset uint32 // entry point in Code
	Size   uint32 // bytes of code, for profilers; 0 if unknown
}

// BlobSymbol names the first byte of the code blob. The trampoline takes
// the blob's address with MOVQ $beamrc_code(SB) / MOVD $beamrc_code(SB);
// the name is an ordinary C identifier with a prefix no Go package or C
// library uses.
const BlobSymbol = "beamrc_code"

// validate checks what both writers rely on.
func (o *Object) validate() error {
	switch o.Arch {
	case "amd64", "arm64":
	default:
		return fmt.Errorf("object: unsupported architecture %q", o.Arch)
	}
	if len(o.Code) == 0 {
		return fmt.Errorf("object: empty code blob")
	}
	seen := make(map[string]bool, len(o.Symbols))
	for _, s := range o.Symbols {
		switch {
		case s.Name == "" || s.Name == BlobSymbol:
			return fmt.Errorf("object: bad symbol name %q", s.Name)
		case seen[s.Name]:
			return fmt.Errorf("object: duplicate symbol %q", s.Name)
		case uint64(s.Offset)+uint64(s.Size) > uint64(len(o.Code)) || int(s.Offset) >= len(o.Code):
			return fmt.Errorf("object: symbol %s at %d+%d is outside the %d-byte blob", s.Name, s.Offset, s.Size, len(o.Code))
		}
		for i := 0; i < len(s.Name); i++ {
			if s.Name[i] == 0 {
				return fmt.Errorf("object: symbol %q contains a NUL byte", s.Name)
			}
		}
		seen[s.Name] = true
	}
	return nil
}

// sortedSymbols returns the blob symbol and then the function symbols by
// offset (Mach-O readers, Go's among them, size symbols by the next one).
func (o *Object) sortedSymbols() []Symbol {
	syms := make([]Symbol, 0, len(o.Symbols)+1)
	syms = append(syms, Symbol{Name: BlobSymbol, Size: uint32(len(o.Code))})
	fns := append([]Symbol(nil), o.Symbols...)
	sort.SliceStable(fns, func(i, j int) bool { return fns[i].Offset < fns[j].Offset })
	return append(syms, fns...)
}

// Padding returns filler code of n bytes for arch: instructions that trap,
// so a jump into padding faults loudly rather than running on.
func Padding(arch string, n int) []byte {
	b := make([]byte, n)
	switch arch {
	case "amd64":
		for i := range b {
			b[i] = 0xcc // INT3
		}
	case "arm64":
		for i := 0; i+4 <= n; i += 4 {
			copy(b[i:], []byte{0x00, 0x00, 0x20, 0xd4}) // BRK #0
		}
	}
	return b
}
