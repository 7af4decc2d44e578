%% Deep non-tail recursion (1,000,000 frames) and other stack-heavy code.
-module(e_deep_recursion).
-export([main/0]).

main() ->
    p(sum(1000000)),
    L = build(1000000),
    p(length(L)),
    p(lists:sum(L)),
    p(length(my_map(fun(X) -> X * 2 end, L))),
    p(lists:last(my_map(fun(X) -> X * 2 end, L))),
    p(depth(nest(100000))),
    p(len(lists:seq(1, 500000))),
    p(ack(2, 3000)),
    %% deep recursion inside a spawned process
    Self = self(),
    spawn(fun() -> Self ! {deep, sum(1000000)} end),
    receive {deep, S} -> p(S) end,
    %% deep recursion through a try (catch frames on the stack)
    p(try_sum(100000)),
    ok.

sum(0) -> 0;
sum(N) -> N + sum(N - 1).

build(0) -> [];
build(N) -> [N | build(N - 1)].

my_map(_, []) -> [];
my_map(F, [H | T]) -> [F(H) | my_map(F, T)].

nest(0) -> leaf;
nest(N) -> {node, nest(N - 1)}.

depth(leaf) -> 0;
depth({node, T}) -> 1 + depth(T).

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

ack(0, N) -> N + 1;
ack(M, 0) -> ack(M - 1, 1);
ack(M, N) -> ack(M - 1, ack(M, N - 1)).

try_sum(0) -> 0;
try_sum(N) -> try N + try_sum(N - 1) catch _:_ -> error end.

p(X) -> io:format("~p~n", [X]).
