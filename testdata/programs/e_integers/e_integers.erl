%% Integers and bignums: arithmetic, division, bit operations, conversions.
-module(e_integers).
-export([main/0]).

main() ->
    Smalls = [0, 1, -1, 7, -7, 576460752303423487, -576460752303423488,
              576460752303423488, -576460752303423489, 1 bsl 64, -(1 bsl 64)],
    lists:foreach(fun(X) -> io:format("~w ~w ~w ~w~n", [X, X + 1, X - 1, X * 3]) end, Smalls),
    %% division and remainder with all sign combinations
    Pairs = [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {1 bsl 70, 3}, {-(1 bsl 70), 7},
             {(1 bsl 100) + 12345, 1 bsl 40}, {123456789012345678901234567890, -987654321}],
    lists:foreach(fun({A, B}) ->
                          io:format("~w div ~w = ~w, rem = ~w~n", [A, B, A div B, A rem B])
                  end, Pairs),
    %% bit operations
    lists:foreach(fun({A, S}) ->
                          io:format("~w bsl ~w = ~w; bsr = ~w~n", [A, S, A bsl S, A bsr S])
                  end, [{1, 0}, {1, 59}, {1, 60}, {1, 63}, {1, 64}, {1, 200}, {-1, 3},
                        {-12345, 4}, {255, -4}, {(1 bsl 130) + 99, 65}, {-(1 bsl 130), 129},
                        {5, -70}]),
    Bits = [{16#FF00FF, 16#0FF0}, {-1, 16#1234}, {-256, 255}, {1 bsl 80 + 5, (1 bsl 70) - 1},
            {-(1 bsl 80), (1 bsl 81) - 1}, {-12345678901234567890, -98765432109876543210}],
    lists:foreach(fun({A, B}) ->
                          io:format("band ~w bor ~w bxor ~w bnot ~w~n",
                                    [A band B, A bor B, A bxor B, bnot A])
                  end, Bits),
    %% factorials
    lists:foreach(fun(N) -> io:format("~w! = ~w~n", [N, fact(N)]) end, [0, 1, 5, 20, 21, 25, 50]),
    F100 = fact(100),
    io:format("100! has ~w digits, rem 1000007 = ~w~n", [length(integer_to_list(F100)), F100 rem 1000007]),
    F1000 = fact(1000),
    io:format("1000! digits ~w, digit sum ~w~n",
              [length(integer_to_list(F1000)), lists:sum([C - $0 || C <- integer_to_list(F1000)])]),
    io:format("1000! div 999! = ~w~n", [F1000 div fact(999)]),
    %% powers and bigs
    P = pow(3, 200),
    io:format("3^200 = ~w~n", [P]),
    io:format("3^200 - 3^199*3 = ~w~n", [P - pow(3, 199) * 3]),
    io:format("neg big ~w ~w~n", [-P, abs(-P)]),
    io:format("big*big = ~w~n", [pow(2, 127) * pow(-5, 43)]),
    %% conversions
    lists:foreach(fun(B) ->
                          io:format("base ~w: ~s ~s ~s~n",
                                    [B, integer_to_list(255, B), integer_to_list(-1234567, B),
                                     integer_to_binary(1 bsl 70, B)])
                  end, [2, 8, 10, 16, 36]),
    io:format("~w ~w ~w~n", [list_to_integer("-00123"), list_to_integer("ff", 16),
                             binary_to_integer(<<"zz">>, 36)]),
    io:format("~w~n", [binary_to_integer(<<"123456789012345678901234567890">>)]),
    io:format("~w ~w ~w ~w~n", [abs(-5), max(3, 1 bsl 70), min(-1, -(1 bsl 70)), -0]),
    io:format("~w ~w~n", [integer_to_list(0), integer_to_binary(-0)]),
    %% guards and comparisons with bigs
    io:format("~w ~w ~w~n", [is_integer(1 bsl 100), (1 bsl 100) > 1 bsl 99, 1 bsl 64 =:= 18446744073709551616]),
    io:format("~w ~w~n", [1 == 1.0, 1 =:= 1.0]),
    io:format("gcd ~w~n", [gcd(fact(30), pow(2, 40) * pow(7, 3))]),
    %% fibonacci with bignums
    io:format("fib(300) = ~w~n", [fib(300, 0, 1)]),
    %% integer formatting
    io:format("~b ~.16b ~.2b ~8b|~-8b|~.36B ~x~n", [255, 255, 5, 42, 42, 123456, 255, "0x"]),
    ok.

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

pow(_, 0) -> 1;
pow(B, E) -> B * pow(B, E - 1).

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).

fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).
