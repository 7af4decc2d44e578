package linker

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"fmt"
	"io"
)

// WriteELF writes o as an ELF64 relocatable object for linux (little
// endian, EM_X86_64 or EM_AARCH64): a .text section holding the blob, an
// empty .note.GNU-stack (the stack need not be executable), and a symbol
// table with the blob symbol and one global STT_FUNC symbol per function.
// There are no relocation sections.
func WriteELF(w io.Writer, o *Object) error {
	if err := o.validate(); err != nil {
		return err
	}
	machine := elf.EM_X86_64
	if o.Arch == "arm64" {
		machine = elf.EM_AARCH64
	}

	// Section indices.
	const (
		secText = 1 + iota
		secNote
		secSymtab
		secStrtab
		secShstrtab
		numSections
	)
	var shstr strtab
	names := [numSections]uint32{
		secText:     shstr.add(".text"),
		secNote:     shstr.add(".note.GNU-stack"),
		secSymtab:   shstr.add(".symtab"),
		secStrtab:   shstr.add(".strtab"),
		secShstrtab: shstr.add(".shstrtab"),
	}

	// Symbols: the null symbol and the section symbol (locals), then the
	// globals; sh_info of .symtab is the index of the first global.
	var str strtab
	var symtab bytes.Buffer
	put := func(s elf.Sym64) { binary.Write(&symtab, binary.LittleEndian, s) }
	put(elf.Sym64{})
	put(elf.Sym64{Info: elf.ST_INFO(elf.STB_LOCAL, elf.STT_SECTION), Shndx: secText})
	const firstGlobal = 2
	for _, s := range o.sortedSymbols() {
		put(elf.Sym64{
			Name:  str.add(s.Name),
			Info:  elf.ST_INFO(elf.STB_GLOBAL, elf.STT_FUNC),
			Shndx: secText,
			Value: uint64(s.Offset),
			Size:  uint64(s.Size),
		})
	}

	// File layout: header, .text, .symtab, .strtab, .shstrtab, section
	// headers.
	const ehsize = 64
	textOff := align(ehsize, 16)
	symOff := align(textOff+len(o.Code), 8)
	strOff := symOff + symtab.Len()
	shstrOff := strOff + str.len()
	shOff := align(shstrOff+shstr.len(), 8)

	h := elf.Header64{
		Type:      uint16(elf.ET_REL),
		Machine:   uint16(machine),
		Version:   uint32(elf.EV_CURRENT),
		Shoff:     uint64(shOff),
		Ehsize:    ehsize,
		Shentsize: 64,
		Shnum:     numSections,
		Shstrndx:  secShstrtab,
	}
	copy(h.Ident[:], elf.ELFMAG)
	h.Ident[elf.EI_CLASS] = byte(elf.ELFCLASS64)
	h.Ident[elf.EI_DATA] = byte(elf.ELFDATA2LSB)
	h.Ident[elf.EI_VERSION] = byte(elf.EV_CURRENT)
	h.Ident[elf.EI_OSABI] = byte(elf.ELFOSABI_NONE)

	sections := [numSections]elf.Section64{
		secText: {
			Name: names[secText], Type: uint32(elf.SHT_PROGBITS),
			Flags: uint64(elf.SHF_ALLOC | elf.SHF_EXECINSTR),
			Off:   uint64(textOff), Size: uint64(len(o.Code)), Addralign: 16,
		},
		secNote: {Name: names[secNote], Type: uint32(elf.SHT_PROGBITS), Off: uint64(textOff), Addralign: 1},
		secSymtab: {
			Name: names[secSymtab], Type: uint32(elf.SHT_SYMTAB),
			Off: uint64(symOff), Size: uint64(symtab.Len()),
			Link: secStrtab, Info: firstGlobal, Addralign: 8, Entsize: 24,
		},
		secStrtab:   {Name: names[secStrtab], Type: uint32(elf.SHT_STRTAB), Off: uint64(strOff), Size: uint64(str.len()), Addralign: 1},
		secShstrtab: {Name: names[secShstrtab], Type: uint32(elf.SHT_STRTAB), Off: uint64(shstrOff), Size: uint64(shstr.len()), Addralign: 1},
	}

	var out bytes.Buffer
	out.Grow(shOff + numSections*64)
	binary.Write(&out, binary.LittleEndian, h)
	padTo(&out, textOff)
	out.Write(o.Code)
	padTo(&out, symOff)
	out.Write(symtab.Bytes())
	out.Write(str.bytes())
	out.Write(shstr.bytes())
	padTo(&out, shOff)
	binary.Write(&out, binary.LittleEndian, sections)
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("write ELF object: %w", err)
	}
	return nil
}

// strtab is an ELF or Mach-O string table: NUL-terminated names after a
// leading NUL (offset 0 is the empty name).
type strtab struct{ b []byte }

func (t *strtab) add(s string) uint32 {
	if len(t.b) == 0 {
		t.b = append(t.b, 0)
	}
	off := uint32(len(t.b))
	t.b = append(t.b, s...)
	t.b = append(t.b, 0)
	return off
}

func (t *strtab) bytes() []byte {
	if len(t.b) == 0 {
		return []byte{0}
	}
	return t.b
}

func (t *strtab) len() int { return len(t.bytes()) }

func align(n, a int) int { return (n + a - 1) &^ (a - 1) }

func padTo(b *bytes.Buffer, n int) {
	for b.Len() < n {
		b.WriteByte(0)
	}
}
