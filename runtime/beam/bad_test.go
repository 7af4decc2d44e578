package beam

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// errShape is what every loader error looks like:
// "<file>: [chunk XXXX ]at offset 0x...: cause".
var errShape = regexp.MustCompile(`^bad\.beam: (chunk [A-Za-z0-9]{4} )?at offset 0x[0-9a-f]+: .+`)

func parseBad(t *testing.T, data []byte) error {
	t.Helper()
	var err error
	require.NotPanics(t, func() { _, err = Parse("bad.beam", data) })
	if err != nil {
		var fe *FormatError
		require.True(t, errors.As(err, &fe), "error %v is not a *FormatError", err)
		assert.Regexp(t, errShape, err.Error())
		assert.LessOrEqual(t, fe.Offset, len(data))
	}
	return err
}

// sampleFiles are real files for the damage tests: a few from the corpus
// (OTP 28 encodings) and a few from OTP itself, plus the hand-built module.
func sampleFiles(t *testing.T) map[string][]byte {
	out := map[string][]byte{"tiny": tinyModule()}
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	for _, f := range []string{"proof/proof.beam", "erlang_probes/bignum.beam", "erlang_probes/bs_create_bin_fixture.beam"} {
		if b, err := os.ReadFile(filepath.Join(dir, f)); err == nil {
			out[f] = b
		}
	}
	return out
}

func TestTruncationAtEveryOffset(t *testing.T) {
	for name, data := range sampleFiles(t) {
		t.Run(name, func(t *testing.T) {
			for n := 0; n < len(data); n++ {
				cut := data[:n]
				err := parseBad(t, cut)
				// The form size no longer matches, so every cut is an error.
				require.Error(t, err, "truncated at %d", n)
			}
			// A consistent but truncated form: fix the size field too.
			for n := 12; n < len(data); n += 1 {
				cut := append([]byte(nil), data[:n]...)
				binary.BigEndian.PutUint32(cut[4:], uint32(n-8))
				parseBad(t, cut) // may succeed if only optional chunks were cut
			}
		})
	}
}

// chunkAt finds a chunk's header offset in a file.
func chunkAt(t *testing.T, data []byte, id string) int {
	i := bytes.Index(data, []byte(id))
	require.GreaterOrEqual(t, i, 0, "no %s chunk", id)
	return i
}

func TestCorruptedSizesAndCounts(t *testing.T) {
	for name, data := range sampleFiles(t) {
		for _, id := range []string{"AtU8", "Code", "ImpT", "ExpT"} {
			at := chunkAt(t, data, id)
			for _, v := range []uint32{0, 1, 3, 0x7fffffff, 0xffffffff, 0x80000000} {
				// The chunk size field.
				d := append([]byte(nil), data...)
				binary.BigEndian.PutUint32(d[at+4:], v)
				parseBad(t, d)
				// The first field of the chunk (a count or header size).
				d = append([]byte(nil), data...)
				binary.BigEndian.PutUint32(d[at+8:], v)
				err := parseBad(t, d)
				if id != "Code" || v != 0 {
					continue
				}
				require.Error(t, err, "%s: Code header size 0", name)
			}
		}
	}
}

func TestSingleByteCorruption(t *testing.T) {
	// Flip every byte of the files in turn: errors or success, never a panic.
	for name, data := range sampleFiles(t) {
		t.Run(name, func(t *testing.T) {
			d := append([]byte(nil), data...)
			for i := range d {
				for _, x := range []byte{0xff, 0x80, 0x01} {
					old := d[i]
					d[i] ^= x
					parseBad(t, d)
					d[i] = old
				}
			}
		})
	}
}

