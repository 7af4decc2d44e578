package linker

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	beamrcruntime "github.com/beamrc/beamrc/runtime"
)

// The build directory holds two modules side by side:
//
//	<work>/runtime   module github.com/beamrc/beamrc: the runtime packages,
//	                 written from the source beamrc carries
//	<work>/main      the generated main package, which requires and
//	                 replaces that module
//
// It lives in beamrc's cache directory per project and is rewritten in
// place, changing only files whose content changed, so that Go's build
// cache serves warm builds.
func runtimeDir(work string) string { return filepath.Join(work, "runtime") }
func mainDir(work string) string    { return filepath.Join(work, "main") }

// runtimeFiles returns the runtime module's files, by path relative to its
// root: beamrc's embedded runtime source under runtime/, without tests,
// and a go.mod. The runtime uses only the standard library, so the module
// has no requirements and the build needs no network.
func runtimeFiles() (map[string][]byte, error) {
	files := map[string][]byte{
		"go.mod": []byte("module " + RuntimeModule + "\n\ngo " + goVersion + "\n"),
	}
	err := fs.WalkDir(beamrcruntime.Source, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, "_test.go") {
			return err
		}
		data, err := beamrcruntime.Source.ReadFile(path)
		if err != nil {
			return err
		}
		files["runtime/"+path] = data
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("runtime source: %w", err)
	}
	return files, nil
}

func writeRuntime(work string) error {
	files, err := runtimeFiles()
	if err != nil {
		return err
	}
	return syncDir(runtimeDir(work), files)
}

// syncDir makes dir hold exactly files (paths relative to dir): it writes
// the files whose content differs, so unchanged files keep their
// modification times, and removes every other file.
func syncDir(dir string, files map[string][]byte) error {
	for rel, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	var stale []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		if _, ok := files[filepath.ToSlash(rel)]; !ok {
			stale = append(stale, path)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, path := range stale {
		if err := os.Remove(path); err != nil {
			return err
		}
	}
	return nil
}
