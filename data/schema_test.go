package data

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"podium/session"
)

// withMigrations replaces the migration list for one test.
func withMigrations(t *testing.T, ms []migration) {
	old := migrations
	migrations = ms
	t.Cleanup(func() { migrations = old })
}

func schemaOf(t *testing.T, st *Store) (v uint64, marks []string) {
	t.Helper()
	if err := st.db.View(func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		v, _, _ = st.readSchema(tx)
		return m.ForEach(func(k, _ []byte) error {
			if strings.HasPrefix(string(k), "mig-") {
				marks = append(marks, string(k))
			}
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	return v, marks
}

func TestMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db")
	st, _ := newSession(t, path, 5)
	seq, hash := st.Head()
	if v, _ := schemaOf(t, st); v != 1 || SchemaVersion() != 1 {
		t.Fatalf("new file at schema %d, build knows %d; want 1", v, SchemaVersion())
	}
	st.Close()

	// A build that knows versions 2 and 3 upgrades the file in order.
	var ran []string
	step := func(name string) migration {
		return migration{name: name, up: func(tx *bolt.Tx) error {
			ran = append(ran, name)
			m := tx.Bucket(bucketMeta)
			// Each step sees the one before it.
			if n := len(ran); n > 1 && m.Get([]byte("mig-"+ran[n-2])) == nil {
				return fmt.Errorf("%s ran before %s", name, ran[n-2])
			}
			return m.Put([]byte("mig-"+name), []byte("done"))
		}}
	}
	withMigrations(t, []migration{step("to2"), step("to3")})
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(ran, ",") != "to2,to3" {
		t.Fatalf("migrations ran %v, want to2,to3", ran)
	}
	if v, marks := schemaOf(t, st); v != 3 || len(marks) != 2 {
		t.Fatalf("after migration: schema %d, marks %v", v, marks)
	}
	if s2, h2 := st.Head(); s2 != seq || h2 != hash {
		t.Fatal("migration changed the head")
	}
	if _, err := session.Load(st); err != nil {
		t.Fatal(err)
	}
	st.Close()

	// Current: nothing runs again.
	ran = nil
	st, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if len(ran) != 0 {
		t.Fatalf("migrations ran again: %v", ran)
	}

	// A build that knows only version 1 refuses the newer file.
	migrations = nil
	_, err = Open(path)
	var se *SchemaError
	if !errors.As(err, &se) || se.Found != 3 || se.Known != 1 || !strings.Contains(err.Error(), "newer podium") {
		t.Fatalf("open newer file: %v", err)
	}
	if _, err := Open(path, Options{ReadOnly: true}); !errors.As(err, &se) {
		t.Fatalf("open newer file read-only: %v", err)
	}
}

func TestMigrationFailureChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db")
	st, _ := newSession(t, path, 3)
	st.Close()

	withMigrations(t, []migration{
		{name: "fine", up: func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("mig-fine"), nil) }},
		{name: "broken", up: func(*bolt.Tx) error { return errors.New("cannot") }},
	})
	// Read-only does not migrate.
	_, err := Open(path, Options{ReadOnly: true})
	var se *SchemaError
	if !errors.As(err, &se) || se.Found != 1 || !strings.Contains(err.Error(), "upgrade") {
		t.Fatalf("read-only open of an older file: %v", err)
	}
	_, err = Open(path)
	if !errors.As(err, &se) || se.Found != 1 || se.Known != 3 || !strings.Contains(err.Error(), "broken") || se.Path != path {
		t.Fatalf("failed migration: %v", err)
	}

	migrations = nil
	st, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, marks := schemaOf(t, st); v != 1 || len(marks) != 0 {
		t.Fatalf("after a failed migration: schema %d, marks %v; want 1 and none", v, marks)
	}
}
