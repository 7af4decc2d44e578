package otp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
)

// Every source has its compiled module embedded, and each module parses
// and exports what its source says.
func TestModulesEmbedded(t *testing.T) {
	srcs, err := filepath.Glob("src/*.erl")
	require.NoError(t, err)
	mods := Modules()
	require.Len(t, mods, len(srcs))
	for _, src := range srcs {
		name := strings.TrimSuffix(filepath.Base(src), ".erl")
		data, ok := mods[name]
		require.True(t, ok, name)
		m, err := beam.Parse(name+".beam", data)
		require.NoError(t, err)
		assert.Equal(t, name, m.Name)
		text, err := os.ReadFile(src)
		require.NoError(t, err)
		for _, e := range m.Exports {
			if e.Name != "module_info" {
				assert.Contains(t, string(text), e.Name+"(", name)
			}
		}
	}
}

func TestModulesExportFunCallers(t *testing.T) {
	mods := Modules()
	for _, want := range []beam.FuncRef{{Name: "map", Arity: 2}, {Name: "foldl", Arity: 3}, {Name: "sort", Arity: 2}} {
		assert.True(t, exports(t, mods["lists"], want), "lists:%s/%d", want.Name, want.Arity)
	}
	for _, want := range []beam.FuncRef{{Name: "fold", Arity: 3}, {Name: "merge_with", Arity: 3}, {Name: "update_with", Arity: 4}} {
		assert.True(t, exports(t, mods["maps"], want), "maps:%s/%d", want.Name, want.Arity)
	}
}

func exports(t *testing.T, data []byte, f beam.FuncRef) bool {
	m, err := beam.Parse("x.beam", data)
	require.NoError(t, err)
	for _, e := range m.Exports {
		if e.Name == f.Name && e.Arity == f.Arity {
			return true
		}
	}
	return false
}

// string, unicode and unicode_util are Go BIFs only: no module of those
// names is embedded, and the functions programs call are registered.
func TestStringModulesAreBIFs(t *testing.T) {
	mods := Modules()
	for _, m := range []string{"string", "unicode", "unicode_util"} {
		_, ok := mods[m]
		assert.False(t, ok, m)
	}
	for _, mfa := range []struct {
		m, f string
		a    int
	}{
		{"string", "length", 1}, {"string", "split", 3}, {"string", "trim", 3}, {"string", "to_lower", 1},
		{"unicode_util", "gc", 1}, {"unicode_util", "cp", 1}, {"unicode", "characters_to_nfc_binary", 1},
	} {
		_, ok := emu.LookupBIF(emu.MakeMFA(mfa.m, mfa.f, mfa.a))
		assert.True(t, ok, "%s:%s/%d", mfa.m, mfa.f, mfa.a)
	}
}
