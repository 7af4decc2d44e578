package deflate

// The fixed tables of the deflate format (RFC 1951, section 3.2.5-3.2.7).

const (
	literals    = 256
	lengthCodes = 29
	lCodes      = literals + 1 + lengthCodes // literal/length alphabet
	dCodes      = 30                         // distance alphabet
	blCodes     = 19                         // code length alphabet
	heapSize    = 2*lCodes + 1
	maxBits     = 15
	maxBLBits   = 7
	endBlock    = 256
	rep3to6     = 16 // repeat the previous length 3-6 times (2 bits)
	repz3to10   = 17 // repeat a zero length 3-10 times (3 bits)
	repz11to138 = 18 // repeat a zero length 11-138 times (7 bits)
)

var (
	extraLBits  = [lengthCodes]int{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	extraDBits  = [dCodes]int{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	extraBLBits = [blCodes]int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7}
	// blOrder is the order the code length code lengths are sent in.
	blOrder = [blCodes]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
)

var (
	// lengthCode maps a match length less 3 to its length code (less
	// 257); baseLength is each code's first length less 3.
	lengthCode [256]int
	baseLength [lengthCodes]int
	// baseDist is each distance code's first distance less 1.
	baseDist [dCodes]int
	// staticLit and staticDist are the fixed Huffman codes.
	staticLit  [lCodes + 2]code
	staticDist [dCodes]code
)

// code is a Huffman code: its bits (reversed, ready to send) and length.
type code struct {
	bits uint16
	len  int
}

func init() {
	n := 0
	for c := 0; c < lengthCodes-1; c++ {
		baseLength[c] = n
		for i := 0; i < 1<<extraLBits[c]; i++ {
			lengthCode[n] = c
			n++
		}
	}
	// Length 258 could be code 284 with all extra bits set or code 285
	// without any; zlib (and the format's intent) uses 285.
	lengthCode[255] = lengthCodes - 1
	baseLength[lengthCodes-1] = 0

	n = 0
	for c := 0; c < dCodes; c++ {
		baseDist[c] = n
		n += 1 << extraDBits[c]
	}

	var count [maxBits + 1]int
	lens := make([]int, lCodes+2)
	for i := range lens {
		switch {
		case i < 144:
			lens[i] = 8
		case i < 256:
			lens[i] = 9
		case i < 280:
			lens[i] = 7
		default:
			lens[i] = 8
		}
		count[lens[i]]++
	}
	codes := assignCodes(lens, count[:])
	for i := range staticLit {
		staticLit[i] = codes[i]
	}
	for i := range staticDist {
		staticDist[i] = code{reverse(uint16(i), 5), 5}
	}
}

// distCode returns the code of a distance less 1.
func distCode(dist int) int {
	c := 0
	for c+1 < dCodes && baseDist[c+1] <= dist {
		c++
	}
	return c
}

// assignCodes gives canonical Huffman codes to lengths lens, count[b]
// being the number of codes of b bits.
func assignCodes(lens []int, count []int) []code {
	var next [maxBits + 1]uint16
	c := uint16(0)
	for b := 1; b <= maxBits; b++ {
		c = (c + uint16(count[b-1])) << 1
		next[b] = c
	}
	out := make([]code, len(lens))
	for i, l := range lens {
		if l == 0 {
			continue
		}
		out[i] = code{reverse(next[l], l), l}
		next[l]++
	}
	return out
}

// reverse returns the low n bits of c in reverse order.
func reverse(c uint16, n int) uint16 {
	var r uint16
	for ; n > 0; n-- {
		r = r<<1 | c&1
		c >>= 1
	}
	return r
}
