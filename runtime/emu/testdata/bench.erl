%% Benchmarks for the interpreter (runtime/emu bench_test.go). Each
%% function runs a fixed workload and returns a checksum.
-module(bench).
-export([fib/1, tak/3, nrev/2, lists_ops/1, trees/1, nbody/1, strings/1,
         maps/1, ring/2]).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

tak(X, Y, Z) when Y < X ->
    tak(tak(X - 1, Y, Z), tak(Y - 1, Z, X), tak(Z - 1, X, Y));
tak(_, _, Z) -> Z.

%% naive reverse of a list of N elements, Times times
nrev(N, Times) -> nrev_loop(lists:seq(1, N), Times, 0).
nrev_loop(_, 0, Acc) -> Acc;
nrev_loop(L, T, Acc) -> nrev_loop(L, T - 1, Acc + hd(rev(L))).
rev([]) -> [];
rev([H | T]) -> app(rev(T), [H]).
app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].

lists_ops(N) ->
    L = lists:seq(1, N),
    M = lists:map(fun(X) -> X * 3 end, L),
    F = lists:filter(fun(X) -> X rem 2 =:= 0 end, M),
    S = lists:foldl(fun(X, A) -> X + A end, 0, F),
    R = lists:reverse(F),
    S + length(R) + lists:sum(lists:sort(fun(A, B) -> A > B end, M)).

%% binary trees
trees(Depth) -> check(make(Depth)) + trees_loop(4, Depth, 0).
trees_loop(D, Max, Acc) when D > Max -> Acc;
trees_loop(D, Max, Acc) ->
    Iter = 1 bsl (Max - D + 4),
    trees_loop(D + 2, Max, Acc + iter(Iter, D, 0)).
iter(0, _, Acc) -> Acc;
iter(I, D, Acc) -> iter(I - 1, D, Acc + check(make(D))).
make(0) -> {nil, nil};
make(D) -> {make(D - 1), make(D - 1)}.
check({nil, nil}) -> 1;
check({L, R}) -> 1 + check(L) + check(R).

%% n-body (floats)
nbody(N) ->
    Bodies = [{0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 39.47},
              {4.84, -1.16, -0.10, 0.60, 2.81, -0.02, 0.037},
              {8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011},
              {12.89, -15.11, -0.22, 1.08, 0.86, -0.01, 0.0017},
              {15.37, -25.91, 0.17, 0.97, 0.59, -0.03, 0.002}],
    B = advance(N, Bodies),
    round(energy(B) * 1000000).
advance(0, B) -> B;
advance(N, B) -> advance(N - 1, move(velocities(B, []), 0.01)).
velocities([], Acc) -> lists:reverse(Acc);
velocities([B | Rest], Acc) ->
    {B2, Rest2} = interact(B, Rest, []),
    velocities(Rest2, [B2 | Acc]).
interact(B, [], Acc) -> {B, lists:reverse(Acc)};
interact({X, Y, Z, VX, VY, VZ, M}, [{X2, Y2, Z2, VX2, VY2, VZ2, M2} | T], Acc) ->
    DX = X - X2, DY = Y - Y2, DZ = Z - Z2,
    D2 = DX * DX + DY * DY + DZ * DZ,
    Mag = 0.01 / (D2 * math:sqrt(D2)),
    interact({X, Y, Z, VX - DX * M2 * Mag, VY - DY * M2 * Mag, VZ - DZ * M2 * Mag, M},
             T, [{X2, Y2, Z2, VX2 + DX * M * Mag, VY2 + DY * M * Mag, VZ2 + DZ * M * Mag, M2} | Acc]).
move(B, Dt) ->
    [{X + Dt * VX, Y + Dt * VY, Z + Dt * VZ, VX, VY, VZ, M} || {X, Y, Z, VX, VY, VZ, M} <- B].
energy(B) -> lists:sum([0.5 * M * (VX * VX + VY * VY + VZ * VZ) || {_, _, _, VX, VY, VZ, M} <- B]).

%% string building: binaries and iolists
strings(N) -> byte_size(build_bin(N, <<>>)) + iolist_size(build_io(N, [])).
build_bin(0, Acc) -> Acc;
build_bin(N, Acc) -> build_bin(N - 1, <<Acc/binary, "item", (integer_to_binary(N))/binary, ",">>).
build_io(0, Acc) -> Acc;
build_io(N, Acc) -> build_io(N - 1, [Acc, "item", integer_to_list(N), $,]).

maps(N) ->
    M = maps_fill(N, #{}),
    maps_sum(N, M, 0).
maps_fill(0, M) -> M;
maps_fill(N, M) -> maps_fill(N - 1, M#{N => N * 2}).
maps_sum(0, _, Acc) -> Acc;
maps_sum(N, M, Acc) -> #{N := V} = M, maps_sum(N - 1, M, Acc + V).

%% a ring of N processes passing a token around M times
ring(N, M) ->
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end, Self, lists:seq(1, N)),
    First ! {token, N * M},
    wait_token(First).
relay(Next) ->
    receive
        {token, 0} -> Next ! {token, 0};
        {token, K} -> Next ! {token, K - 1}, relay(Next)
    end.
wait_token(First) ->
    receive
        {token, 0} -> done;
        {token, K} -> First ! {token, K - 1}, wait_token(First)
    end.
