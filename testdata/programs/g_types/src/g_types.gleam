//// Custom types, record update, pattern matching with guards, tuples,
//// Result and Option.

import tiny/io
import tiny/int
import tiny/float
import tiny/list
import tiny/string
import tiny/option.{None, Option, Some}
import tiny/result

pub type Shape {
  Circle(radius: Float)
  Rect(width: Float, height: Float)
  Triangle(a: Float, b: Float, c: Float)
}

pub type Employee {
  Employee(name: String, age: Int, role: Role, manager: Option(String))
}

pub type Role {
  Engineer(level: Int)
  Manager
  Intern
}

pub type Tree(a) {
  Leaf
  Node(left: Tree(a), value: a, right: Tree(a))
}

pub type ParseError {
  Empty
  NotANumber(String)
  Negative(Int)
}

pub fn main() {
  let shapes = [Circle(1.0), Rect(2.0, 3.5), Triangle(3.0, 4.0, 5.0), Circle(radius: 2.5)]
  list.each(shapes, fn(s) { io.println(describe(s) <> " area " <> float.to_string(area(s))) })

  let ann = Employee(name: "Ann", age: 34, role: Engineer(2), manager: Some("Bob"))
  let promoted = Employee(..ann, role: Engineer(3))
  let older = Employee(..promoted, age: promoted.age + 1, manager: None)
  io.debug(ann)
  io.debug(promoted)
  io.debug(older)
  io.println(title(older))
  io.println(title(Employee("Bob", 50, Manager, None)))
  io.println(title(Employee("Cy", 19, Intern, Some("Ann"))))
  io.println(option.unwrap(ann.manager, "nobody") <> " manages " <> ann.name)

  let tree = list.fold([5, 3, 8, 1, 4, 7, 9, 2, 6], Leaf, insert)
  io.debug(to_list(tree))
  io.println("depth " <> int.to_string(depth(tree)))
  io.println("contains 4: " <> bool(contains(tree, 4)) <> ", contains 10: " <> bool(contains(tree, 10)))

  list.each(["42", "", "abc", "-7", "1000"], fn(s) { io.println(s <> " -> " <> show_parse(parse_positive(s))) })

  let pair = #(1, "one", 1.5)
  io.debug(pair)
  io.println(pair.1 <> " " <> int.to_string(pair.0) <> " " <> float.to_string(pair.2))
  let #(a, b) = swap(#("left", 2))
  io.debug(#(a, b))

  list.each([0, 1, 2, 15, 30, -4, 99], fn(n) { io.println(int.to_string(n) <> ": " <> classify(n)) })
  list.each([[], [1], [1, 2], [3, 2, 1], [1, 2, 3, 4]], fn(l) { io.println(list_shape(l)) })

  let sum =
    [Ok(1), Error("bad"), Ok(5), Ok(10), Error("worse")]
    |> list.filter_map(fn(r) { result.map(r, fn(x) { x * 2 }) })
    |> int.sum
  io.println("sum of oks doubled: " <> int.to_string(sum))
  io.debug(result.then(Ok(3), fn(x) { Error(x + 1) }))
  io.debug(option.map(Some(2), fn(x) { x * 10 }))
  io.debug(Some(Node(Leaf, 1, Leaf)))
  io.debug([Ok(Nil), Error(Empty), Error(NotANumber("x"))])
  io.debug(Circle(1.0) == Circle(1.0))
  io.debug(Rect(1.0, 2.0) == Rect(2.0, 1.0))
}

fn bool(b: Bool) -> String {
  case b {
    True -> "yes"
    False -> "no"
  }
}

fn area(s: Shape) -> Float {
  case s {
    Circle(r) -> 3.14159 *. r *. r
    Rect(w, h) -> w *. h
    Triangle(a, b, c) -> {
      let p = { a +. b +. c } /. 2.0
      float.square_root(p *. { p -. a } *. { p -. b } *. { p -. c })
    }
  }
}

fn describe(s: Shape) -> String {
  case s {
    Circle(radius: r) if r >. 2.0 -> "big circle"
    Circle(..) -> "circle"
    Rect(w, h) if w == h -> "square"
    Rect(..) -> "rectangle"
    Triangle(..) -> "triangle"
  }
}

fn title(e: Employee) -> String {
  case e {
    Employee(role: Engineer(level), age: age, ..) if level >= 3 && age > 30 ->
      "Senior engineer " <> e.name
    Employee(role: Engineer(level), ..) -> "Engineer L" <> int.to_string(level) <> " " <> e.name
    Employee(role: Manager, name: name, ..) -> "Manager " <> name
    Employee(role: Intern, manager: Some(m), ..) -> "Intern " <> e.name <> " (reports to " <> m <> ")"
    Employee(role: Intern, manager: None, ..) -> "Intern " <> e.name
  }
}

fn insert(tree: Tree(Int), x: Int) -> Tree(Int) {
  case tree {
    Leaf -> Node(Leaf, x, Leaf)
    Node(l, v, r) if x < v -> Node(insert(l, x), v, r)
    Node(l, v, r) if x > v -> Node(l, v, insert(r, x))
    _ -> tree
  }
}

fn to_list(tree: Tree(a)) -> List(a) {
  case tree {
    Leaf -> []
    Node(l, v, r) -> list.append(to_list(l), [v, ..to_list(r)])
  }
}

fn depth(tree: Tree(a)) -> Int {
  case tree {
    Leaf -> 0
    Node(l, _, r) -> 1 + int.max(depth(l), depth(r))
  }
}

fn contains(tree: Tree(Int), x: Int) -> Bool {
  case tree {
    Leaf -> False
    Node(_, v, _) if v == x -> True
    Node(l, v, _) if x < v -> contains(l, x)
    Node(_, _, r) -> contains(r, x)
  }
}

fn parse_positive(s: String) -> Result(Int, ParseError) {
  case s {
    "" -> Error(Empty)
    _ ->
      case int.parse(s) {
        Error(Nil) -> Error(NotANumber(s))
        Ok(n) if n < 0 -> Error(Negative(n))
        Ok(n) -> Ok(n)
      }
  }
}

fn show_parse(r: Result(Int, ParseError)) -> String {
  case r {
    Ok(n) -> "ok " <> int.to_string(n)
    Error(Empty) -> "error: empty"
    Error(NotANumber(s)) -> "error: not a number: " <> string.inspect(s)
    Error(Negative(n)) -> "error: negative " <> int.to_string(n)
  }
}

fn swap(pair: #(a, b)) -> #(b, a) {
  #(pair.1, pair.0)
}

fn classify(n: Int) -> String {
  case n {
    0 -> "zero"
    n if n < 0 -> "negative"
    n ->
      case n % 3, n % 5 {
        0, 0 -> "fizzbuzz"
        0, _ -> "fizz"
        _, 0 -> "buzz"
        _, _ -> "number"
      }
  }
}

fn list_shape(l: List(Int)) -> String {
  case l {
    [] -> "empty"
    [x] -> "one: " <> int.to_string(x)
    [x, y] -> "two: " <> int.to_string(x + y)
    [x, _, z] if x > z -> "three, descending"
    [first, ..rest] -> "many, first " <> int.to_string(first) <> ", rest " <> int.to_string(list.length(rest))
  }
}
