package bif

import (
	"sync"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// persistent_term: values are copied once into the literal area, which is
// never collected, so get/1 hands out the stored term without copying (as
// OTP does). The literal area keeps erased and overwritten values too; OTP
// frees them after a global GC, which only changes memory use.

func init() {
	emu.Register("persistent_term", "put", 2, ptermPut)
	emu.Register("persistent_term", "get", 1, ptermGet1)
	emu.Register("persistent_term", "get", 2, ptermGet2)
	emu.Register("persistent_term", "get", 0, ptermGet0)
	emu.Register("persistent_term", "erase", 1, ptermErase)
	emu.Register("persistent_term", "info", 0, ptermInfo)
}

type ptermEntry struct{ key, val term.Term }

// ptermStore is a list searched by exact equality: programs keep few
// persistent terms, and keys need no hash that way.
var ptermStore struct {
	sync.RWMutex
	entries []ptermEntry
	words   int
}

func ptermFind(key term.Term) int {
	for i, e := range ptermStore.entries {
		if term.Equal(e.key, key) {
			return i
		}
	}
	return -1
}

func ptermPut(p *emu.Process, args []term.Term) term.Term {
	ptermStore.Lock()
	defer ptermStore.Unlock()
	i := ptermFind(args[0])
	if i >= 0 && term.Equal(ptermStore.entries[i].val, args[1]) {
		return term.Ok // OTP keeps the old term when the new one is equal
	}
	e := ptermEntry{key: heap.Copy(heap.Literals, args[0]), val: heap.Copy(heap.Literals, args[1])}
	if i >= 0 {
		ptermStore.entries[i] = e
	} else {
		ptermStore.entries = append(ptermStore.entries, e)
	}
	return term.Ok
}

func ptermLookup(key term.Term) (term.Term, bool) {
	ptermStore.RLock()
	defer ptermStore.RUnlock()
	if i := ptermFind(key); i >= 0 {
		return ptermStore.entries[i].val, true
	}
	return term.NonValue, false
}

func ptermGet1(p *emu.Process, args []term.Term) term.Term {
	v, ok := ptermLookup(args[0])
	if !ok {
		return p.Badarg()
	}
	return v
}

func ptermGet2(p *emu.Process, args []term.Term) term.Term {
	if v, ok := ptermLookup(args[0]); ok {
		return v
	}
	return args[1]
}

func ptermGet0(p *emu.Process, _ []term.Term) term.Term {
	ptermStore.RLock()
	defer ptermStore.RUnlock()
	elems := make([]term.Term, len(ptermStore.entries))
	for i, e := range ptermStore.entries {
		elems[i] = term.Tuple2(p.Heap, e.key, e.val)
	}
	return term.ListFrom(p.Heap, elems)
}

func ptermErase(p *emu.Process, args []term.Term) term.Term {
	ptermStore.Lock()
	defer ptermStore.Unlock()
	i := ptermFind(args[0])
	if i < 0 {
		return term.False
	}
	ptermStore.entries = append(ptermStore.entries[:i], ptermStore.entries[i+1:]...)
	return term.True
}

func ptermInfo(p *emu.Process, _ []term.Term) term.Term {
	ptermStore.RLock()
	n := len(ptermStore.entries)
	ptermStore.RUnlock()
	keys := []term.Term{term.Intern("count"), term.Intern("memory")}
	vals := []term.Term{term.MakeSmall(int64(n)), term.MakeSmall(int64(n) * 64)}
	return term.MapFromPairs(p.Heap, keys, vals)
}
