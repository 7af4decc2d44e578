//// A `let assert` that fails: Gleam raises erlang:error with a map that has
//// gleam_error => let_assert. main crashes, so the exit status is 1.

import tiny/io
import tiny/int

pub fn main() {
  io.println("parsing numbers")
  let assert Ok(a) = int.parse("12")
  io.println("a = " <> int.to_string(a))
  let assert Ok(b) = int.parse("not a number")
  io.println("never printed " <> int.to_string(b))
}
