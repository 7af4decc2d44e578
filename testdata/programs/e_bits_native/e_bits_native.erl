%% Binary matching as native code lowers it in line (aligned integers,
%% sub-binaries, tails, positions, strings) and as it steps it (unaligned
%% fields, utf8, floats, bignums, sizes from variables), with the failures
%% of both.
-module(e_bits_native).
-export([main/0]).

main() ->
    protocol(),
    split(),
    sub_binaries(),
    unaligned(),
    utf8(),
    failures(),
    reuse(),
    strings(),
    sizes(),
    offsets(),
    ok.

%% A message: u8 type, u16 big length, u32 little id, s16 big, s32 little,
%% s8, then Len bytes of payload and a 24-bit big checksum.
message(Type, Id, S16, S32, S8, Payload) ->
    Len = byte_size(Payload),
    Sum = lists:sum(binary_to_list(Payload)) band 16#FFFFFF,
    <<Type:8, Len:16/big, Id:32/little, S16:16/signed, S32:32/little-signed,
      S8:8/signed, Payload/binary, Sum:24>>.

parse(<<Type:8, Len:16/big, Id:32/little, S16:16/signed, S32:32/little-signed,
        S8:8/signed, Payload:Len/binary, Sum:24, Rest/binary>>) ->
    {Type, Id, S16, S32, S8, Payload, Sum, Rest};
parse(Other) ->
    {bad, byte_size(Other)}.

