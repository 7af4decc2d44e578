package beam

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the loader: it must return a module or
// a *FormatError, never panic or allocate without bound. Seeds are the
// small corpus files when present (large seeds make the fuzzer spend
// minutes minimising each new input), and always the hand-built tiny module.
//
//	go test -fuzz=FuzzParse ./runtime/beam
func FuzzParse(f *testing.F) {
	f.Add(tinyModule())
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".beam" {
			if b, err := os.ReadFile(p); err == nil && len(b) < 4<<10 {
				f.Add(b)
			}
		}
		return nil
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse("fuzz.beam", data)
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error is not a *FormatError: %v", err)
			}
			return
		}
		// A module that loads must be internally consistent.
		for i := range m.Functions {
			for _, in := range m.Functions[i].Code {
				_ = m.FormatInstr(in)
			}
		}
	})
}

// FuzzDecodeTerm checks the external term format decoder on its own.
func FuzzDecodeTerm(f *testing.F) {
	for _, s := range [][]byte{
		{131, 106},
		{131, 104, 2, 100, 0, 2, 'o', 'k', 97, 1},
		{131, 108, 0, 0, 0, 1, 97, 1, 106},
		{131, 116, 0, 0, 0, 1, 119, 1, 'a', 70, 63, 240, 0, 0, 0, 0, 0, 0},
		{131, 110, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
		{131, 77, 0, 0, 0, 1, 3, 0xe0},
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if term, err := DecodeTerm(data); err == nil {
			_ = Format(term)
		}
	})
}
