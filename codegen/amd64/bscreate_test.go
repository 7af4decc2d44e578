package amd64

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/beam"
)

// The constructions with a fast path are the ones of string literals,
// bitstrings taken whole and whole-byte integers of a constant size;
// floats, utf8, sizes from registers and sub-byte integers are stepped.
func TestBuildSegsFastPaths(t *testing.T) {
	m, err := beam.ReadFile(filepath.Join("..", "..", "testdata", "programs", "e_bits_build", "ebin", "e_bits_build.beam"))
	require.NoError(t, err)
	stepped := map[string]bool{"bitstrings/0": true, "others/0": true}
	l := &lowerer{bm: m}
	seen := map[string]bool{}
	for i := range m.Functions {
		f := &m.Functions[i]
		name := fmt.Sprintf("%s/%d", f.Name, f.Arity)
		for _, in := range f.Code {
			if in.Op != beam.OpBsCreateBin {
				continue
			}
			seen[name] = true
			segs, fixed, ok := l.buildSegs(in.Args[5].List)
			if stepped[name] {
				assert.False(t, ok, "%s is stepped", name)
				continue
			}
			if assert.True(t, ok, "%s has a fast path", name) {
				assert.Equal(t, len(in.Args[5].List)/6, len(segs), name)
				assert.LessOrEqual(t, fixed, int64(64), name)
			}
		}
	}
	for _, f := range []string{"cat/2", "int16l/1", "mixed/3", "greet/1", "bits/2", "bitstrings/0", "others/0"} {
		assert.True(t, seen[f], "%s builds a binary", f)
	}

	greet, _ := m.Function("greet", 1)
	for _, in := range greet.Code {
		if in.Op == beam.OpBsCreateBin {
			segs, fixed, _ := l.buildSegs(in.Args[5].List)
			require.Len(t, segs, 3)
			assert.Equal(t, "Hello, ", string(segs[0].str))
			assert.Equal(t, buildBinary, segs[1].kind)
			assert.Equal(t, "!", string(segs[2].str))
			assert.Equal(t, int64(8), fixed)
		}
	}
}
