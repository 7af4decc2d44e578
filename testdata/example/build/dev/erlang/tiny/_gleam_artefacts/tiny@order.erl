-module(tiny@order).
-compile([no_auto_import, nowarn_unused_vars]).

-export([reverse/1, to_int/1]).
-export_type([order/0]).

-type order() :: lt | eq | gt.

-spec reverse(order()) -> order().
reverse(O) ->
    case O of
        lt ->
            gt;

        eq ->
            eq;

        gt ->
            lt
    end.

-spec to_int(order()) -> integer().
to_int(O) ->
    case O of
        lt ->
            -1;

        eq ->
            0;

        gt ->
            1
    end.
