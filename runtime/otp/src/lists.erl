%% beamrc's lists module: the functions that call funs.
%%
%% These run in the interpreter so that a fun they are given can call
%% back into Erlang code. Every other function of lists is a Go BIF in
%% runtime/bif, and those win over this module for the same name and
%% arity, so the calls to lists:reverse/1,2 below reach Go.
%%
%% Written for beamrc from OTP 25's documented behaviour and experiments
%% with erl: argument checks (where an is_function guard sits, which
%% clause meets a non-list) and the order in which funs are applied follow
%% what erl shows, so that errors have the same class and reason and side
%% effects happen in the same order. The exception is sort/2 and usort/2:
%% they return OTP's result for any ordering fun that is a total preorder
%% (=<) or strict order (<), but call the fun on other pairs.
-module(lists).

-export([all/2, any/2, dropwhile/2, filter/2, filtermap/2, flatmap/2,
         foldl/3, foldr/3, foreach/2, keymap/3, map/2, mapfoldl/3,
         mapfoldr/3, partition/2, search/2, splitwith/2, takewhile/2,
         zf/2, zipwith/3, zipwith3/4, uniq/2]).
-export([sort/2, usort/2, merge/3, umerge/3, rmerge/3, rumerge/3]).

%% ---- Predicates and traversals ----
%%
%% As in OTP, a bad fun is caught up front (function_clause) even when
%% the list is empty, and all/2, any/2, map/2 and foldl/3 look at the
%% list with a case first, so a non-list there raises {case_clause, L}
%% while an improper tail further on raises function_clause.

all(Pred, L) when is_function(Pred, 1) ->
    case L of
        [H | T] ->
            case Pred(H) of
                true -> all_1(Pred, T);
                false -> false
            end;
        [] -> true
    end.

all_1(Pred, [H | T]) ->
    case Pred(H) of
        true -> all_1(Pred, T);
        false -> false
    end;
all_1(_Pred, []) -> true.

any(Pred, L) when is_function(Pred, 1) ->
    case L of
        [H | T] ->
            case Pred(H) of
                true -> true;
                false -> any_1(Pred, T)
            end;
        [] -> false
    end.

any_1(Pred, [H | T]) ->
    case Pred(H) of
        true -> true;
        false -> any_1(Pred, T)
    end;
any_1(_Pred, []) -> false.

dropwhile(Pred, L) when is_function(Pred, 1) -> dropwhile_1(Pred, L).

dropwhile_1(Pred, [H | T] = L) ->
    case Pred(H) of
        true -> dropwhile_1(Pred, T);
        false -> L
    end;
dropwhile_1(_Pred, []) -> [].

takewhile(Pred, L) when is_function(Pred, 1) -> takewhile_1(Pred, L).

takewhile_1(Pred, [H | T]) ->
    case Pred(H) of
        true -> [H | takewhile_1(Pred, T)];
        false -> []
    end;
takewhile_1(_Pred, []) -> [].

%% A comprehension, so a non-list raises {bad_generator, L} and a
%% non-boolean from Pred raises {bad_filter, V}, as in OTP.
filter(Pred, L) when is_function(Pred, 1) ->
    [E || E <- L, Pred(E)].

filtermap(F, L) when is_function(F, 1) -> filtermap_1(F, L).

filtermap_1(F, [H | T]) ->
    case F(H) of
        false -> filtermap_1(F, T);
        true -> [H | filtermap_1(F, T)];
        {true, V} -> [V | filtermap_1(F, T)]
    end;
filtermap_1(_F, []) -> [].

zf(F, L) -> filtermap(F, L).

flatmap(F, L) when is_function(F, 1) -> flatmap_1(F, L).

flatmap_1(F, [H | T]) -> F(H) ++ flatmap_1(F, T);
flatmap_1(_F, []) -> [].

%% Tail-recursive: the accumulator is the state.
foldl(F, Acc, L) when is_function(F, 2) ->
    case L of
        [H | T] -> foldl_1(F, F(H, Acc), T);
        [] -> Acc
    end.

foldl_1(F, Acc, [H | T]) -> foldl_1(F, F(H, Acc), T);
foldl_1(_F, Acc, []) -> Acc.

foldr(F, Acc, [H | T]) -> F(H, foldr(F, Acc, T));
foldr(F, Acc, []) when is_function(F, 2) -> Acc.

foreach(F, L) when is_function(F, 1) -> foreach_1(F, L).

foreach_1(F, [H | T]) ->
    F(H),
    foreach_1(F, T);
foreach_1(_F, []) -> ok.

%% Body-recursive, applying F to the head before the tail, so F sees the
%% elements in list order.
map(F, L) when is_function(F, 1) ->
    case L of
        [H | T] ->
            V = F(H),
            [V | map_1(F, T)];
        [] -> []
    end.

