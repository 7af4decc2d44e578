package term

import "math"

// Term hashing, as OTP 25 does it (erts/emulator/beam/utils.c):
//
//   - Phash2 is erlang:phash2 (OTP's make_hash2), the portable hash: it
//     depends only on a term's value, so it matches OTP's for every term
//     whose value beamrc can reproduce.
//   - Phash is erlang:phash (OTP's make_hash), the older portable hash.
//   - internalHash is OTP's make_internal_hash, the hash that orders the
//     keys of large maps (see hashmap.go). It hashes immediates by their
//     tagged word, so it matches OTP's for small integers and [] (whose
//     words are the same in both) and for everything built from numbers,
//     binaries, lists, tuples and maps of those. It cannot match for atoms:
//     OTP hashes an atom's index in its atom table, and that index depends
//     on which atoms the VM happened to create first (the same atom gets
//     different hashes in different OTP runs). beamrc hashes its own index.
//
// Pids, ports, references and funs hash deterministically from beamrc's own
// representation (process id, port id, reference id, fun table entry);
// their values are not OTP's.

// Jenkins' one-at-a-time mix (lookup2), which make_hash2 and
// make_internal_hash share.
func mix(a, b, c uint32) (uint32, uint32, uint32) {
	a -= b
	a -= c
	a ^= c >> 13
	b -= c
	b -= a
	b ^= a << 8
	c -= a
	c -= b
	c ^= b >> 13
	a -= b
	a -= c
	a ^= c >> 12
	b -= c
	b -= a
	b ^= a << 16
	c -= a
	c -= b
	c ^= b >> 5
	a -= b
	a -= c
	a ^= c >> 3
	b -= c
	b -= a
	b ^= a << 10
	c -= a
	c -= b
	c ^= b >> 15
	return a, b, c
}

// hconst is the golden ratio, hconstN is hconst*N mod 2^32: the constants
// that tell the hashes of different kinds of data apart.
const (
	hconst    uint32 = 0x9e3779b9
	hconst2   uint32 = 0x3c6ef372
	hconst3   uint32 = 0xdaa66d2b
	hconst4   uint32 = 0x78dde6e4
	hconst5   uint32 = 0x1715609d
	hconst6   uint32 = 0xb54cda56
	hconst7   uint32 = 0x5384540f
	hconst8   uint32 = 0xf1bbcdc8
	hconst9   uint32 = 0x8ff34781
	hconst10  uint32 = 0x2e2ac13a
	hconst11  uint32 = 0xcc623af3
	hconst12  uint32 = 0x6a99b4ac
	hconst13  uint32 = 0x08d12e65
	hconst14  uint32 = 0xa708a81e
	hconst15  uint32 = 0x454021d7
	hconst16  uint32 = 0xe3779b90
	hconst17  uint32 = 0x81af1549
	hconst18  uint32 = 0x1fe68f02
	hconst19  uint32 = 0xbe1e08bb
	hconst20  uint32 = 0x5c558274
	hconst21  uint32 = 0xfa8cfc2d
	hconst22  uint32 = 0x98c475e6
	nilHash2  uint32 = 3468870702 // make_hash2's hash of a lone []
	nilDef    uint32 = 0x2        // OTP's NIL_DEF, hashed for a nested []
	phash2Max        = 1 << 27    // erlang:phash2/1 returns 0..2^27-1
)

// hash2 is UINT32_HASH_2: mix two words into h.
func hash2(h, x, y, k uint32) uint32 {
	_, _, h = mix(k+x, k+y, h)
	return h
}

// hash1 is UINT32_HASH.
func hash1(h, x, k uint32) uint32 { return hash2(h, x, 0, k) }

