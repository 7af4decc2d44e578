%% lists:reverse/1 and /2, which native code does in line: every call
%% position (a plain call, a tail call from a frame, a tail call without
%% one), proper and improper lists and the errors and stack traces of the
%% BIF, tails of every kind, and lists too long to copy without a
%% collection.
-module(e_reverse).
-export([main/0]).

main() ->
    io:format("-- shapes~n"),
    io:format("~w~n", [[plain(L) || L <- shapes()]]),
    io:format("~w~n", [[onto(L, T) || L <- shapes(), T <- [[], [x], tail, {t}, [a | b]]]]),
    io:format("~w~n", [[framed(L) || L <- shapes()]]),
    io:format("~w~n", [[last(L, 7) || L <- shapes()]]),
    io:format("~w~n", [[only(L) || L <- shapes()]]),
    io:format("-- errors~n"),
    [io:format("~w~n", [catch_all(F)]) || F <- errors()],
    io:format("-- long~n"),
    Long = lists:seq(1, 300000),
    {R} = plain(Long),
    io:format("~w ~w ~w~n", [length(R), hd(R), lists:last(R)]),
    {R2} = onto(Long, [end1, end2]),
    io:format("~w ~w~n", [length(R2), lists:nthtail(300000, R2)]),
    io:format("~w~n", [grow(200, [])]),
    ok.

id(X) -> X.

shapes() ->
    [[], [1], [1, 2], [a, {b}, "c", <<"d">>, 1.5, 1 bsl 70],
     lists:seq(1, 40), [[1, 2], [3]]].

catch_all(F) ->
    try F() of V -> {ok, V} catch C:R:S -> {C, R, trim(S)} end.

%% The frames of this module and of lists only: the rest is the harness.
trim(S) -> [{M, F, A} || {M, F, A, _} <- S, M =:= ?MODULE orelse M =:= lists].

plain(L) -> R = lists:reverse(id(L)), {R}.

onto(L, T) -> R = lists:reverse(id(L), id(T)), {R}.

framed(L) ->
    X = id(L),
    R = lists:reverse(X),
    {length(X), R}.

last(L, N) ->
    X = id(L),
    _ = id(N),
    lists:reverse(X, [N]).

only(L) -> lists:reverse(L).

errors() ->
    [fun() -> plain([a | b]) end,
     fun() -> plain(foo) end,
     fun() -> plain([a, b | c]) end,
     fun() -> onto([a | b], []) end,
     fun() -> onto(foo, []) end,
     fun() -> only(<<"bin">>) end,
     fun() -> last([1, 2, 3 | 4], 1) end].

%% Reverses in a loop that allocates as it goes, so that some calls find
%% the heap full.
grow(0, Acc) -> {length(Acc), lists:sum(Acc)};
grow(N, Acc) -> grow(N - 1, lists:reverse([N | Acc], lists:seq(1, N rem 7))).
