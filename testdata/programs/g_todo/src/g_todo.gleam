//// `todo` with a message: main crashes with gleam_error => todo.

import tiny/io

pub fn main() {
  io.println("calling unfinished code")
  unfinished(3)
}

fn unfinished(_n: Int) -> Int {
  todo("this is not written yet")
}
