package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
)

// Size and map BIFs in line: they read a word of the object's header or
// body. Terms of another type, match contexts and the errors they raise
// are the BIF's.

// bitstringSize leaves the size of the bitstring in AX in CX: in bytes
// for heap and refc binaries (whole bytes), in bits for sub-binaries,
// which it branches to subBin for. Anything else goes to slow.
func (l *lowerer) bitstringSize(slow, subBin *label) {
	l.jumpUnlessBoxed(rAX, slow)
	l.subtag(rAX)
	l.op2(x86.AMOVQ, mem(rAX, 8*abi.BinSizeWord-abi.PrimaryBoxed), reg(rCX))
	l.jumpIfSubtag(abi.SubSubBin, subBin)
	bytes := l.newLabel()
	l.jumpIfSubtag(abi.SubHeapBin, bytes)
	l.jumpUnlessSubtag(abi.SubRefcBin, slow)
	l.bind(bytes)
}

// byteSize: byte_size/1, rounding a sub-binary's bits up.
func (l *lowerer) byteSize(s bifSite, slow *label) {
	l.load(s.args[0], rAX)
	subBin, done := l.newLabel(), l.newLabel()
	l.bitstringSize(slow, subBin)
	l.jmp(obj.AJMP, done)
	l.bind(subBin)
	l.op2(x86.AADDQ, imm(7), reg(rCX))
	l.op2(x86.ASHRQ, imm(3), reg(rCX))
	l.bind(done)
	l.tagSmall(rCX)
	l.store(rCX, s.dst)
}

// bitSize: bit_size/1.
func (l *lowerer) bitSize(s bifSite, slow *label) {
	l.load(s.args[0], rAX)
	subBin := l.newLabel()
	l.bitstringSize(slow, subBin)
	l.op2(x86.ASHLQ, imm(3), reg(rCX))
	l.bind(subBin)
	l.tagSmall(rCX)
	l.store(rCX, s.dst)
}

// mapSize: map_size/1. A flat map's header counts its keys tuple and
// values; a hash map keeps its size, a small integer, in word 1.
func (l *lowerer) mapSize(s bifSite, slow *label) {
	l.load(s.args[0], rAX)
	l.jumpUnlessBoxed(rAX, slow)
	l.subtag(rAX)
	l.op2(x86.AMOVQ, mem(rAX, 8-abi.PrimaryBoxed), reg(rCX))
	done, flat := l.newLabel(), l.newLabel()
	l.jumpIfSubtag(abi.SubFlatMap, flat)
	l.jumpUnlessSubtag(abi.SubHashMap, slow)
	l.jmp(obj.AJMP, done)
	l.bind(flat)
	l.op2(x86.AMOVQ, mem(rAX, -abi.PrimaryBoxed), reg(rCX))
	l.op2(x86.ASHRQ, imm(abi.HeaderArityShift), reg(rCX))
	l.op1(x86.ADECQ, reg(rCX))
	l.tagSmall(rCX)
	l.bind(done)
	l.store(rCX, s.dst)
}

// mapGet: map_get/2 and is_map_key/2 of an immediate constant key in a
// flat map.
func (l *lowerer) mapGet(s bifSite, slow *label) {
	key, ok := l.constant(s.args[0])
	if !ok {
		l.jmp(obj.AJMP, slow)
		return
	}
	l.flatMap(s.args[1], slow, slow)
	if s.mfa.Function == "is_map_key" {
		missing, done := l.newLabel(), l.newLabel()
		l.findKey(key, missing)
		l.op2(x86.AMOVQ, imm(int64(l.atom("true"))), reg(rDI))
		l.jmp(obj.AJMP, done)
		l.bind(missing)
		l.op2(x86.AMOVQ, imm(int64(l.atom("false"))), reg(rDI))
		l.bind(done)
	} else {
		l.findKey(key, slow) // the BIF raises badkey
		l.op2(x86.AMOVQ, indexed(rMap, 16-abi.PrimaryBoxed), reg(rDI))
	}
	l.store(rDI, s.dst)
}
