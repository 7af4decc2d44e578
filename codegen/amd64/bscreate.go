package amd64

import (
	"github.com/twitchyliquid64/golang-asm/obj"
	"github.com/twitchyliquid64/golang-asm/obj/x86"

	"github.com/beamrc/beamrc/runtime/abi"
	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
)

// Binary construction in line:
//
//	bs_create_bin Fail Alloc Live Unit Dst [Type, Seg, Unit, Flags, Src, Size, ...]
//
// The fast path builds a heap binary (at most abi.HeapBinLimit bytes)
// from string literals, byte-aligned bitstrings taken whole and small
// integers of a constant whole-byte size. It runs in two passes. The
// first checks every value and sums the sizes without writing anything,
// so that whatever it does not handle (a larger result, a bitstring that
// is not whole bytes, a bignum, a bad value) steps the whole instruction
// with registers and heap as they were. The second, after the heap
// check, writes the binary above the heap top and moves the top last.
//
// The writes are whole words where that is simpler (integers, literal
// bytes, the padding of the last word): they may spill up to 7 bytes
// past the binary's end, into the next segment (written over next) or
// into one word of slack the heap check reserves beyond the binary.

var (
	rTotal = rR8               // pass 1: the result's size in bytes
	rCur   = rDI               // pass 2: where the next byte goes
	rOff   = int16(x86.REG_R9) // a sub-binary's byte offset
)

// heapBinHeader is a heap binary's header without its data words, which
// are added to the arity.
var heapBinHeader = abi.Header(abi.SubHeapBin, 1)

// buildKind is what a segment of the fast path is.
type buildKind uint8

const (
	buildString  buildKind = iota // literal bytes
	buildBinary                   // a byte-aligned bitstring, all of it
	buildInteger                  // a small integer, a constant number of bytes
)

// buildSeg is one segment of a bs_create_bin with a fast path.
type buildSeg struct {
	kind   buildKind
	str    []byte       // buildString
	val    beam.Operand // buildBinary, buildInteger
	bytes  int64        // buildInteger: its size
	little bool         // buildInteger: least significant byte first
	append bool         // buildBinary: an accumulator appended to
}

// bsCreateBin lowers bs_create_bin: the fast path in line when every
// segment has one, the step otherwise and when the fast path gives up.
func (l *lowerer) bsCreateBin(in beam.Instr) {
	a := in.Args
	segs, fixed, ok := l.buildSegs(a[5].List)
	if !ok {
		l.step(in)
		return
	}
	l.withSlowPath(in, func(slow *label) {
		l.sumSizes(segs, fixed, slow)
		written := l.newLabel()
		l.binaryRoom(heapNeed(a[1]), a[2].Val, written)
		l.bind(written)
		l.op2(x86.ALEAQ, mem(rHeap, 8*abi.HeapBinDataWord), reg(rCur))
		for _, s := range segs {
			l.writeSeg(s, slow)
		}
		l.finishBinary()
		l.store(rAX, a[4])
	})
}

// buildSegs decodes the segments; ok is false when one has no fast path.
// fixed is the bytes of the segments whose size is known here.
func (l *lowerer) buildSegs(list []beam.Operand) (segs []buildSeg, fixed int64, ok bool) {
	if len(list)%6 != 0 {
		return nil, 0, false
	}
	for i := 0; i < len(list); i += 6 {
		s, ok := l.buildSeg(list[i : i+6])
		if !ok {
			return nil, 0, false
		}
		fixed += int64(len(s.str)) + s.bytes
		segs = append(segs, s)
	}
	return segs, fixed, fixed <= abi.HeapBinLimit
}

