package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/term"
)

// The base64 module (OTP 26's API): encode/1,2, decode/1,2,
// encode_to_string/1,2, decode_to_string/1,2, mime_decode/1,2. Data is a
// binary or a list of bytes. The options map has mode (standard or
// urlsafe) and padding (on encoding: write the = padding; on decoding:
// insist on it); both default to #{mode => standard, padding => true}.
// Decoding skips whitespace (space, tab, CR, LF); mime_decode skips every
// character outside the alphabet. Bad input raises error({badarg, Char}),
// or error(missing_padding) for input that stops short of its padding.

func init() {
	for _, f := range []struct {
		name  string
		arity int
		fn    emu.BIF
	}{
		{"encode", 1, base64Encode(false)},
		{"encode", 2, base64Encode(false)},
		{"encode_to_string", 1, base64Encode(true)},
		{"encode_to_string", 2, base64Encode(true)},
		{"decode", 1, base64Decode(false, false)},
		{"decode", 2, base64Decode(false, false)},
		{"decode_to_string", 1, base64Decode(true, false)},
		{"decode_to_string", 2, base64Decode(true, false)},
		{"mime_decode", 1, base64Decode(false, true)},
		{"mime_decode", 2, base64Decode(false, true)},
		{"mime_decode_to_string", 1, base64Decode(true, true)},
		{"mime_decode_to_string", 2, base64Decode(true, true)},
	} {
		emu.Register("base64", f.name, f.arity, f.fn)
	}
}

const (
	base64Standard = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	base64URLSafe  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)

var (
	atomMode           = term.Intern("mode")
	atomPadding        = term.Intern("padding")
	atomURLSafe        = term.Intern("urlsafe")
	atomStandard       = term.Intern("standard")
	atomMissingPadding = term.Intern("missing_padding")
)

// base64Options reads the options map (args[1] if there is one).
func base64Options(args []term.Term) (alphabet string, padding, ok bool) {
	alphabet, padding = base64Standard, true
	if len(args) < 2 {
		return alphabet, padding, true
	}
	opts := args[1]
	if !opts.IsMap() {
		return "", false, false
	}
	if m, found := term.MapGet(opts, atomMode); found {
		switch m {
		case atomStandard:
		case atomURLSafe:
			alphabet = base64URLSafe
		default:
			return "", false, false
		}
	}
	if v, found := term.MapGet(opts, atomPadding); found {
		switch v {
		case term.True:
		case term.False:
			padding = false
		default:
			return "", false, false
		}
	}
	return alphabet, padding, true
}

// base64Data reads a binary or a list of bytes.
func base64Data(t term.Term) ([]byte, bool) {
	if t.IsBinary() {
		b, _ := t.BinaryBytes()
		return b, true
	}
	var out []byte
	for ; t.IsCons(); t = t.Tail() {
		c := t.Head()
		if !c.IsSmall() || c.SmallValue() < 0 || c.SmallValue() > 255 {
			return nil, false
		}
		out = append(out, byte(c.SmallValue()))
	}
	return out, t == term.Nil
}

func base64Result(p *emu.Process, b []byte, asList bool) term.Term {
	if !asList {
		return term.NewBinary(p.Heap, b)
	}
	elems := make([]term.Term, len(b))
	for i, c := range b {
		elems[i] = term.MakeSmall(int64(c))
	}
	return term.ListFrom(p.Heap, elems)
}

func base64Encode(asList bool) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		alphabet, padding, ok := base64Options(args)
		if !ok {
			return p.Badarg()
		}
		in, ok := base64Data(args[0])
		if !ok {
			return p.Badarg()
		}
		return base64Result(p, base64EncodeBytes(in, alphabet, padding), asList)
	}
}

func base64EncodeBytes(in []byte, alphabet string, padding bool) []byte {
	out := make([]byte, 0, (len(in)+2)/3*4)
	for len(in) >= 3 {
		v := uint(in[0])<<16 | uint(in[1])<<8 | uint(in[2])
		out = append(out, alphabet[v>>18], alphabet[v>>12&63], alphabet[v>>6&63], alphabet[v&63])
		in = in[3:]
	}
	switch len(in) {
	case 1:
		v := uint(in[0]) << 16
		out = append(out, alphabet[v>>18], alphabet[v>>12&63])
		if padding {
			out = append(out, '=', '=')
		}
	case 2:
		v := uint(in[0])<<16 | uint(in[1])<<8
		out = append(out, alphabet[v>>18], alphabet[v>>12&63], alphabet[v>>6&63])
		if padding {
			out = append(out, '=')
		}
	}
	return out
}

func base64Decode(asList, mime bool) emu.BIF {
	return func(p *emu.Process, args []term.Term) term.Term {
		alphabet, padding, ok := base64Options(args)
		if !ok {
			return p.Badarg()
		}
		in, ok := base64Data(args[0])
		if !ok {
			return p.Badarg()
		}
		out, reason := base64DecodeBytes(p.Heap, in, alphabet, padding, mime)
		if reason != term.NonValue {
			return p.Error(reason)
		}
		return base64Result(p, out, asList)
	}
}

// base64DecodeBytes decodes in, or returns the error reason.
func base64DecodeBytes(a term.Allocator, in []byte, alphabet string, padding, mime bool) ([]byte, term.Term) {
	var value [256]int8
	for i := range value {
		value[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		value[alphabet[i]] = int8(i)
	}
	bad := func(c byte) term.Term { return term.Tuple2(a, term.Badarg, term.MakeSmall(int64(c))) }
	out := make([]byte, 0, len(in)/4*3+3)
	var acc uint
	n := 0    // sextets in acc
	pads := 0 // = seen
	for _, c := range in {
		switch {
		case c == '=':
			if n < 2 || n+pads >= 4 {
				if mime {
					continue
				}
				return nil, bad(c)
			}
			pads++
		case value[c] >= 0 && pads == 0:
			acc = acc<<6 | uint(value[c])
			n++
			if n == 4 {
				out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
				acc, n = 0, 0
			}
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || mime:
		default:
			return nil, bad(c)
		}
	}
	if n+pads == 4 || (n == 0 && pads == 0) {
		// complete, or complete with its padding
	} else if padding && !mime {
		return nil, atomMissingPadding
	} else if n == 1 {
		return nil, atomMissingPadding
	}
	switch n {
	case 2:
		out = append(out, byte(acc>>4))
	case 3:
		out = append(out, byte(acc>>10), byte(acc>>2))
	}
	return out, term.NonValue
}
