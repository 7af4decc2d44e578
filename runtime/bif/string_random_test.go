package bif

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

// trickyCPs are code points (all assigned by Unicode 14.0, OTP 25's
// version) that exercise every grapheme break rule: CR LF, controls,
// combining marks, ZWJ and emoji, skin tones, regional indicators,
// keycaps, Hangul jamo and syllables, Devanagari conjuncts, Prepend and
// SpacingMark characters, Thai SARA AM, and separators.
var trickyCPs = []rune{
	'a', 'e', ',', ' ', '\r', '\n', '\t', 0x301, 0x308, 0x323, 0x200D, 0xFE0F,
	0x1F468, 0x1F469, 0x1F467, 0x2764, 0x1F3FD, 0x1F44B, 0x1F1FA, 0x1F1F8, 0x1F1EB,
	'1', 0x20E3, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01, 0x915, 0x94D, 0x937, 0x93F,
	0x600, 0x110BD, 0x903, 0xE33, 0xE9, 0xC5, 0x2028, 0x85, 0xDF, 0x130,
}

func randomString(r *rand.Rand) []rune {
	s := make([]rune, r.IntN(9))
	for i := range s {
		s[i] = trickyCPs[r.IntN(len(trickyCPs))]
	}
	return s
}

func erlList(s []rune) string {
	parts := make([]string, len(s))
	for i, c := range s {
		parts[i] = strconv.Itoa(int(c))
	}
	return "[" + strings.Join(parts, ",") + "]"
}

func erlBinary(s []rune) string {
	b := []byte(string(s))
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = strconv.Itoa(int(c))
	}
	return "<<" + strings.Join(parts, ",") + ">>"
}

// erlMixed splits s into a list of alternating sublists and binaries.
func erlMixed(r *rand.Rand, s []rune) string {
	var parts []string
	for len(s) > 0 {
		n := 1 + r.IntN(len(s))
		if r.IntN(2) == 0 {
			parts = append(parts, erlBinary(s[:n]))
		} else {
			parts = append(parts, erlList(s[:n]))
		}
		s = s[n:]
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// Random strings of tricky code points, as lists, binaries and mixed
// chardata, through gc/1 and the string functions built on clusters.
func TestStringRandomOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var calls []string
	for range 250 {
		s := randomString(r)
		sep := erlList([]rune{trickyCPs[r.IntN(len(trickyCPs))]})
		k, l := r.IntN(6), r.IntN(6)
		for _, in := range []string{erlList(s), erlBinary(s)} {
			calls = append(calls,
				"unicode_util:gc("+in+")",
				"string:length("+in+")",
				"string:to_graphemes("+in+")",
				"string:reverse("+in+")",
				fmt.Sprintf("string:slice(%s, %d)", in, k),
				fmt.Sprintf("string:slice(%s, %d, %d)", in, k, l),
				"string:split("+in+", "+sep+")",
				"string:split("+in+", "+sep+", all)",
				"string:split("+in+", "+sep+", trailing)",
				"string:find("+in+", "+sep+", trailing)",
				"string:trim("+in+")",
				"string:lexemes("+in+", [$,, $\\s])",
				"string:uppercase("+in+")",
				"unicode:characters_to_nfc_list("+in+")",
				"unicode:characters_to_nfkd_binary("+in+")",
			)
		}
		mixed := erlMixed(r, s)
		calls = append(calls,
			"unicode_util:gc("+mixed+")",
			"unicode_util:cp("+mixed+")",
			"string:length("+mixed+")",
			"string:next_grapheme("+mixed+")",
			"string:equal("+mixed+", "+erlBinary(s)+")",
		)
	}
	libOracle(t, calls)
}

// Every sample string of Unicode's GraphemeBreakTest.txt (skipping those
// with characters new in 15.0) splits into the clusters erl finds.
func TestGraphemeBreakTestOracle(t *testing.T) {
	f, err := os.Open("/usr/share/unicode/auxiliary/GraphemeBreakTest.txt")
	if err != nil {
		t.Skip("unicode-data not installed")
	}
	defer f.Close()
	newer := unicode15Additions(t)
	var calls []string
	sc := bufio.NewScanner(f)
lines:
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		var s []rune
		for _, field := range strings.Fields(line) {
			if field == "÷" || field == "×" {
				continue
			}
			v, err := strconv.ParseUint(field, 16, 32)
			require.NoError(t, err)
			if newer[rune(v)] || (v >= 0xD800 && v <= 0xDFFF) {
				continue lines
			}
			s = append(s, rune(v))
		}
		if len(s) > 0 {
			calls = append(calls, "string:to_graphemes("+erlList(s)+")", "string:length("+erlBinary(s)+")")
		}
	}
	require.Greater(t, len(calls), 1000)
	libOracle(t, calls)
}

// unicode15Additions reads the code points first assigned in 15.0.
func unicode15Additions(t *testing.T) map[rune]bool {
	data, err := os.ReadFile("/usr/share/unicode/DerivedAge.txt")
	if err != nil {
		t.Skip("DerivedAge.txt not installed")
	}
	out := map[rune]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Split(line, ";")
		if len(f) < 2 || strings.TrimSpace(f[1]) != "15.0" {
			continue
		}
		lo, hi, ok := strings.Cut(strings.TrimSpace(f[0]), "..")
		if !ok {
			hi = lo
		}
		a, _ := strconv.ParseUint(lo, 16, 32)
		b, _ := strconv.ParseUint(hi, 16, 32)
		for c := a; c <= b; c++ {
			out[rune(c)] = true
		}
	}
	return out
}

// string:length and unicode_util:gc on a megabyte of ASCII: the results
// (the byte-level fast path's speed is BenchmarkStringLengthLargeASCII's).
func TestStringLengthLargeASCII(t *testing.T) {
	data := []byte(strings.Repeat("hello, world\n", 80000))
	p := &emu.Process{Heap: heap.New()}
	bin := term.NewBinary(p.Heap, data)
	length, _ := emu.LookupBIF(emu.MakeMFA("string", "length", 1))
	gc, _ := emu.LookupBIF(emu.MakeMFA("unicode_util", "gc", 1))
	assert.Equal(t, int64(len(data)), length.Fn(p, []term.Term{bin}).SmallValue())
	r := gc.Fn(p, []term.Term{bin})
	assert.Equal(t, int64('h'), r.Head().SmallValue())
	assert.Equal(t, utf8.RuneCount(data)-1, len(mustBytes(r.Tail())))
}

func BenchmarkStringLengthLargeASCII(b *testing.B) {
	data := []byte(strings.Repeat("hello, world\n", 80000))
	p := &emu.Process{Heap: heap.New()}
	bin := term.NewBinary(p.Heap, data)
	length, _ := emu.LookupBIF(emu.MakeMFA("string", "length", 1))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		length.Fn(p, []term.Term{bin})
	}
}

func mustBytes(t term.Term) []byte {
	b, _ := t.BinaryBytes()
	return b
}
