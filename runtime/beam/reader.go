package beam

import "errors"

// reader walks a byte slice that starts at file offset base. Every read is
// bounds-checked; on failure the reader records the offset where the problem
// was found so that errors can point at it.
type reader struct {
	data []byte
	pos  int
	base int // file offset of data[0]
}

func newReader(data []byte, base int) *reader {
	return &reader{data: data, base: base}
}

// off is the current position as a file offset.
func (r *reader) off() int { return r.base + r.pos }

func (r *reader) remaining() int { return len(r.data) - r.pos }

func (r *reader) eof() bool { return r.pos >= len(r.data) }

func (r *reader) u8() (byte, error) {
	if r.pos >= len(r.data) {
		return 0, ErrTruncated
	}
	b := r.data[r.pos]
	r.pos++
	return b, nil
}

func (r *reader) u16() (uint16, error) {
	if r.remaining() < 2 {
		return 0, ErrTruncated
	}
	v := uint16(r.data[r.pos])<<8 | uint16(r.data[r.pos+1])
	r.pos += 2
	return v, nil
}

func (r *reader) u32() (uint32, error) {
	if r.remaining() < 4 {
		return 0, ErrTruncated
	}
	d := r.data[r.pos:]
	v := uint32(d[0])<<24 | uint32(d[1])<<16 | uint32(d[2])<<8 | uint32(d[3])
	r.pos += 4
	return v, nil
}

func (r *reader) u64() (uint64, error) {
	hi, err := r.u32()
	if err != nil {
		return 0, err
	}
	lo, err := r.u32()
	return uint64(hi)<<32 | uint64(lo), err
}

// count reads a 32-bit element count and checks that the remaining input
// could hold that many elements of at least minSize bytes each. This keeps
// allocation proportional to input size whatever the header claims.
func (r *reader) count(minSize int) (int, error) {
	v, err := r.u32()
	if err != nil {
		return 0, err
	}
	if int32(v) < 0 {
		return 0, errors.New("negative count " + itoa(int64(int32(v))))
	}
	n := int(v)
	if minSize > 0 && n > r.remaining()/minSize {
		return 0, errors.New("count " + itoa(int64(n)) + " exceeds remaining data")
	}
	return n, nil
}

func (r *reader) bytes(n int) ([]byte, error) {
	if n < 0 || n > r.remaining() {
		return nil, ErrTruncated
	}
	b := r.data[r.pos : r.pos+n : r.pos+n]
	r.pos += n
	return b, nil
}
