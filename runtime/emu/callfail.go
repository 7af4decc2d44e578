package emu

import (
	"strconv"
	"strings"

	"github.com/beamrc/beamrc/runtime/term"
)

// Which frames the stack trace of a failed call keeps depends, in OTP 25,
// on whether the call was a tail call and on what failed:
//
//   - A BIF called directly (call_ext, call_ext_last, call_ext_only) runs
//     on its caller's behalf: the trace shows the BIF and then its
//     caller, tail call or not.
//   - A function reached by a tail call has left its caller, whose frame
//     is then missing: an undefined function (undef), a library function
//     that OTP 25 writes in Erlang (atom_to_binary/1, lists:reverse/1,
//     which the runtime implements in Go), and a BIF reached dynamically
//     (apply, a fun) all fail that way.
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
		p.excSkipCurrent = tail && !isBuiltin(mfa)
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

// IsBuiltin reports whether OTP 25 implements mfa, one of the functions
// the runtime implements in Go, as a BIF (erlang:is_builtin/3) rather
// than in Erlang.
func IsBuiltin(m MFA) bool { return isBuiltin(m) }

func isBuiltin(m MFA) bool {
	if m.Module == term.AtomErlang {
		return !erlangCoded(m)
	}
	return libraryBIFs[m]
}

// libraryBIFs are the BIFs of the library modules the runtime implements
// (erlang:is_builtin/3 under OTP 25); their other functions are Erlang
// code there. It is built in a fixed order, as erlangCodedFuns is.
var libraryBIFs = func() map[MFA]bool {
	set := make(map[MFA]bool)
	for _, m := range []struct {
		module string
		funs   []string // name/arity
	}{
		{"lists", []string{"keyfind/3", "keysearch/3", "keymember/3", "member/2", "reverse/2"}},
		{"maps", []string{"find/2", "from_keys/2", "from_list/1", "get/2", "is_key/2", "keys/1",
			"merge/2", "put/3", "remove/2", "take/2", "update/3", "values/1"}},
		{"binary", []string{"at/2", "compile_pattern/1", "copy/1", "copy/2", "decode_unsigned/1",
			"decode_unsigned/2", "encode_unsigned/1", "encode_unsigned/2", "first/1", "last/1",
			"list_to_bin/1", "longest_common_prefix/1", "longest_common_suffix/1", "match/2", "match/3",
			"matches/2", "matches/3", "part/2", "part/3", "referenced_byte_size/1", "split/2", "split/3"}},
		{"math", []string{"acos/1", "acosh/1", "asin/1", "asinh/1", "atan/1", "atan2/2", "atanh/1",
			"ceil/1", "cos/1", "cosh/1", "erf/1", "erfc/1", "exp/1", "floor/1", "fmod/2", "log/1",
			"log10/1", "log2/1", "pow/2", "sin/1", "sinh/1", "sqrt/1", "tan/1", "tanh/1"}},
		{"os", []string{"env/0", "getenv/1", "getpid/0", "perf_counter/0", "putenv/2", "set_signal/2",
			"system_time/0", "system_time/1", "timestamp/0", "unsetenv/1"}},
		{"persistent_term", []string{"erase/1", "get/0", "get/1", "get/2", "info/0", "put/2"}},
		{"string", []string{"list_to_float/1", "list_to_integer/1"}},
		{"unicode", []string{"bin_is_7bit/1", "characters_to_binary/2", "characters_to_list/2"}},
		{"io", []string{"printable_range/0"}},
	} {
		mod := term.Intern(m.module)
		for _, f := range m.funs {
			slash := strings.LastIndexByte(f, '/')
			arity, _ := strconv.Atoi(f[slash+1:])
			set[MFA{Module: mod, Function: term.Intern(f[:slash]), Arity: arity}] = true
		}
	}
	return set
}()

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
