package bif

import (
	"math/big"
	"math/rand/v2"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// The rand module's uniform/0,1. OTP keeps a generator state per process
// (in the process dictionary, seeded from the clock on first use); beamrc
// draws from one generator per system, seeded by the Go runtime, which is
// indistinguishable to a program that does not seed explicitly.

func init() {
	emu.Register("rand", "uniform", 0, randUniform0)
	emu.Register("rand", "uniform", 1, randUniform1)
}

// randUniform0 is a float X with 0.0 =< X < 1.0.
func randUniform0(p *emu.Process, _ []term.Term) term.Term {
	return term.NewFloat(p.Heap, rand.Float64())
}

// randUniform1 is an integer X with 1 =< X =< N.
func randUniform1(p *emu.Process, args []term.Term) term.Term {
	n := args[0]
	switch {
	case n.IsSmall() && n.SmallValue() >= 1:
		return term.MakeInt(p.Heap, 1+rand.Int64N(n.SmallValue()))
	case n.IsBig() && !n.BigNegative():
		return term.MakeBigInt(p.Heap, randBig(n.BigInt()))
	}
	return p.Error(term.FunctionClause)
}

// randBig draws 1 + a uniform integer below n, by rejection.
func randBig(n *big.Int) *big.Int {
	bits := n.BitLen()
	buf := make([]byte, (bits+7)/8)
	x := new(big.Int)
	for {
		for i := range buf {
			buf[i] = byte(rand.Uint32())
		}
		x.SetBytes(buf)
		x.Rsh(x, uint(len(buf)*8-bits))
		if x.Cmp(n) < 0 {
			return x.Add(x, big.NewInt(1))
		}
	}
}
