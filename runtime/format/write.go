package format

import (
	"strconv"
	"strings"

	"github.com/beamrc/beamrc/runtime/term"
)

// Write returns t as io_lib:write/1 and ~w print it.
func Write(t term.Term) string { return WriteDepth(t, -1, Latin1) }

// WriteDepth is io_lib:write/2 and ~W: depth limits how deep the output
// goes (-1 for no limit); elided parts print as "...". enc is Unicode for
// ~tw.
func WriteDepth(t term.Term, depth int, enc Encoding) string {
	var b strings.Builder
	w := writer{b: &b, enc: enc}
	w.term(t, depth)
	return b.String()
}

type writer struct {
	b   *strings.Builder
	enc Encoding
}

// term is io_lib:write1/3. The depth counts down by one per element of a
// list or tuple, so later elements get less of it, exactly as in OTP.
func (w writer) term(t term.Term, d int) {
	b := w.b
	if d == 0 {
		b.WriteString("...")
		return
	}
	switch {
	case t.IsSmall() || t.IsBig():
		b.WriteString(Integer(t, 10))
	case t.IsFloat():
		b.WriteString(FloatShort(t.FloatValue()))
	case t.IsAtom():
		writeAtom(b, t, w.enc)
	case t.IsBitstring():
		writeBinary(b, t, d)
	case t == term.Nil:
		b.WriteString("[]")
	case t.IsCons():
		if d == 1 {
			b.WriteString("[...]")
			return
		}
		b.WriteByte('[')
		w.term(t.Head(), d-1)
		w.tail(t.Tail(), d-1)
		b.WriteByte(']')
	case t.IsTuple():
		w.tuple(t, d)
	case t.IsMap():
		w.mapTerm(t, d)
	default:
		b.WriteString(AtomicText(t))
	}
}

func (w writer) tail(t term.Term, d int) {
	for {
		switch {
		case t == term.Nil:
			return
		case d == 1:
			w.b.WriteString("|...")
			return
		case t.IsCons():
			w.b.WriteByte(',')
			w.term(t.Head(), d-1)
			t, d = t.Tail(), d-1
		default:
			w.b.WriteByte('|')
			w.term(t, d-1)
			return
		}
	}
}

func (w writer) tuple(t term.Term, d int) {
	n := t.TupleArity()
	if n == 0 {
		w.b.WriteString("{}")
		return
	}
	if d == 1 {
		w.b.WriteString("{...}")
		return
	}
	w.b.WriteByte('{')
	d--
	w.term(t.Element(1), d)
	for i := 2; i <= n; i++ {
		if d == 1 {
			w.b.WriteString(",...")
			break
		}
		w.b.WriteByte(',')
		d--
		w.term(t.Element(i), d)
	}
	w.b.WriteByte('}')
}

// mapTerm is io_lib:write_map/3. Keys and values all get depth d-1; the
// depth only limits how many pairs are shown.
func (w writer) mapTerm(t term.Term, d int) {
	keys, vals := iteratorPairs(t)
	if d == 1 || len(keys) == 0 {
		w.b.WriteString("#{}")
		return
	}
	d0 := d - 1
	w.b.WriteString("#{")
	w.pair(keys[0], vals[0], d0)
	// As in OTP, the depth check comes before the check for more pairs,
	// so a map that just fits still ends in ",...".
	dd := d0
	for i := 1; ; i++ {
		if dd == 1 {
			w.b.WriteString(",...")
			break
		}
		if i == len(keys) {
			break
		}
		w.b.WriteByte(',')
		w.pair(keys[i], vals[i], d0)
		dd--
	}
	w.b.WriteByte('}')
}

// iteratorPairs returns a map's pairs in the order of maps:iterator/1,
// which io_lib uses (for large maps it is the reverse of maps:to_list/1).
func iteratorPairs(t term.Term) (keys, vals []term.Term) {
	term.MapIterate(t, func(k, v term.Term) bool {
		keys = append(keys, k)
		vals = append(vals, v)
		return true
	})
	return keys, vals
}

func (w writer) pair(k, v term.Term, d int) {
	w.term(k, d)
	w.b.WriteString(" => ")
	w.term(v, d)
}

// writeBinary is io_lib:write_binary/2: bytes as integers, a trailing
// partial byte as Value:Bits, and "..." once the depth runs out.
func writeBinary(b *strings.Builder, t term.Term, d int) {
	b.WriteString("<<")
	writeBinaryBody(b, t.BitstringBits(), d)
	b.WriteString(">>")
}

func writeBinaryBody(b *strings.Builder, bits term.Bits, d int) {
	pos, end := bits.Offset, bits.Offset+bits.Size
	for pos < end {
		if d == 1 {
			b.WriteString("...")
			return
		}
		if end-pos < 8 {
			n := end - pos
			b.WriteString(strconv.FormatUint(readBits(bits.Data, pos, n), 10))
			b.WriteByte(':')
			b.WriteString(strconv.FormatUint(uint64(n), 10))
			return
		}
		b.WriteString(strconv.FormatUint(readBits(bits.Data, pos, 8), 10))
		pos += 8
		if pos < end {
			b.WriteByte(',')
		}
		d--
	}
}

// readBits reads n <= 64 bits at bit offset off, most significant first.
func readBits(data []byte, off, n uint) uint64 {
	var v uint64
	for i := uint(0); i < n; i++ {
		p := off + i
		v = v<<1 | uint64(data[p/8]>>(7-p%8)&1)
	}
	return v
}

// bitstringBytes returns the whole bytes of a bitstring, copied.
func bitstringBytes(bits term.Bits) []byte {
	n := bits.Size / 8
	out := make([]byte, n)
	for i := uint(0); i < n; i++ {
		out[i] = byte(readBits(bits.Data, bits.Offset+8*i, 8))
	}
	return out
}

// bytesAsChars turns each byte into the character of that code, as the
// emulator's list-making BIFs (fun_to_list/1 and friends) do with the
// UTF-8 bytes of atom names.
func bytesAsChars(bs []byte) string {
	rs := make([]rune, len(bs))
	for i, c := range bs {
		rs[i] = rune(c)
	}
	return string(rs)
}

// AtomicText prints pids, ports, references and funs as the BIFs
// pid_to_list/1, port_to_list/1, ref_to_list/1 and fun_to_list/1 do (and
// as those BIFs of runtime/bif print them).
func AtomicText(t term.Term) string {
	switch {
	case t.IsPid():
		return "<0." + strconv.FormatUint(t.PidID(), 10) + ".0>"
	case t.IsPort():
		return "#Port<0." + strconv.FormatUint(t.PortID(), 10) + ">"
	case t.IsRef():
		// beamrc references carry one id; OTP prints three words after
		// the node number.
		return "#Ref<0.0.0." + strconv.FormatUint(t.RefID(), 10) + ">"
	case t.IsClosure():
		info := t.FunInfo()
		if info == nil {
			return "#Fun<>"
		}
		return "#Fun<" + bytesAsChars([]byte(term.AtomName(info.Module))) + "." + strconv.Itoa(info.Index) + "." +
			strconv.FormatUint(uint64(info.Uniq), 10) + ">"
	case t.IsExport():
		m, f, a := t.ExportMFA()
		return "fun " + bytesAsChars(displayAtom(term.AtomName(m))) + ":" +
			bytesAsChars(displayAtom(term.AtomName(f))) + "/" + strconv.Itoa(a)
	}
	return "<unknown>"
}
