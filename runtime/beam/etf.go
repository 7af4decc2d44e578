package beam

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"math"
	"math/big"
	"unicode/utf8"
)

// External term format tags (erts/emulator/beam/external.h).
const (
	etfVersion        = 131
	etfCompressed     = 80
	etfNewFloat       = 70
	etfBitBinary      = 77
	etfAtomCacheRef   = 82
	etfNewPid         = 88
	etfNewPort        = 89
	etfNewerReference = 90
	etfSmallInteger   = 97
	etfInteger        = 98
	etfFloat          = 99
	etfAtom           = 100
	etfReference      = 101
	etfPort           = 102
	etfPid            = 103
	etfSmallTuple     = 104
	etfLargeTuple     = 105
	etfNil            = 106
	etfString         = 107
	etfList           = 108
	etfBinary         = 109
	etfSmallBig       = 110
	etfLargeBig       = 111
	etfNewFun         = 112
	etfExport         = 113
	etfNewReference   = 114
	etfSmallAtom      = 115
	etfMap            = 116
	etfAtomUTF8       = 118
	etfSmallAtomUTF8  = 119
	etfV4Port         = 120
	etfLocal          = 121
)

// maxTermDepth bounds nesting so hostile input cannot exhaust the stack.
// List tails are decoded iteratively, so long lists do not count.
const maxTermDepth = 10000

// TermError is a problem in external-term-format data; Offset counts from
// the first byte given to the decoder.
type TermError struct {
	Offset int
	Err    error
}

func (e *TermError) Error() string {
	return "term at byte " + itoa(int64(e.Offset)) + ": " + e.Err.Error()
}

func (e *TermError) Unwrap() error { return e.Err }

// DecodeTerm decodes a complete external-format term (starting with the
// version byte 131), as binary_to_term/1 does. Trailing bytes are an error.
func DecodeTerm(data []byte) (Term, error) {
	t, n, err := DecodeTermPrefix(data)
	if err == nil && n != len(data) {
		err = &TermError{Offset: n, Err: errors.New("trailing data after term")}
	}
	return t, err
}

// DecodeTermPrefix decodes one external-format term from the start of data
// and returns the number of bytes it used.
func DecodeTermPrefix(data []byte) (Term, int, error) {
	d := termDecoder{r: reader{data: data}}
	t, err := d.top()
	if err != nil {
		var te *TermError
		if !errors.As(err, &te) {
			err = &TermError{Offset: d.r.pos, Err: err}
		}
		return nil, d.r.pos, err
	}
	return t, d.r.pos, nil
}

type termDecoder struct {
	r     reader
	depth int
}

func (d *termDecoder) top() (Term, error) {
	v, err := d.r.u8()
	if err != nil {
		return nil, err
	}
	if v != etfVersion {
		return nil, errors.New("bad version byte " + itoa(int64(v)) + " (want 131)")
	}
	if len(d.r.data) > 1 && d.r.data[1] == etfCompressed {
		return d.compressed()
	}
	return d.term()
}

// compressed handles 131 80 <u32 size> <zlib data>: the inner data is the
// term without its version byte.
func (d *termDecoder) compressed() (Term, error) {
	d.r.pos++ // the 80
	size, err := d.r.u32()
	if err != nil {
		return nil, err
	}
	zstart := d.r.pos
	zr, err := zlib.NewReader(bytes.NewReader(d.r.data[d.r.pos:]))
	if err != nil {
		return nil, errors.New("zlib: " + err.Error())
	}
	// Never trust the size field for allocation: read at most size+1 bytes
	// and let the buffer grow with what zlib actually produces.
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, io.LimitReader(zr, int64(size)+1)); err != nil {
		return nil, errors.New("zlib: " + err.Error())
	}
	if uint64(buf.Len()) != uint64(size) {
		return nil, errors.New("compressed term: size field says " + itoa(int64(size)) + " but data inflates to " + itoa(int64(buf.Len())))
	}
	inner := termDecoder{r: reader{data: buf.Bytes()}}
	t, err := inner.term()
	if err != nil {
		return nil, &TermError{Offset: zstart, Err: errors.New("in compressed data at byte " + itoa(int64(inner.r.pos)) + ": " + err.Error())}
	}
	if !inner.r.eof() {
		return nil, errors.New("trailing data in compressed term")
	}
	// The compressed stream is consumed to its end.
	d.r.pos = len(d.r.data)
	return t, nil
}

