package deflate

// trees holds the symbol frequencies of the current block and zlib's
// scratch state for building its Huffman trees.
type trees struct {
	litFreq  [heapSize]int
	distFreq [2*dCodes + 1]int
	blFreq   [2*blCodes + 1]int

	// Per build: the heap of nodes (leaves then internal nodes), each
	// node's depth, frequency, parent and length.
	heap             [heapSize]int
	heapLen, heapMax int
	depth            [heapSize]int
	blCount          [maxBits + 1]int

	// optLen and staticLen are the block's size in bits with dynamic
	// and with fixed trees.
	optLen, staticLen int
}

func (t *trees) init() { t.resetFreqs() }

func (t *trees) resetFreqs() {
	t.litFreq = [heapSize]int{}
	t.distFreq = [2*dCodes + 1]int{}
	t.blFreq = [2*blCodes + 1]int{}
	t.litFreq[endBlock] = 1
	t.optLen, t.staticLen = 0, 0
}

// treeDesc describes one alphabet's tree being built.
type treeDesc struct {
	freq      []int  // frequencies; internal nodes are appended after elems
	lens      []int  // the resulting code lengths, one per node
	static    []code // the fixed code of each symbol, or nil
	extra     []int  // extra bits of the symbols from extraBase on
	extraBase int
	elems     int
	maxLength int
	maxCode   int // the largest symbol with a non-zero frequency
}

func newDesc(freq []int, static []code, extra []int, extraBase, elems, maxLength int) *treeDesc {
	return &treeDesc{freq: freq, lens: make([]int, len(freq)), static: static, extra: extra,
		extraBase: extraBase, elems: elems, maxLength: maxLength}
}

// smaller orders heap nodes: by frequency, then by depth.
func (t *trees) smaller(freq []int, n, m int) bool {
	return freq[n] < freq[m] || freq[n] == freq[m] && t.depth[n] <= t.depth[m]
}

// downHeap restores the heap property from position k.
func (t *trees) downHeap(freq []int, k int) {
	v := t.heap[k]
	for j := k << 1; j <= t.heapLen; j <<= 1 {
		if j < t.heapLen && t.smaller(freq, t.heap[j+1], t.heap[j]) {
			j++
		}
		if t.smaller(freq, v, t.heap[j]) {
			break
		}
		t.heap[k] = t.heap[j]
		k = j
	}
	t.heap[k] = v
}

// build computes the code lengths of a tree as zlib's build_tree does
// and returns its codes, adding its cost to optLen and staticLen.
func (t *trees) build(desc *treeDesc) []code {
	freq := desc.freq
	dad := make([]int, len(freq))
	t.heapLen, t.heapMax = 0, heapSize
	maxCode := -1
	for n := 0; n < desc.elems; n++ {
		if freq[n] != 0 {
			t.heapLen++
			t.heap[t.heapLen] = n
			maxCode = n
			t.depth[n] = 0
		} else {
			desc.lens[n] = 0
		}
	}
	// The format needs two codes at least: add symbols of frequency 1.
	for t.heapLen < 2 {
		node := 0
		if maxCode < 2 {
			maxCode++
			node = maxCode
		}
		t.heapLen++
		t.heap[t.heapLen] = node
		freq[node] = 1
		t.depth[node] = 0
		t.optLen--
		if desc.static != nil {
			t.staticLen -= desc.static[node].len
		}
	}
	desc.maxCode = maxCode
	for n := t.heapLen / 2; n >= 1; n-- {
		t.downHeap(freq, n)
	}
	node := desc.elems
	for {
		n := t.heap[1]
		t.heap[1] = t.heap[t.heapLen]
		t.heapLen--
		t.downHeap(freq, 1)
		m := t.heap[1]
		t.heapMax--
		t.heap[t.heapMax] = n
		t.heapMax--
		t.heap[t.heapMax] = m
		freq[node] = freq[n] + freq[m]
		t.depth[node] = max(t.depth[n], t.depth[m]) + 1
		dad[n], dad[m] = node, node
		t.heap[1] = node
		node++
		t.downHeap(freq, 1)
		if t.heapLen < 2 {
			break
		}
	}
	t.heapMax--
	t.heap[t.heapMax] = t.heap[1]
	t.bitLengths(desc, dad)
	return assignCodes(desc.lens[:maxCode+1], t.blCount[:])
}

