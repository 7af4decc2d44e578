//// beamrc's bundled example project: counts word frequencies in an embedded
//// text, then runs a small bank-account simulation with one process per
//// account.

import tiny/io
import tiny/int
import tiny/list
import tiny/string
import tiny/dict
import tiny/option.{None, Some}
import tiny/order
import tiny/process.{Subject}

const text = "It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of
Darkness, it was the spring of hope, it was the winter of despair."

pub fn main() {
  let words = tokenize(text)
  io.println("words: " <> int.to_string(list.length(words)))
  let counts =
    list.fold(words, dict.new(), fn(d, w) {
      dict.update(d, w, fn(old) {
        case old {
          Some(n) -> n + 1
          None -> 1
        }
      })
    })
  io.println("distinct: " <> int.to_string(dict.size(counts)))
  counts
  |> dict.to_list
  |> list.sort(by_count_then_word)
  |> list.take(5)
  |> list.each(fn(pair) { io.println(string.pad_right(pair.0, 8, " ") <> int.to_string(pair.1)) })

  let accounts = list.map(list.range(1, 4), fn(i) { open_account(i * 100) })
  list.range(1, 20)
  |> list.each(fn(i) {
    let from = nth(accounts, i % 4)
    let to = nth(accounts, { i * 3 + 1 } % 4)
    transfer(from, to, i * 5)
  })
  let balances = list.map(accounts, balance)
  io.println("balances: " <> string.join(list.map(balances, int.to_string), " "))
  io.println("total: " <> int.to_string(int.sum(balances)))
}

fn tokenize(s: String) -> List(String) {
  s
  |> string.replace(",", " ")
  |> string.replace(".", " ")
  |> string.replace("\n", " ")
  |> string.lowercase
  |> string.split(" ")
  |> list.filter(fn(w) { w != "" })
}

fn by_count_then_word(a: #(String, Int), b: #(String, Int)) -> order.Order {
  case int.compare(b.1, a.1) {
    order.Eq -> compare_strings(a.0, b.0)
    other -> other
  }
}

@external(erlang, "erlang", "<")
fn less(a: String, b: String) -> Bool

fn compare_strings(a: String, b: String) -> order.Order {
  case a == b, less(a, b) {
    True, _ -> order.Eq
    _, True -> order.Lt
    _, False -> order.Gt
  }
}

fn nth(l: List(a), i: Int) -> a {
  let assert [x, ..] = list.drop(l, i)
  x
}

pub type Msg {
  Deposit(Int)
  Withdraw(amount: Int, reply: Subject(Bool))
  Balance(reply: Subject(Int))
}

fn open_account(initial: Int) -> Subject(Msg) {
  let setup = process.new_subject()
  process.start(fn() {
    let inbox = process.new_subject()
    process.send(setup, inbox)
    account(inbox, initial)
  })
  let assert Ok(inbox) = process.receive(setup, 1000)
  inbox
}

fn account(inbox: Subject(Msg), balance: Int) -> Nil {
  case process.receive(inbox, 10_000) {
    Ok(Deposit(n)) -> account(inbox, balance + n)
    Ok(Withdraw(n, reply)) ->
      case n <= balance {
        True -> {
          process.send(reply, True)
          account(inbox, balance - n)
        }
        False -> {
          process.send(reply, False)
          account(inbox, balance)
        }
      }
    Ok(Balance(reply)) -> {
      process.send(reply, balance)
      account(inbox, balance)
    }
    Error(Nil) -> Nil
  }
}

fn transfer(from: Subject(Msg), to: Subject(Msg), amount: Int) -> Nil {
  let reply = process.new_subject()
  process.send(from, Withdraw(amount, reply))
  case process.receive(reply, 1000) {
    Ok(True) -> process.send(to, Deposit(amount))
    _ -> Nil
  }
}

fn balance(acc: Subject(Msg)) -> Int {
  let reply = process.new_subject()
  process.send(acc, Balance(reply))
  let assert Ok(b) = process.receive(reply, 1000)
  b
}
