//// Printing to standard output.

/// Writes a string to standard output.
@external(erlang, "tiny_ffi", "print")
pub fn print(s: String) -> Nil

/// Writes a string and a newline to standard output.
@external(erlang, "tiny_ffi", "println")
pub fn println(s: String) -> Nil

/// Writes a string and a newline to standard error.
@external(erlang, "tiny_ffi", "eprintln")
pub fn eprintln(s: String) -> Nil

/// Prints any value in Erlang's `~p` form and returns it.
@external(erlang, "tiny_ffi", "debug")
pub fn debug(x: a) -> a

/// Switches standard output to UTF-8 (as `gleam run` does before `main`).
@external(erlang, "tiny_ffi", "set_utf8")
pub fn set_utf8() -> Nil
