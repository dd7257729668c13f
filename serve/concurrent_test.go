package serve

import (
	"podium/files"

	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"podium/data"
	"podium/session"
)

// TestFiftyClientsNoneLost: 50 secretaries, each on its own SSH terminal,
// press f7, type a note and enter at once; every note is recorded once,
// under its own actor, in the state and in the durable log, and a reload
// gives the same notes.
func TestFiftyClientsNoneLost(t *testing.T) {
	const clients = 50
	const marks = 3

	dir := t.TempDir()
	store, err := data.Open(filepath.Join(dir, "podium.db"))
	if err != nil {
		t.Fatal(err)
	}
	storeOpen := true
	t.Cleanup(func() {
		if storeOpen {
			store.Close()
		}
	})
	setup := files.Demo()
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	sess, err := session.Create(store, session.Open{Meta: session.Meta{At: at, Actor: "host"}, Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	sess.Read(func(st *session.State) {
		for _, p := range st.Setup.Roster[:marks] {
			ids = append(ids, p.ID)
		}
	})
	for i, id := range ids {
		if _, err := sess.Execute(session.Mark{Meta: session.Meta{At: at.Add(time.Duration(i+1) * time.Second), Actor: "host"}, Person: id, Status: session.Present}); err != nil {
			t.Fatal(err)
		}
	}
	// A note goes on the current item: start the first.
	if _, err := sess.Execute(session.StartItem{Meta: session.Meta{At: at.Add(time.Minute), Actor: "host"}, Index: 0}); err != nil {
		t.Fatal(err)
	}
	before, _, err := store.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if before != 1+marks+1 {
		t.Fatalf("before the notes the log holds %d events, want %d (the opening, %d marks, the item's start)", before, 1+marks+1, marks)
	}

	keys := make([]gossh.Signer, clients)
	names := make([]string, clients)
	users := make([][3]string, clients)
	for i := range keys {
		var line string
		keys[i], line = newKey(t)
		names[i] = fmt.Sprintf("秘书%02d", i+1)
		users[i] = [3]string{names[i], "secretary", line}
	}
	// 50 handshakes at once on a loaded machine may take longer than the
	// server's 10 s default; the limit is not what this test is about.
	f := serveOn(t, sess, Limits{HandshakeTimeout: patience}, nil, users...)

	// Connect all 50 (dialling in parallel keeps the test short).
	conns := make([]*gossh.Client, clients)
	terms := make([]*terminal, clients)
	t.Cleanup(func() {
		for _, c := range conns {
			if c != nil {
				c.Close()
			}
		}
	})
	var wg sync.WaitGroup
	errs := make([]error, clients)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conns[i], errs[i] = f.dial(keys[i])
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("client %d: %v", i, err)
		}
	}
	for i, c := range conns {
		terms[i] = openTerminal(t, c)
	}
	waitUntil(t, "all 50 terminals are connected", func() bool { return len(f.srv.Clients()) == clients })
	for _, term := range terms {
		term.waitFor(t, f.name)
	}

	// At once: f7, the note, enter (once f7 has asked for it).
	start := make(chan struct{})
	for i, term := range terms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			from := term.written()
			if _, errs[i] = term.in.Write([]byte("\x1b[18~")); errs[i] != nil { // f7
				return
			}
			if !term.shows("第 1 项记录", from) {
				errs[i] = fmt.Errorf("f7 asked for no note: %q", term.screen())
				return
			}
			_, errs[i] = term.in.Write([]byte(fmt.Sprintf("note-%d\r", i)))
		}()
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("client %d typing: %v", i, err)
		}
	}

	notes := func(s *session.Session) (ns []session.Note) {
		s.Read(func(st *session.State) { ns = slices.Clone(st.Notes) })
		return ns
	}
	var got []session.Note
	deadline := time.Now().Add(patience) // ~1 s normally; far slower under -race or a loaded machine
	for got = notes(sess); len(got) < clients && time.Now().Before(deadline); got = notes(sess) {
		time.Sleep(10 * time.Millisecond)
	}
	if len(got) < clients {
		// Say what the terminals whose notes are missing showed.
		for i, term := range terms {
			if !slices.ContainsFunc(got, func(n session.Note) bool { return n.Text == fmt.Sprintf("note-%d", i) }) {
				s := term.screen()
				t.Errorf("note-%d missing; its terminal's last output: %q", i, s[max(0, len(s)-600):])
			}
		}
	}
	// Stop everything so that the state, the log and the reload are
	// compared at rest (a stray duplicate would be there by then: Close
	// waits for every terminal's program to end).
	for _, c := range conns {
		c.Close()
	}
	f.stop()
	got = notes(sess)
	check := func(where string, ns []session.Note) {
		t.Helper()
		if len(ns) != clients {
			t.Errorf("%s: %d notes, want %d: %+v", where, len(ns), clients, ns)
		}
		seen := map[string]int{}
		for _, n := range ns {
			seen[n.Text]++
			var i int
			if _, err := fmt.Sscanf(n.Text, "note-%d", &i); err != nil || i < 0 || i >= clients || n.Text != fmt.Sprintf("note-%d", i) {
				t.Errorf("%s: unexpected note %+v", where, n)
				continue
			}
			if n.Item != 0 {
				t.Errorf("%s: note %q on item %d, want 0", where, n.Text, n.Item)
			}
			if want := "secretary:" + names[i]; n.By != want {
				t.Errorf("%s: note %q by %q, want %q", where, n.Text, n.By, want)
			}
		}
		for i := range clients {
			if c := seen[fmt.Sprintf("note-%d", i)]; c != 1 {
				t.Errorf("%s: note-%d recorded %d times, want once", where, i, c)
			}
		}
	}
	check("state", got)

	// The log holds exactly what was acknowledged: the opening, the marks,
	// the item's start and one event per note.
	events, _, err := store.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if events != before+len(got) || events != before+clients {
		t.Errorf("the log holds %d events, want %d (%d before, %d notes in the state, %d typed)", events, before+clients, before, len(got), clients)
	}

	// Reopen the file and reload: the same notes.
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	storeOpen = false
	store2, err := data.Open(filepath.Join(dir, "podium.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store2.Close()
	again, err := session.Load(store2)
	if err != nil {
		t.Fatal(err)
	}
	reloaded := notes(again)
	check("reload", reloaded)
	if !slices.EqualFunc(got, reloaded, func(a, b session.Note) bool {
		return a.At.Equal(b.At) && a.Item == b.Item && a.By == b.By && a.Text == b.Text
	}) {
		t.Errorf("the reload's notes differ:\n%+v\n%+v", got, reloaded)
	}
}
