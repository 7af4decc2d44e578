%% Calls the corpus's proof module (Gleam 1.17, OTP 28 bytecode) with the
%% arguments ../shared/corpus/EXPECTED.md lists and prints each result, so
%% that corpus_native_test.go can check them in a native build.
%% Compiled with: erlc +deterministic -o cmd/beamrc/testdata/corpusdrivers proof_driver.erl
-module(proof_driver).
-export([main/0]).

main() ->
    show(answer, [], proof:answer()),
    show(add, [17, 25], proof:add(17, 25)),
    show(run_pipeline, [5], proof:run_pipeline(5)),
    [show(factorial, [N], proof:factorial(N)) || N <- [0, 5, 10, 12, 20]],
    [show(fibonacci, [N], proof:fibonacci(N)) || N <- [0, 1, 10, 30]],
    ok.

show(F, Args, Result) -> io:format("~w~w = ~w~n", [F, Args, Result]).
