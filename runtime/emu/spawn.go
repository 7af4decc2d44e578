package emu

import (
	"fmt"

	"github.com/beamrc/beamrc/runtime/format"

	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// SpawnOpts are the options of spawn_opt that beamrc honours.
type SpawnOpts struct {
	Link    bool
	Monitor bool // the caller gets a monitor; see spawnMonitor
}

// newProcess makes a process that will start by applying its x0..x2 at
// entry; the caller fills the registers.
func (s *System) newProcess(parent *Process) *Process {
	s.mu.Lock()
	id := s.nextPid
	s.nextPid++
	s.mu.Unlock()
	p := &Process{
		ID:          id,
		Self:        term.MakePid(id),
		Heap:        heap.New(),
		sys:         s,
		stack:       make([]term.Term, 64),
		registered:  term.NonValue,
		exitReason:  term.NonValue,
		groupLeader: term.NonValue,
	}
	p.clearException()
	if parent != nil {
		p.groupLeader = parent.groupLeader
	}
	s.mu.Lock()
	s.procs[id] = p
	s.mu.Unlock()
	return p
}

// spawnApply starts a process running apply(mod, fun, args); args is
// copied from the caller's heap.
func (s *System) spawnApply(parent *Process, mod, fun, args term.Term, opts SpawnOpts) *Process {
	p := s.newProcess(parent)
	p.x[0], p.x[1] = mod, fun
	p.x[2] = heap.Copy(p.Heap, args)
	p.initialCall = MFA{mod, fun, term.ListLength(args)}
	p.push(makeCP(pcExit))
	p.pc = pcApply3
	s.start(parent, p, opts)
	return p
}

// spawnFun starts a process running Fun().
func (s *System) spawnFun(parent *Process, fun term.Term, opts SpawnOpts) *Process {
	p := s.newProcess(parent)
	p.x[0] = heap.Copy(p.Heap, fun)
	p.x[1] = term.Nil
	p.startedByFun = true
	if fun.IsClosure() {
		info := fun.FunInfo()
		p.initialCall = MFA{info.Module, info.Name, info.Arity}
	}
	p.push(makeCP(pcExit))
	p.pc = pcApply2
	s.start(parent, p, opts)
	return p
}

func (s *System) start(parent, p *Process, opts SpawnOpts) {
	if opts.Link && parent != nil {
		link(parent, p)
	}
	p.status = statusRunnable
	s.sched.enqueue(p)
}

// process returns the live process with pid t, or nil.
func (s *System) process(t term.Term) *Process {
	if !t.IsPid() {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.procs[t.PidID()]
}

// whereis returns the process registered as name, or nil.
func (s *System) whereis(name term.Term) *Process {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.registry[name]
}

// terminate ends p with reason: it leaves the process table, and its
// links and monitors get their signals.
func (s *System) terminate(p *Process, reason term.Term) {
	p.mu.Lock()
	if p.status == statusExited {
		p.mu.Unlock()
		return
	}
	p.status = statusExited
	msgs := p.msgs
	p.msgs = nil
	p.mu.Unlock()
	_ = msgs
	p.cancelReceiveTimer()
	s.mu.Lock()
	delete(s.procs, p.ID)
	if p.registered != term.NonValue {
		delete(s.registry, p.registered)
		p.registered = term.NonValue
	}
	s.mu.Unlock()

	if p.entry {
		s.mainExited(p, reason)
	} else if p.crashed && isCrash(reason) {
		s.reportCrash(p, reason)
	}
	for _, q := range p.links {
		unlinkOne(q, p)
		s.exitSignal(p, q, reason, true)
	}
	p.links = nil
	for _, m := range p.monitors {
		if q := s.process(m.other); q != nil {
			q.removeMonitoredBy(m.refID)
		}
	}
	p.monitors = nil
	for _, m := range p.monitoredBy {
		if q := s.process(m.other); q != nil {
			s.sendDown(q, m.refID, p.Self, reason)
		}
	}
	p.monitoredBy = nil
	p.dict = nil
}

// isCrash reports exit reasons that OTP reports as crashes: anything but
// normal, shutdown and {shutdown, _}, and kill-related ones.
func isCrash(reason term.Term) bool {
	switch reason {
	case term.Normal, term.Killed, term.Intern("shutdown"):
		return false
	}
	if reason.IsTuple() && reason.TupleArity() == 2 && reason.Word(1) == term.Intern("shutdown") {
		return false
	}
	return true
}

// reportCrash writes OTP's "Error in process" report to stderr.
func (s *System) reportCrash(p *Process, reason term.Term) {
	Flush()
	fmt.Fprintf(s.Stderr, "=ERROR REPORT==== Error in process %s with exit value:\n%s\n\n", pidString(p.Self), FormatTerm(reason))
}

// FormatTerm prints a term for runtime reports (crash reports, errors of
// beamrc itself).
var FormatTerm = format.Write
