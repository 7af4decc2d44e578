package linker

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every non-test Go file of every runtime package, and the assets they
// embed, travel inside beamrc; a package nested too deep for the embed
// patterns in runtime/source.go shows up here.
func TestRuntimeSourceComplete(t *testing.T) {
	files, err := runtimeFiles()
	require.NoError(t, err)
	root := filepath.Join("..", "runtime")
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		isGo := strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go") && strings.Contains(rel, "/")
		if isGo || strings.HasPrefix(rel, "otp/ebin/") && strings.HasSuffix(rel, ".beam") {
			assert.Contains(t, files, "runtime/"+rel)
		}
		return nil
	})
	require.NoError(t, err)
	assert.NotContains(t, files, "runtime/source.go", "package runtime itself stays out of executables")
	for name := range files {
		assert.False(t, strings.HasSuffix(name, "_test.go"), name)
	}
	assert.Equal(t, "module github.com/beamrc/beamrc\n\ngo "+goVersion+"\n", string(files["go.mod"]))
}

// The runtime module is written with no requirements, so it must use
// nothing but the standard library and itself.
func TestRuntimeUsesOnlyStd(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go on PATH")
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "../runtime/...").Output()
	require.NoError(t, err)
	for _, p := range strings.Fields(string(out)) {
		assert.True(t, strings.HasPrefix(p, RuntimeModule+"/runtime"), "runtime depends on %s", p)
	}
}

func TestSyncDir(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, syncDir(dir, map[string][]byte{"a/b.txt": []byte("1"), "c": []byte("2")}))
	st1, err := os.Stat(filepath.Join(dir, "a", "b.txt"))
	require.NoError(t, err)
	require.NoError(t, syncDir(dir, map[string][]byte{"a/b.txt": []byte("1")}))
	st2, err := os.Stat(filepath.Join(dir, "a", "b.txt"))
	require.NoError(t, err)
	assert.Equal(t, st1.ModTime(), st2.ModTime(), "unchanged files are not rewritten")
	_, err = os.Stat(filepath.Join(dir, "c"))
	assert.True(t, os.IsNotExist(err), "stale files are removed")
}
