package linker

import (
	"bytes"
	"debug/macho"
	"encoding/binary"
	"fmt"
	"io"
)

// Mach-O constants debug/macho does not name.
const (
	machoCPUSubtypeX86All   = 3
	machoCPUSubtypeARM64All = 0
	machoLCBuildVersion     = 0x32
	machoPlatformMacOS      = 1
	machoNSect              = 0x0e
	machoNExt               = 0x01
	// S_REGULAR with S_ATTR_PURE_INSTRUCTIONS | S_ATTR_SOME_INSTRUCTIONS.
	machoTextFlags = 0x80000400
)

// WriteMachO writes o as a Mach-O MH_OBJECT for darwin (x86_64 or arm64):
// one unnamed segment with a __TEXT,__text section holding the blob, a
// symbol table with the blob symbol and one external symbol per function
// (with the leading underscore of C names, which Go's linker strips), and
// no relocations.
func WriteMachO(w io.Writer, o *Object) error {
	if err := o.validate(); err != nil {
		return err
	}
	cpu, subcpu := macho.CpuAmd64, uint32(machoCPUSubtypeX86All)
	if o.Arch == "arm64" {
		cpu, subcpu = macho.CpuArm64, machoCPUSubtypeARM64All
	}

	const (
		headerSize  = 32
		segmentSize = 72 + 80 // segment_command_64 and one section_64
		symtabSize  = 24
		buildSize   = 24
		cmdsSize    = segmentSize + symtabSize + buildSize
	)
	syms := o.sortedSymbols()
	var str strtab
	var nlist bytes.Buffer
	for _, s := range syms {
		binary.Write(&nlist, binary.LittleEndian, macho.Nlist64{
			Name:  str.add("_" + s.Name),
			Type:  machoNSect | machoNExt,
			Sect:  1,
			Value: uint64(s.Offset),
		})
	}

	// Layout: header and commands, __text, symbols, strings. Go's loader
	// wants the segment to end before the file does, which the symbol
	// table guarantees.
	textOff := align(headerSize+cmdsSize, 16)
	symOff := align(textOff+len(o.Code), 8)
	strOff := symOff + nlist.Len()

	var out bytes.Buffer
	le := func(v any) { binary.Write(&out, binary.LittleEndian, v) }
	le([8]uint32{macho.Magic64, uint32(cpu), subcpu, uint32(macho.TypeObj), 3, cmdsSize, 0, 0})

	seg := macho.Segment64{
		Cmd: macho.LoadCmdSegment64, Len: segmentSize,
		Memsz: uint64(len(o.Code)), Offset: uint64(textOff), Filesz: uint64(len(o.Code)),
		Maxprot: 7, Prot: 7, Nsect: 1,
	}
	le(seg)
	sect := macho.Section64{
		Size: uint64(len(o.Code)), Offset: uint32(textOff), Align: 4, Flags: machoTextFlags,
	}
	copy(sect.Name[:], "__text")
	copy(sect.Seg[:], "__TEXT")
	le(sect)
	le(macho.SymtabCmd{
		Cmd: macho.LoadCmdSymtab, Len: symtabSize,
		Symoff: uint32(symOff), Nsyms: uint32(len(syms)),
		Stroff: uint32(strOff), Strsize: uint32(str.len()),
	})
	// LC_BUILD_VERSION: macOS 11.0, so Apple's linker (external linking)
	// does not warn about an object of unknown platform.
	le([6]uint32{machoLCBuildVersion, buildSize, machoPlatformMacOS, 11 << 16, 0, 0})

	padTo(&out, textOff)
	out.Write(o.Code)
	padTo(&out, symOff)
	out.Write(nlist.Bytes())
	out.Write(str.bytes())
	padTo(&out, align(out.Len(), 8))
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("write Mach-O object: %w", err)
	}
	return nil
}

// WriteObject writes o in the object format of goos.
func WriteObject(w io.Writer, goos string, o *Object) error {
	switch goos {
	case "linux":
		return WriteELF(w, o)
	case "darwin":
		return WriteMachO(w, o)
	}
	return fmt.Errorf("object: unsupported OS %q", goos)
}
