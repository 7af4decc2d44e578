package emu

import (
	"time"

	"github.com/beamrc/beamrc/runtime/term"
)

// Timer messages: erlang:send_after/3,4 and start_timer/3,4 copy the
// message into a fragment when the timer is set and deliver it when the
// timer fires; cancel_timer/1,2 and read_timer/1 find the timer by its
// reference.

func (s *System) addMessageTimer(t *timer) {
	s.mu.Lock()
	if s.timerRefs == nil {
		s.timerRefs = make(map[uint64]*timer)
	}
	s.timerRefs[t.ref] = t
	s.mu.Unlock()
	s.sched.addTimer(t)
}

func (s *System) fireMessageTimer(t *timer) {
	s.mu.Lock()
	delete(s.timerRefs, t.ref)
	s.mu.Unlock()
	dest := t.dest
	if t.name != 0 {
		dest = s.whereis(t.name)
	}
	if dest != nil {
		s.deliver(dest, t.msg)
	}
}

// timerArgs checks (Time, Dest) of send_after and start_timer.
func timerArgs(p *Process, tm, dest term.Term) (ms int64, q *Process, name term.Term, ok bool) {
	if !tm.IsSmall() || tm.SmallValue() < 0 {
		return 0, nil, 0, false
	}
	ms = tm.SmallValue()
	switch {
	case dest.IsPid():
		q = p.sys.process(dest)
		if q == nil {
			// A timer to a dead process is set but never delivers.
			return ms, nil, 0, true
		}
	case dest.IsAtom():
		name = dest
	default:
		return 0, nil, 0, false
	}
	return ms, q, name, true
}

func (p *Process) setTimer(tm, dest, msg term.Term, wrap bool) term.Term {
	ms, q, name, ok := timerArgs(p, tm, dest)
	if !ok {
		return p.Badarg()
	}
	ref := term.NewRef(p.Heap)
	if wrap {
		msg = term.NewTuple(p.Heap, term.AtomTimeout, ref, msg)
	}
	t := &timer{ms: ms, ref: ref.RefID(), dest: q, name: name, msg: newMessage(msg)}
	if q == nil && name == 0 {
		t.name = 0
	}
	p.sys.addMessageTimer(t)
	return ref
}

func bifSendAfter(p *Process, a []term.Term) term.Term  { return p.setTimer(a[0], a[1], a[2], false) }
func bifStartTimer(p *Process, a []term.Term) term.Term { return p.setTimer(a[0], a[1], a[2], true) }

// timerLeft finds the timer of ref and the milliseconds it has left.
func (s *System) timerLeft(ref term.Term) (*timer, int64, bool) {
	if !ref.IsRef() {
		return nil, 0, false
	}
	s.mu.Lock()
	t, ok := s.timerRefs[ref.RefID()]
	s.mu.Unlock()
	if !ok {
		return nil, 0, true
	}
	left := (t.when - s.sched.now() + time.Millisecond - 1) / time.Millisecond
	return t, max(int64(left), 0), true
}

func bifCancelTimer(p *Process, a []term.Term) term.Term {
	t, left, ok := p.sys.timerLeft(a[0])
	if !ok {
		return p.Badarg()
	}
	if t == nil {
		return term.False
	}
	p.sys.mu.Lock()
	delete(p.sys.timerRefs, t.ref)
	p.sys.mu.Unlock()
	p.sys.sched.cancelTimer(t)
	if len(a) > 1 {
		for o := a[1]; o.IsCons(); o = o.Tail() {
			if h := o.Head(); h.IsTuple() && h.TupleArity() == 2 && h.Word(1) == term.Intern("info") && h.Word(2) == term.False {
				return term.Ok
			}
		}
	}
	return term.MakeSmall(left)
}

func bifReadTimer(p *Process, a []term.Term) term.Term {
	t, left, ok := p.sys.timerLeft(a[0])
	if !ok {
		return p.Badarg()
	}
	if t == nil {
		return term.False
	}
	return term.MakeSmall(left)
}
