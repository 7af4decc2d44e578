%% The constructions both e_bs_errors (OTP 25 bytecode) and
%% e_bs_errors_r24 (OTP 24 bytecode) fail, and the nested calls of one.

id(X) -> X.

int(V, S) -> <<V:S>>.
int_second(V) -> <<1, V:8>>.
int_after_string(V) -> <<"abc", V:8>>.
int_after_chars(V) -> <<$a, "bc", $d, V:8>>.
int_unit(V, S) -> <<V:S/unit:64>>.
float(V, S) -> <<V:S/float>>.
float_unit(V, S) -> <<V:S/float-unit:8>>.
bin(V) -> <<V/binary>>.
bin_sized(V, S) -> <<V:S/binary>>.
bits(V) -> <<V/bits, 0:1>>.
bits_sized(V, S) -> <<V:S/bits>>.
utf8(V) -> <<V/utf8>>.
utf16(V) -> <<V/utf16-little>>.
utf32(V) -> <<V/utf32>>.
append(Acc, V) -> <<Acc/binary, V:8>>.
append_bits(Acc, V) -> <<Acc/bits, V/utf8>>.
value_then_size(V, S) -> <<V:8, 1:S>>.
value_then_value(A, B) -> <<A/utf8, B:8>>.
short_then_size(B, S) -> <<B:4/binary, 0:S>>.
float_then_size(F, S) -> <<F:24/float, 1:S>>.

cases() ->
    Big = 1 bsl 64,
    [{"integer type atom", fun() -> int(a, 8) end},
     {"integer type float", fun() -> int(1.5, 8) end},
     {"integer size negative", fun() -> int(1, -1) end},
     {"integer size atom", fun() -> int(1, all) end},
     {"integer size float", fun() -> int(1, 8.0) end},
     {"integer size bignum", fun() -> int(1, Big) end},
     {"integer size negative bignum", fun() -> int(1, -Big) end},
     {"integer size 2^59", fun() -> int(1, 1 bsl 59) end},
     {"integer size times unit 2^63", fun() -> int_unit(1, 1 bsl 57) end},
     {"integer size and type", fun() -> int(b, -8) end},
     {"integer zero size type", fun() -> int(a, 0) end},
     {"second segment", fun() -> int_second(a) end},
     {"after a string", fun() -> int_after_string(a) end},
     {"after characters", fun() -> int_after_chars(a) end},
     {"float type", fun() -> float(a, 64) end},
     {"float size 24", fun() -> float(1.0, 24) end},
     {"float size 3 unit 8", fun() -> float_unit(1.0, 3) end},
     {"float size and type", fun() -> float(a, 8) end},
     {"float size negative", fun() -> float(1.0, -1) end},
     {"float size bignum", fun() -> float(1.0, Big) end},
     {"float no_float", fun() -> float(1 bsl 1100, 64) end},
     {"float integer ok", fun() -> float(3, 32) end},
     {"binary type integer", fun() -> bin(1) end},
     {"binary type list", fun() -> bin([1, 2]) end},
     {"binary unit", fun() -> bin(<<1:3>>) end},
     {"binary sized type", fun() -> bin_sized(a, 2) end},
     {"binary short", fun() -> bin_sized(<<1, 2>>, 4) end},
     {"binary short bits", fun() -> bin_sized(<<1:3>>, 2) end},
     {"binary size negative", fun() -> bin_sized(<<1, 2>>, -1) end},
     {"binary size atom", fun() -> bin_sized(<<1, 2>>, a) end},
     {"binary size bignum", fun() -> bin_sized(<<1, 2>>, Big) end},
     {"bits type", fun() -> bits(a) end},
     {"bits short", fun() -> bits_sized(<<1:3>>, 4) end},
     {"bits ok", fun() -> bits_sized(<<1:3>>, 2) end},
     {"utf8 surrogate", fun() -> utf8(16#D800) end},
     {"utf8 negative", fun() -> utf8(-1) end},
     {"utf8 too large", fun() -> utf8(16#110000) end},
     {"utf8 bignum", fun() -> utf8(1 bsl 70) end},
     {"utf8 atom", fun() -> utf8(a) end},
     {"utf16 surrogate", fun() -> utf16(16#DFFF) end},
     {"utf16 float", fun() -> utf16(65.0) end},
     {"utf32 too large", fun() -> utf32(16#110000) end},
     {"utf32 ok", fun() -> utf32(16#10FFFF) end},
     {"append type atom", fun() -> append(a, 1) end},
     {"append type integer", fun() -> append(7, 1) end},
     {"append unit", fun() -> append(<<1:3>>, 1) end},
     {"append later segment", fun() -> append(<<1>>, b) end},
     {"append bits then utf8", fun() -> append_bits(<<1:3>>, -1) end},
     {"append bits ok", fun() -> append_bits(<<1:3>>, $a) end},
     {"value then size", fun() -> value_then_size(a, -1) end},
     {"value then value", fun() -> value_then_value(-1, a) end},
     {"short then size", fun() -> short_then_size(<<1>>, a) end},
     {"float size then size", fun() -> float_then_size(1.0, -1) end},
     {"float size then ok", fun() -> float_then_size(1.0, 8) end}].

level1(X) -> [level2(X)].
level2(X) -> {level3(X)}.
level3(X) -> <<"prefix", (id(X)):16/little, "suffix">>.
