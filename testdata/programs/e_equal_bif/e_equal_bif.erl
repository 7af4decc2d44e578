%% Equality operators as values (the bif form, outside guards) against
%% constants on either side: a small integer (which == also finds equal
%% to a float), an atom, [] and a bignum, over values of every kind.
-module(e_equal_bif).
-export([main/0]).

-define(ROW(Name, C),
        Name(X) -> {X =:= C, X =/= C, X == C, X /= C, C =:= X, C =/= X, C == X, C /= X}).

?ROW(zero, 0).
?ROW(one, 1).
?ROW(minus, -7).
?ROW(atom, ok).
?ROW(nil, []).
?ROW(big, 123456789012345678901234567890).
?ROW(flt, 1.0).

values() ->
    [0, 0.0, -0.0, 1, 1.0, -7, -7.0, ok, error, [], [0], {0}, 123456789012345678901234567890,
     1.2345678901234568e29, <<>>, #{}, "ok"].

main() ->
    [io:format("~w ~w~n", [Name, [F(V) || V <- values()]])
     || {Name, F} <- [{zero, fun zero/1}, {one, fun one/1}, {minus, fun minus/1},
                      {atom, fun atom/1}, {nil, fun nil/1}, {big, fun big/1}, {flt, fun flt/1}]],
    ok.