// blockHash is Jenkins' lookup2 hash of a byte string (OTP's block_hash).
func blockHash(k []byte, initval uint32) uint32 {
	length := uint32(len(k))
	a, b, c := hconst, hconst, initval
	for len(k) >= 12 {
		a += uint32(k[0]) | uint32(k[1])<<8 | uint32(k[2])<<16 | uint32(k[3])<<24
		b += uint32(k[4]) | uint32(k[5])<<8 | uint32(k[6])<<16 | uint32(k[7])<<24
		c += uint32(k[8]) | uint32(k[9])<<8 | uint32(k[10])<<16 | uint32(k[11])<<24
		a, b, c = mix(a, b, c)
		k = k[12:]
	}
	c += length
	// The remaining bytes; the low byte of c is taken by the length.
	n := len(k)
	if n >= 11 {
		c += uint32(k[10]) << 24
	}
	if n >= 10 {
		c += uint32(k[9]) << 16
	}
	if n >= 9 {
		c += uint32(k[8]) << 8
	}
	if n >= 8 {
		b += uint32(k[7]) << 24
	}
	if n >= 7 {
		b += uint32(k[6]) << 16
	}
	if n >= 6 {
		b += uint32(k[5]) << 8
	}
	if n >= 5 {
		b += uint32(k[4])
	}
	if n >= 4 {
		a += uint32(k[3]) << 24
	}
	if n >= 3 {
		a += uint32(k[2]) << 16
	}
	if n >= 2 {
		a += uint32(k[1]) << 8
	}
	if n >= 1 {
		a += uint32(k[0])
	}
	_, _, c = mix(a, b, c)
	return c
}

// AtomHash returns the hash OTP keeps for an atom (hashpjw over the name's
// UTF-8 bytes, with two-byte sequences of Latin-1 characters folded back to
// one byte, as in OTP's atom.c). phash and phash2 use it.
func AtomHash(a Term) uint32 { return atomTextHash(AtomName(a)) }

func atomTextHash(name string) uint32 {
	var h uint32
	for i := 0; i < len(name); i++ {
		v := name[i]
		if i+1 < len(name) && v&0xFE == 0xC2 && name[i+1]&0xC0 == 0x80 {
			v = v<<6 | name[i+1]&0x3F
			i++
		}
		h = h<<4 + uint32(v)
		if g := h & 0xf0000000; g != 0 {
			h ^= g >> 24
			h ^= g
		}
	}
	return h
}

// bitstringBytes returns the whole bytes of bitstring t, the value of its
// trailing partial byte and how many bits that byte has. The bytes alias
// the heap when t is byte-aligned and are a copy otherwise.
func bitstringBytes(t Term) (whole []byte, last byte, lastBits uint) {
	b := t.BitstringBits()
	n := b.Size / 8
	lastBits = b.Size % 8
	if b.Offset%8 == 0 {
		start := b.Offset / 8
		whole = b.Data[start : start+n]
		if lastBits > 0 {
			last = b.Data[start+n] >> (8 - lastBits)
		}
		return whole, last, lastBits
	}
	buf := make([]byte, (b.Size+7)/8)
	CopyBits(buf, 0, b.Data, b.Offset, b.Size)
	if lastBits > 0 {
		last = buf[n] >> (8 - lastBits)
	}
	return buf[:n], last, lastBits
}

// floatWords returns the low and high 32 bits of a float's IEEE bits, with
// -0.0 read as 0.0 (OTP hashes them alike: they are =:= in OTP 25).
func floatWords(t Term) (lo, hi uint32) {
	f := t.FloatValue()
	if f == 0 {
		f = 0
	}
	bits := math.Float64bits(f)
	return uint32(bits), uint32(bits >> 32)
}

// hashMarker words sit on hashing stacks between terms. They are header
// words, which are never terms, so they cannot be mistaken for one.
const (
	markMapPair = Term(uint64(SubRef)<<headerSubtagShift | 2<<HeaderArityShift)
	markMapTail = Term(uint64(SubRef)<<headerSubtagShift | 1<<HeaderArityShift)
	markCdr     = Term(uint64(SubRef)<<headerSubtagShift | 3<<HeaderArityShift)
)

// Phash2 returns erlang:phash2(t): a hash in 0..2^27-1.
func Phash2(t Term) uint32 { return makeHash2(t) & (phash2Max - 1) }

// Phash2Range returns erlang:phash2(t, n) for 1 <= n <= 2^32.
func Phash2Range(t Term, n uint64) uint32 {
	h := makeHash2(t)
	if n&(n-1) == 0 {
		return uint32(uint64(h) & (n - 1))
	}
	return uint32(uint64(h) % n)
}

// Phash returns erlang:phash(t, n) for 1 <= n <= 2^32: 1..n.
func Phash(t Term, n uint64) uint32 { return uint32(uint64(makeHash(t))%n) + 1 }

