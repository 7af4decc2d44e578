%% Floats: arithmetic, rounding, conversions and every printing form.
-module(e_floats).
-export([main/0]).

main() ->
    Fs = [0.0, 1.0, -1.5, 0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 100.0, 123456.789, 1.0e10, 1.0e15,
          1.0e16, 1.0e22, 1.0e23, 1.5e300, 5.0e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, -0.001, 3.141592653589793, 2.718281828459045, 0.5, 1.0e-5,
          123.0e-10, 9007199254740993.0],
    lists:foreach(fun pr/1, Fs),
    io:format("-- arithmetic~n"),
    io:format("~p ~p ~p ~p~n", [1.5 + 2, 3 * 0.5, 7 / 2, 1 / 7]),
    io:format("~p ~p ~p~n", [1.0e308 / 4 * 2.0, 1.0e-300 * 1.0e-300, math:sqrt(2)]),
    io:format("~p ~p ~p~n", [math:pow(2, 0.5), math:exp(1), math:log(10)]),
    io:format("~p ~p ~p~n", [math:sin(1.0), math:cos(1.0), math:atan2(1, 2)]),
    io:format("~p ~p~n", [math:pi(), math:floor(-2.5)]),
    io:format("~p~n", [(1 bsl 70) * 1.0]),
    io:format("~p~n", [float(1 bsl 70)]),
    io:format("~p ~p~n", [(1 bsl 70) + 0.5, 12345678901234567890 / 10]),
    io:format("-- rounding~n"),
    lists:foreach(fun(X) ->
                          io:format("~p: trunc ~p round ~p ceil ~p floor ~p~n",
                                    [X, trunc(X), round(X), ceil(X), floor(X)])
                  end, [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, 1.0e20, -1.0e20, 123.456, -0.0]),
    io:format("-- conversions~n"),
    X = 3.14159265358979,
    io:format("~s~n", [float_to_list(X)]),
    io:format("~s~n", [float_to_list(X, [short])]),
    io:format("~s~n", [float_to_list(X, [{decimals, 3}])]),
    io:format("~s~n", [float_to_list(X, [{decimals, 3}, compact])]),
    io:format("~s~n", [float_to_list(1.5, [{decimals, 6}, compact])]),
    io:format("~s~n", [float_to_list(X, [{scientific, 2}])]),
    io:format("~s~n", [float_to_binary(X, [{scientific, 10}])]),
    io:format("~s~n", [float_to_binary(1.0e20, [{decimals, 2}])]),
    io:format("~s~n", [float_to_binary(-0.000123, [short])]),
    io:format("~s~n", [float_to_binary(2.5, [{decimals, 0}])]),
    io:format("~s~n", [float_to_binary(0.125, [{decimals, 2}])]),
    io:format("~p ~p ~p~n", [list_to_float("1.5e3"), binary_to_float(<<"-0.25">>),
                             binary_to_float(<<"6.02214076e23">>)]),
    io:format("~p ~p~n", [err(fun() -> list_to_float(id("1")) end), err(fun() -> binary_to_float(id(<<"1.">>)) end)]),
    io:format("-- format~n"),
    lists:foreach(fun(V) ->
                          io:format("~~f ~f|~~e ~e|~~g ~g|~~.2f ~.2f|~~.3e ~.3e|~~12.4f ~12.4f|~~-12.1f ~-12.1f|~~w ~w~n",
                                    [V, V, V, V, V, V, V, V])
                  end, [0.0, 1.0, -2.5, 1/3, 1234567.891, 1.0e-7, 1.0e25]),
    io:format("~.1g ~.3g ~.10g~n", [0.0001234, 123456.0, 1/3]),
    io:format("~p~n", [[1.0, 2.5, -0.0, 1.0e100]]),
    io:format("~w ~w ~w~n", [0.0 == -0.0, 0.0 =:= -0.0, 1.0 < 1]),
    io:format("~w~n", [lists:sum([0.1 || _ <- lists:seq(1, 10)])]),
    io:format("~w~n", [is_float(1.0) andalso not is_float(1)]),
    ok.

pr(F) ->
    io:format("~p | ~w | ~s | ~s~n", [F, F, float_to_list(F, [short]), float_to_list(F)]).

id(X) -> X.

err(F) -> try F() catch C:R -> {C, R} end.
