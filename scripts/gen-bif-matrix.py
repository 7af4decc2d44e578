#!/usr/bin/env python3
"""Writes testdata/programs/e_bif_matrix/e_bif_matrix.erl.

Every pure erlang BIF of one and two (and a few of three) arguments,
and the arithmetic operators, run over values at the edges of their
domains: small-integer and 64-bit limits, bignums, floats (-0.0,
1.0e308, subnormals), atoms, proper and improper lists, tuples,
binaries, bitstrings, maps and funs. Each call is caught as
{error, Reason} and printed with ~w, so erl's output pins down every
result and every error reason. Float arithmetic also runs in code where
the compiler knows the operands are floats (fadd, fsub, fmul, fdiv,
fnegate, fconv), where overflow to infinity is badarith.

Values that erl itself varies (pids, refs, the hash of a fun) are not
printed. Bignum and float constants never appear as guard-comparison
operands (native code refuses them); they reach the BIFs as values.
Usage: python3 scripts/gen-bif-matrix.py (then scripts/build-testdata.sh e_bif_matrix)
"""
import os

# Value sets, each an Erlang list expression: vs(Name) returns it.
SETS = {
    "all": "[0, 1, -1, 255, 256, 576460752303423487, 576460752303423488, -576460752303423488,"
           " -576460752303423489, 1 bsl 64, -(1 bsl 70), 1.0, 0.0, -0.0, 2.5, -2.5, 1.0e308, a, '',"
           " 'hello world', [], \"abc\", [1 | 2], {}, {a, 1}, <<>>, <<\"abc\">>, <<1:3>>, <<200, 1:4>>, #{},"
           " #{a => 1}, fun erlang:abs/1, fun(Z) -> Z end, [$a, <<\"b\">>, [$c | <<\"d\">>]]]",
    "ints": "[0, 1, -1, 2, 7, -7, 255, 576460752303423487, 576460752303423488, -576460752303423488,"
            " -576460752303423489, 4611686018427387904, 9223372036854775807, 9223372036854775808,"
            " -9223372036854775808, -9223372036854775809, 18446744073709551616, 1 bsl 100, -(1 bsl 100)]",
    "arith": "[0, 1, -1, 7, -7, 3037000500, 576460752303423487, 576460752303423488, -576460752303423488,"
             " -576460752303423489, 9223372036854775807, 9223372036854775808, -9223372036854775808,"
             " 1 bsl 100, -(1 bsl 100), 0.0, -0.0, 1.0, 2.5, -2.5, 1.0e308, a]",
    "shiftx": "[0, 1, -1, 7, -7, 576460752303423487, -576460752303423488, 1 bsl 100, -(1 bsl 100), 1.0, a]",
    "shifty": "[0, 1, 3, 59, 60, 63, 64, 65, 200, -1, -3, -59, -60, -64, -200, 1 bsl 70, -(1 bsl 70), 1.0, a]",
    "floats": "[0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 0.005, 3.0, 1.0e15, 1.0e16, 123456789.125,"
              " 4503599627370496.0, 9007199254740993.0, 9.223372036854776e18, 1.0e20, -1.0e20, 1.0e308,"
              " -1.0e308, 1.7976931348623157e308, 2.2250738585072014e-308, 5.0e-324, 0.49999999999999994, -0.5,"
              " -1.5, 4503599627370497.0, -4503599627370497.0]",
    # Integers and floats where a conversion between them rounds or
    # overflows: comparisons must be exact.
    "prec": "[9007199254740992, 9007199254740993, 9007199254740992.0, 9007199254740994.0, 576460752303423487,"
            " 576460752303423488, 576460752303423488.0, 9223372036854775807, 9223372036854775808,"
            " 9223372036854775808.0, (1 bsl 1024) - (1 bsl 971), 1.7976931348623157e308, 1 bsl 1024, -(1 bsl 1024),"
            " -1.7976931348623157e308, 0.0, -0.0, 0]",
    # Products and sums that cross the small-integer limits (2^59).
    "mulb": "[2, -2, 3, -3, 536870912, 1073741824, -1073741824, 2147483648, -2147483648, 4294967296,"
            " 192153584101141163, -192153584101141163, 288230376151711744, -288230376151711744,"
            " 576460752303423487, -576460752303423488]",
    "huge": "[1 bsl 1023, (1 bsl 1024) - 1, 1 bsl 1024, -(1 bsl 1024), 1.0e308, -1.0e308, 0.5, 3]",
    "ffew": "[0.0, -0.0, 1.0, -1.0, 0.1, 2.5, 3.0, 1.0e300, 1.0e308, -1.0e308, 2.2250738585072014e-308, 5.0e-324]",
    "fnum": "[0, 1, -1, 576460752303423488, 1 bsl 1023, 1 bsl 1100, -(1 bsl 1100), a]",
    "bases": "[2, 8, 10, 16, 36, 1, 37, 0, -16, 1 bsl 64, 16.0, a]",
    "istr": "[\"0\", \"-0\", \"+12\", \"-12\", \"12a\", \"\", \"-\", \"+\", \" 1\", \"1 \", \"1.0\", \"007\","
            " \"576460752303423487\", \"576460752303423488\", \"-576460752303423489\","
            " \"99999999999999999999999999\", \"-zzzzzzzzzzzzzzzzzzzzzzzz\", \"1000000000000000000000000000000000000000000000000000000000000000000\", \"ff\", \"FF\", \"zZ\", \"-Zz\", \"1010\", [$1 | $2], [256], a, 12]",
    "bistr": "[<<\"0\">>, <<\"-0\">>, <<\"+12\">>, <<\"12a\">>, <<>>, <<\"-\">>, <<\"1.0\">>,"
             " <<\"576460752303423488\">>, <<\"-99999999999999999999999\">>, <<\"ff\">>, <<\"zZ\">>,"
             " <<\"1010\">>, <<\"1\", 1:1>>, \"12\", a]",
    "sbases": "[2, 16, 36, 1, 37, 10.0]",
    "fstr": "[\"1.0\", \"1\", \"-0.0\", \"+1.0\", \"1.0e10\", \"1.0E10\", \"1e10\", \"1.0e309\", \"1.0e-400\","
            " \".5\", \"1.\", \"1.5e\", \"0.1\", \"2.5e-3\", \" 1.0\", \"1.0 \", \"1.0e+2\", \"1.0e-2\", \"1_0.0\","
            " \"inf\", \"NaN\", [$1, $., $0 | a], a]",
    "bfstr": "[<<\"1.0\">>, <<\"1\">>, <<\"-0.0\">>, <<\"1.0e10\">>, <<\"1.0e309\">>, <<\".5\">>, <<\"1.5e\">>,"
             " <<\"1.0\", 1:1>>, \"1.0\", a]",
    "fopts": "[[], [short], [{decimals, 0}], [{decimals, 2}], [{decimals, 3}, compact], [{decimals, 20}],"
             " [{decimals, 253}, compact], [{scientific, 0}], [{scientific, 3}], [{scientific, 20}],"
             " [{decimals, 2}, {scientific, 2}], [{scientific, 2}, {decimals, 2}], [{decimals, 254}],"
             " [{decimals, -1}], [{scientific, 250}], [compact], [foo], [short | x], a]",
    "fconv": "[0.0, -0.0, 1.0, 0.5, 2.5, -2.5, 0.005, 0.125, 1.0e15, 123456789.125, 1.0e-10, 1.0e308,"
             " 5.0e-324, 1, a]",
    "atoms": "[a, '', 'hello world', 'Ab', '\\n', true, 'caf\\x{e9}', '\\x{3bb}\\x{3b1}', 1, \"a\", <<\"a\">>]",
    "encs": "[latin1, utf8, unicode, utf16, a, 1]",
    "alists": "[\"a\", \"\", \"hello world\", [233], [955], [1114111], [1114112], [-1], [$a | $b], [$a, <<\"b\">>],"
              " lists:duplicate(255, $x), lists:duplicate(256, $x), <<\"a\">>, a]",
    "abins": "[<<\"a\">>, <<>>, <<233>>, <<195, 169>>, <<206, 187>>, <<255>>, <<97, 1:1>>, \"a\", a]",
    "iolists": "[[], [1, 2], [<<1>>, [2, <<3, 4>>], 5], [1 | <<2>>], <<1, 2>>, [255], [256], [-1], [a],"
               " [1 | 2], [<<1:3>>], [<<1:3>>, <<1:5>>], <<1:3>>, [[[[]]]], [1.0], {1}, a, 1]",
    "lists": "[[], [1], [1, 2, 3], \"abc\", [1 | 2], [[]], [a, {b}, <<\"c\">>], a, {1, 2}, <<1>>, 1]",
    "lists2": "[[], [1], [1, 2, 1], [2, 1], [a, 1.0, 1], [1 | 2], a, 1]",
    "tuples": "[{}, {a}, {a, b, c}, {1, {2}}, [a, b], [], a, 1, <<1>>, #{}]",
    "idx": "[0, 1, 2, 3, 4, -1, 576460752303423488, 1 bsl 64, 1.0, a]",
    "small": "[0, 1, 2, 3, -1, 16777216, 576460752303423488, 1.0, a]",
    "bins": "[<<>>, <<1>>, <<1, 2, 3, 4>>, <<\"hello world\">>, <<1:3>>, <<1, 2, 3:2>>, [1, 2], a, 1]",
    "pos": "[0, 1, 2, 4, 5, -1, 576460752303423488, 1.0, a]",
    "parts": "[{0, 0}, {0, 1}, {1, 2}, {4, 0}, {4, -2}, {2, -2}, {2, -3}, {0, 5}, {5, 0}, {-1, 1},"
             " {0, 576460752303423488}, {1.0, 1}, {1, 2, 3}, a]",
    "terms": "[0, 1, -1, 255, 256, 2147483647, 2147483648, -2147483648, -2147483649, 576460752303423488,"
             " 1 bsl 64, -(1 bsl 64), 1 bsl 2040, 1 bsl 2048, 0.0, -0.0, 1.0, 1.0e308, 5.0e-324, a, '',"
             " 'caf\\x{e9}', '\\x{3bb}', [], \"abc\", [1 | 2], [1, [2, 3], {4}], lists:seq(1, 300), {},"
             " {a, 1}, list_to_tuple(lists:seq(1, 256)), <<>>, <<1, 2, 3>>, <<1:3>>, <<1, 2:7>>,"
             " binary:copy(<<7>>, 100), #{}, #{a => 1, b => [2]}, maps:from_list([{I, I} || I <- lists:seq(1, 40)]),"
             " fun erlang:abs/1, fun lists:map/2]",
    "t2bopts": "[[], [compressed], [{compressed, 9}], [{minor_version, 0}], [{minor_version, 1}],"
               " [{minor_version, 2}], [deterministic], [{minor_version, 3}], [foo], a]",
    "b2t": "[<<131, 97, 1>>, <<131, 97>>, <<130, 97, 1>>, <<131, 100, 0, 1, 97>>, <<131, 119, 1, 97>>,"
           " <<131, 118, 0, 2, 195, 169>>, <<131, 119, 1, 255>>, <<131, 107, 0, 2, 1, 2>>, <<131, 108, 0, 0, 0, 1, 97, 1, 106>>,"
           " <<131, 110, 1, 0, 5>>, <<131, 110, 2, 1, 0, 1>>, <<131, 110, 0, 0>>, <<131, 70, 63, 240, 0, 0, 0, 0, 0, 0>>,"
           " <<131, 70, 127, 240, 0, 0, 0, 0, 0, 0>>, <<131, 104, 2, 97, 1>>, <<131, 116, 0, 0, 0, 1, 97, 1, 97, 2>>,"
           " <<131, 116, 0, 0, 0, 2, 97, 1, 97, 2, 97, 1, 97, 3>>, <<131, 77, 0, 0, 0, 1, 3, 160>>,"
           " <<131, 97, 1, 0>>, <<>>, <<131>>, <<1:3>>, a, <<131, 110, 1, 1, 0>>, <<131, 110, 0, 1>>,"
           " <<131, 110, 8, 0, 255, 255, 255, 255, 255, 255, 255, 255>>, <<131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 128>>,"
           " <<131, 113, 100, 0, 1, 97, 100, 0, 1, 98, 97, 1>>, <<131, 113, 97, 1, 100, 0, 1, 98, 97, 1>>,"
           " <<131, 77, 0, 0, 0, 0, 0>>, <<131, 77, 0, 0, 0, 1, 0, 255>>, <<131, 77, 0, 0, 0, 1, 3, 255>>,"
           " <<131, 109, 0, 0, 0, 1>>, <<131, 107, 0, 0>>, <<131, 108, 0, 0, 0, 0, 97, 1>>,"
           " <<131, 100, 1, 0, (binary:copy(<<\"a\">>, 256))/binary>>, <<131, 100, 0, 255, (binary:copy(<<\"a\">>, 255))/binary>>,"
           " <<131, 104, 0>>, <<131, 105, 0, 0, 0, 0>>, <<131, 98, 128, 0, 0, 0>>, <<131, 99, \"1.5\", 0:224>>,"
           " <<131, 99, \"abc\", 0:224>>, <<131, 99, \"  1.5\", 0:208>>, <<131, 99, \"1.5e400\", 0:192>>,"
           " <<131, 118, 0, 0>>, <<131, 119, 2, 206, 187>>, <<131, 70, 0, 0, 0, 0, 0, 0, 0, 1>>,"
           " <<131, 70, 128, 0, 0, 0, 0, 0, 0, 0>>, <<131, 119, 5, \"zzqqx\">>, <<131, 116, 0, 0, 0, 0>>,"
           " <<131, 108, 0, 0, 0, 2, 97, 1, 97, 2, 106, 0>>, <<131, 113, 119, 5, \"lists\", 119, 3, \"map\", 97, 2>>,"
           " <<131, 113, 119, 6, \"erlang\", 119, 3, \"abs\", 97, 2>>, <<131, 113, 119, 6, \"erlang\", 119, 3, \"abs\", 97, 1>>,"
           " <<131, 113, 119, 12, \"e_bif_matrix\", 119, 4, \"main\", 97, 0>>,"
           " <<131, 113, 119, 12, \"e_bif_matrix\", 119, 2, \"vs\", 97, 1>>]",
    "b2topts": "[[], [safe], [used], [safe, used], [foo], a]",
    "mapsv": "[#{}, #{a => 1}, #{1 => x, 1.0 => y}, [], a]",
    "keys": "[a, b, 1, 1.0, -0.0, [], {a}]",
    "funs": "[fun erlang:abs/1, fun lists:map/2, fun(Z) -> Z end, fun() -> ok end, a, {fun erlang:abs/1}]",
    "arities": "[0, 1, 2, 3, 255, 256, -1, 1 bsl 64, 1.0, a]",
    "bools": "[true, false, 1, a, []]",
    "range": "[1, 2, 7, 256, 4294967295, 4294967296, 1 bsl 64, 0, -1, 1.0, a]",
    "csum": "[<<>>, [], [[], <<>>], <<\"abc\">>, [<<\"a\">>, $b, [$c]], binary:copy(<<\"xyz\">>, 2000), <<1:3>>, [256], a]",
    "longl": "[lists:seq(1, 1000), lists:seq(1, 1000) ++ a, lists:duplicate(70000, $x),"
             " [lists:duplicate(300, <<\"ab\">>) | <<\"c\">>]]",
    "units": "[second, millisecond, nanosecond, perf_counter, 1000, 3, 0, a]",
    "tvals": "[0, 1, -1, 999, -1001, 576460752303423487, -(1 bsl 70), a]",
    "mfas": "[{erlang, abs, 1}, {lists, map, 2}, {no_such_module, f, 0}, {erlang, abs, 256}, {erlang, abs, -1},"
            " {erlang, \"abs\", 1}, {1, abs, 1}, {erlang, abs, 1.0}]",
    "finfo": "[arity, module, name, type, env, foo, 1]",
    "rnames": "[a, b, foo]",
    "one": "[x]",
    "inits": "[[], [{1, x}], [{2, y}, {1, x}, {2, z}], [{0, x}], [{4, x}], [{1.0, x}], [a], [{1, x} | a], a]",
    # Maps order by size, then keys (integers before floats), then values.
    "morder": "[#{1 => a}, #{1.0 => a}, #{a => 1}, #{b => 0}, #{1 => a, 2 => b}, #{1 => b}, #{2 => a}, #{-0.0 => a},"
              " #{0.0 => a}, #{0 => a}, maps:from_list([{I, I} || I <- lists:seq(1, 40)]),"
              " maps:from_list([{I, I} || I <- lists:seq(2, 41)]), maps:from_list([{float(I), I} || I <- lists:seq(1, 40)]),"
              " [1], [1.0], {1}, {1.0}, {1, 2.0}, {1.0, 2}]",
    # Terms that compress: the bytes are zlib's, level by level.
    "hmaps": "[maps:from_list([{I, I} || I <- lists:seq(1, 40)]), binary:copy(<<\"ab\">>, 100)]",
    "bigterms": "[lists:seq(1, 10000), binary:copy(<<\"abcdefgh\">>, 20000), [{I, integer_to_list(I)} || I <- lists:seq(1, 3000)],"
                " list_to_binary([integer_to_list(I * I) || I <- lists:seq(1, 20000)])]",
    "levels": "[[compressed], [{compressed, 1}], [{compressed, 2}], [{compressed, 3}], [{compressed, 4}],"
              " [{compressed, 5}], [{compressed, 7}], [{compressed, 8}], [{compressed, 9}]]",
    # Sub-binaries at bit offsets (u/3 cuts Len bits at bit Off).
    "ubins": "[u(3, 32, <<1, 2, 3, 4, 5>>), u(8, 24, <<1, 2, 3, 4, 5>>), u(5, 16, <<255, 0, 255, 0>>), u(1, 0, <<1>>),"
             " u(7, 29, <<200, 100, 50, 25, 12, 6, 3, 1, 0>>), u(4, 24, <<3, 19, 35, 48>>), u(2, 13, <<255, 255, 255>>),"
             " u(6, 64, <<\"0123456789\">>)]",
    "crcsz": "[0, 1, 3, 4294967295, 576460752303423488, -1, a]",
    "crcs": "[0, 1, 4294967295, 4294967296, -1, a]",
    "hterms": "[0, 1, -1, 576460752303423488, 1 bsl 64, -(1 bsl 64), 1.0, 0.0, -0.0, 2.5, a, '', 'caf\\x{e9}', [],"
              " \"abc\", [1 | 2], {}, {a, 1}, <<>>, <<1, 2, 3>>, <<1:3>>, <<1, 2:7>>, #{}, #{a => 1, b => [2]},"
              " maps:from_list([{I, I} || I <- lists:seq(1, 40)])]",
    "hsmall": "[0, 576460752303423488, -(1 bsl 64), 1.0, -0.0, 0.1, -2.5, 123456789.125, 1.0e308, 5.0e-324, a, 'caf\\x{e9}', [], \"abc\", [1 | 2], {a, 1},"
              " <<1, 2, 3>>, <<1, 2:7>>, #{}, #{a => 1, b => [2]}, lists:seq(1, 10)]",
}

