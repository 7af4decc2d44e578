package emu

import (
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// proc_lib:spawn/1,3 and spawn_link/1,3. OTP starts such a process in
// proc_lib:init_p, which records who started it and what it runs in the
// process dictionary and then calls the function. beamrc starts the
// function directly with the same observable state:
//
//   - '$ancestors' is [Parent | the parent's '$ancestors'], the parent
//     named by its registered name when it has one;
//   - '$initial_call' is {Module, Function, Arity} of the function (for a
//     fun, the function the compiler generated for it);
//   - process_info(Pid, initial_call) is {proc_lib, init_p, 3} (OTP's
//     init_p/3 for funs; init_p/5 for spawn/3 is shown as init_p/5).
//
// A proc_lib process that crashes exits with the same reason as a plain
// one; OTP's proc_lib also logs a crash report, which beamrc reports
// like any other process crash.
func init() {
	registerIntrinsic("proc_lib", "spawn", 1, func(p *Process, a []term.Term) term.Term {
		return procLibSpawnFun(p, a[0], false)
	})
	registerIntrinsic("proc_lib", "spawn_link", 1, func(p *Process, a []term.Term) term.Term {
		return procLibSpawnFun(p, a[0], true)
	})
	registerIntrinsic("proc_lib", "spawn", 3, func(p *Process, a []term.Term) term.Term {
		return procLibSpawnMFA(p, a[0], a[1], a[2], false)
	})
	registerIntrinsic("proc_lib", "spawn_link", 3, func(p *Process, a []term.Term) term.Term {
		return procLibSpawnMFA(p, a[0], a[1], a[2], true)
	})
}

var (
	atomAncestors   = term.Intern("$ancestors")
	atomInitialCall = term.Intern("$initial_call")
)

func procLibSpawnFun(p *Process, fun term.Term, link bool) term.Term {
	if !fun.IsFun() {
		return p.Error(term.FunctionClause)
	}
	var m, f term.Term
	if fun.IsClosure() {
		info := fun.FunInfo()
		m, f = info.Module, info.Name
	} else {
		m, f, _ = fun.ExportMFA()
	}
	q := p.sys.newProcess(p)
	q.x[0] = heap.Copy(q.Heap, fun)
	q.x[1] = term.Nil
	q.initialCall = MakeMFA("proc_lib", "init_p", 3)
	procLibDict(p, q, m, f, fun.FunArity())
	q.push(makeCP(pcExit))
	q.pc = pcApply2
	p.sys.start(p, q, SpawnOpts{Link: link})
	return q.Self
}

func procLibSpawnMFA(p *Process, m, f, args term.Term, link bool) term.Term {
	n := term.ListLength(args)
	if !m.IsAtom() || !f.IsAtom() || n < 0 {
		return p.Error(term.FunctionClause)
	}
	q := p.sys.newProcess(p)
	q.x[0], q.x[1] = m, f
	q.x[2] = heap.Copy(q.Heap, args)
	q.initialCall = MakeMFA("proc_lib", "init_p", 5)
	procLibDict(p, q, m, f, n)
	q.push(makeCP(pcExit))
	q.pc = pcApply3
	p.sys.start(p, q, SpawnOpts{Link: link})
	return q.Self
}

// procLibDict gives the new process q (not started yet) the dictionary
// entries proc_lib:init_p puts there.
func procLibDict(parent, q *Process, m, f term.Term, arity int) {
	name := parent.Self
	if parent.registered != term.NonValue {
		name = parent.registered
	}
	older, ok := parent.DictGet(atomAncestors)
	if !ok {
		older = term.Nil
	}
	ancestors := term.Cons(q.Heap, name, heap.Copy(q.Heap, older))
	call := term.Tuple3(q.Heap, m, f, term.MakeSmall(int64(arity)))
	q.dict = append(q.dict, atomAncestors, ancestors, atomInitialCall, call)
}
