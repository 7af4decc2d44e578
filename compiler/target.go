package compiler

import (
	"fmt"
	"runtime"
	"strings"
)

// Target is an operating system and architecture to build for.
type Target struct{ GOOS, GOARCH string }

func (t Target) String() string { return t.GOOS + "/" + t.GOARCH }

// Targets are the supported targets.
var Targets = []Target{
	{"linux", "amd64"}, {"linux", "arm64"}, {"darwin", "amd64"}, {"darwin", "arm64"},
}

// HostTarget is the target beamrc itself runs on.
func HostTarget() Target { return Target{runtime.GOOS, runtime.GOARCH} }

// ParseTarget reads "os/arch".
func ParseTarget(s string) (Target, error) {
	for _, t := range Targets {
		if t.String() == s {
			return t, nil
		}
	}
	names := make([]string, len(Targets))
	for i, t := range Targets {
		names[i] = t.String()
	}
	return Target{}, fmt.Errorf("unknown target %q (supported: %s)", s, strings.Join(names, ", "))
}