# One-argument BIFs: (expression over X, value set).
ONE = [
    ("abs(X)", "all"), ("float(X)", "all"), ("trunc(X)", "all"), ("round(X)", "all"),
    ("ceil(X)", "all"), ("floor(X)", "all"), ("-X", "all"), ("+X", "all"), ("bnot X", "all"),
    ("not X", "bools"), ("hd(X)", "all"), ("tl(X)", "all"), ("length(X)", "all"), ("size(X)", "all"),
    ("tuple_size(X)", "all"), ("byte_size(X)", "all"), ("bit_size(X)", "all"), ("map_size(X)", "all"),
    ("trunc(X)", "floats"), ("round(X)", "floats"), ("ceil(X)", "floats"), ("floor(X)", "floats"),
    ("sh(float(X))", "huge"), ("sh(trunc(X))", "huge"), ("float(X)", "prec"), ("float(X)", "ints"), ("abs(X)", "ints"), ("-X", "ints"), ("bnot X", "ints"),
    ("integer_to_list(X)", "ints"), ("integer_to_binary(X)", "ints"), ("integer_to_list(X)", "all"),
    ("list_to_integer(X)", "istr"), ("binary_to_integer(X)", "bistr"),
    ("list_to_float(X)", "fstr"), ("binary_to_float(X)", "bfstr"),
    ("float_to_list(X)", "floats"), ("float_to_binary(X)", "fconv"),
    ("atom_to_list(X)", "atoms"), ("atom_to_binary(X)", "atoms"), ("list_to_atom(X)", "alists"),
    ("list_to_existing_atom(X)", "alists"), ("binary_to_atom(X)", "abins"),
    ("binary_to_existing_atom(X)", "abins"),
    ("binary_to_list(X)", "bins"), ("bitstring_to_list(X)", "bins"), ("list_to_binary(X)", "iolists"),
    ("list_to_bitstring(X)", "iolists"), ("iolist_size(X)", "iolists"), ("iolist_to_binary(X)", "iolists"),
    ("erlang:iolist_to_iovec(X)", "iolists"),
    ("list_to_tuple(X)", "lists"), ("tuple_to_list(X)", "tuples"), ("length(X)", "lists"),
    ("term_to_binary(X)", "terms"), ("binary_to_term(term_to_binary(X)) =:= X", "terms"),
    ("binary_to_term(term_to_binary(X, [compressed])) =:= X", "terms"),
    ("erlang:external_size(X)", "terms"), ("binary_to_term(X)", "b2t"),
    ("length(X)", "longl"), ("iolist_size(X)", "longl"), ("erlang:adler32(X)", "longl"),
    ("erlang:crc32(X)", "longl"),
    ("erlang:phash2(X)", "hterms"), ("erlang:md5(X)", "csum"),
    ("erlang:crc32(X)", "csum"), ("erlang:adler32(X)", "csum"),
    ("is_function(X)", "funs"), ("erlang:fun_info(X, arity)", "funs"),
    ("erlang:fun_to_list(X)", "funs"),
]

