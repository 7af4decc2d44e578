%% Term order: number < atom < reference < fun < port < pid < tuple < map
%% < nil < list < bit string, and comparisons within each type.
-module(e_term_order).
-export([main/0]).

main() ->
    Terms = [<<"b">>, <<"a">>, <<1:3>>, <<>>, [b], [a, b], [a], [], "abc",
             #{b => 1}, #{a => 2}, #{a => 1, b => 0}, #{},
             {2, a}, {1, b}, {1, a, x}, {},
             zebra, apple, 'Apple', '',
             2.5, 2, 1, 1.0, -1, -1.5, 1 bsl 80, -(1 bsl 80), 1.0e30,
             self_fun, fun lists:map/2],
    Sorted = lists:sort([replace(T) || T <- Terms]),
    p(Sorted),
    p(lists:reverse(lists:sort(fun(A, B) -> A >= B end, [replace(T) || T <- Terms]))),
    p([{1 < a, a < {}, {} < [], [] < <<>>, {} < #{}, #{} < []}]),
    p([{1 == 1.0, 1 =:= 1.0, 1 /= 1.0, 1 =/= 1.0}]),
    p([{1 < 1.0, 1.0 < 1, 1 > 1.0, 1 >= 1.0, 1 =< 1.0}]),
    p(lists:sort([1.0, 1, 1.0, 1])),
    p(lists:usort([1.0, 1, 2, 2.0])),
    p(lists:sort([{1, 2}, {1.0, 1}, {1, 1.0}])),
    p([(1 bsl 70) > 1.0e20, (1 bsl 70) < 1.0e22, 9007199254740993 > 9007199254740992.0,
       9007199254740993 == 9007199254740992.0]),
    p([{a, b} < {a, b, c}, {b} < {a, a}, [1, 2] < [1, 2, 3], [2] > [1, 9, 9]]),
    p([<<1>> < <<1, 0>>, <<2>> > <<1, 255>>, <<1:1>> < <<1>>, <<0:1>> < <<0:2>>]),
    p(["abc" < "abd", "ab" < "abc", "b" > "abc"]),
    p([#{a => 1} < #{b => 1}, #{a => 2} > #{a => 1}, #{c => 1} < #{a => 1, b => 1},
       #{1 => a} < #{a => 1}, #{1.0 => a} < #{1 => a}]),
    p(lists:sort([#{1 => x}, #{1.0 => x}, #{a => 1}, #{2 => y}])),
    p([max(1, 1.0), min(1, 1.0), max(1.0, 1), min(1.0, 1)]),
    p([max(a, 1), min("a", <<"a">>), max({}, [])]),
    Self = self(),
    Ref = make_ref(),
    F = fun() -> ok end,
    p([is_number(1) andalso 1 < a, a < Ref, Ref < F, F < Self, Self < {}]),
    p(lists:sort([Self, {}, a, Ref, F, 1]) =:= [1, a, Ref, F, Self, {}]),
    p([0.0 == -0.0, 0.0 =:= -0.0, 0 == -0.0, lists:usort([0.0, -0.0])]),
    p([erlang:'=:='(a, a), erlang:'<'(1, 2), erlang:'=='(2, 2.0)]),
    ok.

replace(self_fun) -> {fun_placeholder};
replace(T) when is_function(T) -> {fun_placeholder2};
replace(T) -> T.

p(X) -> io:format("~p~n", [X]).
