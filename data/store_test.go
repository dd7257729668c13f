package data

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"podium/session"
)

func TestRoundTripThroughSession(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "dir")
	path := filepath.Join(dir, "podium.db")
	st, s := newSession(t, path, 30)
	if _, err := s.Execute(session.Undo{Meta: meta(31, "desk-1")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Execute(session.StartItem{Meta: meta(32, "chair"), Index: 0}); err != nil {
		t.Fatal(err)
	}
	want := state(s)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("directory: %v %v, want mode 0700", fi.Mode(), err)
	}

	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s2, err := session.Load(st)
	if err != nil {
		t.Fatal(err)
	}
	if got := state(s2); !reflect.DeepEqual(got, want) {
		t.Fatalf("state after reload differs:\n got %+v\nwant %+v", got, want)
	}
	if seq, _ := st.Head(); seq != want.Seq || seq != 33 {
		t.Fatalf("head %d, state seq %d, want 33", seq, want.Seq)
	}
	// The reloaded session keeps appending.
	if _, err := s2.Execute(toggle(s2, 40, "desk-2")); err != nil {
		t.Fatal(err)
	}
	if n, _, err := st.Verify(); err != nil || n != 34 {
		t.Fatalf("verify: %d %v, want 34 events", n, err)
	}
}

func rec(seq uint64, data string) session.Record {
	return session.Record{Seq: seq, Data: []byte(data)}
}

// chain computes the head hash of the given data, as the store should.
func chain(data ...string) [32]byte {
	var h [32]byte
	for _, d := range data {
		h = sha256.Sum256(append(h[:], d...))
	}
	return h
}

