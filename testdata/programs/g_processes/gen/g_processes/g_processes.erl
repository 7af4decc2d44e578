-module(g_processes).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([request/0]).

-type request() :: {add, integer()} |
    {get, tiny@process:subject(integer())} |
    stop.

-spec counter_loop(tiny@process:subject(request()), integer()) -> nil.
counter_loop(Inbox, Total) ->
    case tiny_ffi:receive_subject(Inbox, 5000) of
        {ok, {add, N}} ->
            counter_loop(Inbox, Total + N);

        {ok, {get, Reply}} ->
            tiny_ffi:send(Reply, Total),
            counter_loop(Inbox, Total);

        {ok, stop} ->
            nil;

        {error, nil} ->
            nil
    end.

-spec counter_init(tiny@process:subject(tiny@process:subject(request()))) -> nil.
counter_init(Setup) ->
    Inbox = tiny_ffi:new_subject(),
    tiny_ffi:send(Setup, Inbox),
    counter_loop(Inbox, 0).

-spec counter_stop(tiny@process:subject(request())) -> nil.
counter_stop(Counter) ->
    tiny_ffi:send(Counter, stop).

-spec go_round(
    tiny@process:subject(integer()),
    tiny@process:subject(integer()),
    integer(),
    integer()
) -> integer().
go_round(Head, Home, Token, Laps) ->
    case Laps of
        0 ->
            Token;

        _ ->
            tiny_ffi:send(Head, Token),
            _assert_subject = tiny_ffi:receive_subject(Home, 1000),
            {ok, Token@1} = case _assert_subject of
                {ok, _} -> _assert_subject;
                _assert_fail ->
                    erlang:error(#{gleam_error => let_assert,
                                message => <<"Assertion pattern match failed"/utf8>>,
                                value => _assert_fail,
                                module => <<"g_processes"/utf8>>,
                                function => <<"go_round"/utf8>>,
                                line => 114})
            end,
            go_round(Head, Home, Token@1, Laps - 1)
    end.

-spec relay(tiny@process:subject(integer()), tiny@process:subject(integer())) -> nil.
relay(Inbox, Next) ->
    case tiny_ffi:receive_subject(Inbox, 1000) of
        {ok, Token} ->
            tiny_ffi:send(Next, Token + 1),
            relay(Inbox, Next);

        {error, nil} ->
            nil
    end.

-spec spawn_relay(tiny@process:subject(integer())) -> tiny@process:subject(integer()).
spawn_relay(Next) ->
    Setup = tiny_ffi:new_subject(),
    tiny_ffi:spawn(
        fun() ->
            Inbox = tiny_ffi:new_subject(),
            tiny_ffi:send(Setup, Inbox),
            relay(Inbox, Next)
        end
    ),
    _assert_subject = tiny_ffi:receive_subject(Setup, 1000),
    {ok, Inbox@1} = case _assert_subject of
        {ok, _} -> _assert_subject;
        _assert_fail ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail,
                        module => <<"g_processes"/utf8>>,
                        function => <<"spawn_relay"/utf8>>,
                        line => 127})
    end,
    Inbox@1.

-spec ring(integer(), integer()) -> integer().
ring(N, Laps) ->
    Home = tiny_ffi:new_subject(),
    Head = tiny@list:fold(
        tiny@list:range(1, N - 1),
        Home,
        fun(Next, _) -> spawn_relay(Next) end
    ),
    go_round(Head, Home, 0, Laps).

-spec main() -> nil.
main() ->
    Setup = tiny_ffi:new_subject(),
    tiny_ffi:spawn(fun() -> counter_init(Setup) end),
    _assert_subject = tiny_ffi:receive_subject(Setup, 1000),
    {ok, Counter} = case _assert_subject of
        {ok, _} -> _assert_subject;
        _assert_fail ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail,
                        module => <<"g_processes"/utf8>>,
                        function => <<"main"/utf8>>,
                        line => 19})
    end,
    tiny@list:each(
        tiny@list:range(1, 100),
        fun(I) -> tiny_ffi:send(Counter, {add, I}) end
    ),
    Reply = tiny_ffi:new_subject(),
    tiny_ffi:send(Counter, {get, Reply}),
    tiny_ffi:debug(tiny_ffi:receive_subject(Reply, 1000)),
    Subjects = tiny@list:map(
        tiny@list:range(1, 10),
        fun(I@1) ->
            S = tiny_ffi:new_subject(),
            tiny_ffi:spawn(fun() -> tiny_ffi:send(S, (I@1 * I@1) * I@1) end),
            S
        end
    ),
    Results = tiny@list:map(
        Subjects,
        fun(S@1) -> tiny_ffi:receive_subject(S@1, 1000) end
    ),
    tiny_ffi:debug(Results),
    tiny_ffi:println(
        <<"ring: "/utf8, (erlang:integer_to_binary(ring(50, 3)))/binary>>
    ),
    A = tiny_ffi:new_subject(),
    B = tiny_ffi:new_subject(),
    tiny_ffi:send(A, <<"first to a"/utf8>>),
    tiny_ffi:send(B, <<"first to b"/utf8>>),
    tiny_ffi:send(A, <<"second to a"/utf8>>),
    tiny_ffi:debug(tiny_ffi:receive_subject(B, 0)),
    tiny_ffi:debug(tiny_ffi:receive_subject(A, 0)),
    tiny_ffi:debug(tiny_ffi:receive_subject(A, 0)),
    tiny_ffi:debug(tiny_ffi:receive_subject(A, 0)),
    T = tiny_ffi:new_subject(),
    tiny_ffi:debug(tiny_ffi:receive_subject(T, 10)),
    tiny_ffi:send_after(T, 30, <<"late"/utf8>>),
    tiny_ffi:send_after(T, 10, <<"early"/utf8>>),
    tiny_ffi:debug(tiny_ffi:receive_subject(T, 1000)),
    tiny_ffi:debug(tiny_ffi:receive_subject(T, 1000)),
    Pid = tiny_ffi:spawn(fun() -> tiny_ffi:sleep(5) end),
    Ref = tiny_ffi:monitor(Pid),
    tiny_ffi:debug(tiny_ffi:receive_down(Ref, 1000)),
    Crasher = tiny_ffi:spawn(fun() -> erlang:error(#{gleam_error => panic,
                    message => <<"panic expression evaluated"/utf8>>,
                    module => <<"g_processes"/utf8>>,
                    function => <<"main"/utf8>>,
                    line => 61}) end),
    Ref2 = tiny_ffi:monitor(Crasher),
    _assert_subject@1 = tiny_ffi:receive_down(Ref2, 1000),
    {ok, Reason} = case _assert_subject@1 of
        {ok, _} -> _assert_subject@1;
        _assert_fail@1 ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail@1,
                        module => <<"g_processes"/utf8>>,
                        function => <<"main"/utf8>>,
                        line => 63})
    end,
    tiny_ffi:println(
        <<"crasher went down: "/utf8,
            (tiny_ffi:string_slice(tiny_ffi:inspect(Reason), 0, 30))/binary>>
    ),
    tiny_ffi:trap_exits(true),
    tiny_ffi:spawn_link(fun() -> nil end),
    tiny_ffi:debug(tiny_ffi:receive_exit(1000)),
    Victim = tiny_ffi:spawn_link(fun() -> tiny_ffi:sleep(100000) end),
    tiny_ffi:kill(Victim),
    tiny_ffi:debug(tiny_ffi:receive_exit(1000)),
    tiny_ffi:trap_exits(false),
    counter_stop(Counter),
    tiny_ffi:println(<<"done"/utf8>>).
