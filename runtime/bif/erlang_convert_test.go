package bif

import (
	"fmt"
	"strings"
	"testing"
)

func TestErlangAtomOracle(t *testing.T) {
	long := strings.Repeat("a", 255)
	calls := []string{
		"erlang:atom_to_list(hello)", "erlang:atom_to_list('')", "erlang:atom_to_list(\"x\")",
		"erlang:atom_to_list(list_to_atom([1000, 97, 255]))",
		"erlang:atom_to_binary(hello)", "erlang:atom_to_binary(list_to_atom([1000, 97]))",
		"erlang:atom_to_binary(list_to_atom([233]), latin1)", "erlang:atom_to_binary(list_to_atom([233]), utf8)",
		"erlang:atom_to_binary(list_to_atom([233]), unicode)", "erlang:atom_to_binary(list_to_atom([1000]), latin1)",
		"erlang:atom_to_binary(a, utf16)", "erlang:atom_to_binary(1, utf8)", "erlang:atom_to_binary(\"a\")",
		"erlang:list_to_atom(\"abc\")", "erlang:list_to_atom([])", "erlang:list_to_atom([1000, 233])",
		"erlang:list_to_atom([-1])", "erlang:list_to_atom([16#110000])", "erlang:list_to_atom([16#D800])",
		"erlang:list_to_atom([a])", "erlang:list_to_atom([97|98])", "erlang:list_to_atom(<<\"a\">>)",
		"erlang:list_to_atom(\"" + long + "\")", "erlang:list_to_atom(\"" + long + "b\")",
		"erlang:list_to_atom(lists:duplicate(255, 1000))", "erlang:list_to_atom(lists:duplicate(256, 1000))",
		"erlang:binary_to_atom(<<\"abc\">>)", "erlang:binary_to_atom(<<\"abc\">>, latin1)",
		"erlang:binary_to_atom(<<233>>, latin1)", "erlang:binary_to_atom(<<233>>, utf8)",
		"erlang:binary_to_atom(<<195, 169>>, utf8)", "erlang:binary_to_atom(<<195, 169>>, unicode)",
		"erlang:binary_to_atom(<<195, 169>>, latin1)", "erlang:binary_to_atom(<<1:3>>, utf8)",
		"erlang:binary_to_atom(<<\"a\">>, foo)", "erlang:binary_to_atom(\"a\", utf8)",
		"erlang:binary_to_atom(<<237, 160, 128>>, utf8)", "erlang:binary_to_atom(<<192, 128>>, utf8)",
		"erlang:binary_to_atom(list_to_binary(lists:duplicate(256, $a)), latin1)",
		"erlang:binary_to_atom(list_to_binary(lists:duplicate(256, 233)), latin1)",
		"erlang:binary_to_atom(list_to_binary(lists:duplicate(256, 255)), utf8)",
		"erlang:binary_to_atom(unicode:characters_to_binary(lists:duplicate(255, 1000)), utf8)",
		"erlang:binary_to_atom(unicode:characters_to_binary(lists:duplicate(256, 1000)), utf8)",
		"erlang:list_to_existing_atom(\"ok\")", "erlang:list_to_existing_atom(\"no_such_atom_xyzzy_1\")",
		"erlang:list_to_existing_atom([a])",
		"erlang:binary_to_existing_atom(<<\"ok\">>)", "erlang:binary_to_existing_atom(<<\"ok\">>, latin1)",
		"erlang:binary_to_existing_atom(<<\"no_such_atom_xyzzy_2\">>, utf8)",
		"erlang:binary_to_existing_atom(<<\"ok\">>, bad)",
		"erlang:binary_to_existing_atom(list_to_binary(lists:duplicate(256, $a)), utf8)",
	}
	erlOracle(t, calls)
}

func TestErlangIntegerTextOracle(t *testing.T) {
	var calls []string
	for _, n := range []string{"0", "-1", "255", "-255", "576460752303423487", "-576460752303423488",
		"(1 bsl 64) + 7", "-(1 bsl 130)", "1.0", "a"} {
		calls = append(calls, "erlang:integer_to_list("+n+")", "erlang:integer_to_binary("+n+")")
		for _, base := range []string{"2", "16", "36", "1", "37", "10.0"} {
			calls = append(calls, fmt.Sprintf("erlang:integer_to_list(%s, %s)", n, base),
				fmt.Sprintf("erlang:integer_to_binary(%s, %s)", n, base))
		}
	}
	texts := []string{"0", "-0", "+0", "123", "-123", "+123", "0012", "", "-", "+", "1_000", " 1", "1 ",
		"12a", "ff", "FF", "zz", "Zz", "1.0", "--1", "576460752303423488", "-576460752303423489",
		"99999999999999999999999999999999999999", "7fffffffffffffff", "8000000000000000",
		"-1000000000000000000000000000000", "0x10"}
	for _, s := range texts {
		q := fmt.Sprintf("%q", s)
		calls = append(calls, "erlang:list_to_integer("+q+")", "erlang:binary_to_integer(<<"+q+">>)")
		for _, base := range []string{"2", "16", "36", "37", "1"} {
			calls = append(calls, fmt.Sprintf("erlang:list_to_integer(%s, %s)", q, base),
				fmt.Sprintf("erlang:binary_to_integer(<<%s>>, %s)", q, base))
		}
	}
	calls = append(calls, "erlang:list_to_integer([$1|$2])", "erlang:list_to_integer([$1, 1000])",
		"erlang:list_to_integer(<<\"1\">>)", "erlang:binary_to_integer(\"1\")",
		"erlang:binary_to_integer(<<1:3>>)", "erlang:list_to_integer(a)", "erlang:list_to_integer([-1])")
	erlOracle(t, calls)
}

