package beam

import "errors"

// LineTable is the decoded Line chunk. The operand of a line instruction
// indexes Items; item 0 is the "unknown location".
type LineTable struct {
	Version   int
	Flags     int
	NumInstrs int        // number of line instructions the compiler emitted
	Files     []string   // Files[0] is the implicit "<module>.erl"
	Items     []Location // Items[0] is the zero Location
}

// Location is a source position. The zero value means unknown.
type Location struct {
	File string
	Line int
}

func (l Location) String() string {
	if l.File == "" && l.Line == 0 {
		return ""
	}
	return l.File + ":" + itoa(int64(l.Line))
}

// Item returns line item i, or the zero Location if out of range.
func (t *LineTable) Item(i int) Location {
	if t == nil || i < 0 || i >= len(t.Items) {
		return Location{}
	}
	return t.Items[i]
}

// lines reads the Line chunk: five 32-bit fields (version, flags, line
// instruction count, item count, file name count), then the items as
// compact terms (an a-tagged value switches the current file, an i-tagged
// value is a line in it), then the file names as 16-bit length + UTF-8.
func (p *parser) lines() error {
	if !p.present(chLine) {
		return nil
	}
	c := p.chunk(chLine)
	r := newReader(c.Data, c.Offset)
	var hdr [5]uint32
	for i := range hdr {
		v, err := r.u32()
		if err != nil {
			return p.failAt(c, r, err)
		}
		hdr[i] = v
	}
	if hdr[0] != 0 {
		// OTP ignores line tables in versions it does not know; so do we.
		return nil
	}
	nItems, nNames := int64(hdr[3]), int64(hdr[4])
	if nItems > int64(r.remaining()) || nNames > int64(r.remaining()) || int32(hdr[2]) < 0 {
		return p.fail(c, c.Offset+12, errors.New("line table counts exceed chunk size"))
	}
	t := &LineTable{Version: int(hdr[0]), Flags: int(hdr[1]), NumInstrs: int(hdr[2])}
	t.Items = make([]Location, 1, nItems+1)
	fileIdx := make([]int32, 1, nItems+1)
	cur := int32(0)
	for int64(len(t.Items)) <= nItems {
		start := r.off()
		cv, err := r.readCompact()
		if err != nil {
			return p.fail(c, start, err)
		}
		switch {
		case cv.tag == tagA && cv.bytes == nil && cv.val <= nNames:
			cur = int32(cv.val)
		case cv.tag == tagI && cv.bytes == nil && cv.val >= 0 && cv.val <= 1<<31-1:
			t.Items = append(t.Items, Location{Line: int(cv.val)})
			fileIdx = append(fileIdx, cur)
		default:
			return p.fail(c, start, errors.New("bad line item"))
		}
	}
	t.Files = make([]string, nNames+1)
	t.Files[0] = p.m.Name + ".erl"
	for i := 1; i < len(t.Files); i++ {
		start := r.off()
		n, err := r.u16()
		if err != nil {
			return p.fail(c, start, err)
		}
		b, err := r.bytes(int(n))
		if err != nil {
			return p.fail(c, start, err)
		}
		t.Files[i] = string(b)
		if n == 0 {
			t.Files[i] = t.Files[0] // as OTP does for empty names
		}
	}
	for i := 1; i < len(t.Items); i++ {
		t.Items[i].File = t.Files[fileIdx[i]]
	}
	p.m.Lines = t
	return nil
}
