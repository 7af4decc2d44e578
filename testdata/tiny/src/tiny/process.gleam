//// Processes and message passing (through tiny_ffi).

pub type Pid

pub type Reference

/// A typed mailbox: messages sent to a subject are received only by
/// receiving on that subject (a selective receive on a unique reference).
pub type Subject(msg)

pub type ExitReason

@external(erlang, "tiny_ffi", "self")
pub fn self() -> Pid

@external(erlang, "tiny_ffi", "spawn")
pub fn start(f: fn() -> a) -> Pid

@external(erlang, "tiny_ffi", "spawn_link")
pub fn start_link(f: fn() -> a) -> Pid

/// A new subject owned by the calling process.
@external(erlang, "tiny_ffi", "new_subject")
pub fn new_subject() -> Subject(msg)

@external(erlang, "tiny_ffi", "subject_owner")
pub fn owner(s: Subject(msg)) -> Pid

@external(erlang, "tiny_ffi", "send")
pub fn send(s: Subject(msg), msg: msg) -> Nil

@external(erlang, "tiny_ffi", "receive_subject")
pub fn receive(s: Subject(msg), within timeout: Int) -> Result(msg, Nil)

@external(erlang, "tiny_ffi", "send_after")
pub fn send_after(s: Subject(msg), ms: Int, msg: msg) -> Nil

@external(erlang, "tiny_ffi", "sleep")
pub fn sleep(ms: Int) -> Nil

@external(erlang, "tiny_ffi", "monitor")
pub fn monitor(p: Pid) -> Reference

@external(erlang, "tiny_ffi", "receive_down")
pub fn receive_down(r: Reference, within timeout: Int) -> Result(ExitReason, Nil)

@external(erlang, "tiny_ffi", "trap_exits")
pub fn trap_exits(b: Bool) -> Nil

@external(erlang, "tiny_ffi", "receive_exit")
pub fn receive_exit(within timeout: Int) -> Result(ExitReason, Nil)

@external(erlang, "tiny_ffi", "kill")
pub fn kill(p: Pid) -> Nil
