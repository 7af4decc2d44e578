%% Bit syntax: construction and matching of binaries and bit strings.
-module(e_bitsyntax).
-export([main/0]).

main() ->
    %% integer segments
    B1 = <<1, 2, 3, 255, 256, -1>>,
    io:format("~w~n", [B1]),
    B2 = <<16#1234:16, 16#1234:16/little, -2:16/signed, 16#12345678:32/big, 16#12345678:32/little>>,
    io:format("~w~n", [B2]),
    <<A:16, B:16/little, C:16/signed, D:32, E:32/little>> = B2,
    io:format("~w ~w ~w ~w ~w~n", [A, B, C, D, E]),
    <<U8:8, S8:8/signed, _/binary>> = <<200, 200>>,
    io:format("~w ~w~n", [U8, S8]),
    Big = <<(1 bsl 100 + 7):128, -5:72/signed-little>>,
    io:format("~w~n", [Big]),
    <<X128:128, Y72:72/signed-little>> = Big,
    io:format("~w ~w~n", [X128, Y72]),
    <<N24:24/integer-unsigned-big>> = <<1, 2, 3>>,
    io:format("~w~n", [N24]),
    %% variable sizes
    Size = 12,
    <<V:Size, Rest/bitstring>> = <<16#ABCD:16>>,
    io:format("~w ~w ~w~n", [V, Rest, bit_size(Rest)]),
    <<Len:8, Payload:Len/binary, Tail/binary>> = <<3, "abcdef">>,
    io:format("~p ~p~n", [Payload, Tail]),
    %% non byte-aligned bit strings
    Bits = <<1:1, 0:1, 1:1, 5:3>>,
    io:format("~w ~w ~w~n", [Bits, bit_size(Bits), byte_size(Bits)]),
    io:format("~p~n", [<<Bits/bitstring, Bits/bitstring, 7:3>>]),
    <<B0:1, B1b:1, Rest2/bitstring>> = Bits,
    io:format("~w ~w ~w~n", [B0, B1b, Rest2]),
    io:format("~w~n", [<<-1:7>>]),
    io:format("~w~n", [[X || <<X:3>> <= <<255, 0, 170>>]]),
    io:format("~w~n", [is_binary(Bits) orelse is_bitstring(Bits)]),
    io:format("~w~n", [bitstring_to_list(<<1, 2, 3:4>>)]),
    %% float segments
    FB = <<1.5:64/float, 2.5:32/float, -0.25:64/float-little>>,
    io:format("~w~n", [FB]),
    <<F1:64/float, F2:32/float, F3:64/float-little>> = FB,
    io:format("~p ~p ~p~n", [F1, F2, F3]),
    io:format("~w~n", [<<3.0e38:32/float>>]),
    io:format("~w~n", [<<1.0:16/float>>]),
    case <<0:1, 16#7FF:11, 1:52>> of
        <<NaN:64/float>> -> io:format("nan matched ~p~n", [NaN]);
        _ -> io:format("nan does not match a float segment~n")
    end,
    %% utf segments
    U = <<"aé€😀"/utf8>>,
    io:format("~w ~w~n", [U, byte_size(U)]),
    io:format("~w~n", [[Cp || <<Cp/utf8>> <= U]]),
    U16 = <<"aé€😀"/utf16>>,
    io:format("~w~n", [U16]),
    io:format("~w~n", [<<"aé€😀"/utf16-little>>]),
    io:format("~w~n", [<<"a€"/utf32>>]),
    <<C1/utf16, C2/utf16-little, C3/utf32>> = <<16#20AC/utf16, 16#1F600/utf16-little, 16#10FFFF/utf32>>,
    io:format("~w ~w ~w~n", [C1, C2, C3]),
    io:format("~w~n", [catch_it(fun() -> <<(id(16#D800))/utf8>> end)]),
    io:format("~w~n", [catch_it(fun() -> <<(id(16#110000))/utf8>> end)]),
    case <<16#FF, 16#FE>> of
        <<Bad/utf8, _/binary>> -> io:format("bad utf8 matched ~w~n", [Bad]);
        _ -> io:format("invalid utf8 does not match~n")
    end,
    %% binary segments, units
    Bin = <<"hello world">>,
    <<H:5/binary, " ", W/binary>> = Bin,
    io:format("~s|~s~n", [H, W]),
    <<Ch:2/binary-unit:16, _/binary>> = Bin,
    io:format("~p~n", [Ch]),
    io:format("~p~n", [<<Bin:3/binary, Bin/binary>>]),
    io:format("~p~n", [<< <<(Cc - 32)>> || <<Cc>> <= <<"shout">> >>]),
    io:format("~p~n", [<< <<X:4>> || X <- [1, 2, 3, 4, 5]>>]),
    io:format("~p~n", [[{K, Vv} || <<K:4, Vv:4>> <= <<16#12, 16#34, 16#56>>, K > 2]]),
    %% matching in function heads
    io:format("~p~n", [parse_tlv(<<1, 2, "hi", 2, 1, 0, 3, 0>>)]),
    io:format("~p~n", [split_lines(<<"one\ntwo\n\nthree">>, <<>>, [])]),
    %% bigger binaries (refc) and sub-binaries
    Large = list_to_binary(lists:duplicate(1000, <<"abcdefgh">>)),
    <<_:4000/binary, Mid:16/binary, _/binary>> = Large,
    io:format("~w ~p~n", [byte_size(Large), Mid]),
    io:format("~w~n", [erlang:crc32(Large)]),
    Sub = binary:part(Large, 7995, 5),
    io:format("~p ~w~n", [Sub, binary:referenced_byte_size(<<"small">>) > 0]),
    io:format("~p~n", [binary:copy(<<"ab">>, 3)]),
    io:format("~w~n", [size(<<1:12>>)]),
    io:format("~w ~w~n", [binary_to_list(<<1, 2, 3>>, 2, 3), list_to_binary([1, [2, <<3, 4>>], 5])]),
    io:format("~w~n", [list_to_bitstring([<<1:3>>, <<2>>, [<<3:5>>]])]),
    io:format("~w~n", [iolist_size([1, <<2, 3>>, [4, [5]]])]),
    io:format("~p~n", [binary:bin_to_list(<<"xyz">>)]),
    io:format("~w~n", [binary:decode_unsigned(<<1, 0, 0>>)]),
    io:format("~w ~w~n", [binary:encode_unsigned(65536), binary:encode_unsigned(65536, little)]),
    io:format("~w~n", [catch_it(fun() -> <<(id(a)):8>> end)]),
    io:format("~w~n", [catch_it(fun() -> <<X:8>> = id(<<1, 2>>), X end)]),
    ok.

parse_tlv(<<>>) -> [];
parse_tlv(<<T, L, V:L/binary, Rest/binary>>) -> [{T, V} | parse_tlv(Rest)].

split_lines(<<>>, Acc, Lines) -> lists:reverse([Acc | Lines]);
split_lines(<<$\n, Rest/binary>>, Acc, Lines) -> split_lines(Rest, <<>>, [Acc | Lines]);
split_lines(<<C, Rest/binary>>, Acc, Lines) -> split_lines(Rest, <<Acc/binary, C>>, Lines).

catch_it(F) -> try F() catch C:R -> {C, R} end.

id(X) -> X.
