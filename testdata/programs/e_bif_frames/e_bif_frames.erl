%% The first frame of a failing BIF's stack trace, as OTP 25's JIT gives it:
%% the BIF's own frame with its arguments and error_info (EEP 54), except
%% for + and - with a literal integer operand, which fail in the caller.
-module(e_bif_frames).
-export([main/0]).

main() ->
    Cases = [
        fun() -> 1 + id(a) end, fun() -> id(a) + 1 end, fun() -> id(1) + id(a) end,
        fun() -> id(a) - 1 end, fun() -> id(a) - id(1) end, fun() -> 2 * id(a) end,
        fun() -> id(a) div 2 end, fun() -> id(5) rem id(0) end, fun() -> id(5) rem 0 end,
        fun() -> id(a) band 1 end, fun() -> id(a) bsl 1 end, fun() -> id(a) bsr id(1) end,
        fun() -> -id(a) end, fun() -> bnot id(a) end,
        fun() -> hd(id([])) end, fun() -> tl(id(a)) end, fun() -> length(id([a | b])) end,
        fun() -> element(id(5), id({})) end, fun() -> tuple_size(id(a)) end,
        fun() -> atom_to_list(id(1)) end, fun() -> list_to_integer(id("x")) end,
        fun() -> integer_to_binary(id(a)) end, fun() -> maps:get(k, id(#{})) end,
        fun() -> binary:split(id(a), <<>>) end, fun() -> lists:keyfind(a, id(0), []) end,
        fun() -> math:sqrt(id(a)) end, fun() -> id(1.0e308) * 10.0 end, fun() -> 1 / id(0) end,
        fun() -> error(id(mine)) end, fun() -> nomod:nofun(id(1)) end
    ],
    [io:format("~w~n", [first_frame(F)]) || F <- Cases],
    %% Library functions the runtime implements fail as OTP's Erlang
    %% does: in the BIF they call, then in their own frame.
    [io:format("~w~n", [two_frames(F)])
     || F <- [fun() -> lists:sum(id([1, a])) end, fun() -> lists:sum(id([2.5, 1, x])) end,
              fun() -> lists:reverse(id([1, 2 | b])) end]],
    ok.

two_frames(F) ->
    try F() of
        V -> {value, V}
    catch
        Class:Reason:St -> [A, B | _] = St, {Class, Reason, A, B}
    end.

first_frame(F) ->
    try F() of
        V -> {value, V}
    catch
        Class:Reason:St -> {Class, Reason, hd(St)}
    end.

id(X) -> X.
