-module(tiny@list).
-compile([no_auto_import, nowarn_unused_vars]).

-export([length/1, reverse/1, map/2, index_map/2, filter/2, fold/3, filter_map/2, fold_right/3, each/2, append/2, flatten/1, flat_map/2, range/2, zip/2, find/2, key_find/2, any/2, all/2, contains/2, take/2, drop/2, first/1, last/1, repeat/2, sort/2, unique/1, partition/2]).

-spec do_length(list(any()), integer()) -> integer().
do_length(L, Acc) ->
    case L of
        [] ->
            Acc;

        [_ | Rest] ->
            do_length(Rest, Acc + 1)
    end.

-spec length(list(any())) -> integer().
length(L) ->
    do_length(L, 0).

-spec do_reverse(list(FH), list(FH)) -> list(FH).
do_reverse(L, Acc) ->
    case L of
        [] ->
            Acc;

        [X | Rest] ->
            do_reverse(Rest, [X | Acc])
    end.

-spec reverse(list(FE)) -> list(FE).
reverse(L) ->
    do_reverse(L, []).

-spec do_map(list(FP), fun((FP) -> FR), list(FR)) -> list(FR).
do_map(L, F, Acc) ->
    case L of
        [] ->
            reverse(Acc);

        [X | Rest] ->
            do_map(Rest, F, [F(X) | Acc])
    end.

-spec map(list(FL), fun((FL) -> FN)) -> list(FN).
map(L, F) ->
    do_map(L, F, []).

-spec do_index_map(list(FY), fun((integer(), FY) -> GA), integer(), list(GA)) -> list(GA).
do_index_map(L, F, I, Acc) ->
    case L of
        [] ->
            reverse(Acc);

        [X | Rest] ->
            do_index_map(Rest, F, I + 1, [F(I, X) | Acc])
    end.

-spec index_map(list(FU), fun((integer(), FU) -> FW)) -> list(FW).
index_map(L, F) ->
    do_index_map(L, F, 0, []).

-spec do_filter(list(GG), fun((GG) -> boolean()), list(GG)) -> list(GG).
do_filter(L, Keep, Acc) ->
    case L of
        [] ->
            reverse(Acc);

        [X | Rest] ->
            case Keep(X) of
                true ->
                    do_filter(Rest, Keep, [X | Acc]);

                false ->
                    do_filter(Rest, Keep, Acc)
            end
    end.

-spec filter(list(GD), fun((GD) -> boolean())) -> list(GD).
filter(L, Keep) ->
    do_filter(L, Keep, []).

-spec fold(list(GR), GT, fun((GT, GR) -> GT)) -> GT.
fold(L, Acc, F) ->
    case L of
        [] ->
            Acc;

        [X | Rest] ->
            fold(Rest, F(Acc, X), F)
    end.

-spec filter_map(list(GK), fun((GK) -> {ok, GM} | {error, any()})) -> list(GM).
filter_map(L, F) ->
    _pipe = fold(L, [], fun(Acc, X) -> case F(X) of
                {ok, Y} ->
                    [Y | Acc];

                {error, _} ->
                    Acc
            end end),
    reverse(_pipe).

-spec fold_right(list(GU), GW, fun((GW, GU) -> GW)) -> GW.
fold_right(L, Acc, F) ->
    case L of
        [] ->
            Acc;

        [X | Rest] ->
            F(fold_right(Rest, Acc, F), X)
    end.

-spec each(list(GX), fun((GX) -> any())) -> nil.
each(L, F) ->
    case L of
        [] ->
            nil;

        [X | Rest] ->
            F(X),
            each(Rest, F)
    end.

-spec append(list(HA), list(HA)) -> list(HA).
append(A, B) ->
    do_reverse(reverse(A), B).

-spec flatten(list(list(HE))) -> list(HE).
flatten(L) ->
    fold_right(L, [], fun(Acc, X) -> append(X, Acc) end).

-spec flat_map(list(HI), fun((HI) -> list(HK))) -> list(HK).
flat_map(L, F) ->
    flatten(map(L, F)).

-spec do_range_up(integer(), integer(), list(integer())) -> list(integer()).
do_range_up(I, Start, Acc) ->
    case I < Start of
        true ->
            Acc;

        false ->
            do_range_up(I - 1, Start, [I | Acc])
    end.

-spec do_range_down(integer(), integer(), list(integer())) -> list(integer()).
do_range_down(I, Start, Acc) ->
    case I > Start of
        true ->
            Acc;

        false ->
            do_range_down(I + 1, Start, [I | Acc])
    end.

