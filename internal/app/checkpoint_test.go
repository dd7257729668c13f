package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"podium/data"
	"podium/files"
	"podium/session"
)

// congressWith creates a congress at db with the demo's setup (not a
// demo) and n marks from the from-th delegate on, closed again.
func congressWith(t *testing.T, db string, n, from int) {
	t.Helper()
	setup := files.Demo()
	setup.Demo = false
	if err := Create(db, setup, at, false); err != nil {
		t.Fatal(err)
	}
	c, err := Open(db, 0)
	if err != nil {
		t.Fatal(err)
	}
	mark(t, c, n, from)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
}

// mark gives n marks on c's session, each flipping a delegate between
// present and left, from the from-th on.
func mark(t *testing.T, c *Congress, n, from int) {
	t.Helper()
	for i := from; i < from+n; i++ {
		var m session.Mark
		c.Session.Read(func(st *session.State) {
			p := i % len(st.Setup.Roster)
			to := session.Present
			if st.Attendance[p].Status == session.Present {
				to = session.Left
			}
			m = session.Mark{Meta: session.Meta{At: at.Add(time.Duration(st.Seq) * time.Second), Actor: "desk-1"},
				Person: st.Setup.Roster[p].ID, Status: to}
		})
		if _, err := c.Session.Execute(m); err != nil {
			t.Fatal(err)
		}
	}
}

// stateOf is a shallow copy of c's state.
func stateOf(c *Congress) session.State {
	var s session.State
	c.Session.Read(func(st *session.State) { s = *st })
	return s
}

// checkpointAt fails unless the checkpoint beside c's database is usable
// and of event want.
func checkpointAt(t *testing.T, c *Congress, want uint64) {
	t.Helper()
	if seq, _, err := c.Store.Checkpoint(); err != nil || seq != want {
		t.Fatalf("checkpoint of event %d (%v), want %d", seq, err, want)
	}
}

// TestOpenFallsBack: a checkpoint of another build, a damaged one or one
// the session cannot resume from never stops podium from opening: it
// replays the log in full, and Verify is content.
func TestOpenFallsBack(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(b []byte) []byte
		reason data.CheckpointReason
	}{
		{"another build", func(b []byte) []byte { b[11] ^= 1; return b }, data.CheckpointOtherBuild},
		{"damaged", func(b []byte) []byte { b[len(b)-1] ^= 1; return b }, data.CheckpointDamaged},
		{"garbage", func([]byte) []byte { return []byte("garbage") }, data.CheckpointDamaged},
		{"not an image", func(b []byte) []byte { return b }, data.CheckpointNotResumed},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "p.db")
			congressWith(t, db, 20, 0)
			st, err := data.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.SaveCheckpoint(st.Len(), []byte("not an image")); err != nil {
				t.Fatal(err)
			}
			st.Close()
			ck := data.CheckpointPath(db)
			b, err := os.ReadFile(ck)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(ck, c.change(b), 0o600); err != nil {
				t.Fatal(err)
			}
			cg, err := Open(db, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer cg.Close()
			var ce *data.CheckpointError
			if l := cg.Loaded(); l.Resumed || !errors.As(l.Why, &ce) || ce.Reason != c.reason || l.Replayed != 21 {
				t.Fatalf("loaded %+v, want a full replay because %s", l, c.reason)
			}
			if stateOf(cg).Seq != 21 {
				t.Fatalf("state at event %d", stateOf(cg).Seq)
			}
			if n, _, err := cg.Verify(); err != nil || n != 21 {
				t.Fatalf("verify: %d %v", n, err)
			}
		})
	}
}

// TestCloseKeepsCheckpoint: closing a congress opened to run it writes a
// checkpoint of its last event, from which the next Open resumes; a
// congress opened for reading writes none.
func TestCloseKeepsCheckpoint(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	congressWith(t, db, 0, 0)
	ck := data.CheckpointPath(db)
	os.Remove(ck)
	r, err := OpenForReading(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.Verify(); err != nil {
		t.Fatal(err)
	}
	r.Close()
	if _, err := os.Stat(ck); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("opened for reading, a checkpoint was written: %v", err)
	}

	c, err := Open(db, 0)
	if err != nil {
		t.Fatal(err)
	}
	mark(t, c, 30, 0)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c, err = Open(db, 0)
	if err != nil {
		t.Fatal(err)
	}
	if l := c.Loaded(); !l.Resumed || l.Seq != 31 || l.Replayed != 0 {
		t.Fatalf("loaded %+v, want resumed at event 31", l)
	}
	if n, _, err := c.Verify(); err != nil || n != 31 {
		t.Fatalf("verify: %d %v", n, err)
	}
	c.Close()
	if r, err = OpenForReading(t.Context(), db); err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if l := r.Loaded(); l.Resumed || l.Why != nil {
		t.Fatalf("opened for reading from a checkpoint: %+v", l)
	}
}

