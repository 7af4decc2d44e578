%% Benchmark: naive reverse of a 500-element list, many times.
-module(nrev).
-export([main/0]).

main() ->
    L = lists:seq(1, 500),
    R = loop(1500, L, 0),
    io:format("nrev checksum ~w~n", [R]).

loop(0, _, Acc) -> Acc;
loop(N, L, Acc) -> [H | _] = nrev(L), loop(N - 1, L, Acc + H).

nrev([]) -> [];
nrev([H | T]) -> app(nrev(T), [H]).

app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].
