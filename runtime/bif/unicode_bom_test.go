package bif

import "testing"

func TestUnicodeBom(t *testing.T) {
	libOracle(t, []string{
		"unicode:bom_to_encoding(<<0,0,254,255,1>>)", "unicode:bom_to_encoding(<<255,254,0,0>>)",
		"unicode:bom_to_encoding(<<255,254,0>>)", "unicode:bom_to_encoding(<<254,255>>)",
		"unicode:bom_to_encoding(<<239,187,191,$a>>)", "unicode:bom_to_encoding(<<239,187>>)",
		"unicode:bom_to_encoding(<<>>)", "unicode:bom_to_encoding(<<\"abc\">>)",
		"unicode:bom_to_encoding(x)", "unicode:bom_to_encoding(<<1:1>>)",
		"unicode:bom_to_encoding(<<255,254,0,0,1:1>>)", "unicode:bom_to_encoding([255,254])",
		"unicode:encoding_to_bom(utf8)", "unicode:encoding_to_bom(unicode)", "unicode:encoding_to_bom(latin1)",
		"unicode:encoding_to_bom(utf16)", "unicode:encoding_to_bom({utf16,big})", "unicode:encoding_to_bom({utf16,little})",
		"unicode:encoding_to_bom(utf32)", "unicode:encoding_to_bom({utf32,big})", "unicode:encoding_to_bom({utf32,little})",
		"unicode:encoding_to_bom({utf8,big})", "unicode:encoding_to_bom({utf16,middle})", "unicode:encoding_to_bom(x)",
		"unicode:encoding_to_bom({latin1,big})", "unicode:encoding_to_bom(\"utf8\")",
	})
}
