package emu

import (
	"container/heap"

	"github.com/beamrc/beamrc/runtime/term"
	"sync"
	"time"
)

// scheduler runs processes. For now there is one scheduler goroutine (the
// caller of System.Run); the run queue and mailboxes are locked so that
// several can share the work later (DESIGN §6). A process is in the run
// queue exactly when its status is statusRunnable.
type scheduler struct {
	mu    sync.Mutex
	queue []*Process
	head  int

	timers timerHeap
	seq    uint64
	start  time.Time
}

func (sc *scheduler) init() { sc.start = time.Now() }

func (sc *scheduler) enqueue(p *Process) {
	sc.mu.Lock()
	sc.queue = append(sc.queue, p)
	sc.mu.Unlock()
}

func (sc *scheduler) dequeue() *Process {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.head == len(sc.queue) {
		return nil
	}
	p := sc.queue[sc.head]
	sc.queue[sc.head] = nil
	sc.head++
	if sc.head == len(sc.queue) {
		sc.queue, sc.head = sc.queue[:0], 0
	} else if sc.head > 1024 && sc.head*2 > len(sc.queue) {
		n := copy(sc.queue, sc.queue[sc.head:])
		sc.queue, sc.head = sc.queue[:n], 0
	}
	return p
}

// schedule runs processes until the system stops.
func (s *System) schedule() {
	for !s.stopped() {
		s.fireTimers()
		p := s.sched.dequeue()
		if p == nil {
			d, ok := s.sched.untilNextTimer()
			if !ok {
				s.deadlock()
				return
			}
			if d > 0 {
				time.Sleep(d)
			}
			continue
		}
		s.runSlice(p)
	}
}

// runSlice runs p for one time slice and files it according to how the
// slice ended.
func (s *System) runSlice(p *Process) {
	if p.killReason != 0 {
		s.terminate(p, p.killReason)
		return
	}
	p.mu.Lock()
	p.status = statusRunning
	p.mu.Unlock()
	p.reds = sliceReductions
	s.current = p
	res := p.run()
	s.current = nil
	if p.killReason != 0 {
		s.terminate(p, p.killReason)
		return
	}
	switch res {
	case resYield:
		p.mu.Lock()
		p.status = statusRunnable
		p.mu.Unlock()
		s.sched.enqueue(p)
	case resWait:
		p.mu.Lock()
		if p.cursor < len(p.msgs) && !p.sleeping {
			p.status = statusRunnable
			p.mu.Unlock()
			s.sched.enqueue(p)
			return
		}
		p.status = statusWaiting
		p.mu.Unlock()
	case resExit:
		s.terminate(p, p.exitReason)
	}
}

// wakeForSignal makes a waiting process runnable so that the scheduler
// sees its pending kill.
func (s *System) wakeForSignal(p *Process) {
	p.mu.Lock()
	p.sleeping = false
	wake := p.status == statusWaiting
	if wake {
		p.status = statusRunnable
	}
	p.mu.Unlock()
	if wake {
		s.sched.enqueue(p)
	}
}

// timer is a pending timeout: a receive's after clause (proc set) or a
// timer message (send_after, start_timer).
type timer struct {
	when  time.Duration // since scheduler start
	ms    int64
	seq   uint64
	index int
	proc  *Process // receive timeout of this process
	// timer message
	ref  uint64
	dest *Process
	name term.Term // registered-name destination, or 0
	msg  message
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.index = -1
	return t
}

func (sc *scheduler) now() time.Duration { return time.Since(sc.start) }

func (sc *scheduler) addTimer(t *timer) *timer {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.seq++
	t.seq = sc.seq
	ms := t.ms
	if ms > 1<<40 {
		ms = 1 << 40
	}
	t.when = sc.now() + time.Duration(ms)*time.Millisecond
	heap.Push(&sc.timers, t)
	return t
}

// cancelTimer removes t; it reports false if t had fired already.
func (sc *scheduler) cancelTimer(t *timer) bool {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if t.index < 0 || t.index >= len(sc.timers) || sc.timers[t.index] != t {
		return false
	}
	heap.Remove(&sc.timers, t.index)
	return true
}

func (sc *scheduler) untilNextTimer() (time.Duration, bool) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if len(sc.timers) == 0 {
		return 0, false
	}
	return sc.timers[0].when - sc.now(), true
}

// expired pops the timers that are due.
func (sc *scheduler) expired() []*timer {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if len(sc.timers) == 0 {
		return nil
	}
	now := sc.now()
	var out []*timer
	for len(sc.timers) > 0 && sc.timers[0].when <= now {
		out = append(out, heap.Pop(&sc.timers).(*timer))
	}
	return out
}

func (s *System) fireTimers() {
	for _, t := range s.sched.expired() {
		if p := t.proc; p != nil {
			p.mu.Lock()
			if p.timer != t {
				p.mu.Unlock()
				continue
			}
			p.timer = nil
			if p.sleeping {
				p.sleeping = false
				p.status = statusRunnable
				p.mu.Unlock()
				s.sched.enqueue(p)
				continue
			}
			if p.status == statusWaiting {
				p.pc = p.timeoutPC
				p.status = statusRunnable
				p.mu.Unlock()
				s.sched.enqueue(p)
				continue
			}
			p.timedOut = true
			p.mu.Unlock()
			continue
		}
		s.fireMessageTimer(t)
	}
}
