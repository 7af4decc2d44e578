package emu

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/term"
)

// bs_create_bin's Alloc operand is heap the next instructions use (erlc
// merges a following put_list's heap check into it), so those words must
// still be free after the binary is allocated: native code, which steps
// the instruction, writes the next term without a check of its own.
func TestBsCreateBinLeavesAllocFree(t *testing.T) {
	for _, n := range []int{10, 100} { // a heap binary, a refc binary
		p := NewSystem().newProcess(nil)
		p.x[0] = term.NewBinary(p.Heap, make([]byte, n))
		in := &instr{op: iBsCreateBin, n1: 1, n2: 2, d: operand{kind: kX, n: 1},
			aux: &bsCreate{segs: []bsSeg{{typ: segBinary, unit: 8,
				val: operand{kind: kX, n: 0}, size: operand{t: atomAll}}}}}
		// Exactly the binary's words left.
		words := term.BinaryWords(n)
		for p.Heap.Fits(words + 1) {
			p.Heap.Alloc(1)
		}
		require.True(t, p.Heap.Fits(words))

		require.Equal(t, 1, p.bsCreateBin(in, 0))
		assert.Equal(t, uint(8*n), p.x[1].BitSize())
		assert.True(t, p.Heap.Fits(2), "%d bytes: Alloc words free", n)
	}
}
