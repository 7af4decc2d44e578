%% Float registers that native code keeps in XMM registers across a run
%% of float instructions: values live across a conversion the runtime
%% makes (a bignum, which leaves native code mid-run), more float
%% registers than there are XMM copies, guards whose float arithmetic
%% overflows into the fail label, and runs interleaved with tuple loads.
-module(e_float_regs).
-export([main/0]).

main() ->
    io:format("-- conversions mid-run~n"),
    io:format("~w~n", [[convert_mid(A, B) || A <- [1.5, -2.0, 0.0],
                                             B <- [3, 1 bsl 70, -(1 bsl 65), 2.5]]]),
    io:format("~w~n", [catch_all(fun() -> convert_mid(1.0, id(foo)) end)]),
    io:format("~w~n", [catch_all(fun() -> convert_mid(1.0e300, id(1 bsl 1000)) end)]),
    io:format("-- many registers~n"),
    io:format("~w~n", [many(id(1.5))]),
    io:format("~w~n", [many(id(-0.75))]),
    io:format("~w~n", [catch_all(fun() -> many(id(1.0e100)) end)]),
    io:format("-- guards~n"),
    io:format("~w~n", [[guard(V) || V <- [1.0, 6.0, 1.0e308, -1.0e308, 7, foo]]]),
    io:format("~w~n", [[guard2(V, W) || {V, W} <- [{1.0, 2.0}, {1.0e200, 1.0e200}, {0.0, 0.0}, {3.0, -1.0}]]]),
    io:format("-- tuples~n"),
    io:format("~w~n", [bodies(lists:seq(1, 6), {0.0, 0.0, 0.0, 1.0})]),
    io:format("~w~n", [mixed_tuple({1.5, 2, 1 bsl 80, -0.5})]),
    io:format("~w~n", [catch_all(fun() -> mixed_tuple({1.5, 2, foo, -0.5}) end)]),
    io:format("-- calls between~n"),
    io:format("~w~n", [across_calls(id(2.0), id(3.0))]),
    ok.

id(X) -> X.

catch_all(F) ->
    try F() of V -> {ok, V} catch C:R -> {C, R} end.

%% X, Y and Z are float registers when B is converted; a bignum B makes
%% the runtime convert it.
convert_mid(A, B) when is_float(A) ->
    X = A * 2.0,
    Y = X + 0.5,
    Z = Y * X - A,
    W = B * Z + X - Y,
    {X, Y, Z, W}.

%% More than thirteen float values live at once.
many(X) when is_float(X) ->
    A = X + 1.0, B = X * 2.0, C = X - 3.0, D = X / 4.0, E = A * B,
    F = C * D, G = E + F, H = A - B, I = C + D, J = G * H,
    K = I - J, L = A * C, M = B * D, N = L - M, O = N + K,
    P = O * A, Q = P - B, R = Q / (C * C + 1.0),
    {A + B + C + D + E + F + G + H + I + J + K + L + M + N + O + P + Q + R,
     A * R - B * Q + C * P - D * O + E * N - F * M + G * L - H * K + I * J}.

guard(X) when is_float(X), X * 2.0 > 10.0 -> big;
guard(X) when is_float(X), X * 10.0 < -1.0e10 -> negative;
guard(X) when is_float(X) -> small;
guard(_) -> other.

guard2(X, Y) when is_float(X), is_float(Y), X * Y + X > 1.0 -> {above, X * Y};
guard2(X, Y) when is_float(X), is_float(Y) -> {below, X - Y}.

bodies([], Acc) -> Acc;
bodies([I | Is], {X, Y, Z, M}) ->
    D = float(I),
    X1 = X + D * M,
    Y1 = Y - D / M,
    Z1 = Z + X1 * Y1,
    bodies(Is, {X1, Y1, Z1, M * 1.5}).

mixed_tuple({A, B, C, D}) when is_float(A), is_float(D) ->
    E = A * D,
    F = B + E,
    G = C * F,
    {E, F, G, G / F}.

across_calls(X, Y) when is_float(X), is_float(Y) ->
    A = X * Y,
    B = id(A) + X,
    C = A * B,
    D = float(length([A, B])) * C,
    {A, B, C, D}.
