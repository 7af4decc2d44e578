// Package abi is the contract between native code (codegen) and the
// runtime that runs it (runtime/emu): the context block native code reads
// and writes, the machine registers it keeps state in, the requests it
// makes of the runtime, how continuation pointers and catch markers name
// native code, and the term layout constants it tests tags with.
//
// Codegen imports abi and nothing else of the runtime except what abi
// re-exports; abi imports term only. Nothing here is duplicated anywhere:
// offsets come from unsafe.Offsetof, tags from runtime/term.
//
// # Execution model (DESIGN §7)
//
// Go enters native code through the generated trampoline (enter_amd64.s),
// which puts the *Context in the context register and calls the blob's
// dispatcher (at DispatchOffset). The dispatcher loads the cached state
// (x register base, process stack pointer, heap top, reductions) into
// their registers and jumps to Context.Resume. Native code never calls
// Go: to have the runtime do something it stores a request code, its
// operands and a resume address in the context, writes the cached state
// back, and returns to the trampoline. The runtime serves the request and,
// if execution continues natively, re-enters at Resume.
package abi

import (
	"unsafe"

	"github.com/beamrc/beamrc/runtime/term"
)

// Context is the block shared by a process and its native code. Every
// field is a plain word: native code addresses them at the offsets below.
type Context struct {
	// X is the address of x register 0 (the process's x array).
	X uintptr
	// SP is the process stack pointer: the address of the next free word
	// of the process stack (it grows upward; y(i) is at SP-8*(i+1)).
	SP uintptr
	// StackLimit is the end of the process stack: SP never passes it.
	StackLimit uintptr
	// HeapTop and HeapLimit bound the free part of the young generation:
	// native code allocates by bumping HeapTop after checking that the
	// words fit below HeapLimit. The runtime sets HeapLimit to zero when
	// the next heap check must collect (torture mode, heap fragments).
	HeapTop   uintptr
	HeapLimit uintptr
	// Reds is the reductions left in the time slice; native code
	// decrements it at function entry and yields when it runs out.
	Reds int64
	// Request is what native code asks of the runtime (Req*); Operands
	// are its arguments and, for requests that produce a value, the
	// result (Operands[0]).
	Request  uint64
	Operands [NumOperands]uint64
	// Resume is where native code continues: a native continuation
	// pointer (NativeCP). Native code sets it at every exit; the runtime
	// sets it before entering.
	Resume uint64
	// CodeBase is the address of the first byte of the code blob.
	CodeBase uintptr
	// Literals is the address of the program's literal table (one term per
	// literal index the compiler assigned).
	Literals uintptr
	// FRegs is the address of float register 0: the process's array of
	// float64, the one the interpreter uses, so that stepped instructions
	// and native code see the same float registers.
	FRegs uintptr
	// FunEntries is the address of the native fun table, FunEntryCount
	// its length: word i describes the lambda of global fun index i (a
	// closure's second word) as FunEntry(arity, offset), or is 0 when that
	// lambda has no native code. call_fun jumps straight to the entry.
	FunEntries    uintptr
	FunEntryCount uint64
	// FunIndices is the address of a table with one word per fun of the
	// image (codegen.Env.Fun): the small-integer term of its global fun
	// index, the second word of a closure make_fun3 builds.
	FunIndices uintptr
	// StackBase is the address of the process stack's first word: where
	// a walk of the stack (the native raise, NativeRaiseOffset) stops.
	StackBase uintptr
}

// NumXRegs is the number of x registers of a process (the array
// Context.X points at).
const NumXRegs = 1024

// NumOperands is the size of Context.Operands.
const NumOperands = 6

// Offsets of the Context fields, for codegen.
const (
	OffX          = int64(unsafe.Offsetof(Context{}.X))
	OffSP         = int64(unsafe.Offsetof(Context{}.SP))
	OffStackLimit = int64(unsafe.Offsetof(Context{}.StackLimit))
	OffStackBase  = int64(unsafe.Offsetof(Context{}.StackBase))
	OffHeapTop    = int64(unsafe.Offsetof(Context{}.HeapTop))
	OffHeapLimit  = int64(unsafe.Offsetof(Context{}.HeapLimit))
	OffReds       = int64(unsafe.Offsetof(Context{}.Reds))
	OffRequest    = int64(unsafe.Offsetof(Context{}.Request))
	OffOperands   = int64(unsafe.Offsetof(Context{}.Operands))
	OffResume     = int64(unsafe.Offsetof(Context{}.Resume))
	OffCodeBase   = int64(unsafe.Offsetof(Context{}.CodeBase))
	OffLiterals   = int64(unsafe.Offsetof(Context{}.Literals))
	OffFRegs      = int64(unsafe.Offsetof(Context{}.FRegs))
	OffFunEntries = int64(unsafe.Offsetof(Context{}.FunEntries))
	OffFunCount   = int64(unsafe.Offsetof(Context{}.FunEntryCount))
	OffFunIndices = int64(unsafe.Offsetof(Context{}.FunIndices))
)

