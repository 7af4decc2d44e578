package emu

import (
	"sync"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// NumXRegs is the number of x registers, as in OTP (MAX_REG).
const NumXRegs = abi.NumXRegs

// NumFRegs is the number of float registers.
const NumFRegs = 256

// Process is an Erlang process.
//
// The fields a BIF may use are Heap (to allocate), Exc (through Raise and
// friends), Self and the exported methods; the rest belongs to the
// interpreter and the scheduler.
type Process struct {
	ID   uint64
	Self term.Term // the pid
	Heap *heap.Heap
	Exc  Exception

	sys *System

	// Interpreter state. x and f are arrays in the struct so that register
	// access is one indexed load. The stack holds y registers and
	// continuation pointers (see stack.go); sp is its height.
	x     [NumXRegs]term.Term
	f     [NumFRegs]float64
	stack []term.Term
	sp    int
	pc    int // where to resume
	reds  int // reductions left in the current slice

	// bifArgs is where the interpreter puts a BIF's arguments; it is a GC
	// root while the BIF runs (gc_bif collects before the call).
	bifArgs [4]term.Term

	// trap is set by a BIF that asks the interpreter to do something a Go
	// function cannot: call Erlang code, yield, halt. See trap.go.
	trap      trapKind
	trapPC    int
	trapValue term.Term
	trapYield bool // the interpreter yields after the current call

	// scratch is a reused buffer for operand lists (never a GC root);
	// building/buildIdx are the state of the old put_tuple/put pair.
	scratch   []term.Term
	building  term.Term
	buildIdx  int
	bsBuf     bitWriter // binary being filled by the old bs_put_* instructions
	appendBuf appendBuf // see bs_create.go

	// The frame to put on top of a stack trace for a failing BIF or an
	// undefined function: {excMFA, excArgs, Location}. excErrorInfo is the
	// module (an atom) a failing BIF's Location names as its error_info,
	// or 0 for an empty Location (undef).
	excHasBIF    bool
	excMFA       MFA
	excArgs      term.Term
	excErrorInfo term.Term
	// excLibCaller, when its Module is set, is the library function OTP
	// writes in Erlang whose call of that BIF failed (lists:reverse/1
	// calling lists:reverse/2): its frame goes below the BIF's, with the
	// line of the call in OTP 25's source, excLibLine.
	excLibCaller MFA
	excLibLine   int
	// How the failing call relates to the current function's frame (see
	// callfail.go): excVia is set by the code that dispatched a dynamic
	// call; excSkipCurrent drops the current function's frame from the
	// trace (a tail call had left it), excCurrentTwice shows it twice.
	excVia          callVia
	excSkipCurrent  bool
	excCurrentTwice bool

	// Mailbox (receive.go). mu guards msgs and the wake-up state.
	mu       sync.Mutex
	msgs     []message
	cursor   int // next message loop_rec looks at
	timer    *timer
	markers  []recvMarker // receive.go
	timedOut bool
	sleeping bool  // in timer:sleep/1: messages do not wake it
	sleepMs  int64 // the sleep's length; -1 for infinity
	trapWait bool  // the interpreter suspends after the current call

	tortureSkip int // safe points skipped in torture mode (see gc)
	youngTarget int // young generation size gc asks for (words)
	usedAfterGC int // heap words in use after the last collection

	status     procStatus
	exitReason term.Term
	crashed    bool  // ended by an uncaught error or throw
	crashClass Class // its class
	timeoutPC  int   // where a timed-out receive continues
	// killReason is set by an exit signal that kills a process which is
	// not running; the scheduler finishes it off.
	killReason term.Term

	dict []term.Term // process dictionary: key, value, key, value, ...

	// links.go
	links       []*Process
	monitors    []monitor // monitors this process holds on others
	monitoredBy []monitor
	trapExit    bool
	registered  term.Term // registered name or NonValue

	groupLeader term.Term
	initialCall MFA
	// startedByFun: the process was spawned with a fun; OTP starts it in
	// erlang:apply/2 (see startFrame).
	startedByFun bool
	entry        bool // the program's main process

	// Native code (native_run.go): the context it runs with, and where
	// it continues when the interpreter reaches pcNativeResume (a native
	// CP, abi.NativeCP).
	ctx          abi.Context
	nativeResume uint64
}

type procStatus uint8

const (
	statusRunnable procStatus = iota
	statusRunning
	statusWaiting
	statusExited
)

// System returns the system the process runs in.
func (p *Process) System() *System { return p.sys }

// Reductions returns the reductions left in the current time slice.
func (p *Process) Reductions() int { return p.reds }

// ConsumeReductions charges n reductions (a BIF doing work proportional to
// its input should charge for it).
func (p *Process) ConsumeReductions(n int) { p.reds -= n }

// X returns x register i (for BIFs implemented in the emulator).
func (p *Process) X(i int) term.Term { return p.x[i] }

// roots shows the collector every term the process holds.
func (p *Process) roots(live int, extra []term.Term) heap.Roots {
	return func(visit func([]term.Term)) {
		visit(p.x[:live])
		visit(p.stack[:p.sp])
		if len(p.dict) > 0 {
			visit(p.dict)
		}
		if len(extra) > 0 {
			visit(extra)
		}
		p.visitMessages(visit)
		exc := []term.Term{p.Exc.Reason, p.Exc.Args, p.Exc.Trace, p.trapValue, p.exitReason, p.killReason, p.groupLeader, p.Exc.Info}
		visit(exc)
		p.Exc.Reason, p.Exc.Args, p.Exc.Trace, p.trapValue = exc[0], exc[1], exc[2], exc[3]
		p.exitReason, p.killReason, p.groupLeader, p.Exc.Info = exc[4], exc[5], exc[6], exc[7]
	}
}

// visitMessages shows the collector the mailbox: messages copied onto
// the heap are roots. (Terms of messages still in their own fragments are
// outside the collected space and come back unchanged.)
func (p *Process) visitMessages(visit func([]term.Term)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.msgs) == 0 {
		return
	}
	ts := make([]term.Term, len(p.msgs))
	for i := range p.msgs {
		ts[i] = p.msgs[i].t
	}
	visit(ts)
	for i := range p.msgs {
		p.msgs[i].t = ts[i]
	}
}

