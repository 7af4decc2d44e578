%% Benchmark: binary-trees (allocate and walk many short- and long-lived trees).
-module(bintrees).
-export([main/0]).

-define(MAX, 18).

main() ->
    Long = make(?MAX),
    Counts = [begin
                  Iter = 1 bsl (?MAX - D + 4),
                  {D, Iter, lists:foldl(fun(_, A) -> A + check(make(D)) end, 0, lists:seq(1, Iter))}
              end || D <- lists:seq(4, ?MAX, 2)],
    [io:format("~w trees of depth ~w check: ~w~n", [I, D, C]) || {D, I, C} <- Counts],
    io:format("long lived tree of depth ~w check: ~w~n", [?MAX, check(Long)]).

make(0) -> {nil, nil};
make(D) -> {make(D - 1), make(D - 1)}.

check({nil, nil}) -> 1;
check({L, R}) -> 1 + check(L) + check(R).
