package etf

import "github.com/beamrc/beamrc/runtime/term"

// term_to_iovec returns the encoding as a list of binaries in which large
// off-heap binaries of the term appear as themselves rather than copied
// (OTP 25: binaries of more than ERL_ONHEAP_BIN_LIMIT bytes, which is the
// same 64 as term.HeapBinLimit).

// Segment is one element of an iovec: bytes the encoder wrote (Bin is
// term.NonValue), or the leading whole bytes of a large bitstring Bin of
// the term, which the BIF hands out without copying (Bin itself, or a
// sub-binary of it when Bin does not end on a byte boundary).
type Segment struct {
	Bytes []byte
	Bin   term.Term
}

// offHeap reports whether n whole bytes of bitstring t go into an iovec
// by reference (OTP: more than 64 whole bytes at a byte offset in an
// off-heap binary; the caller checks the offset).
func offHeap(t term.Term, n int) bool {
	if n <= term.HeapBinLimit {
		return false
	}
	orig, _ := t.BitstringBase()
	return orig.BoxedSubtag() == term.SubRefcBin
}

// cut ends the current segment, then adds bin, a large binary of the
// term, as a segment of its own.
func (e *encoder) cut(bin term.Term, data []byte) {
	if len(e.buf) > 0 {
		*e.segments = append(*e.segments, Segment{Bytes: e.buf, Bin: term.NonValue})
	}
	*e.segments = append(*e.segments, Segment{Bytes: data, Bin: bin})
	e.buf = nil
}

// EncodeIOVec returns term_to_iovec(t, opts) as segments. Their bytes
// alias the term's memory where Bin is set: use them before the next
// garbage collection. With compression the result is one segment, since
// compressed bytes cannot share anything.
func EncodeIOVec(t term.Term, opts Options) ([]Segment, error) {
	if opts.Compression > 0 {
		b, err := Encode(t, opts)
		if err != nil {
			return nil, err
		}
		return []Segment{{Bytes: b, Bin: term.NonValue}}, nil
	}
	var segs []Segment
	e := encoder{opts: opts, buf: []byte{tagVersion}, segments: &segs}
	if err := e.encode(t); err != nil {
		return nil, err
	}
	if len(e.buf) > 0 {
		segs = append(segs, Segment{Bytes: e.buf, Bin: term.NonValue})
	}
	return segs, nil
}
