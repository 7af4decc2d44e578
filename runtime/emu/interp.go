package emu

import (
	"math"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/term"
)

// runResult says why the interpreter gave control back to the scheduler.
type runResult uint8

const (
	resYield runResult = iota // out of reductions (or erlang:yield/0)
	resWait                   // receive found no message
	resExit                   // the process ended; p.exitReason says why
)

// sliceReductions is the reduction budget of one time slice (BEAM's).
const sliceReductions = 4000

// Reserved code indices: the array starts with instructions that are not
// part of any module.
const (
	pcBad    = 0 // never executed
	pcExit   = 1 // CP of a process's first call: the process is done
	pcApply3 = 2 // apply(x0, x1, x2) then return: how a spawn starts
	pcApply2 = 3 // apply(x0, x1) then return
	// pcNativeResume runs native code from p.nativeResume: where a return
	// to a native CP, a native exception handler or a yield in native
	// code continues.
	pcNativeResume = 4
	numReserved    = abi.ReservedCodeIndices
)

// run interprets p from p.pc until it yields, waits or exits. A panic
// (a bug in the runtime) ends the process with an internal error
// instead of the program.
//
// The recovery is here rather than in interpret, whose many returns make
// Go keep its defers on a list: that cost a hundred-odd instructions per
// time slice, and a process that waits for every message runs a slice
// per message.
func (p *Process) run() (res runResult) {
	defer func() {
		if r := recover(); r != nil {
			res = p.internalError(r)
		}
	}()
	return p.interpret()
}

