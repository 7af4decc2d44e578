package format

import (
	"bytes"
	"encoding/hex"
	"os/exec"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/etf"
	"github.com/beamrc/beamrc/runtime/heap"
)

// displayScript shows each term twice with erlang:display/1: first its
// term_to_binary in hex (a printable binary), then the term. Everything
// goes through display, so the two stay in order on standard output.
const displayScript = `
Ts = [a, 'Foo', 'if', 'a b', 'a@b', '', 'é', 'x€y', '\n\t', 'q\'x', 'back\\s', list_to_atom([130]),
      1, -5, 1 bsl 70, -(1 bsl 70), 1.5, -0.0, 1.0e20, 0.1, 1.0e-10, 123456789.0,
      "abc", "a\nb", "tab\there\r", [233], [8364], "q\"uote", "back\\s", [1, 2 | 3], [], [0, 1],
      [127], [160], [159], <<>>, <<"abc">>, <<"a\nb">>, <<"q\"b">>, <<1, 2, 3:4>>, <<5:3>>,
      <<200, 1>>, {}, {a, {b, [c]}}, #{}, #{a => 1, "k" => <<"v">>, 2 => [x]},
      [{nested, [1.0, "str", <<"bin">>, #{k => {v}}]}]],
[begin erlang:display(binary:encode_hex(term_to_binary(T))), erlang:display(T) end || T <- Ts],
halt().
`

// TestDisplayAgainstErl compares erlang:display/1's output byte for byte.
func TestDisplayAgainstErl(t *testing.T) {
	if _, err := exec.LookPath("erl"); err != nil {
		t.Skip("erl not installed")
	}
	cmd := exec.Command("erl", "-noshell", "-eval", displayScript)
	cmd.Dir = t.TempDir()
	out, err := cmd.Output()
	require.NoError(t, err)
	lines := bytes.Split(bytes.TrimSuffix(out, []byte("\r\n")), []byte("\r\n"))
	require.Zero(t, len(lines)%2, "%q", out)
	h := heap.New()
	defer runtime.KeepAlive(h)
	for i := 0; i < len(lines); i += 2 {
		hx := bytes.TrimSuffix(bytes.TrimPrefix(lines[i], []byte(`<<"`)), []byte(`">>`))
		raw, err := hex.DecodeString(string(hx))
		require.NoError(t, err)
		bt, err := beam.DecodeTerm(raw)
		require.NoError(t, err)
		tm, err := etf.FromBeam(h, bt)
		require.NoError(t, err)
		assert.Equal(t, string(lines[i+1]), string(Display(tm)))
	}
	t.Logf("%d terms displayed", len(lines)/2)
}
