//// Processes, message passing, monitors and timers through tiny's FFI.

import tiny/io
import tiny/int
import tiny/list
import tiny/string
import tiny/process.{Subject}

pub type Request {
  Add(Int)
  Get(reply: Subject(Int))
  Stop
}

pub fn main() {
  // a counter process
  let setup = process.new_subject()
  process.start(fn() { counter_init(setup) })
  let assert Ok(counter) = process.receive(setup, 1000)
  list.each(list.range(1, 100), fn(i) { process.send(counter, Add(i)) })
  let reply = process.new_subject()
  process.send(counter, Get(reply))
  io.debug(process.receive(reply, 1000))

  // workers, results collected in a fixed order
  let subjects =
    list.map(list.range(1, 10), fn(i) {
      let s = process.new_subject()
      process.start(fn() { process.send(s, i * i * i) })
      s
    })
  let results = list.map(subjects, fn(s) { process.receive(s, 1000) })
  io.debug(results)

  // a ring of processes passing a token
  io.println("ring: " <> int.to_string(ring(50, 3)))

  // selective receive on subjects: the later subject is read first
  let a = process.new_subject()
  let b = process.new_subject()
  process.send(a, "first to a")
  process.send(b, "first to b")
  process.send(a, "second to a")
  io.debug(process.receive(b, 0))
  io.debug(process.receive(a, 0))
  io.debug(process.receive(a, 0))
  io.debug(process.receive(a, 0))

  // timeouts and timers
  let t = process.new_subject()
  io.debug(process.receive(t, 10))
  process.send_after(t, 30, "late")
  process.send_after(t, 10, "early")
  io.debug(process.receive(t, 1000))
  io.debug(process.receive(t, 1000))

  // monitors
  let pid = process.start(fn() { process.sleep(5) })
  let ref = process.monitor(pid)
  io.debug(process.receive_down(ref, 1000))
  let crasher = process.start(fn() { panic })
  let ref2 = process.monitor(crasher)
  let assert Ok(reason) = process.receive_down(ref2, 1000)
  io.println("crasher went down: " <> string.slice(string.inspect(reason), 0, 30))

  // links with trapped exits
  process.trap_exits(True)
  process.start_link(fn() { Nil })
  io.debug(process.receive_exit(1000))
  let victim = process.start_link(fn() { process.sleep(100_000) })
  process.kill(victim)
  io.debug(process.receive_exit(1000))
  process.trap_exits(False)

  counter_stop(counter)
  io.println("done")
}

fn counter_init(setup: Subject(Subject(Request))) {
  let inbox = process.new_subject()
  process.send(setup, inbox)
  counter_loop(inbox, 0)
}

fn counter_loop(inbox: Subject(Request), total: Int) -> Nil {
  case process.receive(inbox, 5000) {
    Ok(Add(n)) -> counter_loop(inbox, total + n)
    Ok(Get(reply)) -> {
      process.send(reply, total)
      counter_loop(inbox, total)
    }
    Ok(Stop) -> Nil
    Error(Nil) -> Nil
  }
}

fn counter_stop(counter: Subject(Request)) {
  process.send(counter, Stop)
}

/// n - 1 relay processes and main form a ring; the token goes round `laps`
/// times and every relay adds one to it.
fn ring(n: Int, laps: Int) -> Int {
  let home = process.new_subject()
  let head = list.fold(list.range(1, n - 1), home, fn(next, _) { spawn_relay(next) })
  go_round(head, home, 0, laps)
}

fn go_round(head: Subject(Int), home: Subject(Int), token: Int, laps: Int) -> Int {
  case laps {
    0 -> token
    _ -> {
      process.send(head, token)
      let assert Ok(token) = process.receive(home, 1000)
      go_round(head, home, token, laps - 1)
    }
  }
}

fn spawn_relay(next: Subject(Int)) -> Subject(Int) {
  let setup = process.new_subject()
  process.start(fn() {
    let inbox = process.new_subject()
    process.send(setup, inbox)
    relay(inbox, next)
  })
  let assert Ok(inbox) = process.receive(setup, 1000)
  inbox
}

fn relay(inbox: Subject(Int), next: Subject(Int)) -> Nil {
  case process.receive(inbox, 1000) {
    Ok(token) -> {
      process.send(next, token + 1)
      relay(inbox, next)
    }
    Error(Nil) -> Nil
  }
}
