package format

import (
	"strconv"
	"strings"
	"unicode/utf8"

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

// stringEnc is io_lib's string_char mode.
type stringEnc uint8

const (
	encLatin1          stringEnc = iota // write_latin1_string: characters 0..255 only
	encUnicode                          // write_string: characters >= 160 as they are
	encUnicodeAsLatin1                  // write_string_as_latin1: above 255 as \x{H}
)

// reserved are the words erl_scan:reserved_word/1 knows in OTP 25 (no
// feature keywords are enabled by default); io_lib quotes them as atoms.
var reserved = map[string]bool{
	"after": true, "begin": true, "case": true, "try": true, "cond": true,
	"catch": true, "andalso": true, "orelse": true, "end": true, "fun": true,
	"if": true, "let": true, "of": true, "receive": true, "when": true,
	"bnot": true, "not": true, "div": true, "rem": true, "band": true,
	"and": true, "bor": true, "bxor": true, "bsl": true, "bsr": true,
	"or": true, "xor": true,
}

// atomNeedsQuotes applies io_lib:quote_atom/2: an atom is written bare only
// if it starts with a lower-case Latin-1 letter, continues with Latin-1
// letters, digits, '_' or '@', and is not a reserved word.
func atomNeedsQuotes(name string) bool {
	if reserved[name] {
		return true
	}
	first := true
	for _, c := range name {
		if first {
			if !isLowerLatin1(c) {
				return true
			}
			first = false
			continue
		}
		if !(isLowerLatin1(c) || isUpperLatin1(c) || (c >= '0' && c <= '9') || c == '_' || c == '@') {
			return true
		}
	}
	return first // the empty atom is ''
}

func isLowerLatin1(c rune) bool {
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7)
}

func isUpperLatin1(c rune) bool {
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)
}

// AtomText returns atom a as io_lib writes it: ~w and ~p use Latin1
// (characters above 255 become \x{H} escapes), ~tw and ~tp Unicode.
func AtomText(a term.Term, enc Encoding) string {
	var b strings.Builder
	writeAtom(&b, a, enc)
	return b.String()
}

func writeAtom(b *strings.Builder, a term.Term, enc Encoding) {
	name := term.AtomName(a)
	if !atomNeedsQuotes(name) {
		b.WriteString(name)
		return
	}
	se := encUnicodeAsLatin1
	if enc == Unicode {
		se = encUnicode
	}
	writeQuoted(b, []rune(name), '\'', se)
}

// writeQuoted writes chars between quotes q with io_lib's escapes.
func writeQuoted(b *strings.Builder, chars []rune, q rune, se stringEnc) {
	b.WriteRune(q)
	for _, c := range chars {
		writeStringChar(b, c, q, se)
	}
	b.WriteRune(q)
}

// writeStringChar is io_lib:string_char/4.
func writeStringChar(b *strings.Builder, c, q rune, se stringEnc) {
	switch {
	case c == q:
		b.WriteByte('\\')
		b.WriteRune(c)
		return
	case c == '\\':
		b.WriteString(`\\`)
		return
	case c >= ' ' && c <= '~':
		b.WriteRune(c)
		return
	case c >= 160 && c <= 255:
		b.WriteRune(c)
		return
	case c > 255:
		if se == encUnicodeAsLatin1 {
			b.WriteString(`\x{`)
			b.WriteString(strings.ToUpper(strconv.FormatInt(int64(c), 16)))
			b.WriteByte('}')
		} else {
			writeRune(b, c)
		}
		return
	}
	switch c {
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	case '\v':
		b.WriteString(`\v`)
	case '\b':
		b.WriteString(`\b`)
	case '\f':
		b.WriteString(`\f`)
	case 27:
		b.WriteString(`\e`)
	case 127:
		b.WriteString(`\d`)
	default:
		b.WriteByte('\\')
		b.WriteByte(byte('0' + c>>6))
		b.WriteByte(byte('0' + (c>>3)&7))
		b.WriteByte(byte('0' + c&7))
	}
}

// writeRune writes a code point; ones a UTF-8 string cannot hold
// (surrogates, beyond U+10FFFF) cannot be printed and become U+FFFD.
func writeRune(b *strings.Builder, c rune) {
	if !utf8.ValidRune(c) {
		c = utf8.RuneError
	}
	b.WriteRune(c)
}

// QuoteString returns io_lib:write_string(S): chars between double quotes
// with Unicode characters as they are.
func QuoteString(chars []rune) string {
	var b strings.Builder
	writeQuoted(&b, chars, '"', encUnicode)
	return b.String()
}

// isPrintableLatin1 is the per-character test of
// io_lib:printable_latin1_list/1 (the default printable range).
func isPrintableLatin1(c int64) bool {
	switch {
	case c >= ' ' && c <= '~', c >= 160 && c <= 255:
		return true
	}
	return isPrintableControl(c)
}

// isPrintableUnicode is the per-character test of
// io_lib:printable_unicode_list/1.
func isPrintableUnicode(c int64) bool {
	switch {
	case c >= ' ' && c <= '~',
		c >= 160 && c < 0xD800,
		c > 0xDFFF && c < 0xFFFE,
		c > 0xFFFF && c <= 0x10FFFF:
		return true
	}
	return isPrintableControl(c)
}

func isPrintableControl(c int64) bool {
	switch c {
	case '\n', '\r', '\t', '\v', '\b', '\f', 27:
		return true
	}
	return false
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
func PrintableLatin1List(t term.Term) bool { return listAll(t, isPrintableLatin1) }

// PrintableUnicodeList is io_lib:printable_unicode_list/1.
func PrintableUnicodeList(t term.Term) bool { return listAll(t, isPrintableUnicode) }

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
