-module(tiny@bit_array).
-compile([no_auto_import, nowarn_unused_vars]).

-export([byte_size/1, bit_size/1, append/2, from_string/1, to_string/1, slice/3]).

-spec byte_size(bitstring()) -> integer().
byte_size(B) ->
    erlang:byte_size(B).

-spec bit_size(bitstring()) -> integer().
bit_size(B) ->
    erlang:bit_size(B).

-spec append(bitstring(), bitstring()) -> bitstring().
append(A, B) ->
    <<A/bitstring, B/bitstring>>.

-spec from_string(binary()) -> bitstring().
from_string(S) ->
    <<S/binary>>.

-spec to_string(bitstring()) -> {ok, binary()} | {error, nil}.
to_string(B) ->
    tiny_ffi:bit_array_to_string(B).

-spec slice(bitstring(), integer(), integer()) -> {ok, bitstring()} |
    {error, nil}.
slice(B, Pos, Len) ->
    tiny_ffi:bit_array_slice(B, Pos, Len).
