-module(tiny@int).
-compile([no_auto_import, nowarn_unused_vars]).

-export([to_string/1, to_base_string/2, parse/1, to_float/1, absolute_value/1, compare/2, max/2, min/2, is_even/1, power/2, sum/1]).

-spec to_string(integer()) -> binary().
to_string(I) ->
    erlang:integer_to_binary(I).

-spec to_base_string(integer(), integer()) -> binary().
to_base_string(I, Base) ->
    tiny_ffi:int_to_base(I, Base).

-spec parse(binary()) -> {ok, integer()} | {error, nil}.
parse(S) ->
    tiny_ffi:parse_int(S).

-spec to_float(integer()) -> float().
to_float(I) ->
    erlang:float(I).

-spec absolute_value(integer()) -> integer().
absolute_value(I) ->
    case I < 0 of
        true ->
            - I;

        false ->
            I
    end.

-spec compare(integer(), integer()) -> tiny@order:order().
compare(A, B) ->
    case A =:= B of
        true ->
            eq;

        false ->
            case A < B of
                true ->
                    lt;

                false ->
                    gt
            end
    end.

-spec max(integer(), integer()) -> integer().
max(A, B) ->
    case A > B of
        true ->
            A;

        false ->
            B
    end.

-spec min(integer(), integer()) -> integer().
min(A, B) ->
    case A < B of
        true ->
            A;

        false ->
            B
    end.

-spec is_even(integer()) -> boolean().
is_even(I) ->
    (I rem 2) =:= 0.

-spec power(integer(), integer()) -> integer().
power(Base, Exp) ->
    case Exp of
        0 ->
            1;

        _ ->
            case Exp rem 2 of
                0 ->
                    H = power(Base, Exp div 2),
                    H * H;

                _ ->
                    Base * power(Base, Exp - 1)
            end
    end.

-spec do_sum(list(integer()), integer()) -> integer().
do_sum(L, Acc) ->
    case L of
        [] ->
            Acc;

        [X | Rest] ->
            do_sum(Rest, Acc + X)
    end.

-spec sum(list(integer())) -> integer().
sum(L) ->
    do_sum(L, 0).
