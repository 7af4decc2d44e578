package emu

import (
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// Process is an Erlang process.
//
// The fields a BIF may use are Heap (to allocate), Exc (through Raise and
// friends), Self and the methods of this file; the rest belongs to the
// interpreter and the scheduler.
type Process struct {
	ID   uint64
	Self term.Term // the pid
	Heap *heap.Heap
	Exc  Exception
}
