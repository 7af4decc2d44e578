package bif

import (
	"fmt"
	"strings"
	"time"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/term"
)

// The logger macros' functions (logger:warning/1,2 and the other levels)
// with OTP's default configuration: primary level notice, so info and
// debug are dropped, and the default handler, which writes each event to
// standard output with the legacy header:
//
//	=WARNING REPORT==== 6-Feb-2025::13:14:15.123456 ===
//	message
//
// The message is Format with Args (io_lib:format), a string, or a report
// (a map or key-value list, printed with ~p). A format that does not fit
// its arguments prints as OTP's "FORMAT ERROR: ..." line does.

func init() {
	for _, level := range []string{"emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"} {
		emu.Register("logger", level, 1, loggerLog(level))
		emu.Register("logger", level, 2, loggerLog(level))
		emu.Register("logger", level, 3, loggerLog(level))
	}
}

// loggerDropped are the levels below the default primary level.
var loggerDropped = map[string]bool{"info": true, "debug": true}

func loggerLog(level string) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		if loggerDropped[level] {
			return term.Ok
		}
		msg := loggerMessage(args)
		format.Stdout.PutChars(loggerHeader(level, time.Now()) + msg + "\n")
		return term.Ok
	}
}

// loggerHeader is the default formatter's legacy header.
func loggerHeader(level string, t time.Time) string {
	return fmt.Sprintf("=%s REPORT==== %d-%s-%d::%02d:%02d:%02d.%06d ===\n",
		strings.ToUpper(level), t.Day(), t.Month().String()[:3], t.Year(),
		t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1000)
}

// loggerMessage formats the event's message: (FormatOrReport),
// (Format, Args), (FormatOrReport, Metadata) or (Format, Args, Metadata).
func loggerMessage(args []term.Term) string {
	what, fargs := args[0], term.Term(term.Nil)
	if len(args) >= 2 && !args[1].IsMap() {
		fargs = args[1]
	}
	if what.IsMap() || (len(args) == 1 || args[1].IsMap()) && isKeyValueList(what) {
		return format.Print(what, format.DefaultPrint)
	}
	s, err := format.FormatString(what, fargs)
	if err != nil {
		return "FORMAT ERROR: " + format.Print(what, format.DefaultPrint) + " - " + format.Print(fargs, format.DefaultPrint)
	}
	return s
}

// isKeyValueList reports a non-empty list of 2-tuples (a report).
func isKeyValueList(t term.Term) bool {
	if !t.IsCons() {
		return false
	}
	for ; t.IsCons(); t = t.Tail() {
		if h := t.Head(); !h.IsTuple() || h.TupleArity() != 2 {
			return false
		}
	}
	return t == term.Nil
}
