%% Benchmark: a ring of 1000 processes passing a token around 1000 times.
-module(ring).
-export([main/0]).

main() ->
    N = 1000, Laps = 1000,
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end, Self, lists:seq(1, N - 1)),
    Token = laps(First, 0, Laps),
    io:format("ring token ~w~n", [Token]).

laps(_, Token, 0) -> Token;
laps(First, Token, L) ->
    First ! Token,
    receive T -> laps(First, T + 1, L - 1) end.

relay(Next) ->
    receive T -> Next ! T + 1, relay(Next) end.