map_1(F, [H | T]) ->
    V = F(H),
    [V | map_1(F, T)];
map_1(_F, []) -> [].

keymap(F, I, [Tup | T]) ->
    V = setelement(I, Tup, F(element(I, Tup))),
    [V | keymap(F, I, T)];
keymap(F, I, []) when is_integer(I), I >= 1, is_function(F, 1) -> [].

mapfoldl(F, Acc, L) when is_function(F, 2) -> mapfoldl_1(F, Acc, L).

mapfoldl_1(F, Acc0, [H | T]) ->
    {V, Acc1} = F(H, Acc0),
    {Vs, Acc} = mapfoldl_1(F, Acc1, T),
    {[V | Vs], Acc};
mapfoldl_1(_F, Acc, []) -> {[], Acc}.

mapfoldr(F, Acc0, [H | T]) ->
    {Vs, Acc1} = mapfoldr(F, Acc0, T),
    {V, Acc} = F(H, Acc1),
    {[V | Vs], Acc};
mapfoldr(F, Acc, []) when is_function(F, 2) -> {[], Acc}.

partition(Pred, L) when is_function(Pred, 1) -> partition(Pred, L, [], []).

partition(Pred, [H | T], Yes, No) ->
    case Pred(H) of
        true -> partition(Pred, T, [H | Yes], No);
        false -> partition(Pred, T, Yes, [H | No])
    end;
partition(_Pred, [], Yes, No) ->
    {lists:reverse(Yes), lists:reverse(No)}.

search(Pred, L) when is_function(Pred, 1) -> search_1(Pred, L).

search_1(Pred, [H | T]) ->
    case Pred(H) of
        true -> {value, H};
        false -> search_1(Pred, T)
    end;
search_1(_Pred, []) -> false.

splitwith(Pred, L) when is_function(Pred, 1) -> splitwith(Pred, L, []).

splitwith(Pred, [H | T] = L, Taken) ->
    case Pred(H) of
        true -> splitwith(Pred, T, [H | Taken]);
        false -> {lists:reverse(Taken), L}
    end;
splitwith(_Pred, [], Taken) -> {lists:reverse(Taken), []}.

zipwith(F, [X | Xs], [Y | Ys]) ->
    V = F(X, Y),
    [V | zipwith(F, Xs, Ys)];
zipwith(F, [], []) when is_function(F, 2) -> [].

zipwith3(F, [X | Xs], [Y | Ys], [Z | Zs]) ->
    V = F(X, Y, Z),
    [V | zipwith3(F, Xs, Ys, Zs)];
zipwith3(F, [], [], []) when is_function(F, 3) -> [].

