package etf

import (
	"sync"

	"github.com/beamrc/beamrc/runtime/term"
)

// Local funs in the external format name their lambda by module, index in
// the module's FunT and the module's "old uniq". beamrc's closures name an
// entry of the global fun table, so decoding needs the reverse mapping.
// The table is append-only, so this index catches up with it lazily and
// never has to forget anything; when a module is loaded again, the newest
// entry wins, as the newest code does in OTP.

type funKey struct {
	module term.Term
	index  int
	uniq   uint32
}

var funIndex struct {
	mu    sync.Mutex
	seen  uint32 // table entries indexed so far
	byKey map[funKey]uint32
}

// lookupFun returns the fun table index of a module's lambda.
func lookupFun(module term.Term, index int, uniq uint32) (uint32, bool) {
	funIndex.mu.Lock()
	defer funIndex.mu.Unlock()
	if funIndex.byKey == nil {
		funIndex.byKey = make(map[funKey]uint32)
	}
	for {
		info, ok := funAt(funIndex.seen)
		if !ok {
			break
		}
		if info != nil {
			funIndex.byKey[funKey{info.Module, info.Index, info.Uniq}] = funIndex.seen
		}
		funIndex.seen++
	}
	i, ok := funIndex.byKey[funKey{module, index, uniq}]
	return i, ok
}

// funAt returns entry i of the fun table, or false past its end.
//
// The term package has no way to ask for the table's length, and
// term.Fun panics on an index past the end (or on an empty table), so the
// panic is the end marker. TODO: use a term.FunCount once there is one.
func funAt(i uint32) (info *term.FunInfo, ok bool) {
	defer func() {
		if recover() != nil {
			info, ok = nil, false
		}
	}()
	return term.Fun(i), true
}
