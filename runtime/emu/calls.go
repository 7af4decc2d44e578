package emu

import (
	"fmt"
	"runtime/debug"

	"github.com/beamrc/beamrc/runtime/term"
)

// callKind is how a call leaves the caller: a plain call returns to the
// next instruction; a last call deallocates the caller's frame first; an
// only call is a tail call without a frame.
type callKind uint8

const (
	kindCall callKind = iota
	kindLast
	kindOnly
)

// trapKind is a request from a BIF to the interpreter.
type trapKind uint8

const (
	trapNone  trapKind = iota
	trapCall           // jump to p.trapPC: the arguments are in the x registers
	trapYield          // return p.trapValue, then yield the process
	trapExit           // the process ends now (p.exitReason or p.killReason)
	trapSleep          // return ok, then wait p.sleepMs milliseconds ignoring messages
)

// TrapYield makes the calling BIF return v and the process yield
// (erlang:yield/0, or a BIF that has changed other processes' state).
func (p *Process) TrapYield(v term.Term) term.Term {
	p.trap, p.trapValue = trapYield, v
	return term.NonValue
}

func kindOf(op iop) callKind {
	switch op {
	case iCallLast, iCallBifLast, iApplyLast:
		return kindLast
	case iCallOnly, iCallBifOnly:
		return kindOnly
	}
	return kindCall
}

// enter jumps into Erlang code at target as a call of kind k made at pc.
func (p *Process) enter(k callKind, dealloc int, pc int, target int) int {
	switch k {
	case kindCall:
		p.push(makeCP(pc + 1))
	case kindLast:
		p.sp -= dealloc
	}
	return target
}

// afterReturn is where execution goes once a BIF called as a call of
// kind k at pc has returned its value in x0.
func (p *Process) afterReturn(k callKind, dealloc int, pc int) int {
	switch k {
	case kindCall:
		return pc + 1
	case kindLast:
		p.sp -= dealloc
	}
	p.sp--
	return p.returnTo(p.stack[p.sp])
}

// bifTrapOrFail handles a BIF call (call_ext) that returned NonValue:
// either a trap or an exception. tail says whether the call was a tail
// call, for the stack trace (see failedCall).
func (p *Process) bifTrapOrFail(in *instr, pc int, arity uint32, tail bool) (int, bool) {
	k := kindOf(in.op)
	switch p.trap {
	case trapCall:
		p.trap = trapNone
		return p.enter(k, int(in.n1), pc, p.trapPC), true
	case trapYield:
		p.trap = trapNone
		p.x[0] = p.trapValue
		p.trapValue = term.NonValue
		p.trapYield = true
		return p.afterReturn(k, int(in.n1), pc), true
	case trapExit:
		p.trap = trapNone
		return -1, false
	case trapSleep:
		p.trap = trapNone
		p.x[0] = term.Ok
		p.trapWait = true
		return p.afterReturn(k, int(in.n1), pc), true
	}
	var mfa MFA
	if a, ok := in.aux.(*mfaAux); ok {
		mfa = a.mfa
	}
	pc = p.failedCall(mfa, p.x[:arity], tail, pc)
	return pc, pc >= 0
}

// noteBIFFrame records the failing BIF's frame for the stack trace,
// unless the BIF raised on the caller's behalf (error/1 and friends) or
// has already named another frame (apply of an undefined function).
func (p *Process) noteBIFFrame(mfa MFA, args []term.Term) {
	if p.excHasBIF || mfa.Module == 0 || noFrameBIF(mfa) {
		return
	}
	p.excHasBIF = true
	p.excMFA = mfa
	p.excArgs = term.ListFrom(p.Heap, args)
	p.excErrorInfo = errorInfoModule(mfa)
}

