-module(g_lists).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).

-spec with_value(integer(), fun((integer()) -> integer())) -> integer().
with_value(V, F) ->
    F(V).

-spec parse(list(binary()), integer()) -> {ok, integer()} | {error, binary()}.
parse(Strings, I) ->
    _pipe = Strings,
    _pipe@1 = tiny@list:drop(_pipe, I),
    _pipe@2 = tiny@list:first(_pipe@1),
    _pipe@3 = tiny@result:then(_pipe@2, fun tiny_ffi:parse_int/1),
    tiny@result:map_error(
        _pipe@3,
        fun(_) ->
            <<"bad input at "/utf8, (erlang:integer_to_binary(I))/binary>>
        end
    ).

-spec checked_sum(list(binary())) -> {ok, integer()} | {error, binary()}.
checked_sum(Strings) ->
    tiny@result:then(
        parse(Strings, 0),
        fun(A) ->
            tiny@result:then(
                parse(Strings, 1),
                fun(B) ->
                    tiny@result:map(
                        parse(Strings, 2),
                        fun(C) -> (A + B) + C end
                    )
                end
            )
        end
    ).

-spec show(list(integer())) -> binary().
show(L) ->
    <<<<"["/utf8,
            (tiny@string:join(
                tiny@list:map(L, fun erlang:integer_to_binary/1),
                <<", "/utf8>>
            ))/binary>>/binary,
        "]"/utf8>>.

-spec do_fib(integer(), integer(), integer()) -> integer().
do_fib(N, A, B) ->
    case N of
        0 ->
            A;

        _ ->
            do_fib(N - 1, B, A + B)
    end.

-spec fib(integer()) -> integer().
fib(N) ->
    do_fib(N, 0, 1).

-spec factorial(integer()) -> integer().
factorial(N) ->
    case N of
        0 ->
            1;

        _ ->
            N * factorial(N - 1)
    end.

-spec sum_body(integer()) -> integer().
sum_body(N) ->
    case N of
        0 ->
            0;

        _ ->
            N + sum_body(N - 1)
    end.

-spec sieve(list(integer())) -> list(integer()).
sieve(L) ->
    case L of
        [] ->
            [];

        [P | Rest] ->
            [P | sieve(tiny@list:filter(Rest, fun(X) -> (case P of
                                0 -> 0;
                                Gleam@denominator -> X rem Gleam@denominator
                            end) /= 0 end))]
    end.

-spec primes(integer()) -> list(integer()).
primes(N) ->
    sieve(tiny@list:range(2, N)).

-spec hanoi(integer(), integer(), integer(), integer()) -> list({integer(),
    integer()}).
hanoi(N, From, To, Via) ->
    case N of
        0 ->
            [];

        _ ->
            tiny@list:append(
                hanoi(N - 1, From, Via, To),
                [{From, To} | hanoi(N - 1, Via, To, From)]
            )
    end.

-spec hanoi_moves(integer()) -> list({integer(), integer()}).
hanoi_moves(N) ->
    hanoi(N, 1, 3, 2).

-spec quicksort(list(integer())) -> list(integer()).
quicksort(L) ->
    case L of
        [] ->
            [];

        [P | Rest] ->
            {Smaller, Larger} = tiny@list:partition(Rest, fun(X) -> X < P end),
            tiny@list:append(quicksort(Smaller), [P | quicksort(Larger)])
    end.

-spec permutations(list(integer())) -> list(list(integer())).
permutations(L) ->
    case L of
        [] ->
            [[]];

        _ ->
            tiny@list:flat_map(
                L,
                fun(X) ->
                    tiny@list:map(
                        permutations(tiny@list:filter(L, fun(Y) -> Y /= X end)),
                        fun(P) -> [X | P] end
                    )
                end
            )
    end.

