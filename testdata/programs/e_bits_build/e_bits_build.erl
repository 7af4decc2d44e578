%% Binary construction (bs_create_bin) as native code builds it in line
%% (heap binaries of at most 64 bytes from binaries, sub-binaries, string
%% literals and whole-byte integers) and as it steps it (larger results,
%% bitstrings, floats, utf8, sizes from variables, appends, errors).
-module(e_bits_build).
-export([main/0]).

main() ->
    concat(),
    limits(),
    sub_binaries(),
    integers(),
    strings(),
    errors(),
    bitstrings(),
    others(),
    loops(),
    ok.

id(X) -> X.

cat(A, B) -> <<A/binary, B/binary>>.
cat3(A, B, C) -> <<A/binary, B/binary, C/binary>>.

show(B) -> io:format("~w ~p~n", [byte_size(B), B]).

concat() ->
    E = id(<<>>),
    show(cat(E, E)),
    show(cat(E, id(<<"abc">>))),
    show(cat(id(<<"abc">>), E)),
    show(cat(id(<<"hello, ">>), id(<<"world">>))),
    show(cat3(id(<<"a">>), id(<<"bc">>), id(<<"def">>))),
    show(cat3(id(<<"12345678">>), id(<<"9">>), id(<<"abcdefghijklmnopq">>))),
    %% Equal to a binary built another way, and hashes the same.
    X = cat(id(<<"abc">>), id(<<"de">>)),
    io:format("~p ~p ~p~n", [X =:= <<"abcde">>, erlang:phash2(X) =:= erlang:phash2(<<"abcde">>),
                             lists:sort([cat(id(<<"b">>), E), X, cat(E, id(<<"a">>))])]).

%% Results of 63, 64 and 65 bytes, and larger ones (refc binaries).
limits() ->
    B32 = id(binary:copy(<<"0123456789abcdef">>, 2)),
    B31 = binary:part(B32, 1, 31),
    [show(R) || R <- [cat(B32, B31), cat(B32, B32), cat(B32, cat(B32, id(<<"!">>)))]],
    Big = cat(B32, cat(B32, B32)),
    io:format("~w ~w~n", [byte_size(Big), erlang:crc32(Big)]),
    Bigger = cat(Big, Big),
    io:format("~w ~w~n", [byte_size(Bigger), erlang:crc32(Bigger)]),
    show(cat(binary:part(Bigger, 190, 2), binary:part(Big, 0, 3))).

%% Sub-binaries of heap and refc binaries at odd byte offsets, from
%% binary:part and from matching.
sub_binaries() ->
    Heap = id(list_to_binary(lists:seq($A, $Z))),
    Refc = id(list_to_binary([$a + X rem 26 || X <- lists:seq(0, 199)])),
    show(cat(binary:part(Heap, 3, 5), binary:part(Refc, 77, 9))),
    <<_:1/binary, H1:7/binary, _/binary>> = Heap,
    <<_:101/binary, R1:13/binary, RT/binary>> = Refc,
    show(cat3(H1, id(<<"-">>), R1)),
    show(cat(binary:part(RT, byte_size(RT) - 3, 3), binary:part(Heap, 25, 1))),
    show(cat(binary:part(Refc, 0, 64), binary:part(Heap, 0, 0))),
    show(cat(binary:part(Refc, 5, 60), binary:part(Heap, 0, 5))),
    [show(cat(binary:part(Heap, I, 2), binary:part(Refc, I * 7, 3))) || I <- [0, 1, 13, 24]].

int8(X) -> <<X:8>>.
int16(X) -> <<X:16>>.
int32(X) -> <<X:32>>.
int16l(X) -> <<X:16/little>>.
int32l(X) -> <<X:32/little>>.
int24(X) -> <<X:24>>.
int64(X) -> <<X:64>>.
mixed(A, B, C) -> <<A:8, B/binary, C:16, "!", B/binary, A:32/little>>.