// interpret is run's loop.
//
// Nothing here keeps a heap term in a Go variable across a safe point
// (gc, allocate, test_heap, gc_bif, a BIF call): everything is reloaded
// from registers afterwards.
func (p *Process) interpret() runResult {
	code := p.sys.code
	pc := p.pc
	x := &p.x
	for {
		in := &code[pc]
		switch in.op {
		case iMoveXX:
			x[in.b.n] = x[in.a.n]
			pc++
		case iMoveCX:
			x[in.b.n] = in.a.t
			pc++
		case iMoveXY:
			p.stack[p.sp-1-int(in.b.n)] = x[in.a.n]
			pc++
		case iMoveYX:
			x[in.b.n] = p.stack[p.sp-1-int(in.a.n)]
			pc++
		case iMove:
			p.store(&in.b, p.load(&in.a))
			pc++
		case iMove2:
			p.store(&in.b, p.load(&in.a))
			p.store(&in.d, p.load(&in.c))
			pc += 2
			// Arguments are set up right before a call: when a call to
			// Erlang code (so far as binding made it one) follows, it
			// runs here, saving its dispatch.
			in = &code[pc]
			switch in.op {
			case iCall:
				if p.sp == len(p.stack) {
					p.ensureStack(1)
				}
				p.stack[p.sp] = makeCP(pc + 1)
				p.sp++
			case iCallLast:
				p.sp -= int(in.n1)
			case iCallOnly:
			default:
				continue
			}
			pc = int(in.n2)
			if p.reds--; p.reds <= 0 {
				p.pc = pc
				return resYield
			}
		case iIsEqExactC:
			pc = test(p.load(&in.a) == in.b.t, pc, in.fail)
		case iIsNeExactC:
			pc = test(p.load(&in.a) != in.b.t, pc, in.fail)
		case iIsNonemptyListX:
			pc = test(x[in.a.n].IsCons(), pc, in.fail)
		case iIsNilX:
			pc = test(x[in.a.n] == term.Nil, pc, in.fail)
		case iIsTupleX:
			pc = test(x[in.a.n].IsTuple(), pc, in.fail)
		case iTestArityX:
			pc = test(x[in.a.n].TupleArity() == int(in.n1), pc, in.fail)
		case iIsTaggedTupleX:
			v := x[in.a.n]
			pc = test(v.IsTuple() && v.TupleArity() == int(in.n1) && v.Word(1) == in.b.t, pc, in.fail)
		case iGetTupleElementX:
			p.store(&in.b, x[in.a.n].Word(int(in.n1)))
			pc++
		case iIsTupleArity:
			v := p.load(&in.a)
			if v.IsTuple() && v.TupleArity() == int(in.n1) {
				pc += 2
			} else {
				pc = int(in.fail)
			}
		case iIsConsGetList:
			l := p.load(&in.a)
			if !l.IsCons() {
				pc = int(in.fail)
				continue
			}
			p.store(&in.b, l.Head())
			p.store(&in.c, l.Tail())
			pc += 2
		case iGetTupleElement2:
			p.store(&in.b, p.load(&in.a).Word(int(in.n1)))
			p.store(&in.d, p.load(&in.c).Word(int(in.n2)))
			pc += 2
		case iGetListX:
			l := x[in.a.n]
			p.store(&in.b, l.Head())
			p.store(&in.c, l.Tail())
			pc++
		case iSwap:
			va, vb := p.load(&in.a), p.load(&in.b)
			p.store(&in.a, vb)
			p.store(&in.b, va)
			pc++
		case iInitY:
			for i := range in.list {
				p.stack[p.sp-1-int(in.list[i].n)] = term.Nil
			}
			pc++
		case iGetList:
			l := p.load(&in.a)
			p.store(&in.b, l.Head())
			p.store(&in.c, l.Tail())
			pc++
		case iGetHd:
			p.store(&in.b, p.load(&in.a).Head())
			pc++
		case iGetTl:
			p.store(&in.b, p.load(&in.a).Tail())
			pc++
		case iGetTupleElement:
			p.store(&in.b, p.load(&in.a).Word(int(in.n1)))
			pc++
		case iSetTupleElement:
			p.load(&in.b).SetWord(int(in.n1), p.load(&in.a))
			pc++
		case iPutList:
			p.putList(in)
			pc++
		case iPutTuple2:
			p.putTuple2(in)
			pc++
		case iPutTuple:
			p.putTuple(in)
			pc++

		case iIsInteger:
			pc = test(p.load(&in.a).IsInteger(), pc, in.fail)
		case iIsFloat:
			pc = test(p.load(&in.a).IsFloat(), pc, in.fail)
		case iIsNumber:
			pc = test(p.load(&in.a).IsNumber(), pc, in.fail)
		case iIsAtom:
			pc = test(p.load(&in.a).IsAtom(), pc, in.fail)
		case iIsPid:
			pc = test(p.load(&in.a).IsPid(), pc, in.fail)
		case iIsReference:
			pc = test(p.load(&in.a).IsRef(), pc, in.fail)
		case iIsPort:
			pc = test(p.load(&in.a).IsPort(), pc, in.fail)
		case iIsNil:
			pc = test(p.load(&in.a) == term.Nil, pc, in.fail)
		case iIsBinary:
			pc = test(p.load(&in.a).IsBinary(), pc, in.fail)
		case iIsBitstr:
			pc = test(p.load(&in.a).IsBitstring(), pc, in.fail)
		case iIsList:
			pc = test(p.load(&in.a).IsList(), pc, in.fail)
		case iIsNonemptyList:
			pc = test(p.load(&in.a).IsCons(), pc, in.fail)
		case iIsTuple:
			pc = test(p.load(&in.a).IsTuple(), pc, in.fail)
		case iIsFunction:
			pc = test(p.load(&in.a).IsFun(), pc, in.fail)
		case iIsFunction2:
			f, ar := p.load(&in.a), p.load(&in.b)
			pc = test(f.IsFun() && ar.IsSmall() && int64(f.FunArity()) == ar.SmallValue(), pc, in.fail)
		case iIsMap:
			pc = test(p.load(&in.a).IsMap(), pc, in.fail)
		case iIsBoolean:
			v := p.load(&in.a)
			pc = test(v == term.True || v == term.False, pc, in.fail)
		case iTestArity:
			v := p.load(&in.a)
			pc = test(v.TupleArity() == int(in.n1), pc, in.fail)
		case iIsTaggedTuple:
			v := p.load(&in.a)
			pc = test(v.IsTuple() && v.TupleArity() == int(in.n1) && v.Word(1) == in.b.t, pc, in.fail)
		case iIsEqExact:
			pc = test(eqExact(p.load(&in.a), p.load(&in.b)), pc, in.fail)
		case iIsNeExact:
			pc = test(!eqExact(p.load(&in.a), p.load(&in.b)), pc, in.fail)
		case iIsEq:
			pc = test(term.ArithEqual(p.load(&in.a), p.load(&in.b)), pc, in.fail)
		case iIsNe:
			pc = test(!term.ArithEqual(p.load(&in.a), p.load(&in.b)), pc, in.fail)
		case iIsLtSmall:
			a, b := x[in.a.n], x[in.b.n]
			if a.IsSmall() && b.IsSmall() {
				pc = test(int64(a) < int64(b), pc, in.fail)
			} else {
				pc = test(term.Compare(a, b) < 0, pc, in.fail)
			}
		case iIsGeSmall:
			a, b := x[in.a.n], x[in.b.n]
			if a.IsSmall() && b.IsSmall() {
				pc = test(int64(a) >= int64(b), pc, in.fail)
			} else {
				pc = test(term.Compare(a, b) >= 0, pc, in.fail)
			}
		case iIsLtXC:
			// b is a small: a small a compares as an integer, anything
			// else by the term order.
			if a := x[in.a.n]; a.IsSmall() {
				pc = test(int64(a) < int64(in.b.t), pc, in.fail)
			} else {
				pc = test(term.Compare(a, in.b.t) < 0, pc, in.fail)
			}
		case iIsGeXC:
			if a := x[in.a.n]; a.IsSmall() {
				pc = test(int64(a) >= int64(in.b.t), pc, in.fail)
			} else {
				pc = test(term.Compare(a, in.b.t) >= 0, pc, in.fail)
			}
		case iIsGtXC:
			if a := x[in.a.n]; a.IsSmall() {
				pc = test(int64(a) > int64(in.b.t), pc, in.fail)
			} else {
				pc = test(term.Compare(a, in.b.t) > 0, pc, in.fail)
			}
		case iIsLeXC:
			if a := x[in.a.n]; a.IsSmall() {
				pc = test(int64(a) <= int64(in.b.t), pc, in.fail)
			} else {
				pc = test(term.Compare(a, in.b.t) <= 0, pc, in.fail)
			}
		case iIsLt:
			a, b := p.load(&in.a), p.load(&in.b)
			if a.IsSmall() && b.IsSmall() {
				pc = test(int64(a) < int64(b), pc, in.fail)
			} else {
				pc = test(term.Compare(a, b) < 0, pc, in.fail)
			}
		case iIsGe:
			a, b := p.load(&in.a), p.load(&in.b)
			if a.IsSmall() && b.IsSmall() {
				pc = test(int64(a) >= int64(b), pc, in.fail)
			} else {
				pc = test(term.Compare(a, b) >= 0, pc, in.fail)
			}

		case iSelectVal:
			pc = int(in.aux.(*selectTable).lookup(p.load(&in.a), in.fail))
		case iSelectValJump:
			v := p.load(&in.a)
			tab := in.aux.(*selectTable)
			pc = int(in.fail)
			if v.IsSmall() {
				if i := v.SmallValue() - tab.base; i >= 0 && i < int64(len(tab.jump)) {
					pc = int(tab.jump[i])
				}
			}
		case iSelectTupleArity:
			v := p.load(&in.a)
			pc = int(in.fail)
			if v.IsTuple() {
				pc = int(in.aux.(*selectTable).lookup(term.MakeSmall(int64(v.TupleArity())), in.fail))
			}
		case iJump:
			pc = int(in.fail)

		case iCall:
			if p.sp == len(p.stack) {
				p.ensureStack(1)
			}
			p.stack[p.sp] = makeCP(pc + 1)
			p.sp++
			pc = int(in.n2)
			if p.reds--; p.reds <= 0 {
				p.pc = pc
				return resYield
			}
		case iCallLast:
			p.sp -= int(in.n1)
			pc = int(in.n2)
			if p.reds--; p.reds <= 0 {
				p.pc = pc
				return resYield
			}
		case iCallOnly:
			pc = int(in.n2)
			if p.reds--; p.reds <= 0 {
				p.pc = pc
				return resYield
			}
		case iDeallocReturn:
			p.sp -= int(in.n1) + 1
			pc = p.returnTo(p.stack[p.sp])
			if p.reds--; p.reds <= 0 {
				p.pc = pc
				return resYield
			}
		case iTestHeapPutList:
			if !p.Heap.HasRoom(int(in.n2)) {
				p.gc(int(in.n2), int(in.a.n), nil)
			}
			pl := &code[pc+1]
			w := p.Heap.Alloc(2)
			w[0], w[1] = uint64(p.load(&pl.a)), uint64(p.load(&pl.b))
			p.store(&pl.c, term.ConsOf(w))
			pc += 2
		case iReturn:
			p.sp--
			pc = p.returnTo(p.stack[p.sp])
			if p.reds--; p.reds <= 0 {
				p.pc = pc
				return resYield
			}
		case iCallBif, iCallBifLast, iCallBifOnly:
			p.reds--
			r := in.fn(p, x[:in.a.n])
			if r == term.NonValue {
				var ok bool
				if pc, ok = p.bifTrapOrFail(in, pc, in.a.n, kindOf(in.op) != kindCall); !ok {
					return p.exitResult()
				}
				if p.reds <= 0 || p.trapYield || p.trapWait {
					return p.suspend(pc)
				}
				continue
			}
			x[0] = r
			switch in.op {
			case iCallBif:
				pc++
			case iCallBifLast:
				p.sp -= int(in.n1)
				p.sp--
				pc = p.returnTo(p.stack[p.sp])
			default:
				p.sp--
				pc = p.returnTo(p.stack[p.sp])
			}
			if p.reds <= 0 {
				p.pc = pc
				return resYield
			}
		case iCallUndef:
			var ok bool
			if pc, ok = p.callUndef(in, pc); !ok {
				return p.exitResult()
			}
		case iApply, iApplyLast:
			var ok bool
			if pc, ok = p.applyInstr(in, pc); !ok {
				return p.exitResult()
			}
			if p.reds--; p.reds <= 0 || p.trapYield || p.trapWait {
				return p.suspend(pc)
			}
		case iCallFun, iCallFun2:
			var ok bool
			if pc, ok = p.callFun(in, pc); !ok {
				return p.exitResult()
			}
			if p.reds--; p.reds <= 0 || p.trapYield || p.trapWait {
				return p.suspend(pc)
			}
		case iMakeFun:
			free := p.scratchLoad(in.list)
			p.store(&in.b, term.NewClosure(p.Heap, uint32(in.n1), free))
			pc++

		case iAdd:
			a, b := p.load(&in.a), p.load(&in.b)
			if a.IsSmall() && b.IsSmall() {
				if r := a.SmallValue() + b.SmallValue(); term.FitsSmall(r) {
					p.store(&in.d, term.MakeSmall(r))
					pc++
					continue
				}
			}
			pc = p.gcBif(in, pc)
			if pc < 0 {
				return p.exitResult()
			}
		case iAddXC:
			if a := x[in.a.n]; a.IsSmall() {
				if r := a.SmallValue() + in.b.t.SmallValue(); term.FitsSmall(r) {
					p.store(&in.d, term.MakeSmall(r))
					pc++
					continue
				}
			}
			if pc = p.gcBif(in, pc); pc < 0 {
				return p.exitResult()
			}
		case iAddYC:
			if a := p.stack[p.sp-1-int(in.a.n)]; a.IsSmall() {
				if r := a.SmallValue() + in.b.t.SmallValue(); term.FitsSmall(r) {
					p.store(&in.d, term.MakeSmall(r))
					pc++
					continue
				}
			}
			if pc = p.gcBif(in, pc); pc < 0 {
				return p.exitResult()
			}
		case iSub:
			a, b := p.load(&in.a), p.load(&in.b)
			if a.IsSmall() && b.IsSmall() {
				if r := a.SmallValue() - b.SmallValue(); term.FitsSmall(r) {
					p.store(&in.d, term.MakeSmall(r))
					pc++
					continue
				}
			}
			pc = p.gcBif(in, pc)
			if pc < 0 {
				return p.exitResult()
			}
		case iMul:
			a, b := p.load(&in.a), p.load(&in.b)
			if a.IsSmall() && b.IsSmall() {
				av, bv := a.SmallValue(), b.SmallValue()
				if av > -(1<<29) && av < 1<<29 && bv > -(1<<29) && bv < 1<<29 {
					p.store(&in.d, term.MakeSmall(av*bv))
					pc++
					continue
				}
			}
			pc = p.gcBif(in, pc)
			if pc < 0 {
				return p.exitResult()
			}
		case iElement:
			i, t := p.load(&in.a), p.load(&in.b)
			if i.IsSmall() && t.IsTuple() {
				if n := i.SmallValue(); n >= 1 && n <= int64(t.TupleArity()) {
					p.store(&in.d, t.Word(int(n)))
					pc++
					continue
				}
			}
			pc = p.bif(in, pc)
			if pc < 0 {
				return p.exitResult()
			}
		case iBif:
			pc = p.bif(in, pc)
			if pc < 0 {
				return p.exitResult()
			}
		case iGcBif:
			pc = p.gcBif(in, pc)
			if pc < 0 {
				return p.exitResult()
			}

		case iAllocate:
			// Frames are small: zeroing them in a loop beats a call to
			// memclr. allocate without heap words never collects.
			n := int(in.n1)
			if p.sp+n > len(p.stack) {
				p.ensureStack(n)
			}
			for i, y := 0, p.stack[p.sp:p.sp+n]; i < len(y); i++ {
				y[i] = 0
			}
			p.sp += n
			if in.n2 != 0 && !p.Heap.HasRoom(int(in.n2)) {
				p.gc(int(in.n2), int(in.a.n), nil)
			}
			pc++
		case iTestHeap:
			if !p.Heap.HasRoom(int(in.n2)) {
				p.gc(int(in.n2), int(in.a.n), nil)
			}
			pc++
		case iDeallocate:
			p.sp -= int(in.n1)
			pc++
		case iTrim:
			// Drop y(0)..y(n1-1); the rest keep their places relative to
			// the CP below them.
			p.sp -= int(in.n1)
			pc++

		case iUpdateRecord:
			p.updateRecord(in)
			pc++
		case iPutMapAssoc, iPutMapExact:
			if pc = p.putMap(in, pc); pc < 0 {
				return p.exitResult()
			}
		case iGetMapElements:
			pc = p.getMapElements(in, pc)
		case iHasMapFields:
			pc = p.hasMapFields(in, pc)

		case iFmove:
			p.fmove(in)
			pc++
		case iFconv:
			v := p.load(&in.a)
			f, ok := v.ToFloat()
			if !ok {
				pc = p.raiseAt(pc, ClassError, term.Badarith)
				if pc < 0 {
					return p.exitResult()
				}
				continue
			}
			p.f[in.b.n] = f
			pc++
		case iFadd, iFsub, iFmul, iFdiv, iFnegate:
			if !p.floatOp(in) {
				if in.fail != 0 {
					pc = int(in.fail)
					continue
				}
				if pc = p.raiseAt(pc, ClassError, term.Badarith); pc < 0 {
					return p.exitResult()
				}
				continue
			}
			pc++
		case iFcheckerror, iNop:
			pc++

		case iBsCreateBin:
			if pc = p.bsCreateBin(in, pc); pc < 0 {
				return p.exitResult()
			}
		case iBsMatch:
			if pc = p.bsMatch(in, pc); pc < 0 {
				return p.exitResult()
			}
		case iBsStartMatch, iBsGetInteger, iBsGetFloat, iBsGetBinary, iBsSkipBits,
			iBsTestTail, iBsTestUnit, iBsMatchString, iBsGetUtf8, iBsGetUtf16, iBsGetUtf32,
			iBsSkipUtf8, iBsSkipUtf16, iBsSkipUtf32, iBsGetTail, iBsGetPosition, iBsSetPosition:
			if pc = p.bsMatchOp(in, pc); pc < 0 {
				return p.exitResult()
			}
		case iBsInit, iBsPut, iBsAdd, iBsAppend, iBsPrivateAppend, iBsUtfSize:
			if pc = p.bsOldConstruct(in, pc); pc < 0 {
				return p.exitResult()
			}

		case iTry, iCatch:
			p.store(&in.a, abi.InterpCatch(int(in.fail)))
			pc++
		case iTryEnd:
			p.store(&in.a, term.Nil)
			pc++
		case iTryCase:
			p.store(&in.a, term.Nil)
			x[0], x[1], x[2] = x[1], x[2], x[3]
			pc++
		case iCatchEnd:
			p.store(&in.a, term.Nil)
			if x[0] == term.NonValue {
				x[0] = p.catchValue()
			}
			pc++
		case iBuildStacktrace:
			x[0] = p.rawTrace(x[0])
			pc++
		case iRaise:
			if pc = p.reraise(pc, p.load(&in.a), p.load(&in.b)); pc < 0 {
				return p.exitResult()
			}
		case iRawRaise:
			if pc = p.rawRaise(pc); pc < 0 {
				return p.exitResult()
			}
		case iTryCaseEnd:
			if pc = p.raiseAt(pc, ClassError, term.Tuple2(p.Heap, term.TryClause, p.load(&in.a))); pc < 0 {
				return p.exitResult()
			}
		case iBadmatch:
			if pc = p.raiseAt(pc, ClassError, term.Tuple2(p.Heap, term.Badmatch, p.load(&in.a))); pc < 0 {
				return p.exitResult()
			}
		case iCaseEnd:
			if pc = p.raiseAt(pc, ClassError, term.Tuple2(p.Heap, term.CaseClause, p.load(&in.a))); pc < 0 {
				return p.exitResult()
			}
		case iIfEnd:
			if pc = p.raiseAt(pc, ClassError, term.IfClause); pc < 0 {
				return p.exitResult()
			}
		case iBadrecord:
			if pc = p.raiseAt(pc, ClassError, term.Tuple2(p.Heap, term.Badrecord, p.load(&in.a))); pc < 0 {
				return p.exitResult()
			}
		case iFuncInfo:
			if pc = p.functionClause(in, pc); pc < 0 {
				return p.exitResult()
			}

		case iLoopRec:
			m, ok := p.peekMessage()
			if !ok {
				pc = int(in.fail)
				continue
			}
			p.store(&in.b, m)
			pc++
		case iLoopRecEnd:
			p.cursor++
			pc = int(in.fail)
		case iRemoveMessage:
			p.removeMessage()
			pc++
		case iWait:
			p.pc = int(in.fail)
			return resWait
		case iWaitTimeout:
			next, wait, ok := p.waitTimeout(in, pc)
			if !ok {
				if pc = p.raiseAt(pc, ClassError, term.Intern("timeout_value")); pc < 0 {
					return p.exitResult()
				}
				continue
			}
			if wait {
				p.pc = next
				return resWait
			}
			pc = next
		case iTimeout:
			p.timeoutDone()
			pc++
		case iSend:
			p.reds--
			if r := p.sendOp(x[0], x[1]); r == term.NonValue {
				if pc = p.throwAt(pc); pc < 0 {
					return p.exitResult()
				}
				continue
			}
			x[0] = x[1]
			pc++
			if p.killReason != 0 {
				p.pc = pc
				return resYield
			}
		case iRecvMarkerReserve:
			p.store(&in.a, p.markerReserve())
			pc++
		case iRecvMarkerBind:
			p.markerBind(p.load(&in.a), p.load(&in.b))
			pc++
		case iRecvMarkerClear:
			p.markerClear(p.load(&in.a))
			pc++
		case iRecvMarkerUse:
			p.markerUse(p.load(&in.a))
			pc++

		case iNative:
			// The entry of a function that has native code.
			p.nativeResume = abi.NativeCP(uint32(in.n1))
			fallthrough
		case iNativeResume:
			var r runResult
			var stop bool
			p.pc = pc
			if pc, r, stop = p.runNative(); stop {
				return r
			}

		case iProcessExit:
			p.exitReason = term.Normal
			return resExit
		case iBad:
			p.pc = pc
			return p.internalError("jump to code index 0")
		default:
			p.pc = pc
			return p.internalError("unknown internal opcode")
		}
	}
}

