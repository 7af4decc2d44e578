%% Integer constants that are not small integers (bignums, from 2^59 on)
%% written in code: in function heads, case and select, guards,
%% arithmetic, tuples, lists and maps. Native code loads them from the
%% program's literal table.
-module(e_big_constants).
-export([main/0]).

-define(MASK64, 16#FFFFFFFFFFFFFFFF).
-define(FNV_PRIME, 1099511628211).
-define(FNV_OFFSET, 14695981039346656037).

main() ->
    Values = [0, 1, -1, 576460752303423487, 576460752303423488, -576460752303423488,
              -576460752303423489, 1 bsl 63, (1 bsl 64) - 1, 1 bsl 64, -(1 bsl 64),
              18446744073709551616, 1 bsl 70, -(1 bsl 70), 1 bsl 200, 42, 3.0, foo,
              18446744073709551615.0, [1 bsl 64], {1 bsl 64}],
    lists:foreach(fun(V) ->
                          io:format("~w: head ~w case ~w guards ~w~n", [V, head(V), kase(V), guards(V)])
                  end, Values),
    lists:foreach(fun(V) -> io:format("arith ~w: ~w~n", [V, arith(V)]) end,
                  [0, 1, -1, 12345, 1 bsl 59, 1 bsl 64, -(1 bsl 64), 1 bsl 100, -(1 bsl 100)]),
    lists:foreach(fun(V) -> io:format("arith_error ~w: ~w~n", [V, arith_error(V)]) end,
                  [atom, 1.5, [], {}]),
    io:format("fnv ~w ~w ~w~n", [fnv1a(<<>>), fnv1a(<<"a">>), fnv1a(<<"hello world">>)]),
    io:format("terms ~w~n", [terms(7)]),
    io:format("terms ~w~n", [terms(1 bsl 64)]),
    lists:foreach(fun(K) -> io:format("map ~w: ~w~n", [K, map_lookup(K)]) end,
                  [1 bsl 64, -(1 bsl 64), 1 bsl 100, small, 1 bsl 63, 1.8446744073709552e19]),
    io:format("maps ~w~n", [lists:sort(maps:to_list(make_map(1)))]),
    io:format("maps ~w~n", [lists:sort(maps:to_list(update_map(#{1 bsl 64 => a, k => b})))]),
    io:format("maps ~w~n", [update_map(#{})]),
    io:format("match ~w ~w ~w~n", [match_map(#{1 bsl 64 => yes}), match_map(#{1 bsl 65 => no}),
                                   match_map(#{})]),
    io:format("eq ~w~n", [[eq(V) || V <- [1 bsl 64, 18446744073709551616.0, 1 bsl 65, x]]]),
    io:format("bif ~w~n", [[bif_cmp(V) || V <- [0, 1 bsl 64, (1 bsl 64) + 1, 1 bsl 66, -(1 bsl 64), 2.0e19]]]),
    io:format("loop ~w~n", [loop(0, 0)]),
    io:format("clamp ~w~n", [[clamp(V) || V <- [-(1 bsl 80), -5, 0, 1 bsl 62, 1 bsl 80]]]),
    io:format("bad ~w~n", [catch_error(fun() -> badmatch(1 bsl 64) end)]),
    io:format("bad ~w~n", [catch_error(fun() -> badmatch(3) end)]),
    io:format("bad ~w~n", [catch_error(fun() -> no_clause(1 bsl 64) end)]),
    io:format("bad ~w~n", [catch_error(fun() -> erlang:error(1 bsl 70) end)]),
    io:format("bad ~w~n", [catch_error(fun() -> throw({1 bsl 64, -(1 bsl 64)}) end)]),
    io:format("funs ~w~n", [[F(2) || F <- funs()]]).

%% Function heads.
head(18446744073709551616) -> two64;
head(-18446744073709551616) -> minus_two64;
head(576460752303423488) -> two59;
head(-576460752303423489) -> below_min_small;
head(16#FFFFFFFFFFFFFFFF) -> max64;
head(1180591620717411303424) -> two70;
head({18446744073709551616}) -> tuple;
head([18446744073709551616]) -> list;
head(X) when is_integer(X), X > 1 bsl 64 -> big;
head(_) -> other.

%% case: select_val over bignums (and mixed with small integers and atoms).
kase(X) ->
    case X of
        9223372036854775808 -> two63;
        18446744073709551615 -> max64;
        18446744073709551616 -> two64;
        -18446744073709551616 -> minus_two64;
        -1180591620717411303424 -> minus_two70;
        0 -> zero;
        42 -> answer;
        foo -> foo;
        _ -> none
    end.

%% Guards: ==, =:=, /=, =/=, <, >=, >, =< with bignum constants.
guards(X) ->
    [if X == 18446744073709551616 -> eq; true -> ne end,
     if X =:= 18446744073709551616 -> exact; true -> inexact end,
     if X /= -18446744073709551616 -> ne; true -> eq end,
     if X =/= 576460752303423488 -> ne; true -> eq end,
     if X < 576460752303423488 -> lt; true -> ge end,
     if X >= -576460752303423489 -> ge; true -> lt end,
     if X > 9223372036854775807 -> gt; true -> le end,
     if X =< -9223372036854775808 -> le; true -> gt end].

%% Arithmetic with 64-bit and larger constants, negative ones too.
arith(X) ->
    [X band ?MASK64, X bor 16#F0000000000000000, X bxor 16#FFFFFFFFFFFFFFFF,
     X band -18446744073709551616, X bor -1180591620717411303424,
     X + 18446744073709551616, X - 18446744073709551616, 18446744073709551616 - X,
     X + -9223372036854775808, X * 18446744073709551616, X * -576460752303423488,
     X div 18446744073709551616, X rem 18446744073709551617,
     (X * ?FNV_PRIME) band ?MASK64, -X band 16#7FFFFFFFFFFFFFFF,
     abs(X - 1180591620717411303424), max(X, 576460752303423488), min(X, -576460752303423489)].

arith_error(X) ->
    try X band 18446744073709551616 of
        V -> {ok, V}
    catch
        error:E -> {error, E}
    end.

%% FNV-1a, 64-bit: the kind of code Gleam programs have.
fnv1a(Bin) -> fnv1a(Bin, ?FNV_OFFSET).

fnv1a(<<B, Rest/binary>>, H) -> fnv1a(Rest, ((H bxor B) * ?FNV_PRIME) band ?MASK64);
fnv1a(<<>>, H) -> H.

%% Tuples and lists holding bignum constants next to variables.
terms(X) ->
    T = {X, 18446744073709551616, -18446744073709551616, X + 1},
    L = [18446744073709551616, X, 1180591620717411303424 | [X, -576460752303423489]],
    {T, L, [X | 18446744073709551616], {tag, 9223372036854775808}}.

%% Maps with bignum keys and values.
map_lookup(K) ->
    M = #{18446744073709551616 => two64, -18446744073709551616 => minus,
          1267650600228229401496703205376 => two100, small => 18446744073709551616},
    case M of
        #{K := V} -> {found, V};
        #{} -> not_found
    end.

make_map(X) ->
    #{18446744073709551616 => X, X => 18446744073709551616, 9223372036854775808 => -9223372036854775809}.

update_map(M) ->
    try M#{18446744073709551616 := 36893488147419103232, k => 1 bsl 65} of
        R -> R
    catch
        error:E -> {error, E}
    end.

match_map(#{18446744073709551616 := V}) -> V;
match_map(#{36893488147419103232 := V}) -> {two65, V};
match_map(_) -> none.

eq(X) -> {X == 18446744073709551616, X =:= 18446744073709551616, X /= 36893488147419103232}.

%% Comparisons as BIF calls (their results used as values).
bif_cmp(X) ->
    {X < 18446744073709551616, X >= 18446744073709551617, X =:= 73786976294838206464,
     X == -18446744073709551616, X > 2.0e19}.

loop(N, Acc) when N < 5 -> loop(N + 1, (Acc + 18446744073709551616 * N) bxor 1180591620717411303424);
loop(_, Acc) -> Acc.

clamp(X) when X < -18446744073709551616 -> -18446744073709551616;
clamp(X) when X > 1180591620717411303424 -> 1180591620717411303424;
clamp(X) -> X.

badmatch(X) ->
    18446744073709551616 = X,
    ok.

no_clause(3) -> three.

catch_error(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:E -> {C, E}
    end.

funs() ->
    Big = 18446744073709551616,
    [fun(X) -> X * Big end, fun(X) -> X + 1180591620717411303424 end,
     fun(X) -> {X, -18446744073709551616} end].
