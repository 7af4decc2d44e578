package bif

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/heap"
	"github.com/beamrc/beamrc/runtime/term"
)

func chars(s string) term.Term { return format.StringToList(heap.Literals, s) }

func optsMap(kv ...string) term.Term {
	var ks, vs []term.Term
	for i := 0; i < len(kv); i += 2 {
		ks = append(ks, term.Intern(kv[i]))
		vs = append(vs, term.Intern(kv[i+1]))
	}
	return term.MapFromPairs(heap.Literals, ks, vs)
}

// TestBase64 checks the base64 module against OTP 26's documented
// behaviour.
func TestBase64(t *testing.T) {
	for _, c := range []struct {
		fn   string
		args []term.Term
		want string
	}{
		{"encode", []term.Term{chars("Hello")}, `<<"SGVsbG8=">>`},
		{"encode", []term.Term{bin("hello"), optsMap("padding", "true")}, `<<"aGVsbG8=">>`},
		{"encode", []term.Term{bin("hello"), optsMap("padding", "false")}, `<<"aGVsbG8">>`},
		{"encode", []term.Term{bin("\xff\xfe"), optsMap()}, `<<"//4=">>`},
		{"encode", []term.Term{bin("\xff\xfe"), optsMap("mode", "urlsafe")}, `<<"__4=">>`},
		{"encode", []term.Term{bin(""), optsMap()}, `<<>>`},
		{"encode", []term.Term{bin("ab"), optsMap("mode", "bad")}, `error:badarg`},
		{"encode", []term.Term{term.Intern("x")}, `error:badarg`},
		{"encode_to_string", []term.Term{bin("hi")}, `"aGk="`},
		{"decode", []term.Term{bin("SGVsbG8=")}, `<<"Hello">>`},
		{"decode", []term.Term{chars("SGVs\r\nbG8=")}, `<<"Hello">>`},
		{"decode", []term.Term{bin("aGVsbG8")}, `error:missing_padding`},
		{"decode", []term.Term{bin("aGVsbG8"), optsMap("padding", "false")}, `<<"hello">>`},
		{"decode", []term.Term{bin("SGV$bG8=")}, `error:{badarg,36}`},
		{"decode", []term.Term{bin("__4="), optsMap("mode", "urlsafe")}, `<<"ÿþ">>`},
		{"decode", []term.Term{bin("__4=")}, `error:{badarg,95}`},
		{"decode", []term.Term{bin("aGk=aGk=")}, `error:{badarg,97}`},
		{"decode", []term.Term{bin("a")}, `error:missing_padding`},
		{"decode_to_string", []term.Term{bin("aGk=")}, `"hi"`},
		{"mime_decode", []term.Term{bin("aG$k=")}, `<<"hi">>`},
	} {
		assert.Equal(t, c.want, callBIF(t, "base64", c.fn, c.args...), "base64:%s%v", c.fn, c.args)
	}
}
