package format

import (
	"strings"

	"github.com/beamrc/beamrc/runtime/erltext"
	"github.com/beamrc/beamrc/runtime/term"
)

// Encoding is the character range a directive works in: ~p and ~w are
// Latin1, ~tp and ~tw Unicode. It decides how atoms and strings with
// characters above 255 are written.
type Encoding uint8

const (
	Latin1 Encoding = iota
	Unicode
)

// AtomText returns atom a as io_lib writes it: ~w and ~p use Latin1
// (characters above 255 become \x{H} escapes), ~tw and ~tp Unicode.
func AtomText(a term.Term, enc Encoding) string {
	var b strings.Builder
	writeAtom(&b, a, enc)
	return b.String()
}

func writeAtom(b *strings.Builder, a term.Term, enc Encoding) {
	mode := erltext.UnicodeAsLatin1
	if enc == Unicode {
		mode = erltext.Unicode
	}
	b.WriteString(erltext.QuoteAtom(term.AtomName(a), mode))
}

// QuoteString returns io_lib:write_string(S): chars between double quotes
// with Unicode characters as they are.
func QuoteString(chars []rune) string {
	var b strings.Builder
	erltext.WriteQuoted(&b, chars, '"', erltext.Unicode)
	return b.String()
}

// isUnicodeChar is the test of io_lib:char_list/1.
func isUnicodeChar(c int64) bool {
	return (c >= 0 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE) || (c > 0xFFFF && c <= 0x10FFFF)
}

// listAll reports whether t is a proper list of small integers that all
// pass ok.
func listAll(t term.Term, ok func(int64) bool) bool {
	for ; t.IsCons(); t = t.Tail() {
		h := t.Head()
		if !h.IsSmall() || !ok(h.SmallValue()) {
			return false
		}
	}
	return t == term.Nil
}

// PrintableLatin1List is io_lib:printable_latin1_list/1; with the default
// printable range (latin1) it is also io_lib:printable_list/1.
func PrintableLatin1List(t term.Term) bool { return listAll(t, erltext.IsPrintableLatin1) }

// PrintableUnicodeList is io_lib:printable_unicode_list/1.
func PrintableUnicodeList(t term.Term) bool { return listAll(t, erltext.IsPrintableUnicode) }

// CharList is io_lib:char_list/1.
func CharList(t term.Term) bool { return listAll(t, isUnicodeChar) }

// listRunes returns the characters of a proper list of small integers.
func listRunes(t term.Term) []rune {
	var rs []rune
	for ; t.IsCons(); t = t.Tail() {
		rs = append(rs, rune(t.Head().SmallValue()))
	}
	return rs
}
