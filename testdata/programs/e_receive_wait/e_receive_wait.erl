%% A receive that waits, natively: woken by a message that matches, by
%% ones that do not (the loop goes on waiting), by its timeout, and with
%% an infinite timeout held in a variable; clause bodies that compute,
%% receives nested in a clause, and a loop of them.
-module(e_receive_wait).
-export([main/0]).

main() ->
    Self = self(),
    %% A match that arrives after two that do not.
    P1 = spawn(fun() -> Self ! {p1, selective(0)} end),
    P1 ! noise, P1 ! {other, 1},
    sleep(5),
    P1 ! {go, 7},
    io:format("~w~n", [collect(p1)]),
    %% The timeout fires while waiting; then the message is still there.
    P2 = spawn(fun() -> Self ! {p2, timed()} end),
    io:format("~w~n", [collect(p2)]),
    P2 ! late,
    %% A message before the timeout.
    P3 = spawn(fun() -> Self ! {p3, before()} end),
    P3 ! {value, 41},
    io:format("~w~n", [collect(p3)]),
    %% An infinite timeout in a variable.
    P4 = spawn(fun() -> Self ! {p4, forever(id(infinity))} end),
    sleep(5),
    P4 ! {value, 1},
    io:format("~w~n", [collect(p4)]),
    %% A server loop whose clauses compute and reply.
    S = spawn(fun() -> server(0) end),
    Replies = [call(S, {add, N}) || N <- lists:seq(1, 50)],
    io:format("~w ~w~n", [lists:sum(Replies), call(S, total)]),
    %% Nested receives.
    P5 = spawn(fun() -> Self ! {p5, nested()} end),
    P5 ! outer, sleep(5), P5 ! {inner, 3},
    io:format("~w~n", [collect(p5)]),
    S ! stop,
    ok.

id(X) -> X.

sleep(Ms) -> receive after Ms -> ok end.

collect(Tag) -> receive {Tag, V} -> V after 2000 -> {no_reply, Tag} end.

selective(Acc) ->
    receive
        {go, N} -> {Acc + fib(N), drain()}
    end.

drain() -> receive M -> [M | drain()] after 0 -> [] end.

timed() ->
    R = receive late -> too_early after 20 -> timed_out end,
    {R, receive late -> got_late after 100 -> missing end}.

before() ->
    receive {value, V} -> {got, V + 1} after 1000 -> timed_out end.

forever(T) ->
    receive {value, V} -> {forever, V} after T -> impossible end.

server(Total) ->
    receive
        {From, {add, N}} ->
            T = Total + N * N,
            From ! {self(), fib(10) + N},
            server(T);
        {From, total} ->
            From ! {self(), Total},
            server(Total);
        stop ->
            ok
    end.

call(S, Req) ->
    S ! {self(), Req},
    receive {S, R} -> R end.

nested() ->
    receive
        outer ->
            receive {inner, N} -> {outer_then_inner, N * 2} after 1000 -> no_inner end
    end.

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
