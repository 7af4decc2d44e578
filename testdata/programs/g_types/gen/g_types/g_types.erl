-module(g_types).
-compile([no_auto_import, nowarn_unused_vars]).

-export([main/0]).
-export_type([shape/0, employee/0, role/0, tree/1, parse_error/0]).

-type shape() :: {circle, float()} |
    {rect, float(), float()} |
    {triangle, float(), float(), float()}.

-type employee() :: {employee,
        binary(),
        integer(),
        role(),
        tiny@option:option(binary())}.

-type role() :: {engineer, integer()} | manager | intern.

-type tree(WL) :: leaf | {node, tree(WL), WL, tree(WL)}.

-type parse_error() :: empty | {not_a_number, binary()} | {negative, integer()}.

-spec bool(boolean()) -> binary().
bool(B) ->
    case B of
        true ->
            <<"yes"/utf8>>;

        false ->
            <<"no"/utf8>>
    end.

-spec area(shape()) -> float().
area(S) ->
    case S of
        {circle, R} ->
            (3.14159 * R) * R;

        {rect, W, H} ->
            W * H;

        {triangle, A, B, C} ->
            P = ((A + B) + C) / 2.0,
            math:sqrt(((P * (P - A)) * (P - B)) * (P - C))
    end.

-spec describe(shape()) -> binary().
describe(S) ->
    case S of
        {circle, R} when R > 2.0 ->
            <<"big circle"/utf8>>;

        {circle, _} ->
            <<"circle"/utf8>>;

        {rect, W, H} when W =:= H ->
            <<"square"/utf8>>;

        {rect, _, _} ->
            <<"rectangle"/utf8>>;

        {triangle, _, _, _} ->
            <<"triangle"/utf8>>
    end.

-spec title(employee()) -> binary().
title(E) ->
    case E of
        {employee, _, Age, {engineer, Level}, _} when (Level >= 3) andalso (Age > 30) ->
            <<"Senior engineer "/utf8, (erlang:element(2, E))/binary>>;

        {employee, _, _, {engineer, Level@1}, _} ->
            <<<<<<"Engineer L"/utf8,
                        (erlang:integer_to_binary(Level@1))/binary>>/binary,
                    " "/utf8>>/binary,
                (erlang:element(2, E))/binary>>;

        {employee, Name, _, manager, _} ->
            <<"Manager "/utf8, Name/binary>>;

        {employee, _, _, intern, {some, M}} ->
            <<<<<<<<"Intern "/utf8, (erlang:element(2, E))/binary>>/binary,
                        " (reports to "/utf8>>/binary,
                    M/binary>>/binary,
                ")"/utf8>>;

        {employee, _, _, intern, none} ->
            <<"Intern "/utf8, (erlang:element(2, E))/binary>>
    end.

-spec insert(tree(integer()), integer()) -> tree(integer()).
insert(Tree, X) ->
    case Tree of
        leaf ->
            {node, leaf, X, leaf};

        {node, L, V, R} when X < V ->
            {node, insert(L, X), V, R};

        {node, L@1, V@1, R@1} when X > V@1 ->
            {node, L@1, V@1, insert(R@1, X)};

        _ ->
            Tree
    end.

-spec to_list(tree(WP)) -> list(WP).
to_list(Tree) ->
    case Tree of
        leaf ->
            [];

        {node, L, V, R} ->
            tiny@list:append(to_list(L), [V | to_list(R)])
    end.

-spec depth(tree(any())) -> integer().
depth(Tree) ->
    case Tree of
        leaf ->
            0;

        {node, L, _, R} ->
            1 + tiny@int:max(depth(L), depth(R))
    end.

-spec contains(tree(integer()), integer()) -> boolean().
contains(Tree, X) ->
    case Tree of
        leaf ->
            false;

        {node, _, V, _} when V =:= X ->
            true;

        {node, L, V@1, _} when X < V@1 ->
            contains(L, X);

        {node, _, _, R} ->
            contains(R, X)
    end.

-spec parse_positive(binary()) -> {ok, integer()} | {error, parse_error()}.
parse_positive(S) ->
    case S of
        <<""/utf8>> ->
            {error, empty};

        _ ->
            case tiny_ffi:parse_int(S) of
                {error, nil} ->
                    {error, {not_a_number, S}};

                {ok, N} when N < 0 ->
                    {error, {negative, N}};

                {ok, N@1} ->
                    {ok, N@1}
            end
    end.

-spec show_parse({ok, integer()} | {error, parse_error()}) -> binary().
show_parse(R) ->
    case R of
        {ok, N} ->
            <<"ok "/utf8, (erlang:integer_to_binary(N))/binary>>;

        {error, empty} ->
            <<"error: empty"/utf8>>;

        {error, {not_a_number, S}} ->
            <<"error: not a number: "/utf8, (tiny_ffi:inspect(S))/binary>>;

        {error, {negative, N@1}} ->
            <<"error: negative "/utf8, (erlang:integer_to_binary(N@1))/binary>>
    end.

-spec swap({WZ, XA}) -> {XA, WZ}.
swap(Pair) ->
    {erlang:element(2, Pair), erlang:element(1, Pair)}.

-spec classify(integer()) -> binary().
classify(N) ->
    case N of
        0 ->
            <<"zero"/utf8>>;

        N@1 when N@1 < 0 ->
            <<"negative"/utf8>>;

        N@2 ->
            case {N@2 rem 3, N@2 rem 5} of
                {0, 0} ->
                    <<"fizzbuzz"/utf8>>;

                {0, _} ->
                    <<"fizz"/utf8>>;

                {_, 0} ->
                    <<"buzz"/utf8>>;

                {_, _} ->
                    <<"number"/utf8>>
            end
    end.