# One-argument BIFs over sub-binaries at bit offsets.
UNALIGNED = ["byte_size(X)", "bit_size(X)", "size(X)", "binary_to_list(X)", "bitstring_to_list(X)",
             "list_to_binary([X])", "list_to_bitstring([X, X])", "iolist_to_binary([X, X])", "iolist_size([X])",
             "term_to_binary(X)", "binary_to_term(term_to_binary(X)) =:= X", "erlang:phash2(X)", "erlang:crc32(X)",
             "erlang:adler32(X)", "erlang:md5(X)", "split_binary(X, 1)", "binary_part(X, {1, 2})",
             "binary_part(X, byte_size(X), -1)", "binary_to_list(X, 1, 2)", "binary_to_integer(X)",
             "binary_to_atom(X, latin1)", "binary_to_float(X)", "<<X/bitstring, X/bitstring>>",
             "erlang:iolist_to_iovec([X])", "X =:= iolist_to_binary([X])", "erlang:external_size(X)"]

# Two-argument BIFs: (expression over X and Y, set of X, set of Y).
TWO = [
    ("X + Y", "arith", "arith"), ("X - Y", "arith", "arith"), ("X * Y", "arith", "arith"),
    ("X / Y", "arith", "arith"), ("X div Y", "arith", "arith"), ("X rem Y", "arith", "arith"),
    ("X band Y", "arith", "arith"), ("X bor Y", "arith", "arith"), ("X bxor Y", "arith", "arith"),
    ("X bsl Y", "shiftx", "shifty"), ("X bsr Y", "shiftx", "shifty"),
    ("min(X, Y)", "arith", "arith"), ("max(X, Y)", "arith", "arith"),
    ("{min(X, Y), max(X, Y)}", "all", "all"),
    ("erlang:'and'(X, Y)", "bools", "bools"), ("erlang:'or'(X, Y)", "bools", "bools"),
    ("erlang:'xor'(X, Y)", "bools", "bools"),
    ("element(X, Y)", "idx", "tuples"), ("erlang:append_element(X, Y)", "tuples", "bools"),
    ("erlang:delete_element(X, Y)", "idx", "tuples"), ("erlang:make_tuple(X, Y)", "small", "bools"),
    ("X ++ Y", "lists", "lists"), ("X -- Y", "lists2", "lists2"),
    ("integer_to_list(X, Y)", "ints", "bases"), ("integer_to_binary(X, Y)", "ints", "bases"),
    ("list_to_integer(X, Y)", "istr", "sbases"), ("binary_to_integer(X, Y)", "bistr", "sbases"),
    ("float_to_list(X, Y)", "fconv", "fopts"), ("float_to_binary(X, Y)", "fconv", "fopts"),
    ("atom_to_binary(X, Y)", "atoms", "encs"), ("binary_to_atom(X, Y)", "abins", "encs"),
    ("binary_part(X, Y)", "bins", "parts"), ("split_binary(X, Y)", "bins", "pos"),
    ("term_to_binary(X, Y)", "hsmall", "t2bopts"), ("term_to_binary(X, Y)", "hmaps", "t2bopts"),
    ("erlang:md5(term_to_binary(X, Y))", "bigterms", "levels"),
    ("binary_to_term(term_to_binary(X, Y)) =:= X", "terms", "t2bopts"),
    ("binary_to_term(X, Y)", "b2t", "b2topts"), ("erlang:external_size(X, Y)", "hterms", "t2bopts"),
    ("erlang:phash2(X, Y)", "hterms", "range"), ("erlang:phash(X, Y)", "hterms", "range"),
    ("{X < Y, X == Y, X =:= Y}", "prec", "prec"), ("{X < Y, X == Y}", "ubins", "ubins"), ("{X < Y, X == Y, X =:= Y}", "morder", "morder"), ("{min(X, Y), max(X, Y)}", "prec", "prec"),
    ("X * Y", "mulb", "mulb"), ("X + Y", "mulb", "mulb"), ("X - Y", "mulb", "mulb"),
    ("X div Y", "mulb", "mulb"), ("X rem Y", "mulb", "mulb"),
    ("sh(X + Y)", "huge", "huge"), ("sh(X - Y)", "huge", "huge"), ("sh(X * Y)", "huge", "huge"),
    ("sh(X / Y)", "huge", "huge"), ("{X < Y, X == Y}", "huge", "huge"),
    ("erlang:crc32(X, Y)", "crcs", "csum"), ("erlang:adler32(X, Y)", "crcs", "csum"),
    ("is_function(X, Y)", "funs", "arities"), ("erlang:fun_info(X, Y)", "funs", "finfo"), ("is_map_key(X, Y)", "keys", "mapsv"),
    ("map_get(X, Y)", "keys", "mapsv"), ("is_record(X, Y)", "tuples", "bools"),
]

