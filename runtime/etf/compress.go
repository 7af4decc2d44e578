package etf

import (
	"encoding/binary"

	"github.com/beamrc/beamrc/runtime/deflate"
)

// DefaultCompression is the zlib level of the bare `compressed` option.
const DefaultCompression = 6

// compress turns an encoded term (version byte first) into the
// COMPRESSED form at the given zlib level, as OTP does:
//
//	131 80 <uncompressed size:32> <zlib data of the term without 131>
//
// OTP gives zlib an output buffer of the uncompressed size less five
// bytes and keeps the uncompressed term if zlib does not fit in it, so a
// term is compressed only when that does not make it longer.
func compress(enc []byte, level int) []byte {
	if level <= 0 {
		return enc
	}
	body := enc[1:]
	limit := len(body) - 5
	if limit <= 0 {
		return enc
	}
	// The bytes are zlib's own (runtime/deflate), as OTP's are.
	z := deflate.Compress(body, level)
	if len(z) > limit {
		return enc
	}
	out := make([]byte, 0, 6+len(z))
	out = append(out, tagVersion, tagCompressed)
	out = binary.BigEndian.AppendUint32(out, uint32(len(body)))
	return append(out, z...)
}
