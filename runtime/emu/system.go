package emu

import (
	"github.com/beamrc/beamrc/runtime/format"
	"io"
	"os"
	"sort"
	"sync"

	"github.com/beamrc/beamrc/runtime/term"
)

// System is one running Erlang system: loaded code ("code server"),
// processes, registered names, timers and the scheduler.
type System struct {
	modules map[term.Term]*Module
	order   []term.Term
	linked  bool

	// code holds the translated instructions of every module; locs and
	// funcs say where each instruction comes from (stack traces).
	code    []instr
	locs    []codeLoc
	funcs   []funcRange
	files   []string
	fileIdx map[string]int32

	frameCache frameCache

	native *native // installed native code (InstallNative); nil if none

	// Stdout and Stderr are where the runtime writes reports (crashes);
	// program output goes through the io BIFs.
	Stdout io.Writer
	Stderr io.Writer

	// PlainArgs are the program's arguments (init:get_plain_arguments/0).
	PlainArgs []string

	mu        sync.Mutex // guards procs, registry, nextPid
	procs     map[uint64]*Process
	registry  map[term.Term]*Process
	nextPid   uint64
	timerRefs map[uint64]*timer

	sched scheduler
	// current is the process the scheduler is running (one scheduler).
	current *Process

	halted     bool
	haltStatus int
	result     term.Term
	mainProc   *Process
}

// codeLoc is the source location of an instruction.
type codeLoc struct {
	file int32
	line int32
}

// funcRange is a translated function: its code starts at start (the
// func_info instruction) and ends where the next one starts.
type funcRange struct {
	start int32
	mod   *Module
	name  term.Term
	arity int
}

// NewSystem returns an empty system writing reports to stderr.
func NewSystem() *System {
	s := &System{
		modules:  make(map[term.Term]*Module),
		fileIdx:  make(map[string]int32),
		procs:    make(map[uint64]*Process),
		registry: make(map[term.Term]*Process),
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		nextPid:  80, // like OTP, user processes start around <0.80.0>
	}
	s.code = []instr{{op: iBad}}
	s.locs = []codeLoc{{}}
	s.files = []string{""}
	s.sched.init()
	s.initReserved()
	return s
}

func (s *System) fileIndex(name string) int32 {
	if i, ok := s.fileIdx[name]; ok {
		return i
	}
	i := int32(len(s.files))
	s.files = append(s.files, name)
	s.fileIdx[name] = i
	return i
}

// funcAt returns the function that code index pc belongs to.
func (s *System) funcAt(pc int) *funcRange {
	i := sort.Search(len(s.funcs), func(i int) bool { return int(s.funcs[i].start) > pc }) - 1
	if i < 0 {
		return nil
	}
	return &s.funcs[i]
}

// flushers are called before the system halts and before crash reports,
// so that buffered program output comes first (the io BIFs register
// theirs with OnFlush).
var flushers struct {
	sync.Mutex
	fns []func()
}

// OnFlush registers a function that flushes buffered output.
func OnFlush(fn func()) {
	flushers.Lock()
	flushers.fns = append(flushers.fns, fn)
	flushers.Unlock()
}

// The runtime's output devices are always flushed.
func init() {
	OnFlush(func() {
		format.Stdout.Flush()
		format.Stderr.Flush()
	})
}

// Flush runs every registered flusher.
func Flush() {
	flushers.Lock()
	fns := append([]func(){}, flushers.fns...)
	flushers.Unlock()
	for _, fn := range fns {
		fn()
	}
}
