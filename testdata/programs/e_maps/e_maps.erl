%% Maps: small (flatmap, up to 32 keys) and large (HAMT) maps, the maps module,
%% map syntax, and the printing and iteration order of large maps.
-module(e_maps).
-export([main/0]).

main() ->
    M = #{a => 1, b => 2, "c" => 3, 4 => four, {x} => [y]},
    p(M),
    w(M),
    p(maps:get(a, M)),
    p(maps:get(zz, M, default)),
    p(maps:find("c", M)),
    p(maps:find(nope, M)),
    p(maps:put(a, 100, M)),
    p(maps:put(new, 0, M)),
    p(maps:remove(b, M)),
    p(maps:update(a, 11, M)),
    p(maps:update_with(a, fun(V) -> V * 7 end, M)),
    p(maps:update_with(q, fun(V) -> V end, init, M)),
    p(maps:merge(M, #{a => merged, z => 26})),
    p(maps:merge_with(fun(_K, V1, V2) -> {V1, V2} end, #{a => 1, b => 2}, #{b => 3, c => 4})),
    p(maps:size(M)),
    p(map_size(#{})),
    p(maps:keys(M)),
    p(maps:values(M)),
    p(maps:to_list(M)),
    p(maps:from_list([{k, 1}, {k, 2}, {j, 0}])),
    p(maps:from_keys([a, b], 0)),
    p(maps:with([a, b, nope], M)),
    p(maps:without([a, b], M)),
    p(maps:is_key(4, M)),
    p(maps:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], M)),
    p(maps:map(fun(_K, V) -> {v, V} end, #{a => 1, b => 2})),
    p(maps:filter(fun(_K, V) -> is_integer(V) end, M)),
    p(maps:filtermap(fun(_K, V) when is_integer(V) -> {true, V * 2}; (_, _) -> false end, M)),
    p(maps:groups_from_list(fun(X) -> X rem 3 end, lists:seq(1, 10))),
    %% syntax
    M2 = M#{a := 5, c => new},
    p(M2),
    #{a := A, "c" := C} = M2,
    p({A, C}),
    p(match(#{type => circle, r => 2})),
    p(match(#{type => square, side => 3})),
    p(match(#{})),
    p(#{1 => a, 1.0 => b}),
    p(#{<<"bin">> => 1, [] => 2, {} => 3, 0 => 4, atom => 5, "s" => 6, 1.5 => 7}),
    p(catch_it(fun() -> (id(M))#{nope := 1} end)),
    p(catch_it(fun() -> maps:get(nope, id(M)) end)),
    p(catch_it(fun() -> #{} = id(notmap) end)),
    p(catch_it(fun() -> (id(notmap))#{a => 1} end)),
    p(catch_it(fun() -> maps:get(a, id(notmap)) end)),
    %% maps nest
    Nested = #{outer => #{inner => #{deep => 1}}},
    #{outer := #{inner := #{deep := Deep}}} = Nested,
    p(Deep),
    p(Nested),
    %% the 32-key boundary
    lists:foreach(fun(N) ->
                          Mn = maps:from_list([{K, K * K} || K <- lists:seq(1, N)]),
                          io:format("~w: ~w ~w~n", [N, maps:size(Mn), maps:keys(Mn) =:= lists:seq(1, N)])
                  end, [31, 32, 33]),
    M32 = maps:from_list([{K, K} || K <- lists:seq(1, 32)]),
    M33 = M32#{33 => 33},
    p(M33),
    p(maps:remove(33, M33)),
    p(maps:remove(33, M33) =:= M32),
    %% large maps: printing and ordering (implementation-specific, on purpose)
    M40 = maps:from_list([{K, K * 10} || K <- lists:seq(1, 40)]),
    p(M40),
    w(M40),
    p(maps:keys(M40)),
    %% (no atom keys in large maps: OTP 25 orders them by atom-table index,
    %% which is not even stable from one erl run to the next)
    M100 = maps:from_list([{K, integer_to_list(K)} || K <- lists:seq(1, 100)]),
    p(M100),
    w(maps:to_list(M100)),
    Mixed = maps:from_list([{K, v} || K <- ["str", <<"bin">>, 1.5, -3, {7, 1}, ["l"], 1 bsl 70, -1.0e10] ++ lists:seq(100, 140)]),
    w(maps:keys(Mixed)),
    Strs = maps:from_list([{integer_to_binary(K), K} || K <- lists:seq(1, 50)]),
    w(maps:keys(Strs)),
    p(maps:fold(fun(K, V, Acc) -> Acc + K * V end, 0, M40)),
    p(lists:sort(maps:keys(M100)) =:= lists:seq(1, 100)),
    %% large map operations
    Big = maps:from_list([{K, K} || K <- lists:seq(1, 10000)]),
    Big2 = lists:foldl(fun(K, Acc) -> maps:remove(K, Acc) end, Big, lists:seq(1, 10000, 2)),
    p(maps:size(Big2)),
    p(maps:get(5000, Big2)),
    p(maps:is_key(4999, Big2)),
    p(lists:sum(maps:values(Big2))),
    Big3 = maps:map(fun(_, V) -> V * 2 end, Big2),
    p(maps:get(10000, Big3)),
    p(maps:with([2, 4, 6, 7], Big3)),
    p(Big2 =:= maps:from_list(maps:to_list(Big2))),
    p(maps:merge(M40, M33) =:= maps:merge(M33, M40)),
    p(map_size(maps:merge(M40, Big))),
    p(#{1 => 2} < #{1 => 3}),
    p(#{2 => 1} > #{1 => 2}),
    p(#{a => 1} < #{a => 1, b => 2}),
    p(lists:sort([#{b => 1}, #{a => 2}, #{a => 1, b => 1}, #{}, #{1 => x}])),
    ok.

match(#{type := circle, r := R}) -> {area, 3 * R * R};
match(#{type := square, side := S}) -> {area, S * S};
match(_) -> unknown.

p(X) -> io:format("~p~n", [X]).
w(X) -> io:format("~w~n", [X]).

catch_it(F) -> try F() catch C:R -> {C, R} end.

id(X) -> X.
