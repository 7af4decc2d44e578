#!/usr/bin/env python3
"""Writes testdata/programs/e_data_matrix/e_data_matrix.erl.

The data-structure counterpart of gen-guard-matrix.py. Native code and the
interpreter each have paths for maps (flat up to 32 keys, hash maps above;
immediate keys in line, the others through the runtime), records (tuples
with a tag) and the bit syntax (segments whose shape picks a fast path or a
step). This program runs each operation over values at the edges of those
paths: keys of every kind (1 and 1.0, 0.0 and -0.0, bignums, tuples,
binaries, lists, maps), literal and variable keys in patterns, maps growing
and shrinking across 32/33 keys, the maps module; record creation, update
and matching over records and near-records; every segment type built and
matched back, with literal and variable sizes, at odd bit offsets, and the
failures (badarg, no match). Errors are caught as {error, Reason}; output
is ~w so that every bit of every value shows.
Usage: python3 scripts/gen-data-matrix.py (then scripts/build-testdata.sh e_data_matrix)
"""
import os

# Keys of every kind, as source text. A map built from all of them stays
# flat (at most 32 keys). Hash maps here hold no atoms in their keys: OTP 25
# hashes an atom by its atom-table index, which varies from one erl run to
# the next, so erl itself prints such maps in a varying order.
KEYS = ["a", "b", "0", "1", "-1", "2", "576460752303423487", "576460752303423488",
        "-576460752303423489", "(1 bsl 70)", "1.0", "0.0", "-0.0", "2.5", "{}", "{1}", "{1, 2}",
        "{a, 1.0}", "<<>>", "<<1, 2>>", "<<1:3>>", "[]", "[1]", "[1 | 2]", "\"ab\"", "#{}",
        "#{a => 1}", "#{1 => a}", "#{1.0 => a}"]
# Literal keys written into patterns and updates (get_map_elements,
# has_map_fields, put_map_exact/assoc with a literal key).
LIT_KEYS = ["a", "zz", "0", "1", "-1", "576460752303423487", "576460752303423488", "1.0", "0.0",
            "-0.0", "{}", "{1}", "{a, 1.0}", "<<>>", "<<1, 2>>", "<<1:3>>", "[]", "[1]", "\"ab\"",
            "#{}", "#{a => 1}"]

INT_SIZES = [1, 2, 3, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 47, 48, 55, 56, 57, 59, 60, 61, 63, 64, 65,
             70, 100, 128]
ENDIANS = ["big", "little", "native"]
FLOAT_SIZES = [16, 32, 64]
UTFS = ["utf8", "utf16", "utf16-little", "utf32", "utf32-little"]
BIN_SIZES = [0, 1, 2, 3]


