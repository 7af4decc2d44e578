%% Peak memory: a process holding a 1,000,000-element list, built by
%% Erlang code (so that it survives many minor collections), then walked
%% twice. Measure /usr/bin/time -v's maximum RSS of beamrc run against erl.
-module(bigmem).
-export([main/0]).

main() ->
    L = build(1000000, []),
    S = sum(L, 0),
    io:format("~w~n", [S + sum(L, 0) + length(L)]).

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, [N | Acc]).

sum([H | T], Acc) -> sum(T, Acc + H);
sum([], Acc) -> Acc.
