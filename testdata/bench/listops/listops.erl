%% Benchmark: lists:map/filter/foldl/sort and comprehensions on 200k elements.
-module(listops).
-export([main/0]).

main() ->
    R = loop(24, 0),
    io:format("listops checksum ~w~n", [R]).

loop(0, Acc) -> Acc;
loop(N, Acc) ->
    L = [(I * 7919 + N) rem 100003 || I <- lists:seq(1, 200000)],
    M = lists:map(fun(X) -> X * 3 + 1 end, L),
    F = lists:filter(fun(X) -> X rem 2 =:= 0 end, M),
    S = lists:sort(F),
    Z = lists:zipwith(fun(A, B) -> A * 2 - B end, S, lists:reverse(S)),
    Sum = lists:foldl(fun(X, A) -> (A + X) rem 1000000007 end, 0, Z),
    loop(N - 1, (Acc + Sum + length(S) + lists:nth(1000, S)) rem 1000000007).
