package beam

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
)

// literals reads LitT: a 32-bit uncompressed size followed by the zlib
// compressed table, or (OTP 28+, size field 0) the table itself. The table
// is a count followed by, per literal, a 32-bit size and an external-format
// term.
func (p *parser) literals() error {
	if !p.present(chLitT) {
		return nil
	}
	c := p.chunk(chLitT)
	r := newReader(c.Data, c.Offset)
	size, err := r.u32()
	if err != nil {
		return p.failAt(c, r, err)
	}
	table, base := c.Data[4:], c.Offset+4
	if size != 0 {
		table, err = inflate(table, size)
		if err != nil {
			return p.fail(c, base, err)
		}
		base = -1 // offsets inside inflated data are not file offsets
	}
	return p.literalTable(c, table, base)
}

// inflate decompresses zlib data that should produce exactly size bytes,
// without trusting size for allocation.
func inflate(data []byte, size uint32) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, errors.New("zlib: " + err.Error())
	}
	var buf bytes.Buffer
	buf.Grow(int(min(int64(size), int64(len(data))*8+64)))
	if _, err := io.Copy(&buf, io.LimitReader(zr, int64(size)+1)); err != nil {
		return nil, errors.New("zlib: " + err.Error())
	}
	if buf.Len() != int(size) {
		return nil, errors.New("zlib: data inflates to " + itoa(int64(buf.Len())) + " bytes, header says " + itoa(int64(size)))
	}
	return buf.Bytes(), nil
}

// literalTable decodes the literal table. base is the file offset of
// table[0], or -1 if the table was inflated (errors then point at the
// chunk and name the position inside the inflated data).
func (p *parser) literalTable(c chunk, table []byte, base int) error {
	r := newReader(table, 0)
	where := func(pos int, err error) error {
		if base < 0 {
			return p.fail(c, c.Offset, errors.New("inflated data at byte "+itoa(int64(pos))+": "+err.Error()))
		}
		return p.fail(c, base+pos, err)
	}
	n, err := r.count(5)
	if err != nil {
		return where(r.pos, err)
	}
	lits := make([]Term, n)
	for i := range lits {
		start := r.pos
		sz, err := r.count(0)
		if err != nil {
			return where(start, errors.New("literal "+itoa(int64(i))+": "+err.Error()))
		}
		ext, err := r.bytes(sz)
		if err != nil {
			return where(start, errors.New("literal "+itoa(int64(i))+": "+err.Error()))
		}
		t, err := DecodeTerm(ext)
		if err != nil {
			pos, cause := start+4, err
			var te *TermError
			if errors.As(err, &te) {
				pos, cause = start+4+te.Offset, te.Err
			}
			return where(pos, errors.New("literal "+itoa(int64(i))+": "+cause.Error()))
		}
		lits[i] = t
	}
	p.m.Literals = lits
	return nil
}
