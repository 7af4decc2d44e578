package emu

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beamrc/beamrc/runtime/term"
)

// A process that takes its messages one at a time, as a server loop or
// a ping-pong does, reuses its mailbox: no Go allocation per message.
func TestMailboxOfOneDoesNotAllocate(t *testing.T) {
	s := NewSystem()
	p := s.newProcess(nil)
	round := func() {
		s.deliver(p, message{t: term.MakeSmall(7)})
		m, ok := p.peekMessage()
		require.True(t, ok)
		require.Equal(t, term.MakeSmall(7), m)
		p.removeMessage()
	}
	round()
	assert.Zero(t, testing.AllocsPerRun(100, round))
}

// Messages are taken in the order they came, from the front or from
// the middle (a selective receive), and the mailbox ends empty.
func TestMailboxOrder(t *testing.T) {
	s := NewSystem()
	p := s.newProcess(nil)
	for i := range 4 {
		s.deliver(p, message{t: term.MakeSmall(int64(i))})
	}
	p.cursor = 2
	p.removeMessage() // 2, out of the middle
	var got []int64
	for {
		m, ok := p.peekMessage()
		if !ok {
			break
		}
		got = append(got, m.SmallValue())
		p.removeMessage()
	}
	assert.Equal(t, []int64{0, 1, 3}, got)
	assert.Zero(t, p.MessageQueueLen())
}
