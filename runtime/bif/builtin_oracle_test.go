package bif

import (
	"fmt"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// TestIsBuiltinMatchesErl checks, for every function the runtime
// implements in Go, that emu.IsBuiltin says what OTP 25's
// erlang:is_builtin/3 says: whether a tail call of it that fails keeps
// its caller's frame in the stack trace depends on it.
func TestIsBuiltinMatchesErl(t *testing.T) {
	var mfas []emu.MFA
	for _, b := range emu.BIFs() {
		mfas = append(mfas, b.MFA)
	}
	sort.Slice(mfas, func(i, j int) bool { return mfas[i].String() < mfas[j].String() })
	var lines []string
	for _, m := range mfas {
		lines = append(lines, fmt.Sprintf("%s %s %d", term.AtomName(m.Module), term.AtomName(m.Function), m.Arity))
	}
	// Each line is M F A; erl answers true or false for each, in order.
	// Modules are loaded first, as is_builtin/3 only knows loaded ones.
	script := `{ok, B} = file:read_file(os:getenv("ORACLE_FILE")),
		[begin
			[M, F, A] = string:lexemes(binary_to_list(L), " "),
			Mod = list_to_atom(M),
			_ = code:ensure_loaded(Mod),
			io:format("~w~n", [erlang:is_builtin(Mod, list_to_atom(F), list_to_integer(A))])
		 end || L <- binary:split(B, <<"\n">>, [global, trim_all])],
		halt().`
	answers := erlLines(t, script, lines)
	for i, m := range mfas {
		assert.Equal(t, answers[i] == "true", emu.IsBuiltin(m), "%s: erl says is_builtin is %s", m, answers[i])
	}
}
