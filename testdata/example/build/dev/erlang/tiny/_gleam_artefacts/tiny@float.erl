-module(tiny@float).
-compile([no_auto_import, nowarn_unused_vars]).

-export([to_string/1, parse/1, round/1, truncate/1, floor/1, ceiling/1, square_root/1, power/2, absolute_value/1, max/2]).

-spec to_string(float()) -> binary().
to_string(F) ->
    tiny_ffi:float_to_string(F).

-spec parse(binary()) -> {ok, float()} | {error, nil}.
parse(S) ->
    tiny_ffi:parse_float(S).

-spec round(float()) -> integer().
round(F) ->
    erlang:round(F).

-spec truncate(float()) -> integer().
truncate(F) ->
    erlang:trunc(F).

-spec floor(float()) -> float().
floor(F) ->
    math:floor(F).

-spec ceiling(float()) -> float().
ceiling(F) ->
    math:ceil(F).

-spec square_root(float()) -> float().
square_root(F) ->
    math:sqrt(F).

-spec power(float(), float()) -> float().
power(Base, Exp) ->
    math:pow(Base, Exp).

-spec absolute_value(float()) -> float().
absolute_value(F) ->
    erlang:abs(F).

-spec max(float(), float()) -> float().
max(A, B) ->
    case A > B of
        true ->
            A;

        false ->
            B
    end.
