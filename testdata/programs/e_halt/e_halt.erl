%% main/0 writes a lot of output and then calls erlang:halt(3): every byte
%% written before the halt reaches stdout and the exit status is 3.
-module(e_halt).
-export([main/0]).

main() ->
    Line = lists:duplicate(99, $x),
    [io:format("~6..0w ~s~n", [I, Line]) || I <- lists:seq(1, 2000)],
    io:put_chars(<<"last line before halt\n">>),
    erlang:halt(3),
    io:format("never printed~n").
