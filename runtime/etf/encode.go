package etf

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/term"
)

// External term format tags (erts/emulator/beam/external.h) the encoder
// writes.
const (
	tagVersion       = 131
	tagCompressed    = 80
	tagNewFloat      = 70
	tagBitBinary     = 77
	tagNewPid        = 88
	tagNewPort       = 89
	tagNewerRef      = 90
	tagSmallInteger  = 97
	tagInteger       = 98
	tagFloat         = 99
	tagAtom          = 100
	tagSmallTuple    = 104
	tagLargeTuple    = 105
	tagNil           = 106
	tagString        = 107
	tagList          = 108
	tagBinary        = 109
	tagSmallBig      = 110
	tagLargeBig      = 111
	tagNewFun        = 112
	tagExport        = 113
	tagMap           = 116
	tagAtomUTF8      = 118
	tagSmallAtomUTF8 = 119
	tagV4Port        = 120
)

// maxStringExt is the longest byte list written as STRING_EXT.
const maxStringExt = 65535

// Options are term_to_binary's options.
type Options struct {
	// Compression is the zlib level, 0 (none) to 9; `compressed` alone
	// means 6.
	Compression int
	// MinorVersion is 0 (floats as text), 1 (the default) or 2 (every
	// atom as UTF-8).
	MinorVersion int
	// Deterministic writes large maps with their keys in term order
	// instead of internal order.
	Deterministic bool
}

// DefaultOptions are term_to_binary/1's.
var DefaultOptions = Options{MinorVersion: 1}

// ErrBadTerm says that a word is not an encodable term (a match context or
// a corrupt word); the BIFs turn it into badarg.
var ErrBadTerm = errors.New("etf: term cannot be encoded")

// Encode returns term_to_binary(t, opts), byte for byte what OTP 25
// writes, except that compressed output comes from Go's zlib rather than
// C zlib (both inflate to the same bytes; the compressed bytes can differ).
func Encode(t term.Term, opts Options) ([]byte, error) {
	e := encoder{opts: opts, buf: make([]byte, 1, 64)}
	e.buf[0] = tagVersion
	if err := e.encode(t); err != nil {
		return nil, err
	}
	return compress(e.buf, opts.Compression), nil
}

// encoder writes terms with an explicit stack of pending work, so that
// neither long nor deeply nested terms use Go stack.
type encoder struct {
	opts  Options
	buf   []byte
	stack []work
	// segments, when not nil, collects the output as term_to_iovec does:
	// the bytes written so far are cut off at each large off-heap binary,
	// which goes into the list as itself.
	segments *[]Segment
	// inFun counts funs being written: their size fields are patched in
	// buf, so nothing inside them may be cut off into a segment.
	inFun int
	// funSlack is how much more than written external_size counts for
	// funs (see ExternalSize).
	funSlack int
}

// work is one pending item: a term to write, or (patch >= 0) the offset
// of a NEW_FUN_EXT size field to fill in once the fun is written.
type work struct {
	t     term.Term
	patch int
}

