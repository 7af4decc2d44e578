%% Raises that native code handles without the runtime when a native
%% handler catches them: traces deeper than OTP keeps (8 frames), a catch
%% far below a full trace, the innermost of nested catches, re-raises,
%% tail calls of the raising BIF, every class, old-style catch, and the
%% uncaught raise of a process.
-module(e_native_raise).
-export([main/0]).

main() ->
    [p({deep, D, C, trace(fun() -> deep(D, C) end)}) || D <- [0, 1, 6, 7, 8, 12], C <- [throw, error, exit]],
    %% Distinct call sites: the trace is cut at 8 frames.
    [p({chain, C, trace(fun() -> c1(C) end)}) || C <- [throw, error, exit, none]],
    %% The catch is below more continuation pointers than a trace keeps.
    p({far, far(10)}),
    p({nested, nested()}),
    p({reraised, trace(fun() -> reraise(5) end)}),
    p({tail, trace(fun() -> tail_throw(3) end), trace(fun() -> tail_error(3) end)}),
    p({old_catch, strip(catch deep(3, error)), catch deep(3, throw), strip(catch deep(3, exit))}),
    p({in_loop, loop(1000, 0)}),
    p({no_raise, deep(3, none)}),
    p({after_catch, after_catch(4)}),
    {Pid, Ref} = spawn_monitor(fun() -> deep(9, error) end),
    receive {'DOWN', Ref, process, Pid, Reason} -> p({uncaught, strip(Reason)}) end,
    ok.

trace(F) ->
    try F() of
        V -> {returned, V}
    catch
        Class:Reason:Stack -> {Class, Reason, frames(Stack)}
    end.

%% Frames without line numbers' files: function and arity, or args.
frames(Stack) -> [{M, F, A, line(Loc)} || {M, F, A, Loc} <- Stack].

line(Loc) -> proplists:get_value(line, Loc).

strip({'EXIT', {R, Stack}}) when is_list(Stack) -> {'EXIT', R, frames(Stack)};
strip({'EXIT', R}) -> {'EXIT', R};
strip({R, Stack}) when is_list(Stack) -> {R, frames(Stack)};
strip(X) -> X.

deep(0, none) -> [];
deep(0, throw) -> throw({bottom, throw});
deep(0, error) -> erlang:error({bottom, error});
deep(0, exit) -> exit({bottom, exit});
deep(N, C) -> [N | deep(N - 1, C)].

c1(C) -> [1 | c2(C)].
c2(C) -> [2 | c3(C)].
c3(C) -> [3 | c4(C)].
c4(C) -> [4 | c5(C)].
c5(C) -> [5 | c6(C)].
c6(C) -> [6 | c7(C)].
c7(C) -> [7 | c8(C)].
c8(C) -> [8 | c9(C)].
c9(C) -> [9 | deep(0, C)].

far(0) -> [c1(throw)];
far(N) ->
    try
        [far_inner(N) | N]
    catch
        throw:{bottom, _} = T when N =:= 10 -> {caught_at, N, T}
    end.

far_inner(N) -> [N | far(N - 1)].

nested() ->
    Inner = try
                try deep(2, throw)
                catch error:_ -> wrong_class
                end
            catch throw:T -> {outer_got, T}
            end,
    {Inner, try deep(2, error) catch error:E -> {only_handler, E} end}.

reraise(N) ->
    try deep(N, error)
    catch error:{bottom, _} = E -> erlang:raise(error, {again, E}, [])
    end.

tail_throw(0) -> throw(tail);
tail_throw(N) -> [N | tail_throw(N - 1)].

tail_error(N) when N > 0 -> tail_error(N - 1);
tail_error(0) -> erlang:error(tail).

loop(0, Acc) -> Acc;
loop(N, Acc) ->
    V = try deep(N rem 9, element(N rem 3 + 1, {throw, error, exit}))
        catch
            throw:{bottom, _} -> 1;
            error:{bottom, _} -> 2;
            exit:{bottom, _} -> 3
        end,
    loop(N - 1, Acc + V).

%% The stack after a caught raise is the handler's: calls made from the
%% handler and after it return where they should.
after_catch(N) ->
    X = try deep(N, throw) catch throw:T -> {T, deep_sum(N)} end,
    {X, deep_sum(N + 1)}.

deep_sum(0) -> 0;
deep_sum(N) -> N + deep_sum(N - 1).

p(X) -> io:format("~p~n", [X]).