def maps_part(out, calls):
    out.append("keys() -> [%s]." % ", ".join(KEYS))
    out.append("small_map() -> lists:foldl(fun(K, M) -> M#{K => {v, K}} end, #{}, keys()).")
    out.append("big_map() -> lists:foldl(fun(I, M) -> M#{I * 1000 => I} end, maps:filter(fun(K, _) -> "
               "not has_atom(K) end, small_map()), lists:seq(1, 12)).")
    out.append("has_atom(K) when is_atom(K) -> true;\nhas_atom(K) when is_tuple(K) -> has_atom(tuple_to_list(K));\n"
               "has_atom([H | T]) -> has_atom(H) orelse has_atom(T);\n"
               "has_atom(K) when is_map(K) -> has_atom(maps:to_list(K));\nhas_atom(_) -> false.")
    out.append("some_maps() -> [#{}, #{a => 1}, #{1 => x, 1.0 => y}, #{0.0 => z}, #{-0.0 => z}, "
               "small_map(), big_map(), a, [], {}].")
    out.append("flat_maps() -> [M || M <- some_maps(), not is_map(M) orelse map_size(M) =< 32].")
    out.append("mq(M, V) -> try M#{0.0 => V, 1 => V, a => V} catch error:R -> {error, R} end.")
    out.append("mq2(M, V) -> try M#{1.0 => V, <<1:3>> => V, b => V} catch error:R -> {error, R} end.")
    out.append("mq3(M, V) -> try M#{0.0 => V, 1 => V, 2.5 => V} catch error:R -> {error, R} end.")
    out.append("mqx2(M, V) -> try M#{b := V, a := V} catch error:R -> {error, R} end.")
    calls.append('    p("mqx2", [mqx2(M, new) || M <- [#{}, #{a => 1}, #{b => 1}, #{a => 1, b => 2}, #{a => 1, c => 2}]])')
    out.append("mqx(M, V) -> try M#{0.0 := V, 1 := V} catch error:R -> {error, R} end.")
    calls.append('    p("mq", [mq(M, new) || M <- [m_new(-0.0), m_new(0.0), #{1 => x, 1.0 => y} | flat_maps()]])')
    calls.append('    p("mq2", [mq2(M, new) || M <- [m_new(-0.0), m_new(1.0), m_two(1, 1.0) | flat_maps()]])')
    calls.append('    p("mq3", [mq3(M, new) || M <- [m_new(-0.0), m_two(-0.0, 1), big_map(), '
                 'grow(fun(I) -> I end, 31), grow(fun(I) -> -float(I) + 1 end, 31)]])')
    calls.append('    p("mqx", [mqx(M, new) || M <- [m_two(-0.0, 1), m_two(-0.0, 1.0), big_map() | flat_maps()]])')
    # OTP 25's loader shares the keys tuple of a new map with constant keys
    # with the module's first =:= one, so the sign of a zero key depends on
    # which came first.
    for k, keys in enumerate([["0.0", "z"], ["-0.0", "z"], ["-0.0", "y"], ["0.0", "y"], ["-0.0", "1", "y"],
                              ["-0.0"], ["{-0.0}", "x"], ["{0.0}", "x"]] + [["-0.0"] + [str(j) for j in range(1, 33)]]):
        out.append("nz_%d(V) -> #{%s}." % (k, ", ".join("%s => V" % key for key in keys)))
        calls.append('    p("nz_%d", lists:sort(maps:to_list(nz_%d(1))))' % (k, k))
    # Which of two =:= keys (0.0 and -0.0) a maps function keeps.
    out.append("zero_maps() -> P = id(0.0), N = id(-0.0), [#{P => a}, #{N => a}, #{P => a, 1 => b}, zero_big(P), "
               "zero_big(N)].")
    out.append("zero_big(Z) -> maps:from_list([{Z, z} | [{I, I} || I <- lists:seq(1, 40)]]).")
    out.append("zs(M) when is_map(M) -> lists:sort(maps:to_list(M));\nzs(X) -> X.")
    zero_ops = {
        "merge": "maps:merge(A, B)", "intersect": "maps:intersect(A, B)",
        "merge_with": "maps:merge_with(fun(_, X, Y) -> {X, Y} end, A, B)",
        "intersect_with": "maps:intersect_with(fun(_, X, Y) -> {X, Y} end, A, B)",
    }
    for name, expr in sorted(zero_ops.items()):
        calls.append('    p("zero_%s", [zs(try_(fun() -> %s end)) || A <- zero_maps(), B <- zero_maps()])'
                     % (name, expr))
    zero_key_ops = {
        "put": "maps:put(K, v, A)", "update": "maps:update(K, v, A)", "take": "maps:take(K, A)",
        "with": "maps:with([K], A)", "without": "maps:without([K], A)", "remove": "maps:remove(K, A)",
        "update_with": "maps:update_with(K, fun(X) -> {X} end, A)", "exact": "A#{K := u}",
        "assoc": "A#{K => u}", "assoc2": "A#{K => u, 2 => w}", "get": "maps:get(K, A)",
        "find": "maps:find(K, A)", "is_key": "maps:is_key(K, A)",
    }
    for name, expr in sorted(zero_key_ops.items()):
        calls.append('    p("zero_%s", [zs(try_(fun() -> %s end)) || A <- zero_maps(), K <- [id(0.0), id(-0.0)]])'
                     % (name, expr))
    calls.append('    p("zero_from", [zs(maps:from_list(L)) || L <- [[{0.0, 1}, {-0.0, 2}], [{-0.0, 1}, {0.0, 2}], '
                 '[{0.0, 1}, {-0.0, 2} | [{I, I} || I <- lists:seq(1, 40)]], '
                 '[{-0.0, 1}, {0.0, 2} | [{I, I} || I <- lists:seq(1, 40)]]]])')
    calls.append('    p("zero_from_keys", [zs(maps:from_keys(L, x)) || L <- [[0.0, -0.0, 1, 1.0], [-0.0, 0.0]]])')
    calls.append('    p("zero_map", [zs(maps:map(fun(_, V) -> V end, A)) || A <- zero_maps()])')
    out.append("m_new(K) -> #{K => v}.")
    out.append("m_two(K1, K2) -> #{K1 => 1, K2 => 2}.")
    out.append("m_put(M, K, V) -> try M#{K => V} catch error:R -> {error, R} end.")
    out.append("m_upd(M, K, V) -> try M#{K := V} catch error:R -> {error, R} end.")
    out.append("m_get(K, M) -> case M of #{K := V} -> {ok, V}; _ -> miss end.")
    out.append("m_has(K, M) -> case M of #{K := _} -> t; _ -> f end.")
    out.append("m_get2(K1, K2, M) -> case M of #{K1 := V1, K2 := V2} -> {V1, V2}; #{K1 := V1} -> {one, V1}; "
               "_ -> miss end.")
    out.append("m_gmk(K, M) when is_map_key(K, M) -> t;\nm_gmk(_, _) -> f.")
    out.append("m_gmg(K, M) when map_get(K, M) =/= x -> t;\nm_gmg(_, _) -> f.")
    out.append("m_mg(K, M) -> try map_get(K, M) catch error:R -> {error, R} end.")
    out.append("m_imk(K, M) -> try is_map_key(K, M) catch error:R -> {error, R} end.")
    out.append("")
    for i, k in enumerate(LIT_KEYS):
        out.append("ml_%d(#{%s := V}) -> {ok, V};\nml_%d(_) -> miss." % (i, k, i))
        out.append("mh_%d(#{%s := _}) -> t;\nmh_%d(_) -> f." % (i, k, i))
        out.append("mc_%d(M) -> case M of #{%s := V, a := A} -> {V, A}; #{%s := V} -> V; _ -> miss end."
                   % (i, k, k))
        out.append("mu_%d(M) -> try M#{%s := up} catch error:R -> {error, R} end." % (i, k))
        out.append("mp_%d(M) -> try M#{%s => up} catch error:R -> {error, R} end." % (i, k))
        out.append("mn_%d(V) -> #{%s => V, a => V}." % (i, k))
        for f in ["ml", "mh", "mc", "mu", "mp"]:
            # An atom put into big_map() would make erl's output vary.
            maps = "some_maps()" if f != "mp" or not any(c.isalpha() for c in k) else "flat_maps()"
            calls.append('    p("%s_%d", [%s_%d(M) || M <- %s])' % (f, i, f, i, maps))
        calls.append('    p("mn_%d", mn_%d(1))' % (i, i))
    out.append("")
    calls.append('    p("m_new", [m_new(K) || K <- keys()])')
    calls.append('    p("m_two", [m_two(K1, K2) || K1 <- keys(), K2 <- keys()])')
    calls.append('    p("small", small_map())')
    calls.append('    p("big", big_map())')
    for f in ["m_get", "m_has", "m_gmk", "m_gmg", "m_mg", "m_imk"]:
        calls.append('    p("%s", [[%s(K, M) || K <- keys()] || M <- some_maps()])' % (f, f))
    calls.append('    p("m_get2", [[m_get2(K, a, M) || K <- keys()] || M <- some_maps()])')
    calls.append('    p("m_put", [[m_put(M, K, new) || K <- keys()] || M <- [#{}, #{1 => a}, #{1.0 => a}, '
                 '#{0.0 => a}, a]])')
    calls.append('    p("m_upd", [[m_upd(M, K, new) || K <- keys()] || M <- [#{}, #{1 => a}, #{1.0 => a}, '
                 '#{0.0 => a}, a]])')
    calls.append('    p("m_put_small", [m_put(small_map(), K, new) =:= (small_map())#{K := new} || K <- keys()])')
    calls.append('    p("m_upd_big", [m_upd(big_map(), K, new) || K <- [a, 1.0, -0.0, <<1:3>>, #{}, 8000, 99000]])')
    calls.append('    p("m_put_big", [m_put(big_map(), K, new) || K <- [<<1:3>>, 1, 0.0, 99000, 1 bsl 70]])')
    calls.append('    p("m_same", [begin M = small_map(), M2 = M#{K := maps:get(K, M)}, {M2 =:= M, M2 == M} end '
                 '|| K <- keys()])')
    # Across 32/33 keys, both ways, with every kind of key.
    calls.append('    p("grow_int", [grow(fun(I) -> I end, N) || N <- [31, 32, 33, 34, 40]])')
    calls.append('    p("grow_atom", [lists:sort(maps:to_list(grow(fun(I) -> lists:nth(I, atoms()) end, N))) || N <- [32, 33]])')
    calls.append('    p("grow_mixed", [grow(fun(I) -> mixed_key(I) end, N) || N <- [32, 33, 40]])')
    calls.append('    p("shrink", [shrink(N) || N <- [40, 34, 33, 32, 31, 1, 0]])')
    calls.append('    p("lit40", lit40(1))')
    calls.append('    p("lit40_get", lit40_get(lit40(2)))')
    calls.append('    p("lit40_upd", lit40_upd(lit40(3)))')
    calls.append('    p("without", [maps:without(lists:seq(1, N), grow(fun(I) -> I end, 40)) || N <- [6, 7, 8, 9]])')
    calls.append('    p("with", [maps:with(lists:seq(1, N), grow(fun(I) -> I end, 40)) || N <- [31, 32, 33]])')
    calls.append('    p("merge", [maps:merge(grow(fun(I) -> I end, N), grow(fun(I) -> -I end, N)) '
                 '|| N <- [16, 17]])')
    calls.append('    p("merge2", maps:merge(grow(fun(I) -> I end, 20), grow(fun(I) -> I + 15 end, 20)))')
    calls.append('    p("from_list", [maps:from_list([{mixed_key(I), I} || I <- lists:seq(1, N)]) '
                 '|| N <- [32, 33]])')
    calls.append('    p("from_list_dup", maps:from_list([{1, a}, {1.0, b}, {1, c}, {0.0, d}, {-0.0, e}]))')
    calls.append('    p("sort_maps", lists:sort([#{1 => a}, #{1.0 => a}, #{a => 1}, #{a => 1.0}, #{}, '
                 '#{b => 1}, #{a => 1, b => 2}, small_map(), big_map(), grow(fun(I) -> I end, 33)]))')
    calls.append('    p("cmp_maps", [[{X == Y, X =:= Y, X < Y} || X <- cmp_maps()] || Y <- cmp_maps()])')
    calls.append('    p("maps_fns", maps_fns())')
    calls.append('    p("maps_errs", maps_errs())')
    calls.append('    p("iter", [iter(maps:iterator(M)) || M <- [#{}, small_map(), big_map()]])')
    out.append("atoms() -> [%s]." % ", ".join("k%d" % i for i in range(1, 41)))
    out.append("mixed_key(I) -> case I rem 5 of 0 -> I; 1 -> float(I); 2 -> {I}; 3 -> <<I:16>>; "
               "_ -> [I] end.")
    out.append("grow(F, N) -> lists:foldl(fun(I, M) -> M#{F(I) => I} end, #{}, lists:seq(1, N)).")
    out.append("shrink(N) -> lists:foldl(fun(I, M) -> maps:remove(mixed_key(I), M) end, "
               "grow(fun mixed_key/1, 40), lists:seq(1, 40 - N)).")
    out.append("lit40(V) -> #{%s}." % ", ".join("%d => V" % i for i in range(1, 41)))
    out.append("lit40_get(#{1 := A, 20 := B, 33 := C, 40 := D}) -> {A, B, C, D};\nlit40_get(_) -> miss.")
    out.append("lit40_upd(M) -> M#{1 := x, 33 := y, 41 => z}.")
    out.append("cmp_maps() -> [#{}, #{1 => a}, #{1.0 => a}, #{a => 1}, #{a => 1.0}, #{1 => a, 2 => b}, "
               "grow(fun(I) -> I end, 33), grow(fun(I) -> float(I) end, 33)].")
    out.append("iter(I) -> case maps:next(I) of none -> []; {K, V, I2} -> [{K, V} | iter(I2)] end.")
    out.append("try_(F) -> try F() catch error:R -> {error, R} end.")
    out.append("""maps_fns() ->
    S = small_map(), B = big_map(),
    [[maps:get(K, M, dflt) || K <- [a, 1, 1.0, 0.0, -0.0, 8000, zz]] || M <- [S, B]] ++
    [[maps:find(K, M) || K <- [a, 1, 1.0, 0.0, 8000, zz]] || M <- [S, B]] ++
    [[maps:is_key(K, M) || K <- [a, 1, 1.0, 0.0, 8000, zz]] || M <- [S, B]] ++
    [[maps:take(K, M) || K <- [a, 1.0, 8000, zz]] || M <- [#{a => 1, 1.0 => 2}, B]] ++
    [maps:keys(M) || M <- [S, B]] ++ [maps:values(M) || M <- [S, B]] ++
    [maps:to_list(M) || M <- [S, B]] ++ [maps:size(M) || M <- [S, B]] ++
    [maps:update(a, u, S), maps:remove(zz, S), maps:remove(1, S), maps:put(1.0, p, S),
     maps:from_keys([a, 1, 1.0, 1], x), maps:from_keys(lists:seq(1, 33), y),
     maps:intersect(S, B), maps:intersect(#{1 => a, 2 => b}, #{1.0 => c, 2 => d}),
     maps:with([1.0, a, zz], S), maps:without([1.0, a, zz], S),
     maps:fold(fun(K, V, A) -> [{K, V} | A] end, [], B),
     maps:map(fun(K, V) -> {K, V} end, #{a => 1, 1 => 2, 33 => 3}),
     maps:filter(fun(K, _) -> is_integer(K) end, B),
     maps:filtermap(fun(K, V) when is_atom(K) -> {true, V}; (K, _) -> is_float(K) end, S),
     maps:update_with(a, fun(V) -> {w, V} end, S), maps:update_with(99, fun(V) -> V end, init, B),
     maps:intersect_with(fun(K, V1, V2) -> {K, V1, V2} end, S, B),
     maps:merge_with(fun(K, V1, V2) -> {K, V1, V2} end, #{a => 1, 1 => 2}, #{1.0 => 3, a => 4}),
     maps:groups_from_list(fun(X) -> X rem 3 end, lists:seq(1, 10)),
     maps:new(), maps:merge(#{}, S) =:= S, maps:merge(S, #{}) =:= S].""")
    out.append("""maps_errs() ->
    [try_(F) || F <- [fun() -> maps:get(zz, small_map()) end, fun() -> maps:get(zz, big_map()) end,
                      fun() -> maps:get(1, a) end, fun() -> maps:find(1, []) end,
                      fun() -> maps:put(1, 2, {}) end, fun() -> maps:update(zz, 1, small_map()) end,
                      fun() -> maps:update(1.0, 1, #{1 => a}) end, fun() -> maps:remove(1, <<>>) end,
                      fun() -> maps:take(1, 7) end, fun() -> maps:merge(#{}, x) end,
                      fun() -> maps:merge(x, #{}) end, fun() -> maps:keys(x) end,
                      fun() -> maps:values(1.0) end, fun() -> maps:to_list(a) end,
                      fun() -> maps:from_list([a]) end, fun() -> maps:from_list(a) end,
                      fun() -> maps:from_list([{1, 2} | b]) end, fun() -> maps:from_keys(a, 1) end,
                      fun() -> maps:size(a) end, fun() -> maps:is_key(1, a) end,
                      fun() -> maps:with(a, #{}) end, fun() -> maps:with([], a) end,
                      fun() -> maps:without([], a) end, fun() -> maps:intersect(a, #{}) end,
                      fun() -> maps:iterator(a) end, fun() -> maps:next(a) end,
                      fun() -> maps:update_with(zz, fun(V) -> V end, small_map()) end,
                      fun() -> maps:get(1.0, #{1 => a}) end, fun() -> maps:get(-0.0, #{0.0 => a}) end,
                      fun() -> map_size(id(a)) end, fun() -> (id(a))#{a => 1} end]].""")
    out.append("")


