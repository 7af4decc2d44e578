#!/usr/bin/env python3
"""Writes testdata/programs/e_trace_matrix/e_trace_matrix{,_b}.erl.

Exceptions and their stack traces: every way to raise (error/1,2,3, throw,
exit, raise/3, the match and clause errors, badarith from each operator
with variable and literal operands, badarg from guard BIFs, body BIFs and
apply, badfun, badarity, undef, badkey, badmap, badrecord, bit syntax) is
caught three ways: by try/catch with its stack trace, by catch, and as the
'DOWN' reason of a process that dies of it. Each raiser is reached through
a chain of 0 to 3 intermediate functions in two modules, called as body
calls (which leave a frame) or tail calls (which do not). Frames are
printed as {M, F, ArityOrArgs, [{line, L}]} plus the atom error_info when
the frame has one (the file name and the map are left out; a bit syntax
error keeps its cause, as {error_info, Cause}).

The functions are small and many so that the --interpret spread of
TestNativePrograms mixes native and interpreted frames in every trace.
apply/3 with a literal argument list (the apply instruction, which native
code does not lower: codegen/amd64's TestLowerEverything) is left out:
apply/3 calls take their argument lists from id/1.
Usage: python3 scripts/gen-trace-matrix.py (then scripts/build-testdata.sh e_trace_matrix)
"""
import os

A = "e_trace_matrix"
B = "e_trace_matrix_b"

