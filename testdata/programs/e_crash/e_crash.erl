%% main/0 crashes with an uncaught error after some output: the output before
%% the crash is kept and the exit status is 1.
-module(e_crash).
-export([main/0]).

main() ->
    io:format("before the crash~n"),
    io:format("~p~n", [lists:seq(1, 5)]),
    Result = compute(id(10)),
    io:format("never printed ~p~n", [Result]).

compute(N) -> N + id(undefined).

id(X) -> X.
