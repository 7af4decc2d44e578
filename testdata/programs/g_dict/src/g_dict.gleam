//// Dicts (Erlang maps) below and above 32 keys.

import tiny/io
import tiny/int
import tiny/list
import tiny/string
import tiny/dict.{Dict}
import tiny/option.{None, Some}

pub fn main() {
  let small =
    dict.new()
    |> dict.insert("one", 1)
    |> dict.insert("two", 2)
    |> dict.insert("three", 3)
  io.debug(small)
  io.debug(dict.get(small, "two"))
  io.debug(dict.get(small, "four"))
  io.debug(dict.size(small))
  io.debug(dict.to_list(dict.delete(small, "one")))
  io.debug(dict.keys(small))
  io.debug(dict.values(small))
  io.debug(dict.has_key(small, "three"))

  // more than 32 keys: integer keys and string keys
  let squares = dict.from_list(list.map(list.range(1, 50), fn(i) { #(i, i * i) }))
  io.debug(dict.size(squares))
  io.debug(dict.get(squares, 37))
  io.debug(squares)
  io.debug(dict.keys(squares))
  let total = dict.fold(squares, 0, fn(acc, _k, v) { acc + v })
  io.println("sum of squares: " <> int.to_string(total))

  let names =
    list.range(1, 40)
    |> list.map(fn(i) { #("key" <> int.to_string(i), i) })
    |> dict.from_list
  io.debug(names)
  io.debug(dict.to_list(names))

  // word counting with update
  let text = "a b c a b a d e f a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc a"
  let counts =
    string.split(text, " ")
    |> list.fold(dict.new(), fn(d, w) {
      dict.update(d, w, fn(old) {
        case old {
          Some(n) -> n + 1
          None -> 1
        }
      })
    })
  io.debug(dict.size(counts))
  io.debug(dict.get(counts, "a"))
  counts
  |> dict.to_list
  |> list.sort(fn(x, y) { string_compare(x.0, y.0) })
  |> list.take(8)
  |> io.debug

  let doubled = dict.map_values(squares, fn(_k, v) { v * 2 })
  io.debug(dict.get(doubled, 50))
  let merged = dict.merge(small, dict.from_list([#("two", 22), #("four", 4)]))
  io.debug(merged)
  let shrunk = list.fold(list.range(1, 45), squares, fn(d, k) { dict.delete(d, k) })
  io.debug(shrunk)
  io.debug(dict.from_list([#(#(1, 2), "tuple key"), #(#(0, 5), "another")]))
  let big = dict.from_list(list.map(list.range(1, 100_000), fn(i) { #(i, i) }))
  io.debug(dict.size(big))
  io.debug(dict.fold(big, 0, fn(acc, k, v) { acc + k * v % 7 }))
  let by_len: Dict(Int, List(String)) =
    ["apple", "fig", "kiwi", "banana", "plum", "pear", "cherry", "date"]
    |> list.fold(dict.new(), fn(d, w) {
      dict.update(d, string.length(w), fn(old) { [w, ..option.unwrap(old, [])] })
    })
  io.debug(by_len)
}

@external(erlang, "erlang", "<")
fn less(a: String, b: String) -> Bool

fn string_compare(a: String, b: String) {
  case a == b, less(a, b) {
    True, _ -> int.compare(0, 0)
    _, True -> int.compare(0, 1)
    _, False -> int.compare(1, 0)
  }
}
