package bif

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// oracleFile reads a table of calls, one per line, from testdata.
func oracleFile(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	var calls []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "%") {
			calls = append(calls, l)
		}
	}
	return calls
}

// The unicode_util functions, with the rest shapes of cp/1 and gc/1 over
// binaries, flat and nested lists and improper lists, invalid UTF-8 and
// non-chardata, checked against erl.
func TestUnicodeUtilOracle(t *testing.T) {
	libOracle(t, oracleFile(t, "unicode_util_calls.txt"))
}

// The string module's grapheme-aware API against erl.
func TestStringAPIOracle(t *testing.T) {
	libOracle(t, oracleFile(t, "string_calls.txt"))
}

// unicode's normalisation functions against erl.
func TestUnicodeNormOracle(t *testing.T) {
	libOracle(t, oracleFile(t, "unicode_norm_calls.txt"))
}

// The string module's original list functions against erl.
func TestStringOldOracle(t *testing.T) {
	libOracle(t, oracleFile(t, "string_old_calls.txt"))
}
