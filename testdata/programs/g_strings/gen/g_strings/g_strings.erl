-module(g_strings).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).

-spec route(binary()) -> binary().
route(Cmd) ->
    case Cmd of
        <<"get "/utf8, Path/binary>> ->
            <<"GET "/utf8, Path/binary>>;

        <<"post "/utf8, Path@1/binary>> ->
            <<"POST "/utf8, Path@1/binary>>;

        <<"delete "/utf8, _/binary>> ->
            <<"DELETE (refused)"/utf8>>;

        _ ->
            <<"unknown: "/utf8, Cmd/binary>>
    end.

-spec do_decode(bitstring(), integer(), integer(), list(integer())) -> list(integer()).
do_decode(B, Acc, Shift, Out) ->
    case B of
        <<>> ->
            tiny@list:reverse(Out);

        <<1:1, V:7, Rest/bitstring>> ->
            do_decode(
                Rest,
                Acc + (tiny@int:power(2, Shift) * V),
                Shift + 7,
                Out
            );

        <<0:1, V@1:7, Rest@1/bitstring>> ->
            do_decode(
                Rest@1,
                0,
                0,
                [Acc + (tiny@int:power(2, Shift) * V@1) | Out]
            )
    end.

-spec decode_varints(bitstring()) -> list(integer()).
decode_varints(B) ->
    do_decode(B, 0, 0, []).