// makeHash2 is OTP's make_hash2 on a 64-bit VM.
func makeHash2(t Term) uint32 {
	// A lone atom or small integer takes a short cut in OTP; the general
	// loop below gives the same values for them, so no special case.
	var buf [32]Term
	stack := buf[:0]
	var hash, xorPairs uint32
	for {
		switch {
		case t.IsCons():
			// Runs of byte-sized integers (strings) hash four at a time.
			c, sh := 0, uint32(0)
			for {
				hd := t.Head()
				if !isByte(hd) {
					break
				}
				sh = sh<<8 + uint32(hd.SmallValue())
				if c == 3 {
					hash = hash1(hash, sh, hconst4)
					c, sh = 0, 0
				} else {
					c++
				}
				t = t.Tail()
				if !t.IsCons() {
					break
				}
			}
			if c > 0 {
				hash = hash1(hash, sh, hconst4)
			}
			if t.IsCons() {
				stack = append(stack, t.Tail())
				t = t.Head()
			}
			continue
		case t.IsSmall():
			v := t.SmallValue()
			if v >= -(1<<27) && v < 1<<27 {
				y := int32(v)
				if y < 0 {
					hash = hash1(hash, uint32(-y), hconst)
				}
				hash = hash1(hash, uint32(y), hconst)
			} else {
				// Hashed as the bignum OTP would convert it to.
				mag, con := uint64(v), hconst11
				if v < 0 {
					mag, con = uint64(-v), hconst10
				}
				hash = hash2(hash, uint32(mag), uint32(mag>>32), con)
			}
		case t.IsAtom():
			if hash == 0 {
				hash = AtomHash(t)
			} else {
				hash = hash1(hash, AtomHash(t), hconst3)
			}
		case t == Nil:
			if hash == 0 {
				hash = nilHash2
			} else {
				hash = hash1(hash, nilDef, hconst2)
			}
		case t.IsPid():
			hash = hash1(hash, uint32(t.PidID()), hconst5)
		case t.IsPort():
			id := t.PortID()
			hash = hash2(hash, uint32(id), uint32(id>>32), hconst6)
		case t.IsBoxed():
			switch t.BoxedSubtag() {
			case SubTuple:
				n := t.TupleArity()
				hash = hash1(hash, uint32(n), hconst9)
				if n > 0 {
					for i := n; i > 1; i-- {
						stack = append(stack, t.Element(i))
					}
					t = t.Element(1)
					continue
				}
			case SubFlatMap, SubHashMap:
				// Pairs hash independently of each other and are xor-ed,
				// so the order of the pairs does not matter.
				n := MapSize(t)
				hash = hash1(hash, uint32(n), hconst16)
				if n > 0 {
					stack = append(stack, Term(xorPairs), Term(hash), markMapTail)
					hash, xorPairs = 0, 0
					mapIterate(t, func(k, v Term) bool {
						stack = append(stack, markMapPair, v, k)
						return true
					})
				}
			case SubPosBig, SubNegBig:
				con := hconst11
				if t.BigNegative() {
					con = hconst10
				}
				for _, d := range t.BigLimbs() {
					hash = hash2(hash, uint32(d), uint32(d>>32), con)
				}
			case SubFloat:
				lo, hi := floatWords(t)
				hash = hash2(hash, hi, lo, hconst12)
			case SubHeapBin, SubRefcBin, SubSubBin:
				whole, last, lastBits := bitstringBytes(t)
				con := hconst13 + hash
				if len(whole) == 0 && lastBits == 0 {
					hash = con
				} else {
					hash = blockHash(whole, con)
					if lastBits > 0 {
						hash = hash2(hash, uint32(lastBits), uint32(last), hconst15)
					}
				}
			case SubRef:
				hash = hash1(hash, uint32(t.RefID()), hconst7)
			case SubExport:
				m, f, arity := t.ExportMFA()
				hash = hash2(hash, uint32(arity), AtomHash(m), hconst)
				hash = hash1(hash, AtomHash(f), hconst14)
			case SubFun:
				info := t.FunInfo()
				free := t.FunFree()
				hash = hash2(hash, uint32(len(free)), AtomHash(info.Module), hconst)
				hash = hash2(hash, uint32(info.Index), info.Uniq, hconst)
				if len(free) > 0 {
					for i := len(free) - 1; i > 0; i-- {
						stack = append(stack, free[i])
					}
					t = free[0]
					continue
				}
			}
		}
		// The hash of the current term is done: take the next one.
		for {
			if len(stack) == 0 {
				return hash
			}
			t = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch t {
			case markMapTail:
				hash = uint32(stack[len(stack)-1])
				hash = hash1(hash, xorPairs, hconst19)
				xorPairs = uint32(stack[len(stack)-2])
				stack = stack[:len(stack)-2]
				continue
			case markMapPair:
				xorPairs ^= hash
				hash = 0
				continue
			}
			break
		}
	}
}

