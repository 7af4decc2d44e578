package bif

import (
	"github.com/beamrc/beamrc/runtime/emu"
	"github.com/beamrc/beamrc/runtime/etf"
	"github.com/beamrc/beamrc/runtime/term"
)

// The external term format BIFs: term_to_binary, term_to_iovec,
// binary_to_term and external_size. The encoding itself is runtime/etf's;
// this file parses options and builds the results.

func init() {
	pure := func(info *emu.BIFInfo) { info.Pure = true }
	pure(emu.Register("erlang", "term_to_binary", 1, etfTermToBinary1))
	pure(emu.Register("erlang", "term_to_binary", 2, etfTermToBinary2))
	pure(emu.Register("erlang", "term_to_iovec", 1, etfTermToIOVec1))
	pure(emu.Register("erlang", "term_to_iovec", 2, etfTermToIOVec2))
	pure(emu.Register("erlang", "external_size", 1, etfExternalSize1))
	pure(emu.Register("erlang", "external_size", 2, etfExternalSize2))
	// binary_to_term creates atoms: not pure.
	emu.Register("erlang", "binary_to_term", 1, etfBinaryToTerm1)
	emu.Register("erlang", "binary_to_term", 2, etfBinaryToTerm2)
}

var (
	etfAtomCompressed    = term.Intern("compressed")
	etfAtomMinorVersion  = term.Intern("minor_version")
	etfAtomDeterministic = term.Intern("deterministic")
	etfAtomSafe          = term.Intern("safe")
	etfAtomUsed          = term.Intern("used")
)

// etfEncodeOptions parses term_to_binary/2's option list. OTP 25 knows
// compressed, {compressed, 0..9}, {minor_version, 0..2} and deterministic;
// anything else, or an improper list, is badarg.
func etfEncodeOptions(list term.Term) (etf.Options, bool) {
	opts := etf.DefaultOptions
	for ; list.IsCons(); list = list.Tail() {
		o := list.Head()
		switch {
		case o == etfAtomCompressed:
			opts.Compression = etf.DefaultCompression
		case o == etfAtomDeterministic:
			opts.Deterministic = true
		case o.IsTuple() && o.TupleArity() == 2:
			v := o.Element(2)
			switch o.Element(1) {
			case etfAtomCompressed:
				n, ok := etfSmallIn(v, 0, 9)
				if !ok {
					return opts, false
				}
				opts.Compression = n
			case etfAtomMinorVersion:
				n, ok := etfSmallIn(v, 0, 2)
				if !ok {
					return opts, false
				}
				opts.MinorVersion = n
			default:
				return opts, false
			}
		default:
			return opts, false
		}
	}
	return opts, list == term.Nil
}

func etfSmallIn(t term.Term, lo, hi int64) (int, bool) {
	if !t.IsSmall() || t.SmallValue() < lo || t.SmallValue() > hi {
		return 0, false
	}
	return int(t.SmallValue()), true
}

// etfBinary makes a binary of buf, which the caller hands over.
func etfBinary(p *emu.Process, buf []byte) term.Term {
	if len(buf) > term.HeapBinLimit {
		return term.NewRefcBinary(p.Heap, buf)
	}
	return term.NewBinary(p.Heap, buf)
}

func etfTermToBinary(p *emu.Process, t term.Term, opts etf.Options) term.Term {
	out, err := etf.Encode(t, opts)
	if err != nil {
		return p.Badarg()
	}
	return etfBinary(p, out)
}

func etfTermToBinary1(p *emu.Process, args []term.Term) term.Term {
	return etfTermToBinary(p, args[0], etf.DefaultOptions)
}

func etfTermToBinary2(p *emu.Process, args []term.Term) term.Term {
	opts, ok := etfEncodeOptions(args[1])
	if !ok {
		return p.Badarg()
	}
	return etfTermToBinary(p, args[0], opts)
}

