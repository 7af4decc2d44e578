%% Benchmark: building binaries and iolists, then splitting and parsing them.
-module(strbuild).
-export([main/0]).

main() ->
    R = loop(7, 0),
    io:format("strbuild checksum ~w~n", [R]).

loop(0, Acc) -> Acc;
loop(N, Acc) ->
    Bin = build(50000, N, <<>>),
    Lines = binary:split(Bin, <<"\n">>, [global, trim]),
    Sum = lists:foldl(fun(Line, A) ->
                              [K, V] = binary:split(Line, <<"=">>),
                              A + byte_size(K) + binary_to_integer(V)
                      end, 0, Lines),
    Io = iolist_to_binary([[integer_to_list(I), $,] || I <- lists:seq(1, 50000)]),
    Parts = string:split(Io, ",", all),
    loop(N - 1, (Acc + Sum + length(Parts) + erlang:crc32(Bin)) rem 1000000007).

build(0, _, Acc) -> Acc;
build(I, N, Acc) ->
    build(I - 1, N, <<Acc/binary, "key", (integer_to_binary(I))/binary, "=", (integer_to_binary(I * N))/binary, "\n">>).
