//// UTF-8 strings.

import tiny/list

@external(erlang, "string", "length")
pub fn length(s: String) -> Int

@external(erlang, "erlang", "byte_size")
pub fn byte_size(s: String) -> Int

pub fn append(a: String, b: String) -> String {
  a <> b
}

@external(erlang, "erlang", "iolist_to_binary")
pub fn concat(parts: List(String)) -> String

pub fn join(parts: List(String), with sep: String) -> String {
  case parts {
    [] -> ""
    [first, ..rest] -> list.fold(rest, first, fn(acc, s) { acc <> sep <> s })
  }
}

@external(erlang, "tiny_ffi", "string_split")
pub fn split(s: String, on sep: String) -> List(String)

@external(erlang, "tiny_ffi", "string_replace")
pub fn replace(in s: String, each pattern: String, with replacement: String) -> String

@external(erlang, "tiny_ffi", "string_contains")
pub fn contains(s: String, pattern: String) -> Bool

@external(erlang, "tiny_ffi", "string_starts_with")
pub fn starts_with(s: String, prefix: String) -> Bool

@external(erlang, "tiny_ffi", "string_ends_with")
pub fn ends_with(s: String, suffix: String) -> Bool

@external(erlang, "tiny_ffi", "string_reverse")
pub fn reverse(s: String) -> String

@external(erlang, "tiny_ffi", "string_trim")
pub fn trim(s: String) -> String

@external(erlang, "string", "uppercase")
pub fn uppercase(s: String) -> String

@external(erlang, "string", "lowercase")
pub fn lowercase(s: String) -> String

@external(erlang, "tiny_ffi", "string_graphemes")
pub fn to_graphemes(s: String) -> List(String)

@external(erlang, "tiny_ffi", "string_repeat")
pub fn repeat(s: String, times n: Int) -> String

@external(erlang, "tiny_ffi", "string_slice")
pub fn slice(s: String, at_index start: Int, length len: Int) -> String

/// The Erlang `~tp` rendering of any value.
@external(erlang, "tiny_ffi", "inspect")
pub fn inspect(x: a) -> String

pub fn pad_left(s: String, to width: Int, with pad: String) -> String {
  repeat(pad, width - length(s)) <> s
}

pub fn pad_right(s: String, to width: Int, with pad: String) -> String {
  s <> repeat(pad, width - length(s))
}
