//// Results.

pub fn map(r: Result(a, e), f: fn(a) -> b) -> Result(b, e) {
  case r {
    Ok(x) -> Ok(f(x))
    Error(e) -> Error(e)
  }
}

pub fn map_error(r: Result(a, e), f: fn(e) -> f) -> Result(a, f) {
  case r {
    Ok(x) -> Ok(x)
    Error(e) -> Error(f(e))
  }
}

pub fn then(r: Result(a, e), f: fn(a) -> Result(b, e)) -> Result(b, e) {
  case r {
    Ok(x) -> f(x)
    Error(e) -> Error(e)
  }
}

pub fn unwrap(r: Result(a, e), default: a) -> a {
  case r {
    Ok(x) -> x
    Error(_) -> default
  }
}

pub fn is_ok(r: Result(a, e)) -> Bool {
  case r {
    Ok(_) -> True
    Error(_) -> False
  }
}