// gc collects the heap so that need words fit, with the first live x
// registers as roots (plus extra, which is rewritten in place).
func (p *Process) gc(need, live int, extra []term.Term) {
	// Every collection scans the whole stack, so the young generation
	// grows with the stack: the work per allocated word stays bounded
	// however deep the recursion (the BEAM sizes heap and stack together
	// for the same reason).
	if !heap.Torture {
		// A process that allocated half a young generation's worth since
		// its last collection (more than that may not fit: the young
		// generation is about youngTarget words) gets one twice as big, up to
		// youngMax words: fewer collections (each has fixed costs) for
		// allocation-heavy processes, small heaps for the many processes
		// that barely allocate (collections caused by received messages
		// do not count).
		if p.youngTarget == 0 {
			p.youngTarget = 256
		}
		if p.Heap.Used()-p.usedAfterGC >= p.youngTarget/2 && p.youngTarget < youngMax {
			p.youngTarget *= 2
		}
		need = max(need, p.sp, p.youngTarget/2)
	} else if !p.Heap.NeedsGC() && p.sp > tortureStack {
		// Torture mode collects at every safe point, which costs a scan
		// of the whole stack each time: quadratic in a deep recursion.
		// Past tortureStack words, collect at one safe point in sp/64,
		// so that deep programs still finish.
		p.tortureSkip++
		if p.tortureSkip < p.sp/64 {
			return
		}
		p.tortureSkip = 0
	}
	p.Heap.Collect(need, p.roots(live, extra))
	p.usedAfterGC = p.Heap.Used()
}

// GarbageCollect collects the process's heap now (erlang:garbage_collect/0).
// Only the x registers holding the BIF's arguments are roots; the BIF
// must not hold heap terms across the call.
func (p *Process) GarbageCollect(live int) {
	p.gc(0, live, nil)
}

// youngMax is the young generation size the growth in gc stops at.
const youngMax = 128 << 10

// tortureStack is the stack height from which torture mode thins out
// its collections (see gc).
const tortureStack = 2048

// ensureStack makes room for n more stack words.
func (p *Process) ensureStack(n int) {
	if p.sp+n <= len(p.stack) {
		return
	}
	size := max(2*len(p.stack), p.sp+n, 256)
	s := make([]term.Term, size)
	copy(s, p.stack[:p.sp])
	p.stack = s
}
