package bif

import (
	"math/big"
	"strconv"
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/beam"
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/format"
	"github.com/beamrc/beamrc/runtime/term"
)

// OTP 27's json module: decode/1 and the encoder building blocks that
// gleam_json calls (encode_binary/1, encode_binary_escape_all/1,
// encode_integer/1, encode_float/1). Written from the module's
// documentation and its observable behaviour:
//
//   - decode/1 gives maps with binary keys (the first of duplicate keys
//     wins, as maps:from_list/1 over the reversed pairs does), lists,
//     binaries, integers (a number without fraction or exponent, "-0" is
//     0), floats, true, false and null;
//   - errors are error(unexpected_end) for input that ends inside a value,
//     error({invalid_byte, Byte}) for a byte that cannot come next
//     (including the byte that makes a UTF-8 sequence invalid) and
//     error({unexpected_sequence, Bytes}) for a bad \u escape or a number
//     out of float range;
//   - an integer with an exponent is read as Int ".0e" Exp (so 1e999
//     fails with {unexpected_sequence, <<"1.0e999">>}); OTP takes the
//     integer part of "-0e1" as "0";
//   - a literal cut short ("tru") is unexpected_end when the input ends
//     within the literal's length, else invalid_byte of the byte after
//     its first letter;
//   - encode_binary escapes ", \ and control characters (\b \t \n \f \r
//     short, others \u00XX with upper-case hex) and keeps the rest of the
//     UTF-8 as is; encode_binary_escape_all also escapes every non-ASCII
//     character (as UTF-16 surrogate pairs beyond the BMP). Both reject
//     invalid UTF-8 like the decoder.

func init() {
	emu.Register("json", "decode", 1, jsonDecode)
	emu.Register("json", "encode_binary", 1, jsonEncodeBinary(false))
	emu.Register("json", "encode_binary_escape_all", 1, jsonEncodeBinary(true))
	emu.Register("json", "encode_integer", 1, jsonEncodeInteger)
	emu.Register("json", "encode_float", 1, jsonEncodeFloat)
}

var (
	atomNull               = term.Intern("null")
	atomUnexpectedEnd      = term.Intern("unexpected_end")
	atomInvalidByte        = term.Intern("invalid_byte")
	atomUnexpectedSequence = term.Intern("unexpected_sequence")
)

// jsonError is a decoding or encoding failure: unexpected_end when
// invalidByte and sequence are unset.
type jsonError struct {
	invalid  bool
	byte     byte
	sequence []byte
}

func (e *jsonError) reason(a term.Allocator) term.Term {
	switch {
	case e.sequence != nil:
		return term.Tuple2(a, atomUnexpectedSequence, term.NewBinary(a, e.sequence))
	case e.invalid:
		return term.Tuple2(a, atomInvalidByte, term.MakeSmall(int64(e.byte)))
	}
	return atomUnexpectedEnd
}

var errJSONEnd = &jsonError{}

func jsonInvalid(b byte) *jsonError { return &jsonError{invalid: true, byte: b} }

func jsonDecode(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsBinary() {
		return p.Error(term.FunctionClause)
	}
	in, _ := args[0].BinaryBytes()
	d := jsonDecoder{a: p.Heap, in: in}
	v, err := d.decode()
	if err != nil {
		return p.Error(err.reason(p.Heap))
	}
	return v
}

// jsonDecoder reads one JSON value. It keeps its own stack of open arrays
// and objects, so deep nesting costs heap, not Go stack.
type jsonDecoder struct {
	a   term.Allocator
	in  []byte
	pos int
	buf []byte // a string's bytes, reused
}

// jsonFrame is an array or object being read.
type jsonFrame struct {
	object bool
	elems  []term.Term // array elements, or object values
	keys   []term.Term
	key    term.Term // the key whose value is being read
}

