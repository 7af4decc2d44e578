%% Benchmark: throw/catch and error/catch in a loop, through a few frames.
-module(exceptions).
-export([main/0]).

main() ->
    R = loop(3000000, 0),
    io:format("exceptions checksum ~w~n", [R]).

loop(0, Acc) -> Acc;
loop(N, Acc) ->
    V = try work(N) of
            X -> X
        catch
            throw:{skip, K} -> K;
            error:{bad, K} -> -K
        end,
    loop(N - 1, Acc + V).

work(N) -> 1 + deeper(N, 3).

deeper(N, 0) ->
    case N rem 3 of
        0 -> throw({skip, N rem 100});
        1 -> erlang:error({bad, N rem 10});
        _ -> N rem 5
    end;
deeper(N, D) -> 1 + deeper(N, D - 1).
