package beam

import (
	"errors"
	"unicode/utf8"
)

// The chunks this package reads. Others (Dbgi, Docs, Meta, ...) are
// skipped; they are not needed to run code.
const (
	chAtU8 = iota
	chAtom
	chCode
	chStrT
	chImpT
	chExpT
	chLocT
	chFunT
	chLitT
	chLine
	chType
	chAttr
	chCInf
	numChunks
	chOther = -1
)

var chunkIDs = [numChunks]string{"AtU8", "Atom", "Code", "StrT", "ImpT", "ExpT", "LocT", "FunT", "LitT", "Line", "Type", "Attr", "CInf"}

func chunkIndex(id string) int {
	for i, s := range chunkIDs {
		if s == id {
			return i
		}
	}
	return chOther
}

// parser holds the state of one Parse call.
type parser struct {
	file   string
	m      *Module
	chunks [numChunks]chunk
}

func (p *parser) chunk(i int) chunk { return p.chunks[i] }

func (p *parser) present(i int) bool { return p.chunks[i].ID != "" }

// fail builds the error for a problem found at file offset off in chunk c.
func (p *parser) fail(c chunk, off int, err error) error {
	return &FormatError{File: p.file, Chunk: c.ID, Offset: off, Err: err}
}

// failAt reports an error at the reader's current position.
func (p *parser) failAt(c chunk, r *reader, err error) error {
	return p.fail(c, r.off(), err)
}

func (p *parser) missing(id string) error {
	return &FormatError{File: p.file, Chunk: id, Offset: 0, Err: errors.New("required chunk is missing")}
}

