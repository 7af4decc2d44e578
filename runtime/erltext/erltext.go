// Package erltext holds how Erlang writes atoms and characters as text:
// when an atom needs quotes and how a character is escaped inside quotes,
// as io_lib does it in OTP 25. The .beam disassembler (runtime/beam) and
// the runtime's term printer (runtime/format) both write Erlang syntax, so
// they share these rules rather than keep copies that drift apart.
package erltext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Mode is io_lib's string_char mode: which characters are written as
// they are and which are escaped.
type Mode uint8

const (
	// Latin1 writes characters 0..255 (write_latin1_string).
	Latin1 Mode = iota
	// Unicode writes characters from 160 up as they are (write_string).
	Unicode
	// UnicodeAsLatin1 writes characters above 255 as \x{H}
	// (write_string_as_latin1, what ~w and ~p do with atoms).
	UnicodeAsLatin1
)

// reserved are the words erl_scan:reserved_word/1 knows in OTP 25 (no
// feature keywords are enabled by default, so 'maybe' and 'else' are not
// among them); io_lib quotes them as atoms.
var reserved = map[string]bool{
	"after": true, "begin": true, "case": true, "try": true, "cond": true,
	"catch": true, "andalso": true, "orelse": true, "end": true, "fun": true,
	"if": true, "let": true, "of": true, "receive": true, "when": true,
	"bnot": true, "not": true, "div": true, "rem": true, "band": true,
	"and": true, "bor": true, "bxor": true, "bsl": true, "bsr": true,
	"or": true, "xor": true,
}

// AtomNeedsQuotes applies io_lib:quote_atom/2: an atom is written bare only
// if it starts with a lower-case Latin-1 letter, continues with Latin-1
// letters, digits, '_' or '@', and is not a reserved word.
func AtomNeedsQuotes(name string) bool {
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

// QuoteAtom returns atom name as io_lib writes it in mode m.
func QuoteAtom(name string, m Mode) string {
	if !AtomNeedsQuotes(name) {
		return name
	}
	var b strings.Builder
	WriteQuoted(&b, []rune(name), '\'', m)
	return b.String()
}

// WriteQuoted writes chars between quotes q with io_lib's escapes.
func WriteQuoted(b *strings.Builder, chars []rune, q rune, m Mode) {
	b.WriteRune(q)
	for _, c := range chars {
		WriteChar(b, c, q, m)
	}
	b.WriteRune(q)
}

// WriteChar writes one character inside quotes q: io_lib:string_char/4.
func WriteChar(b *strings.Builder, c, q rune, m Mode) {
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
		if m == UnicodeAsLatin1 {
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

// IsPrintableLatin1 is the per-character test of
// io_lib:printable_latin1_list/1 (the default printable range).
func IsPrintableLatin1(c int64) bool {
	switch {
	case c >= ' ' && c <= '~', c >= 160 && c <= 255:
		return true
	}
	return isPrintableControl(c)
}

// IsPrintableUnicode is the per-character test of
// io_lib:printable_unicode_list/1.
func IsPrintableUnicode(c int64) bool {
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
