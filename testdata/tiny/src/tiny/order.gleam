//// Ordering of two values.

pub type Order {
  Lt
  Eq
  Gt
}

pub fn reverse(o: Order) -> Order {
  case o {
    Lt -> Gt
    Eq -> Eq
    Gt -> Lt
  }
}

pub fn to_int(o: Order) -> Int {
  case o {
    Lt -> -1
    Eq -> 0
    Gt -> 1
  }
}
