%% The BIFs native code handles in line, at the edges of their fast paths:
%% small-integer limits, bignums, floats, wrong types, guards.
-module(e_inline_bifs).
-export([main/0]).

-define(MAXS, 576460752303423487).  % largest small integer (2^59 - 1)
-define(MINS, -576460752303423488). % smallest

main() ->
    Ints = [0, 1, -1, 7, -7, 3, -3, ?MAXS, ?MINS, ?MAXS + 1, ?MINS - 1, 1 bsl 70],
    Pairs = [{A, B} || A <- Ints, B <- Ints],
    [p({arith, A, B, safe(fun() -> A + B end), safe(fun() -> A - B end), safe(fun() -> A * B end)}) || {A, B} <- Pairs],
    [p({divrem, A, B, safe(fun() -> A div B end), safe(fun() -> A rem B end)}) || {A, B} <- Pairs],
    %% Literal divisors are divided by multiplying (powers of two by
    %% shifting): every sign, size and edge of the dividend.
    Dividends = Ints ++ [2, -2, 15, -15, 16, -16, 17, 100002, 100003, -100003, 100004,
                         1000003 * 1000003, -1000003 * 1000003 - 1, ?MAXS - 1, ?MINS + 1,
                         ?MAXS div 3 * 3, -(?MAXS div 7 * 7), 1.5]
                ++ [(I * 7919 * 104729 * 1299709) rem ?MAXS * S || I <- lists:seq(1, 40), S <- [1, -1]],
    [p({const_div, N, safe(fun() -> by_constants(N) end)}) || N <- Dividends],
    [p({bits, A, B, safe(fun() -> A band B end), safe(fun() -> A bor B end), safe(fun() -> A bxor B end)}) || {A, B} <- Pairs],
    [p({unary, A, safe(fun() -> -A end), safe(fun() -> bnot A end), guard_neg(A)})
     || A <- Ints ++ [1.5, -0.0, a, [1]]],
    %% A port is tagged 0111, a small integer 1111: the type tests
    %% must tell them apart.
    Port = binary_to_term(<<131, 102, 100, 0, 13, "nonode@nohost", 0, 0, 0, 1, 0>>),
    [p({immediate, X, safe(fun() -> X + 1 end), safe(fun() -> -X end), is_integer(X), is_port(X), guard_neg(X)})
     || X <- [Port, list_to_pid("<0.1.0>"), 5]],
    [p({shift, A, N, safe(fun() -> A bsl N end), safe(fun() -> A bsr N end)})
     || A <- Ints, N <- [0, 1, 4, 59, 60, 63]],
    Mixed = [1, 1.0, -0.0, 0, a, [], [1], {1}, <<>>, ?MAXS + 1, fun e_inline_bifs:main/0],
    [p({cmp, A, B, A < B, A > B, A =< B, A >= B, A =:= B, A =/= B, A == B, A /= B}) || A <- Mixed, B <- Mixed],
    [p({bool, X, safe(fun() -> not X end)}) || X <- [true, false, 1, a]],
    [p({list, X, safe(fun() -> hd(X) end), safe(fun() -> tl(X) end), safe(fun() -> length(X) end)})
     || X <- [[], [1], [1, 2, 3], [a | b], [1, 2 | c], a, {1}]],
    T = {a, b, c},
    [p({element, N, safe(fun() -> element(N, T) end)}) || N <- [0, 1, 2, 3, 4, -1, a, ?MAXS + 1]],
    [p({element_of, X, safe(fun() -> element(1, X) end), safe(fun() -> tuple_size(X) end)}) || X <- [{}, {x}, [x], x]],
    p(guards([1, 2, 3, 4, 5, 6, a, {1, 2}, [1], -5])),
    ok.

by_constants(N) ->
    {N div 2, N rem 2, N div -2, N rem -2, N div 3, N rem 3, N div -3, N rem -3,
     N div 7, N rem 7, N div 15, N rem 15, N div -15, N rem -15, N div 16, N rem 16,
     N div -16, N rem -16, N div 100003, N rem 100003, N div 1000000007, N rem 1000000007,
     N div 2147483648, N rem 2147483648, N div -2147483649, N rem -2147483649,
     N div ?MAXS, N rem ?MAXS, N div ?MINS, N rem ?MINS, N div 1, N rem 1}.

%% Inline BIFs in guards take the fail label instead of raising.
guards(L) ->
    [if
         X rem 2 =:= 0 -> even;
         element(1, X) =:= 1 -> tuple1;
         hd(X) =:= 1 -> list1;
         length(X) > 0 -> list;
         X div 2 < -1 -> small;
         true -> other
     end || X <- L].

guard_neg(X) when -X > 0 -> pos;
guard_neg(X) when is_integer(X), bnot X < 0 -> nonneg;
guard_neg(_) -> other.

safe(F) ->
    try F() catch error:R -> {error, R} end.

p(X) -> io:format("~w~n", [X]).
