// Package otp holds the library modules that run as Erlang code in the
// interpreter: the functions of lists and maps that call funs (so the funs
// can call back), lists' sort family (OTP's merge sort orders == elements
// in its own way), and OTP's string, unicode_util and unicode (nf*)
// modules. The sources are OTP 25's own code, cut down to those functions
// by scripts/otp-src-regenerate.sh; calls to functions beamrc implements in
// Go are remote calls, and the Go BIF table (runtime/bif) takes precedence
// over these modules for the same function.
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