func TestErlangFloatTextOracle(t *testing.T) {
	var calls []string
	for _, s := range []string{"1.0", "-1.5E-3", "1.0e10", "+1.0", "01.50", "1", "1.", ".5", "1.0e",
		"1.0e+", "1e10", "1.0e400", "-1.0e400", "1.0e-400", "-1.0e-400", "1.0 ", " 1.0", "1.0x", "inf",
		"nan", "1.5e3.0", "0.0", "-0.0", "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308",
		"1.7976931348623159e308", "123456789012345678901234567890.5", "1,0", "1.0e1000000000000000000000",
		"1.0E-0", ""} {
		q := fmt.Sprintf("%q", s)
		calls = append(calls, "erlang:list_to_float("+q+")", "erlang:binary_to_float(<<"+q+">>)")
	}
	calls = append(calls, "erlang:list_to_float(1.0)", "erlang:binary_to_float(\"1.0\")",
		"erlang:list_to_float([$1, $., $0 | $0])")
	for _, f := range []string{"0.0", "-0.0", "1.0", "0.1", "-2.5", "1.0e300", "5.0e-324", "123456.789", "1", "a"} {
		calls = append(calls, "erlang:float_to_list("+f+")", "erlang:float_to_binary("+f+")")
		for _, opts := range []string{"[]", "[short]", "[{decimals, 3}]", "[{decimals, 3}, compact]",
			"[{scientific, 3}]", "[{decimals, 254}]", "[bad]", "short"} {
			calls = append(calls, fmt.Sprintf("erlang:float_to_list(%s, %s)", f, opts),
				fmt.Sprintf("erlang:float_to_binary(%s, %s)", f, opts))
		}
	}
	erlOracle(t, calls)
}

