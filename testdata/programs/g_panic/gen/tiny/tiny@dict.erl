-module(tiny@dict).
-compile([no_auto_import, nowarn_unused_vars]).

-export([new/0, from_list/1, to_list/1, size/1, get/2, has_key/2, insert/3, delete/2, keys/1, values/1, merge/2, update/3, fold/3, map_values/2]).
-export_type([dict/2]).

-type dict(QX, QY) :: any() | {gleam_phantom, QX, QY}.

-spec new() -> dict(any(), any()).
new() ->
    maps:new().

-spec from_list(list({RD, RE})) -> dict(RD, RE).
from_list(L) ->
    maps:from_list(L).

-spec to_list(dict(RI, RJ)) -> list({RI, RJ}).
to_list(D) ->
    maps:to_list(D).

-spec size(dict(any(), any())) -> integer().
size(D) ->
    maps:size(D).

-spec get(dict(RR, RS), RR) -> {ok, RS} | {error, nil}.
get(D, Key) ->
    tiny_ffi:map_get(D, Key).

-spec has_key(dict(RX, any()), RX) -> boolean().
has_key(D, Key) ->
    maps:is_key(Key, D).

-spec insert(dict(SF, SG), SF, SG) -> dict(SF, SG).
insert(D, Key, Value) ->
    maps:put(Key, Value, D).

-spec delete(dict(SR, SS), SR) -> dict(SR, SS).
delete(D, Key) ->
    maps:remove(Key, D).

-spec keys(dict(TD, any())) -> list(TD).
keys(D) ->
    maps:keys(D).

-spec values(dict(any(), TJ)) -> list(TJ).
values(D) ->
    maps:values(D).

-spec merge(dict(TN, TO), dict(TN, TO)) -> dict(TN, TO).
merge(A, B) ->
    maps:merge(A, B).

-spec update(dict(TV, TW), TV, fun((tiny@option:option(TW)) -> TW)) -> dict(TV, TW).
update(D, Key, F) ->
    tiny_ffi:map_update(D, Key, F).

-spec fold(dict(UC, UD), UG, fun((UG, UC, UD) -> UG)) -> UG.
fold(D, Acc, F) ->
    maps:fold(fun(K, V, Acc@1) -> F(Acc@1, K, V) end, Acc, D).

-spec map_values(dict(UM, UN), fun((UM, UN) -> UQ)) -> dict(UM, UQ).
map_values(D, F) ->
    maps:map(F, D).
