-module(tiny@result).
-compile([no_auto_import, nowarn_unused_vars]).

-export([map/2, map_error/2, then/2, unwrap/2, is_ok/1]).

-spec map({ok, CC} | {error, CD}, fun((CC) -> CG)) -> {ok, CG} | {error, CD}.
map(R, F) ->
    case R of
        {ok, X} ->
            {ok, F(X)};

        {error, E} ->
            {error, E}
    end.

-spec map_error({ok, CJ} | {error, CK}, fun((CK) -> CN)) -> {ok, CJ} |
    {error, CN}.
map_error(R, F) ->
    case R of
        {ok, X} ->
            {ok, X};

        {error, E} ->
            {error, F(E)}
    end.

-spec then({ok, CQ} | {error, CR}, fun((CQ) -> {ok, CU} | {error, CR})) -> {ok,
        CU} |
    {error, CR}.
then(R, F) ->
    case R of
        {ok, X} ->
            F(X);

        {error, E} ->
            {error, E}
    end.

-spec unwrap({ok, CZ} | {error, any()}, CZ) -> CZ.
unwrap(R, Default) ->
    case R of
        {ok, X} ->
            X;

        {error, _} ->
            Default
    end.

-spec is_ok({ok, any()} | {error, any()}) -> boolean().
is_ok(R) ->
    case R of
        {ok, _} ->
            true;

        {error, _} ->
            false
    end.
