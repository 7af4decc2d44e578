package emu

import (
	"math"

	"github.com/beamrc/beamrc/runtime/term"
)

// bsFault is why a segment of a binary construction cannot be built.
// OTP 25 names it in the error_info of the failing frame of a
// bs_create_bin (EEP 54):
//
//	{error_info, #{cause => {Segment, Type, Fault, Value},
//	               function => format_bs_fail, module => erl_erts_errors}}
//
// Segment is the number the compiler gave the segment in the source
// (string literals and constant segments count too); Value is the size
// for a size fault, the size in bits for a bad float size, and the
// segment's value otherwise.
type bsFault uint8

const (
	bsOK           bsFault = iota
	bsBadSize              // size: not a non-negative integer, or 2^63 bits or more
	bsBadType              // type: not of the segment's type, or not a code point
	bsBadUnit              // unit: a bitstring taken whole whose size is not a multiple of the unit
	bsShort                // short: a bitstring shorter than the segment's size
	bsBadFloatSize         // invalid: a float of other than 16, 32 or 64 bits
	bsNoFloat              // no_float: an integer too large for a float
)

var bsFaultAtoms = [...]term.Term{
	bsBadSize:      term.Intern("size"),
	bsBadType:      term.Intern("type"),
	bsBadUnit:      term.Intern("unit"),
	bsShort:        term.Intern("short"),
	bsBadFloatSize: term.Intern("invalid"),
	bsNoFloat:      term.Intern("no_float"),
}

// segTypeAtoms are the Type of a cause: appends are binary segments.
var segTypeAtoms = [...]term.Term{
	segInteger:       term.Intern("integer"),
	segFloat:         term.Intern("float"),
	segBinary:        term.Intern("binary"),
	segUtf8:          term.Intern("utf8"),
	segUtf16:         term.Intern("utf16"),
	segUtf32:         term.Intern("utf32"),
	segAppend:        term.Intern("binary"),
	segPrivateAppend: term.Intern("binary"),
	segString:        term.Intern("string"),
}

var (
	atomCause        = term.Intern("cause")
	atomFunction     = term.Intern("function")
	atomFormatBsFail = term.Intern("format_bs_fail")
)

// sizeBits is the size in bits of a segment of size size and unit unit.
// OTP takes sizes of 2^63 bits or more for too large (system_limit, see
// sizeReason), and anything but a non-negative integer for bad (badarg).
func sizeBits(size term.Term, unit uint32) (uint, bsFault) {
	if !size.IsSmall() || size.SmallValue() < 0 {
		return 0, bsBadSize
	}
	s := uint64(size.SmallValue())
	if unit > 0 && s > math.MaxInt64/uint64(unit) {
		return 0, bsBadSize
	}
	return uint(s * uint64(unit)), bsOK
}

// sizeReason is the reason a segment of a bad size fails for:
// system_limit for a size too large (a positive bignum, or a small one
// that makes 2^63 bits or more), badarg for anything else.
func sizeReason(size term.Term) term.Term {
	if size.IsSmall() && size.SmallValue() >= 0 {
		return term.SystemLimit
	}
	return sizeError(size)
}

// sizeError is the reason a construction with a bad size fails for:
// system_limit for a positive bignum, badarg for anything else.
func sizeError(size term.Term) term.Term {
	if size.IsBig() && !size.BigNegative() {
		return term.SystemLimit
	}
	return term.Badarg
}

// bsCreateFailed raises the construction error of segment seg (value v)
// with its error_info cause, or jumps to the fail label.
func (p *Process) bsCreateFailed(in *instr, pc int, seg *bsSeg, v term.Term, f bsFault) int {
	if in.fail != 0 {
		return int(in.fail)
	}
	reason := term.Badarg
	value := v
	switch f {
	case bsBadSize:
		value = p.load(&seg.size)
		reason = sizeReason(value)
	case bsBadFloatSize:
		n, _ := sizeBits(p.load(&seg.size), seg.unit)
		value = term.MakeSmall(int64(n))
	}
	p.Raise(ClassError, reason)
	// The cause goes in the raising function's frame, as error/3's
	// error_info option does (Exception.Info).
	h := p.Heap
	cause := term.NewTuple(h, term.MakeSmall(int64(seg.num)), segTypeAtoms[seg.typ], bsFaultAtoms[f], value)
	p.Exc.Info = term.MapFromPairs(h,
		[]term.Term{atomCause, atomFunction, atomModule},
		[]term.Term{cause, atomFormatBsFail, atomErtsErrors})
	return p.throwAt(pc)
}
