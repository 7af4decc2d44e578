//// Optional values.

pub type Option(a) {
  Some(a)
  None
}

pub fn unwrap(o: Option(a), default: a) -> a {
  case o {
    Some(x) -> x
    None -> default
  }
}

pub fn map(o: Option(a), f: fn(a) -> b) -> Option(b) {
  case o {
    Some(x) -> Some(f(x))
    None -> None
  }
}

pub fn from_result(r: Result(a, e)) -> Option(a) {
  case r {
    Ok(x) -> Some(x)
    Error(_) -> None
  }
}