# Three-argument BIFs: (expression, sets of X, Y, Z).
THREE = [
    ("setelement(X, Y, Z)", "idx", "tuples", "bools"),
    ("erlang:insert_element(X, Y, Z)", "idx", "tuples", "bools"),
    ("erlang:make_tuple(X, Y, Z)", "small", "bools", "inits"),
    ("binary_part(X, Y, Z)", "bins", "pos", "idx"),
    ("binary_to_list(X, Y, Z)", "bins", "pos", "pos"),
    ("erlang:convert_time_unit(X, Y, Z)", "tvals", "units", "units"),
    ("is_record(X, Y, Z)", "tuples", "rnames", "idx"),
    ("erlang:crc32_combine(X, Y, Z)", "crcs", "crcs", "crcsz"),
    ("erlang:adler32_combine(X, Y, Z)", "crcs", "crcs", "crcsz"),
    ("erlang:crc32_combine(erlang:crc32(X), erlang:crc32(Y), iolist_size(Y)) =:= erlang:crc32([X, Y])",
     "csum", "csum", "one"),
    ("erlang:adler32_combine(erlang:adler32(X), erlang:adler32(Y), iolist_size(Y)) =:= erlang:adler32([X, Y])",
     "csum", "csum", "one"),
]

# External funs made from their parts, and what fun_info says of them.
MFA = [
    ("case X of {M, F, A} -> erlang:make_fun(M, F, A) end", "mfas"),
    ("case X of {M, F, A} -> erlang:fun_info(erlang:make_fun(M, F, A)) end", "mfas"),
    ("case X of {M, F, A} -> erlang:make_fun(M, F, A) =:= erlang:make_fun(M, F, A) end", "mfas"),
]