protocol() ->
    M1 = message(7, 16#DEADBEEF, -2, -100000, -128, <<"hello">>),
    io:format("~p~n", [parse(M1)]),
    M2 = message(255, 1, 32767, 2147483647, 127, binary:copy(<<"x">>, 100)),
    {T, Id, A, B, C, P, S, R} = parse(<<M2/binary, 1, 2, 3>>),
    io:format("~p ~p ~p ~p ~p ~p ~p ~p~n", [T, Id, A, B, C, byte_size(P), S, R]),
    io:format("~p~n", [parse(<<1, 0, 9, 1, 2, 3, 4>>)]),
    <<U56:56, S56:56/signed, L48:48/little, SL40:40/little-signed>> =
        <<16#FFFFFFFFFFFFFF:56, -5:56, 16#010203040506:48/little, -77:40/little>>,
    io:format("~p ~p ~p ~p~n", [U56, S56, L48, SL40]),
    <<W16:16/little, W24:24/little-signed, W32:32/big-signed>> = <<1, 2, 255, 255, 255, 255, 255, 255, 254>>,
    io:format("~p ~p ~p~n", [W16, W24, W32]),
    <<N:16/native, _/binary>> = <<1, 2, 3>>,
    io:format("native ~p~n", [N]).

%% Splitting on a separator byte, one byte at a time.
split(Bin, Sep) -> split(Bin, Sep, <<>>, []).

split(<<Sep, Rest/binary>>, Sep, Field, Acc) -> split(Rest, Sep, <<>>, [Field | Acc]);
split(<<C, Rest/binary>>, Sep, Field, Acc) -> split(Rest, Sep, <<Field/binary, C>>, Acc);
split(<<>>, _Sep, Field, Acc) -> lists:reverse([Field | Acc]).

count(<<$,, Rest/binary>>, N) -> count(Rest, N + 1);
count(<<_, Rest/binary>>, N) -> count(Rest, N);
count(<<>>, N) -> N.

split() ->
    io:format("~p~n", [split(<<"a,bb,,ccc,">>, $,)]),
    Big = iolist_to_binary(lists:duplicate(40, <<"field,">>)),
    io:format("~p ~p~n", [length(split(Big, $,)), count(Big, 0)]),
    io:format("~p~n", [split(<<"no separator">>, $;)]).

%% Sub-binaries of heap (=< 64 bytes) and refc (> 64 bytes) binaries, and
%% matches on sub-binaries whose offset is not 0.
sub_binaries() ->
    Heap = list_to_binary(lists:seq(1, 60)),
    Refc = list_to_binary([X rem 256 || X <- lists:seq(1, 300)]),
    [begin
         <<_:3/binary, Mid:20/binary, Tail/binary>> = B,
         <<A:8, B16:16, Mid2:10/binary, _/binary>> = Mid,
         <<C:32/little, _/binary>> = Mid2,
         io:format("~p ~p ~p ~p ~p ~p~n", [byte_size(Tail), A, B16, C, binary:first(Mid2), Mid2])
     end || B <- [Heap, Refc]],
    <<_:100/binary, Window:50/binary, _/binary>> = Refc,
    io:format("~p~n", [sum_bytes(Window, 0)]),
    <<_:5, Odd:16/bitstring, _/bitstring>> = Heap,
    <<O1:8, O2:8>> = Odd,
    io:format("~p ~p~n", [O1, O2]),
    Whole = Refc,
    <<Same:300/binary>> = Whole,
    io:format("~p~n", [Same =:= Refc]).

sum_bytes(<<B, Rest/binary>>, Acc) -> sum_bytes(Rest, Acc + B);
sum_bytes(<<>>, Acc) -> Acc.

%% Fields that are not byte-aligned: the slow path.
unaligned() ->
    <<A:3, B:5, C:12, D:4, E:7/signed, F:1, G:32, H:64, I:70/signed, _/bitstring>> =
        <<5:3, 17:5, 4000:12, 9:4, -3:7, 1:1, 123456789:32, 16#FFFFFFFFFFFFFFFF:64, -1:70, 0:2>>,
    io:format("~p~n", [{A, B, C, D, E, F, G, H, I}]),
    <<_:1, X:16, Y:8/little, Rest/bitstring>> = <<1:1, 513:16, 200:8, 3:3>>,
    io:format("~p ~p ~p~n", [X, Y, Rest]),
    <<P:4, Q/bitstring>> = <<16#AB, "cd">>,
    io:format("~p ~p~n", [P, Q]),
    Bits = <<1:1, 0:1, 1:1, 1:1, 0:1>>,
    io:format("~p~n", [[Bit || <<Bit:1>> <= Bits]]),
    <<F64:64/float, F32:32/float-little>> = <<1.5:64/float, -2.25:32/float-little>>,
    io:format("~p ~p~n", [F64, F32]).

%% utf8: the slow path.
utf8() ->
    S = <<"aé€😀z"/utf8>>,
    io:format("~p~n", [[C || <<C/utf8>> <= S]]),
    <<First/utf8, Rest/binary>> = S,
    io:format("~p ~p~n", [First, Rest]),
    io:format("~p~n", [valid_utf8(S)]),
    io:format("~p~n", [valid_utf8(<<"ok", 255, "no">>)]),
    io:format("~p~n", [valid_utf8(<<"abc", 195>>)]),
    <<_:1, Shifted/bitstring>> = <<0:1, "hé!"/utf8, 0:7>>,
    io:format("~p~n", [[C || <<C/utf8>> <= Shifted]]),
    io:format("~p~n", [codepoints(<<"plain ascii, then ü and ☃."/utf8, 255>>, [])]).

codepoints(<<C/utf8, Rest/binary>>, Acc) -> codepoints(Rest, [C | Acc]);
codepoints(Rest, Acc) -> {lists:reverse(Acc), Rest}.

valid_utf8(<<_/utf8, Rest/binary>>) -> valid_utf8(Rest);
valid_utf8(<<>>) -> true;
valid_utf8(_) -> false.

%% Fail cases: too short, tail not empty, a bad size, not a binary.
failures() ->
    io:format("~p~n", [[short(B) || B <- [<<>>, <<1>>, <<1, 2>>, <<1, 2, 3>>, <<1, 2, 3, 4>>]]]),
    io:format("~p~n", [[exact(B) || B <- [<<1, 2>>, <<1, 2, 3>>, <<1>>]]]),
    io:format("~p~n", [[take(N, <<"abcdef">>) || N <- [0, 3, 6, 7, -1, foo]]]),
    io:format("~p~n", [[kind(T) || T <- [<<>>, <<1:1>>, <<"x">>, atom, 42, [1]]]]),
    io:format("~p~n", [catch begin <<Z:8>> = id(<<1, 2>>), Z end]),
    io:format("~p~n", [catch begin <<_:8, _/binary>> = id(<<>>), x end]).

short(<<A:16, B:16>>) -> {two, A, B};
short(<<A:24>>) -> {three, A};
short(<<A:8, _/binary>>) -> {first, A};
short(_) -> empty.

exact(<<A, B>>) -> {A, B};
exact(<<_, _, Rest/binary>>) -> {tail, Rest};
exact(_) -> no.

take(N, Bin) ->
    case Bin of
        <<Part:N/binary, _/binary>> -> Part;
        _ -> too_short
    end.

kind(<<>>) -> empty;
kind(<<_:8, _/binary>>) -> bytes;
kind(B) when is_bitstring(B) -> bits;
kind(_) -> other.

id(X) -> X.

%% One match context passed along and matched by several clauses.
reuse() ->
    io:format("~p~n", [tokens(<<"12+3*45-6">>, [])]),
    io:format("~p~n", [tlv(<<1, 3, "abc", 2, 2, 16#12, 16#34, 3, 0, 9, 1, 7>>, [])]).

tokens(<<C, Rest/binary>>, Acc) when C >= $0, C =< $9 -> number(Rest, C - $0, Acc);
tokens(<<$+, Rest/binary>>, Acc) -> tokens(Rest, [plus | Acc]);
tokens(<<$*, Rest/binary>>, Acc) -> tokens(Rest, [times | Acc]);
tokens(<<$-, Rest/binary>>, Acc) -> tokens(Rest, [minus | Acc]);
tokens(<<>>, Acc) -> lists:reverse(Acc).

number(<<C, Rest/binary>>, N, Acc) when C >= $0, C =< $9 -> number(Rest, N * 10 + C - $0, Acc);
number(Rest, N, Acc) -> tokens(Rest, [N | Acc]).

tlv(<<1, Len, Val:Len/binary, Rest/binary>>, Acc) -> tlv(Rest, [{str, Val} | Acc]);
tlv(<<2, 2, Val:16, Rest/binary>>, Acc) -> tlv(Rest, [{int, Val} | Acc]);
tlv(<<3, 0, Rest/binary>>, Acc) -> tlv(Rest, [empty | Acc]);
tlv(<<T, Len, Rest/binary>>, Acc) when byte_size(Rest) < Len -> lists:reverse([{truncated, T} | Acc]);
tlv(<<>>, Acc) -> lists:reverse(Acc);
tlv(Other, Acc) -> lists:reverse([{junk, Other} | Acc]).

%% Literal prefixes (bs_match_string).
strings() ->
    io:format("~p~n", [[verb(R) || R <- [<<"GET /index">>, <<"POST /form">>, <<"GE">>, <<"DELETE /x">>]]]),
    <<_:3, Odd/bitstring>> = <<0:3, "GET /y">>,
    io:format("~p~n", [verb(Odd)]),
    io:format("~p~n", [verb(<<"GET ", 1:3>>)]),
    io:format("~p~n", [[verb(<<255, 128, 233, 250, 129, "/">>), verb(<<255, 128, 233, 250, 130>>)]]).

verb(<<"GET ", Path/binary>>) -> {get, Path};
verb(<<"POST ", Path/binary>>) -> {post, Path};
verb(<<255, 128, 233, 250, 129, Path/binary>>) -> {high, Path};
verb(Other) -> {other, Other}.

%% Sizes from variables, units, skips and big integers.
sizes() ->
    Bin = list_to_binary(lists:seq(0, 99)),
    [begin
         <<_:Skip/binary, V:Bits, _/bitstring>> = Bin,
         io:format("~p ~p ~p~n", [Skip, Bits, V])
     end || {Skip, Bits} <- [{0, 8}, {10, 16}, {20, 32}, {30, 64}, {40, 72}, {50, 3}]],
    <<_:4/unit:16, W:2/unit:8, _/binary>> = Bin,
    io:format("~p~n", [W]),
    <<Huge:128, _/binary>> = Bin,
    io:format("~p~n", [Huge]),
    <<_:16, Rest/binary>> = Bin,
    <<_:16, Rest2/binary>> = Rest,
    io:format("~p~n", [byte_size(Rest2)]).

%% Every field width read in line, at every bit offset.
offsets() ->
    Bin = <<16#F1, 16#E2, 16#D3, 16#C4, 16#B5, 16#A6, 16#97, 16#88, 16#79, 16#6A>>,
    [io:format("~p: ~w~n", [Off, fields(Off, Bin)]) || Off <- lists:seq(0, 8)].

fields(Off, Bin) ->
    <<_:Off, A:1, _/bitstring>> = Bin,
    <<_:Off, B:3/signed, _/bitstring>> = Bin,
    <<_:Off, C:7, _/bitstring>> = Bin,
    <<_:Off, D:8/signed, _/bitstring>> = Bin,
    <<_:Off, E:9, _/bitstring>> = Bin,
    <<_:Off, F:12/signed, _/bitstring>> = Bin,
    <<_:Off, G:16/little, _/bitstring>> = Bin,
    <<_:Off, H:17/signed, _/bitstring>> = Bin,
    <<_:Off, I:24/little-signed, _/bitstring>> = Bin,
    <<_:Off, J:31, _/bitstring>> = Bin,
    <<_:Off, K:32/signed, _/bitstring>> = Bin,
    <<_:Off, L:40/little, _/bitstring>> = Bin,
    <<_:Off, M:48/little-signed, _/bitstring>> = Bin,
    <<_:Off, N:55/signed, _/bitstring>> = Bin,
    <<_:Off, O:56/little, _/bitstring>> = Bin,
    <<_:Off, P:56/signed>> = <<(Off + 1):Off, 16#89ABCDEF012345:56>>,
    {A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P}.
