//// Dictionaries: Erlang maps.

import tiny/option.{Option}

pub type Dict(k, v)

@external(erlang, "maps", "new")
pub fn new() -> Dict(k, v)

@external(erlang, "maps", "from_list")
pub fn from_list(l: List(#(k, v))) -> Dict(k, v)

@external(erlang, "maps", "to_list")
pub fn to_list(d: Dict(k, v)) -> List(#(k, v))

@external(erlang, "maps", "size")
pub fn size(d: Dict(k, v)) -> Int

@external(erlang, "tiny_ffi", "map_get")
pub fn get(d: Dict(k, v), key: k) -> Result(v, Nil)

pub fn has_key(d: Dict(k, v), key: k) -> Bool {
  is_key(key, d)
}

@external(erlang, "maps", "is_key")
fn is_key(key: k, d: Dict(k, v)) -> Bool

pub fn insert(d: Dict(k, v), key: k, value: v) -> Dict(k, v) {
  put(key, value, d)
}

@external(erlang, "maps", "put")
fn put(key: k, value: v, d: Dict(k, v)) -> Dict(k, v)

pub fn delete(d: Dict(k, v), key: k) -> Dict(k, v) {
  remove(key, d)
}

@external(erlang, "maps", "remove")
fn remove(key: k, d: Dict(k, v)) -> Dict(k, v)

@external(erlang, "maps", "keys")
pub fn keys(d: Dict(k, v)) -> List(k)

@external(erlang, "maps", "values")
pub fn values(d: Dict(k, v)) -> List(v)

@external(erlang, "maps", "merge")
pub fn merge(a: Dict(k, v), b: Dict(k, v)) -> Dict(k, v)

/// Calls `f` with the current value (if any) and stores its result.
@external(erlang, "tiny_ffi", "map_update")
pub fn update(d: Dict(k, v), key: k, f: fn(Option(v)) -> v) -> Dict(k, v)

pub fn fold(d: Dict(k, v), acc: a, f: fn(a, k, v) -> a) -> a {
  maps_fold(fn(k, v, acc) { f(acc, k, v) }, acc, d)
}

@external(erlang, "maps", "fold")
fn maps_fold(f: fn(k, v, a) -> a, acc: a, d: Dict(k, v)) -> a

pub fn map_values(d: Dict(k, v), f: fn(k, v) -> w) -> Dict(k, w) {
  maps_map(f, d)
}

@external(erlang, "maps", "map")
fn maps_map(f: fn(k, v) -> w, d: Dict(k, v)) -> Dict(k, w)