func (d *termDecoder) term() (Term, error) {
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > maxTermDepth {
		return nil, errors.New("term nested too deeply")
	}
	start := d.r.pos
	tag, err := d.r.u8()
	if err != nil {
		return nil, err
	}
	t, err := d.tagged(tag)
	if err != nil {
		var te *TermError
		if !errors.As(err, &te) {
			err = &TermError{Offset: start, Err: err}
		}
	}
	return t, err
}

func (d *termDecoder) tagged(tag byte) (Term, error) {
	r := &d.r
	switch tag {
	case etfSmallInteger:
		b, err := r.u8()
		return Int(b), err
	case etfInteger:
		v, err := r.u32()
		return Int(int32(v)), err
	case etfSmallBig:
		n, err := r.u8()
		if err != nil {
			return nil, err
		}
		return d.bignum(int(n))
	case etfLargeBig:
		n, err := r.count(1)
		if err != nil {
			return nil, err
		}
		return d.bignum(n)
	case etfNewFloat:
		u, err := r.u64()
		if err != nil {
			return nil, err
		}
		// OTP 25 refuses an infinity or a NaN here (binary_to_term is
		// badarg), as it does in FLOAT_EXT: no Erlang term is one.
		f := math.Float64frombits(u)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, errors.New("NEW_FLOAT_EXT is not a finite float")
		}
		return Float(f), nil
	case etfFloat:
		return d.oldFloat()
	case etfAtom, etfSmallAtom, etfAtomUTF8, etfSmallAtomUTF8:
		a, err := d.atomBody(tag)
		return a, err
	case etfSmallTuple:
		n, err := r.u8()
		if err != nil {
			return nil, err
		}
		return d.tuple(int(n))
	case etfLargeTuple:
		n, err := r.count(1)
		if err != nil {
			return nil, err
		}
		return d.tuple(n)
	case etfNil:
		return Nil{}, nil
	case etfString, etfList:
		return d.list(tag)
	case etfBinary:
		n, err := r.count(1)
		if err != nil {
			return nil, err
		}
		b, err := r.bytes(n)
		return Bitstring{Bytes: b, Bits: 8}, err
	case etfBitBinary:
		return d.bitBinary()
	case etfMap:
		return d.mapBody()
	case etfExport:
		return d.export()
	case etfNewFun:
		return d.newFun()
	case etfPid, etfNewPid:
		return d.pid(tag)
	case etfPort, etfNewPort, etfV4Port:
		return d.port(tag)
	case etfReference:
		node, err := d.atom()
		if err != nil {
			return nil, err
		}
		id, err := r.u32()
		if err != nil {
			return nil, err
		}
		cr, err := r.u8()
		return Ref{Node: node, Creation: uint32(cr), IDs: []uint32{id}}, err
	case etfNewReference, etfNewerReference:
		return d.newRef(tag)
	case etfAtomCacheRef:
		return nil, errors.New("ATOM_CACHE_REF is only valid in distribution messages")
	case etfLocal:
		return nil, errors.New("LOCAL_EXT is not supported")
	case etfCompressed:
		return nil, errors.New("compressed term not at top level")
	}
	return nil, errors.New("unknown term tag " + itoa(int64(tag)))
}

func (d *termDecoder) bignum(n int) (Term, error) {
	sign, err := d.r.u8()
	if err != nil {
		return nil, err
	}
	digits, err := d.r.bytes(n)
	if err != nil {
		return nil, err
	}
	if sign > 1 {
		return nil, errors.New("bad bignum sign byte")
	}
	// Little-endian magnitude; reverse into a big-endian copy.
	be := make([]byte, n)
	for i, c := range digits {
		be[n-1-i] = c
	}
	v := new(big.Int).SetBytes(be)
	if sign == 1 {
		v.Neg(v)
	}
	if v.IsInt64() {
		return Int(v.Int64()), nil
	}
	return BigInt{v}, nil
}