def records_part(out, calls):
    out.append("rec_values() -> [#r{}, #r{a = 1}, #r{a = 1, b = x, c = 1.0}, #s{}, {r}, {r, 1, 2}, "
               "{r, 1, 2, 3}, {r, 1, 2, 3, 4}, {s, 1}, {x, 1, 2, 3}, {\"r\", 1, 2, 3}, r, [r, 1, 2, 3], "
               "#{}, <<>>, {}, 1.0].")
    out.append("rec_is(X) when is_record(X, r) -> t;\nrec_is(_) -> f.")
    out.append("rec_is3(X) when is_record(X, r, 4) -> t;\nrec_is3(_) -> f.")
    out.append("rec_is_s(X) when is_record(X, s) -> t;\nrec_is_s(_) -> f.")
    out.append("rec_isv(X) -> {is_record(X, r), is_record(X, s), is_record(X, r, 4), is_record(X, r, 3)}.")
    out.append("rec_match(#r{a = A, c = C}) -> {A, C};\nrec_match(#s{x = X}) -> X;\nrec_match(_) -> no.")
    out.append("rec_match1(#r{b = 2}) -> dflt;\nrec_match1(#r{b = x}) -> x;\nrec_match1(#r{}) -> other;\n"
               "rec_match1(_) -> no.")
    out.append("rec_get(X) -> try X#r.b catch error:R -> {error, R} end.")
    out.append("rec_gets(X) -> try X#s.x catch error:R -> {error, R} end.")
    out.append("rec_upd(X) -> try X#r{b = new} catch error:R -> {error, R} end.")
    out.append("rec_upd2(X, V) -> try X#r{a = V, c = V} catch error:R -> {error, R} end.")
    out.append("rec_upd3(X, V) -> try X#r{a = V, b = V, c = V} catch error:R -> {error, R} end.")
    out.append("rec_new(A) -> #r{a = A}.")
    out.append("rec_new3(A, B, C) -> #r{c = C, a = A, b = B}.")
    out.append("rec_nest(X) -> #r{a = #s{x = X}, b = [X], c = #{X => X}}.")
    out.append("rec_nest_get(#r{a = #s{x = X}, c = #{1 := Y}}) -> {X, Y};\nrec_nest_get(_) -> no.")
    out.append("rec_idx() -> {#r.a, #r.b, #r.c, #s.x}.")
    for n in range(0, 6):
        out.append("el_%d(X) -> try element(%d, X) catch error:R -> {error, R} end." % (n, n))
        out.append("se_%d(X) -> try setelement(%d, X, new) catch error:R -> {error, R} end." % (n, n))
        calls.append('    p("el_%d", [el_%d(X) || X <- rec_values()])' % (n, n))
        calls.append('    p("se_%d", [se_%d(X) || X <- rec_values()])' % (n, n))
    out.append("el_v(N, X) -> try element(N, X) catch error:R -> {error, R} end.")
    out.append("se_v(N, X) -> try setelement(N, X, new) catch error:R -> {error, R} end.")
    out.append("se_twice(X) -> try setelement(2, setelement(4, X, d), b) catch error:R -> {error, R} end.")
    out.append("")
    for f in ["rec_is", "rec_is3", "rec_is_s", "rec_isv", "rec_match", "rec_match1", "rec_get", "rec_gets",
              "rec_upd", "se_twice"]:
        calls.append('    p("%s", [%s(X) || X <- rec_values()])' % (f, f))
    for f in ["rec_upd2", "rec_upd3"]:
        calls.append('    p("%s", [%s(X, 1 bsl 70) || X <- rec_values()])' % (f, f))
    calls.append('    p("rec_new", [rec_new(A) || A <- [1, 1.0, a, <<1:3>>, #{}]])')
    calls.append('    p("rec_new3", rec_new3(x, y, z))')
    calls.append('    p("rec_nest", [rec_nest_get(rec_nest(X)) || X <- [1, 1.0, a]])')
    calls.append('    p("rec_idx", rec_idx())')
    calls.append('    p("el_v", [[el_v(N, X) || N <- [0, 1, 4, 5, -1, 1 bsl 70, 1.0, a]] || X <- rec_values()])')
    calls.append('    p("se_v", [[se_v(N, X) || N <- [0, 1, 4, 5, -1, 1 bsl 70, 1.0, a]] || X <- rec_values()])')
    calls.append('    p("rec_cmp", lists:sort(rec_values()))')


