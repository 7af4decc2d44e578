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
	// intrinsic BIFs are the emulator's own (process, exception and code
	// BIFs in this package). They need the emulator's internals, so they
	// win over a registration of the same MFA by another package, which
	// is then ignored.
	intrinsic bool
}

var bifs struct {
	sync.RWMutex
	byMFA map[MFA]*BIFInfo
}

// Register adds a BIF. Registering the same MFA twice is a bug, except
// that a BIF the emulator implements itself (see Intrinsics) stays and
// the new registration is ignored.
func Register(module, function string, arity int, fn BIF) *BIFInfo {
	info := &BIFInfo{MFA: MakeMFA(module, function, arity), Fn: fn}
	bifs.Lock()
	defer bifs.Unlock()
	if bifs.byMFA == nil {
		bifs.byMFA = make(map[MFA]*BIFInfo)
	}
	if old, dup := bifs.byMFA[info.MFA]; dup {
		if old.intrinsic {
			return old
		}
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

// registerIntrinsic registers one of the emulator's own BIFs.
func registerIntrinsic(module, function string, arity int, fn BIF) {
	info := &BIFInfo{MFA: MakeMFA(module, function, arity), Fn: fn, intrinsic: true}
	bifs.Lock()
	defer bifs.Unlock()
	if bifs.byMFA == nil {
		bifs.byMFA = make(map[MFA]*BIFInfo)
	}
	bifs.byMFA[info.MFA] = info
}

// Intrinsics returns the MFAs of the BIFs the emulator implements itself
// (for other packages that want to know what not to implement).
func Intrinsics() []MFA {
	bifs.RLock()
	defer bifs.RUnlock()
	var out []MFA
	for m, b := range bifs.byMFA {
		if b.intrinsic {
			out = append(out, m)
		}
	}
	return out
}