// bitLengths sets the code lengths from the tree, at most maxLength
// bits: an overflow moves leaves as zlib's gen_bitlen does.
func (t *trees) bitLengths(desc *treeDesc, dad []int) {
	lens, freq := desc.lens, desc.freq
	t.blCount = [maxBits + 1]int{}
	lens[t.heap[t.heapMax]] = 0 // the root
	overflow := 0
	h := t.heapMax + 1
	for ; h < heapSize; h++ {
		n := t.heap[h]
		bits := lens[dad[n]] + 1
		if bits > desc.maxLength {
			bits = desc.maxLength
			overflow++
		}
		lens[n] = bits
		if n > desc.maxCode {
			continue // not a leaf
		}
		t.blCount[bits]++
		xbits := 0
		if n >= desc.extraBase {
			xbits = desc.extra[n-desc.extraBase]
		}
		f := freq[n]
		t.optLen += f * (bits + xbits)
		if desc.static != nil {
			t.staticLen += f * (desc.static[n].len + xbits)
		}
	}
	if overflow == 0 {
		return
	}
	for overflow > 0 {
		bits := desc.maxLength - 1
		for t.blCount[bits] == 0 {
			bits--
		}
		t.blCount[bits]--
		t.blCount[bits+1] += 2
		t.blCount[desc.maxLength]--
		overflow -= 2
	}
	// Hand the lengths out again, longest first to the leaves in heap
	// order (which is by frequency).
	h = heapSize
	for bits := desc.maxLength; bits != 0; bits-- {
		for n := t.blCount[bits]; n != 0; {
			h--
			m := t.heap[h]
			if m > desc.maxCode {
				continue
			}
			if lens[m] != bits {
				t.optLen += (bits - lens[m]) * freq[m]
				lens[m] = bits
			}
			n--
		}
	}
}

// scanLengths counts in blFreq the code length codes that sendLengths
// will use for lens[0..maxCode].
func (t *trees) scanLengths(lens []int, maxCode int) {
	t.walkLengths(lens, maxCode, func(sym, _, _ int) { t.blFreq[sym]++ })
}

// walkLengths runs the run-length coding of code lengths that zlib's
// scan_tree and send_tree share, calling emit for each code length code
// with its extra bits.
func (t *trees) walkLengths(lens []int, maxCode int, emit func(sym, extra, extraBits int)) {
	prevLen, count := -1, 0
	nextLen := lens[0]
	maxCount, minCount := 7, 4
	if nextLen == 0 {
		maxCount, minCount = 138, 3
	}
	for n := 0; n <= maxCode; n++ {
		curLen := nextLen
		nextLen = -1 // the guard past maxCode
		if n+1 <= maxCode {
			nextLen = lens[n+1]
		}
		count++
		if count < maxCount && curLen == nextLen {
			continue
		}
		switch {
		case count < minCount:
			for ; count > 0; count-- {
				emit(curLen, 0, 0)
			}
		case curLen != 0:
			if curLen != prevLen {
				emit(curLen, 0, 0)
				count--
			}
			emit(rep3to6, count-3, 2)
		case count <= 10:
			emit(repz3to10, count-3, 3)
		default:
			emit(repz11to138, count-11, 7)
		}
		count = 0
		prevLen = curLen
		switch {
		case nextLen == 0:
			maxCount, minCount = 138, 3
		case curLen == nextLen:
			maxCount, minCount = 6, 3
		default:
			maxCount, minCount = 7, 4
		}
	}
}

