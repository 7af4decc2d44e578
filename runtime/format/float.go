// Package format prints terms and numbers the way OTP 25 does: the float
// and integer conversions of the erlang module, io_lib:write (~w),
// io_lib_pretty (~p), io_lib:format and erlang:display. Output must match
// the real VM byte for byte, so each function follows the rules of the
// OTP code it stands for, including its corner cases.
//
// Text is handled as Go strings of Unicode code points (UTF-8 encoded in
// the string). A code point stands for one Erlang character; how it
// becomes bytes is decided only when it is written to a device (see
// output.go).
package format

import (
	"math"
	"strconv"
	"strings"

	"github.com/beamrc/beamrc/runtime/term"
)

// maxFloatChars is the longest float_to_list/2 result: OTP formats into a
// 256-byte buffer with room for a terminating NUL, and fails with badarg
// when the text does not fit.
const maxFloatChars = 255

// FloatShort formats f as float_to_list(F, [short]) does, which is also
// what ~w and ~p print: the shortest digits that read back as f, in fixed
// or scientific notation, whichever OTP's Ryu port picks.
func FloatShort(f float64) string {
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	// strconv's shortest 'e' form gives the same digits as Ryu: the
	// shortest that round-trips, the closest of those to f.
	s := strconv.FormatFloat(math.Abs(f), 'e', -1, 64)
	mant, expPart, _ := strings.Cut(s, "e")
	digits := strings.Replace(mant, ".", "", 1)
	sciExp, _ := strconv.Atoi(expPart)
	n := len(digits)
	ryuExp := sciExp - (n - 1) // value = digits × 10^ryuExp

	// The window in which OTP prints fixed notation (erts ryu/to_chars.h).
	lower, upper := -(n + 2), 1
	switch {
	case n == 1:
		lower, upper = -4, 2
	case sciExp >= 10:
		upper = 2
	}
	fixed := lower <= ryuExp && ryuExp <= upper
	if fixed {
		// Integral values at or beyond 2^53 are printed in scientific
		// notation, since not every integer there is a float.
		out, _ := strconv.ParseUint(digits, 10, 64)
		if (out >= 1<<53 && ryuExp == 0) ||
			(out > (1<<52)/5 && ryuExp == 1) ||
			(out > (1<<51)/25 && ryuExp == 2) {
			fixed = false
		}
	}

	var b strings.Builder
	if f < 0 {
		b.WriteByte('-')
	}
	if fixed {
		whole := n + ryuExp
		switch {
		case ryuExp >= 0:
			b.WriteString(digits)
			b.WriteString(strings.Repeat("0", ryuExp))
			b.WriteString(".0")
		case whole > 0:
			b.WriteString(digits[:whole])
			b.WriteByte('.')
			b.WriteString(digits[whole:])
		default:
			b.WriteString("0.")
			b.WriteString(strings.Repeat("0", -whole))
			b.WriteString(digits)
		}
		return b.String()
	}
	b.WriteByte(digits[0])
	b.WriteByte('.')
	if n > 1 {
		b.WriteString(digits[1:])
	} else {
		b.WriteByte('0')
	}
	b.WriteByte('e')
	b.WriteString(strconv.Itoa(sciExp))
	return b.String()
}

// FloatScientific formats f as float_to_list(F, [{scientific, Digits}])
// does: C's "%.*e", exactly rounded. float_to_list/1 is Digits = 20.
func FloatScientific(f float64, digits int) string {
	return strconv.FormatFloat(f, 'e', digits, 64)
}

// FloatDecimals formats f as float_to_list(F, [{decimals, D}]) and, with
// compact, [{decimals, D}, compact]. OTP rounds small values with its own
// fast path (round half away from zero on the scaled fraction) and large
// ones with C's "%.*f"; both are reproduced here.
func FloatDecimals(f float64, decimals int, compact bool) string {
	s := floatDecimals(f, decimals)
	if compact && decimals > 0 {
		s = trimTrailingZeros(s)
	}
	return s
}

func floatDecimals(f float64, decimals int) string {
	af := math.Abs(f)
	if af > 1<<53 || decimals >= 19 {
		return strconv.FormatFloat(f, 'f', decimals, 64)
	}
	neg := math.Signbit(f) // -0.0 prints as "-0.00", as in OTP 25
	var intPart, fracPart uint64
	if decimals > 0 {
		pow := math.Pow10(decimals)
		intF := math.Floor(af)
		fracF := math.Round(float64(af-intF) * pow)
		intPart, fracPart = uint64(intF), uint64(fracF)
		if fracF >= pow {
			intPart++
			fracPart = 0
		}
	} else {
		intPart = uint64(math.Round(af))
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString(strconv.FormatUint(intPart, 10))
	if decimals > 0 {
		b.WriteByte('.')
		fs := strconv.FormatUint(fracPart, 10)
		b.WriteString(strings.Repeat("0", decimals-len(fs)))
		b.WriteString(fs)
	}
	return b.String()
}

// trimTrailingZeros drops the zeros at the end of a fixed-notation number
// but keeps one digit after the point ("1.500" → "1.5", "2.000" → "2.0").
func trimTrailingZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	if strings.HasSuffix(s, ".") {
		s += "0"
	}
	return s
}

// FloatToString implements float_to_list/2 and float_to_binary/2: it
// applies the option list opts (short, compact, {decimals, N},
// {scientific, N}; the last format option wins) and reports ok=false
// where OTP raises badarg: a bad option list or a result longer than OTP's
// buffer.
func FloatToString(f float64, opts term.Term) (string, bool) {
	const (
		fmtScientific = iota
		fmtDecimals
		fmtShort
	)
	mode, digits, compact := fmtScientific, 20, false
	for ; opts.IsCons(); opts = opts.Tail() {
		o := opts.Head()
		switch {
		case o.IsAtom() && term.AtomName(o) == "compact":
			compact = true
		case o.IsAtom() && term.AtomName(o) == "short":
			mode = fmtShort
		case o.IsTuple() && o.TupleArity() == 2 && o.Element(1).IsAtom() && o.Element(2).IsSmall():
			n := o.Element(2).SmallValue()
			switch term.AtomName(o.Element(1)) {
			case "decimals":
				if n < 0 || n > 253 {
					return "", false
				}
				mode, digits = fmtDecimals, int(n)
			case "scientific":
				if n < 0 || n > 249 {
					return "", false
				}
				mode, digits = fmtScientific, int(n)
			default:
				return "", false
			}
		default:
			return "", false
		}
	}
	if opts != term.Nil {
		return "", false
	}
	var s string
	switch mode {
	case fmtShort:
		s = FloatShort(f)
	case fmtDecimals:
		// OTP checks the length before it drops trailing zeros.
		s = floatDecimals(f, digits)
		if len(s) > maxFloatChars {
			return "", false
		}
		if compact && digits > 0 {
			s = trimTrailingZeros(s)
		}
	default:
		s = FloatScientific(f, digits)
	}
	if len(s) > maxFloatChars {
		return "", false
	}
	return s, true
}