# Expressions of no argument: long lists and big numbers.
ZERO = [
    "lists:seq(1, 1000) -- lists:seq(1, 999, 2)", "lists:seq(1, 300) -- lists:seq(300, 1, -1)",
    "[a, b, a, c, a] -- [a, a]", "[1, 1.0, 1] -- [1.0]", "length(lists:seq(1, 100000) -- lists:seq(2, 100000))",
    "lists:duplicate(3, x) ++ [y | z]", "iolist_size(lists:duplicate(100000, <<\"ab\">>))",
    "byte_size(list_to_binary(lists:duplicate(10000, \"abc\")))", "erlang:phash2(lists:seq(1, 1000))",
    "erlang:phash2(list_to_tuple(lists:seq(1, 1000)))", "erlang:phash2(binary:copy(<<1, 2, 3>>, 1000))",
    "erlang:phash2(1 bsl 5000)", "erlang:phash2(maps:from_list([{I, I * I} || I <- lists:seq(1, 100)]))",
    "erlang:phash2(#{a => 1}, 1)", "erlang:crc32(binary:copy(<<\"abc\">>, 10000))",
    "erlang:md5(binary:copy(<<\"abc\">>, 10000))", "byte_size(term_to_binary(lists:seq(1, 10000)))",
    "binary_to_term(term_to_binary(lists:seq(1, 10000), [compressed])) =:= lists:seq(1, 10000)",
    "(1 bsl 1000) div 3", "(1 bsl 1000) rem 12345678901234567890", "integer_to_list(1 bsl 1000, 36)",
    "list_to_integer(lists:duplicate(500, $9))", "-(1 bsl 64) div 7", "-(1 bsl 64) rem 7",
    "(1 bsl 200) band -(1 bsl 100)", "bnot (1 bsl 200)", "-(1 bsl 200) bsr 199", "-(1 bsl 200) bsr 1000",
    "(1 bsl 64) bsl -65", "1 bsl 5000 > 1.0e308", "float(1 bsl 1023)", "float((1 bsl 1024) - 1)",
    "float((1 bsl 1024) - (1 bsl 970))", "float((1 bsl 1024) - (1 bsl 970) - 1)", "float(9007199254740993)",
    "float(9007199254740995)", "float(-9007199254740993)", "9007199254740993 + 0.0", "9007199254740993 * 1.0",
    "(1 bsl 64) + 0.5", "list_to_float(\"9007199254740993.0\")", "float_to_list(9007199254740993.0)",
    "length(atom_to_list(list_to_atom(lists:duplicate(255, 955))))",
    "byte_size(atom_to_binary(list_to_atom(lists:duplicate(255, 955))))",
    "list_to_atom(lists:duplicate(256, 955))", "binary_to_atom(binary:copy(<<206, 187>>, 256), utf8)",
    "erlang:external_size(lists:seq(1, 1000))", "tuple_size(erlang:make_tuple(16777215, a))",
    "erlang:make_tuple(16777216, a)", "size(<<0:1000000>>)", "erlang:binary_to_list(<<1, 2, 3>>, 3, 3)",
]

