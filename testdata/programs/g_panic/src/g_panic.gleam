//// `panic` caught by the program (through an FFI rescue) and then uncaught.

import tiny/io

pub fn main() {
  io.println("before panic")
  io.debug(rescue(fn() { explode(1) }))
  io.debug(rescue(fn() { explode(0) }))
  explode(0)
  io.println("never printed")
}

fn explode(n: Int) -> Int {
  case n {
    0 -> panic
    _ -> n
  }
}

@external(erlang, "g_panic_ffi", "rescue")
fn rescue(f: fn() -> a) -> Result(a, b)