// buildSeg decodes one segment: Type, Seg, Unit, Flags, Src, Size.
func (l *lowerer) buildSeg(op []beam.Operand) (buildSeg, bool) {
	if op[0].Kind != beam.KindAtom {
		return buildSeg{}, false
	}
	unit := op[2].Val
	switch l.bm.Atom(int(op[0].Val)) {
	case "string":
		off, n := op[4].Val, op[5].Val
		if off < 0 || n < 0 || off+n > int64(len(l.bm.Strings)) {
			return buildSeg{}, false
		}
		return buildSeg{kind: buildString, str: l.bm.Strings[off : off+n]}, true
	case "binary", "append", "private_append":
		// Whole bytes are a multiple of any unit that divides 8.
		whole := op[5].Kind == beam.KindAtom && l.bm.Atom(int(op[5].Val)) == "all"
		s := buildSeg{kind: buildBinary, val: op[4], append: l.bm.Atom(int(op[0].Val)) != "binary"}
		return s, whole && unit >= 1 && 8%unit == 0
	case "integer":
		bits, ok := l.constBits(op[5], op[2])
		f, err := emu.MatchFlags(l.bm, op[3])
		if !ok || err != nil || bits < 8 || bits > 64 || bits%8 != 0 {
			return buildSeg{}, false
		}
		return buildSeg{kind: buildInteger, val: op[4], bytes: bits / 8, little: f.Little}, true
	}
	return buildSeg{}, false
}

// sumSizes is pass 1: it checks every value and puts the result's size
// in rTotal, branching to slow when a value or the size has no fast path.
func (l *lowerer) sumSizes(segs []buildSeg, fixed int64, slow *label) {
	l.op2(x86.AMOVQ, imm(fixed), reg(rTotal))
	for _, s := range segs {
		switch s.kind {
		case buildBinary:
			l.load(s.val, rAX)
			l.bitstringBytes(slow)
			l.op2(x86.AADDQ, reg(rCX), reg(rTotal))
			if s.append {
				// An accumulator that outgrew heap binaries (a loop's)
				// goes to the step at once.
				l.op2(x86.ACMPQ, reg(rTotal), imm(abi.HeapBinLimit))
				l.jmp(x86.AJHI, slow)
			}
		case buildInteger:
			if !l.isSmallConst(s.val) {
				l.load(s.val, rAX)
				l.jumpUnlessSmall(rAX, slow)
			}
		}
	}
	l.op2(x86.ACMPQ, reg(rTotal), imm(abi.HeapBinLimit))
	l.jmp(x86.AJHI, slow)
}

// binaryRoom makes sure the heap binary of rTotal bytes, a word of slack
// and the instruction's Alloc words fit, collecting with live x
// registers otherwise; it continues at written (where the values are
// loaded again: the collection moves them).
func (l *lowerer) binaryRoom(alloc, live int64, written *label) {
	l.op2(x86.ALEAQ, mem(rTotal, 7), reg(rAX))
	l.op2(x86.ASHRQ, imm(3), reg(rAX))
	l.op2(x86.AADDQ, imm(abi.HeapBinDataWord+1+alloc), reg(rAX))
	l.op2(x86.ALEAQ, obj.Addr{Type: obj.TYPE_MEM, Reg: rHeap, Index: rAX, Scale: 8}, reg(rDX))
	l.op2(x86.ACMPQ, reg(rDX), ctx(abi.OffHeapLimit))
	gc := l.stub(func() {
		l.op2(x86.AMOVQ, reg(rAX), ctx(abi.OffOperand(0)))
		l.setOperand(1, live)
		l.exit(abi.ReqGC, written)
	})
	l.jmp(x86.AJHI, gc)
}

