package abi

import "github.com/beamrc/beamrc/runtime/term"

// Term layout, re-exported from runtime/term for codegen.
const (
	PrimaryMask   = term.PrimaryMask
	PrimaryHeader = term.PrimaryHeader
	PrimaryList   = term.PrimaryList
	PrimaryBoxed  = term.PrimaryBoxed
	PrimaryImmed1 = term.PrimaryImmed1

	Immed1Mask = term.Immed1Mask
	TagSmall   = term.TagSmall
	TagPid     = term.TagPid
	TagPort    = term.TagPort
	SmallShift = term.SmallShift
	MinSmall   = term.MinSmall
	MaxSmall   = term.MaxSmall

	Immed2Mask  = term.Immed2Mask
	TagAtom     = term.TagAtom
	TagCatch    = term.TagCatch
	Immed2Shift = term.Immed2Shift

	Nil      = uint64(term.Nil)
	NonValue = uint64(term.NonValue)

	HeaderSubtagShift = term.HeaderSubtagShift
	HeaderSubtagMask  = term.HeaderSubtagMask
	HeaderArityShift  = term.HeaderArityShift

	SubTuple    = uint64(term.SubTuple)
	SubFun      = uint64(term.SubFun)
	SubPosBig   = uint64(term.SubPosBig)
	SubNegBig   = uint64(term.SubNegBig)
	SubFloat    = uint64(term.SubFloat)
	SubExport   = uint64(term.SubExport)
	SubFlatMap  = uint64(term.SubFlatMap)
	SubHashMap  = uint64(term.SubHashMap)
	SubRef      = uint64(term.SubRef)
	SubHeapBin  = uint64(term.SubHeapBin)
	SubRefcBin  = uint64(term.SubRefcBin)
	SubSubBin   = uint64(term.SubSubBin)
	SubMatchCtx = uint64(term.SubMatchCtx)
)

// Word offsets inside bitstrings and match contexts (runtime/term's
// binary.go has the layouts), and the largest binary kept on a process
// heap.
const (
	HeapBinLimit    = term.HeapBinLimit
	BinSizeWord     = term.BinSizeWord
	HeapBinDataWord = term.HeapBinDataWord
	RefcDataWord    = term.RefcDataWord
	SubBitSizeWord  = term.SubBitSizeWord
	SubBitOffWord   = term.SubBitOffWord
	SubOrigWord     = term.SubOrigWord
	SubBinWords     = term.SubBinWords
	CtxOrigWord     = term.CtxOrigWord
	CtxStartWord    = term.CtxStartWord
	CtxEndWord      = term.CtxEndWord
	CtxPositionWord = term.CtxPositionWord
	MatchCtxWords   = term.MatchCtxWords
)

// Atom returns the term of the atom with runtime index i.
func Atom(i uint32) uint64 { return uint64(term.MakeAtom(i)) }

// Small returns the term of small integer v (which must fit).
func Small(v int64) uint64 { return uint64(term.MakeSmall(v)) }

// FitsSmall reports whether v fits a small integer.
func FitsSmall(v int64) bool { return term.FitsSmall(v) }

// Header returns a header word.
func Header(sub uint64, arity int) uint64 { return uint64(term.MakeHeader(term.Subtag(sub), arity)) }

// FloatWords is the size of a boxed float, header included.
const FloatWords = term.FloatWords

// MaxFlatMapSize is the most keys a flat map holds: native code that
// builds a flat map reserves room for the largest one.
const MaxFlatMapSize = term.MaxFlatMapSize