// etfTermToIOVec builds term_to_iovec's list. With compression OTP 25
// returns the compressed binary itself rather than a list of it; so do we.
func etfTermToIOVec(p *emu.Process, t term.Term, opts etf.Options) term.Term {
	segs, err := etf.EncodeIOVec(t, opts)
	if err != nil {
		return p.Badarg()
	}
	if opts.Compression > 0 {
		return etfBinary(p, segs[0].Bytes)
	}
	elems := make([]term.Term, len(segs))
	for i, s := range segs {
		switch {
		case s.Bin == term.NonValue:
			elems[i] = etfBinary(p, s.Bytes)
		case s.Bin.BitSize() == uint(len(s.Bytes))*8:
			elems[i] = s.Bin
		default:
			elems[i] = term.SliceBits(p.Heap, s.Bin, 0, uint(len(s.Bytes))*8)
		}
	}
	return term.ListFrom(p.Heap, elems)
}

func etfTermToIOVec1(p *emu.Process, args []term.Term) term.Term {
	return etfTermToIOVec(p, args[0], etf.DefaultOptions)
}

func etfTermToIOVec2(p *emu.Process, args []term.Term) term.Term {
	opts, ok := etfEncodeOptions(args[1])
	if !ok {
		return p.Badarg()
	}
	return etfTermToIOVec(p, args[0], opts)
}

func etfExternalSize(p *emu.Process, t term.Term, opts etf.Options) term.Term {
	n, err := etf.ExternalSize(t, opts)
	if err != nil {
		return p.Badarg()
	}
	return term.MakeInt(p.Heap, int64(n))
}

func etfExternalSize1(p *emu.Process, args []term.Term) term.Term {
	return etfExternalSize(p, args[0], etf.DefaultOptions)
}

// etfExternalSize2 accepts only {minor_version, 0 | 1}: OTP 25 raises
// badarg for compression, deterministic and minor version 2 here.
func etfExternalSize2(p *emu.Process, args []term.Term) term.Term {
	opts := etf.DefaultOptions
	list := args[1]
	for ; list.IsCons(); list = list.Tail() {
		o := list.Head()
		if !o.IsTuple() || o.TupleArity() != 2 || o.Element(1) != etfAtomMinorVersion {
			return p.Badarg()
		}
		n, ok := etfSmallIn(o.Element(2), 0, 1)
		if !ok {
			return p.Badarg()
		}
		opts.MinorVersion = n
	}
	if list != term.Nil {
		return p.Badarg()
	}
	return etfExternalSize(p, args[0], opts)
}

// etfExportKnown stands for OTP 25's export table: a loaded module's
// exported function or a BIF. (erl also has entries for the calls of its
// loaded code, and for funs made before; beamrc does not track those.)
func etfExportKnown(p *emu.Process, m, f term.Term, arity int) bool {
	if p.System().Exported(m, f, arity) {
		return true
	}
	_, ok := emu.LookupBIF(emu.MFA{Module: m, Function: f, Arity: arity})
	return ok
}

func etfBinaryToTerm(p *emu.Process, bin term.Term, opts etf.DecodeOptions, used bool) term.Term {
	if !bin.IsBinary() {
		return p.Badarg()
	}
	data, _ := bin.BinaryBytes()
	t, n, err := etf.Decode(p.Heap, data, opts)
	if err != nil {
		return p.Badarg()
	}
	if used {
		return term.Tuple2(p.Heap, t, term.MakeInt(p.Heap, int64(n)))
	}
	return t
}

func etfBinaryToTerm1(p *emu.Process, args []term.Term) term.Term {
	return etfBinaryToTerm(p, args[0], etf.DecodeOptions{}, false)
}

func etfBinaryToTerm2(p *emu.Process, args []term.Term) term.Term {
	var opts etf.DecodeOptions
	used := false
	list := args[1]
	for ; list.IsCons(); list = list.Tail() {
		switch list.Head() {
		case etfAtomSafe:
			opts.Safe = true
			opts.ExportKnown = func(m, f term.Term, arity int) bool { return etfExportKnown(p, m, f, arity) }
		case etfAtomUsed:
			used = true
		default:
			return p.Badarg()
		}
	}
	if list != term.Nil {
		return p.Badarg()
	}
	return etfBinaryToTerm(p, args[0], opts, used)
}
