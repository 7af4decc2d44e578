package emu

import (
	"github.com/beamrc/beamrc/runtime/term"
)

// monitor is one side of a process monitor: the reference and the pid of
// the process at the other end.
type monitor struct {
	refID uint64    // the reference's id (term.RefWithID rebuilds it)
	other term.Term // pid
}

// link makes a bidirectional link between two live processes.
func link(a, b *Process) {
	if a == b {
		return
	}
	for _, q := range a.links {
		if q == b {
			return
		}
	}
	a.links = append(a.links, b)
	b.links = append(b.links, a)
}

func unlinkOne(a, b *Process) {
	for i, q := range a.links {
		if q == b {
			a.links = append(a.links[:i], a.links[i+1:]...)
			return
		}
	}
}

// exitSignal delivers an exit signal with reason from process from to
// process to (from a link when viaLink, else from exit/2).
func (s *System) exitSignal(from, to *Process, reason term.Term, viaLink bool) {
	s.exitSignalFrom(from.Self, to, reason, viaLink)
}

func (s *System) exitSignalFrom(fromPid term.Term, to *Process, reason term.Term, viaLink bool) {
	if to.status == statusExited {
		return
	}
	if reason == term.Kill && !viaLink {
		s.kill(to, term.Killed)
		return
	}
	if to.trapExit {
		s.sendTerm(to, exitMessage(fromPid, reason))
		return
	}
	if reason == term.Normal && (viaLink || fromPid != to.Self) {
		return
	}
	if reason == term.Kill {
		reason = term.Killed
	}
	s.kill(to, reason)
}

// exitMessage builds {'EXIT', From, Reason} in a scratch fragment (it is
// copied into the receiver's message fragment).
func exitMessage(from, reason term.Term) term.Term {
	var f scratchAlloc
	return term.NewTuple(&f, term.AtomEXIT, from, reason)
}

// kill makes p exit with reason as soon as the scheduler gets to it. The
// reason is copied, since it may live on another process's heap.
func (s *System) kill(p *Process, reason term.Term) {
	m := newMessage(reason)
	if m.frag != nil {
		p.Heap.Attach(m.frag)
	}
	p.killReason = m.t
	s.wakeForSignal(p)
}

// sendDown delivers {'DOWN', Ref, process, Pid, Reason} to watcher.
func (s *System) sendDown(watcher *Process, refID uint64, pid, reason term.Term) {
	var f scratchAlloc
	ref := term.RefWithID(&f, refID)
	msg := term.NewTuple(&f, term.AtomDOWN, ref, term.AtomProcess, pid, reason)
	s.sendTerm(watcher, msg)
}

func (p *Process) removeMonitoredBy(refID uint64) {
	for i, m := range p.monitoredBy {
		if m.refID == refID {
			p.monitoredBy = append(p.monitoredBy[:i], p.monitoredBy[i+1:]...)
			return
		}
	}
}

func (p *Process) removeMonitor(refID uint64) (monitor, bool) {
	for i, m := range p.monitors {
		if m.refID == refID {
			p.monitors = append(p.monitors[:i], p.monitors[i+1:]...)
			return m, true
		}
	}
	return monitor{}, false
}

// scratchAlloc is a throwaway allocator for terms that are copied right
// away (message envelopes built by the runtime).
type scratchAlloc struct{ words []uint64 }

func (a *scratchAlloc) Alloc(n int) []uint64 {
	if len(a.words) < n {
		a.words = make([]uint64, max(n, 64))
	}
	w := a.words[:n:n]
	a.words = a.words[n:]
	return w
}

func (a *scratchAlloc) KeepAlive(b []byte) uint64 { return 0 }