// parse decodes the chunks in dependency order: atoms, then the code
// header (label count), then the tables that refer to both, then the code.
func (p *parser) parse() error {
	steps := []func() error{
		p.atoms,
		p.codeHeader,
		p.imports,
		func() error { return p.funcTable(chExpT, &p.m.Exports, true) },
		func() error { return p.funcTable(chLocT, &p.m.Locals, false) },
		p.lambdas,
		p.literals,
		p.lines,
		p.types,
		p.strings,
		func() error { return p.termChunk(chAttr, &p.m.Attributes) },
		func() error { return p.termChunk(chCInf, &p.m.CompileInfo) },
		p.code,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// atoms reads AtU8 (or the pre-OTP 21 Latin-1 Atom chunk). A negative count
// (OTP 28+) means each length is compact-encoded rather than one byte.
func (p *parser) atoms() error {
	idx := chAtU8
	if !p.present(chAtU8) {
		if !p.present(chAtom) {
			return p.missing("AtU8")
		}
		idx = chAtom
	}
	c := p.chunk(idx)
	r := newReader(c.Data, c.Offset)
	v, err := r.u32()
	if err != nil {
		return p.failAt(c, r, err)
	}
	n := int64(int32(v))
	compactLen := n < 0
	if compactLen {
		if idx != chAtU8 {
			return p.fail(c, c.Offset, errors.New("negative atom count"))
		}
		n = -n
	}
	if n < 1 || n > int64(r.remaining()) {
		return p.fail(c, c.Offset, errors.New("bad atom count "+itoa(n)))
	}
	atoms := make([]string, n)
	for i := range atoms {
		start := r.off()
		var size int64
		if compactLen {
			size, err = r.readUnsigned()
		} else {
			var b byte
			b, err = r.u8()
			size = int64(b)
		}
		if err != nil {
			return p.fail(c, start, errors.New("atom "+itoa(int64(i+1))+": length: "+err.Error()))
		}
		b, err := r.bytes(int(min(size, int64(r.remaining()+1))))
		if err != nil {
			return p.fail(c, start, errors.New("atom "+itoa(int64(i+1))+": "+err.Error()))
		}
		if idx == chAtom {
			atoms[i] = latin1ToUTF8(b)
		} else if !utf8.Valid(b) {
			return p.fail(c, start, errors.New("atom "+itoa(int64(i+1))+" is not valid UTF-8"))
		} else {
			atoms[i] = string(b)
		}
	}
	p.m.Atoms = atoms
	p.m.Name = atoms[0]
	return nil
}

// atomRef reads a 32-bit atom index and resolves it.
func (p *parser) atomRef(c chunk, r *reader) (string, error) {
	start := r.off()
	v, err := r.u32()
	if err != nil {
		return "", p.fail(c, start, err)
	}
	if v < 1 || int64(v) > int64(len(p.m.Atoms)) {
		return "", p.fail(c, start, errors.New("atom index "+itoa(int64(v))+" out of range"))
	}
	return p.m.Atoms[v-1], nil
}

// small reads a 32-bit field that must lie in [0, limit].
func (p *parser) small(c chunk, r *reader, what string, limit int64) (int, error) {
	start := r.off()
	v, err := r.u32()
	if err != nil {
		return 0, p.fail(c, start, err)
	}
	if int64(v) > limit {
		return 0, p.fail(c, start, errors.New(what+" "+itoa(int64(v))+" out of range"))
	}
	return int(v), nil
}

// maxArity is the largest arity BEAM allows (MAX_ARG).
const maxArity = 255

func (p *parser) imports() error {
	if !p.present(chImpT) {
		return p.missing("ImpT")
	}
	c := p.chunk(chImpT)
	r := newReader(c.Data, c.Offset)
	n, err := r.count(12)
	if err != nil {
		return p.failAt(c, r, err)
	}
	p.m.Imports = make([]MFA, n)
	for i := range p.m.Imports {
		e := &p.m.Imports[i]
		if e.Module, err = p.atomRef(c, r); err != nil {
			return err
		}
		if e.Function, err = p.atomRef(c, r); err != nil {
			return err
		}
		if e.Arity, err = p.small(c, r, "arity", maxArity); err != nil {
			return err
		}
	}
	return nil
}

// funcTable reads ExpT or LocT: {function atom, arity, label} triples.
func (p *parser) funcTable(idx int, dst *[]FuncRef, required bool) error {
	if !p.present(idx) {
		if required {
			return p.missing(chunkIDs[idx])
		}
		return nil
	}
	c := p.chunk(idx)
	r := newReader(c.Data, c.Offset)
	n, err := r.count(12)
	if err != nil {
		return p.failAt(c, r, err)
	}
	refs := make([]FuncRef, n)
	for i := range refs {
		e := &refs[i]
		if e.Name, err = p.atomRef(c, r); err != nil {
			return err
		}
		if e.Arity, err = p.small(c, r, "arity", maxArity); err != nil {
			return err
		}
		if e.Label, err = p.small(c, r, "label", int64(p.m.Header.NumLabels-1)); err != nil {
			return err
		}
	}
	*dst = refs
	return nil
}

func (p *parser) lambdas() error {
	if !p.present(chFunT) {
		return nil
	}
	c := p.chunk(chFunT)
	r := newReader(c.Data, c.Offset)
	n, err := r.count(24)
	if err != nil {
		return p.failAt(c, r, err)
	}
	p.m.Lambdas = make([]Lambda, n)
	for i := range p.m.Lambdas {
		e := &p.m.Lambdas[i]
		if e.Name, err = p.atomRef(c, r); err != nil {
			return err
		}
		if e.Arity, err = p.small(c, r, "arity", maxArity); err != nil {
			return err
		}
		if e.Label, err = p.small(c, r, "label", int64(p.m.Header.NumLabels-1)); err != nil {
			return err
		}
		if e.Index, err = p.small(c, r, "index", 1<<31-1); err != nil {
			return err
		}
		if e.NumFree, err = p.small(c, r, "free variable count", maxArity); err != nil {
			return err
		}
		u, err := r.u32()
		if err != nil {
			return p.failAt(c, r, err)
		}
		e.OldUniq = u
	}
	return nil
}

func (p *parser) strings() error {
	p.m.Strings = p.chunk(chStrT).Data
	return nil
}

// termChunk decodes a chunk that holds one external-format term.
func (p *parser) termChunk(idx int, dst *Term) error {
	if !p.present(idx) {
		return nil
	}
	c := p.chunk(idx)
	t, err := DecodeTerm(c.Data)
	if err != nil {
		return p.termFail(c, c.Offset, err)
	}
	*dst = t
	return nil
}

// termFail converts a TermError into a FormatError at the right offset.
func (p *parser) termFail(c chunk, base int, err error) error {
	var te *TermError
	if errors.As(err, &te) {
		return p.fail(c, base+te.Offset, te.Err)
	}
	return p.fail(c, base, err)
}
