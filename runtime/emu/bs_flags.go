package emu

import (
	"fmt"

	"github.com/beamrc/beamrc/runtime/beam"
)

// flagNamed returns the flag a bs_match or bs_create_bin flag atom
// stands for (0 for the ones that change nothing here).
func flagNamed(name string) uint8 {
	switch name {
	case "little":
		return flagLittle
	case "signed":
		return flagSigned
	case "native":
		return flagNative
	case "aligned":
		return flagAligned
	}
	return 0
}

// SegmentFlags is what native code needs of a matching segment's flags.
type SegmentFlags struct {
	Little bool // little-endian (little, or native on this machine)
	Signed bool
}

// MatchFlags decodes the flags operand of a bit-syntax matching
// instruction of module m, the way the interpreter's translation reads
// it: a number (the old bs_get_* instructions), [] or a literal list of
// atoms (bs_match).
func MatchFlags(m *beam.Module, o beam.Operand) (SegmentFlags, error) {
	var f uint8
	switch o.Kind {
	case beam.KindNil:
	case beam.KindUnsigned, beam.KindInteger:
		f = uint8(o.Val)
	case beam.KindLiteral:
		l, ok := m.Literal(o.Val).(*beam.List)
		if !ok {
			return SegmentFlags{}, fmt.Errorf("bad segment flags %s", o)
		}
		for _, e := range l.Elems {
			if a, ok := e.(beam.Atom); ok {
				f |= flagNamed(string(a))
			}
		}
	default:
		return SegmentFlags{}, fmt.Errorf("bad segment flags %s", o)
	}
	return SegmentFlags{Little: isLittle(f), Signed: f&flagSigned != 0}, nil
}
