%% Benchmark: naive doubly recursive Fibonacci.
-module(fib).
-export([main/0]).

main() -> io:format("fib(40) = ~w~n", [fib(40)]).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
