package boot

import (
	"strconv"
	"strings"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
)

// OutputEncoding returns the mode standard output and standard error
// start in for the program loaded in sys, following the OTP release that
// compiled it. OTP 25's `erl -noshell` writes in latin1 mode (the
// recorded outputs of the project's own test programs); from OTP 26 on,
// -noshell standard_io follows the locale, and beamrc assumes a UTF-8
// one, so a program with a module compiled by OTP 26 or later (compiler
// 8.3+) writes UTF-8. The program can still change the mode with
// io:setopts/2 (Gleam's entry shim sets unicode).
func OutputEncoding(sys *emu.System) format.Encoding {
	for _, name := range sys.Modules() {
		if IsLibraryModule(name) {
			continue
		}
		m, ok := sys.Module(name)
		if !ok || m.Beam == nil {
			continue
		}
		if major, minor, ok := compilerVersion(m.Beam.CompileInfo); ok && (major > 8 || major == 8 && minor >= 3) {
			return format.Unicode
		}
	}
	return format.Latin1
}

// compilerVersion reads {version, "Major.Minor..."} from a CInf chunk.
func compilerVersion(cinf beam.Term) (major, minor int, ok bool) {
	l, isList := cinf.(*beam.List)
	if !isList {
		return 0, 0, false
	}
	for _, e := range l.Elems {
		t, isTuple := e.(beam.Tuple)
		if !isTuple || len(t) != 2 || t[0] != beam.Atom("version") {
			continue
		}
		parts := strings.Split(beamString(t[1]), ".")
		if len(parts) < 2 {
			return 0, 0, false
		}
		major, err1 := strconv.Atoi(parts[0])
		minor, err2 := strconv.Atoi(parts[1])
		return major, minor, err1 == nil && err2 == nil
	}
	return 0, 0, false
}

// beamString reads a string literal: a list of character codes or a
// binary.
func beamString(t beam.Term) string {
	switch v := t.(type) {
	case beam.Bitstring:
		return string(v.Bytes)
	case *beam.List:
		var b strings.Builder
		for _, c := range v.Elems {
			if n, ok := c.(beam.Int); ok && n >= 0 && n < 128 {
				b.WriteByte(byte(n))
			}
		}
		return b.String()
	}
	return ""
}
