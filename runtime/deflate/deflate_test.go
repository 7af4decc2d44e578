package deflate

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// samples are inputs that reach every path: empty and tiny inputs, data
// that does not compress (stored blocks), long runs (matches of 258),
// text-like data (lazy matches, dynamic trees), more symbols than one
// block holds, and more than the window (sliding).
func samples() map[string][]byte {
	r := rand.New(rand.NewPCG(1, 2))
	random := func(n int, alphabet string) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return b
	}
	var all strings.Builder
	for i := 0; i < 256; i++ {
		all.WriteByte(byte(i))
	}
	words := make([]string, 60)
	for i := range words {
		words[i] = string(random(1+r.IntN(8), "abcdefghijklmnop"))
	}
	var text strings.Builder
	for text.Len() < 200000 {
		text.WriteString(words[r.IntN(len(words))])
		text.WriteByte(' ')
	}
	return map[string][]byte{
		"empty":       {},
		"one":         {7},
		"three":       []byte("abc"),
		"random 300":  random(300, all.String()),
		"random 70k":  random(70000, all.String()),
		"zeros 100k":  make([]byte, 100000),
		"two letters": random(30000, "ab"),
		"text 5k":     []byte(text.String()[:5000]),
		"text 200k":   []byte(text.String()),
	}
}

func TestCompressRoundTrip(t *testing.T) {
	for name, data := range samples() {
		for level := 1; level <= 9; level++ {
			z, err := zlib.NewReader(bytes.NewReader(Compress(data, level)))
			require.NoError(t, err, "%s level %d", name, level)
			got, err := io.ReadAll(z)
			require.NoError(t, err, "%s level %d", name, level)
			assert.Equal(t, data, got, "%s level %d", name, level)
		}
	}
}

// TestCompressLikeZlib compares the bytes with what erl's zlib module
// (the system's zlib, which term_to_binary uses too) makes of each sample
// at each level.
func TestCompressLikeZlib(t *testing.T) {
	if _, err := exec.LookPath("erl"); err != nil {
		t.Skip("erl not installed")
	}
	dir := t.TempDir()
	var names []string
	for name, data := range samples() {
		f := fmt.Sprintf("s%d", len(names))
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), data, 0o644))
		names = append(names, name)
	}
	script := `{ok, Dir} = file:get_cwd(),
		[begin
			{ok, Data} = file:read_file(filename:join(Dir, "s" ++ integer_to_list(I))),
			[begin
				Z = zlib:open(), ok = zlib:deflateInit(Z, L),
				Out = iolist_to_binary(zlib:deflate(Z, Data, finish)), zlib:close(Z),
				io:format("~s~n", [binary:encode_hex(Out)])
			end || L <- lists:seq(1, 9)]
		end || I <- lists:seq(0, ` + fmt.Sprint(len(names)-1) + `)],
		halt().`
	cmd := exec.Command("erl", "-noshell", "-eval", script)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%.2000s", out)
	lines := strings.Fields(string(out))
	require.Len(t, lines, 9*len(names), "%.2000s", out)
	data := samples()
	for i, name := range names {
		for level := 1; level <= 9; level++ {
			want, err := hex.DecodeString(lines[i*9+level-1])
			require.NoError(t, err)
			got := Compress(data[name], level)
			assert.True(t, bytes.Equal(want, got), "%s level %d: %d bytes, zlib %d", name, level, len(got), len(want))
		}
	}
}
