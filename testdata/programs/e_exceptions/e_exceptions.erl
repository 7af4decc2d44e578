%% Exceptions of every class and the standard error reasons. Stack traces are
%% printed only as the {Module, Function, Arity} of their first frame.
-module(e_exceptions).
-export([main/0, three/3]).

-record(r, {a}).

three(A, B, C) -> {A, B, C}.

main() ->
    %% classes
    p(run(fun() -> throw(ball) end)),
    p(run(fun() -> error(oops) end)),
    p(run(fun() -> exit(bye) end)),
    p(run(fun() -> error({custom, [1, 2]}) end)),
    p(run(fun() -> erlang:error(with_args, [a, b]) end)),
    p(run(fun() -> exit(normal) end)),
    %% standard errors
    p(run_nf(fun() -> id(a) + 1 end)),
    p(run_nf(fun() -> 1 / id(0) end)),
    p(run_nf(fun() -> id(1) div id(0) end)),
    p(run_nf(fun() -> 1.0e308 * id(10.0) end)),
    p(run(fun() -> {x} = id({y}) end)),
    p(run(fun() -> case id(3) of 1 -> one; 2 -> two end end)),
    p(run(fun() -> if_clause(3) end)),
    p(run(fun() -> fc(3) end)),
    p(run(fun() -> (fun(1) -> ok end)(id(2)) end)),
    p(run(fun() -> nomod:nofun(1) end)),
    p(run(fun() -> ?MODULE:nofun() end)),
    p(run(fun() -> (id(notfun))() end)),
    p(run(fun() -> (id(fun(X) -> X end))() end)),
    p(run(fun() -> maps:get(k, id(#{})) end)),
    p(run(fun() -> (id(#{}))#{k := 1} end)),
    p(run(fun() -> (id(list))#{k => 1} end)),
    p(run(fun() -> atom_to_list(id(123)) end)),
    p(run(fun() -> list_to_integer(id("12x")) end)),
    p(run(fun() -> element(id(9), {1}) end)),
    p(run(fun() -> (id(#r{a = 1}))#r.a + id(#r.a) end)),
    p(run(fun() -> (id({q, 1}))#r.a end)),
    p(run(fun() -> try id(1) of 2 -> two catch _:_ -> caught end end)),
    p(run(fun() -> binary_to_atom(id(<<255, 255>>), utf8) end)),
    p(run(fun() -> erlang:raise(throw, raised, [{?MODULE, three, 3, []}]) end)),
    p(run(fun() -> erlang:raise(error, raised2, [{m, f, [1, 2], [{file, "x.erl"}, {line, 7}]}]) end)),
    p(run(fun() -> erlang:raise(exit, raised3, []) end)),
    p(catch_it(fun() -> erlang:raise(bad_class, x, []) end)),
    %% catch expression
    p(catch throw(thrown)),
    p(catch 42),
    p(element(1, catch error(e))),
    p(case catch error(e) of {'EXIT', {e, _}} -> error_exit_shape end),
    p(catch exit(ex)),
    %% try/catch/after ordering
    p(with_after(fun() -> ok end)),
    p(with_after(fun() -> throw(t) end)),
    p(try with_after(fun() -> error(e) end) catch error:e -> outer_caught end),
    p(nested()),
    p(rethrow()),
    p(try_of(1)),
    p(catch try_of(2)),
    p(run(fun() -> try_of(3) end)),
    %% stack trace of a function_clause carries the arguments
    try fc(a) catch error:function_clause:St -> p({fc_args, first_args(St)}) end,
    try lists:nth(0, [1]) catch error:Reason:St2 -> p({Reason, first_frame(St2)}) end,
    try binary_to_list(id(a)) catch error:badarg:St3 -> p({badarg, first_frame(St3), first_args(St3)}) end,
    %% deep throw
    p(catch deep_throw(1000)),
    %% throw through many frames with after
    put(afters, 0),
    p(catch deep_after(50)),
    p(get(afters)),
    %% exceptions in a loop
    p(lists:sum([try maybe_throw(I) catch throw:{skip, J} -> -J end || I <- lists:seq(1, 100)])),
    %% error in spawned process does not affect main
    Self = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Self ! started, error(in_child) end),
    receive started -> ok end,
    receive {'DOWN', Ref, process, Pid, {in_child, St4}} -> p({child_down, first_frame(St4)}) end,
    p(done),
    ok.

run(F) ->
    try F() of
        V -> {value, V}
    catch
        Class:Reason:St -> {Class, Reason, first_frame(St)}
    end.

%% Arithmetic errors: whether the operator's own frame ({erlang,'+',2}) is on
%% top depends on how the emulator implements the instruction, so only the
%% class and reason are printed.
run_nf(F) ->
    try F() of
        V -> {value, V}
    catch
        Class:Reason -> {Class, Reason}
    end.

first_frame([{M, F, A, _} | _]) when is_list(A) -> {M, F, length(A)};
first_frame([{M, F, A, _} | _]) -> {M, F, A};
first_frame([]) -> none.

first_args([{_, _, A, _} | _]) -> A.

if_clause(X) -> if X > 5 -> big; X < 0 -> neg end.

fc(1) -> one;
fc(2) -> two.

with_after(F) ->
    try F() of
        V -> {ok, V}
    catch
        throw:T -> {caught, T}
    after
        io:format("after runs~n")
    end.

nested() ->
    try
        try throw(inner)
        catch throw:inner -> throw(outer)
        end
    catch
        throw:outer -> nested_ok
    end.

rethrow() ->
    try
        try error(first)
        catch error:first:St -> erlang:raise(error, second, St)
        end
    catch
        error:Second -> {rethrown, Second}
    end.

try_of(X) ->
    try id(X) of
        1 -> one;
        2 -> throw(from_of)
    catch
        throw:from_of -> caught_from_of;
        error:{try_clause, V} -> {try_clause, V}
    end.

deep_throw(0) -> throw(bottom);
deep_throw(N) -> 1 + deep_throw(N - 1).

deep_after(0) -> throw(deep_bottom);
deep_after(N) ->
    try 1 + deep_after(N - 1)
    after put(afters, get(afters) + 1)
    end.

maybe_throw(I) when I rem 7 =:= 0 -> throw({skip, I});
maybe_throw(I) -> I.

p(X) -> io:format("~p~n", [X]).

catch_it(F) -> try F() catch C:R -> {C, R} end.

id(X) -> X.
