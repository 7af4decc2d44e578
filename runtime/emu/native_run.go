package emu

import (
	"unsafe"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/term"
)

// Native code runs inside the interpreter's loop: an iNative instruction
// (a native function's entry) or iNativeResume (pcNativeResume: a native
// continuation, handler or resume point in p.nativeResume) calls runNative,
// which enters the blob and serves its requests until control passes back
// to interpreted code (a return to an interpreter CP, a call of an
// interpreted function, an exception caught by an interpreted handler) or
// the process stops (yield, exit).

// loadContext copies the process state native code caches into the context.
func (p *Process) loadContext() {
	c := &p.ctx
	base := uintptr(unsafe.Pointer(unsafe.SliceData(p.stack)))
	c.SP = base + uintptr(p.sp)*8
	c.StackLimit = base + uintptr(len(p.stack))*8
	c.StackBase = base
	c.HeapTop, c.HeapLimit = p.Heap.Bump()
	c.Reds = int64(p.reds)
}

// saveContext takes back what native code changed.
func (p *Process) saveContext() {
	c := &p.ctx
	base := uintptr(unsafe.Pointer(unsafe.SliceData(p.stack)))
	p.sp = int((c.SP - base) / 8)
	p.Heap.SetBump(c.HeapTop)
	p.reds = int(c.Reds)
}

// bindContext sets the context words that never change: where this
// process's registers are and where the program's tables are (the
// native program is installed once, before any process runs).
func (p *Process) bindContext(n *native) {
	c := &p.ctx
	c.X = uintptr(unsafe.Pointer(&p.x[0]))
	c.FRegs = uintptr(unsafe.Pointer(&p.f[0]))
	c.CodeBase = n.base
	c.Literals = uintptr(unsafe.Pointer(unsafe.SliceData(n.literals)))
	c.FunEntries = uintptr(unsafe.Pointer(unsafe.SliceData(n.funEntries)))
	c.FunEntryCount = uint64(len(n.funEntries))
	c.FunIndices = uintptr(unsafe.Pointer(unsafe.SliceData(n.funIndices)))
}

// runNative runs native code from p.nativeResume. It returns the code
// index where interpretation continues, or stop with the run's result.
func (p *Process) runNative() (pc int, res runResult, stop bool) {
	n := p.sys.native
	c := &p.ctx
	if c.CodeBase == 0 {
		p.bindContext(n)
	}
	for {
		p.loadContext()
		c.Resume = p.nativeResume
		c.Request = 0
		n.enter(unsafe.Pointer(c), n.base+abi.DispatchOffset)
		p.saveContext()
		resume := c.Resume
		p.nativeResume = resume

		switch c.Request {
		case abi.ReqReturn:
			return cpIndex(term.Term(c.Operands[0])), 0, false

		case abi.ReqCall:
			pc = p.nativeCall(&n.callees[c.Operands[0]], c.Operands[1], resume)
		case abi.ReqBIF:
			pc = p.nativeBIF(&n.callees[c.Operands[0]], resume)
		case abi.ReqGC:
			// Native code goes on to allocate without another check.
			p.ensureHeap(int(c.Operands[0]), int(c.Operands[1]))
			continue
		case abi.ReqStack:
			p.ensureStack(int(c.Operands[0]))
			continue
		case abi.ReqYield:
			p.pc = pcNativeResume
			return 0, resYield, true
		case abi.ReqRaise:
			pc = p.nativeRaise(resume)
		case abi.ReqCompare:
			a, b := term.Term(c.Operands[1]), term.Term(c.Operands[2])
			var ok bool
			switch c.Operands[0] {
			case abi.CmpEqExact:
				ok = term.Equal(a, b)
			case abi.CmpEq:
				ok = term.ArithEqual(a, b)
			case abi.CmpLt:
				ok = term.Compare(a, b) < 0
			}
			c.Operands[0] = 0
			if ok {
				c.Operands[0] = 1
			}
			continue
		case abi.ReqCatchEnd:
			if p.x[0] == term.NonValue {
				p.x[0] = p.catchValue()
			}
			continue
		case abi.ReqBuildStacktrace:
			p.x[0] = p.rawTrace(p.x[0])
			continue
		case abi.ReqStep:
			var how int
			how, pc = p.nativeStep(p.sys.sitePC(resume))
			if how == stepWait {
				return 0, resWait, true
			}
			if how != stepJump {
				c.Operands[0] = uint64(how)
				pc = pcNativeResume
			}
		case abi.ReqApply:
			pc = p.nativeApply(int(c.Operands[0]), c.Operands[1], resume)
		case abi.ReqCallFun:
			pc = p.nativeCallFun(int(c.Operands[0]), term.Term(c.Operands[1]), resume)
		default:
			return 0, p.internalError("native code made an unknown request"), true
		}
		if pc < 0 {
			return 0, p.exitResult(), true
		}
		if pc != pcNativeResume {
			return pc, 0, false
		}
		if p.reds <= 0 || p.trapYield || p.trapWait {
			return 0, p.suspend(pc), true
		}
	}
}

// popReturn pops a continuation pointer and returns where it goes.
func (p *Process) popReturn() int {
	p.sp--
	return p.returnTo(p.stack[p.sp])
}

