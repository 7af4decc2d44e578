package bif

import (
	"math/big"
	"sync"
	"time"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// Time. The native time unit is the nanosecond, as on OTP 25 for Linux.
// Monotonic time counts from an arbitrary point (the start of this
// runtime), so time_offset/0 is the system time at that point.

const erlNativeUnit = 1_000_000_000

var erlStart = time.Now()

func init() {
	emu.Register("erlang", "monotonic_time", 0, erlMonotonicTime)
	emu.Register("erlang", "monotonic_time", 1, erlMonotonicTime)
	emu.Register("erlang", "system_time", 0, erlSystemTime)
	emu.Register("erlang", "system_time", 1, erlSystemTime)
	emu.Register("erlang", "time_offset", 0, erlTimeOffset)
	emu.Register("erlang", "time_offset", 1, erlTimeOffset)
	emu.Register("erlang", "timestamp", 0, erlTimestamp)
	emu.Register("erlang", "now", 0, erlNow)
	erlRegister("convert_time_unit", 3, erlConvertTimeUnit)
	emu.Register("erlang", "localtime", 0, erlDateTime(time.Local))
	emu.Register("erlang", "universaltime", 0, erlDateTime(time.UTC))
	emu.Register("erlang", "date", 0, erlDate)
	emu.Register("erlang", "time", 0, erlTime)
}

// erlTimeUnit returns the parts per second of a time unit argument.
func erlTimeUnit(t term.Term) (int64, bool) {
	if t.IsSmall() {
		if t.SmallValue() <= 0 {
			return 0, false
		}
		return t.SmallValue(), true
	}
	if !t.IsAtom() {
		return 0, false
	}
	switch term.AtomName(t) {
	case "second", "seconds":
		return 1, true
	case "millisecond", "milli_seconds":
		return 1_000, true
	case "microsecond", "micro_seconds":
		return 1_000_000, true
	case "nanosecond", "nano_seconds", "native", "perf_counter":
		return erlNativeUnit, true
	}
	return 0, false
}

// erlConvertNative converts ns nanoseconds to unit, rounding toward
// negative infinity as convert_time_unit/3 does.
func erlConvertNative(ns int64, unit int64) *big.Int {
	r := new(big.Int).Mul(big.NewInt(ns), big.NewInt(unit))
	return r.Div(r, big.NewInt(erlNativeUnit)) // Euclidean: floor for a positive divisor
}

// erlTimeIn returns ns converted to the unit of args[0], if given.
func erlTimeIn(p *emu.Process, args []term.Term, ns int64) term.Term {
	unit := int64(erlNativeUnit)
	if len(args) == 1 {
		var ok bool
		if unit, ok = erlTimeUnit(args[0]); !ok {
			return p.Badarg()
		}
	}
	if unit == erlNativeUnit {
		return term.MakeInt(p.Heap, ns)
	}
	return term.MakeBigInt(p.Heap, erlConvertNative(ns, unit))
}

func erlMonotonicTime(p *emu.Process, args []term.Term) term.Term {
	return erlTimeIn(p, args, int64(time.Since(erlStart)))
}

func erlSystemTime(p *emu.Process, args []term.Term) term.Term {
	return erlTimeIn(p, args, time.Now().UnixNano())
}

func erlTimeOffset(p *emu.Process, args []term.Term) term.Term {
	return erlTimeIn(p, args, erlStart.UnixNano())
}

// erlTimestampTuple is {MegaSecs, Secs, MicroSecs} of a time in
// microseconds since the epoch.
func erlTimestampTuple(p *emu.Process, us int64) term.Term {
	return term.Tuple3(p.Heap,
		term.MakeSmall(us/1e12), term.MakeSmall(us/1e6%1e6), term.MakeSmall(us%1e6))
}

func erlTimestamp(p *emu.Process, _ []term.Term) term.Term {
	return erlTimestampTuple(p, time.Now().UnixMicro())
}

var erlNowState struct {
	sync.Mutex
	last int64
}

// erlNow is the deprecated now/0: a timestamp that is unique and strictly
// increasing across calls.
func erlNow(p *emu.Process, _ []term.Term) term.Term {
	us := time.Now().UnixMicro()
	erlNowState.Lock()
	if us <= erlNowState.last {
		us = erlNowState.last + 1
	}
	erlNowState.last = us
	erlNowState.Unlock()
	return erlTimestampTuple(p, us)
}

// erlConvertTimeUnit is convert_time_unit(Time, From, To), which OTP
// defines as floor(Time * To / From).
func erlConvertTimeUnit(p *emu.Process, args []term.Term) term.Term {
	from, ok1 := erlTimeUnit(args[1])
	to, ok2 := erlTimeUnit(args[2])
	if !args[0].IsInteger() || !ok1 || !ok2 {
		return p.Badarg()
	}
	r := new(big.Int).Mul(args[0].BigInt(), big.NewInt(to))
	r.Div(r, big.NewInt(from)) // Euclidean division: floor for from > 0
	return term.MakeBigInt(p.Heap, r)
}

func erlDateTuple(p *emu.Process, t time.Time) term.Term {
	return term.Tuple3(p.Heap, term.MakeSmall(int64(t.Year())),
		term.MakeSmall(int64(t.Month())), term.MakeSmall(int64(t.Day())))
}

func erlTimeTuple(p *emu.Process, t time.Time) term.Term {
	return term.Tuple3(p.Heap, term.MakeSmall(int64(t.Hour())),
		term.MakeSmall(int64(t.Minute())), term.MakeSmall(int64(t.Second())))
}

func erlDateTime(loc *time.Location) emu.BIF {
	return func(p *emu.Process, _ []term.Term) term.Term {
		now := time.Now().In(loc)
		return term.Tuple2(p.Heap, erlDateTuple(p, now), erlTimeTuple(p, now))
	}
}

func erlDate(p *emu.Process, _ []term.Term) term.Term { return erlDateTuple(p, time.Now()) }

func erlTime(p *emu.Process, _ []term.Term) term.Term { return erlTimeTuple(p, time.Now()) }
