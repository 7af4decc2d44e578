%% Benchmark: the Takeuchi function (Gabriel benchmark).
-module(tak).
-export([main/0]).

main() ->
    R = lists:sum([tak(30, 20, 10) || _ <- lists:seq(1, 4)]),
    io:format("tak checksum ~w~n", [R]).

tak(X, Y, Z) when Y < X -> tak(tak(X - 1, Y, Z), tak(Y - 1, Z, X), tak(Z - 1, X, Y));
tak(_, _, Z) -> Z.
