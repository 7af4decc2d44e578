%% Record updates, all of one record type. OTP 25's erlc (the oracle's)
%% compiles them to erlang:setelement/3 calls; compiler's
%% TestNativeUpdateRecord rewrites every such call into test_heap +
%% update_record (the OTP 26+ instruction) and checks that the program
%% still prints what erl printed, natively and interpreted. So every
%% setelement/3 call here must update an #r{} (5 words: tag and 4 fields).
-module(e_update_record).
-export([main/0, id/1]).

-record(r, {a = 0, b = [], c = none, d = 0}).

main() ->
    R0 = ?MODULE:id(#r{}),
    show("one field", R0#r{a = 1}),
    show("two fields", R0#r{b = [x], d = 4}),
    R1 = R0#r{c = {big, 1 bsl 70, 2.5, <<"bin">>}},
    show("boxed value", R1),
    show("source unchanged", R0),
    show("nested", R0#r{c = R1#r{a = inner}}),
    show("same value", R0#r{a = 0} =:= R0),
    show("loop", loop(R0, 0)),
    show("deep", deep(R0, 200)),
    show("badrecord", try (?MODULE:id({s, 1, 2, 3, 4}))#r{a = 1} catch error:E -> E end).

%% Called as ?MODULE:id/1, so that the compiler cannot see through it.
id(X) -> X.

show(Label, Term) -> io:format("~s: ~w~n", [Label, Term]).

%% Enough iterations for collections to move the record mid-way.
loop(#r{a = A, b = B} = R, I) when I < 4000 ->
    R1 = R#r{a = A + I},
    R2 = R1#r{b = [I rem 7 | lists:sublist(B, 3)], d = {I}},
    loop(R2, I + 1);
loop(R, _) ->
    R.

%% A chain of records, each updating the one inside it.
deep(R, 0) ->
    count(R, 0);
deep(R, N) ->
    deep(R#r{c = R#r{d = N}, a = N}, N - 1).

count(#r{c = #r{} = Inner}, N) -> count(Inner, N + 1);
count(#r{a = A}, N) -> {N, A}.
