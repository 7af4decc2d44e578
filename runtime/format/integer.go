package format

import (
	"strconv"
	"strings"

	"github.com/beamrc/beamrc/runtime/term"
)

// Integer formats integer t (small or big) in base 2..36 as
// integer_to_list/2 does: a leading '-' for negatives and upper-case
// letters for digits above 9. It panics on a base outside 2..36 or a
// non-integer; callers check both first.
func Integer(t term.Term, base int) string {
	if t.IsSmall() {
		return IntegerInt64(t.SmallValue(), base)
	}
	return strings.ToUpper(t.BigInt().Text(base))
}

// IntegerInt64 is Integer for a Go int64.
func IntegerInt64(v int64, base int) string {
	s := strconv.FormatInt(v, base)
	if base > 10 {
		s = strings.ToUpper(s)
	}
	return s
}