func TestAppendSeqAndHead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if seq, h := st.Head(); seq != 0 || h != ([32]byte{}) {
		t.Fatalf("empty head %d %x", seq, h)
	}
	if err := st.Append([]session.Record{rec(1, "one"), rec(2, "two")}); err != nil {
		t.Fatal(err)
	}
	var se *SeqError
	if err := st.Append([]session.Record{rec(4, "four")}); !errors.As(err, &se) || se.Want != 3 || se.Got != 4 {
		t.Fatalf("append seq 4 after 2: %v", err)
	}
	if err := st.Append([]session.Record{rec(3, "three"), rec(5, "five")}); !errors.As(err, &se) || se.Want != 4 || se.Got != 5 {
		t.Fatalf("append 3,5: %v", err)
	}
	if err := st.Append([]session.Record{rec(2, "two again")}); !errors.As(err, &se) {
		t.Fatalf("append seq 2 again: %v", err)
	}
	want := chain("one", "two")
	if seq, h := st.Head(); seq != 2 || h != want {
		t.Fatalf("head %d %x, want 2 %x", seq, h, want)
	}
	st.Close()

	st, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if seq, h := st.Head(); seq != 2 || h != want {
		t.Fatalf("head after reopen %d %x, want 2 %x", seq, h, want)
	}
	if err := st.Append([]session.Record{rec(3, "three")}); err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := st.Replay(func(r session.Record) error {
		got = append(got, string(r.Data))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "one,two,three" {
		t.Fatalf("replay %q", got)
	}
	stop := errors.New("stop here")
	got = nil
	if err := st.Replay(func(r session.Record) error {
		got = append(got, string(r.Data))
		if r.Seq == 2 {
			return stop
		}
		return nil
	}); err != stop || len(got) != 2 {
		t.Fatalf("replay stopped by fn: %v after %q", err, got)
	}
	n, last, err := st.Verify()
	if err != nil || n != 3 || last != chain("one", "two", "three") {
		t.Fatalf("verify %d %x %v", n, last, err)
	}
	st.Close()

	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.Append([]session.Record{rec(4, "four")}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("read-only append: %v", err)
	}
}

// tamper changes the closed log at path with bbolt directly.
func tamper(t *testing.T, path string, fn func(events *bolt.Bucket)) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error {
		fn(tx.Bucket(bucketEvents))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func key(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

// flip flips one bit of byte i of event seq's stored value.
func flip(seq uint64, i int) func(*bolt.Bucket) {
	return func(b *bolt.Bucket) {
		v := append([]byte(nil), b.Get(key(seq))...)
		v[i] ^= 0x04
		if err := b.Put(key(seq), v); err != nil {
			panic(err)
		}
	}
}

func del(seq uint64) func(*bolt.Bucket) {
	return func(b *bolt.Bucket) {
		if err := b.Delete(key(seq)); err != nil {
			panic(err)
		}
	}
}

func TestTamperDetected(t *testing.T) {
	const n = 10 // events: Opened + 9 marks
	for _, c := range []struct {
		name   string
		change func(*bolt.Bucket)
		bad    uint64
		reason string
	}{
		{"data of a middle event", flip(5, hashLen+3), 5, "hash no longer matches"},
		{"link of a middle event", flip(5, 7), 5, "link does not match"},
		{"data of the first event", flip(1, hashLen+40), 1, "hash no longer matches"},
		{"link of the first event", flip(1, 0), 1, "link is not zero"},
		{"data of the last event", flip(n, hashLen+2), n, "does not match meta/head"},
		{"link of the last event", flip(n, 31), n, "link does not match"},
		{"a middle event removed", del(6), 6, "missing"},
		{"the last event removed", del(n), n, "cut off"},
		{"an event added", func(b *bolt.Bucket) { _ = b.Put(key(n+1), make([]byte, 40)) }, n + 1, "link does not match"},
		{"a stray key", func(b *bolt.Bucket) { _ = b.Put([]byte("x"), []byte("y")) }, n + 1, "key"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "podium.db")
			st, _ := newSession(t, path, n-1)
			st.Close()
			tamper(t, path, c.change)

			st, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			events, _, err := st.Verify()
			var bad *BadRecordError
			if !errors.As(err, &bad) || bad.Seq != c.bad || !strings.Contains(bad.Reason, c.reason) {
				t.Fatalf("verify: %v; want event %d: …%s…", err, c.bad, c.reason)
			}
			if events != int(c.bad)-1 {
				t.Errorf("verify counted %d good events, want %d", events, c.bad-1)
			}
			// Replay checks order and the head, not every link (that is
			// Verify's work, run in the background once podium is ready):
			// it catches what happens at the end of the log.
			if c.bad < n && !strings.Contains(c.reason, "missing") {
				return
			}
			err = st.Replay(func(session.Record) error { return nil })
			if !errors.As(err, &bad) || bad.Seq != c.bad {
				t.Fatalf("replay: %v; want event %d", err, c.bad)
			}
			if _, err := session.Load(st); !errors.As(err, &bad) && !errors.As(err, new(*session.CorruptError)) {
				t.Fatalf("load of a changed log: %v", err)
			}
		})
	}
}

func TestSecondOpenIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []Options{{Timeout: 100 * time.Millisecond}, {Timeout: 100 * time.Millisecond, ReadOnly: true}} {
		_, err := Open(path, o)
		var inUse *InUseError
		if !errors.Is(err, ErrInUse) || !errors.As(err, &inUse) || inUse.Path != path {
			t.Fatalf("second open (read-only %v): %v", o.ReadOnly, err)
		}
		for _, part := range []string{path, "in use by another podium process", "100ms", "--db"} {
			if !strings.Contains(err.Error(), part) {
				t.Errorf("message %q lacks %q", err, part)
			}
		}
	}
	st.Close()
	st, err = Open(path, Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	st.Close()
}

func TestNotALog(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 1000)), 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	db, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("users")); return err }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, p := range []string{garbage, other} {
		_, err := Open(p)
		var nl *NotLogError
		if !errors.As(err, &nl) {
			t.Errorf("open %s: %v, want *NotLogError", filepath.Base(p), err)
		}
	}
	if _, err := Open(filepath.Join(dir, "missing.db"), Options{ReadOnly: true}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("read-only open of a missing file: %v", err)
	}
}

func TestBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "podium.db")
	st, s := newSession(t, path, 20)
	defer st.Close()
	if _, _, err := st.Backup(path); !errors.Is(err, ErrLiveFile) {
		t.Fatalf("backup over the live file: %v", err)
	}
	if _, _, err := st.Backup(filepath.Join(dir, ".", "podium.db")); !errors.Is(err, ErrLiveFile) {
		t.Fatalf("backup over the live file by another name: %v", err)
	}
	out := filepath.Join(dir, "backup.db")
	if err := os.WriteFile(out, []byte("old backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	bn, blast, err := st.Backup(out)
	if err != nil {
		t.Fatal(err)
	}
	want := state(s)
	seq, hash := st.Head()
	if uint64(bn) != seq || blast != hash {
		t.Fatalf("backup says %d %x; the store is at %d %x", bn, blast, seq, hash)
	}

	b, err := Open(out, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	n, last, err := b.Verify()
	if err != nil || uint64(n) != seq || last != hash {
		t.Fatalf("backup verify %d %x %v; want %d %x", n, last, err, seq, hash)
	}
	s2, err := session.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(state(s2), want) {
		t.Fatal("backup loads a different state")
	}
	// The live store keeps working after the backup.
	if _, err := s.Execute(toggle(s, 50, "desk-1")); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("files left in %s: %v", dir, ents)
	}
}
