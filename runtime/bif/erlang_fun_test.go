package bif

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// fun_to_list/1 gives the text OTP 25 gives (checked with erl: compiled
// funs print as #Fun<Module.Index.Uniq>, external ones as fun M:F/A with
// the emulator's atom quoting).
func TestErlFunToList(t *testing.T) {
	h := heap.New()
	local := term.NewClosure(h, term.RegisterFun(&term.FunInfo{Module: term.Intern("e_funs"), Index: 2, Uniq: 91815227}), nil)
	tests := []struct {
		name string
		fun  term.Term
		want string
	}{
		{"external", term.NewExport(h, term.Intern("lists"), term.Intern("map"), 2), "fun lists:map/2"},
		{"external, quoted", term.NewExport(h, term.Intern("Mod"), term.Intern("if"), 0), "fun 'Mod':if/0"},
		{"local", local, "#Fun<e_funs.2.91815227>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &emu.Process{Heap: heap.New()}
			r := erlFunToList(p, []term.Term{tt.fun})
			require.NotEqual(t, term.NonValue, r)
			s, ok := format.Chardata(r)
			require.True(t, ok)
			assert.Equal(t, tt.want, s)
		})
	}
	for _, bad := range []term.Term{term.Intern("f"), term.MakePid(1), term.Nil} {
		p := &emu.Process{Heap: heap.New()}
		assert.Equal(t, term.NonValue, erlFunToList(p, []term.Term{bad}))
		assert.Equal(t, term.Badarg, p.Exc.Reason)
	}
}
