package emu

import (
	"fmt"
	"sync"

	"github.com/beamrc/beamrc/runtime/term"
)

// BIF is a built-in function. It returns its result, or term.NonValue
// after recording an exception with p.Raise (or one of its shorthands).
//
// A BIF may allocate on p's heap freely (allocation never collects), but
// must not keep heap words of its own across the return. It must not panic:
// a panic in a BIF is caught, reported naming the BIF, and kills only the
// calling process.
type BIF func(p *Process, args []term.Term) term.Term

// MFA names a function.
type MFA struct {
	Module, Function term.Term
	Arity            int
}

func (m MFA) String() string {
	return fmt.Sprintf("%s:%s/%d", term.AtomName(m.Module), term.AtomName(m.Function), m.Arity)
}

// MakeMFA interns the names of a function.
func MakeMFA(module, function string, arity int) MFA {
	return MFA{term.Intern(module), term.Intern(function), arity}
}

// BIFInfo is a registered BIF.
type BIFInfo struct {
	MFA  MFA
	Fn   BIF
	Pure bool // no side effects, may be folded or moved
	// Guard reports that the BIF may appear in guards (bif0/1/2, gc_bif).
	Guard bool
}

var bifs struct {
	sync.RWMutex
	byMFA map[MFA]*BIFInfo
}

// Register adds a BIF. Registering the same MFA twice is a bug.
func Register(module, function string, arity int, fn BIF) *BIFInfo {
	info := &BIFInfo{MFA: MakeMFA(module, function, arity), Fn: fn}
	bifs.Lock()
	defer bifs.Unlock()
	if bifs.byMFA == nil {
		bifs.byMFA = make(map[MFA]*BIFInfo)
	}
	if _, dup := bifs.byMFA[info.MFA]; dup {
		panic("emu: BIF registered twice: " + info.MFA.String())
	}
	bifs.byMFA[info.MFA] = info
	return info
}

// LookupBIF returns the BIF for mfa, if there is one.
func LookupBIF(mfa MFA) (*BIFInfo, bool) {
	bifs.RLock()
	defer bifs.RUnlock()
	b, ok := bifs.byMFA[mfa]
	return b, ok
}

// BIFs returns every registered BIF (for `beamrc imports` and coverage).
func BIFs() []*BIFInfo {
	bifs.RLock()
	defer bifs.RUnlock()
	out := make([]*BIFInfo, 0, len(bifs.byMFA))
	for _, b := range bifs.byMFA {
		out = append(out, b)
	}
	return out
}
