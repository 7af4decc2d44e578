//// Integers (arbitrary precision).

import tiny/order.{Eq, Gt, Lt, Order}

@external(erlang, "erlang", "integer_to_binary")
pub fn to_string(i: Int) -> String

@external(erlang, "tiny_ffi", "int_to_base")
pub fn to_base_string(i: Int, base: Int) -> String

@external(erlang, "tiny_ffi", "parse_int")
pub fn parse(s: String) -> Result(Int, Nil)

@external(erlang, "erlang", "float")
pub fn to_float(i: Int) -> Float

pub fn absolute_value(i: Int) -> Int {
  case i < 0 {
    True -> -i
    False -> i
  }
}

pub fn compare(a: Int, b: Int) -> Order {
  case a == b {
    True -> Eq
    False ->
      case a < b {
        True -> Lt
        False -> Gt
      }
  }
}

pub fn max(a: Int, b: Int) -> Int {
  case a > b {
    True -> a
    False -> b
  }
}

pub fn min(a: Int, b: Int) -> Int {
  case a < b {
    True -> a
    False -> b
  }
}

pub fn is_even(i: Int) -> Bool {
  i % 2 == 0
}

pub fn power(base: Int, exp: Int) -> Int {
  case exp {
    0 -> 1
    _ ->
      case exp % 2 {
        0 -> {
          let h = power(base, exp / 2)
          h * h
        }
        _ -> base * power(base, exp - 1)
      }
  }
}

pub fn sum(l: List(Int)) -> Int {
  do_sum(l, 0)
}

fn do_sum(l: List(Int), acc: Int) -> Int {
  case l {
    [] -> acc
    [x, ..rest] -> do_sum(rest, acc + x)
  }
}
