//// Lists. Written in Gleam (tail-recursive where it matters) so that the
//// test programs exercise Gleam-generated code rather than the lists module.

import tiny/order.{Gt, Order}

pub fn length(l: List(a)) -> Int {
  do_length(l, 0)
}

fn do_length(l: List(a), acc: Int) -> Int {
  case l {
    [] -> acc
    [_, ..rest] -> do_length(rest, acc + 1)
  }
}

pub fn reverse(l: List(a)) -> List(a) {
  do_reverse(l, [])
}

fn do_reverse(l: List(a), acc: List(a)) -> List(a) {
  case l {
    [] -> acc
    [x, ..rest] -> do_reverse(rest, [x, ..acc])
  }
}

pub fn map(l: List(a), f: fn(a) -> b) -> List(b) {
  do_map(l, f, [])
}

fn do_map(l: List(a), f: fn(a) -> b, acc: List(b)) -> List(b) {
  case l {
    [] -> reverse(acc)
    [x, ..rest] -> do_map(rest, f, [f(x), ..acc])
  }
}

pub fn index_map(l: List(a), f: fn(Int, a) -> b) -> List(b) {
  do_index_map(l, f, 0, [])
}

fn do_index_map(l: List(a), f: fn(Int, a) -> b, i: Int, acc: List(b)) -> List(b) {
  case l {
    [] -> reverse(acc)
    [x, ..rest] -> do_index_map(rest, f, i + 1, [f(i, x), ..acc])
  }
}

pub fn filter(l: List(a), keep: fn(a) -> Bool) -> List(a) {
  do_filter(l, keep, [])
}

fn do_filter(l: List(a), keep: fn(a) -> Bool, acc: List(a)) -> List(a) {
  case l {
    [] -> reverse(acc)
    [x, ..rest] ->
      case keep(x) {
        True -> do_filter(rest, keep, [x, ..acc])
        False -> do_filter(rest, keep, acc)
      }
  }
}

pub fn filter_map(l: List(a), f: fn(a) -> Result(b, e)) -> List(b) {
  fold(l, [], fn(acc, x) {
    case f(x) {
      Ok(y) -> [y, ..acc]
      Error(_) -> acc
    }
  })
  |> reverse
}

pub fn fold(l: List(a), acc: b, f: fn(b, a) -> b) -> b {
  case l {
    [] -> acc
    [x, ..rest] -> fold(rest, f(acc, x), f)
  }
}

pub fn fold_right(l: List(a), acc: b, f: fn(b, a) -> b) -> b {
  case l {
    [] -> acc
    [x, ..rest] -> f(fold_right(rest, acc, f), x)
  }
}

pub fn each(l: List(a), f: fn(a) -> b) -> Nil {
  case l {
    [] -> Nil
    [x, ..rest] -> {
      f(x)
      each(rest, f)
    }
  }
}

pub fn append(a: List(a), b: List(a)) -> List(a) {
  do_reverse(reverse(a), b)
}

pub fn flatten(l: List(List(a))) -> List(a) {
  fold_right(l, [], fn(acc, x) { append(x, acc) })
}

pub fn flat_map(l: List(a), f: fn(a) -> List(b)) -> List(b) {
  flatten(map(l, f))
}

/// The integers from `start` to `stop`, inclusive, counting up or down.
pub fn range(start: Int, stop: Int) -> List(Int) {
  case start <= stop {
    True -> do_range_up(stop, start, [])
    False -> do_range_down(stop, start, [])
  }
}

fn do_range_up(i: Int, start: Int, acc: List(Int)) -> List(Int) {
  case i < start {
    True -> acc
    False -> do_range_up(i - 1, start, [i, ..acc])
  }
}

fn do_range_down(i: Int, start: Int, acc: List(Int)) -> List(Int) {
  case i > start {
    True -> acc
    False -> do_range_down(i + 1, start, [i, ..acc])
  }
}

pub fn zip(a: List(a), b: List(b)) -> List(#(a, b)) {
  case a, b {
    [x, ..xs], [y, ..ys] -> [#(x, y), ..zip(xs, ys)]
    _, _ -> []
  }
}

pub fn find(l: List(a), pred: fn(a) -> Bool) -> Result(a, Nil) {
  case l {
    [] -> Error(Nil)
    [x, ..rest] ->
      case pred(x) {
        True -> Ok(x)
        False -> find(rest, pred)
      }
  }
}

pub fn key_find(l: List(#(k, v)), key: k) -> Result(v, Nil) {
  case l {
    [] -> Error(Nil)
    [#(k, v), ..] if k == key -> Ok(v)
    [_, ..rest] -> key_find(rest, key)
  }
}

pub fn any(l: List(a), pred: fn(a) -> Bool) -> Bool {
  case l {
    [] -> False
    [x, ..rest] -> pred(x) || any(rest, pred)
  }
}

pub fn all(l: List(a), pred: fn(a) -> Bool) -> Bool {
  case l {
    [] -> True
    [x, ..rest] -> pred(x) && all(rest, pred)
  }
}

pub fn contains(l: List(a), x: a) -> Bool {
  any(l, fn(y) { y == x })
}

pub fn take(l: List(a), n: Int) -> List(a) {
  case n <= 0, l {
    True, _ -> []
    _, [] -> []
    _, [x, ..rest] -> [x, ..take(rest, n - 1)]
  }
}

pub fn drop(l: List(a), n: Int) -> List(a) {
  case n <= 0, l {
    True, _ -> l
    _, [] -> []
    _, [_, ..rest] -> drop(rest, n - 1)
  }
}

pub fn first(l: List(a)) -> Result(a, Nil) {
  case l {
    [] -> Error(Nil)
    [x, ..] -> Ok(x)
  }
}

pub fn last(l: List(a)) -> Result(a, Nil) {
  case l {
    [] -> Error(Nil)
    [x] -> Ok(x)
    [_, ..rest] -> last(rest)
  }
}

pub fn repeat(x: a, n: Int) -> List(a) {
  case n <= 0 {
    True -> []
    False -> [x, ..repeat(x, n - 1)]
  }
}

/// Stable merge sort.
pub fn sort(l: List(a), compare: fn(a, a) -> Order) -> List(a) {
  case l {
    [] -> []
    [_] -> l
    _ -> {
      let #(a, b) = split_half(l, [], [])
      merge(sort(a, compare), sort(b, compare), compare, [])
    }
  }
}

fn split_half(l: List(a), a: List(a), b: List(a)) -> #(List(a), List(a)) {
  case l {
    [] -> #(reverse(a), reverse(b))
    [x] -> #(reverse([x, ..a]), reverse(b))
    [x, y, ..rest] -> split_half(rest, [x, ..a], [y, ..b])
  }
}

fn merge(a: List(a), b: List(a), compare: fn(a, a) -> Order, acc: List(a)) -> List(a) {
  case a, b {
    [], _ -> do_reverse(acc, b)
    _, [] -> do_reverse(acc, a)
    [x, ..xs], [y, ..ys] ->
      case compare(x, y) {
        Gt -> merge(a, ys, compare, [y, ..acc])
        _ -> merge(xs, b, compare, [x, ..acc])
      }
  }
}

pub fn unique(l: List(a)) -> List(a) {
  case l {
    [] -> []
    [x, ..rest] -> [x, ..unique(filter(rest, fn(y) { y != x }))]
  }
}

pub fn partition(l: List(a), pred: fn(a) -> Bool) -> #(List(a), List(a)) {
  #(filter(l, pred), filter(l, fn(x) { !pred(x) }))
}
