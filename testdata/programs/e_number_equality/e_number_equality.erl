%% == and /= compare numbers by value (1 == 1.0) while =:= and =/= compare
%% terms exactly: guard tests, with a constant or two variables, and the
%% operators as values, over integers, floats, bignums and non-numbers.
-module(e_number_equality).
-export([main/0]).

main() ->
    Big = 1 bsl 70,
    Values = [1, 1.0, -1, -1.0, 0, 0.0, -0.0, 2.5, Big, float(Big), a, [], {1}, {1.0}, [1.0], <<>>],
    [io:format("~w: ~w ~w ~w~n", [X, const_tests(X), pair_tests(X, 1), pair_tests(1, X)]) || X <- Values],
    [io:format("~w vs ~w: ~w~n", [X, Y, pair_tests(X, Y)]) || X <- [0, 0.0, Big, {1}], Y <- [0.0, -0.0, float(Big), {1.0}]],
    ok.

const_tests(X) ->
    [eq_one(X), ne_one(X), eq_zero(X), exact_one(X), not_exact_one(X), eq_atom(X)].

eq_one(X) when X == 1 -> '==1';
eq_one(_) -> '-'.
ne_one(X) when X /= 1 -> '/=1';
ne_one(_) -> '-'.
eq_zero(X) when X == 0 -> '==0';
eq_zero(_) -> '-'.
exact_one(X) when X =:= 1 -> '=:=1';
exact_one(_) -> '-'.
not_exact_one(X) when X =/= 1 -> '=/=1';
not_exact_one(_) -> '-'.
eq_atom(X) when X == a -> '==a';
eq_atom(_) -> '-'.

pair_tests(X, Y) ->
    {guard_eq(X, Y), guard_ne(X, Y), guard_exact(X, Y), X == Y, X /= Y, X =:= Y, X =/= Y}.

guard_eq(X, Y) when X == Y -> eq;
guard_eq(_, _) -> ne.
guard_ne(X, Y) when X /= Y -> ne;
guard_ne(_, _) -> eq.
guard_exact(X, Y) when X =:= Y -> exact;
guard_exact(_, _) -> inexact.
