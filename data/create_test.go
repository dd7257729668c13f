package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"podium/session"
)

// TestContents: what an interrupted `podium new` of an older podium left
// (zero bytes, a bbolt file without buckets, a log without events) is
// empty, not a congress; a log with events is a congress; anything else is
// an error.
func TestContents(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.db")
	if err := os.WriteFile(zero, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	bare := filepath.Join(dir, "bare.db")
	db, err := bolt.Open(bare, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	noEvents := filepath.Join(dir, "noevents.db")
	st, err := Open(noEvents)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	full := filepath.Join(dir, "full.db")
	st, _ = newSession(t, full, 3)
	st.Close()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("x", 10000)), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		want Content
	}{{filepath.Join(dir, "missing.db"), Absent}, {zero, Empty}, {bare, Empty}, {noEvents, Empty}, {full, Congress}} {
		if got, err := Contents(c.path); got != c.want || err != nil {
			t.Errorf("%s: %v %v, want %v", filepath.Base(c.path), got, err, c.want)
		}
	}
	if _, err := Contents(garbage); !errors.As(err, new(*NotLogError)) {
		t.Errorf("garbage: %v", err)
	}
	if _, err := Contents(dir); !errors.As(err, new(*NotLogError)) {
		t.Errorf("a directory: %v", err)
	}
	// Read-only opens of an empty file say so, and never write to it.
	if _, err := Open(zero, Options{ReadOnly: true}); !errors.Is(err, ErrEmptyFile) {
		t.Errorf("read-only open of a zero-byte file: %v", err)
	}
	if fi, _ := os.Stat(zero); fi.Size() != 0 {
		t.Errorf("a read-only open wrote %d bytes", fi.Size())
	}
}

// TestCreateReplacesOnlyWhenAsked: Create never touches an existing file
// unless told to replace it, and a failing fill leaves nothing behind.
func TestCreateReplacesOnlyWhenAsked(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	fill := func(st *Store) error {
		_, err := session.Create(st, session.Open{Meta: meta(0, "chair"), Setup: testSetup()})
		return err
	}
	if err := Create(context.Background(), path, false, fill); !errors.As(err, new(*ExistsError)) {
		t.Fatalf("create over a file: %v", err)
	}
	boom := errors.New("boom")
	if err := Create(context.Background(), path, true, func(*Store) error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("failing fill: %v", err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		t.Fatalf("a failed create touched the file: %v", err)
	}
	if err := Create(context.Background(), path, true, fill); err != nil {
		t.Fatal(err)
	}
	if c, err := Contents(path); c != Congress || err != nil {
		t.Fatalf("after replace: %v %v", c, err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("files left: %v", ents)
	}
}

// TestSchemaZero: a schema version no podium writes (0: a flipped byte) is
// named as damage, the same read-only and read-write.
func TestSchemaZero(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db")
	st, _ := newSession(t, path, 2)
	st.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, be64(0)) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, ro := range []bool{true, false} {
		_, err := Open(path, Options{ReadOnly: ro})
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "meta/schema is 0") {
			t.Errorf("read-only %v: %v", ro, err)
		}
	}
}