%% Whole-byte integers, negative and too large ones truncated.
integers() ->
    Xs = [0, 1, 127, 128, 255, 256, 65535, 65536, -1, -128, -129, -32768,
          16#12345678, -16#12345678, 16#123456789A, 1 bsl 59 - 1, -(1 bsl 59)],
    [io:format("~w: ~w ~w ~w ~w ~w ~w ~w~n",
               [X, int8(X), int16(X), int32(X), int16l(X), int32l(X), int24(X), int64(X)]) || X <- Xs],
    show(mixed(id(65), id(<<"xyz">>), id(-2))),
    show(mixed(id(300), id(<<>>), id(70000))),
    %% Bignums (the step's).
    io:format("~w ~w~n", [int32(id(1 bsl 70 + 5)), int64(id(-(1 bsl 65) - 3))]).

greet(Name) -> <<"Hello, ", Name/binary, "!">>.
wrap(X) -> <<"<", X/binary, ">">>.

strings() ->
    show(greet(id(<<"Joe">>))),
    show(greet(id(<<>>))),
    show(wrap(wrap(wrap(id(<<"x">>))))),
    show(greet(id(binary:copy(<<"ab">>, 28)))),
    show(greet(id(binary:copy(<<"ab">>, 29)))).

%% A value that is not a binary or not an integer: badarg, with the
%% construction's function on top of the stack trace.
try_build(F) ->
    try F() of
        B -> {ok, B}
    catch
        error:R:St ->
            [{M, Fn, A, _} | _] = St,
            {error, R, M, Fn, A}
    end.

errors() ->
    io:format("~p~n", [try_build(fun() -> cat(id(foo), id(<<"x">>)) end)]),
    io:format("~p~n", [try_build(fun() -> cat(id(<<"x">>), id([1, 2])) end)]),
    io:format("~p~n", [try_build(fun() -> cat(id(<<"x">>), id(<<1:7>>)) end)]),
    io:format("~p~n", [try_build(fun() -> int16(id(1.5)) end)]),
    io:format("~p~n", [try_build(fun() -> int8(id(bar)) end)]),
    io:format("~p~n", [try_build(fun() -> greet(id(42)) end)]),
    io:format("~p~n", [try_build(fun() -> mixed(id(1), id(<<"a">>), id(x)) end)]),
    {'EXIT', {R, St}} = (catch cat(id(<<"a">>), id(self()))),
    io:format("~p ~p~n", [R, [{M, F, A, proplists:get_value(line, L)} || {M, F, A, L} <- St]]).

bits(A, B) -> <<A/bitstring, B/bitstring>>.

%% Bitstrings that are not whole bytes.
bitstrings() ->
    B7 = id(<<5:7>>),
    io:format("~p~n", [bits(B7, id(<<"a">>))]),
    io:format("~p~n", [bits(id(<<"a">>), B7)]),
    io:format("~p~n", [bits(B7, B7)]),
    <<_:3, Odd:16/bitstring, _/bitstring>> = id(<<"abcd">>),
    io:format("~p~n", [bits(Odd, id(<<"!">>))]),
    io:format("~w~n", [<<(id(3)):4, (id(<<"z">>))/binary, (id(1)):4>>]).

%% Segments without a fast path: floats, utf8, sizes from variables.
others() ->
    F = id(1.5),
    io:format("~p~n", [<<"f", F/float, F:32/float>>]),
    C = id(16#20AC),
    io:format("~p~n", [<<C/utf8, "=", C/utf16, (id($a))/utf8>>]),
    N = id(3),
    io:format("~w~n", [<<(id(16#ABCDEF)):N/unit:8, (id(<<"xyzw">>)):N/binary>>]).

%% Iolists and accumulators built in loops (collections in between).
join([], _Sep, Acc) -> Acc;
join([X], _Sep, Acc) -> <<Acc/binary, X/binary>>;
join([X | Xs], Sep, Acc) -> join(Xs, Sep, <<Acc/binary, X/binary, Sep/binary>>).

pairs(0, Acc) -> Acc;
pairs(I, Acc) ->
    K = integer_to_binary(I),
    pairs(I - 1, [<<"k", K/binary, "=", I:16, ";">> | Acc]).

small(0, Acc) -> Acc;
small(I, Acc) -> small(I - 1, [cat(id(<<"item">>), integer_to_binary(I)) | Acc]).

loops() ->
    Words = [integer_to_binary(I) || I <- lists:seq(1, 30)],
    J = join(Words, id(<<",">>), <<>>),
    io:format("~w ~w~n", [byte_size(J), erlang:crc32(J)]),
    io:format("~p~n", [join([<<"a">>, <<"b">>, <<"c">>], id(<<", ">>), <<>>)]),
    P = pairs(2000, []),
    Flat = iolist_to_binary(P),
    io:format("~w ~w ~p~n", [length(P), erlang:crc32(Flat), lists:nth(17, P)]),
    S = small(5000, []),
    io:format("~w ~w ~p~n", [length(S), erlang:crc32(S), lists:last(S)]),
    Nested = lists:foldl(fun(I, Acc) -> [Acc, wrap(integer_to_binary(I))] end, [], lists:seq(1, 300)),
    io:format("~w ~w~n", [iolist_size(Nested), erlang:crc32(Nested)]).
