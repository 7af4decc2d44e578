package bif

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

func TestPersistentTerm(t *testing.T) {
	p := &emu.Process{Heap: heap.New()}
	call := func(name string, args ...term.Term) term.Term {
		b, _ := emu.LookupBIF(emu.MakeMFA("persistent_term", name, len(args)))
		return b.Fn(p, args)
	}
	key := term.Tuple2(p.Heap, term.Intern("k"), term.MakeSmall(1))
	val := term.ListFrom(p.Heap, []term.Term{term.MakeSmall(1), term.NewBinary(p.Heap, []byte("x"))})
	assert.Equal(t, term.NonValue, call("get", key))
	assert.Equal(t, term.Badarg, p.Exc.Reason)
	assert.Equal(t, term.Intern("d"), call("get", key, term.Intern("d")))
	assert.Equal(t, term.Ok, call("put", key, val))
	// A fresh heap's key finds it: lookup is by value.
	key2 := term.Tuple2(heap.New(), term.Intern("k"), term.MakeSmall(1))
	assert.True(t, term.Equal(val, call("get", key2)))
	assert.Equal(t, term.True, call("erase", key2))
	assert.Equal(t, term.False, call("erase", key2))
}
