package amd64

import (
	"fmt"

	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
)

// callFun lowers call_fun and call_fun2. A closure of the right arity
// whose lambda is native is called in line: its free variables go to the
// x registers after the arguments, the continuation is pushed and the
// code jumps to the lambda's entry (abi.Context.FunEntries). Anything
// else (external funs, interpreted lambdas, bad funs and arities) goes
// through the runtime (abi.ReqCallFun), which also raises the errors.
func (l *lowerer) callFun(arity int64, fun beam.Operand) {
	ret := l.newLabel()
	slow := l.newLabel()
	l.checkCPRoom()
	f := l.use(fun, rAX)
	l.headerArity(f, abi.SubFun, rCX, slow, slow)
	l.funEntry(f, slow)
	l.op2(x86.AMOVQ, reg(rDI), reg(rSI))
	l.op2(x86.ASHRQ, imm(abi.FunArityShift), reg(rSI))
	l.op2(x86.ACMPQ, reg(rSI), imm(arity+1))
	l.jmp(x86.AJNE, slow)                // not native (0), or the wrong arity
	l.op2(x86.AMOVL, reg(rDI), reg(rDI)) // the entry's offset
	// Free variables: header arity - 1 of them, to x(arity)... Most
	// funs called have none, and skip the loop at once.
	copyLoop, copied := l.newLabel(), l.newLabel()
	l.op1(x86.ADECQ, reg(rCX))
	l.jmp(x86.AJEQ, copied)
	l.op2(x86.ACMPQ, reg(rCX), imm(abi.NumXRegs-arity))
	l.jmp(x86.AJHI, slow) // system_limit, the runtime's to raise
	l.op2(x86.ALEAQ, mem(f, 16-abi.PrimaryBoxed), reg(rSI))
	l.op2(x86.ALEAQ, mem(rX, 8*arity), reg(rR8))
	l.bind(copyLoop)
	l.op2(x86.AMOVQ, mem(rSI, 0), reg(rDX))
	l.op2(x86.AMOVQ, reg(rDX), mem(rR8, 0))
	l.op2(x86.AADDQ, imm(8), reg(rSI))
	l.op2(x86.AADDQ, imm(8), reg(rR8))
	l.op1(x86.ADECQ, reg(rCX))
	l.jmp(x86.AJNE, copyLoop)
	// The loop wrote the x array: pinned registers among its targets
	// take their values from it. (A stale value in one the fun has no
	// free variable for is dead: the lambda reads only its arity.)
	for i := arity; i < int64(len(pinnedX)); i++ {
		l.op2(x86.AMOVQ, mem(rX, 8*i), reg(pinnedX[i]))
	}
	l.bind(copied)
	l.storeCP(mem(rSP, 0), ret)
	l.op2(x86.AADDQ, imm(8), reg(rSP))
	l.op2(x86.AADDQ, ctx(abi.OffCodeBase), reg(rDI))
	l.op1(obj.AJMP, reg(rDI))

	l.stubAt(slow, func() {
		l.setOperandFrom(1, fun)
		l.setOperand(0, arity)
		l.storeCPSite(mem(rSP, 0), ret, false) // the fast path records the site
		l.op2(x86.AADDQ, imm(8), reg(rSP))
		l.exit(abi.ReqCallFun, ret)
	})
	l.bindReturn(ret)
}

// makeFun lowers make_fun3 in line: the closure is
// [header, global fun index, free variables...] (runtime/term), in heap
// words the preceding heap check reserved (its funs count).
func (l *lowerer) makeFun(index int64, dst beam.Operand, free []beam.Operand) error {
	if len(free) > abi.NumXRegs {
		return fmt.Errorf("fun with %d free variables", len(free))
	}
	fi := int64(l.env.Fun(l.bm.Name, int(index)))
	l.op2(x86.AMOVQ, imm(int64(abi.Header(abi.SubFun, 1+len(free)))), mem(rHeap, 0))
	l.op2(x86.AMOVQ, ctx(abi.OffFunIndices), reg(rAX))
	l.op2(x86.AMOVQ, mem(rAX, 8*fi), reg(rAX))
	l.op2(x86.AMOVQ, reg(rAX), mem(rHeap, 8))
	for i, f := range free {
		l.putHeapWord(int64(i+2), f, rAX)
	}
	l.takeBoxed(int64(len(free) + 2))
	l.store(rAX, dst)
	return nil
}

// funEntry loads the native fun table word (abi.FunEntry) of the closure
// in f into DI, or branches to slow when its global fun index is not in
// the table. It clobbers SI.
func (l *lowerer) funEntry(f int16, slow *label) {
	l.op2(x86.AMOVQ, mem(f, 8-abi.PrimaryBoxed), reg(rSI))
	l.op2(x86.ASHRQ, imm(abi.SmallShift), reg(rSI))
	l.op2(x86.ACMPQ, reg(rSI), ctx(abi.OffFunCount))
	l.jmp(x86.AJCC, slow) // unsigned >=: not in the table
	l.op2(x86.AMOVQ, ctx(abi.OffFunEntries), reg(rDI))
	l.op2(x86.AMOVQ, obj.Addr{Type: obj.TYPE_MEM, Reg: rDI, Index: rSI, Scale: 8}, reg(rDI))
}

// isFunction2 lowers is_function2 Fail Src Arity with a constant arity:
// an external fun carries its arity; a closure's is in the native fun
// table when its lambda is native. A closure of an interpreted lambda,
// and any arity that is not a constant, are stepped.
func (l *lowerer) isFunction2(in beam.Instr) {
	arity, ok := l.smallConst(in.Args[2])
	if !ok || arity < 0 || arity > abi.NumXRegs {
		l.step(in)
		return
	}
	fail := l.failLabel(in.Args[0])
	slow, done, closure := l.newLabel(), l.newLabel(), l.newLabel()
	l.load(in.Args[1], rAX)
	l.jumpUnlessBoxed(rAX, fail)
	l.subtag(rAX)
	l.jumpIfSubtag(abi.SubFun, closure)
	l.jumpUnlessSubtag(abi.SubExport, fail)
	l.cmpImm2(mem(rAX, 24-abi.PrimaryBoxed), abi.Small(arity))
	l.jmp(x86.AJNE, fail)
	l.jmp(obj.AJMP, done)
	l.bind(closure)
	l.funEntry(rAX, slow)
	l.op2(x86.ASHRQ, imm(abi.FunArityShift), reg(rDI))
	l.jmp(x86.AJEQ, slow) // the lambda has no native code
	l.op2(x86.ACMPQ, reg(rDI), imm(arity+1))
	l.jmp(x86.AJNE, fail)
	l.bind(done)
	l.stepSlow(in, slow, done)
}

// apply lowers apply Arity and apply_last Arity Dealloc: the runtime
// looks the function up (x(arity):x(arity+1)) and calls it, raising as
// the interpreter does for a bad module, function or arity (ReqApply).
// A normal apply pushes its continuation first; apply_last drops the
// frame and does not come back.
func (l *lowerer) apply(arity, dealloc int64, last bool) {
	kind := int64(abi.CallNormal)
	if last {
		kind = abi.CallLast
	}
	ret := l.leaveCaller(kind, dealloc)
	l.setOperand(0, arity)
	l.setOperand(1, kind)
	if last {
		l.exit(abi.ReqApply, nil)
		return
	}
	l.exit(abi.ReqApply, ret)
	l.bindReturn(ret)
}
