-module(tiny@option).
-compile([no_auto_import, nowarn_unused_vars]).

-export([unwrap/2, map/2, from_result/1]).
-export_type([option/1]).

-type option(BA) :: {some, BA} | none.

-spec unwrap(option(BB), BB) -> BB.
unwrap(O, Default) ->
    case O of
        {some, X} ->
            X;

        none ->
            Default
    end.

-spec map(option(BD), fun((BD) -> BF)) -> option(BF).
map(O, F) ->
    case O of
        {some, X} ->
            {some, F(X)};

        none ->
            none
    end.

-spec from_result({ok, BH} | {error, any()}) -> option(BH).
from_result(R) ->
    case R of
        {ok, X} ->
            {some, X};

        {error, _} ->
            none
    end.
