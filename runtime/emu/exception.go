package emu

import "github.com/beamrc/beamrc/runtime/term"

// Class is an exception class: error, exit or throw.
type Class uint8

const (
	ClassError Class = iota
	ClassExit
	ClassThrow
)

// Atom returns the class as the atom Erlang code sees.
func (c Class) Atom() term.Term {
	switch c {
	case ClassExit:
		return term.AtomExit
	case ClassThrow:
		return term.AtomThrow
	}
	return term.AtomError
}

// Exception is the exception a process is raising.
type Exception struct {
	Class  Class
	Reason term.Term
	// Args, when not NonValue, is the argument list of the BIF or function
	// that failed, for the top stack frame (OTP shows it there for
	// function_clause and BIF errors).
	Args term.Term
	// Info, when not NonValue, is the error_info map of the failing
	// function's own frame (error/3's option).
	Info term.Term
	// Trace is the stack trace, built lazily by the interpreter.
	Trace term.Term
}

// Raise records an exception of class c with reason r and returns
// term.NonValue, so that a BIF can `return p.Raise(...)`.
func (p *Process) Raise(c Class, r term.Term) term.Term {
	p.Exc = Exception{Class: c, Reason: r, Args: term.NonValue, Info: term.NonValue, Trace: term.NonValue}
	return term.NonValue
}

// Error raises error:r.
func (p *Process) Error(r term.Term) term.Term { return p.Raise(ClassError, r) }

// Badarg raises error:badarg.
func (p *Process) Badarg() term.Term { return p.Error(term.Badarg) }

// Badarith raises error:badarith.
func (p *Process) Badarith() term.Term { return p.Error(term.Badarith) }

// ErrorTuple raises error:{tag, value}, e.g. {badkey, K}.
func (p *Process) ErrorTuple(tag, value term.Term) term.Term {
	return p.Error(term.Tuple2(p.Heap, tag, value))
}