func (e *encoder) encode(t term.Term) error {
	e.stack = append(e.stack[:0], work{t: t, patch: -1})
	for len(e.stack) > 0 {
		w := e.stack[len(e.stack)-1]
		e.stack = e.stack[:len(e.stack)-1]
		if w.patch >= 0 {
			binary.BigEndian.PutUint32(e.buf[w.patch:], uint32(len(e.buf)-w.patch))
			e.inFun--
			continue
		}
		if err := e.one(w.t); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) push(ts ...term.Term) {
	for i := len(ts) - 1; i >= 0; i-- {
		e.stack = append(e.stack, work{t: ts[i], patch: -1})
	}
}

func (e *encoder) u8(b byte)    { e.buf = append(e.buf, b) }
func (e *encoder) u16(v uint16) { e.buf = binary.BigEndian.AppendUint16(e.buf, v) }
func (e *encoder) u32(v uint32) { e.buf = binary.BigEndian.AppendUint32(e.buf, v) }

// one writes t, pushing its parts onto the stack.
func (e *encoder) one(t term.Term) error {
	switch {
	case t.IsCons():
		return e.list(t)
	case t == term.Nil:
		e.u8(tagNil)
	case t.IsSmall():
		e.integer(t.SmallValue())
	case t.IsAtom():
		e.atom(t)
	case t.IsPid():
		id := t.PidID()
		e.u8(tagNewPid)
		e.atomName(nodeName)
		e.u32(uint32(id))
		e.u32(uint32(id >> 32))
		e.u32(0) // creation
	case t.IsPort():
		id := t.PortID()
		if id > math.MaxUint32 {
			e.u8(tagV4Port)
			e.atomName(nodeName)
			e.buf = binary.BigEndian.AppendUint64(e.buf, id)
		} else {
			e.u8(tagNewPort)
			e.atomName(nodeName)
			e.u32(uint32(id))
		}
		e.u32(0)
	case t.IsBoxed():
		return e.boxed(t)
	default:
		return ErrBadTerm
	}
	return nil
}

func (e *encoder) boxed(t term.Term) error {
	switch t.BoxedSubtag() {
	case term.SubTuple:
		elems := t.TupleElems()
		if len(elems) < 256 {
			e.u8(tagSmallTuple)
			e.u8(byte(len(elems)))
		} else {
			e.u8(tagLargeTuple)
			e.u32(uint32(len(elems)))
		}
		e.push(elems...)
	case term.SubPosBig, term.SubNegBig:
		e.bignum(t.BigNegative(), t.BigLimbs())
	case term.SubFloat:
		e.float(t.FloatValue())
	case term.SubHeapBin, term.SubRefcBin, term.SubSubBin:
		e.bitstring(t)
	case term.SubFlatMap, term.SubHashMap:
		keys, vals := term.MapPairs(t)
		if e.opts.Deterministic && !t.IsFlatMap() {
			// A flat map is in key order already; a hash map is in
			// hash order, which deterministic asks us not to expose.
			sortPairs(keys, vals)
		}
		e.u8(tagMap)
		e.u32(uint32(len(keys)))
		for i := len(keys) - 1; i >= 0; i-- {
			e.stack = append(e.stack, work{t: vals[i], patch: -1}, work{t: keys[i], patch: -1})
		}
	case term.SubExport:
		m, f, a := t.ExportMFA()
		e.u8(tagExport)
		e.atom(m)
		e.atom(f)
		e.integer(int64(a))
	case term.SubFun:
		e.fun(t)
	case term.SubRef:
		e.u8(tagNewerRef)
		e.u16(3)
		e.atomName(nodeName)
		e.u32(0) // creation
		for _, w := range refWords(t.RefID()) {
			e.u32(w)
		}
	default:
		return ErrBadTerm
	}
	return nil
}

// sortPairs sorts a map's pairs by key in term order.
func sortPairs(keys, vals []term.Term) {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(i, j int) int { return term.CompareExact(keys[i], keys[j]) })
	ks := make([]term.Term, len(keys))
	vs := make([]term.Term, len(vals))
	for n, i := range idx {
		ks[n], vs[n] = keys[i], vals[i]
	}
	copy(keys, ks)
	copy(vals, vs)
}

func (e *encoder) integer(v int64) {
	switch {
	case v >= 0 && v <= 255:
		e.u8(tagSmallInteger)
		e.u8(byte(v))
	case v >= math.MinInt32 && v <= math.MaxInt32:
		e.u8(tagInteger)
		e.u32(uint32(int32(v)))
	default:
		mag := uint64(v)
		if v < 0 {
			mag = -mag
		}
		e.bignum(v < 0, []uint64{mag})
	}
}

// bignum writes SMALL_BIG_EXT or LARGE_BIG_EXT: the magnitude in as few
// little-endian bytes as it needs.
func (e *encoder) bignum(neg bool, limbs []uint64) {
	n := len(limbs) * 8
	for n > 0 && byte(limbs[(n-1)/8]>>(8*((n-1)%8))) == 0 {
		n--
	}
	if n < 256 {
		e.u8(tagSmallBig)
		e.u8(byte(n))
	} else {
		e.u8(tagLargeBig)
		e.u32(uint32(n))
	}
	if neg {
		e.u8(1)
	} else {
		e.u8(0)
	}
	for i := 0; i < n; i++ {
		e.u8(byte(limbs[i/8] >> (8 * (i % 8))))
	}
}

func (e *encoder) float(f float64) {
	if e.opts.MinorVersion == 0 {
		// FLOAT_EXT: C's "%.20e", NUL-padded to 31 bytes. Go's 'e'
		// format rounds exactly as glibc does and writes the exponent
		// with at least two digits, as C does.
		e.u8(tagFloat)
		s := strconv.FormatFloat(f, 'e', 20, 64)
		start := len(e.buf)
		e.buf = append(e.buf, s...)
		for len(e.buf)-start < 31 {
			e.u8(0)
		}
		return
	}
	e.u8(tagNewFloat)
	e.buf = binary.BigEndian.AppendUint64(e.buf, math.Float64bits(f))
}

func (e *encoder) atom(a term.Term) { e.atomName(term.AtomName(a)) }