// nativeCall serves ReqCall: a call of a function that has no native
// code. For a plain call native code has pushed its continuation.
func (p *Process) nativeCall(ce *nativeCallee, kind uint64, resume uint64) int {
	if ce.pc != 0 {
		return ce.pc
	}
	arity := ce.mfa.Arity
	if ce.bif == nil {
		if kind == abi.CallNormal {
			p.sp--
		}
		p.undef(ce.mfa, p.x[:arity])
		p.excVia = viaCallee
		return p.failedCall(ce.mfa, nil, kind != abi.CallNormal, p.sys.sitePC(resume))
	}
	p.reds--
	r := ce.bif(p, p.x[:arity])
	if r != term.NonValue {
		p.x[0] = r
		return p.popReturn()
	}
	switch p.trap {
	case trapCall:
		p.trap = trapNone
		return p.trapPC
	case trapYield:
		p.trap = trapNone
		p.x[0] = p.trapValue
		p.trapValue = term.NonValue
		p.trapYield = true
		return p.popReturn()
	case trapExit:
		p.trap = trapNone
		return -1
	case trapSleep:
		p.trap = trapNone
		p.x[0] = term.Ok
		p.trapWait = true
		return p.popReturn()
	}
	if kind == abi.CallNormal {
		p.sp-- // the continuation: the trace names this call by its site
	}
	return p.failedCall(ce.mfa, p.x[:arity], kind != abi.CallNormal, p.sys.sitePC(resume))
}

// nativeBIF serves ReqBIF: a bif or gc_bif instruction's call.
func (p *Process) nativeBIF(ce *nativeCallee, resume uint64) int {
	c := &p.ctx
	arity := ce.mfa.Arity
	args := p.bifArgs[:arity]
	for i := range args {
		args[i] = term.Term(c.Operands[3+i])
	}
	hasFail := c.Operands[2]&abi.BIFHasFail != 0
	if live := int64(c.Operands[1]); live >= 0 && !p.Heap.HasRoom(0) {
		p.gc(0, int(live), args)
	}
	var r term.Term
	if ce.bif == nil {
		r = p.undef(ce.mfa, args)
	} else {
		r = ce.bif(p, args)
	}
	if r != term.NonValue {
		c.Operands[0] = uint64(r)
		return pcNativeResume
	}
	if p.trap != trapNone {
		p.trap = trapNone
		p.Raise(ClassError, term.Badarg)
	}
	if hasFail {
		p.clearException()
		c.Operands[0] = uint64(term.NonValue)
		return pcNativeResume
	}
	if c.Operands[2]&abi.BIFNoFrame == 0 {
		p.noteBIFFrame(ce.mfa, args)
	}
	return p.throwAt(p.sys.sitePC(resume))
}

// nativeRaise serves ReqRaise.
func (p *Process) nativeRaise(resume uint64) int {
	c := &p.ctx
	pc := p.sys.sitePC(resume)
	v := term.Term(c.Operands[1])
	switch c.Operands[0] {
	case abi.RaiseBadmatch:
		return p.raiseAt(pc, ClassError, term.Tuple2(p.Heap, term.Badmatch, v))
	case abi.RaiseCaseClause:
		return p.raiseAt(pc, ClassError, term.Tuple2(p.Heap, term.CaseClause, v))
	case abi.RaiseIfClause:
		return p.raiseAt(pc, ClassError, term.IfClause)
	case abi.RaiseTryClause:
		return p.raiseAt(pc, ClassError, term.Tuple2(p.Heap, term.TryClause, v))
	case abi.RaiseBadrecord:
		return p.raiseAt(pc, ClassError, term.Tuple2(p.Heap, term.Badrecord, v))
	case abi.RaiseFuncInfo:
		in := &p.sys.code[pc]
		return p.functionClause(in, pc)
	case abi.RaiseBadarg:
		return p.raiseAt(pc, ClassError, term.Badarg)
	case abi.RaiseBadarith:
		return p.raiseAt(pc, ClassError, term.Badarith)
	case abi.RaiseReraise:
		return p.reraise(pc, v, term.Term(c.Operands[2]))
	case abi.RaiseRaw:
		return p.rawRaise(pc)
	case abi.RaiseThrow:
		return p.raiseAt(pc, ClassThrow, v)
	case abi.RaiseError:
		return p.raiseAt(pc, ClassError, v)
	case abi.RaiseExit:
		return p.raiseAt(pc, ClassExit, v)
	}
	return p.raiseAt(pc, ClassError, term.Badarg)
}

// nativeApply serves apply and apply_last for native code (abi.ReqApply):
// the module and function follow the arguments in the x registers.
func (p *Process) nativeApply(arity int, kind uint64, resume uint64) int {
	site := p.sys.sitePC(resume)
	normal := kind == abi.CallNormal
	pc, _ := p.invoke(p.x[arity], p.x[arity+1], arity, dynCall{kind: kindOnly, pc: site, tail: !normal, cpPushed: normal})
	return pc
}

// nativeCallFun serves ReqCallFun; the continuation is pushed.
func (p *Process) nativeCallFun(arity int, f term.Term, resume uint64) int {
	target, ok := p.funTarget(f, arity)
	if ok && target >= 0 {
		return target
	}
	if ok { // an external fun: the continuation is on the stack already
		m, fn, _ := f.ExportMFA()
		site := p.sys.sitePC(resume)
		pc, _ := p.invoke(m, fn, arity, dynCall{kind: kindOnly, pc: site, tail: p.isTailSite(site), byFun: true, cpPushed: true})
		return pc
	}
	p.sp--
	site := p.sys.sitePC(resume)
	p.excCurrentTwice = !p.isTailSite(site) // as in callFun
	return p.throwAt(site)
}
