package beam

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// disasmScript runs beam_disasm:file/1 over every .beam of the local OTP
// install and writes, per file, "M <path>", per function "F <entry label>",
// and per instruction "I <instruction printed with ~w>". Typed-register
// operands {tr,Reg,Type} are rewritten to {tr,Reg,Index}, Index being the
// first Type-chunk entry that decodes to Type (beam_disasm prints the
// decoded type, which is OTP-internal).
const disasmScript = `
-module(bdcmp).
-export([main/1]).
main(Out) ->
    Files = lists:sort(filelib:wildcard(filename:join([code:lib_dir(), "*", "ebin", "*.beam"]))),
    {ok, F} = file:open(Out, [write, raw, delayed_write]),
    [file(F, P) || P <- Files],
    ok = file:close(F).
file(F, P) ->
    ok = file:write(F, ["M ", P, "\n"]),
    {beam_file, _, _, _, _, Code} = beam_disasm:file(P),
    Types = types(P),
    [begin
         ok = file:write(F, io_lib:format("F ~w~n", [Entry])),
         [ok = file:write(F, io_lib:format("I ~w~n", [norm(I, Types)])) || I <- Is]
     end || {function, _, _, Entry, Is} <- Code].
types(P) ->
    case beam_lib:chunks(P, ["Type"]) of
        {ok, {_, [{"Type", <<1:32, _:32, T/binary>>}]}} ->
            [beam_types:decode_ext(E) || <<E:18/binary>> <= T];
        _ -> []
    end.
norm({tr, R, T}, Types) -> {tr, R, index(T, Types, 0)};
norm({literal, _} = L, _) -> L;
norm(T, Types) when is_tuple(T) -> list_to_tuple(norm(tuple_to_list(T), Types));
norm([H | T], Types) -> [norm(H, Types) | norm(T, Types)];
norm(X, _) -> X.
index(T, [T | _], I) -> I;
index(T, [_ | Ts], I) -> index(T, Ts, I + 1);
index(_, [], _) -> unknown_type.
`

// TestAgainstBeamDisasm decodes every module of the local OTP install and
// compares each function, instruction by instruction, with what OTP's own
// disassembler (beam_disasm) makes of it. One erl process handles all
// files. See bdForm for how beam_disasm's output is reproduced.
func TestAgainstBeamDisasm(t *testing.T) {
	otpLibDir(t) // skips without erl
	dir := t.TempDir()
	src := filepath.Join(dir, "bdcmp.erl")
	out := filepath.Join(dir, "disasm.txt")
	require.NoError(t, os.WriteFile(src, []byte(disasmScript), 0o644))
	eval := `{ok,bdcmp,Bin} = compile:file("` + src + `", [binary, report]),` +
		`{module,bdcmp} = code:load_binary(bdcmp, "bdcmp.erl", Bin),` +
		`bdcmp:main("` + out + `"), halt().`
	cmd := exec.Command("erl", "-noshell", "-eval", eval)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "erl: %s", msg)

	fh, err := os.Open(out)
	require.NoError(t, err)
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<26)

	var (
		m        *Module
		fn       = -1
		idx      int
		want     []string
		files    int
		instrs   int
		failures int
	)
	// flush compares the collected beam_disasm function with ours.
	flush := func() {
		if m == nil || fn < 0 {
			return
		}
		if fn >= len(m.Functions) {
			t.Errorf("%s: beam_disasm has more functions than we do", m.File)
			failures++
			return
		}
		got := bdFunction(m, fn)
		if len(got) != len(want) {
			t.Errorf("%s: function %s/%d: %d instructions, beam_disasm has %d", m.File, m.Functions[fn].Name, m.Functions[fn].Arity, len(got), len(want))
			failures++
		}
		for i := 0; i < len(got) && i < len(want); i++ {
			if got[i] != want[i] {
				t.Errorf("%s: function %s/%d instruction %d:\n  ours:        %s\n  beam_disasm: %s", m.File, m.Functions[fn].Name, m.Functions[fn].Arity, i, got[i], want[i])
				failures++
				break
			}
		}
		instrs += len(want)
	}
	for sc.Scan() {
		if failures > 20 {
			t.Fatal("too many differences")
		}
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "M "):
			flush()
			if m != nil && fn+1 != len(m.Functions) {
				t.Errorf("%s: we have %d functions, beam_disasm %d", m.File, len(m.Functions), fn+1)
			}
			m, err = ReadFile(line[2:])
			require.NoError(t, err)
			fn, files = -1, files+1
		case strings.HasPrefix(line, "F "):
			flush()
			fn++
			want = want[:0]
			idx, _ = strconv.Atoi(line[2:])
			if fn < len(m.Functions) && m.Functions[fn].Label != idx {
				t.Errorf("%s: function %d entry label %d, beam_disasm %d", m.File, fn, m.Functions[fn].Label, idx)
				failures++
			}
		case strings.HasPrefix(line, "I "):
			want = append(want, line[2:])
		}
	}
	flush()
	require.NoError(t, sc.Err())
	require.Greater(t, files, 100)
	t.Logf("compared %d files, %d instructions with beam_disasm", files, instrs)
}

// TestOTPDecodes decodes every .beam anywhere under OTP's lib directory
// (including examples outside ebin).
func TestOTPDecodes(t *testing.T) {
	n := 0
	err := filepath.WalkDir(otpLibDir(t), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".beam") {
			return err
		}
		n++
		m, err := ReadFile(p)
		if err != nil {
			t.Error(err)
			return nil
		}
		if len(m.Functions) == 0 || m.TypesVersion != 1 {
			t.Errorf("%s: %d functions, types version %d", p, len(m.Functions), m.TypesVersion)
		}
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, n, 200)
	t.Logf("decoded %d OTP files", n)
}
