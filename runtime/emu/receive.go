package emu

import (
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// message is a message in a mailbox. Its term lives in frag (nil for an
// immediate) until the receiver takes it with remove_message, which
// attaches the fragment to the receiver's heap. Until then the collector
// does not see the fragment's words, and does not need to: they are not
// in any from-space, and the fragment keeps them alive.
type message struct {
	t    term.Term
	frag *heap.Fragment
}

// newMessage copies t into a fragment of its own.
func newMessage(t term.Term) message {
	if t.IsImmediate() || t == term.Nil {
		return message{t: t}
	}
	f := &heap.Fragment{}
	return message{t: heap.Copy(f, t), frag: f}
}

// sendTerm sends a copy of t to p. While p is not running (always, with
// one scheduler, unless p sends to itself) the copy goes straight onto
// p's heap: no fragment to attach, no collection forced by one. Messages
// on p's heap are GC roots of p (see roots). A running receiver gets the
// message in a fragment of its own.
func (s *System) sendTerm(p *Process, t term.Term) {
	if t.IsImmediate() || t == term.Nil {
		s.deliver(p, message{t: t})
		return
	}
	p.mu.Lock()
	if p.status == statusExited {
		p.mu.Unlock()
		return
	}
	if p.status != statusRunning || p == s.current {
		m := message{t: heap.Copy(p.Heap, t)}
		p.msgs = append(p.msgs, m)
		wake := p.status == statusWaiting && !p.sleeping
		if wake {
			p.status = statusRunnable
		}
		p.mu.Unlock()
		if wake {
			s.sched.enqueue(p)
		}
		return
	}
	p.mu.Unlock()
	s.deliver(p, newMessage(t))
}

// deliver appends a message to p's mailbox and wakes p if it waits.
func (s *System) deliver(p *Process, m message) {
	p.mu.Lock()
	if p.status == statusExited {
		p.mu.Unlock()
		return
	}
	p.msgs = append(p.msgs, m)
	wake := p.status == statusWaiting && !p.sleeping
	if wake {
		p.status = statusRunnable
	}
	p.mu.Unlock()
	if wake {
		s.sched.enqueue(p)
	}
}

// Send sends msg to the process with pid to; sending to a process that
// no longer exists does nothing, as in Erlang.
func (s *System) Send(to term.Term, msg term.Term) {
	if q := s.process(to); q != nil {
		s.sendTerm(q, msg)
	}
}

// sendOp implements send/2 and the send instruction: dest is a pid, a
// registered name or {Name, Node}. It returns msg, or NonValue after
// raising badarg for an unregistered name.
func (p *Process) sendOp(dest, msg term.Term) term.Term {
	s := p.sys
	var q *Process
	switch {
	case dest.IsPid():
		q = s.process(dest)
		if q == nil {
			return msg
		}
	case dest.IsAtom():
		q = s.whereis(dest)
		if q == nil {
			return p.Badarg()
		}
	case dest.IsTuple() && dest.TupleArity() == 2 && dest.Word(1).IsAtom():
		q = s.whereis(dest.Word(1))
		if q == nil {
			return msg
		}
	default:
		return p.Badarg()
	}
	s.sendTerm(q, msg)
	return msg
}

// peekMessage returns the message at the receive cursor.
func (p *Process) peekMessage() (term.Term, bool) {
	p.mu.Lock()
	m := term.NonValue
	if p.cursor < len(p.msgs) {
		m = p.msgs[p.cursor].t
	}
	p.mu.Unlock()
	return m, m != term.NonValue
}

// removeMessage takes the message at the cursor out of the mailbox (the
// receive matched it) and ends the receive.
func (p *Process) removeMessage() {
	p.mu.Lock()
	i := p.cursor
	m := p.msgs[i]
	switch {
	case len(p.msgs) == 1:
		// The usual mailbox of one: emptied in place, so that the next
		// message reuses the array instead of growing a new one.
		p.msgs[0] = message{}
		p.msgs = p.msgs[:0]
	case i == 0:
		p.msgs[0] = message{}
		p.msgs = p.msgs[1:]
	default:
		copy(p.msgs[i:], p.msgs[i+1:])
		p.msgs[len(p.msgs)-1] = message{}
		p.msgs = p.msgs[:len(p.msgs)-1]
	}
	p.cursor = 0
	for k := range p.markers {
		if p.markers[k].pos > i {
			p.markers[k].pos--
		}
	}
	p.mu.Unlock()
	if m.frag != nil {
		p.Heap.Attach(m.frag)
	}
	p.cancelReceiveTimer()
	p.timedOut = false
}

// waitTimeout implements wait_timeout: it returns where to continue and
// whether to suspend first; ok is false for a bad timeout value.
func (p *Process) waitTimeout(in *instr, pc int) (next int, wait bool, ok bool) {
	if p.timedOut {
		p.timedOut = false
		return pc + 1, false, true
	}
	t := p.load(&in.a)
	if t == term.Infinity {
		return int(in.fail), true, true
	}
	var ms int64
	switch {
	case t.IsSmall():
		ms = t.SmallValue()
		if ms < 0 {
			return 0, false, false
		}
	case t.IsBig() && !t.BigNegative():
		ms = 1 << 50
	default:
		return 0, false, false
	}
	if ms == 0 {
		return pc + 1, false, true
	}
	if p.timer == nil {
		p.timer = p.sys.sched.addTimer(&timer{proc: p, ms: ms})
	}
	p.timeoutPC = pc + 1
	return int(in.fail), true, true
}

// timeoutDone is the timeout instruction: the receive ended by timing out.
func (p *Process) timeoutDone() {
	p.cursor = 0
	p.timedOut = false
	p.cancelReceiveTimer()
}

func (p *Process) cancelReceiveTimer() {
	if p.timer != nil {
		p.sys.sched.cancelTimer(p.timer)
		p.timer = nil
	}
}

// MessageQueueLen returns the number of messages in p's mailbox.
func (p *Process) MessageQueueLen() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.msgs)
}

// Receive markers (OTP 24+): a receive that waits for a reply carrying a
// fresh reference skips the messages that were in the mailbox before the
// reference existed, since none of them can match. recv_marker_reserve
// records the mailbox length, recv_marker_bind ties it to the reference,
// recv_marker_use starts the receive there.

type recvMarker struct {
	refID uint64
	pos   int
}

const maxMarkers = 8

func (p *Process) markerReserve() term.Term {
	p.mu.Lock()
	n := len(p.msgs)
	p.mu.Unlock()
	return term.MakeSmall(int64(n))
}

func (p *Process) markerBind(marker, ref term.Term) {
	if !marker.IsSmall() || !ref.IsRef() {
		return
	}
	if len(p.markers) == maxMarkers {
		p.markers = append(p.markers[:0], p.markers[1:]...)
	}
	p.markers = append(p.markers, recvMarker{ref.RefID(), int(marker.SmallValue())})
}

func (p *Process) markerUse(ref term.Term) {
	if !ref.IsRef() {
		return
	}
	id := ref.RefID()
	for _, m := range p.markers {
		if m.refID == id {
			p.mu.Lock()
			if p.cursor < m.pos && m.pos <= len(p.msgs) {
				p.cursor = m.pos
			}
			p.mu.Unlock()
			return
		}
	}
}

func (p *Process) markerClear(ref term.Term) {
	if !ref.IsRef() {
		return
	}
	id := ref.RefID()
	for k, m := range p.markers {
		if m.refID == id {
			p.markers = append(p.markers[:k], p.markers[k+1:]...)
			return
		}
	}
}
