%% Timers: receive ... after, erlang:send_after, start_timer, cancel_timer.
-module(e_timers).
-export([main/0]).

main() ->
    Self = self(),
    p(receive x -> x after 10 -> timeout_10 end),
    p(receive x -> x after 0 -> timeout_0 end),
    erlang:send_after(60, Self, third),
    erlang:send_after(20, Self, first),
    erlang:send_after(40, Self, second),
    p([receive M -> M end || _ <- [1, 2, 3]]),
    T = erlang:send_after(1000, Self, cancelled),
    Left = erlang:cancel_timer(T),
    p({cancelled, is_integer(Left), Left > 0, Left =< 1000}),
    p(erlang:cancel_timer(T)),
    p(receive cancelled -> got_it after 20 -> not_received end),
    TRef = erlang:start_timer(10, Self, payload),
    receive {timeout, TRef, Payload} -> p({timeout_msg, Payload}) end,
    T2 = erlang:start_timer(5000, Self, x),
    p(is_integer(erlang:read_timer(T2))),
    erlang:cancel_timer(T2),
    p(erlang:read_timer(T2)),
    %% a timer to a registered name
    register(me, Self),
    erlang:send_after(5, me, by_name),
    p(receive by_name -> by_name end),
    %% timers and processes: a sleeper
    Pid = spawn(fun() -> timer_sleep(30), Self ! woke end),
    p(receive woke -> woke after 2000 -> too_slow end),
    _ = Pid,
    %% a timeout message arrives after others already queued
    Self ! early,
    erlang:send_after(10, Self, late),
    p(receive late -> late end),
    p(receive early -> early end),
    %% a receive that times out, repeatedly
    p(count_timeouts(5, 0)),
    %% timer:sleep and timer:send_after from the timer module
    ok = timer:sleep(5),
    {ok, _} = timer:send_after(5, Self, via_timer),
    p(receive via_timer -> via_timer end),
    %% monotonic time moves forward (the value itself is never printed)
    A = erlang:monotonic_time(millisecond),
    receive after 20 -> ok end,
    B = erlang:monotonic_time(millisecond),
    p(B - A >= 20),
    ok.

timer_sleep(Ms) -> receive after Ms -> ok end.

count_timeouts(0, N) -> N;
count_timeouts(K, N) ->
    receive never -> never after 1 -> count_timeouts(K - 1, N + 1) end.

p(X) -> io:format("~p~n", [X]).
