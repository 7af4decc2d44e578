%% Differential test of runtime/otp's lists and maps modules: main/0
%% prints, one line per call, the result (or exception class and reason)
%% and the arguments every fun was called with, in order. The Go test runs
%% it under erl and under beamrc's interpreter and compares the output.
%% Inputs come from a fixed linear congruential generator so both runs
%% see the same calls.
-module(otpfuns).
-export([main/0]).

log(X) -> put(log, [X | get(log)]).

run(M, F, Args) ->
    put(log, []),
    R = try apply(M, F, Args) of V -> {ok, V} catch C:Why -> {C, Why} end,
    io:format("~w ~w ~w~n", [F, R, lists:reverse(get(log))]).

%% A small random-number generator of our own (rand is not available).
rnd(N) ->
    S = case get(seed) of undefined -> 12345; S0 -> S0 end,
    S1 = (S * 1103515245 + 12345) rem 2147483648,
    put(seed, S1),
    (S1 div 65536) rem N + 1.

rlist() ->
    L = [rnd(9) || _ <- lists:seq(1, rnd(8) - 1)],
    case rnd(12) of
        1 -> x;
        2 -> L ++ tail;
        _ -> L
    end.

rnum() -> case rnd(2) of 1 -> rnd(4); 2 -> float(rnd(4)) end.
rnums() -> [rnum() || _ <- lists:seq(1, rnd(12) - 1)].

rmap() ->
    N = case rnd(3) of 1 -> rnd(5) - 1; 2 -> rnd(40); 3 -> 30 + rnd(60) end,
    maps:from_list([{rnd(100), rnd(9)} || _ <- lists:seq(1, N)]).

rmaparg() ->
    case rnd(10) of 1 -> x; 2 -> maps:iterator(rmap()); 3 -> [0 | x]; _ -> rmap() end.

main() ->
    Preds = [fun(X) -> log(X), is_integer(X) andalso X rem 2 == 0 end,
             fun(X) -> log(X), if X == 7 -> maybe; true -> X < 5 end end,
             notfun, fun(_, _) -> true end],
    MapFs = [fun(X) -> log(X), {X} end, notfun],
    FmFs = [fun(X) -> log(X), case X rem 4 of 0 -> false; 1 -> true; 2 -> {true, -X}; 3 -> X == 3 end end,
            fun(X) -> log(X), if X == 8 -> bad; true -> true end end],
    FlatFs = [fun(X) -> log(X), [X, X] end, fun(X) -> log(X), if X == 5 -> x; true -> [X] end end],
    FoldFs = [fun(X, A) -> log(X), [X | A] end, notfun],
    MFoldFs = [fun(X, A) -> log(X), {X * 2, A + X} end, fun(X, A) -> log(X), if X == 4 -> x; true -> {X, A} end end],
    ZipFs = [fun(X, Y) -> log({X, Y}), X + Y end, notfun],
    Zip3Fs = [fun(X, Y, Z) -> log({X, Y, Z}), X + Y + Z end, notfun],
    SortFs = [fun(A, B) -> log({A, B}), A =< B end, fun(A, B) -> log({A, B}), A < B end,
              fun(A, B) -> log({A, B}), A >= B end, fun(A, B) -> log({A, B}), A > B end],
    [[run(lists, F, [G, rlist()]) || F <- [all, any, dropwhile, takewhile, filter, partition, search, splitwith], G <- Preds]
     || _ <- lists:seq(1, 40)],
    [[run(lists, F, [G, rlist()]) || F <- [map, foreach, uniq], G <- MapFs] || _ <- lists:seq(1, 40)],
    [[run(lists, F, [G, rlist()]) || F <- [filtermap, zf], G <- FmFs] || _ <- lists:seq(1, 40)],
    [[run(lists, flatmap, [G, rlist()]) || G <- FlatFs] || _ <- lists:seq(1, 40)],
    [[run(lists, F, [G, 0, rlist()]) || F <- [foldl, foldr], G <- FoldFs] || _ <- lists:seq(1, 40)],
    [[run(lists, F, [G, 0, rlist()]) || F <- [mapfoldl, mapfoldr], G <- MFoldFs] || _ <- lists:seq(1, 40)],
    [[run(lists, zipwith, [G, rlist(), rlist()]) || G <- ZipFs] || _ <- lists:seq(1, 40)],
    [[run(lists, zipwith3, [G, rlist(), rlist(), rlist()]) || G <- Zip3Fs] || _ <- lists:seq(1, 40)],
    [[run(lists, keymap, [G, I, [{X, X} || X <- rnums()]]) || G <- MapFs, I <- [0, 1, 2, 3, x]] || _ <- lists:seq(1, 10)],
    [[run(lists, F, [G, rnums()]) || F <- [sort, usort], G <- SortFs] || _ <- lists:seq(1, 40)],
    [[run(lists, F, [G, lists:sort(fun erlang:'=<'/2, rnums()), lists:sort(fun erlang:'=<'/2, rnums())])
      || F <- [merge, umerge], G <- SortFs] || _ <- lists:seq(1, 40)],
    [[run(lists, F, [G, lists:sort(fun erlang:'>='/2, rnums()), lists:sort(fun erlang:'>='/2, rnums())])
      || F <- [rmerge, rumerge], G <- SortFs] || _ <- lists:seq(1, 40)],
    [run(lists, F, [G | Rest]) || F <- [sort, usort], G <- [notfun, fun(_) -> true end],
                                  Rest <- [[[]], [[1]], [[1, 2]], [x], [[1 | x]], [[2, 1 | x]]]],
    MapF2 = [fun(K, V) -> log(K), K rem 2 == V rem 2 end,
             fun(K, V) -> log(K), case K rem 3 of 0 -> false; 1 -> {true, V * 2}; 2 -> true end end,
             notfun, fun(K, _) -> log(K), if K == 50 -> x; true -> true end end],
    MapF3 = [fun(K, V, A) -> log(K), [{K, V} | A] end, notfun],
    Comb = [fun(K, V1, V2) -> log({K, V1, V2}), {V1, V2} end, notfun, fun(_) -> x end],
    Upd = [fun(V) -> log(V), V + 1 end, notfun],
    [[run(maps, F, [G, rmaparg()]) || F <- [filter, filtermap, map, foreach], G <- MapF2] || _ <- lists:seq(1, 30)],
    [[run(maps, fold, [G, [], rmaparg()]) || G <- MapF3] || _ <- lists:seq(1, 30)],
    [[run(maps, F, [G, rmaparg(), rmaparg()]) || F <- [intersect_with, merge_with], G <- Comb] || _ <- lists:seq(1, 30)],
    _ = [[run(maps, update_with, [K, G, M]), run(maps, update_with, [K, G, 0, M])]
     || G <- Upd, K <- [1, 2, 3, 50], M <- [x, #{}, #{1 => 1}, #{3 => 3, 50 => 5}]],
    _ = [[run(maps, groups_from_list, [G, L]), run(maps, groups_from_list, [G, G, L])]
     || G <- [fun(X) -> log(X), X rem 3 end, notfun], L <- [x, [], [1, 2, 3, 4, 5, 6, 7], [1 | x], [4, 5, 6, 7, 8 | x]]],
    ok.
