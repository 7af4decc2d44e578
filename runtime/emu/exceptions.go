package emu

import (
	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/term"
)

// When an exception is caught, the handler (a try_case or catch_end
// instruction) finds
//
//	x0 = NonValue (so catch_end can tell an exception from a value)
//	x1 = the class atom, x2 = the reason,
//	x3 = the "raw" stack trace: {Class, Trace}
//
// try_case shifts these down to x0..x2, which is what the code after it
// expects (Class, Reason, raw trace); build_stacktrace turns the raw trace
// into the list of frames, and raise/raw_raise re-raise with it.

// raiseAt raises class:reason at pc and returns the handler's code index,
// or -1 when the exception ends the process.
func (p *Process) raiseAt(pc int, c Class, reason term.Term) int {
	p.Raise(c, reason)
	return p.throwAt(pc)
}

// throwAt handles the exception in p.Exc, raised at pc: completes the
// stack trace and unwinds to the innermost catch.
func (p *Process) throwAt(pc int) int {
	if p.Exc.Trace == term.NonValue {
		p.Exc.Trace = p.buildTrace(pc)
	}
	p.forgetFrameNotes()
	return p.unwind()
}

// unwind looks for a catch marker on the stack. The handler runs with
// the stack cut back to the frame that holds the marker.
func (p *Process) unwind() int {
	top := p.sp
	stack := p.stack[:p.sp]
	for k := len(stack) - 1; k >= 0; k-- {
		w := stack[k]
		if isCP(w) {
			top = k
			continue
		}
		if w.IsCatch() {
			p.sp = top
			p.x[0] = term.NonValue
			p.x[1] = p.Exc.Class.Atom()
			p.x[2] = p.Exc.Reason
			p.x[3] = term.Tuple2(p.Heap, p.Exc.Class.Atom(), p.Exc.Trace)
			p.clearException()
			idx := w.CatchIndex()
			if idx&abi.CatchNativeFlag != 0 {
				p.nativeResume = abi.NativeCP(uint32(idx >> 1))
				return pcNativeResume
			}
			return int(idx >> 1)
		}
	}
	p.exitReason = p.exitReasonOf()
	p.crashed = p.Exc.Class != ClassExit
	p.crashClass = p.Exc.Class
	return -1
}

// exitReasonOf is the exit reason of a process that did not catch its
// exception: {Reason, Trace} for errors, {{nocatch, Value}, Trace} for
// throws, the reason itself for exits.
func (p *Process) exitReasonOf() term.Term {
	switch p.Exc.Class {
	case ClassExit:
		return p.Exc.Reason
	case ClassThrow:
		return term.Tuple2(p.Heap, term.Tuple2(p.Heap, term.Nocatch, p.Exc.Reason), p.traceList(p.Exc.Trace))
	}
	return term.Tuple2(p.Heap, p.Exc.Reason, p.traceList(p.Exc.Trace))
}

// catchValue is the value of `catch Expr` when Expr raised (x1..x3 as
// unwind left them).
func (p *Process) catchValue() term.Term {
	class, reason := p.x[1], p.x[2]
	switch class {
	case term.AtomThrow:
		return reason
	case term.AtomError:
		inner := term.Tuple2(p.Heap, reason, p.rawTrace(p.x[3]))
		return term.Tuple2(p.Heap, term.AtomEXIT, inner)
	}
	return term.Tuple2(p.Heap, term.AtomEXIT, reason)
}

// rawTrace returns the frames of a raw stack trace ({Class, Trace}, as
// unwind leaves it in x3); a list is already one.
func (p *Process) rawTrace(t term.Term) term.Term {
	if t.IsTuple() && t.TupleArity() == 2 && t.Word(1).IsAtom() {
		t = t.Word(2)
	}
	return p.traceList(t)
}

func classOf(a term.Term) (Class, bool) {
	switch a {
	case term.AtomError:
		return ClassError, true
	case term.AtomExit:
		return ClassExit, true
	case term.AtomThrow:
		return ClassThrow, true
	}
	return 0, false
}

// reraise is the raise instruction: re-raise reason with the class and
// trace of a raw stack trace.
func (p *Process) reraise(pc int, raw, reason term.Term) int {
	class := ClassError
	trace := raw
	if raw.IsTuple() && raw.TupleArity() == 2 {
		if c, ok := classOf(raw.Word(1)); ok {
			class, trace = c, raw.Word(2)
		}
	}
	p.Raise(class, reason)
	p.Exc.Trace = trace
	if !trace.IsList() && !isLazyTrace(trace) {
		p.Exc.Trace = term.NonValue
	}
	return p.throwAt(pc)
}

