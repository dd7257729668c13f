//go:build linux

package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"

	"podium/session"
)

// smallDisk mounts a 2 MB tmpfs for the test, or skips it with a message
// where the machine does not allow it (not root, no mount).
func smallDisk(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=2m"); err != nil {
		t.Skipf("cannot mount a 2 MB tmpfs here (%v): the full-disk test needs root", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// fill writes a file until the disk is full.
func fill(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling the disk: %v", err)
			}
			return
		}
	}
}

// TestFullDiskRecovers fills a small disk under a session: the command
// that cannot be stored fails with a *session.WriteError and changes
// nothing; once space is freed the next command is stored, with no
// restart; nothing acknowledged is lost, and the log verifies.
func TestFullDiskRecovers(t *testing.T) {
	dir := smallDisk(t)
	path := filepath.Join(dir, "podium.db")
	st, s := newSession(t, path, 10)
	defer func() { st.Close() }()
	filler := filepath.Join(dir, "filler")
	fill(t, filler)

	acked := map[uint64]session.Mark{}
	var failed *session.WriteError
	for i := 11; i < 20000 && failed == nil; i++ {
		m := toggle(s, i, realisticActor)
		evs, err := s.Execute(m)
		switch {
		case err == nil:
			acked[evs[0].Seq] = m
		case errors.As(err, &failed):
		default:
			t.Fatalf("command %d: %T %v", i, err, err)
		}
	}
	if failed == nil {
		t.Fatal("the disk never filled up")
	}
	if !errors.Is(failed, syscall.ENOSPC) {
		t.Errorf("the write error does not say the disk is full: %v", failed)
	}
	if s.LogFailure() == nil {
		t.Error("the session does not report the failed write")
	}
	// Still full: commands fail again and change nothing. (A retry may
	// fit in the pages the failed commit had already claimed, so the next
	// one or few may still be stored, and are acknowledged.)
	var again *session.WriteError
	for i := 20001; i < 20100 && again == nil; i++ {
		before := state(s)
		m := toggle(s, i, "desk-1")
		evs, err := s.Execute(m)
		switch {
		case err == nil:
			acked[evs[0].Seq] = m
		case errors.As(err, &again):
			if after := state(s); after.Seq != before.Seq {
				t.Fatalf("a failed command changed the state: %d → %d", before.Seq, after.Seq)
			}
		default:
			t.Fatalf("command %d: %T %v", i, err, err)
		}
	}
	if again == nil {
		t.Fatal("commands on a disk still full kept being stored")
	}
	// Free space: the next command is stored, without a restart.
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	m := toggle(s, 20002, "desk-1")
	evs, err := s.Execute(m)
	if err != nil {
		t.Fatalf("after space was freed: %v", err)
	}
	acked[evs[0].Seq] = m
	if s.LogFailure() != nil {
		t.Errorf("the session still reports a failed write: %v", s.LogFailure())
	}
	t.Logf("%d commands acknowledged; the disk filled at event %d", len(acked), failed.Seq)

	// Everything acknowledged is in the log, which verifies and reloads.
	seq, _ := st.Head()
	st.Close()
	st, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, _, err := st.Verify(); err != nil || uint64(n) != seq {
		t.Fatalf("verify after recovery: %d %v; want %d", n, err, seq)
	}
	s2, err := session.Load(st)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(state(s2), state(s)) {
		t.Fatal("the reloaded congress differs from the one that ran on")
	}
	for q := range acked {
		if q > seq {
			t.Errorf("acknowledged event %d is missing", q)
		}
	}
}

// TestCreateOnFullDisk: creating a congress on a full disk fails and
// leaves no file, neither the congress's nor a temporary one; with space,
// the same call creates it.
func TestCreateOnFullDisk(t *testing.T) {
	dir := smallDisk(t)
	filler := filepath.Join(dir, "filler")
	fill(t, filler)
	path := filepath.Join(dir, "podium.db")
	create := func() error {
		return Create(context.Background(), path, false, func(st *Store) error {
			_, err := session.Create(st, session.Open{Meta: meta(0, "chair"), Setup: testSetup()})
			return err
		})
	}
	if err := create(); err == nil {
		t.Fatal("a congress was created on a full disk")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("a failed create left files: %v", ents)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if err := create(); err != nil {
		t.Fatal(err)
	}
	if c, err := Contents(path); c != Congress || err != nil {
		t.Fatalf("contents after create: %v %v", c, err)
	}
	if err := create(); !errors.As(err, new(*ExistsError)) {
		t.Fatalf("create over a congress: %v", err)
	}
}
