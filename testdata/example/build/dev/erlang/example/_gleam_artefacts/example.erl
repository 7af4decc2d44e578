-module(example).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([msg/0]).

-type msg() :: {deposit, integer()} |
    {withdraw, integer(), tiny@process:subject(boolean())} |
    {balance, tiny@process:subject(integer())}.

-spec tokenize(binary()) -> list(binary()).
tokenize(S) ->
    _pipe = S,
    _pipe@1 = tiny_ffi:string_replace(_pipe, <<","/utf8>>, <<" "/utf8>>),
    _pipe@2 = tiny_ffi:string_replace(_pipe@1, <<"."/utf8>>, <<" "/utf8>>),
    _pipe@3 = tiny_ffi:string_replace(_pipe@2, <<"\n"/utf8>>, <<" "/utf8>>),
    _pipe@4 = string:lowercase(_pipe@3),
    _pipe@5 = tiny_ffi:string_split(_pipe@4, <<" "/utf8>>),
    tiny@list:filter(_pipe@5, fun(W) -> W /= <<""/utf8>> end).

-spec compare_strings(binary(), binary()) -> tiny@order:order().
compare_strings(A, B) ->
    case {A =:= B, erlang:'<'(A, B)} of
        {true, _} ->
            eq;

        {_, true} ->
            lt;

        {_, false} ->
            gt
    end.

-spec by_count_then_word({binary(), integer()}, {binary(), integer()}) -> tiny@order:order().
by_count_then_word(A, B) ->
    case tiny@int:compare(erlang:element(2, B), erlang:element(2, A)) of
        eq ->
            compare_strings(erlang:element(1, A), erlang:element(1, B));

        Other ->
            Other
    end.

-spec nth(list(WN), integer()) -> WN.
nth(L, I) ->
    _assert_subject = tiny@list:drop(L, I),
    [X | _] = case _assert_subject of
        [_ | _] -> _assert_subject;
        _assert_fail ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail,
                        module => <<"example"/utf8>>,
                        function => <<"nth"/utf8>>,
                        line => 79})
    end,
    X.

-spec account(tiny@process:subject(msg()), integer()) -> nil.
account(Inbox, Balance) ->
    case tiny_ffi:receive_subject(Inbox, 10000) of
        {ok, {deposit, N}} ->
            account(Inbox, Balance + N);

        {ok, {withdraw, N@1, Reply}} ->
            case N@1 =< Balance of
                true ->
                    tiny_ffi:send(Reply, true),
                    account(Inbox, Balance - N@1);

                false ->
                    tiny_ffi:send(Reply, false),
                    account(Inbox, Balance)
            end;

        {ok, {balance, Reply@1}} ->
            tiny_ffi:send(Reply@1, Balance),
            account(Inbox, Balance);

        {error, nil} ->
            nil
    end.

-spec open_account(integer()) -> tiny@process:subject(msg()).
open_account(Initial) ->
    Setup = tiny_ffi:new_subject(),
    tiny_ffi:spawn(
        fun() ->
            Inbox = tiny_ffi:new_subject(),
            tiny_ffi:send(Setup, Inbox),
            account(Inbox, Initial)
        end
    ),
    _assert_subject = tiny_ffi:receive_subject(Setup, 1000),
    {ok, Inbox@1} = case _assert_subject of
        {ok, _} -> _assert_subject;
        _assert_fail ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail,
                        module => <<"example"/utf8>>,
                        function => <<"open_account"/utf8>>,
                        line => 96})
    end,
    Inbox@1.

-spec transfer(
    tiny@process:subject(msg()),
    tiny@process:subject(msg()),
    integer()
) -> nil.
transfer(From, To, Amount) ->
    Reply = tiny_ffi:new_subject(),
    tiny_ffi:send(From, {withdraw, Amount, Reply}),
    case tiny_ffi:receive_subject(Reply, 1000) of
        {ok, true} ->
            tiny_ffi:send(To, {deposit, Amount});

        _ ->
            nil
    end.

-spec balance(tiny@process:subject(msg())) -> integer().
balance(Acc) ->
    Reply = tiny_ffi:new_subject(),
    tiny_ffi:send(Acc, {balance, Reply}),
    _assert_subject = tiny_ffi:receive_subject(Reply, 1000),
    {ok, B} = case _assert_subject of
        {ok, _} -> _assert_subject;
        _assert_fail ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail,
                        module => <<"example"/utf8>>,
                        function => <<"balance"/utf8>>,
                        line => 134})
    end,
    B.

-spec main() -> nil.
main() ->
    Words = tokenize(
        <<"It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair."/utf8>>
    ),
    tiny_ffi:println(
        <<"words: "/utf8,
            (erlang:integer_to_binary(tiny@list:length(Words)))/binary>>
    ),
    Counts = tiny@list:fold(
        Words,
        maps:new(),
        fun(D, W) -> tiny_ffi:map_update(D, W, fun(Old) -> case Old of
                        {some, N} ->
                            N + 1;

                        none ->
                            1
                    end end) end
    ),
    tiny_ffi:println(
        <<"distinct: "/utf8,
            (erlang:integer_to_binary(maps:size(Counts)))/binary>>
    ),
    _pipe = Counts,
    _pipe@1 = maps:to_list(_pipe),
    _pipe@2 = tiny@list:sort(_pipe@1, fun by_count_then_word/2),
    _pipe@3 = tiny@list:take(_pipe@2, 5),
    tiny@list:each(
        _pipe@3,
        fun(Pair) ->
            tiny_ffi:println(
                <<(tiny@string:pad_right(
                        erlang:element(1, Pair),
                        8,
                        <<" "/utf8>>
                    ))/binary,
                    (erlang:integer_to_binary(erlang:element(2, Pair)))/binary>>
            )
        end
    ),
    Accounts = tiny@list:map(
        tiny@list:range(1, 4),
        fun(I) -> open_account(I * 100) end
    ),
    _pipe@4 = tiny@list:range(1, 20),
    tiny@list:each(
        _pipe@4,
        fun(I@1) ->
            From = nth(Accounts, I@1 rem 4),
            To = nth(Accounts, ((I@1 * 3) + 1) rem 4),
            transfer(From, To, I@1 * 5)
        end
    ),
    Balances = tiny@list:map(Accounts, fun balance/1),
    tiny_ffi:println(
        <<"balances: "/utf8,
            (tiny@string:join(
                tiny@list:map(Balances, fun erlang:integer_to_binary/1),
                <<" "/utf8>>
            ))/binary>>
    ),
    tiny_ffi:println(
        <<"total: "/utf8,
            (erlang:integer_to_binary(tiny@int:sum(Balances)))/binary>>
    ).
