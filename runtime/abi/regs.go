package abi

// Machine registers native code keeps its state in (amd64). Codegen maps
// these to its assembler's names; the numbers are the hardware encodings.
// The trampoline loads the context register (linker's enter_amd64.s); the
// dispatcher loads the others from the Context, and every exit stores
// the ones that change (SP, heap top, reductions) back.
//
// R12 is not touched by Go's ABI0 wrapper and golang-asm uses no
// temporaries on amd64; everything but SP (and BP, which native code
// leaves alone so frame-pointer unwinding through the trampoline stays
// sane) is free once the framed trampoline has saved Go's state.
const (
	AMD64Ctx      = 12 // R12: *Context
	AMD64XBase    = 13 // R13: address of x0
	AMD64StackPtr = 3  // RBX: process stack pointer (Context.SP)
	AMD64HeapTop  = 15 // R15: heap top (Context.HeapTop)
	AMD64Reds     = 14 // R14: reductions left (Context.Reds)
)

// AMD64PinnedX are the registers that hold x0, x1, ... while native code
// runs, in that order: the registers used most, kept out of memory. The
// x array holds them only while the runtime has control: the dispatcher
// loads them from it, and every exit stores them back, so the runtime
// never sees a difference.
var AMD64PinnedX = [...]int{10, 11} // R10: x0, R11: x1
