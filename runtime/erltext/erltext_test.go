package erltext

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestQuoteAtom(t *testing.T) {
	for _, tc := range []struct {
		name string
		mode Mode
		want string
	}{
		{"ok", Latin1, "ok"},
		{"gleam@list", Latin1, "gleam@list"},
		{"Foo", Latin1, "'Foo'"},
		{"", Latin1, "''"},
		{"hello world", Latin1, "'hello world'"},
		{"receive", Latin1, "'receive'"},
		{"maybe", Latin1, "maybe"}, // not reserved in OTP 25
		{"it's", Latin1, `'it\'s'`},
		{"a\nb", Latin1, `'a\nb'`},
		{"\x01", Latin1, `'\001'`},
		{"\u00e9t\u00e9", Latin1, "\u00e9t\u00e9"},
		{"\u20ac", UnicodeAsLatin1, `'\x{20AC}'`},
		{"\u20ac", Unicode, "'\u20ac'"},
		{"-main/0-fun-0-", Latin1, "'-main/0-fun-0-'"},
	} {
		assert.Equal(t, tc.want, QuoteAtom(tc.name, tc.mode), "%q", tc.name)
	}
}

func TestPrintable(t *testing.T) {
	assert.True(t, IsPrintableLatin1('a'))
	assert.True(t, IsPrintableLatin1('\n'))
	assert.False(t, IsPrintableLatin1(1))
	assert.False(t, IsPrintableLatin1(0x20ac))
	assert.True(t, IsPrintableUnicode(0x20ac))
	assert.False(t, IsPrintableUnicode(0xD800))
}