// bif calls a bif0/1/2 instruction's function.
func (p *Process) bif(in *instr, pc int) int {
	args := p.bifArgs[:in.n2]
	switch in.n2 {
	case 3:
		args[2] = p.load(&in.c)
		fallthrough
	case 2:
		args[1] = p.load(&in.b)
		fallthrough
	case 1:
		args[0] = p.load(&in.a)
	}
	r := in.fn(p, args)
	if r == term.NonValue {
		return p.bifFailed(in, pc, args)
	}
	p.store(&in.d, r)
	return pc + 1
}

// gcBif is bif for gc_bif instructions: the heap may be collected first,
// with the first n1 x registers and the arguments as roots.
func (p *Process) gcBif(in *instr, pc int) int {
	args := p.bifArgs[:in.n2]
	switch in.n2 {
	case 3:
		args[2] = p.load(&in.c)
		fallthrough
	case 2:
		args[1] = p.load(&in.b)
		fallthrough
	case 1:
		args[0] = p.load(&in.a)
	}
	if !p.Heap.HasRoom(0) {
		p.gc(0, int(in.n1), args)
	}
	r := in.fn(p, args)
	if r == term.NonValue {
		return p.bifFailed(in, pc, args)
	}
	p.store(&in.d, r)
	return pc + 1
}

func (p *Process) bifFailed(in *instr, pc int, args []term.Term) int {
	if p.trap != trapNone {
		p.trap = trapNone
		p.Raise(ClassError, term.Badarg)
	}
	if in.fail != 0 {
		p.clearException()
		return int(in.fail)
	}
	var mfa MFA
	if a, ok := in.aux.(*mfaAux); ok {
		mfa = a.mfa
	}
	if !raisesWithoutFrame(mfa, in.a, in.b) {
		p.noteBIFFrame(mfa, args)
	}
	return p.throwAt(pc)
}

func (p *Process) clearException() {
	p.Exc = Exception{Reason: term.NonValue, Args: term.NonValue, Info: term.NonValue, Trace: term.NonValue}
	p.forgetFrameNotes()
}

// forgetFrameNotes drops what a failure noted for the top frames of its
// stack trace (noteBIFFrame, failedCall), once the trace is built or the
// exception is gone.
func (p *Process) forgetFrameNotes() {
	p.excHasBIF = false
	p.excLibCaller = MFA{}
	p.excVia, p.excSkipCurrent, p.excCurrentTwice = viaSelf, false, false
}

// FailedInLibrary notes, for the exception being raised, that a
// library function OTP writes in Erlang (caller) failed in its call of
// the BIF bif with args at line of its source: the trace shows the BIF,
// then caller, then the caller's callers.
func (p *Process) FailedInLibrary(bif MFA, args []term.Term, caller MFA, line int) {
	p.noteBIFFrame(bif, args)
	p.excLibCaller, p.excLibLine = caller, line
}

// undef raises error:undef for a call of mfa with args, with the
// function's frame on top of the stack trace.
func (p *Process) undef(mfa MFA, args []term.Term) term.Term {
	p.Raise(ClassError, term.Undef)
	p.excHasBIF = true
	p.excMFA = mfa
	p.excArgs = term.ListFrom(p.Heap, args)
	p.excErrorInfo = 0
	return term.NonValue
}

// callUndef executes a call_ext to a function that no module defines.
func (p *Process) callUndef(in *instr, pc int) (int, bool) {
	mfa := in.aux.(*mfaAux).mfa
	// A module may define it after all if it is a BIF registered late.
	if b, ok := LookupBIF(mfa); ok {
		in.fn = b.Fn
		in.op = [...]iop{iCallBif, iCallBifLast, iCallBifOnly}[in.c.n]
		return pc, true
	}
	p.undef(mfa, p.x[:in.a.n])
	p.excVia = viaCallee
	pc = p.failedCall(mfa, nil, callKind(in.c.n) != kindCall, pc)
	return pc, pc >= 0
}