// TestVerifyKeepsCheckpoint: a start without a checkpoint, or far behind
// one, writes a new checkpoint once verified, before any close.
func TestVerifyKeepsCheckpoint(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	congressWith(t, db, 10, 0)
	os.Remove(data.CheckpointPath(db))
	c, err := Open(db, 0)
	if err != nil {
		t.Fatal(err)
	}
	if l := c.Loaded(); l.Resumed || !errors.Is(l.Why, data.ErrNoCheckpoint) {
		t.Fatalf("loaded %+v", l)
	}
	image, seq, err := session.Image(c.Store)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Verify(); err != nil {
		t.Fatal(err)
	}
	checkpointAt(t, c, 11)
	// Far behind: CheckpointTail events after the checkpoint.
	mark(t, c, CheckpointTail, 10)
	if err := c.Store.SaveCheckpoint(seq, image); err != nil {
		t.Fatal(err)
	}
	c.ckptMu.Lock()
	c.noCheckpoints = true // so that Close leaves the old one
	c.ckptMu.Unlock()
	c.Close()
	if c, err = Open(db, 0); err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if l := c.Loaded(); !l.Resumed || l.Seq != 11 || l.Replayed != CheckpointTail {
		t.Fatalf("loaded %+v", l)
	}
	if _, _, err := c.Verify(); err != nil {
		t.Fatal(err)
	}
	checkpointAt(t, c, 11+CheckpointTail)
}

// TestVerifyFindsWrongCheckpoint: a session resumed from a checkpoint
// whose image is not the log's state (another congress's, of as many
// events) opens and shows that state, but decides nothing on it: the
// check runs at once in the background, every command, export and print
// waits for it and is then refused (*session.ImageError), Verify says so
// with a *CheckpointError, the checkpoint is removed and none is written
// on Close: the next start replays in full, and the congress goes on.
func TestVerifyFindsWrongCheckpoint(t *testing.T) {
	dir := t.TempDir()
	db := wrongCheckpoint(t, dir)
	c, err := Open(db, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Loaded().Resumed {
		t.Fatalf("not resumed: %v", c.Loaded().Why)
	}
	var ie *session.ImageError
	m := session.Mark{Meta: session.Meta{At: at.Add(time.Hour), Actor: "desk-1"}, Person: "D0001", Status: session.OnLeave}
	if _, err := c.Session.Execute(m); !errors.As(err, &ie) {
		t.Fatalf("a command on the wrong state: %v", err)
	}
	if _, err := c.Export([]string{"json"}, filepath.Join(dir, "records"), "zh"); !errors.As(err, &ie) {
		t.Fatalf("records of the wrong state: %v", err)
	}
	if _, err := c.PrintCredentials(context.Background(), filepath.Join(dir, "print"), "zh", false); !errors.As(err, &ie) {
		t.Fatalf("credentials of the wrong state: %v", err)
	}
	_, _, err = c.Verify()
	var ce *CheckpointError
	if !errors.As(err, &ce) || ce.Seq != 11 || ce.Left != "" {
		t.Fatalf("verify: %v, want a *CheckpointError", err)
	}
	if _, err := os.Stat(data.CheckpointPath(db)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the wrong checkpoint is still there: %v", err)
	}
	c.Close()
	if _, err := os.Stat(data.CheckpointPath(db)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a checkpoint was written after a wrong one: %v", err)
	}
	if _, err := os.Stat(uncheckedPath(db)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the mark of an unchecked start is left: %v", err)
	}
	if c, err = Open(db, 0); err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if l := c.Loaded(); l.Resumed || stateOf(c).Seq != 11 {
		t.Fatalf("after the restart: %+v at event %d", l, stateOf(c).Seq)
	}
	mark(t, c, 3, 10)
}

// wrongCheckpoint makes a congress of 10 marks in dir with, beside it, the
// checkpoint of another congress of as many events (other delegates): of
// the chain's length, with a state that is not the log's. Since the
// chain check compares the hash of the checkpoint's event, the other
// congress's checkpoint is given this log's hash: what a forged or
// miswritten checkpoint would hold.
func wrongCheckpoint(t *testing.T, dir string) string {
	t.Helper()
	db, other := filepath.Join(dir, "p.db"), filepath.Join(dir, "other.db")
	congressWith(t, db, 10, 0)
	congressWith(t, other, 10, 40)
	st, err := data.Open(other)
	if err != nil {
		t.Fatal(err)
	}
	image, seq, err := session.Image(st)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if st, err = data.Open(db); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveCheckpoint(seq, image); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestUncheckedStartNotRepeated: when a podium that started from its
// checkpoint stopped before checking it (killed: the mark is left), the
// next start does not use that checkpoint but replays in full.
func TestUncheckedStartNotRepeated(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	congressWith(t, db, 10, 0) // closing keeps a checkpoint
	if f, err := os.Create(uncheckedPath(db)); err != nil {
		t.Fatal(err)
	} else {
		f.Close()
	}
	c, err := Open(db, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if l := c.Loaded(); l.Resumed {
		t.Fatalf("resumed from a checkpoint whose start was never checked: %+v", l)
	}
	if _, err := os.Stat(uncheckedPath(db)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the mark is left: %v", err)
	}
}
