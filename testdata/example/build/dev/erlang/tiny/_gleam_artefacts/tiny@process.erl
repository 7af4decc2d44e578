-module(tiny@process).
-compile([no_auto_import, nowarn_unused_vars]).

-export([self/0, start/1, start_link/1, new_subject/0, owner/1, send/2, 'receive'/2, send_after/3, sleep/1, monitor/1, receive_down/2, trap_exits/1, receive_exit/1, kill/1]).
-export_type([pid_/0, reference_/0, subject/1, exit_reason/0]).

-type pid_() :: any().

-type reference_() :: any().

-type subject(P) :: any() | {gleam_phantom, P}.

-type exit_reason() :: any().

-spec self() -> pid_().
self() ->
    tiny_ffi:self().

-spec start(fun(() -> any())) -> pid_().
start(F) ->
    tiny_ffi:spawn(F).

-spec start_link(fun(() -> any())) -> pid_().
start_link(F) ->
    tiny_ffi:spawn_link(F).

-spec new_subject() -> subject(any()).
new_subject() ->
    tiny_ffi:new_subject().

-spec owner(subject(any())) -> pid_().
owner(S) ->
    tiny_ffi:subject_owner(S).

-spec send(subject(W), W) -> nil.
send(S, Msg) ->
    tiny_ffi:send(S, Msg).

-spec 'receive'(subject(Y), integer()) -> {ok, Y} | {error, nil}.
'receive'(S, Timeout) ->
    tiny_ffi:receive_subject(S, Timeout).

-spec send_after(subject(AC), integer(), AC) -> nil.
send_after(S, Ms, Msg) ->
    tiny_ffi:send_after(S, Ms, Msg).

-spec sleep(integer()) -> nil.
sleep(Ms) ->
    tiny_ffi:sleep(Ms).

-spec monitor(pid_()) -> reference_().
monitor(P) ->
    tiny_ffi:monitor(P).

-spec receive_down(reference_(), integer()) -> {ok, exit_reason()} |
    {error, nil}.
receive_down(R, Timeout) ->
    tiny_ffi:receive_down(R, Timeout).

-spec trap_exits(boolean()) -> nil.
trap_exits(B) ->
    tiny_ffi:trap_exits(B).

-spec receive_exit(integer()) -> {ok, exit_reason()} | {error, nil}.
receive_exit(Timeout) ->
    tiny_ffi:receive_exit(Timeout).

-spec kill(pid_()) -> nil.
kill(P) ->
    tiny_ffi:kill(P).