// flushTrees ends a block of the symbols tallied, stored (the bytes of
// stored, if the window still holds them, storedLen long), with fixed or
// with dynamic codes, whichever zlib's _tr_flush_block finds smallest.
func (d *deflater) flushTrees(stored []byte, storedLen int, last bool) {
	t := &d.trees
	lit := newDesc(t.litFreq[:], staticLit[:], extraLBits[:], literals+1, lCodes, maxBits)
	dist := newDesc(t.distFreq[:], staticDist[:], extraDBits[:], 0, dCodes, maxBits)
	litCodes := t.build(lit)
	distCodes := t.build(dist)

	// The code length codes: their tree, and the cost of sending it.
	t.scanLengths(lit.lens, lit.maxCode)
	t.scanLengths(dist.lens, dist.maxCode)
	bl := newDesc(t.blFreq[:], nil, extraBLBits[:], 0, blCodes, maxBLBits)
	blCodesOut := t.build(bl)
	maxBLIndex := blCodes - 1
	for ; maxBLIndex >= 3; maxBLIndex-- {
		if bl.lens[blOrder[maxBLIndex]] != 0 {
			break
		}
	}
	t.optLen += 3*(maxBLIndex+1) + 5 + 5 + 4

	optBytes := (t.optLen + 3 + 7) >> 3
	staticBytes := (t.staticLen + 3 + 7) >> 3
	if staticBytes <= optBytes {
		optBytes = staticBytes
	}
	lastBit := uint64(0)
	if last {
		lastBit = 1
	}
	w := &d.out
	switch {
	case storedLen+4 <= optBytes && stored != nil:
		w.bits(0<<1|lastBit, 3)
		w.align()
		w.bytes = append(w.bytes, byte(storedLen), byte(storedLen>>8), ^byte(storedLen), ^byte(storedLen>>8))
		w.bytes = append(w.bytes, stored...)
	case staticBytes == optBytes:
		w.bits(1<<1|lastBit, 3)
		d.writeSymbols(staticLit[:], staticDist[:])
	default:
		w.bits(2<<1|lastBit, 3)
		w.bits(uint64(lit.maxCode+1-257), 5)
		w.bits(uint64(dist.maxCode+1-1), 5)
		w.bits(uint64(maxBLIndex+1-4), 4)
		for r := 0; r <= maxBLIndex; r++ {
			w.bits(uint64(bl.lens[blOrder[r]]), 3)
		}
		send := func(sym, extra, extraBits int) {
			w.code(blCodesOut[sym])
			if extraBits > 0 {
				w.bits(uint64(extra), extraBits)
			}
		}
		t.walkLengths(lit.lens, lit.maxCode, send)
		t.walkLengths(dist.lens, dist.maxCode, send)
		d.writeSymbols(litCodes, distCodes)
	}
	t.resetFreqs()
	d.syms = d.syms[:0]
	if last {
		w.align()
	}
}

// writeSymbols sends the block's symbols and its end with the codes given.
func (d *deflater) writeSymbols(lit, dist []code) {
	w := &d.out
	for _, s := range d.syms {
		if s.dist == 0 {
			w.code(lit[s.lc])
			continue
		}
		lc := int(s.lc)
		c := lengthCode[lc]
		w.code(lit[c+literals+1])
		if e := extraLBits[c]; e != 0 {
			w.bits(uint64(lc-baseLength[c]), e)
		}
		dv := int(s.dist) - 1
		c = distCode(dv)
		w.code(dist[c])
		if e := extraDBits[c]; e != 0 {
			w.bits(uint64(dv-baseDist[c]), e)
		}
	}
	w.code(lit[endBlock])
}

// bitWriter packs bits least significant first, as deflate does.
type bitWriter struct {
	bytes []byte
	acc   uint64
	n     int
}

func (w *bitWriter) bits(v uint64, n int) {
	w.acc |= v << w.n
	w.n += n
	for w.n >= 8 {
		w.bytes = append(w.bytes, byte(w.acc))
		w.acc >>= 8
		w.n -= 8
	}
}

func (w *bitWriter) code(c code) { w.bits(uint64(c.bits), c.len) }

// align pads to a byte boundary with zero bits.
func (w *bitWriter) align() {
	if w.n > 0 {
		w.bytes = append(w.bytes, byte(w.acc))
	}
	w.acc, w.n = 0, 0
}