func TestBadInputMessages(t *testing.T) {
	tiny := tinyModule()
	codeAt := chunkAt(t, tiny, "Code") + 8 + 20 // first instruction
	cases := []struct {
		name string
		edit func(d []byte) []byte
		want string
	}{
		{"not beam", func(d []byte) []byte { return []byte("hello, world, this is text") }, "bad.beam: at offset 0x0: not a BEAM file"},
		{"unknown opcode", func(d []byte) []byte { d[codeAt] = 200; return d }, "bad.beam: chunk Code at offset 0x" + hex(codeAt) + ": unknown opcode 200"},
		{"opcode zero", func(d []byte) []byte { d[codeAt] = 0; return d }, "unknown opcode 0"},
		{"bad extended tag", func(d []byte) []byte { d[codeAt+1] = 0x77; return d }, "label operand 1: unknown extended operand tag 7"},
		{"label out of range", func(d []byte) []byte { d[codeAt+1] = 0x70; return d }, "label 7 out of range"},
		{"atom out of range", func(d []byte) []byte { d[codeAt+3] = 0x72; return d }, "func_info operand 1: atom index 7 out of range"},
		{"truncated operand", func(d []byte) []byte { d[codeAt+1] = 0xf8; return d }, "chunk Code at offset"},
		{"max opcode too new", func(d []byte) []byte {
			binary.BigEndian.PutUint32(d[codeAt-12:], 250)
			return d
		}, "file uses opcodes up to 250"},
		{"bad export label", func(d []byte) []byte {
			at := chunkAt(t, d, "ExpT")
			binary.BigEndian.PutUint32(d[at+8+12:], 1)
			return d
		}, "chunk ExpT at offset"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := c.edit(append([]byte(nil), tiny...))
			err := parseBad(t, d)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func hex(n int) string { return strings.TrimPrefix(itoaBase16(n), "0x") }

func itoaBase16(n int) string {
	const digits = "0123456789abcdef"
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(digits[n%16]) + s
		n /= 16
	}
	return s
}

// withChunk returns tiny with an extra chunk appended (and sizes fixed).
func withChunk(id string, body []byte) []byte {
	d := tinyModule()
	d = append(d, id...)
	d = binary.BigEndian.AppendUint32(d, uint32(len(body)))
	d = append(d, body...)
	for len(d)%4 != 0 {
		d = append(d, 0)
	}
	binary.BigEndian.PutUint32(d[4:], uint32(len(d)-8))
	return d
}

func TestLiteralChunkDamage(t *testing.T) {
	// Compressed form with garbage in place of zlib data.
	body := binary.BigEndian.AppendUint32(nil, 100)
	body = append(body, "this is not zlib"...)
	err := parseBad(t, withChunk("LitT", body))
	require.Error(t, err)
	assert.Regexp(t, `^bad\.beam: chunk LitT at offset 0x[0-9a-f]+: zlib: `, err.Error())

	// Uncompressed form (size field 0) with a bad term in literal 0.
	body = binary.BigEndian.AppendUint32(nil, 0)
	body = binary.BigEndian.AppendUint32(body, 1)
	body = binary.BigEndian.AppendUint32(body, 3)
	body = append(body, 131, 200, 0)
	err = parseBad(t, withChunk("LitT", body))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "literal 0: unknown term tag 200")

	// A literal count larger than the data.
	body = binary.BigEndian.AppendUint32(nil, 0)
	body = binary.BigEndian.AppendUint32(body, 1000000)
	err = parseBad(t, withChunk("LitT", body))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "exceeds remaining data")
}

func TestBadCompactTerms(t *testing.T) {
	cases := map[string][]byte{
		"empty":               {},
		"truncated 11-bit":    {0x08},
		"truncated bytes":     {0x18, 1},
		"nested length not u": {0xf8, 0x01},
		"huge nested length":  {0xf8, 0xf8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
		"list without length": {0x17},
		"nested list":         {0x17, 0x10, 0x17, 0x00},
		"list too long":       {0x17, 0xf0},
		"bad alloc kind":      {0x37, 0x10, 0x70, 0x10},
		"typed non-register":  {0x57, 0x10, 0x00},
		"unknown extension":   {0x67},
		"u too large":         {0xe8 | 0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			r := newReader(b, 0)
			require.NotPanics(t, func() {
				_, err := r.operand(false)
				assert.Error(t, err)
			})
		})
	}
}

func TestCompactIntegers(t *testing.T) {
	cases := []struct {
		in   []byte
		want string
	}{
		{[]byte{0x51}, "5"},
		{[]byte{0x09, 0xff}, "255"},
		{[]byte{0x29, 0x00}, "256"},
		{[]byte{0x19, 0xff, 0xff}, "-1"},
		{[]byte{0x19, 0x80, 0x00}, "-32768"},
		{[]byte{0xd9, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, "9223372036854775807"},
		{[]byte{0xf9, 0x00, 0x80, 0, 0, 0, 0, 0, 0, 0, 0}, "-2361183241434822606848"},
		{[]byte{0xf9, 0x00, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, "2361183241434822606847"},
	}
	for _, c := range cases {
		r := newReader(c.in, 0)
		op, err := r.operand(false)
		require.NoError(t, err, "% x", c.in)
		assert.Equal(t, KindInteger, op.Kind)
		assert.Equal(t, c.want, op.String(), "% x", c.in)
		assert.True(t, r.eof())
	}
}