// oldFloat reads FLOAT_EXT: 31 bytes of "%.20e" text, NUL-padded.
func (d *termDecoder) oldFloat() (Term, error) {
	b, err := d.r.bytes(31)
	if err != nil {
		return nil, err
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	f, ok := ParseFloatText(string(b))
	if !ok {
		return nil, errors.New("bad FLOAT_EXT text")
	}
	return Float(f), nil
}

// atom reads a term that must be an atom.
func (d *termDecoder) atom() (Atom, error) {
	tag, err := d.r.u8()
	if err != nil {
		return "", err
	}
	switch tag {
	case etfAtom, etfSmallAtom, etfAtomUTF8, etfSmallAtomUTF8:
		return d.atomBody(tag)
	case etfAtomCacheRef:
		return "", errors.New("ATOM_CACHE_REF is only valid in distribution messages")
	}
	return "", errors.New("expected an atom, found tag " + itoa(int64(tag)))
}

func (d *termDecoder) atomBody(tag byte) (Atom, error) {
	var n int
	if tag == etfSmallAtom || tag == etfSmallAtomUTF8 {
		b, err := d.r.u8()
		if err != nil {
			return "", err
		}
		n = int(b)
	} else {
		v, err := d.r.u16()
		if err != nil {
			return "", err
		}
		n = int(v)
	}
	b, err := d.r.bytes(n)
	if err != nil {
		return "", err
	}
	if tag == etfAtom || tag == etfSmallAtom {
		return Atom(latin1ToUTF8(b)), nil
	}
	if !utf8.Valid(b) {
		return "", errors.New("atom is not valid UTF-8")
	}
	return Atom(b), nil
}

func latin1ToUTF8(b []byte) string {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

func (d *termDecoder) tuple(n int) (Term, error) {
	if n > d.r.remaining() {
		return nil, errors.New("tuple arity exceeds remaining data")
	}
	t := make(Tuple, n)
	for i := range t {
		var err error
		if t[i], err = d.term(); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// list decodes STRING_EXT and LIST_EXT. A tail that is itself a list is
// merged into the same List value ([a|[b]] is [a,b]), which also keeps
// long chains of improper-looking encodings from recursing.
func (d *termDecoder) list(tag byte) (Term, error) {
	l := &List{}
	for {
		if tag == etfString {
			n, err := d.r.u16()
			if err != nil {
				return nil, err
			}
			b, err := d.r.bytes(int(n))
			if err != nil {
				return nil, err
			}
			for _, c := range b {
				l.Elems = append(l.Elems, Int(c))
			}
			l.Tail = Nil{}
		} else {
			n, err := d.r.count(1)
			if err != nil {
				return nil, err
			}
			if l.Elems == nil {
				l.Elems = make([]Term, 0, n)
			}
			for i := 0; i < n; i++ {
				e, err := d.term()
				if err != nil {
					return nil, err
				}
				l.Elems = append(l.Elems, e)
			}
			// The tail: continue the loop for list encodings.
			if d.r.eof() {
				return nil, ErrTruncated
			}
			next := d.r.data[d.r.pos]
			if next == etfList || next == etfString {
				d.r.pos++
				tag = next
				continue
			}
			tail, err := d.term()
			if err != nil {
				return nil, err
			}
			l.Tail = tail
		}
		if len(l.Elems) == 0 {
			return l.Tail, nil // LIST_EXT of length 0: just the tail
		}
		return l, nil
	}
}

func (d *termDecoder) bitBinary() (Term, error) {
	n, err := d.r.count(1)
	if err != nil {
		return nil, err
	}
	bits, err := d.r.u8()
	if err != nil {
		return nil, err
	}
	b, err := d.r.bytes(n)
	if err != nil {
		return nil, err
	}
	if bits < 1 || bits > 8 || n == 0 {
		if n == 0 && bits == 0 {
			return Bitstring{Bits: 8}, nil
		}
		return nil, errors.New("bad BIT_BINARY_EXT bit count " + itoa(int64(bits)))
	}
	if bits < 8 && b[n-1]&(0xff>>bits) != 0 {
		// Clear unused low bits so equal values compare equal.
		c := append([]byte(nil), b...)
		c[n-1] &= 0xff << (8 - bits)
		b = c
	}
	return Bitstring{Bytes: b, Bits: bits}, nil
}

func (d *termDecoder) mapBody() (Term, error) {
	n, err := d.r.count(2)
	if err != nil {
		return nil, err
	}
	m := &Map{Keys: make([]Term, n), Values: make([]Term, n)}
	for i := 0; i < n; i++ {
		if m.Keys[i], err = d.term(); err != nil {
			return nil, err
		}
		if m.Values[i], err = d.term(); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (d *termDecoder) export() (Term, error) {
	mod, err := d.atom()
	if err != nil {
		return nil, err
	}
	fn, err := d.atom()
	if err != nil {
		return nil, err
	}
	a, err := d.term()
	if err != nil {
		return nil, err
	}
	ar, ok := a.(Int)
	if !ok || ar < 0 || ar > 255 {
		return nil, errors.New("bad export arity")
	}
	return ExportFun{Module: mod, Function: fn, Arity: int(ar)}, nil
}

func (d *termDecoder) newFun() (Term, error) {
	r := &d.r
	start := r.pos
	size, err := r.u32()
	if err != nil {
		return nil, err
	}
	if int64(size) < 4 || int64(size)-4 > int64(r.remaining()) {
		return nil, errors.New("bad NEW_FUN_EXT size")
	}
	f := &Fun{}
	ar, err := r.u8()
	if err != nil {
		return nil, err
	}
	f.Arity = int(ar)
	uniq, err := r.bytes(16)
	if err != nil {
		return nil, err
	}
	copy(f.Uniq[:], uniq)
	if f.Index, err = r.u32(); err != nil {
		return nil, err
	}
	nfree, err := r.count(1)
	if err != nil {
		return nil, err
	}
	if f.Module, err = d.atom(); err != nil {
		return nil, err
	}
	if f.OldIndex, err = d.term(); err != nil {
		return nil, err
	}
	if f.OldUniq, err = d.term(); err != nil {
		return nil, err
	}
	if f.Pid, err = d.term(); err != nil {
		return nil, err
	}
	f.Free = make([]Term, nfree)
	for i := range f.Free {
		if f.Free[i], err = d.term(); err != nil {
			return nil, err
		}
	}
	if r.pos-start != int(size) {
		return nil, errors.New("NEW_FUN_EXT size does not match its contents")
	}
	return f, nil
}

func (d *termDecoder) pid(tag byte) (Term, error) {
	node, err := d.atom()
	if err != nil {
		return nil, err
	}
	p := Pid{Node: node}
	if p.ID, err = d.r.u32(); err != nil {
		return nil, err
	}
	if p.Serial, err = d.r.u32(); err != nil {
		return nil, err
	}
	p.Creation, err = d.creation(tag == etfPid)
	return p, err
}

func (d *termDecoder) port(tag byte) (Term, error) {
	node, err := d.atom()
	if err != nil {
		return nil, err
	}
	p := Port{Node: node}
	if tag == etfV4Port {
		p.ID, err = d.r.u64()
	} else {
		var id uint32
		id, err = d.r.u32()
		p.ID = uint64(id)
	}
	if err != nil {
		return nil, err
	}
	p.Creation, err = d.creation(tag == etfPort)
	return p, err
}

// creation reads a one-byte (old formats) or four-byte creation field.
func (d *termDecoder) creation(small bool) (uint32, error) {
	if small {
		b, err := d.r.u8()
		return uint32(b), err
	}
	return d.r.u32()
}

func (d *termDecoder) newRef(tag byte) (Term, error) {
	n, err := d.r.u16()
	if err != nil {
		return nil, err
	}
	node, err := d.atom()
	if err != nil {
		return nil, err
	}
	ref := Ref{Node: node}
	if ref.Creation, err = d.creation(tag == etfNewReference); err != nil {
		return nil, err
	}
	if int(n)*4 > d.r.remaining() {
		return nil, ErrTruncated
	}
	ref.IDs = make([]uint32, n)
	for i := range ref.IDs {
		ref.IDs[i], _ = d.r.u32()
	}
	return ref, nil
}
