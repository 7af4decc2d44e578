package linker

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNoGo is returned when there is no go command to link with.
var ErrNoGo = errors.New("beamrc build needs the Go toolchain (go) on PATH: install Go 1.26+")

// WorkDir returns the build directory for the project at path:
// ${XDG_CACHE_HOME:-~/.cache}/beamrc/build/<hash of the absolute path>.
// One directory per project keeps its files stable between builds, which
// is what lets Go's build cache make warm builds quick.
func WorkDir(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory for the build: %w", err)
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(cache, "beamrc", "build", hex.EncodeToString(sum[:8])), nil
}

// goBuild runs go build in the main package's directory. The executable
// goes to a temporary file next to opt.Output and is renamed into place
// only when go build succeeded, so a failed build leaves no partial
// output and does not destroy a previous one.
func goBuild(opt Options) error {
	gocmd, err := exec.LookPath("go")
	if err != nil {
		return ErrNoGo
	}
	out, err := filepath.Abs(opt.Output)
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return fmt.Errorf("link: output %s: %w", opt.Output, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName) // after a successful rename this fails harmlessly

	// -w drops DWARF (a third of the size) but keeps the symbol table,
	// so nm, perf and pprof name BEAM functions. -trimpath keeps the
	// cache path out of the executable.
	cmd := exec.Command(gocmd, "build", "-trimpath", "-buildvcs=false", "-ldflags=-w", "-o", tmpName, ".")
	cmd.Dir = mainDir(opt.WorkDir)
	cmd.Env = append(os.Environ(),
		"GOOS="+opt.GOOS,
		"GOARCH="+opt.GOARCH,
		"CGO_ENABLED=0",
		"GO111MODULE=on",
		"GOWORK=off",        // a go.work around the cache dir must not apply
		"GOFLAGS=",          // nor the user's flags (-mod=vendor, ...)
		"GOTOOLCHAIN=local", // never download a toolchain
		"GOPROXY=off",       // nor modules: everything is local
	)
	var stderr bytes.Buffer
	cmd.Stdout = &stderr
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return fmt.Errorf("link: go build in %s: %s", cmd.Dir, msg)
	}
	if err := os.Chmod(tmpName, 0o755); err != nil {
		return fmt.Errorf("link: %w", err)
	}
	if err := os.Rename(tmpName, out); err != nil {
		return fmt.Errorf("link: %w", err)
	}
	return nil
}

// CheckGo reports whether there is a go command to link with.
func CheckGo() error {
	if _, err := exec.LookPath("go"); err != nil {
		return ErrNoGo
	}
	return nil
}
