package beam

import "errors"

// chunk is one section of the IFF container.
type chunk struct {
	ID     string
	Offset int // file offset of Data[0]
	Data   []byte
}

// readChunks splits a BEAM file into its chunks: "FOR1" <u32 size> "BEAM",
// then <id> <u32 size> <data> records padded to four bytes. The error, if
// any, is a *FormatError for the container (no chunk name).
func readChunks(file string, data []byte) ([]chunk, error) {
	fail := func(off int, err error) ([]chunk, error) {
		return nil, &FormatError{File: file, Offset: off, Err: err}
	}
	if len(data) < 12 || string(data[0:4]) != "FOR1" || string(data[8:12]) != "BEAM" {
		return fail(0, ErrNotBEAM)
	}
	r := newReader(data, 0)
	r.pos = 4
	size, _ := r.u32()
	// The form size counts everything after the size field. Files written
	// by OTP are exact; a short file is truncated, and we ignore trailing
	// bytes beyond the form (as OTP does).
	if int64(size) > int64(len(data)-8) {
		return fail(4, errors.New("form size "+itoa(int64(size))+" exceeds file size "+itoa(int64(len(data)))))
	}
	r.data = data[:8+int(size)]
	r.pos = 12
	var chunks []chunk
	for !r.eof() {
		start := r.off()
		if r.remaining() < 8 {
			return fail(start, errors.New("truncated chunk header"))
		}
		id, _ := r.bytes(4)
		n, _ := r.u32()
		if int64(n) > int64(r.remaining()) {
			return fail(start, errors.New("chunk "+printableID(id)+" size "+itoa(int64(n))+" exceeds remaining "+itoa(int64(r.remaining()))+" bytes"))
		}
		body, _ := r.bytes(int(n))
		chunks = append(chunks, chunk{ID: string(id), Offset: start + 8, Data: body})
		// Chunks are padded to a multiple of four; the last one may omit it.
		pad := (4 - int(n)%4) % 4
		if pad > r.remaining() {
			pad = r.remaining()
		}
		r.pos += pad
	}
	return chunks, nil
}

// printableID renders a chunk ID for messages even if it holds binary junk.
func printableID(id []byte) string {
	for _, c := range id {
		if c < 0x20 || c > 0x7e {
			return "0x" + hexBytes(id)
		}
	}
	return string(id)
}

func hexBytes(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}
