package codegen

import (
	"fmt"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
)

// Plan is the ISA-neutral analysis of a function before lowering: every
// instruction is one the backends lower (or the reason why not), and each
// instruction's index as the runtime counts it, which native code reports
// for stack traces (Site).
type Plan struct {
	Fn *Function
	// Index[i] is the runtime's index of Fn.Func.Code[i], counting from the
	// function's func_info (0); instructions the interpreter does not keep
	// (labels, line markers) share the index of the next one.
	Index []uint32
	// Step[i] says that native code has the runtime execute instruction i
	// (abi.ReqStep) instead of lowering it.
	Step []bool
	// Framed[i] says that the function's stack frame is certainly
	// allocated when instruction i runs (see framedAt).
	Framed []bool
}

// stepped are the generic instructions native code has the runtime
// execute, one at a time (abi.ReqStep): they only touch registers, the
// heap and the process, and go on, take their fail label (the first
// operand, when it is a label) or raise. Lowering them in line is future
// work; stepping keeps their functions native.
var stepped = map[beam.Opcode]bool{
	beam.OpBsStartMatch2: true, beam.OpBsGetFloat2: true,
	beam.OpBsGetUtf16: true, beam.OpBsGetUtf32: true, beam.OpBsSkipUtf16: true, beam.OpBsSkipUtf32: true,
	beam.OpBsInitWritable: true, beam.OpBsInit2: true, beam.OpBsInitBits: true,
	beam.OpBsPutInteger: true, beam.OpBsPutBinary: true, beam.OpBsPutFloat: true, beam.OpBsPutString: true,
	beam.OpBsPutUtf8: true, beam.OpBsPutUtf16: true, beam.OpBsPutUtf32: true,
	beam.OpBsAdd: true, beam.OpBsUtf8Size: true, beam.OpBsUtf16Size: true,
	beam.OpBsAppend: true, beam.OpBsPrivateAppend: true,
	beam.OpSend: true,
	// Receive: loop_rec_end always takes its label; wait and wait_timeout
	// suspend the process, which resumes in the interpreter's translation
	// of the function (native and interpreted frames are the same).
	beam.OpLoopRec: true, beam.OpLoopRecEnd: true, beam.OpRemoveMessage: true, beam.OpTimeout: true,
	beam.OpWait: true, beam.OpWaitTimeout: true,
	beam.OpRecvMarkerReserve: true, beam.OpRecvMarkerBind: true, beam.OpRecvMarkerClear: true,
	beam.OpRecvMarkerUse: true,
}

// steppedOnOperands are lowered instructions that are stepped instead
// when an operand is one native code does not handle in line (a float
// constant outside a literal, which only pre-OTP 25 compilers emit).
var steppedOnOperands = map[beam.Opcode]bool{
	beam.OpMove: true, beam.OpPutList: true, beam.OpPutTuple2: true,
	beam.OpIsFunction2: true, beam.OpUpdateRecord: true,
	beam.OpPutMapAssoc: true, beam.OpPutMapExact: true, beam.OpGetMapElements: true, beam.OpHasMapFields: true,
	beam.OpBsCreateBin: true,
}

// bitMatching are the binary matching instructions native code lowers
// with a fast path in line and a step (abi.ReqStep) as the slow path; an
// operand shape without a fast path (a bignum in bs_match's =:=) has the
// whole instruction stepped.
var bitMatching = map[beam.Opcode]bool{
	beam.OpBsStartMatch3: true, beam.OpBsStartMatch4: true, beam.OpBsMatch: true,
	beam.OpBsGetPosition: true, beam.OpBsSetPosition: true, beam.OpBsTestTail2: true,
	beam.OpBsTestUnit: true, beam.OpBsGetTail: true, beam.OpBsGetInteger2: true,
	beam.OpBsGetBinary2: true, beam.OpBsSkipBits2: true, beam.OpBsMatchString: true,
	beam.OpBsGetUtf8: true, beam.OpBsSkipUtf8: true,
}

