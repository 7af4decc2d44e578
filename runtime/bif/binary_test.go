package bif

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

func TestBinaryOracle(t *testing.T) {
	libOracle(t, []string{
		`binary:part(<<"hello">>,1,3)`, `binary:part(<<"hello">>,5,-2)`, `binary:part(<<"hello">>,{0,5})`, `binary:part(<<"hello">>,4,3)`, `binary:part(<<"hello">>,-1,1)`, `binary:part(x,0,0)`,
		`binary:copy(<<"ab">>,3)`, `binary:copy(<<"ab">>)`, `binary:copy(<<"ab">>,-1)`, `binary:first(<<"ab">>)`, `binary:first(<<>>)`, `binary:last(<<"ab">>)`,
		`binary:at(<<"ab">>,1)`, `binary:at(<<"ab">>,2)`, `binary:bin_to_list(<<"abc">>)`, `binary:bin_to_list(<<"abc">>,{1,2})`, `binary:bin_to_list(<<"abc">>,3,-2)`, `binary:bin_to_list(<<"abc">>,3,1)`,
		`binary:list_to_bin([1,[2,<<3>>]|<<4>>])`, `binary:list_to_bin([256])`, `binary:list_to_bin(x)`,
		`binary:longest_common_prefix([<<"abcd">>,<<"abx">>])`, `binary:longest_common_prefix([<<"a">>,<<"b">>])`, `binary:longest_common_prefix([])`, `binary:longest_common_suffix([<<"xbc">>,<<"abc">>,<<"c">>])`,
		`binary:decode_unsigned(<<1,0>>)`, `binary:decode_unsigned(<<1,0>>,little)`, `binary:decode_unsigned(<<>>)`, `binary:decode_unsigned(<<1,2,3,4,5,6,7,8,9,10>>)`,
		`binary:encode_unsigned(256)`, `binary:encode_unsigned(256,little)`, `binary:encode_unsigned(0)`, `binary:encode_unsigned(-1)`, `binary:encode_unsigned(1 bsl 70)`,
		`binary:encode_hex(<<1,171,255>>)`, `binary:encode_hex(<<>>)`, `binary:decode_hex(<<"01abFF">>)`, `binary:decode_hex(<<"0">>)`, `binary:decode_hex(<<"zz">>)`,
		`binary:match(<<"abcabc">>,<<"bc">>)`, `binary:match(<<"abcabc">>,<<"x">>)`, `binary:match(<<"abcabc">>,[<<"b">>,<<"bc">>])`, `binary:match(<<"abcabc">>,<<"bc">>,[{scope,{2,4}}])`,
		`binary:match(<<"abc">>,<<>>)`, `binary:match(<<"abc">>,[])`, `binary:match(<<"abc">>,<<"a">>,[bad])`, `binary:match(<<"abc">>,<<"c">>,[{scope,{3,-2}}])`,
		`binary:matches(<<"abcabc">>,<<"bc">>)`, `binary:matches(<<"aaaa">>,<<"aa">>)`, `binary:matches(<<"abcabc">>,[<<"a">>,<<"abc">>,<<"c">>])`,
		`binary:split(<<"a,b,,c,">>,<<",">>)`, `binary:split(<<"a,b,,c,">>,<<",">>,[global])`, `binary:split(<<"a,b,,c,,">>,<<",">>,[global,trim])`,
		`binary:split(<<",a,b,,c,,">>,<<",">>,[global,trim_all])`, `binary:split(<<"a,b,c">>,[<<",">>,<<"b">>],[global])`, `binary:split(<<"a,b,c">>,<<",">>,[global,{scope,{2,3}}])`,
		`binary:split(<<>>,<<",">>)`, `binary:split(<<>>,<<",">>,[trim_all])`, `binary:split(<<"abc">>,<<"x">>,[global])`,
		`binary:replace(<<"abcabc">>,<<"b">>,<<"X">>)`, `binary:replace(<<"abcabc">>,<<"b">>,<<"X">>,[global])`, `binary:replace(<<"abcabc">>,<<"b">>,<<"[]">>,[global,{insert_replaced,1}])`,
		`binary:replace(<<"abcabc">>,[<<"a">>,<<"c">>],<<"<>">>,[global,{insert_replaced,[1,1,0]}])`, `binary:replace(<<"abc">>,<<"b">>,x)`, `binary:replace(<<"abc">>,<<"b">>,<<"x">>,[{insert_replaced,5}])`,
		`binary:compile_pattern(<<>>)`, `binary:compile_pattern([])`,
		`binary:referenced_byte_size(list_to_binary("small"))`, `binary:referenced_byte_size(list_to_binary([]))`,
		`binary:referenced_byte_size(list_to_binary(lists:duplicate(1000,$a)))`, `binary:referenced_byte_size(a)`, `binary:referenced_byte_size([1])`,
	})
}

// binary:referenced_byte_size/1 of parts of binaries, which the oracle
// cannot pass (it sends fresh copies). The wants are erl's for the same
// parts taken by matching, binary:part/3 and split_binary/2 of a
// 1,000-byte binary: OTP copies a byte-aligned part of at most 64 bytes.
// (erl_eval builds binary expressions such as <<"small">> in a 256-byte
// buffer, so the oracle's own literals would say 256; compiled code's
// say their size.)
func TestBinaryReferencedByteSize(t *testing.T) {
	h := heap.New()
	large := term.NewBinary(h, make([]byte, 1000))
	small := term.NewBinary(h, []byte("abcdefgh"))
	tests := []struct {
		name string
		bin  term.Term
		want int64
	}{
		{"whole large", large, 1000},
		{"whole small", small, 8},
		{"last 10 bytes", term.SliceBits(h, large, 990*8, 10*8), 10},
		{"last 100 bytes", term.SliceBits(h, large, 900*8, 100*8), 1000},
		{"64 bytes at bit 3", term.SliceBits(h, large, 3, 64*8), 64},
		{"65 bytes at bit 3", term.SliceBits(h, large, 3, 65*8), 1000},
		{"20 bits", term.SliceBits(h, large, 3, 20), 1000},
		{"all but 3 bits", term.SliceBits(h, large, 3, 1000*8-3), 1000},
		{"part of a heap binary", term.SliceBits(h, small, 8, 7*8), 7},
		{"3-bit bitstring", term.NewBitstring(h, term.Bits{Data: []byte{0x20}, Size: 3}), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &emu.Process{Heap: heap.New()}
			got := binaryReferencedByteSize(p, []term.Term{tt.bin})
			assert.Equal(t, term.MakeSmall(tt.want), got)
		})
	}
}

// A compiled pattern works wherever a pattern does (OTP's holds a
// reference, so erl cannot print one for the oracle).
func TestBinaryCompiledPattern(t *testing.T) {
	p := &emu.Process{Heap: heap.New()}
	needles := term.ListFrom(p.Heap, []term.Term{term.NewBinary(p.Heap, []byte("c")), term.NewBinary(p.Heap, []byte("bc"))})
	cp := binaryCompilePattern(p, []term.Term{needles})
	subject := term.NewBinary(p.Heap, []byte("abcabc"))
	m := binaryMatch(p, []term.Term{subject, cp})
	assert.Equal(t, "{1,2}", beamFormat(m))
	parts := binarySplit(p, []term.Term{subject, cp, term.ListFrom(p.Heap, []term.Term{binaryAtomGlobal})})
	assert.Equal(t, "[<<97>>,<<97>>,<<>>]", beamFormat(parts))
}
