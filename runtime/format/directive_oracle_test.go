package format

import "testing"

const directiveGen = oracleHeader + `
ints() ->
    [0, 1, -1, 7, 255, -255, 4096, 123456789, -987654321, 1 bsl 59, -(1 bsl 59),
     1 bsl 64, -(1 bsl 100), 36#ZZZZ] ++ [rand:uniform(1 bsl 40) - (1 bsl 39) || _ <- lists:seq(1, 30)].

cases() ->
    IntFmts = ["~b", "~B", "~.2b", "~.16B", "~.16b", "~.36B", "~.36b", "~.8#", "~.16+", "~#", "~+",
               "~10b|", "~-10.16B|", "~10.16.0B|", "~3b|", "~w", "~10w|", "~.1b", "~.37b", "~i"],
    XFmts = [{"~x", "0x"}, {"~X", prefix}, {"~.16x", "#"}, {"~.16X", [$0, "x"]}, {"~12.16X|", "0x"},
             {"~x", [256]}, {"~x", 5}],
    Strs = ["abc", "", "abcdef", [$a, <<"bc">>, [$d | <<"e">>]], <<"bin">>, atom, 'quoted atom',
            [233, 255], [8364], <<"é€"/utf8>>, [<<"é"/utf8>>, 233], "tab\there", <<255, 254>>,
            [1 | 2], [a], 42, 'x€y', "crlf\r\n"],
    SFmts = ["~s", "~ts", "~10s|", "~-10s|", "~.3s|", "~10.3s|", "~-10.3s|", "~10.3.*s|", "~3.10s|",
             "~5.5s|", "~.0s|", "~0s|", "~10.3.-s|", "~-5ts|", "~.2ts|"],
    Chars = [$a, $~, 233, 8364, 256 + $a, -1, 0],
    CFmts = ["~c", "~tc", "~5c", "~-5c|", "~.3c", "~5.3c|", "~-5.3c|", "~3.5c", "~5.3.xc|"],
    Misc = [{"~~", []}, {"~5~", []}, {"~n", []}, {"~3n", []}, {"~-3n", []}, {"~", []}, {"~d", [1]},
            {"~p", []}, {"~w ~w", [a]}, {"~w", [a, b]}, {"abc", [x]}, {"~*w|", [5, a]},
            {"~-*w|", [5, a]}, {"~*w|", [-5, a]}, {"~*.*w|", [8, 2, abc]}, {"~*w", [a, b]},
            {"~.*f", [2, 1.5]}, {"~..0f", [1.5]}, {"~10..xf|", [1.5]}, {"~-p", [a]}, {"~-10p", [a]},
            {"~10p|", [{a, b}]}, {"~0p", [[1, 2, 3]]}, {"~P", [a, x]}, {"~W", [a, x]},
            {"~e", [1]}, {"~f", [a]}, {"~.1e", [1.0]}, {"~.0f", [1.0]}, {"~.0g", [1.0]},
            {"~s", [[256]]}, {"~ts", [[256]]}, {"~tp~n", [[1046, 1047]]}, {"~tw|~w", ['Ω', 'Ω']},
            {'atom ~w', [1]}, {<<"binary ~w">>, [1]}, {<<"é~w"/utf8>>, [1]}, {[8364, $~, $w], [1]},
            {"~lp", ["abc"]}, {"~ltp", [<<"abc">>]}, {"~i~w", [a, b]}, {"~p", [[]]},
            {"~5p|", [abcdefg]}, {"~.3p|", [{a, "long string"}]}, {"~x", [1, 'p']}],
    [{format, [F, [I]]} || I <- ints(), F <- IntFmts] ++
    [{format, [F, [I, P]]} || I <- ints(), {F, P} <- XFmts] ++
    [{format, [F, [S]]} || S <- Strs, F <- SFmts, F =/= "~10.3.*s|"] ++
    [{format, ["~10.3.*s|", [$*, S]]} || S <- Strs] ++
    [{format, [F, [C]]} || C <- Chars, F <- CFmts] ++
    [{format, [F, A]} || {F, A} <- Misc] ++
    [{i2l, [I, B]} || I <- ints(), B <- [2, 8, 10, 16, 36]].
`

// TestDirectivesAgainstErl checks the integer, character, string and
// padding directives of io_lib:format, * arguments, modifiers, format
// arguments of every type, and the bad formats that raise badarg.
func TestDirectivesAgainstErl(t *testing.T) {
	checkCases(t, runOracle(t, directiveGen))
}
