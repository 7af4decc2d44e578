%% Calls the corpus's actor_spike probes (gleam_otp on OTP 29 bytecode) and
%% prints their results, for corpus_native_test.go's native build.
%% Compiled with: erlc +deterministic -o cmd/beamrc/testdata/corpusdrivers actor_driver.erl
-module(actor_driver).
-export([main/0]).

main() ->
    io:format("run ~w~nsubject_probe ~w~nreceive_probe ~w~n",
              [actor_spike:run(), actor_spike:subject_probe(), actor_spike:receive_probe()]).
