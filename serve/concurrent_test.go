package serve

import (
	"podium/files"

	"fmt"
	"net"
	"path/filepath"
	"slices"
	"strings"
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
	var acc strings.Builder
	for i := range keys {
		var line string
		keys[i], line = newKey(t)
		names[i] = fmt.Sprintf("秘书%02d", i+1)
		fmt.Fprintf(&acc, "[[user]]\nname = \"%s\"\nrole = \"secretary\"\nkey = \"%s\"\n\n", names[i], line)
	}
	access, err := ParseAccess("access.toml", []byte(acc.String()))
	if err != nil {
		t.Fatal(err)
	}
	hk, _, err := LoadHostKey(filepath.Join(dir, "podium.db.hostkey"))
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{Session: sess, Access: access, HostKey: hk, Lang: "zh", Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	srvOpen := true
	closeServer := func() {
		if !srvOpen {
			return
		}
		srvOpen = false
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
		select {
		case err := <-served:
			if err != nil {
				t.Error(err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Serve did not return after Close")
		}
	}
	t.Cleanup(closeServer)
	f := &fixture{srv: srv, addr: l.Addr().String(), hostKey: hk.PublicKey(), sess: sess, name: setup.Meeting.Name}

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
	waitUntil(t, "all 50 terminals are connected", func() bool { return len(srv.Clients()) == clients })
	for _, term := range terms {
		term.waitFor(t, f.name)
	}

	// At once: f7, the note, enter.
	start := make(chan struct{})
	for i, term := range terms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for _, keys := range []string{"\x1b[18~", fmt.Sprintf("note-%d", i), "\r"} {
				if _, err := term.in.Write([]byte(keys)); err != nil {
					errs[i] = err
					return
				}
				time.Sleep(50 * time.Millisecond)
			}
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
	deadline := time.Now().Add(60 * time.Second) // ~1 s normally; far slower under -race or a loaded machine
	for got = notes(sess); len(got) < clients && time.Now().Before(deadline); got = notes(sess) {
		time.Sleep(10 * time.Millisecond)
	}
	// Give a stray duplicate a moment to show up, then stop everything so
	// that the state, the log and the reload are compared at rest.
	time.Sleep(100 * time.Millisecond)
	for _, c := range conns {
		c.Close()
	}
	closeServer()
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
