%% Benchmark: a map of 500,000 integer keys: build, look up, update, fold.
-module(maps500k).
-export([main/0]).

main() ->
    N = 500000,
    M = build(N, #{}),
    Hits = lookup(N, M, 0),
    M2 = update(N, M),
    Sum = maps:fold(fun(K, V, A) -> (A + K * V) rem 1000000007 end, 0, M2),
    M3 = maps:from_list([{K, K} || K <- lists:seq(1, N, 3)]),
    io:format("size ~w hits ~w sum ~w merged ~w~n",
              [map_size(M2), Hits, Sum, map_size(maps:merge(M, M3))]).

build(0, M) -> M;
build(I, M) -> build(I - 1, M#{(I * 7) rem 1000003 => I}).

lookup(0, _, Acc) -> Acc;
lookup(I, M, Acc) ->
    case M of
        #{I := V} -> lookup(I - 1, M, Acc + V rem 3);
        _ -> lookup(I - 1, M, Acc)
    end.

update(0, M) -> M;
update(I, M) ->
    K = (I * 7) rem 1000003,
    update(I - 1, M#{K := I * 2}).
