package bif

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// Operands that cross every boundary of the arithmetic: zero, signs, the
// small-integer range (60 bits), int64, one and two limbs, floats (and
// floats too large for any integer), and non-numbers.
var erlArithOperands = []string{
	"0", "1", "-1", "7", "-7", "2", "-2", "3",
	"576460752303423487", "-576460752303423488", // MaxSmall, MinSmall
	"576460752303423488", "-576460752303423489",
	"9223372036854775807", "-9223372036854775808", "18446744073709551616",
	"-340282366920938463463374607431768211456", "(1 bsl 200) + 12345",
	"0.0", "-0.0", "1.5", "-2.5", "1.0e300", "-1.0e308", "2.0",
	"a", "[]", "{1}", "<<1>>",
}

func erlCalls(ops []string, operands []string) []string {
	var calls []string
	for _, op := range ops {
		for _, x := range operands {
			for _, y := range operands {
				calls = append(calls, fmt.Sprintf("erlang:'%s'(%s, %s)", op, x, y))
			}
		}
	}
	return calls
}

func erlUnaryCalls(ops []string, operands []string) []string {
	var calls []string
	for _, op := range ops {
		for _, x := range operands {
			calls = append(calls, fmt.Sprintf("erlang:'%s'(%s)", op, x))
		}
	}
	return calls
}

func TestErlangArithOracle(t *testing.T) {
	calls := erlCalls([]string{"+", "-", "*", "/", "div", "rem", "band", "bor", "bxor"}, erlArithOperands)
	calls = append(calls, erlUnaryCalls([]string{"-", "+", "bnot", "abs", "float", "trunc", "round", "ceil", "floor"},
		append(erlArithOperands, "2.5", "-2.5", "0.5", "-0.5", "1.0e20", "-1.0e20", "4503599627370495.5",
			"1.7976931348623157e308", "1.0e-300", "(1 bsl 1024)", "(1 bsl 1023) * 2 - 1"))...)
	calls = append(calls,
		"erlang:'*'(1.0e200, 1.0e200)", "erlang:'/'(1, 3)", "erlang:'/'(1.0e308, 0.1)",
		"erlang:'+'(1 bsl 1024, 0.0)", "erlang:'+'((1 bsl 1024) - 1, 0.0)", "erlang:'/'(1 bsl 1024, 2)",
		"erlang:'div'(-576460752303423488, -1)", "erlang:'rem'(-576460752303423488, -1)",
		"erlang:'div'(-9223372036854775808, -1)", "erlang:abs(-576460752303423488)",
		"erlang:'-'(-576460752303423488)", "erlang:'*'(-576460752303423488, -1)",
		"erlang:'*'(3037000499, 3037000499)", "erlang:'*'(3037000500, 3037000500)",
		"erlang:'*'(576460752303423487, 576460752303423487)", "erlang:'*'(-1, -576460752303423488)",
	)
	erlOracle(t, calls)
}

func TestErlangShiftOracle(t *testing.T) {
	values := []string{"0", "1", "-1", "5", "-5", "576460752303423487", "-576460752303423488",
		"(1 bsl 100) + 3", "-(1 bsl 100) - 3", "1.0", "a"}
	shifts := []string{"0", "1", "-1", "3", "-3", "59", "60", "63", "64", "-64", "65", "100", "-100",
		"200", "-200", "33554368", "-33554368", "1 bsl 64", "-(1 bsl 64)", "1.0", "a"}
	var calls []string
	for _, op := range []string{"bsl", "bsr"} {
		for _, x := range values {
			for _, y := range shifts {
				calls = append(calls, fmt.Sprintf("erlang:'%s'(%s, %s)", op, x, y))
			}
		}
	}
	erlOracle(t, calls)
}

func TestErlangCompareOracle(t *testing.T) {
	operands := []string{"1", "1.0", "-0.0", "0", "0.0", "2", "(1 bsl 70)", "1.0e30", "a", "b", "[]", "[1]",
		"[1.0]", "{1}", "{1.0}", "{1,2}", "#{1 => 1}", "#{1.0 => 1}", "<<1>>", "<<1:1>>", "\"abc\"",
		"make_ref", "true", "false"}
	calls := erlCalls([]string{"==", "/=", "=:=", "=/=", "<", ">", "=<", ">="}, operands)
	calls = append(calls, erlCalls([]string{"and", "or", "xor"}, []string{"true", "false", "1", "a"})...)
	calls = append(calls, erlUnaryCalls([]string{"not"}, []string{"true", "false", "1", "nil"})...)
	for _, f := range []string{"min", "max"} {
		for _, x := range operands[:12] {
			for _, y := range operands[:12] {
				calls = append(calls, fmt.Sprintf("erlang:%s(%s, %s)", f, x, y))
			}
		}
	}
	erlOracle(t, calls)
}

func TestErlangArithErrors(t *testing.T) {
	p := &emu.Process{Heap: heap.New()}
	add, ok := emu.LookupBIF(emu.MakeMFA("erlang", "+", 2))
	require.True(t, ok)
	assert.Equal(t, term.NonValue, add.Fn(p, []term.Term{term.Nil, term.MakeSmall(1)}))
	assert.Equal(t, term.Badarith, p.Exc.Reason)
	assert.True(t, add.Guard && add.Pure)

	abs, _ := emu.LookupBIF(emu.MakeMFA("erlang", "abs", 1))
	assert.Equal(t, term.NonValue, abs.Fn(p, []term.Term{term.Nil}))
	assert.Equal(t, term.Badarg, p.Exc.Reason)
}