# Guard forms: a guard BIF that fails makes the clause fail, not raise.
GUARD1 = ["abs(X)", "float(X)", "trunc(X)", "round(X)", "ceil(X)", "floor(X)", "-X", "bnot X",
          "hd(X)", "tl(X)", "length(X)", "size(X)", "tuple_size(X)", "byte_size(X)", "bit_size(X)",
          "map_size(X)"]
GUARD2 = [("element(X, Y)", "idx", "tuples"), ("binary_part(X, Y)", "bins", "parts"),
          ("X div Y", "arith", "arith"), ("X rem Y", "arith", "arith"), ("X bsl Y", "shiftx", "shifty"),
          ("X / Y", "arith", "arith"), ("map_get(X, Y)", "keys", "mapsv"),
          ("is_map_key(X, Y)", "keys", "mapsv"), ("is_function(X, Y)", "funs", "arities")]

# Float-typed code: the compiler knows both operands are floats (or
# numbers converted with fconv), so it emits the float instructions.
FLOAT2 = ["X + Y", "X - Y", "X * Y", "X / Y", "X * Y + 1.0", "(X - Y) * (X + Y)", "-X * Y"]
FLOATN = ["X + Y", "X * Y", "Y / X", "X - Y"]
# Float-typed code with a float constant operand.
FLOAT1 = ["X + 0.0", "0.0 + X", "X - 0.0", "0.0 - X", "-0.0 - X", "X * 2.0", "X * -1.0", "X / 3.0",
          "1.0 / X", "X * 1.0e300", "X / 1.0e-300", "X * 0.0"]


