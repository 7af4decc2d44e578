package bif

import (
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// Miscellaneous erlang BIFs: references, unique integers, nodes, hashing,
// system_info/1, statistics/1.

// SystemInfoHook, when set, answers system_info/1 items this file does not
// know (process_count and the like belong to the scheduler). It returns
// ok=false for an unknown item, which raises badarg.
var SystemInfoHook func(p *emu.Process, item term.Term) (term.Term, bool)

// StatisticsHook does the same for statistics/1 (reductions, run_queue...).
var StatisticsHook func(p *emu.Process, item term.Term) (term.Term, bool)

// The release this runtime stands in for.
const (
	erlOTPRelease  = "25"
	erlERTSVersion = "13.1.5"
)

var (
	erlNodeName = term.Intern("nonode@nohost")
	erlPositive = term.Intern("positive")
	erlMonotone = term.Intern("monotonic")
)

func init() {
	emu.Register("erlang", "make_ref", 0, func(p *emu.Process, _ []term.Term) term.Term {
		return term.NewRef(p.Heap)
	})
	emu.Register("erlang", "unique_integer", 0, erlUniqueInteger)
	emu.Register("erlang", "unique_integer", 1, erlUniqueInteger)
	erlRegisterGuard("node", 0, func(*emu.Process, []term.Term) term.Term { return erlNodeName })
	erlRegisterGuard("node", 1, erlNode1)
	emu.Register("erlang", "nodes", 0, func(*emu.Process, []term.Term) term.Term { return term.Nil })
	erlRegister("phash", 2, erlPhash(false))
	erlRegister("phash2", 1, func(p *emu.Process, args []term.Term) term.Term {
		return term.MakeSmall(int64(term.Phash2(args[0])))
	})
	erlRegister("phash2", 2, erlPhash(true))
	emu.Register("erlang", "system_info", 1, erlSystemInfo)
	emu.Register("erlang", "statistics", 1, erlStatistics)
	emu.Register("erlang", "garbage_collect", 0, func(*emu.Process, []term.Term) term.Term {
		return term.True
	})
	nifError := func(p *emu.Process, args []term.Term) term.Term { return p.Error(args[0]) }
	emu.Register("erlang", "nif_error", 1, nifError)
	emu.Register("erlang", "nif_error", 2, nifError)
}

var erlUnique atomic.Int64

// erlUniqueInteger serves every option combination from one counter: its
// values are positive, unique and strictly increasing, which satisfies all
// of them.
func erlUniqueInteger(p *emu.Process, args []term.Term) term.Term {
	if len(args) == 1 {
		opts := args[0]
		for ; opts.IsCons(); opts = opts.Tail() {
			if o := opts.Head(); o != erlPositive && o != erlMonotone {
				return p.Badarg()
			}
		}
		if opts != term.Nil {
			return p.Badarg()
		}
	}
	return term.MakeInt(p.Heap, erlUnique.Add(1))
}

func erlNode1(p *emu.Process, args []term.Term) term.Term {
	t := args[0]
	if t.IsPid() || t.IsPort() || t.IsRef() {
		return erlNodeName
	}
	return p.Badarg()
}

// erlPhash is phash/2 or phash2/2, whose range must be 1..2^32.
func erlPhash(v2 bool) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		r, ok := args[1].Int64()
		if !ok || r < 1 || r > 1<<32 {
			return p.Badarg()
		}
		if v2 {
			return term.MakeSmall(int64(term.Phash2Range(args[0], uint64(r))))
		}
		return term.MakeSmall(int64(term.Phash(args[0], uint64(r))))
	}
}

func erlSystemInfo(p *emu.Process, args []term.Term) term.Term {
	item := args[0]
	if item.IsAtom() {
		switch term.AtomName(item) {
		case "wordsize":
			return term.MakeSmall(8)
		case "otp_release":
			return erlMakeText(p, erlOTPRelease, false)
		case "version":
			return erlMakeText(p, erlERTSVersion, false)
		case "machine":
			return erlMakeText(p, "BEAM", false)
		case "schedulers", "schedulers_online":
			return term.MakeSmall(int64(runtime.GOMAXPROCS(0)))
		}
	}
	if item.IsTuple() && item.TupleArity() == 2 && item.Element(1) == term.Intern("wordsize") {
		switch item.Element(2) {
		case term.Intern("internal"), term.Intern("external"):
			return term.MakeSmall(8)
		}
	}
	if SystemInfoHook != nil {
		if r, ok := SystemInfoHook(p, item); ok {
			return r
		}
	}
	return p.Badarg()
}

// erlSinceLast keeps the previous value of a statistics counter, for the
// "since last call" half of its result.
type erlSinceLast struct {
	mu   sync.Mutex
	last int64
}

func (s *erlSinceLast) pair(p *emu.Process, total int64) term.Term {
	s.mu.Lock()
	since := total - s.last
	s.last = total
	s.mu.Unlock()
	return term.Tuple2(p.Heap, term.MakeInt(p.Heap, total), term.MakeInt(p.Heap, since))
}

var erlRuntimeStat, erlWallClockStat erlSinceLast

func erlStatistics(p *emu.Process, args []term.Term) term.Term {
	item := args[0]
	if item.IsAtom() {
		switch term.AtomName(item) {
		case "runtime":
			return erlRuntimeStat.pair(p, erlCPUMillis())
		case "wall_clock":
			return erlWallClockStat.pair(p, time.Since(erlStart).Milliseconds())
		}
	}
	if StatisticsHook != nil {
		if r, ok := StatisticsHook(p, item); ok {
			return r
		}
	}
	return p.Badarg()
}

// erlCPUMillis is the user plus system CPU time of this OS process.
func erlCPUMillis() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return (ru.Utime.Nano() + ru.Stime.Nano()) / 1e6
}
