package format

import "testing"

const termGen = oracleHeader + `
atoms() ->
    [a, ok, abc, 'hello world', 'Foo', 'if', 'receive', 'maybe', '', 'a@b', 'a.b',
     'é', 'Été', '\n', 'tab\t', 'q\'uote', 'back\\slash', 'x€y', 'ünïcödé', '_under',
     'a_B9@', '9lives', 'ÿ', 'ß', '÷x', 'a×b', list_to_atom([200]), list_to_atom([130]),
     very_long_atom_name_number_one, another_rather_long_atom, true, false, undefined,
     'Ω', 'andalso', 'div'].

pick(L) -> lists:nth(rand:uniform(length(L)), L).

string() ->
    case rand:uniform(7) of
        1 -> [$a + rand:uniform(25) || _ <- lists:seq(1, rand:uniform(12))];
        2 -> "hello \"world\"\n\t\\ \r\e\v\b\f";
        3 -> [rand:uniform(255) || _ <- lists:seq(1, rand:uniform(6))];
        4 -> "caf" ++ [233] ++ " " ++ [255, 160, 191];
        5 -> [1046, 1047, 8364];
        6 -> lists:flatten(lists:duplicate(rand:uniform(12), "long string text "));
        7 -> [0, 127, 128, 159]
    end.

binary() ->
    case rand:uniform(10) of
        1 -> list_to_binary(string_latin());
        2 -> <<"abc">>;
        3 -> <<1, 2, 3, 200>>;
        4 -> <<"é€"/utf8>>;
        5 -> <<"caf", 233>>;
        6 -> list_to_binary(lists:duplicate(rand:uniform(150), $x));
        7 -> << <<(rand:uniform(256) - 1)>> || _ <- lists:seq(1, rand:uniform(60)) >>;
        8 -> <<5:3>>;
        9 -> <<1, 2, 1:1>>;
        10 -> <<"text", 0, "more">>
    end.

string_latin() -> [32 + rand:uniform(94) || _ <- lists:seq(1, rand:uniform(40))].

leaf() ->
    case rand:uniform(12) of
        1 -> rand:uniform(2000) - 1000;
        2 -> (1 bsl (60 + rand:uniform(100))) * (rand:uniform(3) - 2) + rand:uniform(1000);
        3 -> pick([0.0, -0.0, 1.5, 0.1, 1.0e20, -3.25e-7, 123456.789]);
        4 -> pick(atoms());
        5 -> string();
        6 -> binary();
        7 -> [];
        8 -> {};
        9 -> #{};
        10 -> pick(atoms());
        11 -> rand:uniform(100000);
        12 -> list_to_binary(string_latin())
    end.

term(0) -> leaf();
term(D) ->
    case rand:uniform(14) of
        1 -> [term(D - 1) || _ <- lists:seq(1, rand:uniform(8))];
        2 -> list_to_tuple([pick(atoms()) | [term(D - 1) || _ <- lists:seq(1, rand:uniform(6))]]);
        3 -> list_to_tuple([term(D - 1) || _ <- lists:seq(1, rand:uniform(6))]);
        4 -> maps:from_list([{leaf(), term(D - 1)} || _ <- lists:seq(1, rand:uniform(6))]);
        5 -> [term(D - 1) | term(D - 1)];
        6 -> lists:seq(1, rand:uniform(60));
        7 -> [{pick(atoms()), term(D - 1)} || _ <- lists:seq(1, rand:uniform(5))];
        8 -> {pick(atoms()), term(D - 1), term(D - 1)};
        9 -> maps:from_list([{K, term(D - 1)} || K <- lists:seq(1, 5)]);
        10 -> maps:from_list([{pick(atoms()), leaf()} || _ <- lists:seq(1, 6)]);
        11 -> [term(D - 1), term(D - 1)];
        _ -> leaf()
    end.

terms() ->
    Fixed = [{a, "str", <<"bin">>}, lists:seq(1, 40),
             [{key, "value " ++ integer_to_list(I)} || I <- lists:seq(1, 6)],
             {record_like, [a, b, c], #{k => v, nested => #{deep => [1, 2, 3]}}, "string", <<"binary">>},
             lists:duplicate(30, abcdef), lists:duplicate(10, {abc, 123}),
             [<<"a binary that is rather long so that it must be broken somewhere ">>, <<"x">>],
             list_to_binary(lists:duplicate(100, $a)), [1, 2, 3 | 4], [9, 10, 13],
             {very_long_atom_name_number_one, very_long_atom_name_number_two, very_long_atom_name_number_three},
             maps:from_list([{I, I * I} || I <- lists:seq(1, 5)]),
             maps:from_list([{list_to_atom("key" ++ integer_to_list(I)), I} || I <- lists:seq(1, 30)]),
             maps:from_list([{I, {v, I}} || I <- lists:seq(1, 40)]),
             list_to_binary(lists:seq(0, 255)), << <<I>> || I <- lists:seq(1, 100) >>,
             <<1:1, 0:7, 255, 3:2>>, {[[[[[[deep]]]]]]}, [[], [[]], {{}}],
             #{[1, 2] => {x, y}, <<"k">> => 1.5, {t} => #{a => #{b => c}}}],
    Fixed ++ [term(rand:uniform(4)) || _ <- lists:seq(1, 500)].

cases() ->
    Fmts = fun(T) ->
        Pre = lists:duplicate(rand:uniform(60), $.),
        [{"~w", [T]}, {"~p", [T]}, {"~tp", [T]}, {"~tw", [T]}, {"~lp", [T]},
         {"~P", [T, rand:uniform(9)]}, {"~W", [T, rand:uniform(9)]},
         {"~tP", [T, rand:uniform(5)]},
         {"~40p", [T]}, {"~120p", [T]}, {Pre ++ "~p", [T]}, {"~p~n~p", [T, T]},
         {"ab\tc~p", [T]}, {"~10w|", [T]}, {"~-10w|", [T]}, {"~5.3w|", [T]},
         {"~s", [T]}, {"~ts", [T]}, {"~10s|", [T]}, {"~-8.3s|", [T]}, {"~.5p", [T]}]
    end,
    Ts = terms(),
    [{format, [F, A]} || T <- Ts, {F, A} <- Fmts(T)] ++
    [{write_atom, [A]} || A <- atoms()] ++
    [{write_string, [S]} || _ <- lists:seq(1, 30), S <- [string()]] ++
    [{printable, [L]} || L <- [string() || _ <- lists:seq(1, 40)] ++ [[a], [1 | 2], [], [256], [-1]]] ++
    [{printable_unicode, [L]} || L <- [string() || _ <- lists:seq(1, 40)] ++ [[16#D800], [16#FFFE], [16#10FFFF]]] ++
    [{char_list, [L]} || L <- [string() || _ <- lists:seq(1, 20)] ++ [[16#D800], [16#FFFE], [16#10FFFF], [-1]]].
`

// TestTermsAgainstErl prints fixed and random nested terms with ~w, ~p
// and their variants (depths, line lengths, columns, encodings, field
// widths) and compares with io_lib:format.
func TestTermsAgainstErl(t *testing.T) {
	checkCases(t, runOracle(t, termGen))
}