// dynCall is how a dynamic call (apply, a call of an external fun)
// leaves its caller.
type dynCall struct {
	kind    callKind // how control goes on (enter, afterReturn)
	dealloc int      // the caller's frame size, for kindLast
	pc      int      // the calling instruction
	// For the stack trace of a failure (see failedCall): whether it is a
	// tail call, and whether of a fun (call_fun, apply/2) or by apply/3.
	tail, byFun bool
	// cpPushed: native code has pushed the continuation already (kind is
	// then kindOnly); a failing call drops it.
	cpPushed bool
}

var atomApply = term.Intern("apply")

// invoke calls mod:fun/arity with its arguments in x[0:arity] (apply,
// calls of external funs).
func (p *Process) invoke(mod, fun term.Term, arity int, c dynCall) (int, bool) {
	if !mod.IsAtom() || !fun.IsAtom() {
		// erlang:apply/3 itself fails, in its own frame over the caller's
		// (tail call or not), as for any BIF called directly.
		args := term.ListFrom(p.Heap, p.x[:arity])
		p.Raise(ClassError, term.Badarg)
		p.noteBIFFrame(MFA{term.AtomErlang, atomApply, 3}, []term.Term{mod, fun, args})
		if c.cpPushed {
			p.sp--
		}
		pc := p.throwAt(c.pc)
		return pc, pc >= 0
	}
	if target, ok := p.sys.lookupExport(mod, fun, arity); ok {
		return p.enter(c.kind, c.dealloc, c.pc, int(target)), true
	}
	mfa := MFA{mod, fun, arity}
	b, ok := LookupBIF(mfa)
	if ok {
		r := b.Fn(p, p.x[:arity])
		if r != term.NonValue {
			p.x[0] = r
			return p.afterReturn(c.kind, c.dealloc, c.pc), true
		}
		if p.trap != trapNone {
			in := instr{op: [...]iop{iCallBif, iCallBifLast, iCallBifOnly}[c.kind], n1: int32(c.dealloc), aux: &mfaAux{mfa}}
			return p.bifTrapOrFail(&in, c.pc, uint32(arity), c.tail)
		}
		p.noteBIFFrame(mfa, p.x[:arity])
		p.calleeFailed(mfa, c.byFun)
	} else {
		p.undef(mfa, p.x[:arity])
		p.excVia = viaCallee
	}
	if c.cpPushed {
		p.sp--
	}
	pc := p.failedCall(mfa, nil, c.tail, c.pc)
	return pc, pc >= 0
}

// applyInstr executes apply/apply_last: x[n] is the module, x[n+1] the
// function, x[0:n] the arguments.
func (p *Process) applyInstr(in *instr, pc int) (int, bool) {
	n := int(in.n2)
	mod, fun := p.x[n], p.x[n+1]
	k := kindOf(in.op)
	return p.invoke(mod, fun, n, dynCall{kind: k, dealloc: int(in.n1), pc: pc, tail: k != kindCall})
}

// isTailSite reports a call at pc that the function returns from
// straight after (call_fun; deallocate N; return): OTP's loader makes it
// a tail call (i_call_fun_last), which leaves no frame of the caller.
func (p *Process) isTailSite(pc int) bool {
	_, _, ok := p.tailKind(pc)
	return ok
}

// tailKind is isTailSite with the kind of tail call and the words to
// deallocate.
func (p *Process) tailKind(pc int) (callKind, int, bool) {
	code := p.sys.code
	if pc+1 >= len(code) {
		return kindCall, 0, false
	}
	switch next := &code[pc+1]; next.op {
	case iReturn:
		return kindOnly, 0, true
	case iDeallocReturn:
		return kindLast, int(next.n1), true
	case iDeallocate:
		if pc+2 < len(code) && code[pc+2].op == iReturn {
			return kindLast, int(next.n1), true
		}
	}
	return kindCall, 0, false
}

