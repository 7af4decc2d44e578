package format

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/beamrc/beamrc/runtime/term"
)

// Device is an output stream of the runtime: standard output or standard
// error. It is shared by all processes, so writes take a lock, and a
// write is never split between two processes' output.
//
// Under OTP 25's `erl -noshell` (how the expected outputs are recorded)
// both streams are in latin1 mode: a character below 256 is written as
// that byte, and a larger one as the text \x{H} (OTP's user and
// standard_error servers do this rather than fail). In unicode mode
// (io:setopts(Dev, [{encoding, unicode}]), and OTP 26's default under a
// UTF-8 locale) characters are written in UTF-8.
type Device struct {
	mu       sync.Mutex
	w        *bufio.Writer
	autoSync bool     // flush after every write (standard error)
	enc      Encoding // latin1 unless set
}

// Stdout is standard output, buffered: the runtime flushes it at exit and
// before it writes crash reports to standard error.
var Stdout = NewDevice(os.Stdout, false)

// Stderr is standard error, written through at once.
var Stderr = NewDevice(os.Stderr, true)

// NewDevice makes a device writing to w; autoSync flushes every write.
func NewDevice(w io.Writer, autoSync bool) *Device {
	return &Device{w: bufio.NewWriterSize(w, 64<<10), autoSync: autoSync}
}

// SetEncoding sets the device's mode: how PutChars writes characters.
func (d *Device) SetEncoding(e Encoding) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.enc = e
}

// Encoding returns the device's mode.
func (d *Device) Encoding() Encoding {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.enc
}

// PutChars writes characters (a string of code points) in the device's
// mode.
func (d *Device) PutChars(s string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.enc == Unicode {
		d.w.WriteString(s)
	} else {
		d.w.Write(EncodeLatin1(s))
	}
	if d.autoSync {
		d.w.Flush()
	}
}

// WriteBytes writes raw bytes (erlang:display's output).
func (d *Device) WriteBytes(b []byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.w.Write(b)
	if d.autoSync {
		d.w.Flush()
	}
}

// Flush writes out what is buffered.
func (d *Device) Flush() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.w.Flush()
}

// EncodeLatin1 turns characters into the bytes a latin1-mode device
// writes: one byte per character below 256, \x{H} for the others.
func EncodeLatin1(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r < 256 {
			out = append(out, byte(r))
			continue
		}
		out = append(out, `\x{`...)
		out = append(out, strings.ToUpper(strconv.FormatInt(int64(r), 16))...)
		out = append(out, '}')
	}
	return out
}

// Chardata returns the characters of unicode:chardata() as io:put_chars
// takes it: a deep list of characters and UTF-8 binaries, possibly with a
// binary as an improper tail. ok is false where OTP raises badarg.
func Chardata(t term.Term) (string, bool) {
	var b strings.Builder
	if !chardata(&b, t) {
		return "", false
	}
	return b.String(), true
}

func chardata(b *strings.Builder, t term.Term) bool {
	for {
		switch {
		case t == term.Nil:
			return true
		case t.IsBinary():
			bs, _ := t.BinaryBytes()
			if !utf8.Valid(bs) {
				return false
			}
			b.Write(bs)
			return true
		case t.IsCons():
			h := t.Head()
			switch {
			case h.IsSmall() && isUnicodeChar(h.SmallValue()):
				b.WriteRune(rune(h.SmallValue()))
			case h.IsList() || h.IsBinary():
				if !chardata(b, h) {
					return false
				}
			default:
				return false
			}
			t = t.Tail()
		default:
			return false
		}
	}
}