// FunEntry is a native fun table word (Context.FunEntries): the lambda's
// arity plus one above FunArityShift (so that no arity matches the 0 of a
// lambda without native code), the blob offset of its native code below.
func FunEntry(arity int, offset uint32) uint64 {
	return uint64(arity+1)<<FunArityShift | uint64(offset)
}

// FunArityShift locates the arity in a FunEntry word.
const FunArityShift = 32

// OffOperand returns the offset of Operands[i].
func OffOperand(i int) int64 { return OffOperands + 8*int64(i) }

// DispatchOffset is where the dispatcher sits in the blob: the runtime
// always enters there, with the real destination in Context.Resume.
const DispatchOffset = 0

// NativeRaiseOffset is where the blob's raise routine sits. Native code
// jumps there to raise an exception (a call of erlang:throw/1, error/1
// or exit/1) without leaving native code when a native handler catches
// it: the routine takes the stack trace's continuation pointers, finds
// the innermost catch, leaves the handler's x0..x3 as the runtime's
// unwinding does (NonValue, class, reason, {Class, LazyTrace}), cuts the
// stack back and jumps to the handler. Anything else (no catch, an
// interpreted handler, too little heap) becomes the ReqRaise the jump
// stands for.
//
// On entry Operands[0] and [1] hold the ReqRaise (kind and reason) and
// Resume its site, as for the exit; on amd64 CX holds the class atom
// and DX the atom LazyTraceAtom.
const NativeRaiseOffset = 64

// A lazy stack trace is the raw trace of an exception before anything
// reads it (runtime/emu's stacktrace.go):
//
//	{LazyTraceAtom, Top, CP...}
//
// Top is the list of the frames above the continuation pointers, or the
// small integer (site >> LazyCPShift) of the native call site whose
// function is the only one there. Each CP is a continuation pointer of
// the stack, innermost first, as the small integer (CP >> LazyCPShift).
const (
	LazyTraceAtom = "$beamrc_lazy_trace"
	LazyCPShift   = 2 // a CP word's low bits: the header tag, always 0
	// BacktraceDepth is how many frames a stack trace keeps (OTP's
	// default for the backtrace_depth system flag).
	BacktraceDepth = 8
	// MaxTraceCPs is how many CPs a trace with one top frame keeps.
	MaxTraceCPs = BacktraceDepth - 1
)

// ReservedCodeIndices are the interpreter code indices below which a
// continuation pointer is one of the stops that end a process, not a
// frame of a stack trace.
const ReservedCodeIndices = 5