// bitstringBytes puts the address (rSI) and the size (rCX) of the bytes
// of the bitstring in rAX, or branches to slow unless it is byte-aligned
// whole bytes. Clobbers rDX and rOff.
func (l *lowerer) bitstringBytes(slow *label) {
	l.jumpUnlessBoxed(rAX, slow)
	l.subtag(rAX)
	sub, done := l.newLabel(), l.newLabel()
	l.jumpIfSubtag(abi.SubSubBin, sub)
	l.op2(x86.AMOVQ, boxedWord(rAX, abi.BinSizeWord), reg(rCX))
	l.binData(slow)
	l.jmp(obj.AJMP, done)
	l.bind(sub)
	l.op2(x86.AMOVQ, boxedWord(rAX, abi.SubBitSizeWord), reg(rCX))
	l.op2(x86.AMOVQ, boxedWord(rAX, abi.SubBitOffWord), reg(rOff))
	l.op2(x86.AMOVQ, reg(rCX), reg(rDX))
	l.op2(x86.AORQ, reg(rOff), reg(rDX))
	l.op2(x86.ATESTQ, imm(7), reg(rDX))
	l.jmp(x86.AJNE, slow)
	l.op2(x86.ASHRQ, imm(3), reg(rCX))
	l.op2(x86.ASHRQ, imm(3), reg(rOff))
	l.op2(x86.AMOVQ, boxedWord(rAX, abi.SubOrigWord), reg(rAX))
	l.binData(slow)
	l.op2(x86.AADDQ, reg(rOff), reg(rSI))
	l.bind(done)
}

// binData puts in rSI the address of the bytes of the heap or refc
// binary in rAX, or branches to other (clobbers rDX).
func (l *lowerer) binData(other *label) {
	refc, done := l.newLabel(), l.newLabel()
	l.subtag(rAX)
	l.jumpIfSubtag(abi.SubRefcBin, refc)
	l.jumpUnlessSubtag(abi.SubHeapBin, other)
	l.op2(x86.ALEAQ, boxedWord(rAX, abi.HeapBinDataWord), reg(rSI))
	l.jmp(obj.AJMP, done)
	l.bind(refc)
	l.op2(x86.AMOVQ, boxedWord(rAX, abi.RefcDataWord), reg(rSI))
	l.bind(done)
}

// writeSeg is pass 2 for one segment: its bytes at rCur, which moves
// past them. Its value passed pass 1, so slow is not taken.
func (l *lowerer) writeSeg(s buildSeg, slow *label) {
	switch s.kind {
	case buildString:
		l.writeConst(s.str)
	case buildBinary:
		l.load(s.val, rAX)
		l.bitstringBytes(slow)
		l.copyBytes()
	case buildInteger:
		l.load(s.val, rAX)
		l.op2(x86.ASARQ, imm(abi.SmallShift), reg(rAX))
		if !s.little {
			// The low bytes, most significant first, in the word's
			// first bytes.
			if s.bytes < 8 {
				l.op2(x86.ASHLQ, imm(64-8*s.bytes), reg(rAX))
			}
			l.op1(x86.ABSWAPQ, reg(rAX))
		}
		l.op2(x86.AMOVQ, reg(rAX), mem(rCur, 0))
		l.op2(x86.AADDQ, imm(s.bytes), reg(rCur))
	}
}

// writeConst writes literal bytes a word at a time.
func (l *lowerer) writeConst(b []byte) {
	for i := 0; i < len(b); i += 8 {
		var w uint64
		for k := min(len(b), i+8) - 1; k >= i; k-- {
			w = w<<8 | uint64(b[k])
		}
		if int64(w) == int64(int32(w)) {
			l.op2(x86.AMOVQ, imm(int64(w)), mem(rCur, int64(i)))
			continue
		}
		l.op2(x86.AMOVQ, imm(int64(w)), reg(rAX))
		l.op2(x86.AMOVQ, reg(rAX), mem(rCur, int64(i)))
	}
	if len(b) > 0 {
		l.op2(x86.AADDQ, imm(int64(len(b))), reg(rCur))
	}
}

// byteAt is the memory operand base + index + off (bytes).
func byteAt(base, index int16, off int64) obj.Addr {
	return obj.Addr{Type: obj.TYPE_MEM, Reg: base, Index: index, Scale: 1, Offset: off}
}

