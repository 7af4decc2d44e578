%% Float arithmetic the compiler keeps in float registers (fmove, fconv,
%% fadd/fsub/fmul/fdiv/fnegate): conversions from small integers and
%% bignums, badarith on results that are not finite and on non-numbers,
%% and floats stored in tuples, lists and across calls.
-module(e_float_ops).
-export([main/0]).

main() ->
    io:format("-- arithmetic~n"),
    io:format("~p ~p ~p ~p~n", [add(1.5, 2.25), sub(1.0, 3.5), mul(0.1, 3.0), dvd(1.0, 3.0)]),
    io:format("~p ~p ~p ~p~n", [neg(2.5), neg(0.0), neg(-0.0), neg(-1.0e-300)]),
    io:format("~p~n", [poly(id(1.5))]),
    io:format("~p~n", [poly(id(-0.25))]),
    io:format("~p ~p~n", [mul(1.0e-200, 1.0e-200), dvd(5.0e-324, 2.0)]),
    io:format("-- conversions~n"),
    io:format("~p ~p ~p~n", [mix(id(3), 0.5), mix(id(-7), 0.25), mix(id(576460752303423487), 1.0)]),
    io:format("~p ~p~n", [mix(id(1 bsl 70), 1.0), mix(id(-(1 bsl 64)), 0.5)]),
    io:format("~p ~p~n", [mix(id(2.5), 0.5), mix(id(0), -0.0)]),
    io:format("-- errors~n"),
    io:format("~p~n", [catch_arith(fun() -> mul(id(1.0e308), 10.0) end)]),
    io:format("~p~n", [catch_arith(fun() -> add(id(1.7976931348623157e308), 1.7976931348623157e308) end)]),
    io:format("~p~n", [catch_arith(fun() -> dvd(id(1.0), 0.0) end)]),
    io:format("~p~n", [catch_arith(fun() -> dvd(id(0.0), 0.0) end)]),
    io:format("~p~n", [catch_arith(fun() -> mix(id(foo), 1.0) end)]),
    io:format("~p~n", [catch_arith(fun() -> mix(id(1 bsl 1100), 1.0) end)]),
    io:format("~p~n", [catch_arith(fun() -> mix(id(<<"1.0">>), 1.0) end)]),
    io:format("~p~n", [catch_arith(fun() -> poly(id(1.0e200)) end)]),
    io:format("-- sqrt~n"),
    io:format("~p~n", [[catch_arith(fun() -> sq(id(V)) end)
                        || V <- [2.0, 0.0, -0.0, 1.0e300, 5.0e-324, 16, 1 bsl 80, -1.0, -4, foo]]]),
    io:format("-- structures~n"),
    io:format("~p~n", [vec_add({1.0, 2.0, 3.0}, {0.5, -0.5, 0.25})]),
    io:format("~p~n", [scale([1.0, 2.5, -3.75, 1.0e10], 2.0)]),
    io:format("~p~n", [norms([{3.0, 4.0}, {1.0, 1.0}, {0.0, 0.0}])]),
    io:format("~w~n", [sum_sq(lists:seq(1, 20), 0.0)]),
    io:format("~w~n", [kept(id(1.25), id(2.0))]),
    {T, L} = steps(1000, {0.0, 1.0}, []),
    io:format("~w ~w ~w~n", [T, length(L), lists:sum(L)]),
    ok.

id(X) -> X.

add(X, Y) when is_float(X), is_float(Y) -> X + Y.
sub(X, Y) when is_float(X), is_float(Y) -> X - Y.
mul(X, Y) when is_float(X), is_float(Y) -> X * Y.
dvd(X, Y) when is_float(X), is_float(Y) -> X / Y.
neg(X) when is_float(X) -> -X.

%% Several operations in a row, with a float constant.
poly(X) when is_float(X) -> 3.0 * X * X * X - 2.5 * X * X + X / 7.0 - 1.0.

%% X is any term: the compiler converts it (fconv) next to a float.
mix(X, Y) when is_float(Y) -> X * Y + Y.

%% math:sqrt/1 called (not tail-called), its result used after.
sq(X) ->
    R = math:sqrt(X),
    {R, id(R)}.

catch_arith(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.

vec_add({A1, A2, A3}, {B1, B2, B3}) when is_float(A1), is_float(A2), is_float(A3),
                                         is_float(B1), is_float(B2), is_float(B3) ->
    {A1 + B1, A2 + B2, A3 + B3}.

scale(L, K) when is_float(K) -> [X * K || X <- L, is_float(X)].

norms(Ps) -> [math:sqrt(X * X + Y * Y) || {X, Y} <- Ps, is_float(X), is_float(Y)].

sum_sq([], Acc) -> Acc;
sum_sq([N | Ns], Acc) when is_float(Acc) -> sum_sq(Ns, Acc + N * N * 0.5).

%% Floats live across a call (boxed in y registers).
kept(X, Y) when is_float(X), is_float(Y) ->
    A = X * Y,
    B = X - Y,
    _ = id(A),
    {A + B, A * B, -A}.

%% Many boxed floats: collections happen while the loop allocates.
steps(0, P, Acc) -> {P, Acc};
steps(N, {X, V}, Acc) when is_float(X), is_float(V) ->
    X1 = X + V * 0.01,
    V1 = V - X * 0.01,
    steps(N - 1, {X1, V1}, [X1 * V1 | Acc]).