# Raisers: (clauses, X, Y). Each is the body (or the clauses) of a function
# r_N(X, Y), defined the same in both modules; X and Y are the arguments the
# test passes. "%%F" in clauses stands for the function's own name.
RAISERS = [
    # explicit raises
    ("erlang:error({e1, X})", "1", "2"),
    ("erlang:error(X, [X, Y])", "e2", "[1]"),
    ("erlang:error(X, [Y], [{error_info, #{module => %s}}])" % B, "e3", "y"),
    ("erlang:error(X, none)", "e4", "0"),
    ("erlang:error(X, Y)", "e5", "not_a_list"),
    ("erlang:error(X, Y, [{k, v}, {error_info, #{}}])", "e6", "[1]"), ("erlang:error(X, none, [{error_info, #{c => 1}}])", "e7", "0"),
    ("erlang:error(X, [Y], [{error_info, #{}} | x])", "e8", "0"), ("erlang:error(X, [Y], [{error_info, #{}}, {error_info, #{}}])", "e9", "0"),
    ("throw({t, X})", "1", "2"),
    ("exit({x, X})", "[1]", "2"),
    ("exit(X)", "normal", "0"),
    ("erlang:throw(X)", "[{a, b, 1, []}]", "0"),
    ("apply(erlang, throw, [X])", "at", "0"),
    ("apply(erlang, error, [X, [Y]])", "ae", "1"),
    ("try erlang:error(X) catch C:R:S -> erlang:raise(C, R, S) end", "rr", "0"),
    ("try throw(X) catch C:R:S -> erlang:raise(C, {R, Y}, S) end", "rt", "1"),
    ("erlang:raise(throw, X, [{m, f, 1, [{line, 3}]}])", "r1", "0"),
    ("erlang:raise(error, X, [{m, f, [Y], [{file, \"m.erl\"}, {line, 4}]}])", "r2", "2"),
    ("erlang:raise(exit, X, Y)", "r3", "[]"),
    ("erlang:raise(error, X, Y)", "r4", "not_a_trace"),
    ("erlang:raise(X, Y, [])", "not_a_class", "r5"),
    ("try erlang:error(X) catch error:_ -> throw(Y) end", "inner", "outer"),
    ("try erlang:error(X) after id(Y) end", "aft", "0"),
    ("try id(X) catch _:_ -> Y end, erlang:error({after_try, X})", "at", "0"),
    # match and clause errors
    ("{ok, V} = id(X), {V, Y}", "{error, 1}", "0"),
    ("[H | _] = X, {H, Y}", "[]", "0"),
    ("<<A:8, B/binary>> = X, {A, B, Y}", "<<>>", "0"),
    ("#{a := V} = X, {V, Y}", "#{b => 1}", "0"),
    ("case X of a -> 1; b -> Y end", "c", "0"),
    ("case {X, Y} of {1, _} -> 1; {_, 2} -> 2 end", "3", "4"),
    ("if X =:= a -> 1; X =:= Y -> 2 end", "b", "c"),
    ("try id(X) of a -> 1; b -> Y catch _:_ -> 2 end", "c", "0"),
    ("fcl(X, Y)", "c", "d"),
    ("V = fcl(X, Y), {V}", "c", "d"),
    ("fcg(X, Y)", "1", "2"),
    ("V = fcg(X, Y), {V}", "b", "2"),
    ("%%F(a, b) -> 1;\n%%F(X, b) when is_integer(X) -> X", "c", "d"),
    ("%s:fcx(X, Y)" % B, "1", "2"),
    ("V = %s:fcx(X, Y), {V}" % B, "0", "2"),
    ("(fun(a) -> 1; (b) -> Y end)(X)", "c", "0"),
    ("F = fun(Z) when is_atom(Z) -> Z end, F(X) + Y", "1", "0"),
    ("[A || A <- X] ++ Y", "a", "[]"),
    ("[A || A <- [1], X] ++ Y", "maybe", "[]"),
    ("<< <<A>> || <<A>> <= X >>", "a", "0"),
    ("receive after X -> Y end", "-1", "0"),
    # badarith
] + [("X %s Y" % op, x, y) for op, x, y in [
    ("+", "a", "1"), ("-", "1", "a"), ("*", "a", "2"), ("/", "1", "0"), ("/", "1.0", "0.0"),
    ("div", "1", "0"), ("rem", "7", "0"), ("div", "1.0", "1"), ("band", "1.0", "1"),
    ("bor", "a", "1"), ("bxor", "1", "[]"), ("bsl", "1", "a"), ("bsr", "a", "1"),
    ("*", "1.0e300", "1.0e300"), ("+", "1.0e308", "1.0e308"), ("bsl", "1", "100000000000"),
]] + [("X %s %s" % (op, lit), x, "0") for op, lit, x in [
    ("+", "1", "a"), ("-", "1", "a"), ("+", "-1", "a"), ("-", "-1", "a"), ("+", "0", "a"), ("-", "0", "a"),
    ("+", "2", "1.0e308"), ("*", "2", "a"), ("/", "2", "a"), ("div", "2", "a"), ("rem", "2", "a"),
    ("div", "0", "5"), ("rem", "0", "5"), ("band", "1", "a"), ("bor", "1", "a"), ("bxor", "1", "a"),
    ("bsl", "1", "a"), ("bsr", "1", "a"), ("+", "1.5", "a"), ("*", "2.0", "a"), ("/", "0.0", "1"),
]] + [("%s %s X" % (lit, op), x, "0") for op, lit, x in [
    ("+", "1", "a"), ("-", "1", "a"), ("+", "-1", "a"), ("-", "0", "a"), ("*", "2", "a"), ("/", "2", "a"),
    ("/", "2", "0"), ("div", "2", "0"), ("rem", "2", "a"), ("band", "1", "a"), ("bsl", "1", "a"),
    ("bsr", "1", "a"), ("+", "1.5", "a"), ("-", "1.0e308", "-1.0e308"),
]] + [
    ("-X", "a", "0"), ("bnot X", "1.0", "0"), ("+X", "a", "0"), ("abs(X)", "a", "0"),
    ("V = X + Y, {V}", "a", "1"), ("V = X + 1, {V}", "a", "0"),
    # badarg from guard BIFs in bodies
] + [("%s" % e, x, y) for e, x, y in [
    ("hd(X)", "[]", "0"), ("tl(X)", "a", "0"), ("element(X, Y)", "3", "{1}"), ("element(X, Y)", "a", "{1}"),
    ("element(1, X)", "[]", "0"), ("tuple_size(X)", "[]", "0"), ("length(X)", "[1 | 2]", "0"),
    ("float(X)", "a", "0"), ("trunc(X)", "a", "0"), ("round(X)", "[]", "0"), ("map_size(X)", "a", "0"),
    ("byte_size(X)", "a", "0"), ("bit_size(X)", "1", "0"), ("size(X)", "a", "0"),
    ("binary_part(X, Y, 1)", "<<1>>", "5"), ("node(X)", "a", "0"), ("is_map_key(a, X)", "[]", "0"),
    ("map_get(a, X)", "#{}", "0"), ("map_get(a, X)", "a", "0"), ("max(X, Y) + 1", "a", "b"),
    ("V = hd(X), {V}", "a", "0"), ("V = element(X, Y), {V}", "0", "{}"),
    # badarg from other BIFs
    ("atom_to_list(X)", "1", "0"), ("list_to_atom(X)", "a", "0"), ("integer_to_list(X)", "1.0", "0"),
    ("list_to_integer(X)", "\"1x\"", "0"), ("binary_to_list(X)", "a", "0"), ("list_to_tuple(X)", "[a | b]", "0"),
    ("setelement(X, Y, 0)", "2", "{1}"), ("tuple_to_list(X)", "[]", "0"), ("list_to_binary(X)", "[256]", "0"),
    ("iolist_size(X)", "a", "0"), ("atom_to_binary(X)", "\"a\"", "0"), ("binary_to_atom(X, utf8)", "<<255>>", "0"),
    ("split_binary(X, Y)", "<<1>>", "2"), ("lists:reverse(X, Y)", "a", "[]"), ("maps:get(X, Y)", "k", "#{}"),
    ("maps:get(X, Y)", "k", "a"), ("lists:keyfind(a, X, Y)", "0", "[]"), ("lists:member(X, Y)", "a", "b"),
    ("binary_to_term(X)", "<<1, 2>>", "0"), ("term_to_binary(X, Y)", "a", "[bad]"),
    ("list_to_atom(lists:duplicate(X, Y))", "256", "$a"), ("erlang:make_tuple(X, Y)", "-1", "0"),
    ("V = atom_to_list(X), {V}", "1", "0"),
    # badarg via apply
    ("apply(erlang, hd, [X])", "[]", "0"), ("apply(erlang, element, [X, Y])", "2", "{a}"),
    ("apply(erlang, atom_to_list, [X])", "1", "0"), ("apply(erlang, '+', [X, Y])", "a", "1"),
    ("apply(erlang, X, id([Y]))", "length", "a"), ("erlang:apply(X, Y, id([a]))", "erlang", "atom_to_list"),
    ("apply(X, Y)", "fun erlang:hd/1", "[[]]"), ("apply(X, Y)", "fun erlang:hd/1", "not_a_list"),
    # badfun, badarity
    ("X()", "a", "0"), ("X(Y)", "1", "2"), ("V = X(Y), {V}", "{}", "0"),
    ("X(Y)", "fun erlang:abs/0", "1"), ("X(Y)", "fun erlang:abs/1", "a"), ("X()", "fun %s:r_0/2" % B, "0"),
    ("(fun(Z) -> {Z} end)(X, Y)", "1", "2"), ("F = fun() -> X end, F(Y)", "1", "2"),
    ("apply(X, [Y])", "fun lists:reverse/2", "1"), ("apply(X, Y)", "a", "[]"),
    ("V = X(Y), {V}", "a", "0"), ("V = X(Y), {V}", "{m, f}", "0"), ("V = X(Y), {V}", "fun erlang:abs/0", "1"),
    ("V = X(Y), {V}", "fun erlang:abs/1", "a"), ("X(Y)", "fun erlang:error/1", "e"), ("V = X(Y), {V}", "fun erlang:throw/1", "t"),
    ("V = apply(X, [Y]), {V}", "a", "0"), ("V = apply(X, [Y]), {V}", "fun erlang:abs/1", "a"),
    ("apply(X, Y)", "{erlang, abs}", "[a]"), ("apply(X, Y)", "fun erlang:abs/1", "[a | b]"),
    ("apply(erlang, X, Y)", "abs", "[a]"), ("V = apply(erlang, X, Y), {V}", "abs", "[a]"),
    ("apply(erlang, X, Y)", "error", "[e]"), ("apply(erlang, X, Y)", "exit", "[x]"), ("V = apply(erlang, X, Y), {V}", "throw", "[t]"),
    ("apply(X, abs, Y)", "1", "[a]"),
    # functions of the erlang module that OTP 25 writes in Erlang
    ("V = atom_to_binary(X), {V, Y}", "1", "0"), ("binary_to_atom(X)", "<<255>>", "0"), ("V = binary_to_atom(X), {V, Y}", "a", "0"),
    ("apply(erlang, X, id([Y]))", "atom_to_binary", "1"),
    # closures, called in body and tail position
    ("F = fun(Z) -> Z + Y end, F(X)", "a", "1"), ("F = fun(Z) -> Z + Y end, V = F(X), {V}", "a", "1"),
    ("G = fun(Z) -> Z + Y end, F = fun(Z) -> G(Z) end, F(X)", "a", "1"),
    ("G = fun(Z) -> Z + Y end, F = fun(Z) -> V = G(Z), {V} end, F(X)", "a", "1"),
    ("F = fun(Z) -> %s:fcx(Z, Y) end, F(X)" % B, "b", "c"),
    # undef
    ("nomod:nofun(X, Y)", "1", "2"), ("%s:nofun(X, Y)" % B, "1", "2"), ("%s:fcl(X, Y)" % A, "a", "2"),
    ("apply(X, Y, id([1]))", "nomod", "f"), ("apply(%s, X, id([Y]))" % B, "fcl", "1"),
    ("X(Y)", "fun nomod:f/1", "1"), ("V = nomod:f(X), {V, Y}", "1", "0"),
    # maps
    ("X#{a := Y}", "#{}", "1"), ("X#{a := Y, b := 2}", "#{a => 1}", "1"), ("X#{a => Y}", "1", "2"),
    ("X#{a := Y}", "[]", "2"), ("V = X#{a := Y}, {V}", "#{b => 1}", "2"),
    # records
    ("X#r.f", "{s, 1}", "0"), ("X#r.f", "a", "0"), ("X#r{f = Y}", "{r}", "1"), ("X#r{f = Y}", "{s, 1, 2}", "1"),
    ("V = X#r.f, {V, Y}", "{r, 1, 2}", "0"), ("#r{f = V} = X, {V, Y}", "{q, 1, 2}", "0"),
    # bit syntax
    ("<<X:8>>", "a", "0"), ("<<X:Y>>", "1", "-1"), ("<<X/binary>>", "<<1:3>>", "0"), ("<<X:Y/binary>>", "<<1>>", "2"),
    ("<<X/float>>", "a", "0"), ("<<X/utf8>>", "-1", "0"), ("<<X:Y/float>>", "1.0", "8"), ("<<X:8, Y/bits>>", "1", "a"),
    ("<<X/utf16>>", "16#110000", "0"), ("<<X:Y/integer-unit:8>>", "1", "a"),
    ("<<A:Y, _/binary>> = X, {A}", "<<1>>", "-1"), ("<<_:8, A/utf8>> = X, {A, Y}", "<<1, 255>>", "0"),
    ("V = <<X:8>>, {V, Y}", "[]", "0"), ("<<X:64/float>>", "1 bsl 1100", "0"), ("<<X:Y/binary>>", "<<1:3>>", "1"),
    ("<<X:Y>>", "1", "1 bsl 64"), ("<<\"ab\", X:8, Y/utf8>>", "1", "-1"), ("<<1, X:Y/binary>>", "<<1>>", "a"),
    ("<<X:Y/float-unit:8>>", "1.0", "3"), ("<<X/binary-unit:8>>", "<<1:12>>", "0"), ("<<X/utf32>>", "16#D800", "0"),
]]

