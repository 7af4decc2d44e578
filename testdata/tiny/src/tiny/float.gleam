//// Floats.

@external(erlang, "tiny_ffi", "float_to_string")
pub fn to_string(f: Float) -> String

@external(erlang, "tiny_ffi", "parse_float")
pub fn parse(s: String) -> Result(Float, Nil)

@external(erlang, "erlang", "round")
pub fn round(f: Float) -> Int

@external(erlang, "erlang", "trunc")
pub fn truncate(f: Float) -> Int

@external(erlang, "math", "floor")
pub fn floor(f: Float) -> Float

@external(erlang, "math", "ceil")
pub fn ceiling(f: Float) -> Float

@external(erlang, "math", "sqrt")
pub fn square_root(f: Float) -> Float

@external(erlang, "math", "pow")
pub fn power(base: Float, exp: Float) -> Float

@external(erlang, "erlang", "abs")
pub fn absolute_value(f: Float) -> Float

pub fn max(a: Float, b: Float) -> Float {
  case a >. b {
    True -> a
    False -> b
  }
}
