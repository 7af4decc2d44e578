package bif

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

func etfTestBIF(t *testing.T, name string, arity int) emu.BIF {
	t.Helper()
	info, ok := emu.LookupBIF(emu.MakeMFA("erlang", name, arity))
	require.True(t, ok, "erlang:%s/%d registered", name, arity)
	return info.Fn
}

func TestETFBIFs(t *testing.T) {
	p := &emu.Process{Heap: heap.New()}
	defer runtime.KeepAlive(p)
	h := p.Heap
	atom := term.Intern
	list := func(ts ...term.Term) term.Term { return term.ListFrom(h, ts) }
	pair := func(a, b term.Term) term.Term { return term.Tuple2(h, a, b) }
	small := func(v int64) term.Term { return term.MakeSmall(v) }
	bin := func(b ...byte) term.Term { return term.NewBinary(h, b) }
	big := term.NewBinary(h, make([]byte, 100))
	badarg := term.NonValue

	tests := []struct {
		name string
		bif  string
		args []term.Term
		want term.Term // badarg means the call raises badarg
	}{
		{"t2b", "term_to_binary", []term.Term{atom("ok")}, bin(131, 100, 0, 2, 'o', 'k')},
		{"t2b minor 2", "term_to_binary", []term.Term{atom("ok"), list(pair(atom("minor_version"), small(2)))}, bin(131, 119, 2, 'o', 'k')},
		{"t2b all options", "term_to_binary", []term.Term{small(1), list(atom("compressed"), atom("deterministic"), pair(atom("compressed"), small(0)), pair(atom("minor_version"), small(0)))}, bin(131, 97, 1)},
		{"t2b bad option", "term_to_binary", []term.Term{small(1), list(atom("local"))}, badarg},
		{"t2b bad level", "term_to_binary", []term.Term{small(1), list(pair(atom("compressed"), small(10)))}, badarg},
		{"t2b bad minor", "term_to_binary", []term.Term{small(1), list(pair(atom("minor_version"), small(3)))}, badarg},
		{"t2b improper options", "term_to_binary", []term.Term{small(1), term.Cons(h, atom("compressed"), atom("x"))}, badarg},
		{"b2t", "binary_to_term", []term.Term{bin(131, 97, 7)}, small(7)},
		{"b2t trailing", "binary_to_term", []term.Term{bin(131, 97, 7, 0)}, small(7)},
		{"b2t used", "binary_to_term", []term.Term{bin(131, 97, 7, 0), list(atom("used"), atom("safe"))}, pair(small(7), small(3))},
		{"b2t bad option", "binary_to_term", []term.Term{bin(131, 97, 7), list(atom("bogus"))}, badarg},
		{"b2t not binary", "binary_to_term", []term.Term{atom("x")}, badarg},
		{"b2t bitstring", "binary_to_term", []term.Term{term.NewBitstring(h, term.Bits{Data: []byte{131, 97, 7, 0}, Size: 25})}, badarg},
		{"b2t garbage", "binary_to_term", []term.Term{bin(131, 255)}, badarg},
		{"b2t safe", "binary_to_term", []term.Term{bin(131, 100, 0, 5, 'z', 'q', 'x', 'j', 'w'), list(atom("safe"))}, badarg},
		{"iovec", "term_to_iovec", []term.Term{big}, list(bin(131, 109, 0, 0, 0, 100), big)},
		{"iovec small", "term_to_iovec", []term.Term{small(1), list()}, list(bin(131, 97, 1))},
		// OTP 25 returns a bare binary when compression is asked for.
		{"iovec compressed", "term_to_iovec", []term.Term{small(1), list(atom("compressed"))}, bin(131, 97, 1)},
		{"iovec bad option", "term_to_iovec", []term.Term{small(1), list(atom("bogus"))}, badarg},
		{"external_size", "external_size", []term.Term{big}, small(106)},
		{"external_size minor 0", "external_size", []term.Term{term.NewFloat(h, 1.5), list(pair(atom("minor_version"), small(0)))}, small(33)},
		{"external_size minor 2", "external_size", []term.Term{small(1), list(pair(atom("minor_version"), small(2)))}, badarg},
		{"external_size compressed", "external_size", []term.Term{small(1), list(atom("compressed"))}, badarg},
		{"external_size deterministic", "external_size", []term.Term{small(1), list(atom("deterministic"))}, badarg},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p.Exc = emu.Exception{}
			got := etfTestBIF(t, tt.bif, len(tt.args))(p, tt.args)
			if tt.want == badarg {
				assert.Equal(t, term.NonValue, got)
				assert.Equal(t, term.Badarg, p.Exc.Reason)
				return
			}
			require.NotEqual(t, term.NonValue, got, "raised %v", p.Exc.Reason)
			assert.True(t, term.Equal(tt.want, got))
		})
	}
}
