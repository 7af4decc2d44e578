-module(g_panic_ffi).
-export([rescue/1]).

%% Runs F; a Gleam runtime error becomes {error, Map} with the line removed.
rescue(F) ->
    try {ok, F()}
    catch error:#{gleam_error := _} = E -> {error, maps:remove(line, E)}
    end.
