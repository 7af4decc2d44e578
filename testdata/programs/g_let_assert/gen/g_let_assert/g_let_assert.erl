-module(g_let_assert).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).

-spec main() -> nil.
main() ->
    tiny_ffi:println(<<"parsing numbers"/utf8>>),
    _assert_subject = tiny_ffi:parse_int(<<"12"/utf8>>),
    {ok, A} = case _assert_subject of
        {ok, _} -> _assert_subject;
        _assert_fail ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail,
                        module => <<"g_let_assert"/utf8>>,
                        function => <<"main"/utf8>>,
                        line => 9})
    end,
    tiny_ffi:println(<<"a = "/utf8, (erlang:integer_to_binary(A))/binary>>),
    _assert_subject@1 = tiny_ffi:parse_int(<<"not a number"/utf8>>),
    {ok, B} = case _assert_subject@1 of
        {ok, _} -> _assert_subject@1;
        _assert_fail@1 ->
            erlang:error(#{gleam_error => let_assert,
                        message => <<"Assertion pattern match failed"/utf8>>,
                        value => _assert_fail@1,
                        module => <<"g_let_assert"/utf8>>,
                        function => <<"main"/utf8>>,
                        line => 11})
    end,
    tiny_ffi:println(
        <<"never printed "/utf8, (erlang:integer_to_binary(B))/binary>>
    ).