// atomName writes an atom as OTP 25 does: ATOM_EXT (Latin-1) when every
// character fits Latin-1, unless minor version 2 asks for UTF-8 always.
func (e *encoder) atomName(name string) {
	if e.opts.MinorVersion < 2 {
		if latin, ok := toLatin1(name); ok {
			e.u8(tagAtom)
			e.u16(uint16(len(latin)))
			e.buf = append(e.buf, latin...)
			return
		}
	}
	if len(name) < 256 {
		e.u8(tagSmallAtomUTF8)
		e.u8(byte(len(name)))
	} else {
		e.u8(tagAtomUTF8)
		e.u16(uint16(len(name)))
	}
	e.buf = append(e.buf, name...)
}

// toLatin1 returns name in Latin-1 if every character fits.
func toLatin1(name string) ([]byte, bool) {
	ascii := true
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return []byte(name), true
	}
	out := make([]byte, 0, len(name))
	for _, r := range name {
		if r > 0xFF {
			return nil, false
		}
		out = append(out, byte(r))
	}
	return out, true
}

// list writes a list as STRING_EXT when it is a proper list of at most
// 65535 bytes, as LIST_EXT otherwise. The elements and tail are pushed;
// only the cells are walked here, iteratively.
func (e *encoder) list(t term.Term) error {
	n := 0
	isString := true
	c := t
	for ; c.IsCons(); c = c.Tail() {
		if isString {
			h := c.Head()
			if !h.IsSmall() || h.SmallValue() < 0 || h.SmallValue() > 255 || n >= maxStringExt {
				isString = false
			}
		}
		n++
	}
	if isString && c == term.Nil {
		e.u8(tagString)
		e.u16(uint16(n))
		for c := t; c.IsCons(); c = c.Tail() {
			e.u8(byte(c.Head().SmallValue()))
		}
		return nil
	}
	e.u8(tagList)
	e.u32(uint32(n))
	// Push the tail first so it comes out last, then the elements in
	// reverse order.
	e.stack = append(e.stack, work{t: c, patch: -1})
	base := len(e.stack)
	e.stack = slices.Grow(e.stack, n)[:base+n]
	i := base + n - 1
	for c := t; c.IsCons(); c = c.Tail() {
		e.stack[i] = work{t: c.Head(), patch: -1}
		i--
	}
	return nil
}

func (e *encoder) bitstring(t term.Term) {
	b := t.BitstringBits()
	n := int((b.Size + 7) / 8)
	if b.Size%8 == 0 {
		e.u8(tagBinary)
		e.u32(uint32(n))
		if b.Offset%8 == 0 {
			data := b.Bytes()
			if e.segments != nil && e.inFun == 0 && offHeap(t, n) {
				e.cut(t, data)
				return
			}
			e.buf = append(e.buf, data...)
			return
		}
	} else {
		e.u8(tagBitBinary)
		e.u32(uint32(n))
		e.u8(byte((b.Size-1)%8 + 1))
	}
	if whole := int(b.Size / 8); e.segments != nil && e.inFun == 0 && b.Offset%8 == 0 && offHeap(t, whole) {
		// OTP shares the whole bytes and copies the last, partial one.
		e.cut(t, b.Data[b.Offset/8:b.Offset/8+uint(whole)])
		b.Data, b.Offset, b.Size = b.Data[b.Offset/8+uint(whole):], 0, b.Size%8
		n = 1
	}
	start := len(e.buf)
	e.buf = append(e.buf, make([]byte, n)...)
	// The fresh bytes are zero, so the unused low bits of the last byte
	// stay zero, as OTP writes them.
	term.CopyBits(e.buf[start:], 0, b.Data, b.Offset, b.Size)
}

// fun writes a closure as NEW_FUN_EXT. beamrc does not keep the module's
// 16-byte md5 or the pid of the process that made the closure, so those
// are written as zeros and <0.0.0>; everything else is as OTP writes it.
func (e *encoder) fun(t term.Term) {
	info := t.FunInfo()
	free := t.FunFree()
	e.u8(tagNewFun)
	sizeAt := len(e.buf)
	e.u32(0) // patched when the free variables are written
	e.inFun++
	e.u8(byte(info.Arity))
	e.buf = append(e.buf, make([]byte, 16)...)
	e.u32(uint32(info.Index))
	e.u32(uint32(len(free)))
	e.atom(info.Module)
	oldUniq := int64(int32(info.Uniq)) // OTP keeps it as a signed 32-bit word
	for _, v := range []int64{int64(info.Index), oldUniq} {
		at := len(e.buf)
		e.integer(v)
		e.funSlack += 5 - (len(e.buf) - at)
	}
	e.one(term.MakePid(0))
	e.stack = append(e.stack, work{patch: sizeAt})
	e.push(free...)
}
