-module(tiny@string).
-compile([no_auto_import, nowarn_unused_vars]).

-export([length/1, byte_size/1, append/2, concat/1, join/2, split/2, replace/3, contains/2, starts_with/2, ends_with/2, reverse/1, trim/1, uppercase/1, lowercase/1, to_graphemes/1, repeat/2, slice/3, inspect/1, pad_left/3, pad_right/3]).

-spec length(binary()) -> integer().
length(S) ->
    string:length(S).

-spec byte_size(binary()) -> integer().
byte_size(S) ->
    erlang:byte_size(S).

-spec append(binary(), binary()) -> binary().
append(A, B) ->
    <<A/binary, B/binary>>.

-spec concat(list(binary())) -> binary().
concat(Parts) ->
    erlang:iolist_to_binary(Parts).

-spec join(list(binary()), binary()) -> binary().
join(Parts, Sep) ->
    case Parts of
        [] ->
            <<""/utf8>>;

        [First | Rest] ->
            tiny@list:fold(
                Rest,
                First,
                fun(Acc, S) ->
                    <<<<Acc/binary, Sep/binary>>/binary, S/binary>>
                end
            )
    end.

-spec split(binary(), binary()) -> list(binary()).
split(S, Sep) ->
    tiny_ffi:string_split(S, Sep).

-spec replace(binary(), binary(), binary()) -> binary().
replace(S, Pattern, Replacement) ->
    tiny_ffi:string_replace(S, Pattern, Replacement).

-spec contains(binary(), binary()) -> boolean().
contains(S, Pattern) ->
    tiny_ffi:string_contains(S, Pattern).

-spec starts_with(binary(), binary()) -> boolean().
starts_with(S, Prefix) ->
    tiny_ffi:string_starts_with(S, Prefix).

-spec ends_with(binary(), binary()) -> boolean().
ends_with(S, Suffix) ->
    tiny_ffi:string_ends_with(S, Suffix).

-spec reverse(binary()) -> binary().
reverse(S) ->
    tiny_ffi:string_reverse(S).

-spec trim(binary()) -> binary().
trim(S) ->
    tiny_ffi:string_trim(S).

-spec uppercase(binary()) -> binary().
uppercase(S) ->
    string:uppercase(S).

-spec lowercase(binary()) -> binary().
lowercase(S) ->
    string:lowercase(S).

-spec to_graphemes(binary()) -> list(binary()).
to_graphemes(S) ->
    tiny_ffi:string_graphemes(S).

-spec repeat(binary(), integer()) -> binary().
repeat(S, N) ->
    tiny_ffi:string_repeat(S, N).

-spec slice(binary(), integer(), integer()) -> binary().
slice(S, Start, Len) ->
    tiny_ffi:string_slice(S, Start, Len).

-spec inspect(any()) -> binary().
inspect(X) ->
    tiny_ffi:inspect(X).

-spec pad_left(binary(), integer(), binary()) -> binary().
pad_left(S, Width, Pad) ->
    <<(tiny_ffi:string_repeat(Pad, Width - string:length(S)))/binary, S/binary>>.

-spec pad_right(binary(), integer(), binary()) -> binary().
pad_right(S, Width, Pad) ->
    <<S/binary, (tiny_ffi:string_repeat(Pad, Width - string:length(S)))/binary>>.
