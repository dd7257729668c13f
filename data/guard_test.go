package data

import (
	"errors"
	"path/filepath"
	"testing"

	"podium/session"
)

// TestCallbackPanicIsTheCallers: a panic in the callback of Replay,
// Records or RecordsFrom is the caller's bug, passed on as it was, never
// reported as damage to the file; the loop's later records are not read.
func TestCallbackPanicIsTheCallers(t *testing.T) {
	st, _ := newSession(t, filepath.Join(t.TempDir(), "p.db"), 5)
	defer st.Close()
	calls := map[string]int{}
	loops := map[string]func(what string) error{
		"Replay": func(what string) error {
			return st.Replay(func(r session.Record) error { return boom(calls, what, r.Seq) })
		},
		"ReplayAfter": func(what string) error {
			return st.ReplayAfter(1, func(r session.Record) error { return boom(calls, what, r.Seq) })
		},
		"Records": func(what string) error {
			return st.Records(func(r Stored) error { return boom(calls, what, r.Seq) })
		},
		"RecordsFrom": func(what string) error {
			return st.RecordsFrom(2, func(r Stored) error { return boom(calls, what, r.Seq) })
		},
	}
	for what, loop := range loops {
		func() {
			defer func() {
				if p := recover(); p != "boom at 3" {
					t.Errorf("%s: recovered %v, want the callback's panic", what, p)
				}
			}()
			err := loop(what)
			t.Errorf("%s returned %v instead of panicking", what, err)
		}()
		if calls[what] != 3 && !((what == "RecordsFrom" || what == "ReplayAfter") && calls[what] == 2) {
			t.Errorf("%s: %d calls", what, calls[what])
		}
	}
	// Then the loops run whole, and an error stops them as it always did.
	stop := errors.New("stop")
	if err := st.Replay(func(r session.Record) error { return stop }); err != stop {
		t.Errorf("Replay: %v", err)
	}
	n := 0
	if err := st.Records(func(Stored) error { n++; return nil }); err != nil || n != 6 {
		t.Errorf("Records: %d, %v", n, err)
	}
}

func boom(calls map[string]int, what string, seq uint64) error {
	calls[what]++
	if seq == 3 {
		panic("boom at 3")
	}
	return nil
}
