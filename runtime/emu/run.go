package emu

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/beamrc/beamrc/runtime/term"
)

// debugPanics prints the Go stack of internal errors (BEAMRC_DEBUG=1).
var debugPanics = os.Getenv("BEAMRC_DEBUG") == "1"

// ExitStatus values of Run besides erlang:halt/1's.
const (
	StatusOK      = 0
	StatusCrashed = 1 // the main process ended with a reason other than normal
)

func (s *System) initReserved() {
	s.code = s.code[:1]
	s.code = append(s.code,
		instr{op: iProcessExit},
		instr{op: iCallBifOnly, fn: bifApply3, a: operand{n: 3}, aux: &mfaAux{MakeMFA("erlang", "apply", 3)}},
		instr{op: iCallBifOnly, fn: bifApply2, a: operand{n: 2}, aux: &mfaAux{MakeMFA("erlang", "apply", 2)}},
		instr{op: iNativeResume},
	)
	for len(s.locs) < len(s.code) {
		s.locs = append(s.locs, codeLoc{})
	}
}

// Run calls mod:fun(args...) in a new process, the main process, and
// runs the system until that process ends or something halts the system.
// It returns the exit status `erl` would give: the halt status, 0 when
// the main process returns (or exits normally), 1 when it crashes (after
// a report on Stderr). The args are copied into the process.
//
// Like the erl harness the expected outputs come from (spawn_monitor the
// entry, halt when it is DOWN), the system stops as soon as the main
// process ends; other processes do not get to finish.
func (s *System) Run(mod, fun string, args []term.Term) (int, error) {
	if !s.linked {
		if err := s.Link(); err != nil {
			return 0, err
		}
	}
	m, f := term.Intern(mod), term.Intern(fun)
	if _, ok := s.modules[m]; !ok {
		return 0, fmt.Errorf("module %s not found", mod)
	}
	if _, ok := s.lookupExport(m, f, len(args)); !ok {
		return 0, fmt.Errorf("function %s:%s/%d is not exported", mod, fun, len(args))
	}
	var frag scratchAlloc
	argList := term.ListFrom(&frag, args)
	s.mu.Lock()
	s.halted, s.haltStatus, s.result = false, 0, term.NonValue
	s.mu.Unlock()
	p := s.spawnApply(nil, m, f, argList, SpawnOpts{})
	p.entry = true
	s.schedule()
	Flush()
	return s.haltStatus, nil
}

// Result returns the value the main process's function returned in the
// last Run (NonValue if it did not return). It lives on that process's
// heap, which stays alive until the next Run.
func (s *System) Result() term.Term { return s.result }

// ErrDeadlock is reported when every process waits for a message that
// nothing can send.
var ErrDeadlock = errors.New("deadlock: the main process waits for a message and no process or timer can send one")

func (s *System) stopped() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.halted
}

// halt stops the system with status (erlang:halt/1, init:stop/1).
func (s *System) halt(status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.halted {
		s.halted = true
		s.haltStatus = status
	}
}

// mainExited is the main process ending: the system stops.
func (s *System) mainExited(p *Process, reason term.Term) {
	if s.stopped() {
		return
	}
	if reason == term.Normal {
		s.result = p.x[0]
		s.mainProc = p // keeps the result's heap alive
		s.halt(StatusOK)
		return
	}
	Flush()
	report := CrashReport(reason)
	if p.crashed && !strings.HasPrefix(report, "runtime error") {
		// Name the class of the exception that ended the process.
		report = "main crashed: " + term.AtomName(p.crashClass.Atom()) + ":" + strings.TrimPrefix(report, "main crashed: ")
	}
	fmt.Fprint(s.Stderr, report)
	s.halt(StatusCrashed)
}

func (s *System) deadlock() {
	Flush()
	fmt.Fprintln(s.Stderr, "beamrc: "+ErrDeadlock.Error())
	s.halt(StatusCrashed)
}

// CrashReport formats the report of a main process that crashed: Gleam's
// runtime error layout for Gleam errors, OTP's otherwise.
func CrashReport(reason term.Term) string {
	if r, trace, ok := errorAndTrace(reason); ok {
		if g := gleamError(r); g != "" {
			return g
		}
		return "main crashed: " + FormatTerm(r) + "\n" + formatTrace(trace)
	}
	return "main crashed: " + FormatTerm(reason) + "\n"
}

// errorAndTrace splits an exit reason {Reason, Trace}.
func errorAndTrace(reason term.Term) (term.Term, term.Term, bool) {
	if reason.IsTuple() && reason.TupleArity() == 2 && validTrace(reason.Word(2)) && reason.Word(2) != term.Nil {
		return reason.Word(1), reason.Word(2), true
	}
	return 0, 0, false
}

func formatTrace(trace term.Term) string {
	out := ""
	for ; trace.IsCons(); trace = trace.Tail() {
		fr := trace.Head()
		if fr.TupleArity() != 4 {
			continue
		}
		m, f, a, loc := fr.Word(1), fr.Word(2), fr.Word(3), fr.Word(4)
		ar := FormatTerm(a)
		if a.IsList() {
			ar = fmt.Sprint(term.ListLength(a))
		}
		where := ""
		file, line := locationOf(loc)
		if file != "" {
			where = fmt.Sprintf(" (%s:%d)", file, line)
		}
		out += fmt.Sprintf("  in %s:%s/%s%s\n", FormatTerm(m), FormatTerm(f), ar, where)
	}
	return out
}

func locationOf(loc term.Term) (string, int) {
	file, line := "", 0
	for ; loc.IsCons(); loc = loc.Tail() {
		e := loc.Head()
		if !e.IsTuple() || e.TupleArity() != 2 {
			continue
		}
		switch e.Word(1) {
		case term.AtomFile:
			file = stringOf(e.Word(2))
		case term.AtomLine:
			if e.Word(2).IsSmall() {
				line = int(e.Word(2).SmallValue())
			}
		}
	}
	return file, line
}

// stringOf reads a charlist or binary as a Go string ("" otherwise).
func stringOf(t term.Term) string {
	if t.IsBinary() {
		b, _ := t.BinaryBytes()
		return string(b)
	}
	var rs []rune
	for ; t.IsCons(); t = t.Tail() {
		if !t.Head().IsSmall() {
			return ""
		}
		rs = append(rs, rune(t.Head().SmallValue()))
	}
	return string(rs)
}

// gleamError formats a Gleam runtime error (a map with gleam_error) as
// `gleam run` does, or returns "".
func gleamError(r term.Term) string {
	if !r.IsMap() {
		return ""
	}
	kind, ok := term.MapGet(r, term.Intern("gleam_error"))
	if !ok {
		return ""
	}
	get := func(k string) term.Term {
		v, _ := term.MapGet(r, term.Intern(k))
		return v
	}
	title := term.AtomName(kind)
	switch title {
	case "let_assert":
		title = "let assert"
	}
	msg := stringOf(get("message"))
	out := "runtime error: " + title + "\n\n" + msg + "\n\n"
	mod, fn, line := get("module"), get("function"), get("line")
	if mod != 0 {
		out += "  module: " + stringOf(mod) + "\n"
	}
	if fn != 0 {
		out += "  function: " + stringOf(fn) + "\n"
	}
	if line != 0 && line.IsSmall() {
		out += fmt.Sprintf("  line: %d\n", line.SmallValue())
	}
	if v := get("value"); v != 0 {
		out += "\n  value: " + FormatTerm(v) + "\n"
	}
	return out
}
