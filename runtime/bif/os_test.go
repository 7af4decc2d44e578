package bif

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

func TestOsOracle(t *testing.T) {
	libOracle(t, []string{
		`os:getenv("BEAMRC_SURELY_UNSET")`, `os:getenv("BEAMRC_SURELY_UNSET", def)`, `os:getenv(x)`, `os:getenv([a])`,
		`os:putenv(x, "1")`, `os:unsetenv("BEAMRC_SURELY_UNSET")`, `os:type()`, `os:system_time(bad)`,
	})
}

func TestOsEnvRoundTrip(t *testing.T) {
	p := &emu.Process{Heap: heap.New()}
	call := func(name string, args ...term.Term) term.Term {
		b, ok := emu.LookupBIF(emu.MakeMFA("os", name, len(args)))
		assert.True(t, ok, name)
		return b.Fn(p, args)
	}
	k, v := osCharlist(p, "BEAMRC_TEST_VAR"), osCharlist(p, "vålue")
	assert.Equal(t, term.True, call("putenv", k, v))
	assert.Equal(t, "vålue", os.Getenv("BEAMRC_TEST_VAR"))
	assert.True(t, term.Equal(v, call("getenv", k)))
	assert.Equal(t, term.True, call("unsetenv", k))
	assert.Equal(t, term.False, call("getenv", k))
	ts := call("timestamp")
	assert.True(t, ts.IsTuple() && ts.TupleArity() == 3)
	ms := call("system_time", term.Intern("millisecond"))
	ns := call("system_time")
	msv, _ := ms.Int64()
	nsv, _ := ns.Int64()
	assert.InDelta(t, float64(msv), float64(nsv/1e6), 1000)
}