def main():
    out = ["%% Generated by scripts/gen-bif-matrix.py: do not edit.",
           "-module(e_bif_matrix).", "-export([main/0]).", ""]
    for k, (name, expr) in enumerate(sorted(SETS.items())):
        out.append("vs(%s) -> %s%s" % (name, expr, "." if k == len(SETS) - 1 else ";"))
    out.append("")
    calls = []

    def add(fn, arity, label, sets):
        calls.append((fn, arity, label, sets))

    for k, (e, s) in enumerate(ONE):
        fn = "o_%d" % k
        out.append("%s(X) -> try %s catch error:R -> {error, R} end." % (fn, e))
        add(fn, 1, e, [s])
    for k, e in enumerate(UNALIGNED):
        fn = "ua_%d" % k
        out.append("%s(X) -> try %s catch error:R -> {error, R} end." % (fn, e))
        add(fn, 1, e, ["ubins"])
    for k, (e, s1, s2) in enumerate(TWO):
        fn = "t_%d" % k
        out.append("%s(X, Y) -> try %s catch error:R -> {error, R} end." % (fn, e))
        add(fn, 2, e, [s1, s2])
    for k, (e, s1, s2, s3) in enumerate(THREE):
        fn = "h_%d" % k
        out.append("%s(X, Y, Z) -> try %s catch error:R -> {error, R} end." % (fn, e))
        add(fn, 3, e, [s1, s2, s3])
    for k, e in enumerate(GUARD1):
        fn = "g_%d" % k
        out.append("%s(X) when %s =/= zz -> t;\n%s(_) -> f." % (fn, e, fn))
        add(fn, 1, "guard " + e, ["all"])
        if e in ("byte_size(X)", "bit_size(X)", "size(X)"):
            fn = "gu_%d" % k
            out.append("%s(X) when %s > 2 -> t;\n%s(_) -> f." % (fn, e, fn))
            add(fn, 1, "guard %s > 2" % e, ["ubins"])
    for k, (e, s1, s2) in enumerate(GUARD2):
        fn = "gg_%d" % k
        out.append("%s(X, Y) when %s =/= zz -> t;\n%s(_, _) -> f." % (fn, e, fn))
        add(fn, 2, "guard " + e, [s1, s2])
    for k, e in enumerate(FLOAT2):
        fn = "ff_%d" % k
        out.append("%s(X, Y) when is_float(X), is_float(Y) -> try %s catch error:R -> {error, R} end." % (fn, e))
        add(fn, 2, "float " + e, ["ffew", "ffew"])
    for k, e in enumerate(FLOATN):
        fn = "fn_%d" % k
        out.append("%s(X, Y) when is_float(X), is_number(Y) -> try %s catch error:R -> {error, R} end;\n"
                   "%s(_, _) -> not_number." % (fn, e, fn))
        add(fn, 2, "float/number " + e, ["ffew", "fnum"])
    for k, e in enumerate(FLOAT1):
        fn = "fc_%d" % k
        out.append("%s(X) when is_float(X) -> try %s catch error:R -> {error, R} end." % (fn, e))
        add(fn, 1, "float " + e, ["ffew"])
    for k, (e, s) in enumerate(MFA):
        fn = "m_%d" % k
        out.append("%s(X) -> try %s catch error:R -> {error, R} end." % (fn, e))
        add(fn, 1, e, [s])
    for k, e in enumerate(ZERO):
        fn = "z_%d" % k
        out.append("%s() -> try %s catch error:R -> {error, R} end." % (fn, e))
        add(fn, 0, e, [])
    # sh keeps a long integer short: its residue and its size.
    out.append("u(Off, Len, Bin) -> <<_:Off, R:Len/bitstring, _/bitstring>> = Bin, R.")
    out.append("sh(V) when is_integer(V) ->\n"
               "    case length(integer_to_list(V)) of\n"
               "        L when L > 30 -> {big, V rem 1000000007, L};\n"
               "        _ -> V\n"
               "    end;\n"
               "sh(V) -> V.")
    fn = "fneg"
    out.append("%s(X) when is_float(X) -> -X." % fn)
    add(fn, 1, "float -X", ["floats"])
    out.append("")
    out.append("main() ->")
    lines = []
    for fn, arity, label, sets in calls:
        vars_ = ["X", "Y", "Z"][:arity]
        gens = ", ".join("%s <- vs(%s)" % (v, s) for v, s in zip(vars_, sets))
        if arity == 0:
            lines.append("    io:format(\"~s ~w~n\", [\"%s\", %s()])" % (label.replace("\"", "\\\""), fn))
            continue
        lines.append("    io:format(\"~s ~w~n\", [\"%s\", [%s(%s) || %s]])"
                     % (label.replace("\\", "\\\\").replace("\"", "\\\""), fn, ", ".join(vars_), gens))
    out.append(",\n".join(lines) + ".")
    path = os.path.join(os.path.dirname(__file__), "..", "testdata", "programs", "e_bif_matrix", "e_bif_matrix.erl")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


main()
