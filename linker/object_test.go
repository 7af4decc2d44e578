package linker

import (
	"bytes"
	"debug/elf"
	"debug/macho"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testObject(arch string) *Object {
	code := Padding(arch, 64)
	return &Object{
		Arch: arch,
		Code: code,
		Symbols: []Symbol{
			{Name: SymbolName("gleam@list", "map", 2), Offset: 32, Size: 32},
			{Name: SymbolName("example", "main", 0), Offset: 0, Size: 16},
			{Name: SymbolName("example", "-main/0-fun-0-", 1), Offset: 16, Size: 16},
		},
	}
}

func TestELFRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		arch    string
		machine elf.Machine
	}{{"amd64", elf.EM_X86_64}, {"arm64", elf.EM_AARCH64}} {
		t.Run(tc.arch, func(t *testing.T) {
			o := testObject(tc.arch)
			var buf bytes.Buffer
			require.NoError(t, WriteELF(&buf, o))
			f, err := elf.NewFile(bytes.NewReader(buf.Bytes()))
			require.NoError(t, err)
			assert.Equal(t, elf.ET_REL, f.Type)
			assert.Equal(t, tc.machine, f.Machine)
			assert.Equal(t, elf.ELFCLASS64, f.Class)

			text := f.Section(".text")
			require.NotNil(t, text)
			assert.Equal(t, elf.SHF_ALLOC|elf.SHF_EXECINSTR, text.Flags)
			data, err := text.Data()
			require.NoError(t, err)
			assert.Equal(t, o.Code, data)
			assert.NotNil(t, f.Section(".note.GNU-stack"))
			for _, s := range f.Sections {
				assert.NotEqual(t, elf.SHT_REL, s.Type, s.Name)
				assert.NotEqual(t, elf.SHT_RELA, s.Type, s.Name)
			}

			syms, err := f.Symbols()
			require.NoError(t, err)
			got := map[string]elf.Symbol{}
			for _, s := range syms {
				if s.Name != "" {
					got[s.Name] = s
				}
			}
			require.Len(t, got, 4)
			blob := got[BlobSymbol]
			assert.Equal(t, uint64(0), blob.Value)
			assert.Equal(t, uint64(64), blob.Size)
			for _, want := range o.Symbols {
				s, ok := got[want.Name]
				require.True(t, ok, want.Name)
				assert.Equal(t, elf.STB_GLOBAL, elf.ST_BIND(s.Info))
				assert.Equal(t, elf.STT_FUNC, elf.ST_TYPE(s.Info))
				assert.Equal(t, uint64(want.Offset), s.Value)
				assert.Equal(t, uint64(want.Size), s.Size)
				assert.Equal(t, text.Name, f.Sections[s.Section].Name)
			}
		})
	}
}

func TestMachORoundTrip(t *testing.T) {
	for _, tc := range []struct {
		arch string
		cpu  macho.Cpu
	}{{"amd64", macho.CpuAmd64}, {"arm64", macho.CpuArm64}} {
		t.Run(tc.arch, func(t *testing.T) {
			o := testObject(tc.arch)
			var buf bytes.Buffer
			require.NoError(t, WriteMachO(&buf, o))
			f, err := macho.NewFile(bytes.NewReader(buf.Bytes()))
			require.NoError(t, err)
			assert.Equal(t, macho.TypeObj, f.Type)
			assert.Equal(t, tc.cpu, f.Cpu)
			text := f.Section("__text")
			require.NotNil(t, text)
			assert.Equal(t, "__TEXT", text.Seg)
			assert.Zero(t, text.Nreloc)
			data, err := text.Data()
			require.NoError(t, err)
			assert.Equal(t, o.Code, data)

			require.NotNil(t, f.Symtab)
			got := map[string]uint64{}
			for _, s := range f.Symtab.Syms {
				assert.Equal(t, uint8(1), s.Sect, s.Name)
				assert.Equal(t, uint8(0x0f), s.Type, s.Name)
				got[s.Name] = s.Value
			}
			assert.Equal(t, map[string]uint64{
				"_" + BlobSymbol:                 0,
				"_beam:example:main/0":           0,
				"_beam:example:-main/0-fun-0-/1": 16,
				"_beam:gleam@list:map/2":         32,
			}, got)
		})
	}
}

func TestObjectValidation(t *testing.T) {
	var buf bytes.Buffer
	o := testObject("amd64")
	o.Arch = "riscv64"
	assert.ErrorContains(t, WriteELF(&buf, o), "unsupported architecture")
	o = testObject("amd64")
	o.Symbols = append(o.Symbols, o.Symbols[0])
	assert.ErrorContains(t, WriteMachO(&buf, o), "duplicate symbol")
	o = testObject("amd64")
	o.Symbols[0].Offset = 60
	assert.ErrorContains(t, WriteELF(&buf, o), "outside the 64-byte blob")
	o = testObject("amd64")
	o.Code = nil
	assert.ErrorContains(t, WriteELF(&buf, o), "empty code blob")
	assert.ErrorContains(t, WriteObject(&buf, "windows", testObject("amd64")), "unsupported OS")
}

func TestSymbolName(t *testing.T) {
	for _, tc := range []struct {
		mod, fun string
		arity    int
		want     string
	}{
		{"example", "main", 0, "beam:example:main/0"},
		{"gleam@list", "map", 2, "beam:gleam@list:map/2"},
		{"example", "-main/0-fun-0-", 1, "beam:example:-main/0-fun-0-/1"},
		{"a:b", "c", 1, "beam:a%3Ab:c/1"},
		{"a", "b:c", 1, "beam:a:b:c/1"},
		{"m", "with space\x00%", 3, "beam:m:with%20space%00%25/3"},
		{"m", "ünï", 0, "beam:m:ünï/0"},
	} {
		assert.Equal(t, tc.want, SymbolName(tc.mod, tc.fun, tc.arity))
	}
	// The colon in a module name is escaped, so these differ.
	assert.NotEqual(t, SymbolName("a:b", "c", 1), SymbolName("a", "b:c", 1))
}
