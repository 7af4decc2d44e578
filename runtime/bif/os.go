package bif

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// The os module, except cmd/1 (which needs ports). Environment variables
// are the Go process's own, as they are the BEAM's.

func init() {
	emu.Register("os", "getenv", 0, osGetenv0)
	emu.Register("os", "getenv", 1, osGetenv1)
	emu.Register("os", "getenv", 2, osGetenv2)
	emu.Register("os", "putenv", 2, osPutenv)
	emu.Register("os", "unsetenv", 1, osUnsetenv)
	emu.Register("os", "system_time", 0, osSystemTime0)
	emu.Register("os", "system_time", 1, osSystemTime1)
	emu.Register("os", "timestamp", 0, osTimestamp)
	emu.Register("os", "type", 0, osType)
	emu.Register("os", "getpid", 0, osGetpid)
}

// osCharlist builds the list of the code points of s.
func osCharlist(p *emu.Process, s string) term.Term {
	elems := make([]term.Term, 0, len(s))
	for _, r := range s {
		elems = append(elems, term.MakeSmall(int64(r)))
	}
	return term.ListFrom(p.Heap, elems)
}

// osName reads a variable name or value: a flat list of code points with no
// NUL (the BEAM says badarg otherwise).
func osName(t term.Term, isName bool) (string, bool) {
	var b strings.Builder
	for ; t.IsCons(); t = t.Tail() {
		c := t.Head()
		if !c.IsSmall() || c.SmallValue() <= 0 || c.SmallValue() > utf8.MaxRune {
			return "", false
		}
		r := rune(c.SmallValue())
		if isName && r == '=' && b.Len() > 0 {
			return "", false
		}
		b.WriteRune(r)
	}
	return b.String(), t == term.Nil
}

func osGetenv0(p *emu.Process, _ []term.Term) term.Term {
	env := os.Environ()
	elems := make([]term.Term, len(env))
	for i, kv := range env {
		elems[i] = osCharlist(p, kv)
	}
	return term.ListFrom(p.Heap, elems)
}

func osGetenv1(p *emu.Process, args []term.Term) term.Term {
	return osGetenv2(p, []term.Term{args[0], term.False})
}

func osGetenv2(p *emu.Process, args []term.Term) term.Term {
	name, ok := osName(args[0], true)
	if !ok {
		return p.Badarg()
	}
	v, found := os.LookupEnv(name)
	if !found {
		return args[1]
	}
	return osCharlist(p, v)
}

func osPutenv(p *emu.Process, args []term.Term) term.Term {
	name, ok1 := osName(args[0], true)
	val, ok2 := osName(args[1], false)
	if !ok1 || !ok2 || name == "" {
		return p.Badarg()
	}
	if os.Setenv(name, val) != nil {
		return p.Badarg()
	}
	return term.True
}

func osUnsetenv(p *emu.Process, args []term.Term) term.Term {
	name, ok := osName(args[0], true)
	if !ok {
		return p.Badarg()
	}
	os.Unsetenv(name)
	return term.True
}

func osSystemTime0(p *emu.Process, _ []term.Term) term.Term {
	return term.MakeInt(p.Heap, time.Now().UnixNano())
}

// osTimeUnit returns how many parts per second a time unit names
// (erlang:convert_time_unit/3's units; native is nanoseconds, as on Linux).
func osTimeUnit(u term.Term) (int64, bool) {
	if u.IsSmall() && u.SmallValue() > 0 {
		return u.SmallValue(), true
	}
	if !u.IsAtom() {
		return 0, false
	}
	switch term.AtomName(u) {
	case "second", "seconds":
		return 1, true
	case "millisecond", "milli_seconds":
		return 1000, true
	case "microsecond", "micro_seconds":
		return 1000000, true
	case "nanosecond", "nano_seconds", "native", "perf_counter":
		return 1000000000, true
	}
	return 0, false
}

func osSystemTime1(p *emu.Process, args []term.Term) term.Term {
	pps, ok := osTimeUnit(args[0])
	if !ok {
		return p.Badarg()
	}
	ns := time.Now().UnixNano()
	// Floor division, as convert_time_unit does for positive times.
	sec, frac := ns/1e9, ns%1e9
	return term.MakeInt(p.Heap, sec*pps+frac*pps/1e9)
}

func osTimestamp(p *emu.Process, _ []term.Term) term.Term {
	us := time.Now().UnixMicro()
	return term.NewTuple(p.Heap,
		term.MakeSmall(us/1e12), term.MakeSmall(us/1e6%1e6), term.MakeSmall(us%1e6))
}

func osType(p *emu.Process, _ []term.Term) term.Term {
	family, name := "unix", runtime.GOOS
	if runtime.GOOS == "windows" {
		family, name = "win32", "nt"
	}
	return term.Tuple2(p.Heap, term.Intern(family), term.Intern(name))
}

func osGetpid(p *emu.Process, _ []term.Term) term.Term {
	return osCharlist(p, strconv.Itoa(os.Getpid()))
}