func TestErlangBinaryOracle(t *testing.T) {
	calls := []string{
		"erlang:list_to_binary([1, [2, <<3>>], [], <<>> | <<4>>])", "erlang:list_to_binary([])",
		"erlang:list_to_binary(<<1>>)", "erlang:list_to_binary([256])", "erlang:list_to_binary([-1])",
		"erlang:list_to_binary([1 | 2])", "erlang:list_to_binary([<<1:3>>])", "erlang:list_to_binary([a])",
		"erlang:list_to_binary([[[[[[1]]]]], 2])", "erlang:list_to_binary([1.0])",
		"erlang:iolist_to_binary(<<1, 2>>)", "erlang:iolist_to_binary([<<1>>, \"ab\"])",
		"erlang:iolist_to_binary(<<1:3>>)", "erlang:iolist_to_binary(a)", "erlang:iolist_to_binary(1)",
		"erlang:iolist_size([1, <<2, 3>>, [[4]] | <<5>>])", "erlang:iolist_size(<<1, 2>>)",
		"erlang:iolist_size(<<1:3>>)", "erlang:iolist_size([<<1:3>>])", "erlang:iolist_size([300])",
		"erlang:iolist_size(a)", "erlang:iolist_size([])",
		"erlang:list_to_bitstring([<<1:3>>, <<2:5>>, 7, [<<1:1>>] | <<3:2>>])",
		"erlang:list_to_bitstring([<<1:3>>, 255])", "erlang:list_to_bitstring(<<1:3>>)",
		"erlang:list_to_bitstring([1 | a])", "erlang:list_to_bitstring([])",
		"erlang:binary_to_list(<<1, 2, 3>>)", "erlang:binary_to_list(<<>>)", "erlang:binary_to_list(<<1:3>>)",
		"erlang:binary_to_list(\"a\")",
		"erlang:binary_to_list(<<1, 2, 3>>, 1, 3)", "erlang:binary_to_list(<<1, 2, 3>>, 2, 2)",
		"erlang:binary_to_list(<<1, 2, 3>>, 2, 1)", "erlang:binary_to_list(<<1, 2, 3>>, 0, 1)",
		"erlang:binary_to_list(<<1, 2, 3>>, 1, 4)", "erlang:binary_to_list(<<1, 2, 3:3>>, 1, 2)",
		"erlang:binary_to_list(<<>>, 1, 1)", "erlang:binary_to_list(<<1>>, a, 1)",
		"erlang:bitstring_to_list(<<1, 2, 3:3>>)", "erlang:bitstring_to_list(<<1, 2>>)",
		"erlang:bitstring_to_list(<<3:3>>)", "erlang:bitstring_to_list(<<>>)", "erlang:bitstring_to_list(a)",
		"erlang:binary_part(<<1, 2, 3>>, 0, 1)", "erlang:binary_part(<<1, 2, 3>>, 3, -2)",
		"erlang:binary_part(<<1, 2, 3>>, 3, 0)", "erlang:binary_part(<<1, 2, 3>>, 3, 1)",
		"erlang:binary_part(<<1, 2, 3>>, -1, 1)", "erlang:binary_part(<<1, 2, 3>>, 1, -2)",
		"erlang:binary_part(<<1, 2, 3:3>>, 2, 1)", "erlang:binary_part(<<1, 2, 3:3>>, 0, 2)",
		"erlang:binary_part(<<1, 2, 3>>, {1, 2})", "erlang:binary_part(<<1, 2, 3>>, {1, 2, 3})",
		"erlang:binary_part(<<1, 2, 3>>, [1, 2])", "erlang:binary_part(a, 0, 0)",
		"erlang:binary_part(<<1, 2, 3>>, 0, 1 bsl 70)", "erlang:binary_part(<<1, 2, 3>>, 1.0, 1)",
		"erlang:split_binary(<<1, 2, 3>>, 0)", "erlang:split_binary(<<1, 2, 3>>, 3)",
		"erlang:split_binary(<<1, 2, 3>>, 4)", "erlang:split_binary(<<1, 2, 3>>, -1)",
		"erlang:split_binary(<<1, 2, 3:3>>, 2)", "erlang:split_binary(<<1, 2, 3:3>>, 3)",
		"erlang:split_binary(a, 0)",
		"erlang:md5(<<>>)", "erlang:md5([\"abc\", <<\"def\">>])", "erlang:md5(a)",
		"erlang:crc32(<<>>)", "erlang:crc32(\"hello world\")", "erlang:crc32(5, [<<\"x\">>])",
		"erlang:crc32(erlang:crc32(\"hello \"), \"world\")", "erlang:crc32(-1, \"a\")", "erlang:crc32(1 bsl 32, \"a\")",
		"erlang:crc32(a)", "erlang:adler32(<<>>)", "erlang:adler32(\"hello world\")",
		"erlang:adler32(erlang:adler32(\"hello \"), \"world\")", "erlang:adler32(lists:duplicate(100000, 255))",
		"erlang:adler32(16#FFFFFFFF, \"abc\")", "erlang:adler32(1.0, \"a\")",
		"erlang:adler32(16#FFFFFFFF, <<>>)", "erlang:adler32(16#FFFFFFFF, [])", "erlang:adler32(16#FFF1FFF1, [[], [<<>>]])",
		"erlang:crc32_combine(1, 5, 0)", "erlang:crc32_combine(16#FFFFFFFF, 5, 1)", "erlang:crc32_combine(7, 9, 16#FFFFFFFF)",
		"erlang:crc32_combine(123456789, 987654321, 1000003)", "erlang:crc32_combine(0, 0, 1 bsl 32)",
		"erlang:crc32_combine(-1, 0, 0)", "erlang:crc32_combine(0, a, 0)",
		"erlang:adler32_combine(0, 16#FFFFFFFF, 0)", "erlang:adler32_combine(65535, 65535, 1)",
		"erlang:adler32_combine(65535, 16#FFFFFFFF, 1)", "erlang:adler32_combine(16#FFFFFFFF, 16#FFFFFFFF, 65521)",
		"erlang:adler32_combine(123456789, 987654321, 1000003)", "erlang:adler32_combine(0, 0, 16#FFFFFFFF)",
		"erlang:adler32_combine(0, 0, 1 bsl 32)", "erlang:adler32_combine(1.0, 0, 1)",
		"erlang:adler32(16#FFF1FFF1, [[] | <<>>])", "erlang:adler32(16#FFF0FFF0, [[[]]])", "erlang:crc32(16#FFFFFFFF, [<<>>])",
	}
	big := func(n int) string { return fmt.Sprintf("binary:copy(<<\"x\">>, %d)", n) }
	for _, l := range []string{"[<<\"a\">>, \"bc\"]", "<<>>", "[[], <<>>]", "a", "[<<1:3>>]", "[1 | 2]",
		"[" + big(1000) + ", \"a\", " + big(1000) + "]", "[" + big(255) + ", \"a\", " + big(257) + "]",
		"[" + big(256) + ", \"a\", " + big(256) + "]", "[" + big(200) + ", " + big(200) + "]",
		"[\"ab\", binary:part(" + big(300) + ", 1, 298), \"cd\"]", big(65), big(300),
		"[lists:duplicate(700, $a), " + big(1000) + "]"} {
		calls = append(calls, "erlang:iolist_to_iovec("+l+")")
	}
	erlOracle(t, calls)
}
