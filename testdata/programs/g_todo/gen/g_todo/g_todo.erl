-module(g_todo).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).

-spec unfinished(integer()) -> integer().
unfinished(_) ->
    erlang:error(#{gleam_error => todo,
            message => <<"this is not written yet"/utf8>>,
            module => <<"g_todo"/utf8>>,
            function => <<"unfinished"/utf8>>,
            line => 11}).

-spec main() -> integer().
main() ->
    tiny_ffi:println(<<"calling unfinished code"/utf8>>),
    unfinished(3).
