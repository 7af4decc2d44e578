// Package runtime carries the Go source of beamrc's runtime (the packages
// under this directory) inside beamrc itself, so that `beamrc build` can
// compile user executables with it wherever beamrc runs: the linker writes
// it out as module github.com/beamrc/beamrc and `go build` compiles it.
//
// Only the linker imports this package. The runtime never does: it would
// put a copy of its own source into every executable.
package runtime

import "embed"

// Source holds the .go files of every runtime package and the assets they
// embed in turn. The patterns cannot exclude tests, so *_test.go files are
// here too; the linker skips them (the runtime compiles without them).
// A package nested deeper than runtime/<pkg> needs a pattern here.
//
//go:embed */*.go otp/ebin/*.beam
var Source embed.FS
