%% main/0 ends with an uncaught throw: status 1.
-module(e_throw_main).
-export([main/0]).

main() ->
    io:format("about to throw~n"),
    throw({uncaught, [1, 2, 3]}).
