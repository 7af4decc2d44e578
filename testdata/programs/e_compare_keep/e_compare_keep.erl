%% A comparison leaves its operand in a register for the next
%% instruction; when the operands are not both small integers the
%% runtime compares them, and the operand must be there all the same.
-module(e_compare_keep).
-export([main/0]).

main() ->
    Vals = [3, 250, 2.5, 1.0e3, 1 bsl 70, -(1 bsl 70), 99.999, foo, "str", {1}],
    io:format("~p~n", [[below(V) || V <- Vals]]),
    io:format("~p~n", [[at_least(V) || V <- Vals]]),
    io:format("~p~n", [[between(V, 1 bsl 65) || V <- Vals]]),
    io:format("~p~n", [[between(1 bsl 65, V) || V <- Vals]]),
    io:format("~p~n", [[reversed(V) || V <- Vals]]),
    ok.

below(X) when X < 100 -> {below, id(X)};
below(X) -> {not_below, X}.

at_least(X) when X >= 100 -> {at_least, X};
at_least(X) -> {less, X}.

between(X, Y) when X < Y -> {lt, Y, X};
between(X, Y) -> {ge, X, Y}.

reversed(X) when 10 < X -> {above, X};
reversed(X) -> {not_above, X}.

id(X) -> X.
