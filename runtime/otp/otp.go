// Package otp holds the library modules that beamrc writes in Erlang: the
// functions of OTP's lists and maps modules that call funs, which must run
// in the interpreter so that the funs can call back. Everything else of
// those modules is Go (runtime/bif), and the Go BIF table takes precedence
// over these modules for the same function.
//
// The sources are in src/; scripts/build-otp.sh compiles them into ebin/,
// which is committed and embedded here.
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
