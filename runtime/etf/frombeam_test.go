package etf

import (
	"math/big"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

func bigInt(s string) beam.BigInt {
	z, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return beam.BigInt{Int: z}
}

func TestFromBeamRoundTrip(t *testing.T) {
	long := make([]beam.Term, 100000)
	for i := range long {
		long[i] = beam.Int(i)
	}
	mapKeys := make([]beam.Term, 40)
	mapVals := make([]beam.Term, 40)
	for i := range mapKeys {
		mapKeys[i] = beam.Int(i)
		mapVals[i] = beam.Atom("v")
	}
	tests := []struct {
		name string
		in   beam.Term
	}{
		{"atom", beam.Atom("hello")},
		{"unicode atom", beam.Atom("héllo→")},
		{"small", beam.Int(42)},
		{"negative", beam.Int(-7)},
		{"beyond small", beam.Int(1 << 60)},
		{"min int64", beam.Int(-1 << 63)},
		{"bignum", bigInt("123456789012345678901234567890")},
		{"negative bignum", bigInt("-123456789012345678901234567890")},
		{"float", beam.Float(3.25)},
		{"nil", beam.Nil{}},
		{"empty tuple", beam.Tuple{}},
		{"tuple", beam.Tuple{beam.Atom("ok"), beam.Int(1), beam.Tuple{beam.Nil{}}}},
		{"list", &beam.List{Elems: []beam.Term{beam.Int(1), beam.Atom("a")}, Tail: beam.Nil{}}},
		{"improper", &beam.List{Elems: []beam.Term{beam.Int(1)}, Tail: beam.Atom("t")}},
		{"long list", &beam.List{Elems: long, Tail: beam.Nil{}}},
		{"binary", beam.Bitstring{Bytes: []byte("abc"), Bits: 8}},
		{"empty binary", beam.Bitstring{Bytes: []byte{}, Bits: 8}},
		{"large binary", beam.Bitstring{Bytes: []byte(strings.Repeat("x", 1000)), Bits: 8}},
		{"bitstring", beam.Bitstring{Bytes: []byte{1, 0x40}, Bits: 3}},
		{"empty map", &beam.Map{Keys: []beam.Term{}, Values: []beam.Term{}}},
		{"map", &beam.Map{Keys: []beam.Term{beam.Atom("a"), beam.Atom("b")}, Values: []beam.Term{beam.Int(1), beam.Int(2)}}},
		{"large map", &beam.Map{Keys: mapKeys, Values: mapVals}},
		{"export", beam.ExportFun{Module: "lists", Function: "map", Arity: 2}},
		{"pid", beam.Pid{Node: nodeName, ID: 80}},
		{"port", beam.Port{Node: nodeName, ID: 5}},
		{"ref", beam.Ref{Node: nodeName, IDs: []uint32{0x3ffff, 0xdeadbeef, 0x1234}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := heap.New()
			x, err := FromBeam(h, tt.in)
			require.NoError(t, err)
			back, err := ToBeam(x)
			require.NoError(t, err)
			if m, ok := tt.in.(*beam.Map); ok && len(m.Keys) > term.MaxFlatMapSize {
				// A large map comes back in OTP's hash order.
				again, err := FromBeam(h, back)
				require.NoError(t, err)
				assert.True(t, term.Equal(x, again))
			} else {
				assert.Equal(t, tt.in, back)
			}
			// And into the literal area, which is what the loader uses.
			y, err := FromBeam(heap.Literals, tt.in)
			require.NoError(t, err)
			assert.True(t, term.Equal(x, y))
			// Terms are plain words to Go's collector: keep their heap.
			runtime.KeepAlive(h)
		})
	}
}

func TestFromBeamNestedTails(t *testing.T) {
	// A chain of lists linked through Tail (not what the decoder makes, but
	// allowed) must not recurse.
	var l beam.Term = beam.Nil{}
	for i := 0; i < 100000; i++ {
		l = &beam.List{Elems: []beam.Term{beam.Int(i)}, Tail: l}
	}
	h := heap.New()
	x, err := FromBeam(h, l)
	require.NoError(t, err)
	assert.Equal(t, 100000, term.ListLength(x))
	assert.Equal(t, int64(99999), x.Head().SmallValue())
	runtime.KeepAlive(h)
}

func TestFromBeamErrors(t *testing.T) {
	tests := []struct {
		name string
		in   beam.Term
	}{
		{"nil", nil},
		{"unknown fun", &beam.Fun{Module: "no_such_module", OldUniq: beam.Int(1), OldIndex: beam.Int(0), Pid: beam.Pid{}}},
		{"duplicate keys", &beam.Map{Keys: []beam.Term{beam.Int(1), beam.Int(1)}, Values: []beam.Term{beam.Int(1), beam.Int(2)}}},
		{"long atom", beam.Atom(strings.Repeat("a", 256))},
		{"error in tuple", beam.Tuple{beam.Int(1), nil}},
		{"error in list", &beam.List{Elems: []beam.Term{beam.Int(1), nil}, Tail: beam.Nil{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromBeam(heap.New(), tt.in)
			assert.Error(t, err)
		})
	}
}

func TestFromBeamLocalFun(t *testing.T) {
	mod := term.Intern("etf_test_funs")
	info := &term.FunInfo{Module: mod, Name: term.Intern("-f/0-fun-0-"), Arity: 1, NumFree: 1, Index: 3, Uniq: 77}
	idx := term.RegisterFun(info)
	in := &beam.Fun{Arity: 1, Index: 3, Module: "etf_test_funs", OldIndex: beam.Int(3), OldUniq: beam.Int(77),
		Pid: beam.Pid{Node: nodeName}, Free: []beam.Term{beam.Atom("x")}}
	h := heap.New()
	defer runtime.KeepAlive(h)
	x, err := FromBeam(h, in)
	require.NoError(t, err)
	require.True(t, x.IsClosure())
	assert.Equal(t, idx, x.FunIndex())
	assert.Equal(t, term.Intern("x"), x.FunFree()[0])
	back, err := ToBeam(x)
	require.NoError(t, err)
	assert.Equal(t, in, back)
}
