%% Erlang FFI for the tiny library (beamrc test support; written for beamrc).
-module(tiny_ffi).
-compile({no_auto_import, [self/0, spawn/1, spawn_link/1]}).
-export([print/1, println/1, eprintln/1, debug/1, inspect/1, set_utf8/0,
         parse_int/1, parse_float/1, int_to_base/2, float_to_string/1,
         string_split/2, string_replace/3, string_contains/2, string_starts_with/2,
         string_ends_with/2, string_reverse/1, string_trim/1, string_graphemes/1,
         string_repeat/2, string_slice/3, bit_array_to_string/1, bit_array_slice/3,
         map_get/2, map_update/3,
         new_subject/0, subject_owner/1, send/2, receive_subject/2, receive_any/1,
         spawn/1, spawn_link/1, self/0, sleep/1, monitor/1, receive_down/2,
         trap_exits/1, receive_exit/1, send_after/3, kill/1]).

print(S) -> io:put_chars(S), nil.
println(S) -> io:put_chars([S, $\n]), nil.
eprintln(S) -> io:put_chars(standard_error, [S, $\n]), nil.
debug(X) -> io:format("~p~n", [X]), X.
inspect(X) -> unicode:characters_to_binary(io_lib:format("~tp", [X])).
set_utf8() -> ok = io:setopts(standard_io, [binary, {encoding, utf8}]), nil.

parse_int(S) ->
    try {ok, binary_to_integer(S)} catch error:badarg -> {error, nil} end.
parse_float(S) ->
    try {ok, binary_to_float(S)} catch error:badarg -> {error, nil} end.
int_to_base(I, B) -> integer_to_binary(I, B).
float_to_string(F) -> float_to_binary(F, [short]).

string_split(S, Sep) -> string:split(S, Sep, all).
string_replace(S, Pat, With) ->
    unicode:characters_to_binary(string:replace(S, Pat, With, all)).
string_contains(S, Pat) -> string:find(S, Pat) =/= nomatch.
string_starts_with(S, P) ->
    N = byte_size(P),
    case S of <<P:N/binary, _/binary>> -> true; _ -> false end.
string_ends_with(S, P) ->
    N = byte_size(P), M = byte_size(S) - N,
    M >= 0 andalso binary:part(S, M, N) =:= P.
string_reverse(S) -> unicode:characters_to_binary(string:reverse(S)).
string_trim(S) -> unicode:characters_to_binary(string:trim(S)).
string_graphemes(S) ->
    case string:next_grapheme(S) of
        [] -> [];
        [G | Rest] -> [unicode:characters_to_binary([G]) | string_graphemes(Rest)]
    end.
string_repeat(S, N) -> binary:copy(S, max(N, 0)).
string_slice(S, Start, Len) ->
    unicode:characters_to_binary(string:slice(S, Start, Len)).

bit_array_to_string(B) ->
    case unicode:characters_to_binary(B) of
        B when is_binary(B) -> {ok, B};
        _ -> {error, nil}
    end.
bit_array_slice(B, Pos, Len) ->
    try {ok, binary:part(B, Pos, Len)} catch error:badarg -> {error, nil} end.

map_get(M, K) ->
    case M of #{K := V} -> {ok, V}; _ -> {error, nil} end.
map_update(M, K, F) ->
    V = case M of #{K := Old} -> {some, Old}; _ -> none end,
    M#{K => F(V)}.

%% A subject is {subject, OwnerPid, Ref}; messages sent to it are {Ref, Msg}
%% and receiving on it is a selective receive on Ref.
new_subject() -> {subject, self(), make_ref()}.
subject_owner({subject, Pid, _}) -> Pid.
send({subject, Pid, Ref}, Msg) -> Pid ! {Ref, Msg}, nil.
receive_subject({subject, _, Ref}, Timeout) ->
    receive {Ref, Msg} -> {ok, Msg} after Timeout -> {error, nil} end.
receive_any(Timeout) ->
    receive Msg -> {ok, Msg} after Timeout -> {error, nil} end.
spawn(F) -> erlang:spawn(fun() -> F() end).
spawn_link(F) -> erlang:spawn_link(fun() -> F() end).
self() -> erlang:self().
sleep(Ms) -> receive after Ms -> nil end.
monitor(Pid) -> erlang:monitor(process, Pid).
receive_down(Ref, Timeout) ->
    receive {'DOWN', Ref, process, _, Reason} -> {ok, Reason}
    after Timeout -> {error, nil} end.
trap_exits(B) -> erlang:process_flag(trap_exit, B), nil.
receive_exit(Timeout) ->
    receive {'EXIT', _, Reason} -> {ok, Reason} after Timeout -> {error, nil} end.
send_after({subject, Pid, Ref}, Ms, Msg) -> erlang:send_after(Ms, Pid, {Ref, Msg}), nil.
kill(Pid) -> erlang:exit(Pid, kill), nil.
