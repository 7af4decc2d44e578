package boot

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/image"
	"github.com/beamrc/beamrc/runtime/term"
)

// This test runs first (tests run in file order): installing an image
// needs an atom table nothing has added to since the runtime started.
func TestInstallImage(t *testing.T) {
	if term.AtomCount() != InitAtoms {
		t.Skip("atoms were interned before this test")
	}
	good := &image.Image{
		Arch:         runtime.GOARCH,
		RuntimeAtoms: uint32(InitAtoms),
		RuntimeHash:  image.AtomHash(RuntimeAtomNames()),
		Atoms:        []string{"boot_test_atom_one", "boot_test_atom_two"},
	}

	wrongArch := *good
	wrongArch.Arch = "riscv64"
	_, err := installImage(Native{Image: wrongArch.Encode()})
	assert.ErrorContains(t, err, "built for riscv64")

	_, err = installImage(Native{Image: []byte("nonsense")})
	assert.ErrorContains(t, err, "native image: image: bad magic")

	// A different runtime: native code is off, the program still runs.
	other := *good
	other.RuntimeHash++
	im, err := installImage(Native{Image: other.Encode()})
	assert.NoError(t, err)
	assert.Nil(t, im)
	other = *good
	other.RuntimeAtoms++
	im, err = installImage(Native{Image: other.Encode()})
	assert.NoError(t, err)
	assert.Nil(t, im)

	im, err = installImage(Native{Image: good.Encode()})
	require.NoError(t, err)
	require.NotNil(t, im)
	a, ok := term.LookupAtom("boot_test_atom_two")
	require.True(t, ok)
	assert.Equal(t, uint32(InitAtoms+1), a.AtomIndex(), "the compiler's index")

	im, err = installImage(Native{})
	assert.NoError(t, err)
	assert.Nil(t, im, "no image, no native code")
}

// The image's atom numbering relies on the runtime interning the same
// atoms in the same order at every start. A package that interns in map
// iteration order at init breaks that (native code is then disabled).
func TestInitAtomsDeterministic(t *testing.T) {
	if os.Getenv("BEAMRC_PRINT_INIT_ATOMS") == "1" {
		fmt.Printf("%x\n", image.AtomHash(RuntimeAtomNames()))
		return
	}
	var first string
	for i := 0; i < 4; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestInitAtomsDeterministic$")
		cmd.Env = append(os.Environ(), "BEAMRC_PRINT_INIT_ATOMS=1")
		out, err := cmd.Output()
		require.NoError(t, err)
		if i == 0 {
			first = string(out)
		} else if string(out) != first {
			// A package that interns atoms at init in map order (ranging
			// over a map) breaks the image's atom numbering.
			t.Fatalf("the runtime interns its start-up atoms in a different order on each start:\n%s\nvs\n%s", first, out)
		}
	}
}

func TestEntryTerms(t *testing.T) {
	args, err := Entry{Module: "m", Function: "main"}.Terms([]string{"ignored"})
	assert.NoError(t, err)
	assert.Empty(t, args)

	args, err = Entry{Module: "app@@main", Function: "run", Arity: 1, Args: AppArg, App: "app"}.Terms(nil)
	require.NoError(t, err)
	assert.Equal(t, []term.Term{term.Intern("app")}, args)

	e := Entry{Module: "m", Function: "f", Arity: 2, Args: PlainArgs}
	args, err = e.Terms([]string{"a", "bc"})
	require.NoError(t, err)
	require.Len(t, args, 2)
	b, _ := args[1].BinaryBytes()
	assert.Equal(t, "bc", string(b))
	_, err = e.Terms([]string{"a"})
	assert.EqualError(t, err, "entry m:f/2 takes 2 arguments, 1 given")
	var ee *EntryError
	assert.ErrorAs(t, err, &ee)
}

func TestParseMFA(t *testing.T) {
	m, f, a, ok := ParseMFA("gleam@list:map/2")
	assert.True(t, ok)
	assert.Equal(t, []any{"gleam@list", "map", 2}, []any{m, f, a})
	_, f, a, ok = ParseMFA("m:-main/0-fun-0-/1")
	assert.True(t, ok)
	assert.Equal(t, "-main/0-fun-0-", f)
	assert.Equal(t, 1, a)
	for _, bad := range []string{"main", "m:f", ":f/1", "m:/1", "m:f/x", "m:f/256", "m:f/-1"} {
		_, _, _, ok := ParseMFA(bad)
		assert.False(t, ok, bad)
	}
}
