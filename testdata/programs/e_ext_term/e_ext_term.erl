%% External term format: term_to_binary/binary_to_term round trips, with the
%% encoded bytes printed, plus erlang:phash2.
-module(e_ext_term).
-export([main/0]).

main() ->
    Terms = [0, 1, 255, 256, -1, 2147483647, -2147483648, 2147483648, 1 bsl 64, -(1 bsl 64),
             1 bsl 2040, 1.5, -0.0, 1.0e-300, a, 'hello world', 'ünï', true, [], [1, 2, 3],
             "string", [a | b], [1, [2], "x"], {}, {a, 1}, list_to_tuple(lists:seq(1, 300)),
             <<>>, <<"bin">>, <<1:3>>, <<1, 2, 3:5>>, #{}, #{a => 1, b => [2]},
             #{<<"k">> => {v}, 1 => 2.0}, lists:seq(1, 300), lists:duplicate(70000, 7),
             list_to_binary(lists:seq(0, 255)), {nested, [{deep, #{x => [<<"y">>]}}]},
             fun lists:map/2],
    lists:foreach(fun(T) ->
                          B = term_to_binary(T),
                          Ok = binary_to_term(B) =:= T,
                          io:format("~w bytes, round trip ~w, phash2 ~w~n",
                                    [byte_size(B), Ok, erlang:phash2(T)]),
                          if byte_size(B) < 120 -> io:format("  ~w~n", [B]);
                             true -> io:format("  crc32 ~w~n", [erlang:crc32(B)])
                          end
                  end, Terms),
    %% large map: encoding order is the map's internal order
    Big = maps:from_list([{K, K * 2} || K <- lists:seq(1, 40)]),
    BB = term_to_binary(Big),
    io:format("map40 ~w bytes ~w~n", [byte_size(BB), binary_to_term(BB) =:= Big]),
    io:format("  ~w~n", [BB]),
    %% options
    L = lists:duplicate(100, 42),
    C = term_to_binary(L, [compressed]),
    %% (the deflate stream itself depends on the zlib implementation: only the
    %% header with the uncompressed size is printed)
    io:format("compressed ~w, header ~w~n", [binary_to_term(C) =:= L, binary:part(C, 0, 6)]),
    io:format("~w~n", [binary_to_term(<<131,80,0,0,0,33,120,156,203,102,144,99,100,98,102,97,101,99,231,224,228,226,230,225,229,227,23,16,20,18,22,17,21,19,151,144,148,146,150,145,149,3,0,36,238,2,91>>)]),
    io:format("~w~n", [term_to_binary(1.5, [{minor_version, 0}])]),
    io:format("~w~n", [term_to_binary(abc, [{minor_version, 1}])]),
    io:format("~w~n", [term_to_binary(abc, [{minor_version, 2}])]),
    io:format("~w~n", [term_to_binary(#{b => 1, a => 2}, [deterministic])]),
    io:format("~w~n", [term_to_iovec({a, <<"bin">>})]),
    %% decoding hand-written binaries
    io:format("~p~n", [binary_to_term(<<131, 107, 0, 3, 1, 2, 3>>)]),
    io:format("~p~n", [binary_to_term(<<131, 100, 0, 2, $o, $k>>)]),
    io:format("~p~n", [binary_to_term(<<131, 110, 1, 1, 5>>)]),
    io:format("~p~n", [binary_to_term(<<131, 99, "1.50000000000000000000e+00", 0:(31 - 26)/unit:8>>)]),
    io:format("~p~n", [binary_to_term(<<131, 97, 1, 0>>, [used])]),
    io:format("~p~n", [catch_it(fun() -> binary_to_term(<<131, 200>>) end)]),
    io:format("~p~n", [catch_it(fun() -> binary_to_term(<<1, 2, 3>>) end)]),
    io:format("~p~n", [catch_it(fun() -> binary_to_term(<<131, 100, 0, 7, "nonexist">>, [safe]) end)]),
    %% phash2 with ranges, phash
    io:format("~w~n", [[erlang:phash2(X, 1000) || X <- [a, 1, "abc", {1, 2}, <<"x">>, 1.0, [], #{k => v}]]]),
    io:format("~w~n", [[erlang:phash(X, 1 bsl 32) || X <- [a, 1, "abc", {1, 2}, <<"x">>]]]),
    io:format("~w~n", [erlang:phash2(lists:seq(1, 1000))]),
    io:format("~w~n", [erlang:phash2(Big)]),
    io:format("~w~n", [erlang:md5(term_to_binary({1, 2, 3}))]),
    ok.

catch_it(F) -> try F() catch C:R -> {C, R} end.
