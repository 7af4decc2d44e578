//// Strings (UTF-8 binaries) and bit arrays.

import tiny/io
import tiny/int
import tiny/float
import tiny/list
import tiny/string
import tiny/bit_array

pub fn main() {
  io.set_utf8()
  let text = "The quick brown fox jumps over the lazy dog"
  let words = string.split(text, " ")
  io.debug(words)
  io.println(string.join(list.reverse(words), " "))
  io.println(string.uppercase(text))
  io.println(string.lowercase("MiXeD CaSe"))
  io.println(int.to_string(string.length(text)) <> " chars")
  io.println(string.replace(text, "o", "0"))
  io.debug(#(string.contains(text, "fox"), string.contains(text, "cat")))
  io.debug(#(string.starts_with(text, "The"), string.ends_with(text, "dog"), string.ends_with(text, "cat")))
  io.println(string.reverse("stressed"))
  io.println("[" <> string.trim("   padded  ") <> "]")
  io.println(string.repeat("ab", 5))
  io.println(string.slice(text, 4, 5))
  io.println(string.pad_left("42", 6, "0") <> "|" <> string.pad_right("x", 4, ".") <> "|")

  // building strings
  let csv =
    list.range(1, 5)
    |> list.map(fn(i) { int.to_string(i) <> "," <> int.to_string(i * i) <> "," <> float.to_string(int.to_float(i) /. 4.0) })
    |> string.join("\n")
  io.println(csv)
  let parsed =
    string.split(csv, "\n")
    |> list.map(fn(line) { string.split(line, ",") })
  io.debug(parsed)
  io.println(string.concat(["con", "cat", "en", "ation"]))
  let long = list.fold(list.range(1, 1000), "", fn(acc, i) { acc <> int.to_string(i % 10) })
  io.println(int.to_string(string.length(long)) <> " " <> string.slice(long, 990, 10))

  // unicode
  let u = "héllo wörld ✓ 😀"
  io.println(u)
  io.println(int.to_string(string.length(u)) <> " graphemes, " <> int.to_string(string.byte_size(u)) <> " bytes")
  io.debug(string.to_graphemes("é̃a😀"))
  io.println(string.uppercase(u))
  io.println(string.reverse(u))
  io.println(string.inspect(#("tuple", 1, [2.5])))
  io.println("escapes: \t|\"quoted\"|\\")

  // case on string prefixes
  list.each(["get /index", "post /form", "delete /x", "other"], fn(cmd) { io.println(route(cmd)) })

  // bit arrays
  let bits = <<1:8, 2:16, 3:32-little, -1:8>>
  io.debug(bits)
  io.println(int.to_string(bit_array.byte_size(bits)))
  let <<a:8, b:16, c:32-little, d:8-signed>> = bits
  io.debug([a, b, c, d])
  let packed = <<5:3, 1:1, 0:4, 255:8>>
  io.debug(packed)
  let <<x:3, flag:1, _:4, rest:bit_string>> = packed
  io.debug(#(x, flag, rest))
  io.debug(bit_array.append(<<"abc":utf8>>, <<0, 1>>))
  io.debug(bit_array.to_string(<<"ok":utf8>>))
  io.debug(bit_array.to_string(<<255, 254>>))
  io.debug(bit_array.slice(<<"hello world":utf8>>, 6, 5))
  io.debug(bit_array.slice(<<"hi":utf8>>, 1, 5))
  io.debug(<<1.5:float, 2.0:float-size(32)>>)
  let <<f:float>> = <<3.25:float>>
  io.println(float.to_string(f))
  io.debug(decode_varints(<<172, 2, 1, 150, 1>>))
  io.debug(bit_array.bit_size(<<1:5>>))
  io.debug(<<"é":utf8, "é":utf16, "é":utf32>>)
}

fn route(cmd: String) -> String {
  case cmd {
    "get " <> path -> "GET " <> path
    "post " <> path -> "POST " <> path
    "delete " <> _ -> "DELETE (refused)"
    _ -> "unknown: " <> cmd
  }
}

fn decode_varints(b: BitString) -> List(Int) {
  do_decode(b, 0, 0, [])
}

fn do_decode(b: BitString, acc: Int, shift: Int, out: List(Int)) -> List(Int) {
  case b {
    <<>> -> list.reverse(out)
    <<1:1, v:7, rest:bit_string>> -> do_decode(rest, acc + int.power(2, shift) * v, shift + 7, out)
    <<0:1, v:7, rest:bit_string>> -> do_decode(rest, 0, 0, [acc + int.power(2, shift) * v, ..out])
  }
}
