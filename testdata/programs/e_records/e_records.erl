%% Tuples and records.
-module(e_records).
-export([main/0]).

-record(point, {x = 0 :: integer(), y = 0 :: integer()}).
-record(person, {name, age = 0, email = undefined, tags = []}).

main() ->
    T = {a, 1, "two", {3, 4}},
    p(T),
    p(element(3, T)),
    p(setelement(1, T, z)),
    p(tuple_size(T)),
    p(tuple_to_list(T)),
    p(list_to_tuple([x, y, z])),
    p(erlang:append_element({1, 2}, 3)),
    p(erlang:delete_element(2, {1, 2, 3})),
    p(erlang:insert_element(1, {b, c}, a)),
    p(erlang:make_tuple(3, q)),
    p(erlang:make_tuple(4, 0, [{2, a}, {4, b}])),
    p({}),
    p({{}}),
    {A, B, _, {C, D}} = T,
    p([A, B, C, D]),
    Big = list_to_tuple(lists:seq(1, 300)),
    p(element(300, Big)),
    p(tuple_size(setelement(150, Big, x))),
    %% records
    P0 = #point{},
    P1 = #point{x = 3, y = 4},
    P2 = P1#point{y = 10},
    p([P0, P1, P2]),
    p(P2#point.y),
    p(#point.y),
    p(record_info(fields, point)),
    p(record_info(size, person)),
    Per = #person{name = "Ann", age = 30},
    Per2 = Per#person{age = 31, tags = [admin]},
    Per3 = Per2#person{email = "ann@example.com", name = "Ann B", age = Per2#person.age + 1},
    p([Per, Per2, Per3]),
    p(is_record(Per, person)),
    p(is_record(P1, person)),
    p(describe(Per3)),
    p(describe(P2)),
    p(describe({other})),
    p(older([Per, Per2, Per3], 30)),
    p(norm(#point{x = -3, y = 4})),
    p(lists:keyfind("Ann", #person.name, [Per, Per3])),
    p(lists:keysort(#person.age, [Per3, Per, Per2])),
    p(try (id(T))#point.x catch error:R -> R end),
    p(try (id(P1))#person{age = 1} catch error:R2 -> R2 end),
    p(catch_it(fun() -> element(5, id(T)) end)),
    p(catch_it(fun() -> setelement(0, id(T), x) end)),
    p(catch_it(fun() -> tuple_size(id([])) end)),
    ok.

describe(#person{name = N, age = A}) when A > 30 -> {senior, N};
describe(#person{name = N}) -> {person, N};
describe(#point{x = X, y = Y}) -> {point, X + Y};
describe(_) -> unknown.

older(People, Age) -> [N || #person{name = N, age = A} <- People, A > Age].

norm(#point{x = X, y = Y}) -> math:sqrt(X * X + Y * Y).

p(X) -> io:format("~p~n", [X]).

catch_it(F) -> try F() catch C:R -> {C, R} end.

id(X) -> X.
