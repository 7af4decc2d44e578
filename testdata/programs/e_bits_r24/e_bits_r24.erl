%% Binary construction as OTP 24 compiles it (bs_init2, bs_init_bits,
%% bs_put_*, bs_append, bs_private_append): -compile(r24) makes OTP 25's
%% erlc emit those instead of bs_create_bin. bs_init2's Words operand is
%% the heap of the instructions after it (the tuple around the binary
%% below has no test_heap of its own).
-module(e_bits_r24).
-compile(r24).
-export([main/0]).

main() ->
    Wrapped = [wrap(I) || I <- lists:seq(1, 3000)],
    io:format("~w~n", [lists:sum([byte_size(B) + N || {bin, N, B} <- Wrapped])]),
    io:format("~w~n", [lists:sublist(Wrapped, 3)]),
    io:format("~w~n", [[bits(I) || I <- lists:seq(0, 9)]]),
    io:format("~w~n", [byte_size(grow(<<>>, 2000))]),
    io:format("~w~n", [private(2000)]),
    io:format("~w~n", [[utf(C) || C <- [$a, 16#E9, 16#20AC, 16#1F600]]]),
    io:format("~w~n", [[float_bits(F) || F <- [0.0, -0.0, 1.5, 1.0e300]]]),
    io:format("~w~n", [[try bad(X) catch error:R -> {error, R} end || X <- [a, -1, 1.5, <<1:3>>]]]),
    io:format("~w~n", [[try <<0:S>> catch error:R -> R end || S <- [0, 8, 1 bsl 59, 1 bsl 64, -1, a, 1.0]]]),
    io:format("~w~n", [[try <<(id(<<1, 2, 3>>)):S/binary>> catch error:R -> R end || S <- [0, 1, 1 bsl 64, -1]]]),
    io:format("~w~n", [[try <<F:64/float>> catch error:R -> R end || F <- [1.5, 1 bsl 2000, a]]]),
    io:format("~w~n", [byte_size(grow_big(<<>>, 20000))]),
    ok.

id(X) -> X.

%% 20,000 appends to an accumulator past 64 bytes: in place, not copied.
grow_big(Acc, 0) -> Acc;
grow_big(Acc, N) -> grow_big(<<Acc/binary, "key", (integer_to_binary(N))/binary, $\n>>, N - 1).

wrap(I) -> {bin, I rem 7, <<I:32, (integer_to_binary(I))/binary, I:8>>}.

bits(N) -> {N, <<N:N, 1:1>>}.

grow(Acc, 0) -> Acc;
grow(Acc, N) -> grow(<<Acc/binary, N:16, (N rem 251)>>, N - 1).

private(N) ->
    B = lists:foldl(fun(I, Acc) -> <<Acc/bits, (I band 1):1>> end, <<>>, lists:seq(1, N)),
    {bit_size(B), binary:part(<<B/bits, 0:(8 - bit_size(B) rem 8)>>, 0, 4)}.

utf(C) -> {<<C/utf8>>, <<C/utf16>>, <<C/utf32-little>>}.

float_bits(F) -> {<<F/float>>, <<F:32/float-little>>}.

bad(X) -> <<X:8, 1>>.
