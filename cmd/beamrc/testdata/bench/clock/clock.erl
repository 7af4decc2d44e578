%% A benchmark for bench_test.go that prints something different every
%% time it runs: the clock.
-module(clock).
-export([main/0]).

main() -> io:format("now = ~w~n", [os:system_time(nanosecond)]).
