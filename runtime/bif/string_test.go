package bif

import "testing"

func TestStringOracle(t *testing.T) {
	libOracle(t, []string{
		`string:list_to_integer("12ab")`, `string:list_to_integer("-5")`, `string:list_to_integer("+5 ")`, `string:list_to_integer("-")`,
		`string:list_to_integer("abc")`, `string:list_to_integer(x)`, `string:list_to_integer("123456789012345678901234567890")`, `string:list_to_integer([])`,
		`string:list_to_integer("1é")`, `string:list_to_integer(<<"1">>)`,
		`string:list_to_float("1.5e3x")`, `string:list_to_float("1")`, `string:list_to_float("1.5e")`, `string:list_to_float("-0.5E-2")`, `string:list_to_float("1.")`,
		`string:list_to_float(".5")`, `string:list_to_float("1.0e999")`, `string:list_to_float(x)`, `string:list_to_float("2.5e+1rest")`,
	})
}
