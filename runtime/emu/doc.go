// Package emu is the Erlang runtime system proper: loaded code, processes,
// the scheduler, the interpreter, exceptions, and the table of built-in
// functions (BIFs).
//
// # Code
//
// A System holds modules by name (load.go). Link translates every module
// once (translate.go) into the system's single instruction array: labels
// become code indices, operands are decoded (x/y registers, constants as
// terms, literals materialized in heap.Literals), calls to other modules
// bind directly to their code index or to the BIF's Go function, select_val
// becomes a sorted table or a jump table, and common instruction pairs are
// fused. A call to a function that exists nowhere stays late-bound and
// raises undef when reached. Each generic instruction becomes at most one
// translated one, so label positions are known before translating; an
// unsupported instruction is a LoadError naming the module, function and
// opcode.
//
// # Processes and the interpreter
//
// interp.go runs a process until it yields (4000 reductions; every call
// and return costs one), waits in a receive, or ends. x registers are an
// array in the Process; y registers and continuation pointers share a
// stack (see stack.go for the frame layout: a CP is a code index shifted
// left two bits, a header-tagged word the collector skips; catch markers
// are term.MakeCatch of the handler's code index). The interpreter never
// keeps a heap term in a Go variable across a safe point: test_heap,
// allocate, gc_bif, put_map_*, bs_create_bin and bs_start_match collect
// when the heap has no room, with the live x registers, the stack, the
// dictionary, the mailbox, the exception and the BIF arguments as roots.
//
// Exceptions (exceptions.go, stacktrace.go) unwind to the innermost catch
// marker; the stack trace is built when the exception is raised, OTP's
// shape, depth 8, with file and line from the Line chunk.
//
// Messages (receive.go) to a process that is not running are copied onto
// its heap; otherwise into a heap.Fragment that remove_message attaches.
// The scheduler (scheduler.go) is one goroutine with a locked run queue
// and timer heap, so that several can share the work later.
//
// # BIFs
//
// BIFs are Go functions registered by name; most live in runtime/bif and
// register themselves with Register. Those that need the emulator's
// internals (processes, links, monitors, timers, apply, exceptions, halt,
// the code server, proc_lib's spawns) are in bif_process.go and timers.go
// and are registered as intrinsics: another registration of the same MFA
// is ignored. A BIF that must do what a Go function cannot (call Erlang
// code, yield, sleep, end the process) sets a trap for the interpreter
// (calls.go). Library functions that call funs (lists:map/2 and the like)
// are written in Erlang instead, in runtime/otp, and run in the
// interpreter like any other module.
package emu
