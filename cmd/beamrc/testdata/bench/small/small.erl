%% A benchmark for bench_test.go: quick, deterministic.
-module(small).
-export([main/0]).

main() -> io:format("sum = ~w~n", [lists:sum(lists:seq(1, 1000))]).
