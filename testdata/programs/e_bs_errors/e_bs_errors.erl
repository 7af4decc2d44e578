%% The stack frame of a failed binary construction. OTP 25 gives a
%% bs_create_bin's frame an error_info whose cause is {Segment, Type,
%% Fault, Value}: Segment is the segment's number in the source (string
%% literals count), Fault one of size, type, unit, short, invalid,
%% no_float. Every size is checked before any value, so a bad size fails
%% before a bad value in an earlier segment. Code compiled for OTP 24
%% (bs_init2 and bs_put_*, the e_bs_errors_r24 module) gets no
%% error_info. Each failure is printed with its whole top frame and the
%% frames of the calls below it.
-module(e_bs_errors).
-export([main/0, cases/0, run/1]).

main() ->
    run(cases()),
    run(e_bs_errors_r24:cases()),
    deep(),
    guard(),
    ok.

run(Cases) ->
    [report(Name, F) || {Name, F} <- Cases],
    ok.

report(Name, F) ->
    try F() of
        V -> io:format("~s: ok ~w~n", [Name, V])
    catch
        Class:Reason:St -> io:format("~s: ~w:~w~n  ~p~n", [Name, Class, Reason, hd(St)])
    end.

-include("e_bs_errors_cases.hrl").

%% The frames below the failing one: nested non-tail calls.
deep() ->
    try level1(id(a)) of
        V -> io:format("deep: ok ~w~n", [V])
    catch
        error:Reason:St -> io:format("deep: ~w~n  ~p~n", [Reason, lists:sublist(St, 4)])
    end,
    try e_bs_errors_r24:level1(id(a)) of
        V2 -> io:format("deep r24: ok ~w~n", [V2])
    catch
        error:Reason2:St2 -> io:format("deep r24: ~w~n  ~p~n", [Reason2, lists:sublist(St2, 4)])
    end.

%% In a guard, a failed construction is false: no exception at all.
guard() ->
    io:format("guard: ~w~n", [[g(X) || X <- [1, a, -1, <<1:3>>]]]).

g(X) when <<X:8>> =:= <<1>> -> one;
g(X) when is_bitstring(<<X/bits>>) -> bits;
g(_) -> other.
