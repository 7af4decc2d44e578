package emu

import (
	"sync"
	"sync/atomic"

	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// BacktraceDepth is how many frames a stack trace keeps (OTP's default
// for the backtrace_depth system flag).
const BacktraceDepth = 8

// bifLocation is the Location of a failing BIF's frame: OTP 24+ points
// at the module that explains the error (EEP 54), erl_erts_errors for
// the erlang module's BIFs and erl_stdlib_errors for the others.
func (p *Process) bifLocation() term.Term {
	if p.excErrorInfo == 0 {
		return term.Nil
	}
	info := term.MapFromPairs(p.Heap, []term.Term{term.Intern("module")}, []term.Term{p.excErrorInfo})
	return term.Cons(p.Heap, term.Tuple2(p.Heap, term.Intern("error_info"), info), term.Nil)
}

// buildTrace makes the stack trace of an exception raised at pc:
//
//	[{M, F, ArityOrArgs, Location} | ...]
//
// with the failing BIF's frame first if there is one, then the current
// function, then one frame per continuation pointer on the stack.
// Location is [{file, File}, {line, Line}] from the Line chunk, or [].
func (p *Process) buildTrace(pc int) term.Term {
	var frames [BacktraceDepth]term.Term
	n := 0
	if p.excHasBIF {
		m := p.excMFA
		frames[n] = term.NewTuple(p.Heap, m.Module, m.Function, p.excArgs, p.bifLocation())
		n++
	}
	if n < BacktraceDepth && pc > 0 {
		// Exc.Args is for the top frame: the BIF's if there is one.
		if p.Exc.Args != term.NonValue && !p.excHasBIF {
			if f := p.sys.funcAt(pc); f != nil {
				frames[n] = term.NewTuple(p.Heap, f.mod.Name, f.name, p.Exc.Args, p.sys.location(pc))
				n++
			}
		} else if fr := p.sys.frameTerm(pc); fr != term.NonValue {
			frames[n] = fr
			n++
		}
	}
	for k := p.sp - 1; k >= 0 && n < BacktraceDepth; k-- {
		w := p.stack[k]
		if !isCP(w) {
			continue
		}
		at := p.sys.callerPC(w)
		if at <= 0 {
			continue
		}
		if fr := p.sys.frameTerm(at); fr != term.NonValue {
			frames[n] = fr
			n++
		}
	}
	return term.ListFrom(p.Heap, frames[:n])
}

// frameCache holds the frame terms {M, F, Arity, Location} of code
// indices; they never change, so they live in the literal area.
//
// Every raise looks up several frames (a loop of try/throw is a
// benchmark), so hits take no lock: byPC is a table indexed by code
// index, read and written atomically (0 = not cached). The table is
// replaced by a bigger copy when code is added; a store into a table
// that has just been replaced only loses a cache entry.
type frameCache struct {
	mu   sync.Mutex
	byPC atomic.Pointer[[]atomic.Uint64]
	locs map[codeLoc]term.Term
}

// frameTerm returns the frame of the function that code index pc is in,
// located at pc.
func (s *System) frameTerm(pc int) term.Term {
	if t := s.frameCache.byPC.Load(); t != nil && pc < len(*t) {
		if fr := (*t)[pc].Load(); fr != 0 {
			return term.Term(fr)
		}
	}
	s.frameCache.mu.Lock()
	defer s.frameCache.mu.Unlock()
	f := s.funcAt(pc)
	if f == nil {
		return term.NonValue
	}
	fr := term.NewTuple(heap.Literals, f.mod.Name, f.name, term.MakeSmall(int64(f.arity)), s.locationLocked(pc))
	t := s.frameCache.byPC.Load()
	if t == nil || pc >= len(*t) {
		n := max(len(s.code), pc+1)
		bigger := make([]atomic.Uint64, n)
		if t != nil {
			for i := range *t {
				bigger[i].Store((*t)[i].Load())
			}
		}
		t = &bigger
		s.frameCache.byPC.Store(t)
	}
	(*t)[pc].Store(uint64(fr))
	return fr
}

// location returns the Location list of code index pc.
func (s *System) location(pc int) term.Term {
	s.frameCache.mu.Lock()
	defer s.frameCache.mu.Unlock()
	return s.locationLocked(pc)
}

func (s *System) locationLocked(pc int) term.Term {
	loc := s.locs[pc]
	if loc.line == 0 {
		return term.Nil
	}
	if t, ok := s.frameCache.locs[loc]; ok {
		return t
	}
	file := s.files[loc.file]
	chars := make([]term.Term, 0, len(file))
	for _, r := range file {
		chars = append(chars, term.MakeSmall(int64(r)))
	}
	a := heap.Literals
	t := term.ListFrom(a, []term.Term{
		term.Tuple2(a, term.AtomFile, term.ListFrom(a, chars)),
		term.Tuple2(a, term.AtomLine, term.MakeSmall(int64(loc.line))),
	})
	if s.frameCache.locs == nil {
		s.frameCache.locs = make(map[codeLoc]term.Term)
	}
	s.frameCache.locs[loc] = t
	return t
}