def bits_part(out, calls):
    out.append("int_values() -> [0, 1, -1, 5, 127, 128, 255, 256, -128, -129, 32767, 65535, 16#7FFFFFFF, "
               "16#FFFFFFFF, 576460752303423487, 576460752303423488, -576460752303423488, "
               "-576460752303423489, 16#FFFFFFFFFFFFFFFF, 1 bsl 64, (1 bsl 70) - 1, -(1 bsl 70), "
               "1.5, a].")
    for s in INT_SIZES:
        for e in ENDIANS:
            f = "ib_%d_%s" % (s, e)
            # Built from a variable, matched back unsigned and signed; the
            # same at an odd bit offset between two literal segments.
            out.append("%s(V) -> try B = <<V:%d/%s>>, <<U:%d/%s>> = B, <<Sg:%d/%s-signed>> = B,\n"
                       "    O = <<5:3, V:%d/%s, 3:2>>, <<5:3, Uo:%d/%s-unsigned, 3:2>> = O,\n"
                       "    <<_:3, So:%d/signed-%s, R:2/bits>> = O, {B, U, Sg, Uo, So, R}\n"
                       "  catch error:Why -> {error, Why} end." % (f, s, e, s, e, s, e, s, e, s, e, s, e))
            calls.append('    p("%s", [%s(V) || V <- int_values()])' % (f, f))
    for e in ENDIANS:
        f = "ivs_%s" % e
        out.append("%s(V, S) -> try B = <<V:S/%s>>, <<U:S/%s>> = B, <<Sg:S/%s-signed>> = B, {B, U, Sg}\n"
                   "  catch error:Why -> {error, Why} end." % (f, e, e, e))
        calls.append('    p("%s", [[%s(V, S) || V <- [0, -1, 255, 576460752303423488, -(1 bsl 70)]] '
                     '|| S <- [0, 1, 7, 8, 13, 56, 57, 64, 65, 72, -1, 1.0, a, 1 bsl 70]])' % (f, f))
    out.append("iconst(S) -> try {<<255:S>>, <<-1:S/little>>, <<1:S/signed-big>>, "
               "<<(1 bsl 70):S>>} catch error:Why -> {error, Why} end.")
    out.append("iunit(V, S) -> try {<<V:S/unit:8>>, <<V:S/little-unit:3>>} catch error:Why -> {error, Why} end.")
    out.append("imatch(B, S) -> case B of <<X:S, R/bits>> -> {X, R}; _ -> nomatch end.")
    out.append("imatchs(B, S) -> case B of <<X:S/signed-little, R/bits>> -> {X, R}; _ -> nomatch end.")
    out.append("imatch_lit(B) -> case B of <<X:72, R/bits>> -> {w72, X, R}; <<X:57, R/bits>> -> {w57, X, R}; "
               "<<X:9/little, R/bits>> -> {w9, X, R}; <<X:1, R/bits>> -> {w1, X, R}; _ -> nomatch end.")
    calls.append('    p("iconst", [iconst(S) || S <- [0, 1, 8, 9, 64, 65, -1]])')
    calls.append('    p("iunit", [iunit(V, S) || V <- [0, 1000, -1], S <- [0, 1, 3, 8, 9]])')
    calls.append('    p("imatch", [[imatch(B, S) || S <- [0, 1, 8, 56, 57, 64, 65, 80, 81, -1, a]] || B <- bins()])')
    calls.append('    p("imatchs", [[imatchs(B, S) || S <- [0, 1, 8, 56, 57, 64, 65, 80, 81]] || B <- bins()])')
    calls.append('    p("imatch_lit", [imatch_lit(B) || B <- bins()])')
    out.append("bins() -> [<<>>, <<1:1>>, <<255>>, <<1:3>>, <<255, 1:1>>, <<1, 2, 3, 4, 5, 6, 7, 8, 9, 10>>, "
               "<<128, 0, 0, 0, 0, 0, 0, 0, 0, 1:1>>, <<-1:81>>].")

    out.append("float_values() -> [0.0, -0.0, 1.0, -1.5, 0.1, 65504.0, 65519.0, 65520.0, 1.0e10, "
               "3.4028234663852886e38, 3.4028235677973366e38, 1.0e39, 1.0e300, 5.0e-324, 6.0e-8, 1.0e-8, 1, "
               "-3, 1 bsl 70, 1 bsl 1100, a].")
    for s in FLOAT_SIZES:
        for e in ENDIANS:
            f = "fb_%d_%s" % (s, e)
            out.append("%s(V) -> try B = <<V:%d/float-%s>>, <<F:%d/float-%s>> = B, O = <<1:1, V:%d/float-%s>>,\n"
                       "    <<_:1, Fo:%d/float-%s>> = O, {B, F, Fo}\n"
                       "  catch error:Why -> {error, Why} end." % (f, s, e, s, e, s, e, s, e))
            calls.append('    p("%s", [%s(V) || V <- float_values()])' % (f, f))
            f = "fm_%d_%s" % (s, e)
            out.append("%s(B) -> case B of <<F:%d/float-%s, R/bits>> -> {F, R}; _ -> nomatch end."
                       % (f, s, e))
            calls.append('    p("%s", [%s(B) || B <- float_bins()])' % (f, f))
    out.append("float_bins() -> [<<>>, <<0:16>>, <<16#7C00:16>>, <<16#FC00:16>>, <<16#7E00:16>>, <<16#0001:16>>, "
               "<<16#3C00:16/little>>, <<16#7F800000:32>>, <<16#7FC00000:32>>, <<16#00000001:32>>, "
               "<<16#3F800000:32, 9>>, <<16#7FF0000000000000:64>>, <<16#FFF8000000000000:64>>, "
               "<<16#0000000000000001:64>>, <<16#3FF0000000000000:64, 1:3>>, <<1:15>>].")
    out.append("fvs(V, S) -> try B = <<V:S/float>>, <<F:S/float>> = B, {B, F} catch error:Why -> {error, Why} end.")
    out.append("fmv(B, S) -> case B of <<F:S/float, _/bits>> -> F; _ -> nomatch end.")
    calls.append('    p("fvs", [[fvs(V, S) || V <- [1.5, -0.0, 1.0e300, 7]] || S <- [16, 32, 64, 0, 8, 48, 128, '
                 '-1, a]])')
    calls.append('    p("fmv", [[fmv(B, S) || S <- [16, 32, 64, 0, 8, 128]] || B <- float_bins()])')

    out.append("bin_values() -> [<<>>, <<1, 2, 3>>, <<1:3>>, <<1, 2, 3:4>>, <<\"0123456789abcdef\">>, a, [1], 1].")
    for n in BIN_SIZES:
        f = "bb_%d" % n
        out.append("%s(B) -> try {<<B:%d/binary>>, <<B:%d/bits>>, <<B:%d/binary-unit:4>>, <<1:1, B:%d/binary>>} "
                   "catch error:Why -> {error, Why} end." % (f, n, n, n, n))
        calls.append('    p("%s", [%s(B) || B <- bin_values()])' % (f, f))
    out.append("bb_all(B) -> try {<<B/binary>>, <<B/bits>>, <<1:1, B/bits>>, <<B/bits, 7:3>>, "
               "<<B/binary, 255>>} catch error:Why -> {error, Why} end.")
    out.append("bb_var(B, S) -> try {<<B:S/binary>>, <<B:S/bits>>} catch error:Why -> {error, Why} end.")
    out.append("bm_var(B, S) -> case B of <<X:S/binary, R/bits>> -> {X, R}; _ -> nomatch end.")
    out.append("bm_bits(B, S) -> case B of <<X:S/bits, R/binary>> -> {X, R}; _ -> nomatch end.")
    out.append("bm_unit(B, S) -> case B of <<X:S/binary-unit:4, R/bits>> -> {X, R}; _ -> nomatch end.")
    out.append("bm_rest(B) -> case B of <<_:1, R/binary>> -> {one, R}; <<R/binary>> -> {all, R}; _ -> nomatch end.")
    out.append("bm_len(B) -> case B of <<L:8, X:L/binary, R/bits>> -> {L, X, R}; _ -> nomatch end.")
    calls.append('    p("bb_all", [bb_all(B) || B <- bin_values()])')
    calls.append('    p("bb_var", [[bb_var(B, S) || S <- [0, 2, 3, 16, 17, -1, a]] || B <- bin_values()])')
    for f in ["bm_var", "bm_bits", "bm_unit"]:
        calls.append('    p("%s", [[%s(B, S) || S <- [0, 1, 2, 3, 4, 9, 16, -1]] || B <- bins()])' % (f, f))
    calls.append('    p("bm_rest", [bm_rest(B) || B <- bins()])')
    calls.append('    p("bm_len", [bm_len(B) || B <- [<<0>>, <<1, 9>>, <<2, 9>>, <<3, 1, 2, 3, 4:5>>, <<9, 1>>, <<>>]])')
    out.append("acc(0, B) -> B;\nacc(N, B) -> acc(N - 1, <<B/binary, N:8>>).")
    out.append("accb(0, B) -> B;\naccb(N, B) -> accb(N - 1, <<B/bits, N:3>>).")
    calls.append('    p("acc", [acc(N, <<>>) || N <- [1, 63, 64, 65, 100]])')
    calls.append('    p("accb", [accb(N, <<1:1>>) || N <- [1, 30, 200]])')

    out.append("utf_values() -> [0, 65, 127, 128, 2047, 2048, 16#D7FF, 16#D800, 16#DBFF, 16#DC00, 16#DFFF, "
               "16#E000, 16#FFFD, 16#FFFE, 16#FFFF, 16#10000, 16#10FFFF, 16#110000, -1, 1 bsl 70, a, 1.0].")
    for k, u in enumerate(UTFS):
        f = "ub_%d" % k
        out.append("%s(V) -> try B = <<V/%s>>, <<C/%s>> = B, O = <<1:3, V/%s, 2:2>>, <<_:3, Co/%s, _:2>> = O,\n"
                   "    {B, C, O, Co} catch error:Why -> {error, Why} end." % (f, u, u, u, u))
        calls.append('    p("%s", [%s(V) || V <- utf_values()])' % (f, f))
        f = "um_%d" % k
        out.append("%s(B) -> case B of <<C/%s, R/bits>> -> {C, R}; _ -> nomatch end." % (f, u))
        calls.append('    p("%s", [%s(B) || B <- utf_bins()])' % (f, f))
        out.append("%s_odd(B) -> case <<1:1, B/bits>> of <<1:1, C/%s, R/bits>> -> {C, R}; _ -> nomatch end."
                   % (f, u))
        calls.append('    p("%s_odd", [%s_odd(B) || B <- utf_bins()])' % (f, f))
    out.append("utf_bins() -> [<<>>, <<0>>, <<65, 66>>, <<127>>, <<128>>, <<16#C0, 16#80>>, <<16#C2, 16#80>>, "
               "<<16#DF, 16#BF>>, <<16#E0, 16#80, 16#80>>, <<16#E0, 16#A0, 16#80>>, <<16#ED, 16#A0, 16#80>>, "
               "<<16#EF, 16#BF, 16#BF>>, <<16#F0, 16#90, 16#80, 16#80>>, <<16#F4, 16#8F, 16#BF, 16#BF>>, "
               "<<16#F4, 16#90, 16#80, 16#80>>, <<16#F8, 16#88, 16#80, 16#80, 16#80>>, <<16#E2, 16#82>>, "
               "<<16#FF>>, <<16#D8, 16#00>>, <<16#D8, 16#00, 16#DC, 16#00>>, <<16#D8, 16#00, 0, 65>>, "
               "<<16#DC, 16#00, 16#D8, 16#00>>, <<0, 16#D8, 0, 16#DC>>, <<0, 0, 16#D8, 0>>, <<0, 16#10, 16#FF, 16#FF>>, "
               "<<0, 16#11, 0, 0>>, <<16#FF, 16#FF, 16#10, 0>>, <<0, 0, 0>>, <<16#C3, 16#A9:7>>].")
    out.append("ulit() -> {<<\"abc\">>, <<\"ab\":16>>, <<\"ab\":4>>, <<\"ab\"/utf16>>, <<\"ab\"/utf32-little>>, "
               "<<\"\\x{e9}\\x{20ac}\"/utf8>>, <<\"\\x{e9}\\x{20ac}\">>, <<\"\\x{1F600}\"/utf16-little>>, "
               "<<16#10FFFF/utf8>>, <<$a/utf32>>}.")
    out.append("ustr(V) -> try <<\"x\", V/utf8, \"yz\", V:8, \"\\x{e9}\"/utf16>> catch error:Why -> {error, Why} end.")
    out.append("umatch_str(B) -> case B of <<\"ab\", R/binary>> -> {ab, R}; <<\"a\\x{e9}\"/utf8, R/bits>> -> "
               "{ae, R}; <<\"a\"/utf16, R/bits>> -> {a16, R}; <<$a, C/utf8>> -> {a8, C}; _ -> nomatch end.")
    calls.append('    p("ulit", ulit())')
    calls.append('    p("ustr", [ustr(V) || V <- [0, 233, 16#20AC, 16#D800, -1, a]])')
    calls.append('    p("umatch_str", [umatch_str(B) || B <- [<<"abc">>, <<"a", 16#C3, 16#A9, 1:1>>, <<0, 97, 0>>, '
                 '<<"a", 16#C3, 16#A9>>, <<"a", 16#C3>>, <<"b">>, <<"a">>]])')
    # Sizes at the limits (erl itself allocates a <<B:S/binary>> of S bytes
    # before it looks at B, so S stays small there), units on floats and
    # binaries, appends, iolists of bitstrings.
    extra = [
        ("bx_size", "[try_(fun() -> bit_size(<<0:S>>) end) || S <- [0, 1, 8, 1 bsl 59, 1 bsl 60, 1 bsl 64, -1]]"),
        ("bx_bin_size", "[try_(fun() -> byte_size(<<(id(<<1, 2, 3>>)):S/binary>>) end) "
                        "|| S <- [0, 1, 8, 1 bsl 24, 1 bsl 64, -1]]"),
        ("bx_float_unit", "[try_(fun() -> <<F:4/float-unit:16>> = <<(id(F)):4/float-unit:16>>, F end) "
                          "|| F <- [1.5, -0.0]]"),
        ("bx_float_unit8", "[try_(fun() -> <<(id(1.5)):S/float-unit:8>> end) || S <- [2, 4, 8, 3, 0]]"),
        ("bx_append_bit", "[try_(fun() -> <<(id(B))/binary, 1:1>> end) || B <- [<<>>, <<1:7>>, a, 1]]"),
        ("bx_unit_match", "[try_(fun() -> case id(<<1, 2, 3, 4>>) of <<X:S/unit:8, R/binary>> -> {X, R}; "
                          "_ -> no end end) || S <- [0, 1, 4, 5, -1, a, 1 bsl 70]]"),
        ("bx_bin_unit_match", "[try_(fun() -> case id(<<1, 2, 3, 4>>) of <<X:S/binary-unit:16, R/bits>> -> "
                              "{X, R}; _ -> no end end) || S <- [0, 1, 2, 3, -1]]"),
        ("bx_sign", "[try_(fun() -> <<(id(V)):8/signed, (id(V)):8/unsigned>> end) || V <- [-129, -128, 255, 256]]"),
        ("bx_append", "[try_(fun() -> A = id(<<>>), B = <<A/binary, X:8>>, <<B/binary, B/binary>> end) "
                      "|| X <- [1, 300, -1]]"),
        ("bx_utf_all", "[try_(fun() -> <<(id(C))/utf8, (id(C))/utf16, (id(C))/utf32>> end) "
                       "|| C <- [$a, 16#D800, 16#110000, -1, 1.0]]"),
        ("bx_bits_match", "[try_(fun() -> <<X:S/bits>> = id(<<255, 1:1>>), X end) || S <- [9, 8, 10, 0]]"),
        ("bx_iolist", "[try_(fun() -> list_to_bitstring([<<1:1>>, [<<1:2>>, 3], <<2:3>>]) end), "
                      "try_(fun() -> erlang:iolist_to_binary([<<1:1>>]) end)]"),
        ("bx_part", "[try_(fun() -> binary_part(id(<<1, 2, 3>>), P, L) end) "
                    "|| {P, L} <- [{0, 3}, {3, -3}, {1, 5}, {-1, 1}]]"),
    ]
    for name, expr in extra:
        calls.append('    p("%s", %s)' % (name, expr))
    out.append("mixed(A, B, C) -> try <<A:4, B:12/little, C/binary, A:3/signed, B/utf8, 1.5:32/float, C:1/binary>> "
               "catch error:Why -> {error, Why} end.")
    calls.append('    p("mixed", [mixed(A, B, C) || A <- [0, 15, -1], B <- [0, 300, 16#10FFFF], '
                 'C <- [<<1, 2>>, <<>>, <<1:1>>]])')


def main():
    out = []
    calls = []
    out.append("%% Generated by scripts/gen-data-matrix.py: do not edit.")
    out.append("-module(e_data_matrix).")
    out.append("-export([main/0]).")
    out.append("")
    out.append("-record(r, {a, b = 2, c}).")
    out.append("-record(s, {x = 0}).")
    out.append("")
    out.append("id(X) -> X.")
    out.append("p(Name, Term) -> io:format(\"~s ~w~n\", [Name, Term]).")
    out.append("")
    maps_part(out, calls)
    records_part(out, calls)
    bits_part(out, calls)
    out.append("")
    out.append("main() ->")
    out.append(",\n".join(calls) + ".")
    path = os.path.join(os.path.dirname(__file__), "..", "testdata", "programs", "e_data_matrix",
                        "e_data_matrix.erl")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


main()