// callFun executes call_fun/call_fun2: calls the fun with x[0:arity].
func (p *Process) callFun(in *instr, pc int) (int, bool) {
	arity := int(in.n2)
	var f term.Term
	if in.op == iCallFun {
		f = p.x[arity]
	} else {
		f = p.load(&in.a)
	}
	k, dealloc, tail := p.tailKind(pc)
	target, ok := p.funTarget(f, arity)
	if ok && target >= 0 {
		return p.enter(k, dealloc, pc, target), true
	}
	if ok { // an external fun
		m, fn, _ := f.ExportMFA()
		return p.invoke(m, fn, arity, dynCall{kind: k, dealloc: dealloc, pc: pc, tail: tail, byFun: true})
	}
	// OTP 25: a body call of something that is not a fun of that arity
	// shows the caller twice (as the current function and as the return
	// address), a tail call once.
	p.excCurrentTwice = !tail
	pc = p.throwAt(pc)
	return pc, pc >= 0
}

// funTarget prepares a call of fun f with arity arguments in x[0:arity]:
// for a closure it copies the free variables after the arguments and
// returns the entry; for an external fun it returns -1 (call invoke). It
// raises badfun/badarity and returns false when f cannot be called so.
func (p *Process) funTarget(f term.Term, arity int) (int, bool) {
	if f.IsClosure() {
		info := f.FunInfo()
		if info.Arity != arity {
			p.badarity(f, arity)
			return 0, false
		}
		lc, ok := info.Code.(*lambdaCode)
		if !ok || lc.entry == 0 {
			p.Raise(ClassError, term.Tuple2(p.Heap, term.Badfun, f))
			return 0, false
		}
		free := f.FunFree()
		if arity+len(free) > NumXRegs {
			p.Raise(ClassError, term.SystemLimit)
			return 0, false
		}
		copy(p.x[arity:], free)
		return int(lc.entry), true
	}
	if f.IsExport() {
		_, _, a := f.ExportMFA()
		if a != arity {
			p.badarity(f, arity)
			return 0, false
		}
		return -1, true
	}
	p.Raise(ClassError, term.Tuple2(p.Heap, term.Badfun, f))
	return 0, false
}

func (p *Process) badarity(f term.Term, arity int) {
	args := term.ListFrom(p.Heap, p.x[:arity])
	p.Raise(ClassError, term.Tuple2(p.Heap, term.Badarity, term.Tuple2(p.Heap, f, args)))
}

// suspend gives control back to the scheduler after a call at which the
// process has to stop: out of reductions, erlang:yield/0, timer:sleep/1.
func (p *Process) suspend(pc int) runResult {
	p.pc = pc
	p.trapYield = false
	if p.trapWait {
		p.trapWait = false
		p.mu.Lock()
		p.sleeping = true
		p.mu.Unlock()
		if p.sleepMs >= 0 {
			p.timer = p.sys.sched.addTimer(&timer{proc: p, ms: p.sleepMs})
		}
		return resWait
	}
	return resYield
}

// exitResult ends the process's run: p.exitReason is set.
func (p *Process) exitResult() runResult { return resExit }

// internalError turns a Go panic (a runtime bug) into the death of the
// process, with a report naming where it happened.
func (p *Process) internalError(r any) runResult {
	where := "?"
	if p.pc >= 0 && p.pc < len(p.sys.code) {
		if f := p.sys.funcAt(p.pc); f != nil {
			where = fmt.Sprintf("%s:%s/%d", term.AtomName(f.mod.Name), term.AtomName(f.name), f.arity)
		}
	}
	Flush()
	fmt.Fprintf(p.sys.Stderr, "beamrc: internal error in process %s (in %s): %v\n", pidString(p.Self), where, r)
	if debugPanics {
		p.sys.Stderr.Write(debug.Stack())
	}
	p.exitReason = term.Tuple2(p.Heap, term.Intern("beamrc_internal_error"), term.NewBinary(p.Heap, []byte(fmt.Sprint(r))))
	return resExit
}

func pidString(t term.Term) string {
	return fmt.Sprintf("<0.%d.0>", t.PidID())
}
