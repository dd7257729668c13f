package serve

import (
	"testing"

	"podium/session"
)

// TestUndoPerConnection: one desk key on two SSH connections (issue 12,
// point 8). Each connection checks a delegate in; ctrl+z on the first
// takes back the first's mark, never the second's (the later one, under
// the same actor): each connection is its own terminal (terminalOf).
func TestUndoPerConnection(t *testing.T) {
	desk, deskLine := newKey(t)
	f := start(t, [3]string{"门口一", "desk", deskLine})
	var terms [2]*terminal
	for i := range terms {
		c, err := f.dial(desk)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		terms[i] = openTerminal(t, c)
		terms[i].waitFor(t, f.name)
	}
	status := func(id string) (st session.Status) {
		f.sess.Read(func(s *session.State) {
			i, _ := s.Person(id)
			st = s.Attendance[i].Status
		})
		return st
	}
	terms[0].send(t, "D0012\r")
	waitUntil(t, "D0012 is present", func() bool { return status("D0012") == session.Present })
	terms[1].send(t, "D0013\r")
	waitUntil(t, "D0013 is present", func() bool { return status("D0013") == session.Present })
	terms[0].send(t, "\x1a") // ctrl+z on the first connection
	waitUntil(t, "D0012 undone", func() bool { return status("D0012") == session.NotArrived })
	if status("D0013") != session.Present {
		t.Fatal("ctrl+z on one connection took back the other connection's mark")
	}
}
