package beam

import (
	"math"
	"strconv"
	"strings"

	"github.com/beamrc/beamrc/runtime/erltext"
)

// Format prints a term in Erlang syntax exactly as io:format("~w") does:
// atoms quoted only when needed, lists of integers as lists (never as
// strings), binaries as byte lists (<<104,105>>), floats in Erlang's
// shortest round-trip form (1.0, 0.1, 1.0e10).
func Format(t Term) string {
	p := printer{}
	p.term(t)
	return p.b.String()
}

// FormatReadable is Format, except that binaries whose bytes are all
// printable Latin-1 print as strings (<<"hi">>), as ~p would. Listings use
// it.
func FormatReadable(t Term) string {
	p := printer{strings: true}
	p.term(t)
	return p.b.String()
}

type printer struct {
	b       strings.Builder
	strings bool // print printable binaries as <<"...">>
}

func (p *printer) term(t Term) {
	b := &p.b
	switch v := t.(type) {
	case Atom:
		b.WriteString(QuoteAtom(string(v)))
	case Int:
		b.WriteString(strconv.FormatInt(int64(v), 10))
	case BigInt:
		if v.Int == nil {
			b.WriteString("0")
		} else {
			b.WriteString(v.String())
		}
	case Float:
		b.WriteString(formatFloat(float64(v)))
	case Tuple:
		b.WriteByte('{')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			p.term(e)
		}
		b.WriteByte('}')
	case Nil:
		b.WriteString("[]")
	case *List:
		b.WriteByte('[')
		for i, e := range v.Elems {
			if i > 0 {
				b.WriteByte(',')
			}
			p.term(e)
		}
		if _, proper := v.Tail.(Nil); !proper && v.Tail != nil {
			b.WriteByte('|')
			p.term(v.Tail)
		}
		b.WriteByte(']')
	case Bitstring:
		p.bitstring(v)
	case *Map:
		b.WriteString("#{")
		for i := range v.Keys {
			if i > 0 {
				b.WriteByte(',')
			}
			p.term(v.Keys[i])
			b.WriteString(" => ")
			p.term(v.Values[i])
		}
		b.WriteByte('}')
	case ExportFun:
		b.WriteString("fun ")
		b.WriteString(QuoteAtom(string(v.Module)))
		b.WriteByte(':')
		b.WriteString(QuoteAtom(string(v.Function)))
		b.WriteByte('/')
		b.WriteString(strconv.Itoa(v.Arity))
	case *Fun:
		b.WriteString("#Fun<")
		b.WriteString(string(v.Module))
		b.WriteByte('.')
		p.term(v.OldIndex)
		b.WriteByte('.')
		p.term(v.OldUniq)
		b.WriteByte('>')
	case Pid:
		b.WriteString("<0." + strconv.FormatUint(uint64(v.ID), 10) + "." + strconv.FormatUint(uint64(v.Serial), 10) + ">")
	case Port:
		b.WriteString("#Port<0." + strconv.FormatUint(v.ID, 10) + ">")
	case Ref:
		b.WriteString("#Ref<0")
		for i := len(v.IDs) - 1; i >= 0; i-- {
			b.WriteString("." + strconv.FormatUint(uint64(v.IDs[i]), 10))
		}
		b.WriteByte('>')
	case nil:
		b.WriteString("<nil>")
	default:
		b.WriteString("<?>")
	}
}

// bitstring prints <<1,2,3>>, or <<"text">> in readable mode when every
// byte is printable Latin-1; a partial last byte prints as V:N.
func (p *printer) bitstring(v Bitstring) {
	b := &p.b
	b.WriteString("<<")
	whole := v.Bytes
	if !v.IsBinary() && len(whole) > 0 {
		whole = whole[:len(whole)-1]
	}
	if p.strings && len(whole) > 0 && printableLatin1(whole) {
		b.WriteByte('"')
		for _, c := range whole {
			erltext.WriteChar(b, rune(c), '"', erltext.Latin1)
		}
		b.WriteByte('"')
	} else {
		for i, c := range whole {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(int(c)))
		}
	}
	if !v.IsBinary() && len(v.Bytes) > 0 {
		if len(whole) > 0 {
			b.WriteByte(',')
		}
		last := v.Bytes[len(v.Bytes)-1] >> (8 - v.Bits)
		b.WriteString(strconv.Itoa(int(last)) + ":" + strconv.Itoa(int(v.Bits)))
	}
	b.WriteString(">>")
}

// printableLatin1 mirrors io_lib:printable_latin1_list/1.
func printableLatin1(bs []byte) bool {
	for _, c := range bs {
		if !erltext.IsPrintableLatin1(int64(c)) {
			return false
		}
	}
	return true
}

// QuoteAtom returns an atom as Erlang writes it: bare when it starts with
// a lowercase letter and continues with letters, digits, _ and @, and is
// not a reserved word; single-quoted with io_lib's escapes otherwise.
func QuoteAtom(s string) string { return erltext.QuoteAtom(s, erltext.Unicode) }

// formatFloat prints a float as Erlang's io_lib_format:fwrite_g/1: the
// shortest digit string that reads back exactly, placed either as a plain
// decimal or in exponent form, whichever is shorter (ties favour decimal).
func formatFloat(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return strconv.FormatFloat(f, 'g', -1, 64) // not an Erlang value
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	return sign + insertDecimal(x+1, digits)
}

// insertDecimal places the decimal point: value = 0.digits × 10^place.
func insertDecimal(place int, s string) string {
	l := len(s)
	if place == 0 {
		return "0." + s
	}
	if place > 0 && place < l {
		return s[:place] + "." + s[place:]
	}
	expL := strconv.Itoa(place - 1)
	expDot := 1
	if l == 1 {
		expDot = 2
	}
	expCost := len(expL) + 1 + expDot
	if place < 0 {
		if 2-place <= expCost {
			return "0." + strings.Repeat("0", -place) + s
		}
	} else if place-l+2 <= expCost {
		return s + strings.Repeat("0", place-l) + ".0"
	}
	if l == 1 {
		return s + ".0e" + expL
	}
	return s[:1] + "." + s[1:] + "e" + expL
}