%% Keeps the first element of each group with the same F(E) (compared
%% with =:=, which map keys give us).
uniq(F, L) when is_function(F, 1) -> uniq_1(F, L, #{}).

uniq_1(F, [H | T], Seen) ->
    K = F(H),
    case Seen of
        #{K := _} -> uniq_1(F, T, Seen);
        #{} -> [H | uniq_1(F, T, Seen#{K => []})]
    end;
uniq_1(_F, [], _Seen) -> [].

%% ---- Sorting with an ordering fun ----
%%
%% Le(A, B) says whether A may come before B. The sort is a bottom-up
%% merge sort: it cuts the list into runs that are already in order,
%% then merges neighbouring runs until one is left. An element that Le
%% puts level with another keeps its original position relative to it
%% (the sort is stable when Le is a total preorder such as =<).

%% As in OTP, the fun is checked up front only for lists that need no
%% comparison; a longer list fails when the fun is first called.
sort(Le, []) when is_function(Le, 2) -> [];
sort(Le, [_] = L) when is_function(Le, 2) -> L;
sort(Le, [_, _ | _] = L) -> merge_all(Le, runs(Le, L, []), false).

%% usort/2 checks the fun whatever the list.
usort(Le, []) when is_function(Le, 2) -> [];
usort(Le, [_] = L) when is_function(Le, 2) -> L;
usort(Le, [_, _ | _] = L) when is_function(Le, 2) ->
    merge_all(Le, runs(Le, L, []), true).

%% runs/3 cuts L into maximal runs in which each element may follow the
%% one before; each run is returned in order, and the list of runs is
%% in reverse.
runs(Le, [X | T], Acc) -> run(Le, T, [X], Acc);
runs(_Le, [], Acc) -> Acc.

run(Le, [Y | T] = L, [X | _] = Run, Acc) ->
    case Le(X, Y) of
        true -> run(Le, T, [Y | Run], Acc);
        false -> runs(Le, L, [lists:reverse(Run) | Acc])
    end;
run(_Le, [], Run, Acc) -> [lists:reverse(Run) | Acc].

%% Runs are merged pairwise, level by level, until one is left.
merge_all(_Le, [Run], Unique) when not Unique -> Run;
merge_all(Le, [Run], true) -> dedup(Le, Run);
merge_all(Le, Runs, Unique) ->
    merge_all(Le, merge_pairs(Le, lists:reverse(Runs), []), Unique).

merge_pairs(Le, [A, B | T], Acc) ->
    merge_pairs(Le, T, [fmerge(Le, A, B, []) | Acc]);
merge_pairs(_Le, [A], Acc) -> [A | Acc];
merge_pairs(_Le, [], Acc) -> Acc.

%% fmerge merges two ordered lists; on a tie the element of the first
%% list goes first.
fmerge(Le, [X | Xs] = L1, [Y | Ys] = L2, Acc) ->
    case Le(X, Y) of
        true -> fmerge(Le, Xs, L2, [X | Acc]);
        false -> fmerge(Le, L1, Ys, [Y | Acc])
    end;
fmerge(_Le, [], L2, Acc) -> lists:reverse(Acc, L2);
fmerge(_Le, L1, [], Acc) -> lists:reverse(Acc, L1).

%% dedup drops each element that the one before it is level with.
dedup(Le, [X | T]) -> [X | dedup(Le, X, T)].

dedup(Le, X, [Y | T]) ->
    case Le(Y, X) of
        true -> dedup(Le, X, T);
        false -> [Y | dedup(Le, Y, T)]
    end;
dedup(_Le, _X, []) -> [].

merge(Le, L1, L2) when is_function(Le, 2) -> fmerge(Le, L1, L2, []).

%% umerge/3: on a tie the element of L1 stays and the one of L2 goes.
%% Once an element X of L1 is out, an element Y of L2 that would follow
%% it is dropped if Le(Y, X) (they are level).
umerge(Le, L1, L2) when is_function(Le, 2) -> umerge_1(Le, L1, L2, none, []).

umerge_1(Le, [X | Xs] = L1, [Y | Ys] = L2, Last, Acc) ->
    case Le(X, Y) of
        true -> umerge_1(Le, Xs, L2, {X}, [X | Acc]);
        false -> umerge_1(Le, L1, Ys, none, keep_y(Le, Y, Last, Acc))
    end;
umerge_1(_Le, [], [], _Last, Acc) -> lists:reverse(Acc);
umerge_1(Le, [], [Y | Ys], Last, Acc) -> lists:reverse(keep_y(Le, Y, Last, Acc), Ys);
umerge_1(_Le, L1, [], _Last, Acc) -> lists:reverse(Acc, L1).

keep_y(Le, Y, {X}, Acc) ->
    case Le(Y, X) of
        true -> Acc;
        false -> [Y | Acc]
    end;
keep_y(_Le, Y, none, Acc) -> [Y | Acc].

%% rmerge/3 and rumerge/3 merge lists sorted in the reverse of Le's
%% order: Y goes first when Le(X, Y). On a tie rumerge/3 keeps the
%% element of L1: an element of L2 waits (Pend) until the next element
%% X of L1 shows whether Le(Y, X) makes them level.
rmerge(Le, L1, L2) when is_function(Le, 2) -> rmerge_1(Le, L1, L2, []).

rmerge_1(Le, [X | Xs] = L1, [Y | Ys] = L2, Acc) ->
    case Le(X, Y) of
        true -> rmerge_1(Le, L1, Ys, [Y | Acc]);
        false -> rmerge_1(Le, Xs, L2, [X | Acc])
    end;
rmerge_1(_Le, [], L2, Acc) -> lists:reverse(Acc, L2);
rmerge_1(_Le, L1, [], Acc) -> lists:reverse(Acc, L1).

rumerge(Le, L1, L2) when is_function(Le, 2) -> rumerge_1(Le, L1, L2, none, []).

rumerge_1(Le, [X | Xs] = L1, [Y | Ys] = L2, Pend, Acc) ->
    case Le(X, Y) of
        true -> rumerge_1(Le, L1, Ys, {Y}, pend(Pend, Acc));
        false -> rumerge_1(Le, Xs, L2, none, [X | settle(Le, Pend, X, Acc)])
    end;
rumerge_1(_Le, [], L2, Pend, Acc) -> lists:reverse(pend(Pend, Acc), L2);
rumerge_1(_Le, L1, [], none, Acc) -> lists:reverse(Acc, L1);
rumerge_1(Le, [X | Xs], [], Pend, Acc) ->
    lists:reverse([X | settle(Le, Pend, X, Acc)], Xs).

pend({Y}, Acc) -> [Y | Acc];
pend(none, Acc) -> Acc.

settle(Le, {Y}, X, Acc) ->
    case Le(Y, X) of
        true -> Acc;
        false -> [Y | Acc]
    end;
settle(_Le, none, _X, Acc) -> Acc.

