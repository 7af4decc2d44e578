-module(g_panic).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).

-spec explode(integer()) -> integer().
explode(N) ->
    case N of
        0 ->
            erlang:error(#{gleam_error => panic,
                    message => <<"panic expression evaluated"/utf8>>,
                    module => <<"g_panic"/utf8>>,
                    function => <<"explode"/utf8>>,
                    line => 15});

        _ ->
            N
    end.

-spec main() -> nil.
main() ->
    tiny_ffi:println(<<"before panic"/utf8>>),
    tiny_ffi:debug(g_panic_ffi:rescue(fun() -> explode(1) end)),
    tiny_ffi:debug(g_panic_ffi:rescue(fun() -> explode(0) end)),
    explode(0),
    tiny_ffi:println(<<"never printed"/utf8>>).
