//// Bit arrays (Gleam 0.30 calls the type BitString).

@external(erlang, "erlang", "byte_size")
pub fn byte_size(b: BitString) -> Int

@external(erlang, "erlang", "bit_size")
pub fn bit_size(b: BitString) -> Int

pub fn append(a: BitString, b: BitString) -> BitString {
  <<a:bit_string, b:bit_string>>
}

pub fn from_string(s: String) -> BitString {
  <<s:utf8>>
}

@external(erlang, "tiny_ffi", "bit_array_to_string")
pub fn to_string(b: BitString) -> Result(String, Nil)

@external(erlang, "tiny_ffi", "bit_array_slice")
pub fn slice(b: BitString, at pos: Int, take len: Int) -> Result(BitString, Nil)
