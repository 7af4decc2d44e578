package emu

import (
	"fmt"

	"github.com/beamrc/beamrc/runtime/term"
)

// Native code runs an instruction it does not lower itself (bit syntax,
// maps, floats, send, ...) by asking the runtime to execute the
// interpreter's translation of it (abi.ReqStep): the instructions here
// only touch registers, the heap and the process, and either continue
// with the next instruction, take their fail label, or raise. The
// opcodes are the ones codegen's stepped lists, and the lowered ones whose
// fast paths leave the rest to the runtime (maps, update_record,
// is_function2).

// stepResult is what a stepped instruction did.
const (
	stepNext = iota // went on to the next instruction
	stepFail        // took its fail label
	stepJump        // raised: continue at the handler (or the process ends)
	stepWait        // the process waits for a message; it resumes at p.pc
)

// nativeStep executes the instruction at code index pc. For stepJump it
// also returns where execution continues (-1: the process ends).
func (p *Process) nativeStep(pc int) (int, int) {
	in := &p.sys.code[pc]
	if in.op == iNative {
		in = p.sys.native.replaced[pc]
	}
	next := pc + 1
	switch in.op {
	case iMove, iMoveXX, iMoveCX, iMoveXY, iMoveYX:
		p.store(&in.b, p.load(&in.a))
	case iMove2:
		// A move stepped for its operand (a bignum) that the interpreter
		// fused with the next: only the first is this step's, native
		// code does the second (still at pc+1) itself.
		p.store(&in.b, p.load(&in.a))
	case iPutList:
		p.putList(in)
	case iPutTuple2:
		p.putTuple2(in)
	case iIsBitstr:
		next = test(p.load(&in.a).IsBitstring(), pc, in.fail)
	case iIsFunction2:
		f, ar := p.load(&in.a), p.load(&in.b)
		next = test(f.IsFun() && ar.IsSmall() && int64(f.FunArity()) == ar.SmallValue(), pc, in.fail)
	case iUpdateRecord:
		p.updateRecord(in)
	case iPutMapAssoc, iPutMapExact:
		next = p.putMap(in, pc)
	case iGetMapElements:
		next = p.getMapElements(in, pc)
	case iHasMapFields:
		next = p.hasMapFields(in, pc)
	case iFmove:
		p.fmove(in)
	case iFconv:
		f, ok := p.load(&in.a).ToFloat()
		if !ok {
			next = p.raiseAt(pc, ClassError, term.Badarith)
			break
		}
		p.f[in.b.n] = f
	case iFadd, iFsub, iFmul, iFdiv, iFnegate:
		if !p.floatOp(in) {
			if in.fail != 0 {
				next = int(in.fail)
				break
			}
			next = p.raiseAt(pc, ClassError, term.Badarith)
		}
	case iFcheckerror, iNop:
	case iBsCreateBin:
		next = p.bsCreateBin(in, pc)
	case iBsMatch:
		next = p.bsMatch(in, pc)
	case iBsStartMatch, iBsGetInteger, iBsGetFloat, iBsGetBinary, iBsSkipBits,
		iBsTestTail, iBsTestUnit, iBsMatchString, iBsGetUtf8, iBsGetUtf16, iBsGetUtf32,
		iBsSkipUtf8, iBsSkipUtf16, iBsSkipUtf32, iBsGetTail, iBsGetPosition, iBsSetPosition:
		next = p.bsMatchOp(in, pc)
	case iBsInit, iBsPut, iBsAdd, iBsAppend, iBsPrivateAppend, iBsUtfSize:
		next = p.bsOldConstruct(in, pc)
	case iLoopRec:
		m, ok := p.peekMessage()
		if !ok {
			next = int(in.fail)
			break
		}
		p.store(&in.b, m)
	case iLoopRecEnd:
		p.cursor++
		next = int(in.fail)
	case iRemoveMessage:
		p.removeMessage()
	case iTimeout:
		p.timeoutDone()
	case iRecvMarkerReserve:
		p.store(&in.a, p.markerReserve())
	case iRecvMarkerBind:
		p.markerBind(p.load(&in.a), p.load(&in.b))
	case iRecvMarkerClear:
		p.markerClear(p.load(&in.a))
	case iRecvMarkerUse:
		p.markerUse(p.load(&in.a))
	case iWait:
		// The process resumes in the interpreter's translation of the
		// function (the same frame layout), at the receive loop.
		p.pc = int(in.fail)
		return stepWait, 0
	case iWaitTimeout:
		n, wait, ok := p.waitTimeout(in, pc)
		if !ok {
			return stepJump, p.raiseAt(pc, ClassError, term.Intern("timeout_value"))
		}
		if wait {
			p.pc = n
			return stepWait, 0
		}
		next = n
	case iSend:
		p.reds--
		if r := p.sendOp(p.x[0], p.x[1]); r == term.NonValue {
			return stepJump, p.throwAt(pc)
		}
		p.x[0] = p.x[1]
		if p.killReason != 0 {
			p.trapYield = true // the scheduler sees the kill
		}
	default:
		return stepJump, p.internalErrorPC(pc, fmt.Sprintf("native code stepped instruction %d (op %d), which the runtime cannot step", pc, in.op))
	}
	switch {
	case next == pc+1:
		return stepNext, 0
	case in.fail != 0 && next == int(in.fail):
		return stepFail, 0
	}
	return stepJump, next
}

// internalErrorPC reports a runtime bug at pc and ends the process.
func (p *Process) internalErrorPC(pc int, msg string) int {
	p.pc = pc
	p.internalError(msg)
	return -1
}
