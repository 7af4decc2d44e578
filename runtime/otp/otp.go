// Package otp holds the library modules that run as Erlang code in the
// interpreter: the functions of lists and maps that call funs (so the funs
// can call back into Erlang code). src/lists.erl and src/maps.erl are
// beamrc's own, written from OTP 25's documented behaviour and checked
// against erl (interp_test.go); every other function of those modules is a
// Go BIF in runtime/bif, and the Go BIF table takes precedence over these
// modules for the same function. The string, unicode and unicode_util
// modules are Go BIFs entirely.
//
// scripts/build-otp.sh compiles src/ into ebin/, which is committed and
// embedded here.
package otp

import (
	"embed"
	"path"
	"strings"
)

//go:embed ebin/*.beam
var ebin embed.FS

// Modules returns the embedded modules: module name to .beam bytes. The
// interpreter loads them after the program's own modules.
func Modules() map[string][]byte {
	entries, err := ebin.ReadDir("ebin")
	if err != nil {
		return nil // cannot happen: the directory is embedded
	}
	mods := make(map[string][]byte, len(entries))
	for _, e := range entries {
		data, err := ebin.ReadFile(path.Join("ebin", e.Name()))
		if err != nil {
			continue
		}
		mods[strings.TrimSuffix(e.Name(), ".beam")] = data
	}
	return mods
}
