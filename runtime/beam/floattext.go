package beam

import (
	"math"
	"strconv"
)

// ParseFloatText reads a float as erts does for list_to_float,
// binary_to_float and the text of FLOAT_EXT (OTP 25), in this syntax only:
//
//	[+-] digits ("." | ",") digits [ ("e"|"E") [+-] digits ]
//
// so "1", "1.", ".5" and " 1.5" are refused, as are values too large for
// a float. Values too small become zero. The comma is OTP's too: erts
// accepts either separator before handing the text to strtod.
func ParseFloatText(s string) (float64, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() bool {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > start
	}
	if !digits() || i >= len(s) || (s[i] != '.' && s[i] != ',') {
		return 0, false
	}
	dot := i
	i++
	if !digits() {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	// The syntax is checked, so ParseFloat can only report a range error:
	// overflow (refused) or underflow to zero (accepted).
	f, err := strconv.ParseFloat(s[:dot]+"."+s[dot+1:], 64)
	if math.IsInf(f, 0) || (err != nil && f != 0) {
		return 0, false
	}
	return f, true
}
