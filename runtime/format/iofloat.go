package format

import (
	"math"
	"strconv"
	"strings"
)

// The ~e, ~f and ~g directives of io_lib:format do their own decimal
// rounding on the 21 significant digits of float_to_list/1, rounding a
// trailing 5 up, so their output can differ from C's printf. This file
// follows io_lib_format's float_e, float_f and fwrite_g.

// floatData is io_lib_format:float_data/1: the digits of
// float_to_list(F) and the exponent plus one (the position of the point).
func floatData(f float64) (digits string, exp int) {
	s := FloatScientific(math.Abs(f), 20)
	mant, e, _ := strings.Cut(s, "e")
	n, _ := strconv.Atoi(e)
	return strings.Replace(mant, ".", "", 1), n + 1
}

// floatMan renders digits ds as intDigits digits, a point and decDigits
// decimals, rounding on the next digit; carry reports that the rounding
// overflowed the first digit (the result then starts with a 0 that the
// caller turns into "1" + ...).
func floatMan(ds string, intDigits, decDigits int) (string, bool) {
	out := make([]byte, 0, intDigits+1+decDigits)
	for i := 0; i < intDigits; i++ {
		if i < len(ds) {
			out = append(out, ds[i])
		} else {
			out = append(out, '0')
		}
	}
	out = append(out, '.')
	rest := ""
	if intDigits < len(ds) {
		rest = ds[intDigits:]
	}
	for i := 0; i < decDigits; i++ {
		if i < len(rest) {
			out = append(out, rest[i])
		} else {
			out = append(out, '0')
		}
	}
	// Round on the first digit not shown. Digits beyond the string count
	// as zeros; when the integer part already ran out of digits nothing
	// is rounded (float_man([], I, Dc) pads without looking further).
	if intDigits > len(ds) || decDigits >= len(rest) || rest[decDigits] < '5' {
		return string(out), false
	}
	for i := len(out) - 1; i >= 0; i-- {
		switch out[i] {
		case '.':
			continue
		case '9':
			out[i] = '0'
		default:
			out[i]++
			return string(out), false
		}
	}
	return string(out), true
}

func signPrefix(f float64) string {
	if math.Signbit(f) {
		return "-"
	}
	return ""
}

// floatE is float_e/3: one digit, the point, prec-1 decimals and the
// exponent as e+N or e-N.
func floatE(f float64, prec int) string {
	ds, e := floatData(f)
	s, carry := floatMan(ds, 1, prec-1)
	if carry {
		s = "1" + s[1:]
	} else {
		e--
	}
	return signPrefix(f) + s + floatExp(e)
}

func floatExp(e int) string {
	if e >= 0 {
		return "e+" + strconv.Itoa(e)
	}
	return "e" + strconv.Itoa(e)
}

// floatF is float_f/3: fixed notation with prec decimals.
func floatF(f float64, prec int) string {
	ds, e := floatData(f)
	if e <= 0 {
		ds = strings.Repeat("0", -e+1) + ds
		e = 1
	}
	s, carry := floatMan(ds, e, prec)
	if carry {
		s = "1" + s
	}
	return signPrefix(f) + s
}
