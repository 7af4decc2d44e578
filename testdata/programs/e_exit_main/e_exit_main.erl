%% main/0 ends with exit(normal) while other processes are still running and
%% linked to it: the program ends normally (status 0).
-module(e_exit_main).
-export([main/0]).

main() ->
    Self = self(),
    spawn_link(fun() -> Self ! ready, receive never -> ok end end),
    spawn(fun() -> receive never -> ok end end),
    receive ready -> ok end,
    io:format("exiting normally with live processes~n"),
    exit(normal).