-spec main() -> bitstring().
main() ->
    tiny_ffi:set_utf8(),
    Text = <<"The quick brown fox jumps over the lazy dog"/utf8>>,
    Words = tiny_ffi:string_split(Text, <<" "/utf8>>),
    tiny_ffi:debug(Words),
    tiny_ffi:println(tiny@string:join(tiny@list:reverse(Words), <<" "/utf8>>)),
    tiny_ffi:println(string:uppercase(Text)),
    tiny_ffi:println(string:lowercase(<<"MiXeD CaSe"/utf8>>)),
    tiny_ffi:println(
        <<(erlang:integer_to_binary(string:length(Text)))/binary,
            " chars"/utf8>>
    ),
    tiny_ffi:println(tiny_ffi:string_replace(Text, <<"o"/utf8>>, <<"0"/utf8>>)),
    tiny_ffi:debug(
        {tiny_ffi:string_contains(Text, <<"fox"/utf8>>),
            tiny_ffi:string_contains(Text, <<"cat"/utf8>>)}
    ),
    tiny_ffi:debug(
        {tiny_ffi:string_starts_with(Text, <<"The"/utf8>>),
            tiny_ffi:string_ends_with(Text, <<"dog"/utf8>>),
            tiny_ffi:string_ends_with(Text, <<"cat"/utf8>>)}
    ),
    tiny_ffi:println(tiny_ffi:string_reverse(<<"stressed"/utf8>>)),
    tiny_ffi:println(
        <<<<"["/utf8, (tiny_ffi:string_trim(<<"   padded  "/utf8>>))/binary>>/binary,
            "]"/utf8>>
    ),
    tiny_ffi:println(tiny_ffi:string_repeat(<<"ab"/utf8>>, 5)),
    tiny_ffi:println(tiny_ffi:string_slice(Text, 4, 5)),
    tiny_ffi:println(
        <<<<<<(tiny@string:pad_left(<<"42"/utf8>>, 6, <<"0"/utf8>>))/binary,
                    "|"/utf8>>/binary,
                (tiny@string:pad_right(<<"x"/utf8>>, 4, <<"."/utf8>>))/binary>>/binary,
            "|"/utf8>>
    ),
    Csv = begin
        _pipe = tiny@list:range(1, 5),
        _pipe@1 = tiny@list:map(
            _pipe,
            fun(I) ->
                <<<<<<<<(erlang:integer_to_binary(I))/binary, ","/utf8>>/binary,
                            (erlang:integer_to_binary(I * I))/binary>>/binary,
                        ","/utf8>>/binary,
                    (tiny_ffi:float_to_string(erlang:float(I) / 4.0))/binary>>
            end
        ),
        tiny@string:join(_pipe@1, <<"\n"/utf8>>)
    end,
    tiny_ffi:println(Csv),
    Parsed = begin
        _pipe@2 = tiny_ffi:string_split(Csv, <<"\n"/utf8>>),
        tiny@list:map(
            _pipe@2,
            fun(Line) -> tiny_ffi:string_split(Line, <<","/utf8>>) end
        )
    end,
    tiny_ffi:debug(Parsed),
    tiny_ffi:println(
        erlang:iolist_to_binary(
            [<<"con"/utf8>>, <<"cat"/utf8>>, <<"en"/utf8>>, <<"ation"/utf8>>]
        )
    ),
    Long = tiny@list:fold(
        tiny@list:range(1, 1000),
        <<""/utf8>>,
        fun(Acc, I@1) ->
            <<Acc/binary, (erlang:integer_to_binary(I@1 rem 10))/binary>>
        end
    ),
    tiny_ffi:println(
        <<<<(erlang:integer_to_binary(string:length(Long)))/binary, " "/utf8>>/binary,
            (tiny_ffi:string_slice(Long, 990, 10))/binary>>
    ),
    U = <<"héllo wörld ✓ 😀"/utf8>>,
    tiny_ffi:println(U),
    tiny_ffi:println(
        <<<<<<(erlang:integer_to_binary(string:length(U)))/binary,
                    " graphemes, "/utf8>>/binary,
                (erlang:integer_to_binary(erlang:byte_size(U)))/binary>>/binary,
            " bytes"/utf8>>
    ),
    tiny_ffi:debug(tiny_ffi:string_graphemes(<<"é̃a😀"/utf8>>)),
    tiny_ffi:println(string:uppercase(U)),
    tiny_ffi:println(tiny_ffi:string_reverse(U)),
    tiny_ffi:println(tiny_ffi:inspect({<<"tuple"/utf8>>, 1, [2.5]})),
    tiny_ffi:println(<<"escapes: \t|\"quoted\"|\\"/utf8>>),
    tiny@list:each(
        [<<"get /index"/utf8>>,
            <<"post /form"/utf8>>,
            <<"delete /x"/utf8>>,
            <<"other"/utf8>>],
        fun(Cmd) -> tiny_ffi:println(route(Cmd)) end
    ),
    Bits = <<1:8, 2:16, 3:32/little, -1:8>>,
    tiny_ffi:debug(Bits),
    tiny_ffi:println(erlang:integer_to_binary(erlang:byte_size(Bits))),
    <<A:8, B:16, C:32/little, D:8/signed>> = Bits,
    tiny_ffi:debug([A, B, C, D]),
    Packed = <<5:3, 1:1, 0:4, 255:8>>,
    tiny_ffi:debug(Packed),
    <<X:3, Flag:1, _:4, Rest/bitstring>> = Packed,
    tiny_ffi:debug({X, Flag, Rest}),
    tiny_ffi:debug(tiny@bit_array:append(<<"abc"/utf8>>, <<0, 1>>)),
    tiny_ffi:debug(tiny_ffi:bit_array_to_string(<<"ok"/utf8>>)),
    tiny_ffi:debug(tiny_ffi:bit_array_to_string(<<255, 254>>)),
    tiny_ffi:debug(tiny_ffi:bit_array_slice(<<"hello world"/utf8>>, 6, 5)),
    tiny_ffi:debug(tiny_ffi:bit_array_slice(<<"hi"/utf8>>, 1, 5)),
    tiny_ffi:debug(<<1.5/float, 2.0:32/float>>),
    <<F/float>> = <<3.25/float>>,
    tiny_ffi:println(tiny_ffi:float_to_string(F)),
    tiny_ffi:debug(decode_varints(<<172, 2, 1, 150, 1>>)),
    tiny_ffi:debug(erlang:bit_size(<<1:5>>)),
    tiny_ffi:debug(<<"é"/utf8, "é"/utf16, "é"/utf32>>).
