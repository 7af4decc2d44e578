package emu

import (
	"github.com/beamrc/beamrc/runtime/term"
)

// The interpreter runs its own instruction set: the BEAM's generic
// instructions after translation (translate.go). Labels are gone (jumps
// hold code indices), operands are decoded, literals are terms, calls name
// their target's code index or a Go function, and common operand shapes
// have their own opcodes. Translated code of every module lives in one
// array, System.code, so a code index is a complete code address; a
// continuation pointer on the stack is a code index shifted left by two
// (a header-tagged word the collector skips).
type iop uint8

const (
	iBad iop = iota // never executed: index 0 of the code array

	iFuncInfo // raise function_clause

	iMove
	iMoveXX
	iMoveCX // constant → x
	iMoveXY
	iMoveYX
	iSwap
	iInitY
	iGetList
	iGetHd
	iGetTl
	iGetTupleElement
	iSetTupleElement
	iPutList
	iPutTuple2
	iPutTuple // old put_tuple: the put instructions follow in args

	// Type tests: jump to fail when the test fails.
	iIsInteger
	iIsFloat
	iIsNumber
	iIsAtom
	iIsPid
	iIsReference
	iIsPort
	iIsNil
	iIsBinary
	iIsBitstr
	iIsList
	iIsNonemptyList
	iIsTuple
	iIsFunction
	iIsFunction2
	iIsMap
	iIsBoolean
	iTestArity
	iIsTaggedTuple
	iIsEqExact
	iIsNeExact
	iIsEq
	iIsNe
	iIsLt
	iIsGe
	iIsLtSmall // both operands x registers, small fast path
	iIsGeSmall

	iSelectVal
	iSelectValJump // dense small integers: jump table
	iSelectTupleArity
	iJump

	iCall
	iCallLast
	iCallOnly
	iCallBif // call_ext to a BIF
	iCallBifLast
	iCallBifOnly
	iCallUndef // call_ext to a function that exists nowhere
	iReturn
	iApply
	iApplyLast
	iCallFun
	iCallFun2
	iMakeFun

	iBif     // bif0/1/2 and gc_bif: Go function with fail label
	iGcBif   // gc_bif: may collect first
	iAdd     // gc_bif '+' with a small fast path
	iSub     // gc_bif '-'
	iMul     // gc_bif '*'
	iElement // bif element/2

	iAllocate
	iTestHeap
	iDeallocate
	iTrim

	iUpdateRecord
	iPutMapAssoc
	iPutMapExact
	iGetMapElements
	iHasMapFields

	iFmove // term or fr → fr / fr → term
	iFconv
	iFadd
	iFsub
	iFmul
	iFdiv
	iFnegate
	iFcheckerror

	iBsCreateBin
	iBsMatch
	iBsStartMatch
	iBsGetInteger
	iBsGetFloat
	iBsGetBinary
	iBsSkipBits
	iBsTestTail
	iBsTestUnit
	iBsMatchString
	iBsGetUtf8
	iBsGetUtf16
	iBsGetUtf32
	iBsSkipUtf8
	iBsSkipUtf16
	iBsSkipUtf32
	iBsGetTail
	iBsGetPosition
	iBsSetPosition
	iBsInit // bs_init2/bs_init_bits and the bs_put_* family (pre-OTP 25 code)
	iBsPut
	iBsAdd
	iBsAppend
	iBsPrivateAppend
	iBsUtfSize

	iTry
	iTryEnd
	iTryCase
	iTryCaseEnd
	iCatch
	iCatchEnd
	iRaise
	iBuildStacktrace
	iRawRaise
	iBadmatch
	iCaseEnd
	iIfEnd
	iBadrecord

	iLoopRec
	iLoopRecEnd
	iRemoveMessage
	iWait
	iWaitTimeout
	iTimeout
	iSend
	iRecvMarkerReserve
	iRecvMarkerBind
	iRecvMarkerClear
	iRecvMarkerUse

	iNop
	iDeallocReturn   // deallocate N + return (the return stays, for jumps to it)
	iTestHeapPutList // test_heap + put_list (the put_list stays)
	iMove2           // two moves: a→b then c→d (the second move stays); then a call inline
	iIsEqExactC      // is_eq_exact with an immediate constant b: word equality
	iIsNeExactC
	iIsNonemptyListX // type tests of an x register
	iIsNilX
	iIsTupleX
	iTestArityX
	iIsTaggedTupleX
	iGetTupleElementX
	iGetListX
	iIsTupleArity     // is_tuple + test_arity of the same operand and fail label
	iGetTupleElement2 // two get_tuple_element (the second stays)
	iIsConsGetList    // is_nonempty_list + get_list of the same operand (the get_list stays)
	iAddXC            // gc_bif + of an x register and a small constant (or - as +: asIncrement)
	iAddYC            // gc_bif + of a y register and a small constant (or - as +)
	iIsLtXC           // is_lt of an x register and a small constant
	iIsGeXC           // is_ge of an x register and a small constant
	iIsGtXC           // is_lt of a small constant and an x register: x > c
	iIsLeXC           // is_ge of a small constant and an x register: x =< c
	iProcessExit      // the CP of a process's first call
	iNative           // entry of a function with native code: n1 = blob offset
	iNativeResume     // run native code from p.nativeResume (pcNativeResume)
)

// Operand kinds.
const (
	kConst uint8 = iota
	kX
	kY
	kFR
)

// operand is a decoded instruction operand: a register or a constant.
type operand struct {
	kind uint8
	n    uint32    // register number
	t    term.Term // the constant
}

// instr is one translated instruction. The fields mean what each opcode's
// comment in interp.go says; most use a few of a, b, c, d, n1, n2 and
// fail, and rare ones carry their tables in aux.
type instr struct {
	op     iop
	fail   int32 // code index to jump to when a test fails; 0 = raise
	n1, n2 int32
	a, b   operand
	c, d   operand
	fn     BIF       // BIF calls
	list   []operand // put_tuple2 elements, init_yregs, free variables, ...
	aux    any       // select tables, bit syntax specs, MFAs, ...
}

// selectTable is select_val's value → target map.
type selectTable struct {
	vals    []term.Term // sorted when every value is an immediate
	targets []int32
	imm     bool
	// jump table for dense small integers
	base int64
	jump []int32
}

// mfaAux names the function a call_ext or func_info refers to.
type mfaAux struct{ mfa MFA }
