%% apply(M, F, [Args...]) with a literal argument list compiles to the
%% apply and apply_last instructions: calls of exported functions and
%% BIFs, in body and tail position, and the errors of a bad module,
%% function or arity, with their stack traces.
-module(e_apply).
-export([main/0, add/2, twice/1, fail/1]).

main() ->
    M = id(e_apply),
    io:format("~w~n", [body(M, add, 1, 2)]),
    io:format("~w~n", [tail(M, twice, 21)]),
    io:format("~w~n", [body(id(erlang), '+', 40, 2)]),
    io:format("~w~n", [tail(id(lists), reverse, [1, 2, 3])]),
    io:format("~w~n", [loop(M, 100000, 0)]),
    [io:format("~w~n", [catch_trace(F)]) || F <- [
        fun() -> body(M, nope, 1, 2) end,
        fun() -> tail(M, nope, 1) end,
        fun() -> body(id(no_such_module), add, 1, 2) end,
        fun() -> body(id(42), add, 1, 2) end,
        fun() -> tail(M, id("add"), 1) end,
        fun() -> body(M, fail, 1, 2) end,
        fun() -> tail(M, fail, boom) end,
        fun() -> body(id(erlang), '+', a, 2) end]],
    ok.

body(M, F, A, B) -> {M:F(A, B)}.
tail(M, F, A) -> M:F(A).

%% A loop of applies: native code calls through the runtime each time.
loop(_, 0, Acc) -> Acc;
loop(M, N, Acc) -> loop(M, N - 1, M:add(Acc, N rem 7)).

add(A, B) -> A + B.
twice(X) -> 2 * X.
fail(X) -> error({failed, X}).
id(X) -> X.

catch_trace(F) ->
    try F() of
        V -> {ok, V}
    catch
        Class:Reason:St -> {Class, Reason, [{Mod, Fn, A, proplists:get_value(line, L)} || {Mod, Fn, A, L} <- St, Mod =/= erl_eval]}
    end.
