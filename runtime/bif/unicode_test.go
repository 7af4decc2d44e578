package bif

import "testing"

func TestUnicodeOracle(t *testing.T) {
	libOracle(t, []string{
		`unicode:characters_to_binary("héllo")`, `unicode:characters_to_binary(<<"abc">>)`, `unicode:characters_to_binary(["a",<<"b">>,[[$c]|<<"d">>]])`,
		`unicode:characters_to_binary([1,2,-1,3])`, `unicode:characters_to_binary([[1,2,-1],3])`, `unicode:characters_to_binary([[1,[2,-1,4]],3,<<5>>])`,
		`unicode:characters_to_binary(["ab",<<255>>,"c"])`, `unicode:characters_to_binary([<<"ab",255,1>>,"c"])`, `unicode:characters_to_binary([<<"ab",226,130>>])`,
		`unicode:characters_to_binary([<<"ab",226,130>>,<<172>>])`, `unicode:characters_to_binary(<<"ab",226,130>>)`, `unicode:characters_to_binary([a])`,
		`unicode:characters_to_binary([1|2])`, `unicode:characters_to_binary([16#110000])`, `unicode:characters_to_binary([16#D800])`,
		`unicode:characters_to_binary([256],latin1)`, `unicode:characters_to_binary([256],unicode,latin1)`, `unicode:characters_to_binary([1,256,2],unicode,latin1)`,
		`unicode:characters_to_binary(<<1,2,3>>,utf16)`, `unicode:characters_to_list(<<0,1,216,0>>,utf16)`, `unicode:characters_to_list(<<0,1,216,0,0,1>>,utf16)`,
		`unicode:characters_to_list([1,-1])`, `unicode:characters_to_list(<<"ab",255>>)`, `unicode:characters_to_list(<<"ab",255>>,latin1)`,
		`unicode:characters_to_binary("é",latin1,utf16)`, `unicode:characters_to_binary("é😀",unicode,{utf32,little})`, `unicode:characters_to_binary("é😀",unicode,{utf16,little})`,
		`unicode:characters_to_binary(x)`, `unicode:characters_to_list(x)`, `unicode:characters_to_binary(<<1:7>>)`, `unicode:characters_to_binary("a",foo)`,
		`unicode:characters_to_binary([<<"ab">>|<<"cd">>])`, `unicode:characters_to_list([<<"ab">>|<<"cd">>])`, `unicode:characters_to_binary([$a|<<255>>])`,
		`unicode:characters_to_binary([<<"ab",226,130>>|<<172>>])`, `unicode:characters_to_list(<<"😀é"/utf8>>)`, `unicode:characters_to_binary(<<233>>,latin1)`,
		`unicode:characters_to_binary(<<237,160,128>>)`, `unicode:characters_to_binary(<<192,128>>)`, `unicode:characters_to_binary(<<240,159>>)`, `unicode:characters_to_binary(<<240,200>>)`,
		`unicode:characters_to_list(<<0,0,0,65,0,17,0,0>>,utf32)`, `unicode:characters_to_list(<<65,0,0>>,{utf32,little})`, `unicode:characters_to_binary([-1|x])`,
		`unicode:characters_to_binary([<<"a">>,[],[[]],"b"])`, `unicode:characters_to_list([])`, `unicode:characters_to_binary(<<>>)`,
		`unicode:bin_is_7bit(<<"abc">>)`, `unicode:bin_is_7bit(<<"é"/utf8>>)`,
	})
}