// rawRaise is raw_raise: x0 class, x1 reason, x2 raw trace. A bad class
// raises badarg instead.
func (p *Process) rawRaise(pc int) int {
	c, ok := classOf(p.x[0])
	if !ok {
		return p.raiseAt(pc, ClassError, term.Badarg)
	}
	p.Raise(c, p.x[1])
	p.Exc.Trace = p.rawTrace(p.x[2])
	if !p.Exc.Trace.IsList() {
		p.Exc.Trace = term.NonValue
	}
	return p.throwAt(pc)
}

// functionClause is func_info reached: no clause matched. The stack
// trace's top frame carries the arguments.
func (p *Process) functionClause(in *instr, pc int) int {
	p.Raise(ClassError, term.FunctionClause)
	p.Exc.Args = term.ListFrom(p.Heap, p.x[:in.n1])
	return p.throwAt(pc)
}

// noFrameBIF reports BIFs that raise on their caller's behalf: their
// own frame is not part of the stack trace. (Operators are not among
// them: OTP 25 shows {erlang,'+',[1,a],[{error_info,...}]} on top.)
func noFrameBIF(m MFA) bool {
	if m.Module != term.AtomErlang {
		return false
	}
	switch m.Function {
	case term.AtomError, term.AtomExit, term.AtomThrow, atomRaise, atomNifError:
		return true
	}
	return false
}

// SmallLiteral is an operand of a BIF call as the frame rules see it:
// whether it is a literal small integer, and which.
type SmallLiteral struct {
	Is    bool
	Value int64
}

// RaisesWithoutFrame reports arithmetic that OTP 25's JIT (the oracle)
// compiles to in-line code raising without the BIF's frame: + with a
// literal small integer on either side, and X - C with C a literal small
// integer >= 0 (an increment by -C). Everything else fails in the
// operator's frame, {erlang,'-',[a,-1],[{error_info,...}]} for X - -1
// and {erlang,'-',[1,a],...} for 1 - X alike.
func RaisesWithoutFrame(module, function string, arity int, a, b SmallLiteral) bool {
	if module != "erlang" || arity != 2 {
		return false
	}
	switch function {
	case "+":
		return a.Is || b.Is
	case "-":
		return b.Is && b.Value >= 0
	}
	return false
}

// IncrementOf reports a subtraction of a literal small integer C >= 0,
// X - C, which OTP 25's loader turns into an increment, X + (-C), and
// returns -C. The two differ for floats only in the sign of a zero:
// -0.0 - 0 is 0.0 as erl computes it, as -0.0 + 0.0 is. (X - C with C < 0
// stays a subtraction: it fails in erlang:'-'/2's frame.)
func IncrementOf(module, function string, arity int, c int64) (int64, bool) {
	if module == "erlang" && function == "-" && arity == 2 && c >= 0 {
		return -c, true
	}
	return 0, false
}

// PlusAsIncrement reports unary plus, erlang:'+'/1, which OTP 25's loader
// turns into an increment by a literal 0, X + 0: so +(-0.0) is 0.0 in
// compiled code (-0.0 + 0.0), while the BIF called by apply gives -0.0.
func PlusAsIncrement(module, function string, arity int) bool {
	return module == "erlang" && function == "+" && arity == 1
}

func raisesWithoutFrame(m MFA, a, b operand) bool {
	return RaisesWithoutFrame(term.AtomName(m.Module), term.AtomName(m.Function), m.Arity, smallLiteral(a), smallLiteral(b))
}

// smallLiteral describes operand o for RaisesWithoutFrame.
func smallLiteral(o operand) SmallLiteral {
	if o.kind == kConst && o.t.IsSmall() {
		return SmallLiteral{Is: true, Value: o.t.SmallValue()}
	}
	return SmallLiteral{}
}

// errorInfoModule is the module a failing BIF's frame names as the one
// that explains its errors (EEP 54).
func errorInfoModule(m MFA) term.Term {
	if m.Module == term.AtomErlang {
		return atomErtsErrors
	}
	return atomStdlibErrors
}

var (
	atomErtsErrors   = term.Intern("erl_erts_errors")
	atomStdlibErrors = term.Intern("erl_stdlib_errors")
	atomErrorInfo    = term.Intern("error_info")
	atomModule       = term.Intern("module")
	atomRaise        = term.Intern("raise")
	atomNifError     = term.Intern("nif_error")
)