# Chains: the intermediate calls between the test's entry and the raiser,
# as (module, kind) hops, and the module whose raiser the last hop calls.
CHAINS = [
    ([], "a"), ([], "b"),
    ([("a", "body")], "a"), ([("a", "tail")], "a"), ([("b", "body")], "b"), ([("b", "tail")], "a"),
    ([("a", "body"), ("b", "tail")], "b"), ([("b", "body"), ("a", "body")], "a"),
    ([("a", "tail"), ("a", "body"), ("b", "body")], "a"), ([("b", "body"), ("b", "tail"), ("a", "body")], "b"),
    ([("a", "body"), ("a", "body"), ("a", "body")], "a"), ([("b", "tail"), ("a", "tail"), ("b", "tail")], "a"),
    ([("a", "body"), ("b", "body"), ("a", "tail")], "b"),
]

MOD = {"a": A, "b": B}


def raiser(k, clauses):
    # The first clause returns, so that the compiler does not see that
    # the raiser never does and turn local body calls into tail calls.
    f = "r_%d" % k
    if "%%F" not in clauses:
        clauses = "%%F(X, Y) -> " + clauses
    return "%s(_, ok) -> ok;\n%s." % (f, clauses.replace("%%F", f))


def common(mod):
    out = ["-record(r, {f, g}).", "", "id(X) -> X.", "",
           "fcl(a, _) -> 1;", "fcl(b, c) -> 2.", "",
           "fcg(X, Y) when is_integer(X), X > Y -> 1;", "fcg(X, _) when is_atom(X), X =/= b -> 2.", ""]
    for k, (clauses, _, _) in enumerate(RAISERS):
        out.append(raiser(k, clauses))
    return out