-spec range(integer(), integer()) -> list(integer()).
range(Start, Stop) ->
    case Start =< Stop of
        true ->
            do_range_up(Stop, Start, []);

        false ->
            do_range_down(Stop, Start, [])
    end.

-spec zip(list(HS), list(HU)) -> list({HS, HU}).
zip(A, B) ->
    case {A, B} of
        {[X | Xs], [Y | Ys]} ->
            [{X, Y} | zip(Xs, Ys)];

        {_, _} ->
            []
    end.

-spec find(list(HX), fun((HX) -> boolean())) -> {ok, HX} | {error, nil}.
find(L, Pred) ->
    case L of
        [] ->
            {error, nil};

        [X | Rest] ->
            case Pred(X) of
                true ->
                    {ok, X};

                false ->
                    find(Rest, Pred)
            end
    end.

-spec key_find(list({IB, IC}), IB) -> {ok, IC} | {error, nil}.
key_find(L, Key) ->
    case L of
        [] ->
            {error, nil};

        [{K, V} | _] when K =:= Key ->
            {ok, V};

        [_ | Rest] ->
            key_find(Rest, Key)
    end.

-spec any(list(IG), fun((IG) -> boolean())) -> boolean().
any(L, Pred) ->
    case L of
        [] ->
            false;

        [X | Rest] ->
            Pred(X) orelse any(Rest, Pred)
    end.

-spec all(list(II), fun((II) -> boolean())) -> boolean().
all(L, Pred) ->
    case L of
        [] ->
            true;

        [X | Rest] ->
            Pred(X) andalso all(Rest, Pred)
    end.

-spec contains(list(IK), IK) -> boolean().
contains(L, X) ->
    any(L, fun(Y) -> Y =:= X end).

-spec take(list(IM), integer()) -> list(IM).
take(L, N) ->
    case {N =< 0, L} of
        {true, _} ->
            [];

        {_, []} ->
            [];

        {_, [X | Rest]} ->
            [X | take(Rest, N - 1)]
    end.

-spec drop(list(IP), integer()) -> list(IP).
drop(L, N) ->
    case {N =< 0, L} of
        {true, _} ->
            L;

        {_, []} ->
            [];

        {_, [_ | Rest]} ->
            drop(Rest, N - 1)
    end.

-spec first(list(IS)) -> {ok, IS} | {error, nil}.
first(L) ->
    case L of
        [] ->
            {error, nil};

        [X | _] ->
            {ok, X}
    end.

-spec last(list(IW)) -> {ok, IW} | {error, nil}.
last(L) ->
    case L of
        [] ->
            {error, nil};

        [X] ->
            {ok, X};

        [_ | Rest] ->
            last(Rest)
    end.

-spec repeat(JA, integer()) -> list(JA).
repeat(X, N) ->
    case N =< 0 of
        true ->
            [];

        false ->
            [X | repeat(X, N - 1)]
    end.

-spec split_half(list(JF), list(JF), list(JF)) -> {list(JF), list(JF)}.
split_half(L, A, B) ->
    case L of
        [] ->
            {reverse(A), reverse(B)};

        [X] ->
            {reverse([X | A]), reverse(B)};

        [X@1, Y | Rest] ->
            split_half(Rest, [X@1 | A], [Y | B])
    end.

-spec merge(list(JL), list(JL), fun((JL, JL) -> tiny@order:order()), list(JL)) -> list(JL).
merge(A, B, Compare, Acc) ->
    case {A, B} of
        {[], _} ->
            do_reverse(Acc, B);

        {_, []} ->
            do_reverse(Acc, A);

        {[X | Xs], [Y | Ys]} ->
            case Compare(X, Y) of
                gt ->
                    merge(A, Ys, Compare, [Y | Acc]);

                _ ->
                    merge(Xs, B, Compare, [X | Acc])
            end
    end.

-spec sort(list(JC), fun((JC, JC) -> tiny@order:order())) -> list(JC).
sort(L, Compare) ->
    case L of
        [] ->
            [];

        [_] ->
            L;

        _ ->
            {A, B} = split_half(L, [], []),
            merge(sort(A, Compare), sort(B, Compare), Compare, [])
    end.

-spec unique(list(JQ)) -> list(JQ).
unique(L) ->
    case L of
        [] ->
            [];

        [X | Rest] ->
            [X | unique(filter(Rest, fun(Y) -> Y /= X end))]
    end.

-spec partition(list(JT), fun((JT) -> boolean())) -> {list(JT), list(JT)}.
partition(L, Pred) ->
    {filter(L, Pred), filter(L, fun(X) -> not Pred(X) end)}.
