package term

import (
	"math"
	"math/big"
	"strings"
)

// Term order (Erlang reference manual, "Term Comparisons"):
//
//	number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring

// rank orders a term's type in the term order.
func rank(t Term) int {
	switch uint64(t) & PrimaryMask {
	case PrimaryList:
		return 10
	case PrimaryImmed1:
		switch uint64(t) & Immed1Mask {
		case TagSmall:
			return 1
		case TagPort:
			return 5
		case TagPid:
			return 6
		}
		switch uint64(t) & Immed2Mask {
		case TagAtom:
			return 2
		case TagNil:
			return 9
		}
	case PrimaryBoxed:
		switch HeaderSubtag(t.Word(0)) {
		case SubPosBig, SubNegBig, SubFloat:
			return 1
		case SubRef:
			return 3
		case SubFun, SubExport:
			return 4
		case SubTuple:
			return 7
		case SubFlatMap, SubHashMap:
			return 8
		case SubHeapBin, SubRefcBin, SubSubBin:
			return 11
		}
	}
	return 0
}

// Compare orders a and b as the comparison operators do (1 == 1.0):
// negative, zero or positive.
func Compare(a, b Term) int { return compare(a, b, false) }

// CompareExact orders a and b in OTP's exact term order, the order of map
// keys: the same as Compare except that every integer is less than every
// float, at any depth ({2} before {1.0}). Its equality is =:=.
func CompareExact(a, b Term) int { return compare(a, b, true) }

// Equal reports whether a =:= b.
func Equal(a, b Term) bool {
	if a == b {
		return true
	}
	return compare(a, b, true) == 0
}

// ArithEqual reports whether a == b.
func ArithEqual(a, b Term) bool {
	if a == b {
		return true
	}
	return compare(a, b, false) == 0
}

func compare(a, b Term, exact bool) int {
	for {
		if a == b {
			return 0
		}
		ra, rb := rank(a), rank(b)
		if ra != rb {
			return sign(ra - rb)
		}
		switch {
		case a.IsNumber():
			return compareNumbers(a, b, exact)
		case a.IsAtom():
			return strings.Compare(AtomName(a), AtomName(b))
		case a.IsCons():
			// Heads recursively, tails iteratively: long lists do not
			// deepen the Go stack.
			if c := compare(a.Head(), b.Head(), exact); c != 0 {
				return c
			}
			a, b = a.Tail(), b.Tail()
			continue
		case a.IsTuple():
			na, nb := a.TupleArity(), b.TupleArity()
			if na != nb {
				return sign(na - nb)
			}
			for i := 1; i < na; i++ {
				if c := compare(a.Element(i), b.Element(i), exact); c != 0 {
					return c
				}
			}
			if na == 0 {
				return 0
			}
			a, b = a.Element(na), b.Element(na)
			continue
		case a.IsMap():
			return compareMaps(a, b, exact)
		case a.IsBitstring():
			return compareBits(a.BitstringBits(), b.BitstringBits())
		case a.IsPid():
			return compareUint(a.PidID(), b.PidID())
		case a.IsPort():
			return compareUint(a.PortID(), b.PortID())
		case a.IsRef():
			return compareUint(a.RefID(), b.RefID())
		case a.IsFun():
			return compareFuns(a, b, exact)
		}
		return compareUint(uint64(a), uint64(b))
	}
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

func compareUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func compareNumbers(a, b Term, exact bool) int {
	if a.IsSmall() && b.IsSmall() {
		x, y := a.SmallValue(), b.SmallValue()
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	af, bf := a.IsFloat(), b.IsFloat()
	if exact && af != bf {
		if af {
			return 1
		}
		return -1
	}
	switch {
	case af && bf:
		x, y := a.FloatValue(), b.FloatValue()
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	case !af && !bf:
		return a.BigInt().Cmp(b.BigInt())
	}
	// An integer against a float: compare exactly, as OTP does, rather
	// than through a float conversion that could round.
	if af {
		return -compareIntFloat(b, a.FloatValue())
	}
	return compareIntFloat(a, b.FloatValue())
}

func compareIntFloat(i Term, f float64) int {
	if i.IsSmall() {
		v := i.SmallValue()
		if v > -(1<<53) && v < 1<<53 {
			x := float64(v)
			switch {
			case x < f:
				return -1
			case x > f:
				return 1
			}
			return 0
		}
	}
	if math.IsInf(f, 0) {
		if f > 0 {
			return -1
		}
		return 1
	}
	bf := new(big.Float).SetFloat64(f)
	return new(big.Float).SetInt(i.BigInt()).Cmp(bf)
}

func compareMaps(a, b Term, exact bool) int {
	na, nb := MapSize(a), MapSize(b)
	if na != nb {
		return sign(na - nb)
	}
	// Keys first, all in exact term order, then the values in key order.
	ka, va := sortedPairs(a)
	kb, vb := sortedPairs(b)
	for i := range ka {
		if c := compare(ka[i], kb[i], true); c != 0 {
			return c
		}
	}
	for i := range va {
		if c := compare(va[i], vb[i], exact); c != 0 {
			return c
		}
	}
	return 0
}

func sortedPairs(m Term) ([]Term, []Term) {
	keys, vals := MapPairs(m)
	if m.IsFlatMap() {
		return keys, vals
	}
	return sortUniquePairs(keys, vals)
}

func compareBits(a, b Bits) int {
	n := a.Size
	if b.Size < n {
		n = b.Size
	}
	if a.ByteAligned() && b.ByteAligned() {
		if c := strings.Compare(string(a.Data[a.Offset/8:(a.Offset+n)/8]), string(b.Data[b.Offset/8:(b.Offset+n)/8])); c != 0 {
			return c
		}
	} else {
		for i := uint(0); i < n; i++ {
			x := bitAt(a.Data, a.Offset+i)
			y := bitAt(b.Data, b.Offset+i)
			if x != y {
				return int(x) - int(y)
			}
		}
	}
	return compareUint(uint64(a.Size), uint64(b.Size))
}

func bitAt(data []byte, i uint) byte { return (data[i/8] >> (7 - i%8)) & 1 }

func compareFuns(a, b Term, exact bool) int {
	ea, eb := a.IsExport(), b.IsExport()
	switch {
	case ea && eb:
		ma, fa, xa := a.ExportMFA()
		mb, fb, xb := b.ExportMFA()
		if c := compare(ma, mb, exact); c != 0 {
			return c
		}
		if c := compare(fa, fb, exact); c != 0 {
			return c
		}
		return sign(xa - xb)
	case ea != eb:
		// Closures order before external funs (OTP 25: lists:sort puts
		// fun() -> ok end before fun a:a/0).
		if ea {
			return 1
		}
		return -1
	}
	ia, ib := a.FunInfo(), b.FunInfo()
	if c := compare(ia.Module, ib.Module, exact); c != 0 {
		return c
	}
	if ia.Index != ib.Index {
		return sign(ia.Index - ib.Index)
	}
	if ia.Uniq != ib.Uniq {
		return compareUint(uint64(ia.Uniq), uint64(ib.Uniq))
	}
	fa, fb := a.FunFree(), b.FunFree()
	if len(fa) != len(fb) {
		return sign(len(fa) - len(fb))
	}
	for i := range fa {
		if c := compare(fa[i], fb[i], exact); c != 0 {
			return c
		}
	}
	return 0
}
