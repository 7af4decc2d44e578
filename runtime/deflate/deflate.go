// Package deflate compresses data into the zlib format exactly as zlib
// 1.2.13's deflate() does in one call with Z_FINISH (deflateInit: 32 KB
// window, memLevel 8, default strategy), byte for byte. OTP 25 compresses
// term_to_binary(T, [compressed]) with the system's zlib, so its output is
// visible in Erlang programs; Go's compress/flate finds other matches and
// cuts other blocks.
//
// The match finder (hash chains over three bytes, lazy evaluation for
// levels 4 to 9, the greedy variant for 1 to 3) and the block writer
// (Huffman trees built with zlib's heap order and length limiting, the
// choice between stored, fixed and dynamic blocks) follow the algorithms
// zlib documents; every decision that shapes the output is the same.
package deflate

import (
	"encoding/binary"
	"hash/adler32"
)

// Compress returns data compressed at level (1..9) in the zlib format.
func Compress(data []byte, level int) []byte {
	level = min(max(level, 1), 9)
	d := newDeflater(level, data)
	d.out.bytes = append(d.out.bytes, zlibHeader(level)...)
	if levels[level].lazy {
		d.deflateSlow()
	} else {
		d.deflateFast()
	}
	return binary.BigEndian.AppendUint32(d.out.bytes, adler32.Checksum(data))
}

// zlibHeader is the two-byte header deflateInit writes: method 8 with a
// 32 KB window, the level's class, and the check bits.
func zlibHeader(level int) []byte {
	var class uint16
	switch {
	case level < 2:
		class = 0
	case level < 6:
		class = 1
	case level == 6:
		class = 2
	default:
		class = 3
	}
	h := uint16(8+(15-8)<<4)<<8 | class<<6
	h += 31 - h%31
	return []byte{byte(h >> 8), byte(h)}
}

const (
	wSize        = 1 << 15
	wMask        = wSize - 1
	hashBits     = 15
	hashSize     = 1 << hashBits
	hashMask     = hashSize - 1
	hashShift    = (hashBits + minMatch - 1) / minMatch
	minMatch     = 3
	maxMatch     = 258
	minLookahead = maxMatch + minMatch + 1
	maxDist      = wSize - minLookahead
	// litBufSize is zlib's lit_bufsize for memLevel 8: a block ends when
	// it holds one symbol less than this.
	litBufSize = 1 << (8 + 6)
	// tooFar: a match of three bytes further back than this is not worth
	// it (lazy levels only).
	tooFar = 4096
)

// config is one row of zlib's configuration table: below good the chain
// search is full length; a match of maxLazy is taken without looking
// further (greedy levels: longer matches are not inserted in the hash);
// nice stops the search; chain bounds it. lazy picks deflate_slow.
type config struct {
	good, maxLazy, nice, chain int
	lazy                       bool
}

var levels = [10]config{
	1: {4, 4, 8, 4, false},
	2: {4, 5, 16, 8, false},
	3: {4, 6, 32, 32, false},
	4: {4, 4, 16, 16, true},
	5: {8, 16, 32, 32, true},
	6: {8, 16, 128, 128, true},
	7: {8, 32, 128, 256, true},
	8: {32, 128, 258, 1024, true},
	9: {32, 258, 258, 4096, true},
}

// symbol is a literal (dist 0, lc the byte) or a match (dist the
// distance, lc the length less minMatch).
type symbol struct {
	dist uint16
	lc   uint8
}

type deflater struct {
	cfg    config
	in     []byte // input not yet in the window
	window []byte // 2*wSize bytes
	head   []uint16
	prev   []uint16

	strstart, lookahead, blockStart int
	matchStart, matchLength         int
	prevLength, prevMatch           int
	matchAvailable                  bool

	syms []symbol
	trees
	out bitWriter
}

func newDeflater(level int, data []byte) *deflater {
	d := &deflater{
		cfg:         levels[level],
		in:          data,
		window:      make([]byte, 2*wSize),
		head:        make([]uint16, hashSize),
		prev:        make([]uint16, wSize),
		matchLength: minMatch - 1,
		prevLength:  minMatch - 1,
		syms:        make([]symbol, 0, litBufSize-1),
	}
	d.trees.init()
	return d
}

// fillWindow reads input into the window, first sliding it down by wSize
// when the current position is near its top, as zlib's fill_window does
// (it moves wSize-more bytes: the ones past the data keep their old
// contents, which a match may look at before its length is cut).
func (d *deflater) fillWindow() {
	for {
		more := 2*wSize - d.lookahead - d.strstart
		if d.strstart >= wSize+maxDist {
			copy(d.window[:wSize-more], d.window[wSize:2*wSize-more])
			d.matchStart -= wSize
			d.strstart -= wSize
			d.blockStart -= wSize
			slide(d.head)
			slide(d.prev)
			more += wSize
		}
		if len(d.in) == 0 {
			return
		}
		at := d.strstart + d.lookahead
		n := copy(d.window[at:at+more], d.in)
		d.in = d.in[n:]
		d.lookahead += n
		if d.lookahead >= minLookahead || len(d.in) == 0 {
			return
		}
	}
}

// slide moves hash chain positions down by wSize; older ones become 0,
// the end of a chain.
func slide(pos []uint16) {
	for i, p := range pos {
		if p >= wSize {
			pos[i] = p - wSize
		} else {
			pos[i] = 0
		}
	}
}

// insert adds the string at pos to its hash chain and returns the chain's
// previous head (0: none). zlib keeps the hash rolling; it always equals
// the hash of the three bytes at pos when a string is inserted.
func (d *deflater) insert(pos int) int {
	w := d.window
	h := (int(w[pos])<<(2*hashShift) ^ int(w[pos+1])<<hashShift ^ int(w[pos+2])) & hashMask
	head := d.head[h]
	d.prev[pos&wMask] = head
	d.head[h] = uint16(pos)
	return int(head)
}

// flushBlock ends the current block at strstart.
func (d *deflater) flushBlock(last bool) {
	var stored []byte
	if d.blockStart >= 0 {
		stored = d.window[d.blockStart:d.strstart]
	}
	d.flushTrees(stored, d.strstart-d.blockStart, last)
	d.blockStart = d.strstart
}

// tallyLit records a literal and reports whether the block is full.
func (d *deflater) tallyLit(c byte) bool {
	d.syms = append(d.syms, symbol{0, c})
	d.litFreq[c]++
	return len(d.syms) == litBufSize-1
}

// tallyMatch records a match and reports whether the block is full.
func (d *deflater) tallyMatch(dist, length int) bool {
	lc := length - minMatch
	d.syms = append(d.syms, symbol{uint16(dist), uint8(lc)})
	d.litFreq[lengthCode[lc]+literals+1]++
	d.distFreq[distCode(dist-1)]++
	return len(d.syms) == litBufSize-1
}
