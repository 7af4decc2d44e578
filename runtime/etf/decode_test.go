package etf

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

func TestDecode(t *testing.T) {
	term.Intern("etf_test_known_atom")
	tests := []struct {
		name    string
		data    []byte
		opts    DecodeOptions
		used    int
		wantErr bool
	}{
		{"small int", []byte{131, 97, 1}, DecodeOptions{}, 3, false},
		// OTP 25 ignores what follows the term; `used` tells how much.
		{"trailing bytes", []byte{131, 97, 1, 0}, DecodeOptions{}, 3, false},
		{"safe, known atom", append([]byte{131, 100, 0, 19}, "etf_test_known_atom"...), DecodeOptions{Safe: true}, 23, false},
		{"safe, new atom", append([]byte{131, 100, 0, 18}, "etf_test_new_atom1"...), DecodeOptions{Safe: true}, 0, true},
		{"safe, new atom in list", append([]byte{131, 108, 0, 0, 0, 1, 100, 0, 18}, "etf_test_new_atom2jj"...), DecodeOptions{Safe: true}, 0, true},
		{"unsafe, new atom", append([]byte{131, 100, 0, 18}, "etf_test_new_atom3"...), DecodeOptions{}, 22, false},
		{"empty", nil, DecodeOptions{}, 0, true},
		{"bad version", []byte{130, 97, 1}, DecodeOptions{}, 0, true},
		{"truncated", []byte{131, 98, 0, 0}, DecodeOptions{}, 0, true},
		{"duplicate map keys", []byte{131, 116, 0, 0, 0, 2, 97, 1, 97, 1, 97, 1, 97, 2}, DecodeOptions{}, 0, true},
		{"atom of 256 characters", append([]byte{131, 100, 1, 0}, make([]byte, 256)...), DecodeOptions{}, 0, true},
		{"unknown local fun", []byte{131, 112, 0, 0, 0, 48, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
			0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 1, 'm', 97, 0, 97, 0, 88, 100, 0, 1, 'n', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, DecodeOptions{}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := heap.New()
			defer runtime.KeepAlive(h)
			x, n, err := Decode(h, tt.data, tt.opts)
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.used, n)
			assert.NotEqual(t, term.NonValue, x)
		})
	}
	_, known := term.LookupAtom("etf_test_new_atom1")
	assert.False(t, known, "safe decoding must not intern the atom it refuses")
}

// FuzzDecode: decoding arbitrary bytes never panics, and whatever decodes
// encodes again and decodes to an equal term.
func FuzzDecode(f *testing.F) {
	seeds := [][]byte{
		{131, 97, 1},
		{131, 104, 2, 100, 0, 2, 'o', 'k', 107, 0, 2, 'h', 'i'},
		{131, 116, 0, 0, 0, 1, 97, 1, 109, 0, 0, 0, 1, 'x'},
		{131, 108, 0, 0, 0, 2, 97, 1, 70, 63, 248, 0, 0, 0, 0, 0, 0, 100, 0, 1, 't'},
		{131, 77, 0, 0, 0, 2, 3, 1, 64},
		{131, 110, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1},
		{131, 113, 100, 0, 5, 'l', 'i', 's', 't', 's', 100, 0, 3, 'm', 'a', 'p', 97, 2},
		{131, 88, 100, 0, 13, 'n', 'o', 'n', 'o', 'd', 'e', '@', 'n', 'o', 'h', 'o', 's', 't', 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0},
		{131, 80, 0, 0, 0, 103, 120, 156, 203, 102, 72, 97, 164, 3, 0, 0, 102, 162, 1, 52},
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		h := heap.New()
		defer runtime.KeepAlive(h)
		x, _, err := Decode(h, data, DecodeOptions{Safe: true})
		if err != nil {
			return
		}
		enc, err := Encode(x, DefaultOptions)
		if err != nil {
			t.Fatalf("decoded term does not encode: %v", err)
		}
		y, _, err := Decode(h, enc, DecodeOptions{})
		if err != nil {
			t.Fatalf("re-encoded term does not decode: %v", err)
		}
		if !term.Equal(x, y) {
			t.Fatalf("round trip changed the term")
		}
	})
}
