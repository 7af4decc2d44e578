%% beamrc run's argument passing (run_test.go): plain arguments after --,
%% and the same as binaries for an entry of matching arity.
-module(runargs).
-export([main/0, two/2, stop/1]).

main() -> io:format("~p~n", [init:get_plain_arguments()]).

two(A, B) -> io:format("~p ~p ~p~n", [A, B, init:get_plain_arguments()]).

stop(Code) -> io:format("stopping~n"), erlang:halt(binary_to_integer(Code)).
