%% Funs and closures: local and external funs, captured variables, apply,
%% higher-order functions, recursion through funs.
-module(e_funs).
-export([main/0, add/2, twice/2]).

add(A, B) -> A + B.
twice(F, X) -> F(F(X)).

main() ->
    Inc = fun(X) -> X + 1 end,
    p(Inc(41)),
    N = 10,
    AddN = fun(X) -> X + N end,
    p(AddN(5)),
    p(twice(AddN, 1)),
    p(twice(fun(L) -> L ++ L end, [a])),
    Ext = fun ?MODULE:add/2,
    p(Ext(2, 3)),
    p(erlang:fun_info(Ext, arity)),
    p(erlang:fun_info(Ext, module)),
    p(erlang:fun_info(Ext, name)),
    Loc = fun sq/1,
    p(Loc(9)),
    p(lists:map(fun sq/1, [1, 2, 3])),
    p(lists:map(fun erlang:abs/1, [-1, 2, -3])),
    p(lists:foldl(fun ?MODULE:add/2, 0, [1, 2, 3, 4])),
    p(apply(fun add/2, [1, 2])),
    p(apply(?MODULE, add, [3, 4])),
    p(erlang:apply(lists, reverse, [[1, 2, 3]])),
    M = lists, F = seq,
    p(M:F(1, 5)),
    p(apply(M, F, [1, 3])),
    p(is_function(Inc)),
    p(is_function(Inc, 1)),
    p(is_function(Inc, 2)),
    p(is_function(Ext, 2)),
    p(erlang:fun_info(Inc, arity)),
    p(erlang:fun_info(AddN, env) =/= {env, []}),
    %% closures capturing many variables, nested closures
    Make = fun(A, B, C) -> fun(X) -> fun(Y) -> A * X + B * Y + C end end end,
    p(((Make(1, 2, 3))(10))(100)),
    Counter = make_counter(0),
    {V1, C1} = Counter(),
    {V2, C2} = C1(),
    {V3, _} = C2(),
    p([V1, V2, V3]),
    %% compose, curry, pipelines
    Compose = fun(Fs) -> lists:foldr(fun(G, Acc) -> fun(X) -> G(Acc(X)) end end, fun(X) -> X end, Fs) end,
    Pipeline = Compose([fun(X) -> X * 2 end, fun(X) -> X + 3 end, fun(X) -> X * X end]),
    p(Pipeline(4)),
    Curry = fun(G) -> fun(A) -> fun(B) -> G(A, B) end end end,
    p(((Curry(fun add/2))(20))(22)),
    %% recursion via named funs and Y-style
    Fact = fun Fact(0) -> 1; Fact(K) -> K * Fact(K - 1) end,
    p(Fact(25)),
    Fib = fun Fib(K) when K < 2 -> K; Fib(K) -> Fib(K - 1) + Fib(K - 2) end,
    p(Fib(20)),
    Y = fun(G) -> (fun(X) -> X(X) end)(fun(X) -> G(fun(A) -> (X(X))(A) end) end) end,
    YFact = Y(fun(Self) -> fun(0) -> 1; (K) -> K * Self(K - 1) end end),
    p(YFact(10)),
    %% funs with multiple clauses and guards
    Classify = fun(X) when is_integer(X), X < 0 -> neg;
                  (0) -> zero;
                  (X) when is_integer(X) -> pos;
                  (X) when is_atom(X) -> atom;
                  (_) -> other
               end,
    p(lists:map(Classify, [-5, 0, 5, a, "s"])),
    %% funs as data
    Ops = #{add => fun(A, B) -> A + B end, mul => fun(A, B) -> A * B end,
            sub => fun erlang:'-'/2},
    p([{Op, (maps:get(Op, Ops))(7, 3)} || Op <- [add, mul, sub]]),
    p(lists:sort(fun(A, B) -> A > B end, [3, 1, 2])),
    p(lists:filtermap(fun(X) -> case X rem 3 of 0 -> {true, X div 3}; _ -> false end end,
                      lists:seq(1, 20))),
    %% fun equality
    p(fun add/2 =:= fun add/2),
    p(fun ?MODULE:add/2 =:= fun ?MODULE:add/2),
    p(Inc =:= Inc),
    p(catch_it(fun() -> (id(Inc))(1, 2) end)),
    p(catch_it(fun() -> (id(not_a_fun))(1) end)),
    p(catch_it(fun() -> apply(?MODULE, nope, []) end)),
    p(catch_it(fun() -> (id(fun nomod:nofun/0))() end)),
    %% deep closure chains
    Chain = lists:foldl(fun(I, Acc) -> fun(X) -> Acc(X) + I end end, fun(X) -> X end, lists:seq(1, 1000)),
    p(Chain(0)),
    %% funs sent between processes
    Self = self(),
    Pid = spawn(fun() -> receive {run, G, Arg} -> Self ! {result, G(Arg)} end end),
    Pid ! {run, fun(X) -> X * N end, 7},
    receive {result, R} -> p(R) end,
    p(erlang:fun_to_list(fun lists:map/2)),
    ok.

sq(X) -> X * X.

make_counter(N) -> fun() -> {N, make_counter(N + 1)} end.

p(X) -> io:format("~p~n", [X]).

catch_it(F) -> try F() catch C:R -> {C, R} end.

id(X) -> X.
