//// Lists, recursion, closures, pipelines and `use`.

import tiny/io
import tiny/int
import tiny/list
import tiny/string
import tiny/order
import tiny/result

pub fn main() {
  let nums = list.range(1, 20)
  nums
  |> list.map(fn(x) { x * x })
  |> list.filter(int.is_even)
  |> show
  |> io.println

  io.println(show(list.range(5, -2)))
  io.println(int.to_string(list.fold(nums, 0, fn(acc, x) { acc + x })))
  io.println(show(list.fold_right([1, 2, 3], [], fn(acc, x) { [x * 10, ..acc] })))
  io.println(show(list.reverse(list.take(nums, 5))))
  io.println(show(list.drop(nums, 15)))
  io.println(show(list.flatten([[1, 2], [], [3], [4, 5, 6]])))
  io.println(show(list.flat_map([1, 2, 3], fn(x) { list.repeat(x, x) })))
  io.println(show(list.unique([3, 1, 3, 2, 1, 4])))
  io.println(show(list.sort([5, 2, 9, 1, 5, 6, -3], int.compare)))
  io.println(show(list.sort([5, 2, 9, 1, 5, 6, -3], fn(a, b) { order.reverse(int.compare(a, b)) })))
  io.debug(list.zip([1, 2, 3], ["a", "b", "c", "d"]))
  io.debug(list.find(nums, fn(x) { x > 15 }))
  io.debug(list.find(nums, fn(x) { x > 50 }))
  io.debug(list.key_find([#("a", 1), #("b", 2)], "b"))
  io.debug(#(list.any(nums, fn(x) { x == 7 }), list.all(nums, fn(x) { x > 0 })))
  io.debug(list.partition(nums, fn(x) { x % 3 == 0 }))
  io.debug(list.index_map(["x", "y", "z"], fn(i, s) { #(i, s) }))
  io.debug(#(list.first([]), list.last([1, 2, 3])))

  // closures capturing state
  let adders = list.map([1, 10, 100], fn(n) { fn(x) { x + n } })
  io.println(show(list.map(adders, fn(f) { f(5) })))
  let compose = fn(f, g) { fn(x) { g(f(x)) } }
  let inc_then_double = compose(fn(x) { x + 1 }, fn(x) { x * 2 })
  io.println(int.to_string(inc_then_double(20)))
  let pipeline = list.fold([fn(x) { x + 3 }, fn(x) { x * x }, fn(x) { x - 1 }], fn(x) { x }, compose)
  io.println(int.to_string(pipeline(2)))

  // recursion
  io.println(int.to_string(fib(30)))
  io.println(int.to_string(factorial(30)))
  io.println(show(primes(60)))
  io.println(int.to_string(list.length(list.range(1, 200_000))))
  io.println(int.to_string(sum_body(100_000)))
  io.println(show(hanoi_moves(10) |> list.take(3) |> list.map(fn(m) { m.0 * 10 + m.1 })))
  io.println(int.to_string(list.length(hanoi_moves(16))))
  io.println(show(quicksort([38, 27, 43, 3, 9, 82, 10, 3])))
  io.println(string.join(list.map(permutations([1, 2, 3]), show), " "))

  // use
  io.debug(checked_sum(["1", "2", "3"]))
  io.debug(checked_sum(["1", "x", "3"]))
  let total = {
    use x <- with_value(20)
    use y <- with_value(22)
    x + y
  }
  io.println(int.to_string(total))
  io.debug(int.power(2, 100))
  io.debug(int.to_base_string(255, 2))
}

fn with_value(v: Int, f: fn(Int) -> Int) -> Int {
  f(v)
}

fn checked_sum(strings: List(String)) -> Result(Int, String) {
  use a <- result.then(parse(strings, 0))
  use b <- result.then(parse(strings, 1))
  use c <- result.map(parse(strings, 2))
  a + b + c
}

fn parse(strings: List(String), i: Int) -> Result(Int, String) {
  strings
  |> list.drop(i)
  |> list.first
  |> result.then(int.parse)
  |> result.map_error(fn(_) { "bad input at " <> int.to_string(i) })
}

fn show(l: List(Int)) -> String {
  "[" <> string.join(list.map(l, int.to_string), ", ") <> "]"
}

fn fib(n: Int) -> Int {
  do_fib(n, 0, 1)
}

fn do_fib(n: Int, a: Int, b: Int) -> Int {
  case n {
    0 -> a
    _ -> do_fib(n - 1, b, a + b)
  }
}

fn factorial(n: Int) -> Int {
  case n {
    0 -> 1
    _ -> n * factorial(n - 1)
  }
}

fn sum_body(n: Int) -> Int {
  case n {
    0 -> 0
    _ -> n + sum_body(n - 1)
  }
}

fn primes(n: Int) -> List(Int) {
  sieve(list.range(2, n))
}

fn sieve(l: List(Int)) -> List(Int) {
  case l {
    [] -> []
    [p, ..rest] -> [p, ..sieve(list.filter(rest, fn(x) { x % p != 0 }))]
  }
}

fn hanoi_moves(n: Int) -> List(#(Int, Int)) {
  hanoi(n, 1, 3, 2)
}

fn hanoi(n: Int, from: Int, to: Int, via: Int) -> List(#(Int, Int)) {
  case n {
    0 -> []
    _ ->
      list.append(hanoi(n - 1, from, via, to), [#(from, to), ..hanoi(n - 1, via, to, from)])
  }
}

fn quicksort(l: List(Int)) -> List(Int) {
  case l {
    [] -> []
    [p, ..rest] -> {
      let #(smaller, larger) = list.partition(rest, fn(x) { x < p })
      list.append(quicksort(smaller), [p, ..quicksort(larger)])
    }
  }
}

fn permutations(l: List(Int)) -> List(List(Int)) {
  case l {
    [] -> [[]]
    _ ->
      list.flat_map(l, fn(x) {
        list.map(permutations(list.filter(l, fn(y) { y != x })), fn(p) { [x, ..p] })
      })
  }
}