// test returns where to go after a type or comparison test.
func test(ok bool, pc int, fail int32) int {
	if ok {
		return pc + 1
	}
	return int(fail)
}

// eqExact is =:= with the common cases first.
func eqExact(a, b term.Term) bool {
	if a == b {
		return true
	}
	if a.IsImmediate() || b.IsImmediate() {
		return false
	}
	return term.Equal(a, b)
}

// lookup finds the target of v in a select_val table.
func (t *selectTable) lookup(v term.Term, fail int32) int32 {
	if t.imm {
		if !v.IsImmediate() {
			return fail
		}
		lo, hi := 0, len(t.vals)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if t.vals[m] < v {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(t.vals) && t.vals[lo] == v {
			return t.targets[lo]
		}
		return fail
	}
	for i, c := range t.vals {
		if eqExact(c, v) {
			return t.targets[i]
		}
	}
	return fail
}

// scratchLoad loads operands into a reused buffer. The buffer is not a
// GC root: use it only where nothing collects.
func (p *Process) scratchLoad(ops []operand) []term.Term {
	if cap(p.scratch) < len(ops) {
		p.scratch = make([]term.Term, len(ops), 2*len(ops))
	}
	s := p.scratch[:len(ops)]
	for i := range ops {
		s[i] = p.load(&ops[i])
	}
	return s
}

// putList executes put_list: c = [a | b].
func (p *Process) putList(in *instr) {
	w := p.Heap.Alloc(2)
	w[0], w[1] = uint64(p.load(&in.a)), uint64(p.load(&in.b))
	p.store(&in.c, term.ConsOf(w))
}

// putTuple2 executes put_tuple2: b = the tuple of list's operands.
func (p *Process) putTuple2(in *instr) {
	n := len(in.list)
	w := p.Heap.Alloc(n + 1)
	w[0] = uint64(term.MakeHeader(term.SubTuple, n))
	for i := range in.list {
		w[i+1] = uint64(p.load(&in.list[i]))
	}
	p.store(&in.b, term.Box(w))
}

// putTuple implements the pre-OTP 22 put_tuple/put pair: put_tuple
// allocates, each put fills the next element.
func (p *Process) putTuple(in *instr) {
	if in.n1 >= 0 {
		w := p.Heap.Alloc(int(in.n1) + 1)
		w[0] = uint64(term.MakeHeader(term.SubTuple, int(in.n1)))
		for i := 1; i < len(w); i++ {
			w[i] = uint64(term.Nil)
		}
		t := term.Box(w)
		p.store(&in.b, t)
		p.building, p.buildIdx = t, 1
		return
	}
	p.building.SetWord(p.buildIdx, p.load(&in.a))
	p.buildIdx++
}

func (p *Process) fmove(in *instr) {
	switch {
	case in.a.kind == kFR && in.b.kind == kFR:
		p.f[in.b.n] = p.f[in.a.n]
	case in.a.kind == kFR:
		p.store(&in.b, term.NewFloat(p.Heap, p.f[in.a.n]))
	default:
		v := p.load(&in.a)
		f, _ := v.ToFloat()
		p.f[in.b.n] = f
	}
}

// floatOp does fadd/fsub/fmul/fdiv/fnegate; false means the result is not
// a finite float (badarith).
func (p *Process) floatOp(in *instr) bool {
	var r float64
	a := p.f[in.a.n]
	switch in.op {
	case iFadd:
		r = a + p.f[in.b.n]
	case iFsub:
		r = a - p.f[in.b.n]
	case iFmul:
		r = a * p.f[in.b.n]
	case iFdiv:
		r = a / p.f[in.b.n]
	case iFnegate:
		// As OTP computes it: the negation of 0.0 is 0.0, not -0.0.
		r = 0 - a
	}
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return false
	}
	p.f[in.c.n] = r
	return true
}