-spec main() -> binary().
main() ->
    Nums = tiny@list:range(1, 20),
    _pipe = Nums,
    _pipe@1 = tiny@list:map(_pipe, fun(X) -> X * X end),
    _pipe@2 = tiny@list:filter(_pipe@1, fun tiny@int:is_even/1),
    _pipe@3 = show(_pipe@2),
    tiny_ffi:println(_pipe@3),
    tiny_ffi:println(show(tiny@list:range(5, -2))),
    tiny_ffi:println(
        erlang:integer_to_binary(
            tiny@list:fold(Nums, 0, fun(Acc, X@1) -> Acc + X@1 end)
        )
    ),
    tiny_ffi:println(
        show(
            tiny@list:fold_right(
                [1, 2, 3],
                [],
                fun(Acc@1, X@2) -> [X@2 * 10 | Acc@1] end
            )
        )
    ),
    tiny_ffi:println(show(tiny@list:reverse(tiny@list:take(Nums, 5)))),
    tiny_ffi:println(show(tiny@list:drop(Nums, 15))),
    tiny_ffi:println(show(tiny@list:flatten([[1, 2], [], [3], [4, 5, 6]]))),
    tiny_ffi:println(
        show(
            tiny@list:flat_map(
                [1, 2, 3],
                fun(X@3) -> tiny@list:repeat(X@3, X@3) end
            )
        )
    ),
    tiny_ffi:println(show(tiny@list:unique([3, 1, 3, 2, 1, 4]))),
    tiny_ffi:println(
        show(tiny@list:sort([5, 2, 9, 1, 5, 6, -3], fun tiny@int:compare/2))
    ),
    tiny_ffi:println(
        show(
            tiny@list:sort(
                [5, 2, 9, 1, 5, 6, -3],
                fun(A, B) -> tiny@order:reverse(tiny@int:compare(A, B)) end
            )
        )
    ),
    tiny_ffi:debug(
        tiny@list:zip(
            [1, 2, 3],
            [<<"a"/utf8>>, <<"b"/utf8>>, <<"c"/utf8>>, <<"d"/utf8>>]
        )
    ),
    tiny_ffi:debug(tiny@list:find(Nums, fun(X@4) -> X@4 > 15 end)),
    tiny_ffi:debug(tiny@list:find(Nums, fun(X@5) -> X@5 > 50 end)),
    tiny_ffi:debug(
        tiny@list:key_find([{<<"a"/utf8>>, 1}, {<<"b"/utf8>>, 2}], <<"b"/utf8>>)
    ),
    tiny_ffi:debug(
        {tiny@list:any(Nums, fun(X@6) -> X@6 =:= 7 end),
            tiny@list:all(Nums, fun(X@7) -> X@7 > 0 end)}
    ),
    tiny_ffi:debug(tiny@list:partition(Nums, fun(X@8) -> (X@8 rem 3) =:= 0 end)),
    tiny_ffi:debug(
        tiny@list:index_map(
            [<<"x"/utf8>>, <<"y"/utf8>>, <<"z"/utf8>>],
            fun(I, S) -> {I, S} end
        )
    ),
    tiny_ffi:debug({tiny@list:first([]), tiny@list:last([1, 2, 3])}),
    Adders = tiny@list:map([1, 10, 100], fun(N) -> fun(X@9) -> X@9 + N end end),
    tiny_ffi:println(show(tiny@list:map(Adders, fun(F) -> F(5) end))),
    Compose = fun(F@1, G) -> fun(X@10) -> G(F@1(X@10)) end end,
    Inc_then_double = Compose(
        fun(X@11) -> X@11 + 1 end,
        fun(X@12) -> X@12 * 2 end
    ),
    tiny_ffi:println(erlang:integer_to_binary(Inc_then_double(20))),
    Pipeline = tiny@list:fold(
        [fun(X@13) -> X@13 + 3 end,
            fun(X@14) -> X@14 * X@14 end,
            fun(X@15) -> X@15 - 1 end],
        fun(X@16) -> X@16 end,
        Compose
    ),
    tiny_ffi:println(erlang:integer_to_binary(Pipeline(2))),
    tiny_ffi:println(erlang:integer_to_binary(fib(30))),
    tiny_ffi:println(erlang:integer_to_binary(factorial(30))),
    tiny_ffi:println(show(primes(60))),
    tiny_ffi:println(
        erlang:integer_to_binary(tiny@list:length(tiny@list:range(1, 200000)))
    ),
    tiny_ffi:println(erlang:integer_to_binary(sum_body(100000))),
    tiny_ffi:println(
        show(
            begin
                _pipe@4 = hanoi_moves(10),
                _pipe@5 = tiny@list:take(_pipe@4, 3),
                tiny@list:map(
                    _pipe@5,
                    fun(M) ->
                        (erlang:element(1, M) * 10) + erlang:element(2, M)
                    end
                )
            end
        )
    ),
    tiny_ffi:println(
        erlang:integer_to_binary(tiny@list:length(hanoi_moves(16)))
    ),
    tiny_ffi:println(show(quicksort([38, 27, 43, 3, 9, 82, 10, 3]))),
    tiny_ffi:println(
        tiny@string:join(
            tiny@list:map(permutations([1, 2, 3]), fun show/1),
            <<" "/utf8>>
        )
    ),
    tiny_ffi:debug(checked_sum([<<"1"/utf8>>, <<"2"/utf8>>, <<"3"/utf8>>])),
    tiny_ffi:debug(checked_sum([<<"1"/utf8>>, <<"x"/utf8>>, <<"3"/utf8>>])),
    Total = (with_value(
        20,
        fun(X@17) -> with_value(22, fun(Y) -> X@17 + Y end) end
    )),
    tiny_ffi:println(erlang:integer_to_binary(Total)),
    tiny_ffi:debug(tiny@int:power(2, 100)),
    tiny_ffi:debug(tiny_ffi:int_to_base(255, 2)).