func isByte(t Term) bool { return t.IsSmall() && uint64(t.SmallValue()) <= 255 }

// internalHashSalt starts every internal hash, so that it differs from
// phash2 (OTP's INTERNAL_HASH_SALT).
const internalHashSalt uint32 = 3432918353

// internalHash is OTP's make_internal_hash(t, salt). Large maps hash a
// key with salt 0 for their first eight levels, 1 for the next eight, and
// so on.
func internalHash(t Term, salt uint32) uint32 {
	hash := salt ^ internalHashSalt
	if t.IsImmediate() {
		return hash2(hash, uint32(t), uint32(uint64(t)>>32), hconst)
	}
	var buf [32]Term
	stack := buf[:0]
	// The list case, for a cons cell (hd, tl): a run of byte-sized heads
	// is hashed four at a time, a longer head separately with its tail
	// after it.
	list := func(hd, tl Term) Term {
		c, sh := uint32(0), uint32(0)
		for isByte(hd) {
			sh = sh<<8 + uint32(hd.SmallValue())
			if c == 3 {
				hash = hash1(hash, sh, hconst4)
				c, sh = 0, 0
			} else {
				c++
			}
			if !tl.IsCons() {
				if c > 0 {
					hash = hash2(hash, sh, c, hconst22)
				}
				return tl
			}
			hd, tl = tl.Head(), tl.Tail()
		}
		if c > 0 {
			hash = hash2(hash, sh, c, hconst22)
		}
		hash ^= hconst17
		hash = hash<<17 | hash>>(32-17)
		stack = append(stack, tl)
		if !tl.IsCons() {
			stack = append(stack, markCdr)
		}
		return hd
	}
	for {
		switch {
		case t.IsCons():
			t = list(t.Head(), t.Tail())
			continue
		case t.IsImmediate():
			hash = hash2(hash, uint32(t), uint32(uint64(t)>>32), hconst)
		case t.IsBoxed():
			switch t.BoxedSubtag() {
			case SubTuple:
				n := t.TupleArity()
				hash = hash1(hash, uint32(n), hconst9)
				if n > 0 {
					for i := n; i > 1; i-- {
						stack = append(stack, t.Element(i))
					}
					t = t.Element(1)
					continue
				}
			case SubFlatMap, SubHashMap:
				// Keys and values in maps:to_list order, each key before
				// its value; the stack takes them in reverse.
				hash = hash1(hash, uint32(MapSize(t)), hconst16)
				mapIterateReverseList(t, func(k, v Term) bool {
					stack = append(stack, v, k)
					return true
				})
			case SubPosBig, SubNegBig:
				con := hconst11
				if t.BigNegative() {
					con = hconst10
				}
				for _, d := range t.BigLimbs() {
					hash = hash2(hash, uint32(d), uint32(d>>32), con)
				}
			case SubFloat:
				lo, hi := floatWords(t)
				hash = hash2(hash, lo, hi, hconst12)
			case SubHeapBin, SubRefcBin, SubSubBin:
				whole, last, lastBits := bitstringBytes(t)
				con := hconst13 + hash
				if len(whole) == 0 && lastBits == 0 {
					hash = con
				} else {
					hash = blockHash(whole, con)
					if lastBits > 0 {
						hash = hash2(hash, uint32(lastBits), uint32(last), hconst15)
					}
				}
			case SubRef:
				id := t.RefID()
				hash = hash1(hash, uint32(id), hconst7)
				hash = hash2(hash, uint32(id>>32), 0, hconst8)
			case SubExport:
				m, f, arity := t.ExportMFA()
				hash = hash2(hash, uint32(m), uint32(f), hconst14)
				hash = hash1(hash, uint32(arity), hconst14)
			case SubFun:
				info := t.FunInfo()
				free := t.FunFree()
				hash = hash2(hash, uint32(len(free)), uint32(info.Module), hconst20)
				hash = hash2(hash, uint32(info.Index), info.Uniq, hconst21)
				if len(free) > 0 {
					for i := len(free) - 1; i > 0; i-- {
						stack = append(stack, free[i])
					}
					t = free[0]
					continue
				}
			}
		}
		for {
			if len(stack) == 0 {
				return hash
			}
			t = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if t == markCdr {
				hash ^= hconst18
				hash = hash<<17 | hash>>(32-17)
				continue
			}
			break
		}
	}
}

