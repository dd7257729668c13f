package data

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// waitMirror waits (at most 20 s: a hung mirror, not a slow one) until
// ok(status) holds.
func waitMirror(t *testing.T, m *Mirror, what string, ok func(MirrorStatus) bool) MirrorStatus {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		st := m.Status()
		if ok(st) {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("the mirror never %s: %+v", what, st)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// verifyAlike checks that the mirror verifies to the primary's head.
func verifyAlike(t *testing.T, primary *Store, mirror string) {
	t.Helper()
	n, h, err := primary.Verify()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Open(mirror, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	mn, mh, err := m.Verify()
	if err != nil || mn != n || mh != h {
		t.Errorf("the mirror verifies to %d %x (%v), the primary to %d %x", mn, mh, err, n, h)
	}
}

// TestMirrorFollows: a new mirror catches up with what the primary holds
// at once, then copies every committed event; closed, it verifies to the
// primary's head.
func TestMirrorFollows(t *testing.T) {
	dir := t.TempDir()
	p, s := newSession(t, filepath.Join(dir, "p.db"), 30)
	defer p.Close()
	mp := filepath.Join(dir, "stick", "mirror.db")
	os.Mkdir(filepath.Dir(mp), 0o700)
	m, err := StartMirror(p, mp)
	if err != nil {
		t.Fatal(err)
	}
	if st := m.Status(); st.Err != nil || st.Seq != 31 {
		t.Fatalf("after start: %+v", st)
	}
	for i := 31; i < 300; i++ {
		if _, err := s.Execute(toggle(s, i, "desk-1")); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	verifyAlike(t, p, mp)
	if _, err := StartMirror(p, filepath.Join(dir, "p.db")); err == nil {
		t.Error("the database as its own mirror")
	}
}

// TestMirrorOfAnotherCongress: a file holding another congress is never
// written to: the mirror says so and stays apart.
func TestMirrorOfAnotherCongress(t *testing.T) {
	dir := t.TempDir()
	p, _ := newSession(t, filepath.Join(dir, "p.db"), 5)
	defer p.Close()
	o, os := newSession(t, filepath.Join(dir, "o.db"), 3)
	if _, err := os.Execute(toggle(os, 4, "desk-other")); err != nil {
		t.Fatal(err)
	}
	o.Close()
	m, err := StartMirror(p, filepath.Join(dir, "o.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if st := m.Status(); st.Err == nil || !strings.Contains(st.Err.Error(), "not this congress's mirror") {
		t.Errorf("another congress as mirror: %+v", st)
	}
}

// TestMirrorPulledAndRestored: the stick is "pulled" — the mirror file
// made unwritable (chattr +i: even root cannot write it), then moved away
// — while the congress goes on: every command is acknowledged, the status
// says at once that the mirror fails; restored, the mirror catches up
// from the primary and verifies to its head.
func TestMirrorPulledAndRestored(t *testing.T) {
	dir := t.TempDir()
	p, s := newSession(t, filepath.Join(dir, "p.db"), 10)
	defer p.Close()
	mp := filepath.Join(dir, "mirror.db")
	m, err := StartMirror(p, mp)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	next := 11
	run := func(n int) {
		for range n {
			if _, err := s.Execute(toggle(s, next, "desk-1")); err != nil {
				t.Fatalf("command %d: %v", next, err)
			}
			next++
		}
	}
	head := func() uint64 { h, _ := p.Head(); return h }
	run(20)
	waitMirror(t, m, "caught up", func(st MirrorStatus) bool { return st.Err == nil && st.Seq == head() })

	if os.Geteuid() == 0 {
		if out, err := exec.Command("chattr", "+i", mp).CombinedOutput(); err != nil {
			t.Logf("chattr +i is not available (%v %s): the unwritable file is not tried", err, out)
		} else {
			run(25)
			st := waitMirror(t, m, "failed", func(st MirrorStatus) bool { return st.Err != nil })
			t.Logf("unwritable: %v", st.Err)
			run(5)
			if out, err := exec.Command("chattr", "-i", mp).CombinedOutput(); err != nil {
				t.Fatalf("chattr -i: %v %s", err, out)
			}
			waitMirror(t, m, "caught up after chattr -i", func(st MirrorStatus) bool { return st.Err == nil && st.Seq == head() })
		}
	} else {
		t.Log("not root: chattr +i cannot make the file unwritable here; only moving it away is tried")
	}

	// Pulled: the file is gone, and no new one is made in its place.
	away := filepath.Join(dir, "away.db")
	// A pulled stick fails the next write (EIO) and the mirror closes the
	// file; here the file is closed as that failure would, between two
	// batches.
	m.mu.Lock()
	if err := os.Rename(mp, away); err != nil {
		m.mu.Unlock()
		t.Fatal(err)
	}
	if m.dst != nil {
		m.dst.Close()
		m.dst = nil
	}
	m.mu.Unlock()
	run(30)
	st := waitMirror(t, m, "failed when pulled", func(st MirrorStatus) bool { return st.Err != nil })
	if !strings.Contains(st.Err.Error(), "gone") {
		t.Errorf("pulled: %v", st.Err)
	}
	time.Sleep(50 * time.Millisecond)
	if _, err := os.Stat(mp); err == nil {
		t.Error("a new mirror file was made in place of the pulled one")
	}
	if err := os.Rename(away, mp); err != nil {
		t.Fatal(err)
	}
	waitMirror(t, m, "caught up when put back", func(st MirrorStatus) bool { return st.Err == nil && st.Seq == head() })
	run(10)
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	verifyAlike(t, p, mp)
}