-spec list_shape(list(integer())) -> binary().
list_shape(L) ->
    case L of
        [] ->
            <<"empty"/utf8>>;

        [X] ->
            <<"one: "/utf8, (erlang:integer_to_binary(X))/binary>>;

        [X@1, Y] ->
            <<"two: "/utf8, (erlang:integer_to_binary(X@1 + Y))/binary>>;

        [X@2, _, Z] when X@2 > Z ->
            <<"three, descending"/utf8>>;

        [First | Rest] ->
            <<<<<<"many, first "/utf8,
                        (erlang:integer_to_binary(First))/binary>>/binary,
                    ", rest "/utf8>>/binary,
                (erlang:integer_to_binary(tiny@list:length(Rest)))/binary>>
    end.

-spec main() -> boolean().
main() ->
    Shapes = [{circle, 1.0},
        {rect, 2.0, 3.5},
        {triangle, 3.0, 4.0, 5.0},
        {circle, 2.5}],
    tiny@list:each(
        Shapes,
        fun(S) ->
            tiny_ffi:println(
                <<<<(describe(S))/binary, " area "/utf8>>/binary,
                    (tiny_ffi:float_to_string(area(S)))/binary>>
            )
        end
    ),
    Ann = {employee, <<"Ann"/utf8>>, 34, {engineer, 2}, {some, <<"Bob"/utf8>>}},
    Promoted = erlang:setelement(4, Ann, {engineer, 3}),
    Older = erlang:setelement(
        5,
        erlang:setelement(3, Promoted, erlang:element(3, Promoted) + 1),
        none
    ),
    tiny_ffi:debug(Ann),
    tiny_ffi:debug(Promoted),
    tiny_ffi:debug(Older),
    tiny_ffi:println(title(Older)),
    tiny_ffi:println(title({employee, <<"Bob"/utf8>>, 50, manager, none})),
    tiny_ffi:println(
        title({employee, <<"Cy"/utf8>>, 19, intern, {some, <<"Ann"/utf8>>}})
    ),
    tiny_ffi:println(
        <<<<(tiny@option:unwrap(erlang:element(5, Ann), <<"nobody"/utf8>>))/binary,
                " manages "/utf8>>/binary,
            (erlang:element(2, Ann))/binary>>
    ),
    Tree = tiny@list:fold([5, 3, 8, 1, 4, 7, 9, 2, 6], leaf, fun insert/2),
    tiny_ffi:debug(to_list(Tree)),
    tiny_ffi:println(
        <<"depth "/utf8, (erlang:integer_to_binary(depth(Tree)))/binary>>
    ),
    tiny_ffi:println(
        <<<<<<"contains 4: "/utf8, (bool(contains(Tree, 4)))/binary>>/binary,
                ", contains 10: "/utf8>>/binary,
            (bool(contains(Tree, 10)))/binary>>
    ),
    tiny@list:each(
        [<<"42"/utf8>>,
            <<""/utf8>>,
            <<"abc"/utf8>>,
            <<"-7"/utf8>>,
            <<"1000"/utf8>>],
        fun(S@1) ->
            tiny_ffi:println(
                <<<<S@1/binary, " -> "/utf8>>/binary,
                    (show_parse(parse_positive(S@1)))/binary>>
            )
        end
    ),
    Pair = {1, <<"one"/utf8>>, 1.5},
    tiny_ffi:debug(Pair),
    tiny_ffi:println(
        <<<<<<<<(erlang:element(2, Pair))/binary, " "/utf8>>/binary,
                    (erlang:integer_to_binary(erlang:element(1, Pair)))/binary>>/binary,
                " "/utf8>>/binary,
            (tiny_ffi:float_to_string(erlang:element(3, Pair)))/binary>>
    ),
    {A, B} = swap({<<"left"/utf8>>, 2}),
    tiny_ffi:debug({A, B}),
    tiny@list:each(
        [0, 1, 2, 15, 30, -4, 99],
        fun(N) ->
            tiny_ffi:println(
                <<<<(erlang:integer_to_binary(N))/binary, ": "/utf8>>/binary,
                    (classify(N))/binary>>
            )
        end
    ),
    tiny@list:each(
        [[], [1], [1, 2], [3, 2, 1], [1, 2, 3, 4]],
        fun(L) -> tiny_ffi:println(list_shape(L)) end
    ),
    Sum = begin
        _pipe = [{ok, 1},
            {error, <<"bad"/utf8>>},
            {ok, 5},
            {ok, 10},
            {error, <<"worse"/utf8>>}],
        _pipe@1 = tiny@list:filter_map(
            _pipe,
            fun(R) -> tiny@result:map(R, fun(X) -> X * 2 end) end
        ),
        tiny@int:sum(_pipe@1)
    end,
    tiny_ffi:println(
        <<"sum of oks doubled: "/utf8, (erlang:integer_to_binary(Sum))/binary>>
    ),
    tiny_ffi:debug(tiny@result:then({ok, 3}, fun(X@1) -> {error, X@1 + 1} end)),
    tiny_ffi:debug(tiny@option:map({some, 2}, fun(X@2) -> X@2 * 10 end)),
    tiny_ffi:debug({some, {node, leaf, 1, leaf}}),
    tiny_ffi:debug(
        [{ok, nil}, {error, empty}, {error, {not_a_number, <<"x"/utf8>>}}]
    ),
    tiny_ffi:debug({circle, 1.0} =:= {circle, 1.0}),
    tiny_ffi:debug({rect, 1.0, 2.0} =:= {rect, 2.0, 1.0}).
