%% beamrc's maps module: the functions that call funs.
%%
%% These run in the interpreter so that a fun they are given can call
%% back into Erlang code; every other function of maps is a Go BIF in
%% runtime/bif (which wins over this module for the same name and
%% arity). The functions that walk a map accept an iterator too, as in
%% OTP 25, and visit the pairs in iterator order.
%%
%% Written for beamrc from OTP 25's documented behaviour and experiments
%% with erl: a bad fun raises badarg before anything else is looked at,
%% a bad map raises {badmap, M}.
-module(maps).

-export([filter/2, filtermap/2, fold/3, foreach/2, map/2,
         update_with/3, update_with/4, intersect_with/3, merge_with/3,
         groups_from_list/2, groups_from_list/3]).

%% first/2 returns the first step of walking a map or an iterator, or
%% raises the error OTP raises for it.
first(MapOrIter, Args) ->
    try maps:next(iter(MapOrIter))
    catch error:_ -> erlang:error({badmap, MapOrIter}, Args)
    end.

iter(M) when is_map(M) -> maps:iterator(M);
iter(It) -> It.

fold(F, Acc, M) when is_function(F, 3) ->
    fold_1(F, Acc, first(M, [F, Acc, M]));
fold(F, Acc, M) -> erlang:error(badarg, [F, Acc, M]).

fold_1(F, Acc, {K, V, Next}) -> fold_1(F, F(K, V, Acc), maps:next(Next));
fold_1(_F, Acc, none) -> Acc.

foreach(F, M) when is_function(F, 2) ->
    foreach_1(F, first(M, [F, M]));
foreach(F, M) -> erlang:error(badarg, [F, M]).

foreach_1(F, {K, V, Next}) ->
    F(K, V),
    foreach_1(F, maps:next(Next));
foreach_1(_F, none) -> ok.

map(F, M) when is_function(F, 2) ->
    maps:from_list(map_1(F, first(M, [F, M])));
map(F, M) -> erlang:error(badarg, [F, M]).

map_1(F, {K, V, Next}) ->
    NewV = F(K, V),
    [{K, NewV} | map_1(F, maps:next(Next))];
map_1(_F, none) -> [].

filter(Pred, M) when is_function(Pred, 2) ->
    maps:from_list(filter_1(Pred, first(M, [Pred, M])));
filter(Pred, M) -> erlang:error(badarg, [Pred, M]).

filter_1(Pred, {K, V, Next}) ->
    case Pred(K, V) of
        true -> [{K, V} | filter_1(Pred, maps:next(Next))];
        false -> filter_1(Pred, maps:next(Next))
    end;
filter_1(_Pred, none) -> [].

filtermap(F, M) when is_function(F, 2) ->
    maps:from_list(filtermap_1(F, first(M, [F, M])));
filtermap(F, M) -> erlang:error(badarg, [F, M]).

filtermap_1(F, {K, V, Next}) ->
    case F(K, V) of
        true -> [{K, V} | filtermap_1(F, maps:next(Next))];
        {true, NewV} -> [{K, NewV} | filtermap_1(F, maps:next(Next))];
        false -> filtermap_1(F, maps:next(Next))
    end;
filtermap_1(_F, none) -> [].

update_with(K, F, M) when is_map(M), is_function(F, 1) ->
    case M of
        #{K := V} -> M#{K := F(V)};
        #{} -> erlang:error({badkey, K}, [K, F, M])
    end;
update_with(K, F, M) when is_map(M) -> erlang:error(badarg, [K, F, M]);
update_with(K, F, M) -> erlang:error({badmap, M}, [K, F, M]).

update_with(K, F, Init, M) when is_map(M), is_function(F, 1) ->
    case M of
        #{K := V} -> M#{K := F(V)};
        #{} -> M#{K => Init}
    end;
update_with(K, F, Init, M) when is_map(M) ->
    erlang:error(badarg, [K, F, Init, M]);
update_with(K, F, Init, M) -> erlang:error({badmap, M}, [K, F, Init, M]).

intersect_with(F, M1, M2) when is_function(F, 3), is_map(M1), is_map(M2) ->
    if
        map_size(M1) =< map_size(M2) ->
            maps:from_list(intersect_1(fun(K, V1, V2) -> F(K, V1, V2) end,
                                       maps:next(maps:iterator(M1)), M2));
        true ->
            maps:from_list(intersect_1(fun(K, V2, V1) -> F(K, V1, V2) end,
                                       maps:next(maps:iterator(M2)), M1))
    end;
intersect_with(F, M1, M2) -> bad3(F, M1, M2).

%% Walks the smaller map, looking each key up in the other.
intersect_1(F, {K, V, Next}, Other) ->
    case Other of
        #{K := OV} -> [{K, F(K, V, OV)} | intersect_1(F, maps:next(Next), Other)];
        #{} -> intersect_1(F, maps:next(Next), Other)
    end;
intersect_1(_F, none, _Other) -> [].

merge_with(F, M1, M2) when is_function(F, 3), is_map(M1), is_map(M2) ->
    if
        map_size(M1) =< map_size(M2) ->
            merge_1(fun(K, V1, V2) -> F(K, V1, V2) end,
                    maps:next(maps:iterator(M1)), M2);
        true ->
            merge_1(fun(K, V2, V1) -> F(K, V1, V2) end,
                    maps:next(maps:iterator(M2)), M1)
    end;
merge_with(F, M1, M2) -> bad3(F, M1, M2).

%% Puts the pairs of the smaller map into the larger one.
merge_1(F, {K, V, Next}, Acc) ->
    case Acc of
        #{K := AV} -> merge_1(F, maps:next(Next), Acc#{K := F(K, V, AV)});
        #{} -> merge_1(F, maps:next(Next), Acc#{K => V})
    end;
merge_1(_F, none, Acc) -> Acc.

bad3(F, M1, M2) when not is_function(F, 3) -> erlang:error(badarg, [F, M1, M2]);
bad3(F, M1, M2) when not is_map(M1) -> erlang:error({badmap, M1}, [F, M1, M2]);
bad3(F, M1, M2) -> erlang:error({badmap, M2}, [F, M1, M2]).

groups_from_list(KeyF, L) when is_function(KeyF, 1) ->
    groups(fun(E) -> {KeyF(E), E} end, L, [KeyF, L]);
groups_from_list(KeyF, L) -> erlang:error(badarg, [KeyF, L]).

groups_from_list(KeyF, ValF, L) when is_function(KeyF, 1), is_function(ValF, 1) ->
    groups(fun(E) -> {KeyF(E), ValF(E)} end, L, [KeyF, ValF, L]);
groups_from_list(KeyF, ValF, L) -> erlang:error(badarg, [KeyF, ValF, L]).

%% Each group lists its values in the order of L.
groups(F, L, Args) ->
    Rev = try lists:reverse(L) catch error:_ -> erlang:error(badarg, Args) end,
    groups_1(F, Rev, #{}).

groups_1(F, [E | T], Acc) ->
    {K, V} = F(E),
    case Acc of
        #{K := Vs} -> groups_1(F, T, Acc#{K := [V | Vs]});
        #{} -> groups_1(F, T, Acc#{K => [V]})
    end;
groups_1(_F, [], Acc) -> Acc.