func (d *jsonDecoder) skipWS() {
	for d.pos < len(d.in) {
		switch d.in[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *jsonDecoder) decode() (term.Term, *jsonError) {
	var stack []*jsonFrame
	for {
		// A value starts here.
		d.skipWS()
		if d.pos >= len(d.in) {
			return 0, errJSONEnd
		}
		var v term.Term
		var err *jsonError
		switch d.in[d.pos] {
		case '[':
			d.pos++
			d.skipWS()
			if d.pos >= len(d.in) {
				return 0, errJSONEnd
			}
			if d.in[d.pos] != ']' {
				stack = append(stack, &jsonFrame{})
				continue
			}
			d.pos++
			v = term.Nil
		case '{':
			d.pos++
			d.skipWS()
			if d.pos >= len(d.in) {
				return 0, errJSONEnd
			}
			switch d.in[d.pos] {
			case '}':
				d.pos++
				v = term.NewEmptyMap(d.a)
			case '"':
				f := &jsonFrame{object: true}
				if f.key, err = d.keyAndColon(); err != nil {
					return 0, err
				}
				stack = append(stack, f)
				continue
			default:
				return 0, jsonInvalid(d.in[d.pos])
			}
		default:
			if v, err = d.scalar(); err != nil {
				return 0, err
			}
		}
		// v is complete: it goes into the open array or object, which may
		// complete in turn.
	complete:
		for {
			if len(stack) == 0 {
				d.skipWS()
				if d.pos < len(d.in) {
					return 0, jsonInvalid(d.in[d.pos])
				}
				return v, nil
			}
			f := stack[len(stack)-1]
			f.elems = append(f.elems, v)
			if f.object {
				f.keys = append(f.keys, f.key)
			}
			d.skipWS()
			if d.pos >= len(d.in) {
				return 0, errJSONEnd
			}
			c := d.in[d.pos]
			switch {
			case c == ',':
				d.pos++
				if !f.object {
					break complete
				}
				d.skipWS()
				if d.pos >= len(d.in) {
					return 0, errJSONEnd
				}
				if d.in[d.pos] != '"' {
					return 0, jsonInvalid(d.in[d.pos])
				}
				if f.key, err = d.keyAndColon(); err != nil {
					return 0, err
				}
				break complete
			case c == ']' && !f.object:
				d.pos++
				v = term.ListFrom(d.a, f.elems)
			case c == '}' && f.object:
				d.pos++
				v = d.object(f)
			default:
				return 0, jsonInvalid(c)
			}
			stack = stack[:len(stack)-1]
		}
	}
}

// object builds an object's map; the first of duplicate keys wins.
func (d *jsonDecoder) object(f *jsonFrame) term.Term {
	n := len(f.keys)
	keys, vals := make([]term.Term, n), make([]term.Term, n)
	for i := range n {
		keys[i], vals[i] = f.keys[n-1-i], f.elems[n-1-i]
	}
	return term.MapFromPairs(d.a, keys, vals)
}

// keyAndColon reads an object key (d.pos is at its quote) and the colon
// after it.
func (d *jsonDecoder) keyAndColon() (term.Term, *jsonError) {
	key, err := d.str()
	if err != nil {
		return 0, err
	}
	d.skipWS()
	if d.pos >= len(d.in) {
		return 0, errJSONEnd
	}
	if d.in[d.pos] != ':' {
		return 0, jsonInvalid(d.in[d.pos])
	}
	d.pos++
	return key, nil
}

// scalar reads a string, number or literal at d.pos.
func (d *jsonDecoder) scalar() (term.Term, *jsonError) {
	switch c := d.in[d.pos]; {
	case c == '"':
		return d.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	case c == 't':
		return d.literal("true", term.True)
	case c == 'f':
		return d.literal("false", term.False)
	case c == 'n':
		return d.literal("null", atomNull)
	default:
		return 0, jsonInvalid(c)
	}
}

func (d *jsonDecoder) literal(word string, v term.Term) (term.Term, *jsonError) {
	if d.pos+len(word) <= len(d.in) && string(d.in[d.pos:d.pos+len(word)]) == word {
		d.pos += len(word)
		return v, nil
	}
	if len(d.in) <= d.pos+len(word) {
		return 0, errJSONEnd
	}
	return 0, jsonInvalid(d.in[d.pos+1])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digits advances over decimal digits and reports whether there was one.
func (d *jsonDecoder) digits() bool {
	start := d.pos
	for d.pos < len(d.in) && isDigit(d.in[d.pos]) {
		d.pos++
	}
	return d.pos > start
}

// need fails unless a byte satisfying ok is at d.pos.
func (d *jsonDecoder) need(ok func(byte) bool) *jsonError {
	if d.pos >= len(d.in) {
		return errJSONEnd
	}
	if !ok(d.in[d.pos]) {
		return jsonInvalid(d.in[d.pos])
	}
	return nil
}

func (d *jsonDecoder) number() (term.Term, *jsonError) {
	start := d.pos
	if d.in[d.pos] == '-' {
		d.pos++
		if err := d.need(isDigit); err != nil {
			return 0, err
		}
	}
	intPart := string(d.in[start:d.pos]) // "" or "-"
	if d.in[d.pos] == '0' {
		d.pos++
		intPart = "0" // OTP's prefix for an exponent after 0 or -0
	} else {
		d.digits()
		intPart = string(d.in[start:d.pos])
	}
	intEnd := d.pos
	isExp := func(c byte) bool { return c == 'e' || c == 'E' }
	switch {
	case d.pos < len(d.in) && d.in[d.pos] == '.':
		d.pos++
		if err := d.need(isDigit); err != nil {
			return 0, err
		}
		d.digits()
		if d.pos < len(d.in) && isExp(d.in[d.pos]) {
			d.pos++
			if err := d.exponent(); err != nil {
				return 0, err
			}
		}
		return d.float(d.in[start:d.pos])
	case d.pos < len(d.in) && isExp(d.in[d.pos]):
		d.pos++
		expStart := d.pos
		if err := d.exponent(); err != nil {
			return 0, err
		}
		return d.float([]byte(intPart + ".0e" + string(d.in[expStart:d.pos])))
	}
	return jsonInteger(d.a, string(d.in[start:intEnd])), nil
}

// exponent reads [+-] digits.
func (d *jsonDecoder) exponent() *jsonError {
	if d.pos < len(d.in) && (d.in[d.pos] == '+' || d.in[d.pos] == '-') {
		d.pos++
	}
	if err := d.need(isDigit); err != nil {
		return err
	}
	d.digits()
	return nil
}

func (d *jsonDecoder) float(token []byte) (term.Term, *jsonError) {
	f, ok := beam.ParseFloatText(string(token))
	if !ok {
		return 0, &jsonError{sequence: token}
	}
	return term.NewFloat(d.a, f), nil
}

// jsonInteger makes the integer of decimal text s (an optional minus and
// digits).
func jsonInteger(a term.Allocator, s string) term.Term {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return term.MakeInt(a, n)
	}
	z, _ := new(big.Int).SetString(s, 10)
	if z == nil {
		return term.MakeSmall(0) // cannot happen: s was scanned as digits
	}
	return term.MakeBigInt(a, z)
}

// str reads a string; d.pos is at its opening quote.
func (d *jsonDecoder) str() (term.Term, *jsonError) {
	d.pos++
	d.buf = d.buf[:0]
	for {
		if d.pos >= len(d.in) {
			return 0, errJSONEnd
		}
		c := d.in[d.pos]
		switch {
		case c == '"':
			d.pos++
			return term.NewBinary(d.a, d.buf), nil
		case c == '\\':
			if err := d.escape(); err != nil {
				return 0, err
			}
		case c < 0x20:
			return 0, jsonInvalid(c)
		case c < 0x80:
			d.buf = append(d.buf, c)
			d.pos++
		default:
			n, err := utf8Sequence(d.in[d.pos:])
			if err != nil {
				return 0, err
			}
			d.buf = append(d.buf, d.in[d.pos:d.pos+n]...)
			d.pos += n
		}
	}
}

// escape reads a backslash escape at d.pos into d.buf.
func (d *jsonDecoder) escape() *jsonError {
	bs := d.pos
	if bs+1 >= len(d.in) {
		return errJSONEnd
	}
	var c byte
	switch e := d.in[bs+1]; e {
	case 'b':
		c = '\b'
	case 'f':
		c = '\f'
	case 'n':
		c = '\n'
	case 'r':
		c = '\r'
	case 't':
		c = '\t'
	case '"', '\\', '/':
		c = e
	case 'u':
		return d.unicodeEscape()
	default:
		return jsonInvalid(e)
	}
	d.buf = append(d.buf, c)
	d.pos = bs + 2
	return nil
}

// unicodeEscape reads \uXXXX, or a surrogate pair \uD8XX\uDCXX.
func (d *jsonDecoder) unicodeEscape() *jsonError {
	bs := d.pos
	if bs+6 > len(d.in) {
		return errJSONEnd
	}
	cp, ok := hex4(d.in[bs+2 : bs+6])
	if !ok {
		return &jsonError{sequence: d.in[bs : bs+6]}
	}
	switch {
	case cp >= 0xD800 && cp <= 0xDBFF:
		if bs+12 > len(d.in) {
			return errJSONEnd
		}
		if d.in[bs+6] != '\\' || d.in[bs+7] != 'u' {
			return jsonInvalid(d.in[bs+6])
		}
		lo, ok := hex4(d.in[bs+8 : bs+12])
		if !ok || lo < 0xDC00 || lo > 0xDFFF {
			return &jsonError{sequence: d.in[bs : bs+12]}
		}
		d.buf = utf8.AppendRune(d.buf, rune(0x10000+(cp&0x3FF)<<10+(lo&0x3FF)))
		d.pos = bs + 12
	case cp >= 0xDC00 && cp <= 0xDFFF:
		return &jsonError{sequence: d.in[bs : bs+6]}
	default:
		d.buf = utf8.AppendRune(d.buf, rune(cp))
		d.pos = bs + 6
	}
	return nil
}

func hex4(b []byte) (int, bool) {
	v := 0
	for _, c := range b {
		var x byte
		switch {
		case c >= '0' && c <= '9':
			x = c - '0'
		case c >= 'a' && c <= 'f':
			x = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			x = c - 'A' + 10
		default:
			return 0, false
		}
		v = v<<4 | int(x)
	}
	return v, true
}

// utf8Sequence checks the multi-byte UTF-8 sequence at the start of b
// and returns its length. The error names the first byte that cannot
// belong to a well-formed sequence (Unicode's table 3-7), or is
// unexpected_end when b ends inside the sequence.
func utf8Sequence(b []byte) (int, *jsonError) {
	c := b[0]
	var n int
	lo, hi := byte(0x80), byte(0xBF) // range of the second byte
	switch {
	case c >= 0xC2 && c <= 0xDF:
		n = 2
	case c == 0xE0:
		n, lo = 3, 0xA0
	case c == 0xED:
		n, hi = 3, 0x9F
	case c >= 0xE1 && c <= 0xEF:
		n = 3
	case c == 0xF0:
		n, lo = 4, 0x90
	case c == 0xF4:
		n, hi = 4, 0x8F
	case c >= 0xF1 && c <= 0xF3:
		n = 4
	default:
		return 0, jsonInvalid(c)
	}
	for i := 1; i < n; i++ {
		if i >= len(b) {
			return 0, errJSONEnd
		}
		if b[i] < lo || b[i] > hi {
			return 0, jsonInvalid(b[i])
		}
		lo, hi = 0x80, 0xBF
	}
	return n, nil
}

func jsonEncodeBinary(all bool) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		if !args[0].IsBinary() {
			return p.Error(term.FunctionClause)
		}
		in, _ := args[0].BinaryBytes()
		out, err := jsonEscape(in, all)
		if err != nil {
			return p.Error(err.reason(p.Heap))
		}
		quote := term.MakeSmall('"')
		return term.ListFrom(p.Heap, []term.Term{quote, term.NewBinary(p.Heap, out), quote})
	}
}

