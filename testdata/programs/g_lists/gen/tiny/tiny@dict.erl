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
    maps:is_key(D, Key).

-spec insert(dict(SB, SC), SB, SC) -> dict(SB, SC).
insert(D, Key, Value) ->
    maps:put(Key, Value, D).

-spec delete(dict(SN, SO), SN) -> dict(SN, SO).
delete(D, Key) ->
    maps:remove(Key, D).

-spec keys(dict(SZ, any())) -> list(SZ).
keys(D) ->
    maps:keys(D).

-spec values(dict(any(), TF)) -> list(TF).
values(D) ->
    maps:values(D).

-spec merge(dict(TJ, TK), dict(TJ, TK)) -> dict(TJ, TK).
merge(A, B) ->
    maps:merge(A, B).

-spec update(dict(TR, TS), TR, fun((tiny@option:option(TS)) -> TS)) -> dict(TR, TS).
update(D, Key, F) ->
    tiny_ffi:map_update(D, Key, F).

-spec fold(dict(TY, TZ), UC, fun((UC, TY, TZ) -> UC)) -> UC.
fold(D, Acc, F) ->
    maps:fold(fun(K, V, Acc@1) -> F(Acc@1, K, V) end, Acc, D).

-spec map_values(dict(UI, UJ), fun((UI, UJ) -> UM)) -> dict(UI, UM).
map_values(D, F) ->
    maps:map(F, D).