// copyBytes copies rCX bytes from rSI to rCur and moves rCur past them.
// It reads no byte outside the source (which may end a page): eight
// bytes at a time, then the last eight again, overlapping; four and four
// below eight bytes; one at a time below four. Clobbers rAX, rDX, rSI,
// rCX.
func (l *lowerer) copyBytes() {
	loop, below8, below4, bytes, done := l.newLabel(), l.newLabel(), l.newLabel(), l.newLabel(), l.newLabel()
	l.op2(x86.ACMPQ, reg(rCX), imm(8))
	l.jmp(x86.AJCS, below8)
	l.bind(loop)
	l.op2(x86.AMOVQ, mem(rSI, 0), reg(rAX))
	l.op2(x86.AMOVQ, reg(rAX), mem(rCur, 0))
	l.op2(x86.AADDQ, imm(8), reg(rSI))
	l.op2(x86.AADDQ, imm(8), reg(rCur))
	l.op2(x86.ASUBQ, imm(8), reg(rCX))
	l.op2(x86.ACMPQ, reg(rCX), imm(8))
	l.jmp(x86.AJCC, loop)
	l.op2(x86.AMOVQ, byteAt(rSI, rCX, -8), reg(rAX))
	l.op2(x86.AMOVQ, reg(rAX), byteAt(rCur, rCX, -8))
	l.op2(x86.AADDQ, reg(rCX), reg(rCur))
	l.jmp(obj.AJMP, done)
	l.bind(below8)
	l.op2(x86.ACMPQ, reg(rCX), imm(4))
	l.jmp(x86.AJCS, below4)
	l.op2(x86.AMOVL, mem(rSI, 0), reg(rAX))
	l.op2(x86.AMOVL, byteAt(rSI, rCX, -4), reg(rDX))
	l.op2(x86.AMOVL, reg(rAX), mem(rCur, 0))
	l.op2(x86.AMOVL, reg(rDX), byteAt(rCur, rCX, -4))
	l.op2(x86.AADDQ, reg(rCX), reg(rCur))
	l.jmp(obj.AJMP, done)
	l.bind(below4)
	l.op2(x86.ATESTQ, reg(rCX), reg(rCX))
	l.jmp(x86.AJEQ, done)
	l.bind(bytes)
	l.op2(x86.AMOVBLZX, mem(rSI, 0), reg(rAX))
	l.op2(x86.AMOVB, reg(rAX), mem(rCur, 0))
	l.op1(x86.AINCQ, reg(rSI))
	l.op1(x86.AINCQ, reg(rCur))
	l.op1(x86.ADECQ, reg(rCX))
	l.jmp(x86.AJNE, bytes)
	l.bind(done)
}

// finishBinary writes the header and size of the binary whose bytes end
// at rCur, zeroes the padding of its last word (the runtime's binaries
// have it zeroed), moves the heap top past it and leaves the term in
// rAX.
func (l *lowerer) finishBinary() {
	l.op2(x86.AMOVQ, imm(0), mem(rCur, 0))
	l.op2(x86.AMOVQ, reg(rCur), reg(rCX))
	l.op2(x86.ASUBQ, reg(rHeap), reg(rCX))
	l.op2(x86.ASUBQ, imm(8*abi.HeapBinDataWord), reg(rCX))
	l.op2(x86.AMOVQ, reg(rCX), mem(rHeap, 8*abi.BinSizeWord))
	l.op2(x86.AADDQ, imm(7), reg(rCX))
	l.op2(x86.ASHRQ, imm(3), reg(rCX))
	l.op2(x86.AMOVQ, reg(rCX), reg(rAX))
	l.op2(x86.ASHLQ, imm(abi.HeaderArityShift), reg(rAX))
	l.op2(x86.AADDQ, imm(int64(heapBinHeader)), reg(rAX))
	l.op2(x86.AMOVQ, reg(rAX), mem(rHeap, 0))
	l.op2(x86.ALEAQ, mem(rHeap, abi.PrimaryBoxed), reg(rAX))
	l.op2(x86.ALEAQ, obj.Addr{Type: obj.TYPE_MEM, Reg: rHeap, Index: rCX, Scale: 8, Offset: 8 * abi.HeapBinDataWord}, reg(rHeap))
}
