package beam

import "errors"

// TypeSet is a union of primitive types, in the bit layout of the Type
// chunk version 3 (OTP 27) extended with version 4's record bit. Older
// versions are converted to this layout when read.
type TypeSet uint16

const (
	TypeAtom TypeSet = 1 << iota
	TypeBitstring
	TypeCons
	TypeFloat
	TypeFun
	TypeInteger
	TypeMap
	TypeNil
	TypePid
	TypePort
	TypeReference
	TypeTuple
	TypeRecord // native records, types version 4 (OTP 29)

	TypeAny    = TypeRecord<<1 - 1
	TypeNumber = TypeInteger | TypeFloat
	TypeList   = TypeCons | TypeNil
)

var typeNames = []string{"atom", "bitstring", "cons", "float", "fun", "integer", "map", "nil", "pid", "port", "reference", "tuple", "record"}

func (s TypeSet) String() string {
	if s == TypeAny || s == TypeAny&^TypeRecord {
		return "any"
	}
	if s == 0 {
		return "none"
	}
	out := ""
	if s&TypeNumber == TypeNumber {
		out, s = "number", s&^TypeNumber
	}
	for i, n := range typeNames {
		if s&(1<<i) != 0 {
			if out != "" {
				out += "|"
			}
			out += n
		}
	}
	return out
}

// TypeInfo is one entry of the Type chunk: what the compiler proved about a
// typed register operand.
type TypeInfo struct {
	Union TypeSet
	// Raw is the flags word as stored in the file (layout depends on the
	// chunk version); kept so two entries can be compared exactly.
	Raw    uint16
	HasMin bool  // Min is a valid lower bound
	HasMax bool  // Max is a valid upper bound
	Min    int64 // for version 1 files, the stored value even when unused
	Max    int64
	Unit   int // bitstring size unit; 0 when not known
}

func (t TypeInfo) String() string {
	s := t.Union.String()
	if t.HasMin || t.HasMax {
		lo, hi := "-inf", "+inf"
		if t.HasMin {
			lo = itoa(t.Min)
		}
		if t.HasMax {
			hi = itoa(t.Max)
		}
		s += "(" + lo + ".." + hi + ")"
	}
	if t.Unit > 1 {
		s += "(unit " + itoa(int64(t.Unit)) + ")"
	}
	return s
}

// types reads the Type chunk: a 32-bit version and count, then entries.
// Version 1 (OTP 25) entries are fixed: flags:16, min:64, max:64, valid
// range iff min <= max. Later versions store flags:16 followed by an
// optional min:64, max:64 and unit:8 (unit-1) as the flags announce. The
// flags layouts differ:
//
//	v1, v2 (OTP 25, 26): 13 type bits, bit 2 a match context; metadata at bits 13-15
//	v3     (OTP 27, 28): 12 type bits; metadata at bits 12-14
//	v4     (OTP 29):     13 type bits, bit 12 records; metadata at bits 13-15
//
// Unknown versions are ignored, as the OTP loader does.
func (p *parser) types() error {
	if !p.present(chType) {
		return nil
	}
	c := p.chunk(chType)
	r := newReader(c.Data, c.Offset)
	version, err := r.u32()
	if err != nil {
		return p.failAt(c, r, err)
	}
	if version < 1 || version > 4 {
		p.m.TypesVersion = int(min(version, 1<<31-1))
		return nil
	}
	n, err := r.count(2)
	if err != nil {
		return p.failAt(c, r, err)
	}
	ts := make([]TypeInfo, n)
	for i := range ts {
		start := r.off()
		if version == 1 {
			ts[i], err = readTypeV1(r)
		} else {
			ts[i], err = readType(r, int(version))
		}
		if err != nil {
			return p.fail(c, start, errors.New("type "+itoa(int64(i))+": "+err.Error()))
		}
	}
	p.m.Types = ts
	p.m.TypesVersion = int(version)
	return nil
}

// fromOldBits converts the v1/v2 layout, which had a separate match
// context bit (2) below cons, to the v3 layout.
func fromOldBits(b uint16) TypeSet {
	ctx := b & 4
	s := TypeSet(b&3) | TypeSet((b&^7)>>1)
	if ctx != 0 {
		s |= TypeBitstring
	}
	return s & (TypeAny &^ TypeRecord)
}

func readTypeV1(r *reader) (TypeInfo, error) {
	b, err := r.u16()
	if err != nil {
		return TypeInfo{}, err
	}
	lo, err := r.u64()
	if err != nil {
		return TypeInfo{}, err
	}
	hi, err := r.u64()
	if err != nil {
		return TypeInfo{}, err
	}
	t := TypeInfo{Union: fromOldBits(b & 0x1fff), Raw: b, Min: int64(lo), Max: int64(hi)}
	t.HasMin = t.Min <= t.Max
	t.HasMax = t.HasMin
	return t, nil
}

func readType(r *reader, version int) (TypeInfo, error) {
	b, err := r.u16()
	if err != nil {
		return TypeInfo{}, err
	}
	t := TypeInfo{Raw: b}
	var meta uint16
	switch version {
	case 2:
		t.Union, meta = fromOldBits(b&0x1fff), b>>13
	case 3:
		t.Union, meta = TypeSet(b&0x0fff), b>>12
	default:
		t.Union, meta = TypeSet(b&0x1fff), b>>13
	}
	if t.Union == 0 {
		return t, errors.New("empty type")
	}
	if meta&1 != 0 {
		v, err := r.u64()
		if err != nil {
			return t, err
		}
		t.HasMin, t.Min = true, int64(v)
	}
	if meta&2 != 0 {
		v, err := r.u64()
		if err != nil {
			return t, err
		}
		t.HasMax, t.Max = true, int64(v)
	}
	if (t.HasMin || t.HasMax) && t.Union&TypeNumber == 0 {
		return t, errors.New("range on a non-numeric type")
	}
	if meta&4 != 0 {
		u, err := r.u8()
		if err != nil {
			return t, err
		}
		if t.Union&TypeBitstring == 0 {
			return t, errors.New("unit on a non-bitstring type")
		}
		t.Unit = int(u) + 1
	}
	return t, nil
}