// Primes just above 2^28 that erlang:phash mixes with.
const (
	funny1  uint32 = 268440163
	funny2  uint32 = 268439161
	funny3  uint32 = 268435459
	funny4  uint32 = 268436141
	funny5  uint32 = 268438633
	funny6  uint32 = 268437017
	funny8  uint32 = 268437511
	funny9  uint32 = 268439627
	funny10 uint32 = 268440479
	funny11 uint32 = 268440577
	funny12 uint32 = 268440581
	funny13 uint32 = 268440593
	funny14 uint32 = 268440611
)

// bytewise is UINT32_HASH_STEP: x hashed a byte at a time, low byte first.
func bytewise(h, x, p uint32) uint32 {
	h = h*p + x&0xFF
	h = h*p + (x>>8)&0xFF
	h = h*p + (x>>16)&0xFF
	return h*p + x>>24
}

// makeHash is OTP's make_hash. It recurses on tuple elements and list
// heads (not on list tails), so only deeply nested terms deepen the stack.
func makeHash(t Term) uint32 { return makeHashInto(0, t) }

func makeHashInto(hash uint32, t Term) uint32 {
	switch {
	case t == Nil:
		return hash*funny3 + 1
	case t.IsAtom():
		return hash*funny1 + AtomHash(t)
	case t.IsSmall():
		v := t.SmallValue()
		mag := uint64(v)
		if v < 0 {
			mag = uint64(-v)
		}
		hash = bytewise(hash, uint32(mag), funny2)
		if mag>>32 != 0 {
			hash = bytewise(hash, uint32(mag>>32), funny2)
		}
		if v < 0 {
			return hash * funny4
		}
		return hash * funny3
	case t.IsPid():
		return bytewise(hash, uint32(t.PidID()), funny5) * funny6
	case t.IsPort():
		return bytewise(hash, uint32(t.PortID()), funny9) * funny10
	case t.IsCons():
		for {
			// Byte-sized heads are mixed in directly, other heads are
			// hashed whole; the list's end is mixed in once, after its tail.
			if hd := t.Head(); isByte(hd) {
				hash = hash*funny2 + uint32(hd.SmallValue())
			} else {
				hash = makeHashInto(hash, hd)
			}
			t = t.Tail()
			if !t.IsCons() {
				return makeHashInto(hash, t) * funny8
			}
		}
	}
	if !t.IsBoxed() {
		return hash
	}
	switch t.BoxedSubtag() {
	case SubTuple:
		n := t.TupleArity()
		for i := 1; i <= n; i++ {
			hash = makeHashInto(hash, t.Element(i))
		}
		return hash*funny9 + uint32(n)
	case SubFlatMap, SubHashMap:
		return hash*funny13 + funny14 + makeHash2(t)
	case SubPosBig, SubNegBig:
		limbs := t.BigLimbs()
		for i, d := range limbs {
			n := 8
			if i == len(limbs)-1 && d>>32 == 0 {
				n = 4
			}
			for j := 0; j < n; j++ {
				hash = hash*funny2 + uint32(d&0xFF)
				d >>= 8
			}
		}
		if t.BigNegative() {
			return hash * funny4
		}
		return hash * funny3
	case SubFloat:
		lo, hi := floatWords(t)
		return hash*funny6 + (lo ^ hi)
	case SubHeapBin, SubRefcBin, SubSubBin:
		whole, last, lastBits := bitstringBytes(t)
		for _, b := range whole {
			hash = hash*funny1 + uint32(b)
		}
		if lastBits > 0 {
			hash = (hash*funny1+uint32(last))*funny12 + uint32(lastBits)
		}
		return hash*funny4 + uint32(len(whole))
	case SubRef:
		return bytewise(hash, uint32(t.RefID()), funny9) * funny10
	case SubExport:
		m, f, arity := t.ExportMFA()
		hash = hash*funny11 + uint32(arity)
		hash = hash*funny1 + AtomHash(m)
		return hash*funny1 + AtomHash(f)
	case SubFun:
		info := t.FunInfo()
		free := t.FunFree()
		hash = hash*funny10 + uint32(len(free))
		hash = hash*funny1 + AtomHash(info.Module)
		hash = hash*funny2 + uint32(info.Index)
		hash = hash*funny2 + info.Uniq
		for _, v := range free {
			hash = makeHashInto(hash, v)
		}
		return hash
	}
	return hash
}
