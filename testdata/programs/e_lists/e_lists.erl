%% Lists: the lists module, list comprehensions, ++ and --.
-module(e_lists).
-export([main/0]).

main() ->
    L = [5, 3, 8, 1, 9, 2, 7],
    p(lists:map(fun(X) -> X * X end, L)),
    p(lists:filter(fun(X) -> X rem 2 =:= 1 end, L)),
    p(lists:foldl(fun(X, Acc) -> [X | Acc] end, [], L)),
    p(lists:foldr(fun(X, Acc) -> [X | Acc] end, [], L)),
    p(lists:foldl(fun(X, Acc) -> X + Acc end, 0, L)),
    p(lists:reverse(L)),
    p(lists:sort(L)),
    p(lists:sort(fun(A, B) -> A >= B end, L)),
    p(lists:usort([3, 1, 3, 2, 1, 2.0, 1.0])),
    p(lists:sort([3, 1.0, 1, b, "a", {x}, [], <<"z">>, 2.5])),
    p(lists:seq(1, 10)),
    p(lists:seq(10, 1, -3)),
    p(lists:seq(1, 0)),
    p(lists:nth(3, L)),
    p(lists:nthtail(4, L)),
    p(lists:last(L)),
    p(lists:zip([a, b, c], [1, 2, 3])),
    p(lists:unzip([{a, 1}, {b, 2}])),
    p(lists:zip3([a, b], [1, 2], ["x", "y"])),
    p(lists:zipwith(fun(A, B) -> A * B end, [1, 2, 3], [4, 5, 6])),
    p(lists:flatten([1, [2, [3, [4, []]], 5], [[[6]]]])),
    p(lists:append([[1, 2], [3], [], [4, 5]])),
    p(lists:append("abc", "def")),
    p(lists:member(8, L)),
    p(lists:member(4, L)),
    p(lists:delete(8, L)),
    p(lists:delete(42, L)),
    p(lists:split(3, L)),
    p(lists:splitwith(fun(X) -> X > 2 end, L)),
    p(lists:partition(fun(X) -> X > 4 end, L)),
    p(lists:sublist(L, 2, 3)),
    p(lists:sublist(L, 3)),
    p(lists:duplicate(4, x)),
    p(lists:max(L)),
    p(lists:min(L)),
    p(lists:sum(L)),
    p(lists:all(fun(X) -> X > 0 end, L)),
    p(lists:any(fun(X) -> X > 8 end, L)),
    p(lists:takewhile(fun(X) -> X > 2 end, L)),
    p(lists:dropwhile(fun(X) -> X > 2 end, L)),
    p(lists:mapfoldl(fun(X, Acc) -> {X * 2, Acc + X} end, 0, L)),
    p(lists:flatmap(fun(X) -> [X, X] end, [1, 2, 3])),
    p(lists:enumerate([a, b, c])),
    p(lists:filtermap(fun(X) when X > 4 -> {true, X * 10}; (X) -> X =:= 1 end, L)),
    p(lists:subtract([1, 2, 3, 2, 1], [2, 1])),
    p(lists:join(", ", ["a", "b", "c"])),
    p(lists:concat([abc, 12, "x", 1.5])),
    p(lists:uniq([3, 1, 3, 2, 1])),
    p(lists:prefix([1, 2], [1, 2, 3])),
    p(lists:suffix([3], [1, 2, 3])),
    p(lists:search(fun(X) -> X > 7 end, L)),
    %% key lists
    KL = [{b, 2, "two"}, {a, 1, "one"}, {c, 3, "three"}, {a, 0, "zero"}],
    p(lists:keyfind(a, 1, KL)),
    p(lists:keyfind(3, 2, KL)),
    p(lists:keyfind(z, 1, KL)),
    p(lists:keysort(1, KL)),
    p(lists:keysort(2, KL)),
    p(lists:keymember(c, 1, KL)),
    p(lists:keydelete(a, 1, KL)),
    p(lists:keyreplace(b, 1, KL, {b, 22, "twenty-two"})),
    p(lists:keystore(d, 1, KL, {d, 4, "four"})),
    p(lists:keytake(c, 1, KL)),
    p(lists:ukeysort(1, KL)),
    p(lists:keymerge(1, [{a, 1}, {c, 3}], [{b, 2}, {d, 4}])),
    p(lists:merge([1, 4, 7], [2, 3, 8])),
    p(proplists:get_value(k, [{j, 1}, {k, 2}])),
    p(proplists:get_value(z, [{j, 1}], default)),
    %% comprehensions
    p([X * 2 || X <- L, X > 3]),
    p([{X, Y} || X <- [1, 2, 3], Y <- [a, b], X =/= 2]),
    p([X || {X, true} <- [{1, true}, {2, false}, {3, true}, not_a_tuple]]),
    p([X + Y || X <- [1, 2], Y <- [10, 20], X + Y > 11]),
    p([[C] || C <- "abc"]),
    p(pythag(30)),
    p(qsort([3, 6, 1, 8, 2, 9, 4, 7, 5, 0])),
    p(perms([1, 2, 3])),
    %% ++ and --
    p([1, 2] ++ [3, 4]),
    p([] ++ [a]),
    p([1, 2, 3, 2, 1] -- [2, 3]),
    p([a, b, c] -- [d]),
    p("hello" -- "l"),
    p([1, 2 | improper]),
    p(hd(L)),
    p(tl(L)),
    p(length(lists:seq(1, 100000))),
    p(length(lists:seq(1, 100000) ++ lists:seq(1, 5))),
    p(lists:sum(lists:seq(1, 100000) -- lists:seq(1, 99990))),
    p(lists:reverse(lists:seq(1, 20), [tail])),
    p(lists:sort(fun({A, _}, {B, _}) -> A =< B end, [{2, a}, {1, b}, {2, c}, {1, d}])),
    p(catch_it(fun() -> lists:nth(10, L) end)),
    p(catch_it(fun() -> hd(id([])) end)),
    p(catch_it(fun() -> length(id([1 | 2])) end)),
    p(catch_it(fun() -> id([1]) ++ id(a) end)),
    p(catch_it(fun() -> id(a) ++ id([1]) end)),
    ok.

p(X) -> io:format("~p~n", [X]).

pythag(N) ->
    [{A, B, C} || A <- lists:seq(1, N), B <- lists:seq(A, N), C <- lists:seq(B, N),
                  A * A + B * B =:= C * C].

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

catch_it(F) -> try F() catch C:R -> {C, R} end.

id(X) -> X.