const upperHex = "0123456789ABCDEF"

// jsonEscape returns the inside of the JSON string for in.
func jsonEscape(in []byte, all bool) ([]byte, *jsonError) {
	out := make([]byte, 0, len(in)+2)
	u := func(v int) {
		out = append(out, '\\', 'u', upperHex[v>>12&15], upperHex[v>>8&15], upperHex[v>>4&15], upperHex[v&15])
	}
	for i := 0; i < len(in); {
		c := in[i]
		switch {
		case c == '"' || c == '\\':
			out = append(out, '\\', c)
		case c == '\b':
			out = append(out, '\\', 'b')
		case c == '\t':
			out = append(out, '\\', 't')
		case c == '\n':
			out = append(out, '\\', 'n')
		case c == '\f':
			out = append(out, '\\', 'f')
		case c == '\r':
			out = append(out, '\\', 'r')
		case c < 0x20:
			u(int(c))
		case c < 0x80:
			out = append(out, c)
		default:
			n, err := utf8Sequence(in[i:])
			if err != nil {
				if all {
					// escape_all decodes whole characters and reports
					// the first byte of a bad one.
					return nil, jsonInvalid(c)
				}
				return nil, err
			}
			if !all {
				out = append(out, in[i:i+n]...)
				i += n
				continue
			}
			r, _ := utf8.DecodeRune(in[i : i+n])
			if r < 0x10000 {
				u(int(r))
			} else {
				r -= 0x10000
				u(0xD800 | int(r>>10))
				u(0xDC00 | int(r&0x3FF))
			}
			i += n
			continue
		}
		i++
	}
	return out, nil
}

func jsonEncodeInteger(p *emu.Process, args []term.Term) term.Term {
	t := args[0]
	switch {
	case t.IsSmall():
		return term.NewBinary(p.Heap, strconv.AppendInt(nil, t.SmallValue(), 10))
	case t.IsBig():
		return term.NewBinary(p.Heap, []byte(t.BigInt().String()))
	}
	return p.Badarg()
}

func jsonEncodeFloat(p *emu.Process, args []term.Term) term.Term {
	if !args[0].IsFloat() {
		return p.Badarg()
	}
	return term.NewBinary(p.Heap, []byte(format.FloatShort(args[0].FloatValue())))
}
