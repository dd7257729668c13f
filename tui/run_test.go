package tui

import (
	"io"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"podium/session"
)

// TestRun runs the program with piped input while another terminal marks
// people, then quits with ctrl+c: Run must return, and the session must
// stay usable (the subscription never blocks Execute).
func TestRun(t *testing.T) {
	sess := newSession(t, testSetup())
	r, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- Run(sess, Options{Lang: "zh", Actor: "desk-1", Now: func() time.Time { return t0 }},
			tea.WithInput(r), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
	}()
	for _, id := range []string{"A001", "A002", "A003", "A004"} {
		mark(t, sess, id, session.Present, t0)
		time.Sleep(20 * time.Millisecond)
	}
	if _, err := w.Write([]byte("zxl\r\x03")); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after ctrl+c")
	}
	for i := 0; i < 50; i++ { // after exit, events must not block
		mark(t, sess, "A005", []session.Status{session.Present, session.Left, session.OnLeave}[i%3], t0)
	}
}
