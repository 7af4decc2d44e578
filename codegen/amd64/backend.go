// Package amd64 is the amd64 code generator: it lowers BEAM functions to
// machine code with golang-asm, following runtime/abi. (The package name
// carries the architecture, not the file names: codegen builds on every
// host.)
package amd64

import (
	"fmt"

	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/codegen"
	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
)

// Reference kinds (codegen.Ref.Kind).
const (
	// refJump: a rel32 jump to a function's entry. Until resolved it
	// points at the call's stub, which asks the runtime to make the call;
	// resolving it against a native target jumps there directly.
	refJump uint8 = iota + 1
	// refCP: an imm32 holding a native CP (offset << 3 | 4) relative to
	// the function; resolving adds the function's blob offset.
	refCP
	// refCatch: an imm32 holding a native catch marker, relative to the
	// function likewise.
	refCatch
)

func refTo(at uint32, kind uint8, target beam.MFA) codegen.Ref {
	return codegen.Ref{Offset: at, Kind: kind, Target: target}
}

// Backend is the amd64 codegen.Backend.
type Backend struct{}

// Align implements codegen.Backend.
func (Backend) Align() int { return 16 }

// Lower implements codegen.Backend.
func (Backend) Lower(fn *codegen.Function, env codegen.Env) (*codegen.Code, error) {
	plan, err := codegen.NewPlan(fn)
	if err != nil {
		return nil, err
	}
	l := &lowerer{
		asm:    newAsm(),
		fn:     fn,
		bm:     fn.Module,
		plan:   plan,
		env:    env,
		self:   fn.MFA(),
		labels: make(map[int64]*label),
	}
	if err := l.lower(); err != nil {
		return nil, err
	}
	return &l.out, nil
}

// Resolve implements codegen.Backend.
func (Backend) Resolve(blob []byte, at uint32, ref codegen.Ref, target uint32, native bool) error {
	if int(at)+4 > len(blob) {
		return fmt.Errorf("reference at %d outside the blob", at)
	}
	b := blob[at : at+4]
	var v int64
	switch ref.Kind {
	case refJump:
		if !native {
			return nil // stays on the runtime stub
		}
		v = int64(target) - int64(at+4)
	case refCP:
		if !native {
			return fmt.Errorf("continuation in a function without native code")
		}
		v = int64(int32(getLE32(b))) + int64(target)<<abi.CPShift
	case refCatch:
		if !native {
			return fmt.Errorf("catch in a function without native code")
		}
		v = int64(int32(getLE32(b))) + int64(target)<<(1+abi.CatchShift)
	default:
		return fmt.Errorf("unknown reference kind %d", ref.Kind)
	}
	if v != int64(int32(v)) {
		return fmt.Errorf("code blob too large: reference out of range")
	}
	putLE32(b, uint32(int32(v)))
	return nil
}

// Prelude implements codegen.Preluder: the dispatcher at
// abi.DispatchOffset, then the raise routine at abi.NativeRaiseOffset.
// The trampoline calls the dispatcher with the context in R12; it loads
// the cached state, pinned x registers included, and jumps to
// Context.Resume.
func (Backend) Prelude() []byte {
	a := newAsm()
	a.op2(x86.AMOVQ, ctx(abi.OffX), reg(rX))
	a.op2(x86.AMOVQ, ctx(abi.OffSP), reg(rSP))
	a.op2(x86.AMOVQ, ctx(abi.OffHeapTop), reg(rHeap))
	a.op2(x86.AMOVQ, ctx(abi.OffReds), reg(rReds))
	a.op2(x86.AMOVQ, ctx(abi.OffResume), reg(rTmp))
	a.op2(x86.ASHRQ, imm(abi.CPShift), reg(rTmp))
	a.op2(x86.AADDQ, ctx(abi.OffCodeBase), reg(rTmp))
	a.loadPinned()
	a.op1(obj.AJMP, reg(rTmp))
	code, err := a.assemble()
	if err != nil {
		panic(err)
	}
	if len(code) > abi.NativeRaiseOffset {
		panic("dispatcher overlaps the raise routine")
	}
	for len(code) < abi.NativeRaiseOffset {
		code = append(code, 0xCC) // INT3: never reached
	}
	return append(code, raiseRoutine()...)
}
