package compiler

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/beam"
)

// TestNativeUpdateRecord runs update_record natively. OTP 25's erlc (the
// local oracle's) never emits it, so the test makes some: every
// erlang:setelement/3 call of e_update_record (all of them update its one
// record type, 5 words) becomes test_heap + update_record, the code OTP
// 26+ gives for a record update. Both do the same, so the program must
// still print what erl printed: natively, under GC torture and in the
// interpreter.
func TestNativeUpdateRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	if HostTarget() != (Target{"linux", "amd64"}) {
		t.Skip("native code generator for linux/amd64")
	}
	dir := filepath.Join("..", "testdata", "programs", "e_update_record")
	file := filepath.Join(dir, "ebin", "e_update_record.beam")
	m, err := beam.ReadFile(file)
	require.NoError(t, err)
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	patched, n := setelementToUpdateRecord(t, m, data, 5)
	require.GreaterOrEqual(t, n, 10, "setelement/3 calls rewritten")

	out := t.TempDir()
	ebin := filepath.Join(out, "ebin")
	require.NoError(t, os.Mkdir(ebin, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(ebin, "e_update_record.beam"), patched, 0o644))
	pm, err := beam.ReadFile(filepath.Join(ebin, "e_update_record.beam"))
	require.NoError(t, err)
	assert.Equal(t, n, countOps(pm, beam.OpUpdateRecord))

	exe := filepath.Join(out, "e_update_record")
	var log bytes.Buffer
	res, err := Build(Options{Paths: []string{ebin}, Entry: "e_update_record:main/0", Output: exe,
		Log: &log, WorkDir: filepath.Join(out, "work"), Verbose: true})
	require.NoError(t, err, log.String())
	for _, d := range res.Decisions {
		if d.MFA.Module == "e_update_record" {
			assert.True(t, d.Native, "%s runs in the interpreter: %s", d.MFA, d.Reason)
		}
	}
	want := readExpected(t, dir)
	for _, env := range []string{"", "BEAMRC_GC_TORTURE=1", "BEAMRC_NO_NATIVE=1"} {
		got, status, stderr := runExe(exe, env)
		assert.Equal(t, want.stdout, got, "%q: stderr:\n%s", env, stderr)
		assert.Equal(t, want.status, status, env)
	}
}

// setelementToUpdateRecord rewrites, in the Code chunk of data, every
// `call_ext 3, erlang:setelement/3` that follows `move K, x0` into
// `test_heap size+1, 3; update_record Hint, size, x1, x0, [K, x2]` (x0
// still holds the small integer K, so it is a valid root). It returns the
// new file and how many calls it rewrote.
func setelementToUpdateRecord(t *testing.T, m *beam.Module, data []byte, size int) ([]byte, int) {
	t.Helper()
	imp := -1
	for i, mfa := range m.Imports {
		if mfa == (beam.MFA{Module: "erlang", Function: "setelement", Arity: 3}) {
			imp = i
		}
	}
	require.GreaterOrEqual(t, imp, 0, "no setelement/3 import")
	// The index each call sets, in code order.
	var indices []int64
	for _, f := range m.Functions {
		k := int64(-1)
		for _, in := range f.Code {
			switch {
			case in.Op == beam.OpMove && in.Args[1].Kind == beam.KindX && in.Args[1].Val == 0:
				k = -1
				if in.Args[0].Kind == beam.KindInteger {
					k = in.Args[0].Val
				}
			case in.Op == beam.OpCallExt && in.Args[1].Val == int64(imp):
				require.Positive(t, k, "%s/%d: setelement/3 without a constant index", f.Name, f.Arity)
				indices = append(indices, k)
			}
		}
	}
	call := append([]byte{byte(beam.OpCallExt), compactU(3)}, compactUBytes(int64(imp))...)
	chunks := iffChunks(t, data)
	code := chunks["Code"]
	body := code[4+int(binary.BigEndian.Uint32(code)):] // after the header
	require.Equal(t, len(indices), bytes.Count(body, call), "setelement/3 calls in the code bytes")
	var out []byte
	for i, part := range bytes.Split(body, call) {
		if i > 0 {
			k := indices[i-1]
			out = append(out, byte(beam.OpTestHeap), compactU(int64(size+1)), compactU(3),
				byte(beam.OpUpdateRecord),
				0x12,                              // the hint: an atom (the module's name), which neither runtime reads
				compactU(int64(size)), 0x13, 0x03, // x1, x0
				0x17, compactU(2), byte(k<<4|1), 0x23) // list [K, x2]
		}
		out = append(out, part...)
	}
	header := append([]byte(nil), code[:len(code)-len(body)]...)
	if binary.BigEndian.Uint32(header[8:]) < uint32(beam.OpUpdateRecord) {
		binary.BigEndian.PutUint32(header[8:], uint32(beam.OpUpdateRecord)) // the highest opcode
	}
	chunks["Code"] = append(header, out...)
	return iffFile(data, chunks), len(indices)
}

// compactU encodes a compact-term unsigned below 16 (one byte).
func compactU(v int64) byte { return byte(v << 4) }

// compactUBytes encodes a compact-term unsigned below 2048.
func compactUBytes(v int64) []byte {
	if v < 16 {
		return []byte{compactU(v)}
	}
	return []byte{byte(v>>3)&0xE0 | 0x08, byte(v)}
}

// iffChunks splits a .beam file into its chunks.
func iffChunks(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	require.Equal(t, "FOR1", string(data[:4]))
	require.Equal(t, "BEAM", string(data[8:12]))
	chunks := map[string][]byte{}
	for p := 12; p+8 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[p+4:]))
		chunks[string(data[p:p+4])] = data[p+8 : p+8+n]
		p += 8 + (n+3)&^3
	}
	return chunks
}

// iffFile lays chunks out again in the order of the original file.
func iffFile(orig []byte, chunks map[string][]byte) []byte {
	out := []byte("FOR1\x00\x00\x00\x00BEAM")
	for p := 12; p+8 <= len(orig); {
		id := string(orig[p : p+4])
		n := int(binary.BigEndian.Uint32(orig[p+4:]))
		c := chunks[id]
		out = append(out, id...)
		out = binary.BigEndian.AppendUint32(out, uint32(len(c)))
		out = append(out, c...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		p += 8 + (n+3)&^3
	}
	binary.BigEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out
}

func countOps(m *beam.Module, op beam.Opcode) int {
	n := 0
	for _, f := range m.Functions {
		for _, in := range f.Code {
			if in.Op == op {
				n++
			}
		}
	}
	return n
}
