package bif

import (
	"fmt"
	"math/big"
	"runtime"
	"strings"
	"testing"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// erlangBIFs lists the erlang BIFs of the erlang_*.go files.
var erlangBIFs = strings.Fields(`
+/1 +/2 -/1 -/2 */2 //2 div/2 rem/2 band/2 bor/2 bxor/2 bsl/2 bsr/2 bnot/1
abs/1 float/1 trunc/1 round/1 ceil/1 floor/1 min/2 max/2
==/2 /=/2 =:=/2 =/=/2 </2 >/2 =</2 >=/2 not/1 and/2 or/2 xor/2
is_atom/1 is_binary/1 is_bitstring/1 is_boolean/1 is_float/1 is_function/1 is_function/2
is_integer/1 is_list/1 is_map/1 is_map_key/2 is_number/1 is_pid/1 is_port/1 is_reference/1
is_tuple/1 is_record/2 is_record/3
element/2 setelement/3 tuple_size/1 size/1 byte_size/1 bit_size/1 length/1 hd/1 tl/1
map_size/1 map_get/2 tuple_to_list/1 list_to_tuple/1 make_tuple/2 make_tuple/3
insert_element/3 delete_element/2 append_element/2 ++/2 --/2
atom_to_list/1 atom_to_binary/1 atom_to_binary/2 list_to_atom/1 list_to_existing_atom/1
binary_to_atom/1 binary_to_atom/2 binary_to_existing_atom/1 binary_to_existing_atom/2
integer_to_list/1 integer_to_list/2 integer_to_binary/1 integer_to_binary/2
list_to_integer/1 list_to_integer/2 binary_to_integer/1 binary_to_integer/2
float_to_list/1 float_to_list/2 float_to_binary/1 float_to_binary/2 list_to_float/1 binary_to_float/1
list_to_binary/1 iolist_to_binary/1 list_to_bitstring/1 iolist_size/1 iolist_to_iovec/1
binary_to_list/1 binary_to_list/3 bitstring_to_list/1 binary_part/2 binary_part/3 split_binary/2
md5/1 crc32/1 crc32/2 adler32/1 adler32/2
make_ref/0 unique_integer/0 unique_integer/1 monotonic_time/0 monotonic_time/1
system_time/0 system_time/1 time_offset/0 time_offset/1 timestamp/0 now/0 convert_time_unit/3
localtime/0 universaltime/0 date/0 time/0 node/0 node/1 nodes/0 phash/2 phash2/1 phash2/2
system_info/1 statistics/1 garbage_collect/0 nif_error/1 nif_error/2
`)

// erlOddTerms builds one of every kind of term, and awkward shapes of
// some: sub-binaries, bitstrings, improper lists, bignums.
func erlOddTerms(h *heap.Heap) []term.Term {
	bin := term.NewBinary(h, []byte("hello, world: a binary longer than sixty-four bytes, off the heap"))
	closure := term.NewClosure(h, term.RegisterFun(&term.FunInfo{
		Module: term.Intern("m"), Name: term.Intern("f"), Arity: 1,
	}), nil)
	huge := new(big.Int).Lsh(big.NewInt(1), 200)
	return []term.Term{
		term.MakeSmall(0), term.MakeSmall(-1), term.MakeSmall(3), term.MakeSmall(255), term.MakeSmall(term.MaxSmall),
		term.MakeBigInt(h, huge), term.MakeBigInt(h, new(big.Int).Neg(huge)),
		term.NewFloat(h, 2.5), term.NewFloat(h, -1e300),
		term.True, term.Intern("latin1"), term.Intern("second"), term.Nil,
		term.ListFrom(h, []term.Term{term.MakeSmall(1), term.MakeSmall(2)}),
		term.Cons(h, term.MakeSmall(1), term.MakeSmall(2)),
		term.ListFrom(h, []term.Term{term.Tuple2(h, term.MakeSmall(1), term.Intern("x"))}),
		term.NewTuple(h), term.Tuple2(h, term.Intern("a"), term.MakeSmall(1)),
		term.NewEmptyMap(h), term.MapFromPairs(h, []term.Term{term.Intern("k")}, []term.Term{term.MakeSmall(1)}),
		bin, term.SliceBits(h, bin, 3, 17), term.SliceBits(h, bin, 8, 16), term.NewBinary(h, nil),
		term.NewRef(h), term.MakePid(5), term.MakePort(6),
		term.NewExport(h, term.AtomErlang, term.Intern("abs"), 1), closure,
	}
}

// TestErlangNoPanic calls every BIF with every combination of odd
// arguments: each call must return a term or raise, never panic.
func TestErlangNoPanic(t *testing.T) {
	h := heap.New()
	// The terms live in h's words, which Go does not see through them.
	defer runtime.KeepAlive(h)
	odd := erlOddTerms(h)
	for _, spec := range erlangBIFs {
		i := strings.LastIndexByte(spec, '/')
		name := spec[:i]
		var arity int
		fmt.Sscan(spec[i+1:], &arity)
		bif, ok := emu.LookupBIF(emu.MakeMFA("erlang", name, arity))
		if !ok {
			t.Errorf("erlang:%s is not registered", spec)
			continue
		}
		if name == "nif_error" {
			continue // raises its argument by design
		}
		args := make([]term.Term, arity)
		var try func(k int)
		try = func(k int) {
			if k == arity {
				p := &emu.Process{Heap: heap.New()}
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("erlang:%s%v panicked: %v", spec, args, r)
					}
				}()
				r := bif.Fn(p, args)
				if r == term.NonValue && p.Exc.Reason == term.NonValue {
					t.Errorf("erlang:%s%v failed without a reason", spec, args)
				}
				return
			}
			for _, a := range odd {
				args[k] = a
				try(k + 1)
			}
		}
		try(0)
	}
}
