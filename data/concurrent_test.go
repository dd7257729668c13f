package data

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"podium/session"
)

// TestManyTerminalsNoneLost: 50 terminals execute commands at once on one
// durable session; every acknowledged command is in the log, in a chain
// that verifies, and a reload gives the same state. Two desks marking the
// same delegate is harmless: one is refused as already done.
func TestManyTerminalsNoneLost(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db")
	st, s := newSession(t, path, 0)
	roster := testSetup().Roster
	var wg sync.WaitGroup
	var mu sync.Mutex
	acked, same := 0, 0
	for term := 0; term < 50; term++ {
		wg.Add(1)
		go func(term int) {
			defer wg.Done()
			actor := fmt.Sprintf("desk:%d", term)
			for i := 0; i < 4; i++ {
				id := roster[(term*2+i)%122].ID // neighbouring desks overlap
				_, err := s.Execute(session.Mark{Meta: session.Meta{At: t0, Actor: actor, Role: session.RoleDesk}, Person: id, Status: session.Present})
				mu.Lock()
				switch {
				case err == nil:
					acked++
				case errors.As(err, new(*session.SameStatusError)):
					same++
				default:
					t.Error(err)
				}
				mu.Unlock()
			}
		}(term)
	}
	wg.Wait()
	if acked+same != 200 || acked == 0 || same == 0 {
		t.Fatalf("acknowledged %d, refused as already present %d", acked, same)
	}
	n, _, err := st.Verify()
	if err != nil || n != acked+1 {
		t.Fatalf("log holds %d events (%v), acknowledged %d + the opening", n, err, acked)
	}
	var live session.Count
	s.Read(func(x *session.State) { live = x.Count() })
	st.Close()
	st2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	re, err := session.Load(st2)
	if err != nil {
		t.Fatal(err)
	}
	re.Read(func(x *session.State) {
		if x.Count() != live || live.Present != acked {
			t.Fatalf("reloaded %+v, live %+v, acknowledged %d", x.Count(), live, acked)
		}
	})
}