// Requests native code makes of the runtime. Operands are listed for
// each; Resume is always set (for requests that never resume it names the
// instruction, for stack traces: see the site table in runtime/image).
const (
	// ReqReturn: native code returned to a continuation pointer that is
	// not native (an interpreter CP, already popped): Operands[0] = CP.
	ReqReturn uint64 = iota + 1
	// ReqCall: a call to a function that is not native. Operands[0] =
	// callee index (image callee table), Operands[1] = CallKind. For
	// CallNormal, native code has pushed its continuation (= Resume)
	// already; for CallLast it has dropped its frame.
	ReqCall
	// ReqBIF: call a BIF for a bif/gc_bif instruction. Operands[0] =
	// callee index, [1] = live x registers (GC roots; -1 for a plain bif
	// that never collects), [2] = BIF* flags (a fail label; no frame of its own in the stack trace),
	// [3..5] = arguments. The result comes back in Operands[0], or zero
	// (the non-value) when the BIF failed and there is a fail label.
	ReqBIF
	// ReqGC: collect so that Operands[0] words fit; Operands[1] = live x
	// registers.
	ReqGC
	// ReqStack: make room for Operands[0] more words on the process stack.
	ReqStack
	// ReqYield: out of reductions; continue at Resume in a later slice.
	ReqYield
	// ReqRaise: raise an exception. Operands[0] = RaiseKind, [1] = value.
	ReqRaise
	// ReqCompare: compare terms the inline code could not. Operands[0] =
	// CmpKind, [1], [2] = the terms; the result (1 true, 0 false) comes
	// back in Operands[0].
	ReqCompare
	// ReqCatchEnd: catch_end found an exception: build the catch value
	// from x1..x3 into x0.
	ReqCatchEnd
	// ReqCallFun: call the fun Operands[1] with Operands[0] arguments
	// in x0..; the continuation (= Resume) is pushed already.
	ReqCallFun
	// ReqBuildStacktrace: x0 = build_stacktrace(x0).
	ReqBuildStacktrace
	// ReqStep: execute the instruction Resume stands for in the
	// interpreter (one native code does not lower). Operands[0] comes
	// back 0 when it went on to the next instruction, 1 when it took its
	// fail label; when it raised, execution continues at the handler.
	ReqStep
	// ReqApply: apply/apply_last: call x(Operands[0]):x(Operands[0]+1)
	// with Operands[0] arguments in x0..; Operands[1] = CallKind (for
	// CallNormal the continuation (= Resume) is pushed already, for
	// CallLast the frame is dropped).
	ReqApply
)

// Flags of a ReqBIF call (Operands[2]).
const (
	BIFHasFail = 1 // the instruction has a fail label
	BIFNoFrame = 2 // an error raises without the BIF's frame (emu.RaisesWithoutFrame)
)

// CallKind is how a call leaves its caller (ReqCall).
const (
	CallNormal = 0 // continuation pushed
	CallLast   = 1 // frame dropped; tail call
	CallOnly   = 2 // tail call without a frame
)

// RaiseKind says which exception ReqRaise raises.
const (
	RaiseBadmatch   = iota + 1 // {badmatch, V}
	RaiseCaseClause            // {case_clause, V}
	RaiseIfClause              // if_clause
	RaiseTryClause             // {try_clause, V}
	RaiseBadrecord             // {badrecord, V}
	RaiseFuncInfo              // function_clause with x0..x(arity-1) as arguments
	RaiseBadarg                // badarg
	RaiseBadarith              // badarith
	RaiseReraise               // raise(x-raw-trace Operands[1], reason Operands[2])
	RaiseRaw                   // raw_raise: class x0, reason x1, trace x2
	RaiseThrow                 // throw:V, as a call of erlang:throw/1 raises it
	RaiseError                 // error:V, as a call of erlang:error/1 raises it
	RaiseExit                  // exit:V, as a call of erlang:exit/1 raises it
)

// CmpKind says which comparison ReqCompare makes.
const (
	CmpEqExact = iota + 1 // =:=
	CmpEq                 // ==
	CmpLt                 // <
)

// Continuation pointers. A CP on the process stack is a header-tagged
// word (the collector skips those) that is either an interpreter code
// index or a native code offset, told apart by bit 2:
//
//	interpreter: index << 3
//	native:      blob offset << 3 | 4
const (
	CPShift      = 3
	CPNativeFlag = 4
)

// InterpCP returns the CP of interpreter code index pc.
func InterpCP(pc int) uint64 { return uint64(pc) << CPShift }

// NativeCP returns the CP of blob offset off.
func NativeCP(off uint32) uint64 { return uint64(off)<<CPShift | CPNativeFlag }

// IsNativeCP reports whether a CP names native code.
func IsNativeCP(cp uint64) bool { return cp&CPNativeFlag != 0 }

// CPTarget returns the code index or blob offset a CP names.
func CPTarget(cp uint64) uint64 { return cp >> CPShift }

// Catch markers (in y registers) name their handler the same way: the
// catch index of term.MakeCatch is index << 1 for the interpreter and
// offset << 1 | 1 for native code.
const CatchNativeFlag = 1

// InterpCatch returns the catch marker of an interpreter handler.
func InterpCatch(pc int) term.Term { return term.MakeCatch(uint64(pc) << 1) }

// NativeCatch returns the catch marker of a native handler.
func NativeCatch(off uint32) term.Term { return term.MakeCatch(uint64(off)<<1 | CatchNativeFlag) }

// CatchShift is how far a catch marker's payload (index << 1 | native)
// is shifted: term's immediate-2 shift.
const CatchShift = term.Immed2Shift
