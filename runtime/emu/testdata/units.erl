%% Small functions exercising tricky instructions; emu_test.go compares
%% what the interpreter returns with what erl returned (recorded there).
-module(units).
-export([bits_ints/0, bits_little/0, bits_signed/0, bits_float/0, bits_utf/0,
         bits_unaligned/0, bits_match/1, bits_tail/0, bits_append/0, bits_bad/0,
         exc_catch/0, exc_try/0, exc_nested/0, exc_stack/0, exc_fc/0, exc_badarity/0,
         exc_rethrow/0, recv_after/0, recv_selective/0, recv_timeout_zero/0,
         recv_send_after/0, maps_ops/0, float_ops/0, big_ints/0, apply_ops/0,
         records/0, guards/1, proof_add/2, recv_ref/0]).

-record(r, {a = 1, b = 2, c}).

bits_ints() ->
    [<<1, 2, 3>>, <<256:16>>, <<-1:8>>, <<1:1, 0:1, 1:6>>, <<300:12, 5:4>>,
     <<16#123456789ABCDEF0:64>>, <<1:100>>, <<(1 bsl 70):72>>].
bits_little() ->
    [<<258:16/little>>, <<1:12/little>>, <<256:12/little>>, <<16#01020304:32/little>>,
     begin <<X:16/little>> = id(<<1, 2>>), X end].
bits_signed() ->
    <<A:8/signed, B:16/signed-little, C:4/signed, D:4>> = <<255, 254, 255, 16#F7>>,
    {A, B, C, D}.
bits_float() ->
    <<F:64/float, G:32/float, H:64/float-little>> = <<1.5:64/float, 2.25:32/float, -3.0:64/float-little>>,
    [F, G, H, <<0.5:16/float>>, <<1:64/float>>].
bits_utf() ->
    B = <<"héllo"/utf8, 16#1F600/utf8, 16#1F600/utf16, 16#1F600/utf32-little>>,
    [B, [C || <<C/utf8>> <= <<"héllo"/utf8>>], byte_size(B)].
bits_unaligned() ->
    B = <<1:3, 2:5, 3:7>>,
    <<X:3, Y:5, Z:7>> = B,
    [B, bit_size(B), {X, Y, Z}, <<B/bitstring, 1:1>>, is_binary(B), is_bitstring(B)].
bits_match(Bin) ->
    case Bin of
        <<"GET ", Rest/binary>> -> {get, Rest};
        <<Len:8, Data:Len/binary, Tail/binary>> -> {len, Data, Tail};
        <<_:4, _/bitstring>> -> short;
        _ -> other
    end.
bits_tail() ->
    [bits_match(<<"GET /x">>), bits_match(<<3, "abcde">>), bits_match(<<9, 1>>), bits_match(<<>>),
     [X || <<X:4>> <= <<16#ABCD:16>>], << <<(X*2)>> || <<X>> <= <<1,2,3>> >>].
bits_append() ->
    L = lists:foldl(fun(I, Acc) -> <<Acc/binary, I:8>> end, <<>>, lists:seq(1, 300)),
    M = lists:foldl(fun(I, Acc) -> <<Acc/bitstring, I:3>> end, <<>>, lists:seq(1, 20)),
    Keep = <<L/binary, "x">>,
    Other = <<L/binary, "y">>,
    [byte_size(L), lists:sum(binary_to_list(L)), M, binary:last(Keep), binary:last(Other)].
bits_bad() ->
    [c(fun() -> <<(id(a)):8>> end), c(fun() -> <<(id(1.5)):8/integer>> end),
     c(fun() -> <<(id(<<1:3>>))/binary>> end), c(fun() -> <<(id(-1)):(id(-1))>> end)].

exc_catch() ->
    [catch throw(t), catch exit(e), element(1, catch error(x)), c(fun() -> 1 + id(a) end)].
exc_try() ->
    [try throw(a) catch throw:V -> {thrown, V} end,
     try error(b) catch error:V2:St -> {error, V2, is_list(St)} end,
     try exit(c) catch exit:V3 -> {exited, V3} end,
     try id(1) of 1 -> one after put(k, after_ran) end, get(k)].
exc_nested() ->
    try
        try throw(inner) after put(a1, yes) end
    catch throw:X -> {X, get(a1)} end.
exc_stack() ->
    try lists:nth(id(0), [a]) catch error:R:St -> {R, [{M, F, A} || {M, F, A, _} <- lists:sublist(St, 2)]} end.
exc_fc() ->
    try fc(id(x)) catch error:function_clause:St -> hd(St) end.
fc(a) -> a.
exc_badarity() ->
    F = fun(X) -> X end,
    [c(fun() -> (id(F))() end), c(fun() -> (id(notfun))(1) end), c(fun() -> apply(nomod, nofun, [1]) end)].
exc_rethrow() ->
    try
        try error(one) catch error:one:St -> erlang:raise(error, two, St) end
    catch error:Two:St2 -> {Two, length(St2) > 0} end.

recv_after() ->
    T0 = erlang:monotonic_time(millisecond),
    receive never -> never after 30 -> ok end,
    erlang:monotonic_time(millisecond) - T0 >= 30.
recv_selective() ->
    self() ! a, self() ! b, self() ! c,
    R1 = receive b -> b end,
    R2 = receive X -> X end,
    R3 = receive Y -> Y end,
    [R1, R2, R3].
recv_timeout_zero() ->
    self() ! x,
    [receive y -> y after 0 -> none end, receive x -> x after 0 -> none end].
recv_send_after() ->
    erlang:send_after(20, self(), later),
    Ref = erlang:start_timer(10, self(), sooner),
    A = receive {timeout, Ref, M} -> M end,
    B = receive later -> later end,
    Ref2 = erlang:send_after(1000, self(), never),
    C = is_integer(erlang:cancel_timer(Ref2)),
    [A, B, C, erlang:cancel_timer(Ref2)].

maps_ops() ->
    M0 = #{a => 1},
    M1 = M0#{b => 2, a => 3},
    M2 = M1#{a := 4},
    #{a := A, b := B} = M2,
    Big = maps:from_list([{I, I} || I <- lists:seq(1, 100)]),
    Big2 = Big#{50 := fifty, 101 => new},
    [M1, M2, A + B, maps:get(50, Big2), maps:size(Big2), c(fun() -> M0#{z := 1} end),
     c(fun() -> (id(notmap))#{a => 1} end)].
float_ops() ->
    X = id(1.5), Y = id(2.0),
    [X + Y, X * Y, X / Y, -X, X - Y, c(fun() -> X / id(0.0) end), float(id(3)), X + 1].
big_ints() ->
    F = fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end,
    [F(25), F(25) div F(20), -(1 bsl 64), (1 bsl 64) - 1, 1 bsl 59 + (1 bsl 59)].
apply_ops() ->
    F = fun lists:reverse/1,
    [apply(lists, reverse, [[1, 2]]), apply(F, [[3, 4]]), F([5, 6]),
     erlang:apply(fun(A, B) -> A - B end, [10, 3])].
records() ->
    R = #r{c = 3},
    R2 = R#r{a = 10},
    [R, R2, R2#r.a, c(fun() -> (id({q, 1}))#r.a end)].
guards(X) when is_integer(X), X > 10; is_atom(X) -> big_or_atom;
guards(X) when is_tuple(X), tuple_size(X) =:= 2, element(1, X) =:= k -> tagged;
guards(X) when is_binary(X), byte_size(X) > 2 -> long_bin;
guards(X) when is_map(X), map_size(X) > 0 -> map;
guards(_) -> other.
proof_add(A, B) -> A + B.

recv_ref() ->
    Self = self(),
    [Self ! {noise, I} || I <- lists:seq(1, 100)],
    Ref = make_ref(),
    spawn(fun() -> Self ! {Ref, reply} end),
    R = receive {Ref, X} -> X end,
    Ref2 = make_ref(),
    Self ! {Ref2, second},
    R2 = receive {Ref2, Y} -> Y after 100 -> none end,
    {R, R2, length(drain([]))}.
drain(Acc) -> receive M -> drain([M | Acc]) after 0 -> Acc end.
id(X) -> X.

%% c runs F and returns its value, or the exception without the stack
%% trace but for the top frame's function.
c(F) ->
    try F() catch Class:Reason:St ->
        Top = case St of
                  [{M, Fn, A, _} | _] when is_list(A) -> {M, Fn, length(A)};
                  [{M, Fn, A, _} | _] -> {M, Fn, A};
                  [] -> none
              end,
        {Class, Reason, Top}
    end.
