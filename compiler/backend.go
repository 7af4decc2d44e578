package compiler

import (
	"fmt"

	"github.com/beamrc/beamrc/codegen"
	"github.com/beamrc/beamrc/codegen/amd64"
)

// backendFor returns the code generator for a target. This is where
// codegen's backends plug in (codegen/amd64, codegen/arm64); until then
// every function falls back to the interpreter, with this reason.
func backendFor(goos, goarch string) codegen.Backend {
	if goarch == "amd64" && (goos == "linux" || goos == "darwin") {
		return amd64.Backend{}
	}
	return interpretOnly{target: goos + "/" + goarch}
}

// interpretOnly lowers nothing.
type interpretOnly struct{ target string }

func (b interpretOnly) Lower(*codegen.Function, codegen.Env) (*codegen.Code, error) {
	return nil, fmt.Errorf("%w for %s yet", codegen.ErrNoBackend, b.target)
}

func (b interpretOnly) Resolve([]byte, uint32, codegen.Ref, uint32, bool) error {
	return fmt.Errorf("%w for %s", codegen.ErrNoBackend, b.target)
}

func (interpretOnly) Align() int { return 16 }
