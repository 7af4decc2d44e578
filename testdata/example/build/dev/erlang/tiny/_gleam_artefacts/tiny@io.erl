-module(tiny@io).
-compile([no_auto_import, nowarn_unused_vars]).

-export([print/1, println/1, eprintln/1, debug/1, set_utf8/0]).

-spec print(binary()) -> nil.
print(S) ->
    tiny_ffi:print(S).

-spec println(binary()) -> nil.
println(S) ->
    tiny_ffi:println(S).

-spec eprintln(binary()) -> nil.
eprintln(S) ->
    tiny_ffi:eprintln(S).

-spec debug(I) -> I.
debug(X) ->
    tiny_ffi:debug(X).

-spec set_utf8() -> nil.
set_utf8() ->
    tiny_ffi:set_utf8().
