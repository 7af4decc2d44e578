package emu

import "github.com/beamrc/beamrc/runtime/term"

// Which frames the stack trace of a failed call keeps depends, in OTP 25,
// on whether the call was a tail call and on what failed:
//
//   - A BIF called directly (call_ext, call_ext_last, call_ext_only) runs
//     on its caller's behalf: the trace shows the BIF and then its
//     caller, tail call or not.
//   - A function reached by a tail call has left its caller, whose frame
//     is then missing: an undefined function (undef), a function of the
//     erlang module that OTP 25 writes in Erlang (atom_to_binary/1), and a
//     BIF reached dynamically (apply, a fun) all fail that way.
//     erlang:error/exit/throw reached by apply/3 are the exception: they
//     raise in the frame of the apply's caller even from a tail call.
//   - apply(Fun, Args) of a value that is not a fun of that arity fails
//     without a frame of apply's own, and a body call shows its caller
//     twice (once as the current function, once as the return address).
//
// callVia says which of these a failure inside a dynamic call was; the
// code that dispatched the call sets it and failedCall applies it.
type callVia uint8

const (
	viaSelf       callVia = iota // the called BIF itself failed
	viaCallee                    // the function it dispatched to failed (or is undefined)
	viaCalleeKeep                // erlang:error/exit/throw dispatched to by apply/3
	viaFunValue                  // apply/2 of a value that cannot be called so
)

// failedCall finishes the failure of a call of mfa with args made at pc
// (tail says whether it was a tail call): it records the frames the
// trace keeps and raises. It returns the handler's code index, or -1.
func (p *Process) failedCall(mfa MFA, args []term.Term, tail bool, pc int) int {
	switch p.excVia {
	case viaSelf:
		p.noteBIFFrame(mfa, args)
		p.excSkipCurrent = tail && erlangCoded(mfa)
	case viaCallee:
		p.excSkipCurrent = tail
	case viaFunValue:
		p.excCurrentTwice = !tail
	}
	p.excVia = viaSelf
	return p.throwAt(pc)
}

// calleeFailed records that the function a dynamic call dispatched to
// (mfa, a BIF or undefined) failed; byFun says the call was of a fun.
func (p *Process) calleeFailed(mfa MFA, byFun bool) {
	p.excVia = viaCallee
	if !byFun && noFrameBIF(mfa) {
		p.excVia = viaCalleeKeep
	}
}

// erlangCoded reports the functions of the erlang module that OTP 25
// implements in Erlang rather than as BIFs (erlang:is_builtin/3 is false
// for them): a tail call of one leaves its caller.
func erlangCoded(m MFA) bool {
	i := m.Function.AtomIndex()
	return m.Module == term.AtomErlang && m.Arity < 8 && int(i) < len(erlangCodedFuns) &&
		erlangCodedFuns[i]&(1<<m.Arity) != 0
}

// erlangCodedFuns is built in a fixed order: the runtime's start-up atoms
// must be interned in the same order on every start (runtime/boot).
// It is indexed by the name's atom index and holds a bit set of the
// arities: a failing throw/1 asks on every raise, so the lookup is two
// loads, not a map's hashing.
var erlangCodedFuns = func() []uint8 {
	var set []uint8
	for _, f := range []struct {
		name    string
		arities []int
	}{
		{"atom_to_binary", []int{1}}, {"binary_to_atom", []int{1}}, {"binary_to_existing_atom", []int{1}},
		{"min", []int{2}}, {"max", []int{2}}, {"fun_info", []int{1}}, {"halt", []int{0, 1}},
		{"group_leader", []int{2}}, {"process_flag", []int{3}}, {"memory", []int{0, 1}},
		{"is_alive", []int{0}}, {"alias", []int{0}}, {"garbage_collect", []int{0, 1, 2}},
		{"convert_time_unit", []int{3}}, {"localtime_to_universaltime", []int{1}},
		{"spawn", []int{1, 2, 4}}, {"spawn_link", []int{1, 2, 4}}, {"spawn_monitor", []int{1, 2, 3, 4}},
		{"spawn_opt", []int{2, 3, 5}}, {"spawn_request", []int{1, 2, 3, 4, 5}},
		{"send_nosuspend", []int{2, 3}}, {"open_port", []int{2}}, {"port_close", []int{1}},
		{"port_command", []int{2, 3}}, {"port_connect", []int{2}}, {"port_control", []int{3}},
		{"port_call", []int{2, 3}}, {"port_info", []int{1, 2}}, {"load_module", []int{2}},
		{"purge_module", []int{1}}, {"check_process_code", []int{2, 3}}, {"disconnect_node", []int{1}},
		{"get_cookie", []int{0, 1}}, {"set_cookie", []int{1, 2}}, {"suspend_process", []int{1, 2}},
		{"trace", []int{3}}, {"trace_pattern", []int{2, 3}},
	} {
		i := int(term.Intern(f.name).AtomIndex())
		if i >= len(set) {
			set = append(set, make([]uint8, i+1-len(set))...)
		}
		for _, a := range f.arities {
			set[i] |= 1 << a
		}
	}
	return set
}()
