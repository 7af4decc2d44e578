%% Benchmark: two processes exchanging 1,000,000 round trips.
-module(pingpong).
-export([main/0]).

main() ->
    Self = self(),
    Pong = spawn(fun pong/0),
    Ping = spawn(fun() -> Self ! {done, ping(Pong, 1000000, 0)} end),
    receive {done, N} -> io:format("pingpong ~w~n", [N]) end,
    _ = Ping,
    Pong ! stop.

ping(_, 0, Acc) -> Acc;
ping(Pong, N, Acc) ->
    Pong ! {self(), N},
    receive {pong, M} -> ping(Pong, N - 1, Acc + M rem 7) end.

pong() ->
    receive
        {From, N} -> From ! {pong, N}, pong();
        stop -> ok
    end.
