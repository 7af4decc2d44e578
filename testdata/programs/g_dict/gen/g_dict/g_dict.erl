-module(g_dict).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).

-spec string_compare(binary(), binary()) -> tiny@order:order().
string_compare(A, B) ->
    case {A =:= B, erlang:'<'(A, B)} of
        {true, _} ->
            tiny@int:compare(0, 0);

        {_, true} ->
            tiny@int:compare(0, 1);

        {_, false} ->
            tiny@int:compare(1, 0)
    end.

-spec main() -> tiny@dict:dict(integer(), list(binary())).
main() ->
    Small = begin
        _pipe = maps:new(),
        _pipe@1 = tiny@dict:insert(_pipe, <<"one"/utf8>>, 1),
        _pipe@2 = tiny@dict:insert(_pipe@1, <<"two"/utf8>>, 2),
        tiny@dict:insert(_pipe@2, <<"three"/utf8>>, 3)
    end,
    tiny_ffi:debug(Small),
    tiny_ffi:debug(tiny_ffi:map_get(Small, <<"two"/utf8>>)),
    tiny_ffi:debug(tiny_ffi:map_get(Small, <<"four"/utf8>>)),
    tiny_ffi:debug(maps:size(Small)),
    tiny_ffi:debug(maps:to_list(tiny@dict:delete(Small, <<"one"/utf8>>))),
    tiny_ffi:debug(maps:keys(Small)),
    tiny_ffi:debug(maps:values(Small)),
    tiny_ffi:debug(tiny@dict:has_key(Small, <<"three"/utf8>>)),
    Squares = maps:from_list(
        tiny@list:map(tiny@list:range(1, 50), fun(I) -> {I, I * I} end)
    ),
    tiny_ffi:debug(maps:size(Squares)),
    tiny_ffi:debug(tiny_ffi:map_get(Squares, 37)),
    tiny_ffi:debug(Squares),
    tiny_ffi:debug(maps:keys(Squares)),
    Total = tiny@dict:fold(Squares, 0, fun(Acc, _, V) -> Acc + V end),
    tiny_ffi:println(
        <<"sum of squares: "/utf8, (erlang:integer_to_binary(Total))/binary>>
    ),
    Names = begin
        _pipe@3 = tiny@list:range(1, 40),
        _pipe@4 = tiny@list:map(
            _pipe@3,
            fun(I@1) ->
                {<<"key"/utf8, (erlang:integer_to_binary(I@1))/binary>>, I@1}
            end
        ),
        maps:from_list(_pipe@4)
    end,
    tiny_ffi:debug(Names),
    tiny_ffi:debug(maps:to_list(Names)),
    Text = <<"a b c a b a d e f a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc a"/utf8>>,
    Counts = begin
        _pipe@5 = tiny_ffi:string_split(Text, <<" "/utf8>>),
        tiny@list:fold(
            _pipe@5,
            maps:new(),
            fun(D, W) -> tiny_ffi:map_update(D, W, fun(Old) -> case Old of
                            {some, N} ->
                                N + 1;

                            none ->
                                1
                        end end) end
        )
    end,
    tiny_ffi:debug(maps:size(Counts)),
    tiny_ffi:debug(tiny_ffi:map_get(Counts, <<"a"/utf8>>)),
    _pipe@6 = Counts,
    _pipe@7 = maps:to_list(_pipe@6),
    _pipe@8 = tiny@list:sort(
        _pipe@7,
        fun(X, Y) ->
            string_compare(erlang:element(1, X), erlang:element(1, Y))
        end
    ),
    _pipe@9 = tiny@list:take(_pipe@8, 8),
    tiny_ffi:debug(_pipe@9),
    Doubled = tiny@dict:map_values(Squares, fun(_, V@1) -> V@1 * 2 end),
    tiny_ffi:debug(tiny_ffi:map_get(Doubled, 50)),
    Merged = maps:merge(
        Small,
        maps:from_list([{<<"two"/utf8>>, 22}, {<<"four"/utf8>>, 4}])
    ),
    tiny_ffi:debug(Merged),
    Shrunk = tiny@list:fold(
        tiny@list:range(1, 45),
        Squares,
        fun(D@1, K) -> tiny@dict:delete(D@1, K) end
    ),
    tiny_ffi:debug(Shrunk),
    tiny_ffi:debug(
        maps:from_list(
            [{{1, 2}, <<"tuple key"/utf8>>}, {{0, 5}, <<"another"/utf8>>}]
        )
    ),
    Big = maps:from_list(
        tiny@list:map(tiny@list:range(1, 100000), fun(I@2) -> {I@2, I@2} end)
    ),
    tiny_ffi:debug(maps:size(Big)),
    tiny_ffi:debug(
        tiny@dict:fold(
            Big,
            0,
            fun(Acc@1, K@1, V@2) -> Acc@1 + ((K@1 * V@2) rem 7) end
        )
    ),
    By_len = begin
        _pipe@10 = [<<"apple"/utf8>>,
            <<"fig"/utf8>>,
            <<"kiwi"/utf8>>,
            <<"banana"/utf8>>,
            <<"plum"/utf8>>,
            <<"pear"/utf8>>,
            <<"cherry"/utf8>>,
            <<"date"/utf8>>],
        tiny@list:fold(
            _pipe@10,
            maps:new(),
            fun(D@2, W@1) ->
                tiny_ffi:map_update(
                    D@2,
                    string:length(W@1),
                    fun(Old@1) -> [W@1 | tiny@option:unwrap(Old@1, [])] end
                )
            end
        )
    end,
    tiny_ffi:debug(By_len).
