package format

import (
	"fmt"
	"testing"

	"github.com/beamrc/beamrc/runtime/term"
)

// goResult computes a case's result the way runtime/format does.
func goResult(c oracleCase) (string, bool) {
	a := c.Args
	switch c.Kind {
	case "format":
		s, err := FormatString(a[0], a[1])
		return s, err == nil
	case "f2l":
		return FloatToString(a[0].FloatValue(), a[1])
	case "i2l":
		return Integer(a[0], int(a[1].SmallValue())), true
	case "write_atom":
		return AtomText(a[0], Unicode), true
	case "write_string":
		return QuoteString(listRunes(a[0])), true
	case "printable":
		return fmt.Sprint(PrintableLatin1List(a[0])), true
	case "printable_unicode":
		return fmt.Sprint(PrintableUnicodeList(a[0])), true
	case "char_list":
		return fmt.Sprint(CharList(a[0])), true
	}
	panic("unknown case kind " + c.Kind)
}

// checkCases compares every case and reports the first mismatches in
// full.
func checkCases(t *testing.T, cases []oracleCase) {
	t.Helper()
	failed, skipped := 0, 0
	for _, c := range cases {
		if !c.MapOrder {
			skipped++
			continue
		}
		got, ok := goResult(c)
		if ok == !c.Err && (c.Err || got == c.Result) {
			continue
		}
		failed++
		if failed <= 15 {
			want := c.Result
			if c.Err {
				want = "<error>"
			}
			if !ok {
				got = "<error>"
			}
			t.Errorf("%s %s\n want: %q\n  got: %q", c.Kind, argsText(c.Args), want, got)
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d cases differ from erl", failed, len(cases))
	}
	t.Logf("%d cases checked against erl", len(cases)-skipped)
	if skipped > 0 {
		t.Logf("%d cases skipped: a map iterates in another order than in OTP (runtime/term)", skipped)
	}
}

func argsText(as []term.Term) string {
	s := "["
	for i, a := range as {
		if i > 0 {
			s += ", "
		}
		s += Write(a)
	}
	return s + "]"
}
