package beam

import (
	"errors"
	"strconv"
)

// FormatError reports malformed input. It names the file, the chunk and the
// byte offset (from the start of the file) where decoding failed, so that a
// user can find the problem with a hex dump.
type FormatError struct {
	File   string // file name, or the name given to Parse
	Chunk  string // chunk ID such as "LitT"; empty for the container itself
	Offset int    // byte offset in the file
	Err    error
}

func (e *FormatError) Error() string {
	s := e.File + ": "
	if e.Chunk != "" {
		s += "chunk " + e.Chunk + " "
	}
	return s + "at offset 0x" + strconv.FormatInt(int64(e.Offset), 16) + ": " + e.Err.Error()
}

func (e *FormatError) Unwrap() error { return e.Err }

// Sentinel causes, for callers that want to tell kinds of damage apart with
// errors.Is.
var (
	ErrTruncated = errors.New("unexpected end of data")
	ErrNotBEAM   = errors.New("not a BEAM file")
)

// itoa avoids pulling fmt into hot paths and error construction.
func itoa(v int64) string { return strconv.FormatInt(v, 10) }
