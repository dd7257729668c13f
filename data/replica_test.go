package data

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"

	"podium/session"
)

// copyInto appends src's events from..to (inclusive) to dst with their
// links, as a copier does.
func copyInto(t *testing.T, src, dst *Store, from, to uint64) {
	t.Helper()
	var batch []Stored
	err := src.RecordsFrom(from, func(r Stored) error {
		if r.Seq > to {
			return errEnough
		}
		batch = append(batch, Stored{Seq: r.Seq, Link: bytes.Clone(r.Link), Data: bytes.Clone(r.Data)})
		return nil
	})
	if err != nil && err != errEnough {
		t.Fatal(err)
	}
	if err := dst.AppendStored(batch); err != nil {
		t.Fatal(err)
	}
}

func openStore(t *testing.T, path string) *Store {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestAppendStoredCopiesTheChain: a copy made of the original's records
// and links, in batches, verifies to the original's head and replays to
// the same congress.
func TestAppendStoredCopiesTheChain(t *testing.T) {
	dir := t.TempDir()
	p, s := newSession(t, filepath.Join(dir, "p.db"), 50)
	defer p.Close()
	c := openStore(t, filepath.Join(dir, "c.db"))
	copyInto(t, p, c, 1, 1)
	copyInto(t, p, c, 2, 30)
	copyInto(t, p, c, 31, 51)
	n1, h1, err1 := p.Verify()
	n2, h2, err2 := c.Verify()
	if err1 != nil || err2 != nil || n1 != 51 || n1 != n2 || h1 != h2 {
		t.Fatalf("original %d %x %v, copy %d %x %v", n1, h1, err1, n2, h2, err2)
	}
	cs, err := session.Load(c)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := state(s), state(cs); a.Seq != b.Seq || a.Count() != b.Count() {
		t.Errorf("the copy replays to seq %d %+v, the original is at %d %+v", b.Seq, b.Count(), a.Seq, a.Count())
	}
	if h, _ := c.HashAt(51); h != h1 {
		t.Errorf("HashAt(51) = %x, want %x", h, h1)
	}
	if _, err := c.HashAt(52); !errors.Is(err, ErrDamaged) {
		t.Errorf("HashAt beyond the end: %v", err)
	}
}

// TestAppendStoredRefusesAFork: a record of another chain (another
// writer's event 11 after the same first 10) does not link, is refused
// with a *ForkError naming event 10, and nothing is stored; a gap is a
// *SeqError.
func TestAppendStoredRefusesAFork(t *testing.T) {
	dir := t.TempDir()
	p, _ := newSession(t, filepath.Join(dir, "p.db"), 20)
	defer p.Close()
	c := openStore(t, filepath.Join(dir, "c.db"))
	copyInto(t, p, c, 1, 10)
	other := openStore(t, filepath.Join(dir, "o.db"))
	copyInto(t, p, other, 1, 10)
	os, err := session.Load(other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Execute(toggle(os, 500, "desk-9")); err != nil {
		t.Fatal(err)
	}
	var fork *ForkError
	var rec Stored
	other.RecordsFrom(11, func(r Stored) error {
		rec = Stored{Seq: r.Seq, Link: bytes.Clone(r.Link), Data: bytes.Clone(r.Data)}
		return nil
	})
	copyInto(t, p, c, 11, 11) // the primary's event 11 links
	if err := c.AppendStored([]Stored{rec}); !errors.As(err, new(*SeqError)) {
		t.Errorf("event 11 again: %v", err)
	}
	c2 := openStore(t, filepath.Join(dir, "c2.db"))
	copyInto(t, p, c2, 1, 9)
	copyInto(t, other, c2, 10, 10) // the same event 10
	bad := rec
	bad.Link = make([]byte, 32)
	if err := c2.AppendStored([]Stored{bad}); !errors.As(err, &fork) || fork.Seq != 10 {
		t.Errorf("a record linking to nothing: %v", err)
	}
	if seq, _ := c2.Head(); seq != 10 {
		t.Errorf("head %d after a refused record", seq)
	}
}

// TestCompareNamesTheFork: two logs alike up to event 10 that each went
// on differently fork there; a log that is another's beginning does not.
func TestCompareNamesTheFork(t *testing.T) {
	dir := t.TempDir()
	p, _ := newSession(t, filepath.Join(dir, "p.db"), 19)
	defer p.Close()
	q := openStore(t, filepath.Join(dir, "q.db"))
	copyInto(t, p, q, 1, 10)
	qs, err := session.Load(q)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if _, err := qs.Execute(toggle(qs, 300+i, "desk-q")); err != nil {
			t.Fatal(err)
		}
	}
	c, err := p.Compare(q)
	if err != nil || c != (Comparison{Same: 10, Len: 20, OtherLen: 15}) || !c.Forked() {
		t.Errorf("p against q: %+v forked %v, %v", c, c.Forked(), err)
	}
	b := openStore(t, filepath.Join(dir, "b.db"))
	copyInto(t, p, b, 1, 15)
	c, err = b.Compare(p)
	if err != nil || c != (Comparison{Same: 15, Len: 15, OtherLen: 20}) || c.Forked() {
		t.Errorf("a beginning against the whole: %+v forked %v, %v", c, c.Forked(), err)
	}
}

// TestFenceRefusesEveryWrite: a standby that received events 1–15 takes
// over (event 16, epoch 2) while the primary wrote on to event 21. Told
// of it, the primary refuses every write with who took over and when,
// also after a restart, and says that its events 16–21 are not in the
// chain of the podium that took over. A notice that is no takeover, or
// the takeover of another log, is refused.
func TestFenceRefusesEveryWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.db")
	p, ps := newSession(t, path, 19)
	sb := openStore(t, filepath.Join(dir, "s.db"))
	copyInto(t, p, sb, 1, 15)
	ss, err := session.Load(sb)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := ss.Execute(session.TakeOver{Meta: meta(100, "host"), From: "10.0.0.1:23234"})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := state(ss), state(ps); a.Epoch() != 2 || b.Epoch() != 1 {
		t.Fatalf("epochs %d %d", a.Epoch(), b.Epoch())
	}
	var notice Stored
	sb.RecordsFrom(evs[0].Seq, func(r Stored) error {
		notice = Stored{Seq: r.Seq, Link: bytes.Clone(r.Link), Data: bytes.Clone(r.Data)}
		return nil
	})

	var mark Stored
	sb.RecordsFrom(15, func(r Stored) error {
		if r.Seq == 15 {
			mark = Stored{Seq: r.Seq, Link: bytes.Clone(r.Link), Data: bytes.Clone(r.Data)}
		}
		return nil
	})
	var fenceErr *FenceError
	if _, _, err := p.Fence(mark); !errors.As(err, &fenceErr) {
		t.Errorf("a mark as a takeover: %v", err)
	}
	forged := notice
	forged.Link = make([]byte, 32)
	if _, _, err := p.Fence(forged); !errors.As(err, &fenceErr) {
		t.Errorf("a takeover of another log: %v", err)
	}
	if _, err := ps.Execute(toggle(ps, 200, "desk-1")); err != nil {
		t.Fatalf("still the writer: %v", err)
	}

	fe, after, err := p.Fence(notice)
	if err != nil || fe.Epoch != 2 || fe.Seq != 16 || fe.By != "host" || after != 6 {
		t.Fatalf("fence: %+v after %d, %v", fe, after, err)
	}
	var fenced *session.FencedError
	if _, err := ps.Execute(toggle(ps, 201, "desk-1")); !errors.As(err, &fenced) || fenced.Seq != 16 || ps.LogFailure() != nil {
		t.Errorf("a command after the fence: %v (log failure %v)", err, ps.LogFailure())
	}
	p.Close()
	p = openStore(t, path)
	if p.Fenced() == nil || p.Fenced().Epoch != 2 {
		t.Fatalf("after a restart: %+v", p.Fenced())
	}
	if err := p.Append([]session.Record{{Seq: 22, Data: []byte{2}}}); !errors.As(err, &fenced) {
		t.Errorf("append after a restart: %v", err)
	}
	if n, _, err := p.Verify(); err != nil || n != 21 {
		t.Errorf("verify of the fenced log: %d %v", n, err)
	}
}
