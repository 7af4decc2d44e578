%% Processes: spawn, send, selective receive, registered names, the process
%% dictionary, request/reply with explicit synchronisation.
-module(e_processes).
-export([main/0, echo/0, counter/1]).

main() ->
    Self = self(),
    p(is_pid(Self)),
    p(self() =:= Self),
    %% echo server
    Echo = spawn(?MODULE, echo, []),
    Echo ! {Self, hello},
    receive {Echo, Reply} -> p(Reply) end,
    Echo ! {Self, [1, 2, 3]},
    receive {Echo, Reply2} -> p(Reply2) end,
    Echo ! stop,
    %% selective receive: messages arrive in order, we pick out of order
    Self ! {b, 2}, Self ! {a, 1}, Self ! {c, 3}, Self ! other,
    receive {c, C} -> p({got, c, C}) end,
    receive {a, A} -> p({got, a, A}) end,
    receive Msg1 -> p({first_remaining, Msg1}) end,
    receive Msg2 -> p({next_remaining, Msg2}) end,
    p(flush()),
    %% receive with after 0
    p(receive nothing -> yes after 0 -> timeout end),
    %% counter server with registered name
    register(counter, spawn(?MODULE, counter, [0])),
    p(whereis(counter) =/= undefined),
    [counter ! {incr, N} || N <- lists:seq(1, 100)],
    counter ! {get, Self},
    receive {count, Count} -> p(Count) end,
    p(lists:member(counter, registered())),
    Ref = monitor(process, whereis(counter)),
    counter ! stop,
    receive {'DOWN', Ref, process, _, Why} -> p({counter_down, Why}) end,
    p(whereis(counter)),
    p(catch_it(fun() -> counter ! hi end)),
    %% many processes, results gathered in a fixed order
    Pids = [spawn(fun() -> receive {go, From} -> From ! {self(), I * I} end end) || I <- lists:seq(1, 50)],
    [P ! {go, Self} || P <- lists:reverse(Pids)],
    Squares = [receive {P, Sq} -> Sq end || P <- Pids],
    p(lists:sum(Squares)),
    %% parallel map
    p(pmap(fun(X) -> X * 3 end, lists:seq(1, 20))),
    %% process dictionary
    p(put(k1, v1)),
    p(put(k1, v2)),
    put(k2, 42),
    p(get(k1)),
    p(get(nokey)),
    p(lists:sort(get_keys())),
    p(lists:sort(get())),
    p(erase(k1)),
    p(get(k1)),
    p(get_keys(42)),
    %% process info
    p(process_info(Self, message_queue_len)),
    Self ! x, Self ! y,
    p(process_info(Self, message_queue_len)),
    p(flush()),
    p(is_process_alive(Self)),
    Dead = spawn(fun() -> ok end),
    DRef = monitor(process, Dead),
    receive {'DOWN', DRef, process, Dead, Reason} -> p({dead, Reason}) end,
    p(is_process_alive(Dead)),
    Dead ! ignored,
    %% messages of many shapes survive copying
    Big = {lists:seq(1, 1000), list_to_binary(lists:duplicate(100, $x)), #{a => [1.5]},
           <<1:3>>, fun(X) -> X + 1 end, make_ref()},
    Echo2 = spawn(?MODULE, echo, []),
    Echo2 ! {Self, Big},
    receive {Echo2, Big2} -> p(Big2 =:= Big), p((element(5, Big2))(1)) end,
    Echo2 ! stop,
    %% a chain of processes passing a token
    p(chain(100)),
    p(spawn_count(1000)),
    ok.

echo() ->
    receive
        {From, Msg} -> From ! {self(), Msg}, echo();
        stop -> ok
    end.

counter(N) ->
    receive
        {incr, K} -> counter(N + K);
        {get, From} -> From ! {count, N}, counter(N);
        stop -> ok
    end.

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

pmap(F, L) ->
    Self = self(),
    Pids = [spawn(fun() -> Self ! {self(), F(X)} end) || X <- L],
    [receive {P, R} -> R end || P <- Pids].

chain(N) ->
    Self = self(),
    First = lists:foldl(fun(_, Next) ->
                                spawn(fun() -> receive T -> Next ! T + 1 end end)
                        end, Self, lists:seq(1, N)),
    First ! 0,
    receive T -> T end.

spawn_count(N) ->
    Self = self(),
    [spawn(fun() -> Self ! done end) || _ <- lists:seq(1, N)],
    length([receive done -> ok end || _ <- lists:seq(1, N)]).

p(X) -> io:format("~p~n", [X]).

catch_it(F) -> try F() catch C:R -> {C, R} end.
