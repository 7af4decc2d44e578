package emu

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A panic in the runtime while a process runs (a bug, never an Erlang
// error) ends that process with an internal error that names it; the
// program is not brought down.
func TestPanicInProcessIsInternalError(t *testing.T) {
	s := NewSystem()
	var stderr bytes.Buffer
	s.Stderr = &stderr
	p := s.newProcess(nil)
	p.pc = len(s.code) + 100 // no such instruction: the loop's index panics

	assert.Equal(t, resExit, p.run())
	assert.Contains(t, stderr.String(), "beamrc: internal error in process <0.")
	assert.Contains(t, stderr.String(), "index out of range")
}