// lowered are the generic instructions native code handles (in line or
// through a runtime request). Everything else makes its function run in
// the interpreter.
var lowered = map[beam.Opcode]bool{
	beam.OpLabel: true, beam.OpLine: true, beam.OpExecutableLine: true, beam.OpDebugLine: true,
	beam.OpFuncInfo: true,
	beam.OpMove:     true, beam.OpSwap: true, beam.OpInitYregs: true, beam.OpInit: true,
	beam.OpGetList: true, beam.OpGetHd: true, beam.OpGetTl: true, beam.OpGetTupleElement: true,
	beam.OpSetTupleElement: true, beam.OpPutList: true, beam.OpPutTuple2: true,
	beam.OpBsCreateBin: true,

	beam.OpIsInteger: true, beam.OpIsFloat: true, beam.OpIsNumber: true, beam.OpIsAtom: true,
	beam.OpIsPid: true, beam.OpIsReference: true, beam.OpIsPort: true, beam.OpIsNil: true,
	beam.OpIsBinary: true, beam.OpIsList: true, beam.OpIsNonemptyList: true,
	beam.OpIsTuple: true, beam.OpIsFunction: true, beam.OpIsMap: true, beam.OpIsBoolean: true,
	beam.OpTestArity: true, beam.OpIsTaggedTuple: true, beam.OpIsBitstr: true, beam.OpIsFunction2: true,
	beam.OpIsEqExact: true, beam.OpIsNeExact: true, beam.OpIsEq: true, beam.OpIsNe: true,
	beam.OpIsLt: true, beam.OpIsGe: true,
	beam.OpSelectVal: true, beam.OpSelectTupleArity: true, beam.OpJump: true,

	// Maps and records: fast paths in line, the rest stepped.
	beam.OpGetMapElements: true, beam.OpHasMapFields: true, beam.OpPutMapAssoc: true, beam.OpPutMapExact: true,
	beam.OpUpdateRecord: true,

	beam.OpCall: true, beam.OpCallLast: true, beam.OpCallOnly: true,
	beam.OpCallExt: true, beam.OpCallExtLast: true, beam.OpCallExtOnly: true,
	beam.OpReturn: true, beam.OpCallFun: true, beam.OpCallFun2: true, beam.OpMakeFun3: true,
	beam.OpApply: true, beam.OpApplyLast: true,

	beam.OpBif0: true, beam.OpBif1: true, beam.OpBif2: true,
	beam.OpGcBif1: true, beam.OpGcBif2: true, beam.OpGcBif3: true,

	beam.OpAllocate: true, beam.OpAllocateZero: true, beam.OpAllocateHeap: true,
	beam.OpAllocateHeapZero: true, beam.OpTestHeap: true, beam.OpDeallocate: true, beam.OpTrim: true,

	beam.OpTry: true, beam.OpTryEnd: true, beam.OpTryCase: true, beam.OpCatch: true,
	beam.OpCatchEnd: true, beam.OpTryCaseEnd: true, beam.OpRaise: true,
	beam.OpBuildStacktrace: true, beam.OpRawRaise: true,
	beam.OpBadmatch: true, beam.OpCaseEnd: true, beam.OpIfEnd: true, beam.OpBadRecord: true,
	beam.OpFclearerror: true,

	beam.OpFmove: true, beam.OpFconv: true, beam.OpFadd: true, beam.OpFsub: true, beam.OpFmul: true,
	beam.OpFdiv: true, beam.OpFnegate: true, beam.OpFcheckerror: true,
}

// floatOps are the instructions with float register operands; float
// constants are theirs too (fmove loads one in a float register).
var floatOps = map[beam.Opcode]bool{
	beam.OpFmove: true, beam.OpFconv: true, beam.OpFadd: true, beam.OpFsub: true, beam.OpFmul: true,
	beam.OpFdiv: true, beam.OpFnegate: true,
}

// NewPlan checks that fn can be lowered. The error is the reason it
// cannot, as `beamrc build -v` shows it.
func NewPlan(fn *Function) (*Plan, error) {
	code := fn.Func.Code
	p := &Plan{Fn: fn, Index: make([]uint32, len(code)), Step: make([]bool, len(code)),
		Framed: framedAt(code, int64(fn.Func.Label))}
	n := uint32(0)
	started := false
	for i, in := range code {
		switch {
		case stepped[in.Op]:
			p.Step[i] = true
		case !lowered[in.Op] && !bitMatching[in.Op]:
			return nil, fmt.Errorf("%s: not lowered yet", in.Op)
		default:
			if err := checkOperands(in); err != nil {
				if !steppedOnOperands[in.Op] && !bitMatching[in.Op] {
					return nil, err
				}
				p.Step[i] = true
			}
		}
		if in.Op == beam.OpFclearerror && !emu.Emits(in.Op) {
			p.Step[i] = false // nothing to do, and no instruction to step
		}
		if in.Op == beam.OpFuncInfo {
			started = true
		}
		p.Index[i] = n
		if started && emu.Emits(in.Op) {
			n++
		}
	}
	return p, nil
}

// checkOperands rejects operand shapes native code does not handle: float
// constants written in line outside the float instructions (a literal
// would hold them), and float registers outside the float instructions.
// Integer constants are all handled: those that are not small integers
// (bignums) are in the program's literal table (codegen.Env.Integer).
func checkOperands(in beam.Instr) error {
	var check func(o beam.Operand) error
	check = func(o beam.Operand) error {
		switch o.Kind {
		case beam.KindFloat:
			if !floatOps[in.Op] {
				return fmt.Errorf("%s: float operand", in.Op)
			}
		case beam.KindFR:
			if !floatOps[in.Op] {
				return fmt.Errorf("%s: float register operand", in.Op)
			}
			if o.Val < 0 || o.Val >= emu.NumFRegs {
				return fmt.Errorf("%s: float register %d out of range", in.Op, o.Val)
			}
		case beam.KindList:
			for _, e := range o.List {
				if err := check(e); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, o := range in.Args {
		if err := check(o); err != nil {
			return err
		}
	}
	return nil
}
