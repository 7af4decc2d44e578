package emu_test

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/format"
)

// TestCorpusProbes runs every exported 0-arity function of the shared
// corpus's erlang_probes (erlc on OTP 28/29) and checks the results that
// follow from the sources' intent; every function must run to completion
// without an internal error.
func TestCorpusProbes(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "erlang_probes")
	files, _ := filepath.Glob(filepath.Join(dir, "*.beam"))
	if len(files) == 0 {
		t.Skip("shared corpus not present")
	}
	sort.Strings(files)
	var good []string
	for _, f := range files {
		if strings.Contains(f, "malformed") {
			_, err := beam.ReadFile(f)
			assert.Error(t, err)
			continue
		}
		good = append(good, f)
	}
	s := newSystem(t, good...)
	got := map[string]string{}
	for _, f := range good {
		m, err := beam.ReadFile(f)
		require.NoError(t, err)
		for _, e := range m.Exports {
			if e.Arity != 0 || e.Name == "module_info" {
				continue
			}
			st, err := s.Run(m.Name, e.Name, nil)
			require.NoError(t, err)
			key := m.Name + ":" + e.Name
			if st != 0 {
				got[key] = "crashed"
				continue
			}
			got[key] = format.Write(s.Result())
		}
	}
	assert.Equal(t, probeResults, got)
}

// probeResults: what each function returns, read off the sources' intent
// (OTP's results are not recorded for these). The crashes are intended:
// an uncaught throw, a badarg, and a receive loop that waits for messages
// nobody sends (beamrc reports the deadlock).
var probeResults = map[string]string{
	"bignum:abs1":                                   `100000000000000000000`,
	"bignum:cmp":                                    `true`,
	"bignum:lit":                                    `100000000000000000000`,
	"bignum:neg":                                    `-100000000000000000000`,
	"bignum:tostr":                                  `<<49,48,48,48,48,48,48,48,48,48,48,48,48,48,48,48,48,48,48,48,48>>`,
	"bs_create_bin_fixture:big16":                   `<<2,1>>`,
	"bs_create_bin_fixture:big_signed":              `<<253,255>>`,
	"bs_create_bin_fixture:bit_seg":                 `<<160>>`,
	"bs_create_bin_fixture:case_concat":             `<<111,110,101,45,116,97,105,108>>`,
	"bs_create_bin_fixture:concat_regs":             `<<104,101,108,108,111,32,119,111,114,108,100>>`,
	"bs_create_bin_fixture:float32":                 `<<63,192,0,0>>`,
	"bs_create_bin_fixture:float64":                 `<<64,9,30,184,81,235,133,31>>`,
	"bs_create_bin_fixture:float_little":            `<<31,133,235,81,184,30,9,64>>`,
	"bs_create_bin_fixture:int16_little":            `<<66,65>>`,
	"bs_create_bin_fixture:int8":                    `<<65>>`,
	"bs_create_bin_fixture:join":                    `<<97,44,98,44,99>>`,
	"bs_create_bin_fixture:lit_prefix":              `<<108,105,116,116,97,105,108>>`,
	"bs_create_bin_fixture:native16":                `<<1,2>>`,
	"bs_create_bin_fixture:priv_append":             `<<1,2,3>>`,
	"bs_create_bin_fixture:signed_little":           `<<254,255>>`,
	"bs_create_bin_fixture:sized_bin":               `<<97,98,99>>`,
	"bs_create_bin_fixture:utf8_seg":                `<<226,130,172,33>>`,
	"caught_exception_exit:catch_then_normal":       `ok`,
	"caught_exception_exit:rethrow_unmatched_class": `crashed`,
	"frameless:run":                                 `won`,
	"guard_bif_probe:run":                           `crashed`,
	"if_probe:main_catch":                           `caught`,
	"is_function2_guard:matching_arity":             `matched`,
	"is_function2_guard:not_a_fun":                  `fallthrough`,
	"is_function2_guard:wrong_arity":                `fallthrough`,
	"is_function_bif:arity_badarg":                  `crashed`,
	"is_function_bif:body_one":                      `{true,false}`,
	"is_function_bif:body_two":                      `{true,false,false}`,
	"is_function_bif:guard_badarg":                  `{fallthrough,fallthrough}`,
	"is_function_bif:guard_variable_arity":          `{matched,fallthrough,fallthrough}`,
	"monitor_down_probe:target":                     `ok`,
	"recv_after_timer:plain_after":                  `timed_out`,
	"recv_after_timer:selective":                    `timed_out`,
	"recv_marker_timeout_fixture:await":             `timeout`,
}

// TestCorpusActorSpike runs the gleam_otp actor corpus (Gleam 1.17,
// OTP 29): an actor, subjects and selective receive on monitors.
func TestCorpusActorSpike(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "actor_spike")
	files, _ := filepath.Glob(filepath.Join(dir, "*.beam"))
	if len(files) == 0 {
		t.Skip("shared corpus not present")
	}
	s := newSystem(t, files...)
	for fun, want := range map[string]string{"run": "2", "subject_probe": "77", "receive_probe": "88"} {
		st, err := s.Run("actor_spike", fun, nil)
		require.NoError(t, err)
		require.Equal(t, 0, st, fun)
		assert.Equal(t, want, format.Write(s.Result()), fun)
	}
	// Without gleam_erlang_ffi the probe fails with undef naming it.
	var rest []string
	for _, f := range files {
		if filepath.Base(f) != "gleam_erlang_ffi.beam" {
			rest = append(rest, f)
		}
	}
	s = newSystem(t, rest...)
	st, err := s.Run("actor_spike", "subject_probe", nil)
	require.NoError(t, err)
	assert.Equal(t, 1, st)
}