def main():
    tests = []  # (test id, raiser, chain)
    for k in range(len(RAISERS)):
        chains = [k % 2, 2 + (k % (len(CHAINS) - 2))]
        if k % 3 == 0:
            chains.append(2 + ((k * 7 + 5) % (len(CHAINS) - 2)))
        for c in sorted(set(chains)):
            tests.append((len(tests), k, c))

    hops = {"a": [], "b": []}
    heads = []
    for t, k, c in tests:
        path, last = CHAINS[c]
        target = ("r_%d" % k, last)
        # Build from the raiser back to the head.
        for j in reversed(range(len(path))):
            m, kind = path[j]
            name = "h%d_%d" % (t, j)
            tf, tm = target
            call = "%s(X, Y)" % tf if tm == m else "%s:%s(X, Y)" % (MOD[tm], tf)
            if kind == "body":
                body = "V = %s, {V}" % call
            else:
                body = call
            hops[m].append("%s(X, Y) -> %s." % (name, body))
            target = (name, m)
        heads.append((t, target))

    exports = {m: ["r_%d/2" % k for k in range(len(RAISERS))] +
               [h.split("(")[0] + "/2" for h in hops[m]] for m in "ab"}

    a = ["%% Generated by scripts/gen-trace-matrix.py: do not edit.",
         "-module(%s)." % A, "-compile([nowarn_unused_vars, nowarn_shadow_vars]).",
         "-export([main/0, proc/3, %s])." % ", ".join(exports["a"]), ""]
    a += common("a")
    a.append("")
    a += hops["a"]
    a.append("")
    cases = []
    for t, (f, m) in heads:
        call = "%s(X, Y)" % f if m == "a" else "%s:%s(X, Y)" % (B, f)
        cases.append("        %d -> %s" % (t, call))
    a.append("go(K, X, Y) ->\n    case K of\n%s\n    end." % ";\n".join(cases))
    a.append("")
    a.append("tests() ->\n    [%s]." % ",\n     ".join(
        "{%d, %d, %s, %s}" % (t, k, RAISERS[k][1], RAISERS[k][2]) for t, k, _ in tests))
    a += [
        "",
        "main() -> run(tests()).",
        "",
        "run([]) -> ok;",
        "run([{K, R, X, Y} | T]) ->",
        "    Try = by_try(K, X, Y),",
        "    Catch = by_catch(K, X, Y),",
        "    Down = by_exit(K, X, Y),",
        "    io:format(\"~w r_~w~n ~w~n ~w~n ~w~n\", [K, R, Try, Catch, Down]),",
        "    run(T).",
        "",
        "by_try(K, X, Y) ->",
        "    try go(K, X, Y) of",
        "        V -> {value, V}",
        "    catch",
        "        C:R:S -> {C, clean(R), clean(S)}",
        "    end.",
        "",
        "by_catch(K, X, Y) -> clean(catch go(K, X, Y)).",
        "",
        "by_exit(K, X, Y) ->",
        "    {Pid, Ref} = spawn_monitor(?MODULE, proc, [K, X, Y]),",
        "    receive {'DOWN', Ref, process, Pid, R} -> clean(R) end.",
        "",
        "proc(K, X, Y) -> go(K, X, Y).",
        "",
        "%% Frames lose their file name and error_info map (only its presence",
        "%% is kept); local funs become the atom local_fun (they print with a",
        "%% hash that is not the point here).",
        "clean({M, F, A, L}) when is_atom(M), is_atom(F), is_list(L) ->",
        "    {M, F, clean(A), [E || {line, _} = E <- L] ++ [error_info(I) || {error_info, I} <- L]};",
        "clean(T) when is_tuple(T) -> list_to_tuple(clean(tuple_to_list(T)));",
        "clean([H | T]) -> [clean(H) | clean(T)];",
        "clean(F) when is_function(F) -> fn(F, erlang:fun_info(F, type));",
        "clean(X) -> X.",
        "",
        "%% A bit syntax error's cause says which segment failed and why.",
        "error_info(#{function := format_bs_fail, cause := C}) -> {error_info, C};",
        "error_info(_) -> error_info.",
        "",
        "fn(F, {type, external}) -> F;",
        "fn(_, {type, local}) -> local_fun.",
    ]

    b = ["%% Generated by scripts/gen-trace-matrix.py: do not edit.",
         "-module(%s)." % B, "-compile([nowarn_unused_vars, nowarn_shadow_vars]).",
         "-export([fcx/2, %s])." % ", ".join(exports["b"]), ""]
    b += common("b")
    b += ["", "fcx(a, _) -> 1;", "fcx(X, Y) when X > Y -> 2.", ""]
    b += hops["b"]

    d = os.path.join(os.path.dirname(__file__), "..", "testdata", "programs", A)
    os.makedirs(d, exist_ok=True)
    for mod, lines in ((A, a), (B, b)):
        with open(os.path.join(d, mod + ".erl"), "w") as f:
            f.write("\n".join(lines) + "\n")


main()
