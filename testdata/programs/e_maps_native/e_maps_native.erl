%% Maps, records and the type tests native code runs in line (get_map_elements,
%% has_map_fields, put_map_exact/assoc on flat maps with immediate keys,
%% is_function/2, is_bitstring/1), next to the cases it leaves to the runtime:
%% hash maps, keys that are not immediates, missing keys, non-map sources.
-module(e_maps_native).
-export([main/0]).

-record(point, {x = 0, y = 0}).
-record(box, {name, corner = #point{}, size = #point{x = 1, y = 1}, tags = [], n = 0}).

main() ->
    records(),
    gets(),
    fields(),
    float_keys(),
    hash_maps(),
    non_maps(),
    updates(),
    errors(),
    funs(),
    bitstrings(),
    loops(),
    ok.

id(X) -> X.

show(Label, Term) -> io:format("~s: ~w~n", [Label, Term]).

%% Records: one field, many fields, nested.
records() ->
    B0 = id(#box{name = b}),
    B1 = B0#box{n = 1},
    B2 = B1#box{name = c, tags = [t], n = B1#box.n + 1},
    C = B2#box.corner,
    B3 = B2#box{corner = C#point{x = 5}, size = (B2#box.size)#point{y = 9}},
    show("record one", B1),
    show("record many", B2),
    show("record nested", B3),
    show("record unchanged", B0),
    show("record all", B0#box{name = z, corner = a, size = s, tags = x, n = -1}).

%% get_map_elements with atom, small integer, nil and large small keys.
gets() ->
    M = id(#{a => 1, b => two, 7 => seven, -3 => minus, [] => nil_key,
             1099511627776 => big_small, c => {tuple}}),
    #{a := A, b := B} = M,
    show("atoms", {A, B}),
    #{7 := S, -3 := Mi} = M,
    show("ints", {S, Mi}),
    #{[] := N} = M,
    show("nil key", N),
    #{1099511627776 := Big} = M,
    show("large small key", Big),
    show("missing", get_a_z(M)),
    show("present", get_a_c(M)),
    show("seven keys", seven(id(#{a => 1, b => 2, c => 3, d => 4, e => 5, f => 6, g => 7, h => 8}))),
    show("seven keys missing", seven(id(#{a => 1, b => 2}))),
    show("empty", get_a_c(id(#{}))),
    show("chain", walk(id(#{v => 1, next => #{v => 2, next => #{v => 3, next => done}}}))).

get_a_z(#{a := A, z := Z}) -> {A, Z};
get_a_z(_) -> no.

get_a_c(#{a := A, c := C}) -> {A, C};
get_a_c(_) -> no.

seven(#{a := A, b := B, c := C, d := D, e := E, f := F, g := G}) -> A + B + C + D + E + F + G;
seven(_) -> no.

%% The destination is the source register.
walk(#{v := V, next := Next}) -> [V | walk(Next)];
walk(Other) -> [Other].

%% has_map_fields: keys tested, values unused.
fields() ->
    L = [id(#{a => 1, b => 2}), id(#{a => 1}), id(#{}), id(#{b => 1, a => x, c => y}),
         id([a]), id({a, b}), id(<<"ab">>), id(3), id(big_map(40))],
    show("fields", [has_ab(X) || X <- L]).

has_ab(#{a := _, b := _}) -> yes;
has_ab(_) -> no.

%% 1 and 1.0 are different keys; 0.0 and -0.0 are =:= in OTP 25.
float_keys() ->
    M = id(#{1 => int, 1.0 => float, 2.0 => two_float}),
    #{1 := I} = M,
    #{1.0 := F} = M,
    show("1 vs 1.0", {I, F}),
    show("2 misses 2.0", case M of #{2 := X} -> X; _ -> miss end),
    show("update 1", M#{1 := new_int}),
    show("update 1.0", M#{1.0 := new_float}),
    show("assoc 1", M#{1 => assoc_int}),
    Z = id(#{k => id(0.0), j => 1}),
    show("zero to minus zero", Z#{k := id(-0.0)}),
    show("zero assoc minus zero", Z#{k => id(-0.0)}).

big_map(N) -> maps:from_list([{I, I * I} || I <- lists:seq(1, N)]).

%% More than 32 keys: a hash map, the runtime's.
hash_maps() ->
    M = id(big_map(40)),
    #{5 := V5, 33 := V33} = M,
    show("hash get", {V5, V33}),
    show("hash missing", case M of #{41 := X} -> X; _ -> miss end),
    M2 = M#{5 := five, 40 := forty},
    show("hash update", {maps:get(5, M2), maps:get(40, M2), maps:get(6, M2), map_size(M2)}),
    M3 = M#{41 => new},
    show("hash assoc", {maps:get(41, M3), map_size(M3)}),
    show("hash fields", has_ab(M#{a => 1, b => 2})),
    show("flat to hash", map_size((id(big_map(32)))#{33 => x})).

%% Non-map sources take the fail label, as in the interpreter.
non_maps() ->
    L = [id(a), id(1), id([]), id([1]), id({a, 1}), id(<<>>), id(1.5), id(self() =:= self()),
         id(fun() -> ok end), id(#{a => 1})],
    show("non maps", [get_a(X) || X <- L]),
    show("guard", [guarded(X) || X <- L]).

get_a(#{a := A}) -> {a, A};
get_a(_) -> fail.

guarded(X) when is_map_key(a, X) -> key;
guarded(X) when is_map(X) -> map;
guarded(_) -> other.

%% put_map_exact and put_map_assoc on flat maps.
updates() ->
    M = id(#{a => 1, b => 2, c => 3, 7 => x, [] => n}),
    show("exact one", M#{a := 10}),
    show("exact many", M#{a := 10, c := 30, 7 := y, [] := m}),
    show("exact same", M#{a := 1}),
    show("exact same is equal", M#{a := 1} =:= M),
    show("exact boxed", M#{b := {id(2), [x]}, c := <<"bin">>}),
    show("assoc present", M#{b => 20}),
    show("assoc new", M#{d => 4}),
    show("assoc mixed", M#{a => 0, z => 26}),
    show("assoc on empty", (id(#{}))#{k => v}),
    show("original", M),
    show("exact nested", nested(id(#{inner => #{count => 0}}), 5)).

nested(M, 0) -> M;
nested(#{inner := #{count := C} = I} = M, N) -> nested(M#{inner := I#{count := C + 1}}, N - 1).

%% badmap and badkey.
errors() ->
    show("badkey", catch_error(fun() -> (id(#{a => 1}))#{b := 2} end)),
    show("badkey second", catch_error(fun() -> (id(#{a => 1}))#{a := 2, zz := 3} end)),
    show("badkey hash", catch_error(fun() -> (id(big_map(40)))#{99 := 2} end)),
    show("badmap exact", catch_error(fun() -> (id([x]))#{a := 2} end)),
    show("badmap assoc", catch_error(fun() -> (id({t}))#{a => 2} end)),
    show("badmap atom", catch_error(fun() -> (id(nope))#{a := 2} end)),
    show("badmatch", catch_error(fun() -> #{q := Q} = id(#{a => 1}), Q end)),
    show("map_get", catch_error(fun() -> map_get(q, id(#{a => 1})) end)),
    show("record badrecord", catch_error(fun() -> (id({other, 1}))#point{x = 1} end)).

catch_error(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:R -> {error, R}
    end.

%% is_function/2 with a constant and a variable arity.
funs() ->
    Fs = [id(fun() -> 0 end), id(fun(X) -> X end), id(fun(X, Y) -> X + Y end),
          id(fun lists:map/2), id(fun erlang:abs/1), id(fun ?MODULE:id/1),
          id(a), id({fun() -> 0 end}), id(1), id(#{}), id(<<>>)],
    show("arity 0", [is_f0(F) || F <- Fs]),
    show("arity 1", [is_f1(F) || F <- Fs]),
    show("arity 2", [is_f2(F) || F <- Fs]),
    show("variable arity", [is_fn(F, N) || F <- Fs, N <- [0, 1, 2]]),
    K = id(7),
    show("closure", is_f1(fun(X) -> X + K end)).

is_f0(F) when is_function(F, 0) -> y;
is_f0(_) -> n.

is_f1(F) when is_function(F, 1) -> y;
is_f1(_) -> n.

is_f2(F) when is_function(F, 2) -> y;
is_f2(_) -> n.

is_fn(F, N) when is_function(F, N) -> y;
is_fn(_, _) -> n.

%% is_bitstring/1: heap, reference-counted and sub-binaries, bit strings.
bitstrings() ->
    Big = id(binary:copy(<<"x">>, 200)),
    <<_:3/binary, Sub/binary>> = Big,
    <<_:3, Bits/bitstring>> = id(<<"ab">>),
    L = [id(<<>>), id(<<"abc">>), Big, Sub, Bits, id(<<1:1>>), id("abc"), id(abc), id(1),
         id({<<>>}), id(#{})],
    show("bitstring", [is_bits(X) || X <- L]),
    show("binary", [is_bin(X) || X <- L]).

is_bits(X) when is_bitstring(X) -> y;
is_bits(_) -> n.

is_bin(X) when is_binary(X) -> y;
is_bin(_) -> n.

%% Loops long enough for collections to move maps and records mid-way.
loops() ->
    show("map loop", map_loop(id(#{count => 0, sum => 0, last => none}), 0)),
    show("record loop", record_loop(id(#box{name = loop}), 0)),
    show("mixed loop", mixed_loop(id(#{p => #point{}, n => 0}), 3000)).

map_loop(#{count := C, sum := S} = M, I) when I < 5000 ->
    map_loop(M#{count := C + 1, sum := S + I, last := {I, [I]}}, I + 1);
map_loop(M, _) ->
    M.

record_loop(#box{n = N, tags = T} = B, I) when I < 5000 ->
    record_loop(B#box{n = N + I, tags = [I rem 3 | lists:sublist(T, 2)]}, I + 1);
record_loop(B, _) ->
    B.

mixed_loop(M, 0) ->
    M;
mixed_loop(#{p := P, n := N} = M, I) ->
    mixed_loop(M#{p := P#point{x = P#point.x + 1, y = [I]}, n => N + 1}, I - 1).
