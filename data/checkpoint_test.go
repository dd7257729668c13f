package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"podium/session"
)

// withBuildID makes BuildID return id until the test ends.
func withBuildID(t *testing.T, id string) {
	t.Helper()
	old := buildID
	buildID = func() string { return id }
	t.Cleanup(func() { buildID = old })
}

// wantUnusable checks that Checkpoint refuses with reason (and detail
// containing detail).
func wantUnusable(t *testing.T, st *Store, reason CheckpointReason, detail string) {
	t.Helper()
	seq, image, err := st.Checkpoint()
	var ce *CheckpointError
	if !errors.As(err, &ce) || ce.Reason != reason || !strings.Contains(ce.Error(), detail) {
		t.Fatalf("Checkpoint: %d, %d bytes, %v; want %s (…%s…)", seq, len(image), err, reason, detail)
	}
	if !errors.Is(err, ErrNoCheckpoint) || errors.Is(err, ErrDamaged) {
		t.Errorf("%v: matches ErrNoCheckpoint %v, ErrDamaged %v", err, errors.Is(err, ErrNoCheckpoint), errors.Is(err, ErrDamaged))
	}
	if ce.Path != CheckpointPath(st.Path()) {
		t.Errorf("error names %q", ce.Path)
	}
}

func TestCheckpointRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db")
	st, _ := newSession(t, path, 20)
	defer st.Close()
	wantUnusable(t, st, CheckpointMissing, "missing")
	for _, seq := range []uint64{21, 12, 1} { // the last event, one before, the first
		image := bytes.Repeat([]byte{byte(seq), 0, 0xff}, 1000)
		if err := st.SaveCheckpoint(seq, image); err != nil {
			t.Fatal(err)
		}
		got, gotImage, err := st.Checkpoint()
		if err != nil || got != seq || !bytes.Equal(gotImage, image) {
			t.Fatalf("saved at %d, read %d, %d bytes, %v", seq, got, len(gotImage), err)
		}
	}
	// Written whole and renamed: no temporary file left beside it.
	if left, _ := filepath.Glob(CheckpointPath(path) + ".*"); len(left) > 0 {
		t.Fatalf("left behind: %v", left)
	}
	// An empty image is an image too.
	if err := st.SaveCheckpoint(21, nil); err != nil {
		t.Fatal(err)
	}
	if seq, image, err := st.Checkpoint(); err != nil || seq != 21 || len(image) != 0 {
		t.Fatalf("empty image: %d %d %v", seq, len(image), err)
	}
	// No checkpoint of an event the log does not hold.
	if err := st.SaveCheckpoint(22, []byte("x")); err == nil {
		t.Fatal("a checkpoint of event 22 was written")
	}
	if err := RemoveCheckpoint(path); err != nil {
		t.Fatal(err)
	}
	wantUnusable(t, st, CheckpointMissing, "")
	if err := RemoveCheckpoint(path); err != nil {
		t.Fatalf("removing a missing checkpoint: %v", err)
	}
}

func TestCheckpointUnusable(t *testing.T) {
	image := []byte("the state, opaque here")
	for _, c := range []struct {
		name   string
		change func(t *testing.T, path string, file []byte)
		reason CheckpointReason
		detail string
	}{
		{"another build", func(t *testing.T, _ string, _ []byte) { withBuildID(t, "another/build") }, CheckpointOtherBuild, "another/build"},
		{"no build ID", func(t *testing.T, _ string, _ []byte) { withBuildID(t, "") }, CheckpointNoBuildID, ""},
		{"its image changed", rewrite(func(b []byte) []byte { b[len(b)-3] ^= 1; return b }), CheckpointDamaged, "checksum"},
		{"its checksum changed", rewrite(func(b []byte) []byte { b[len(b)-len(image)-9] ^= 0x80; return b }), CheckpointDamaged, "checksum"},
		{"cut short in its image", rewrite(func(b []byte) []byte { return b[:len(b)-1] }), CheckpointDamaged, "cut short"},
		{"cut short in its header", rewrite(func(b []byte) []byte { return b[:40] }), CheckpointDamaged, "cut short"},
		{"cut to nothing", rewrite(func(b []byte) []byte { return nil }), CheckpointDamaged, "PODIUMCK"},
		{"bytes after it", rewrite(func(b []byte) []byte { return append(b, 0) }), CheckpointDamaged, "after its"},
		{"another magic", rewrite(func(b []byte) []byte { b[0] = 'X'; return b }), CheckpointDamaged, "PODIUMCK"},
		{"another format", rewrite(func(b []byte) []byte { b[8] = 2; return b }), CheckpointDamaged, "format 2"},
		{"a directory in its place", func(t *testing.T, path string, _ []byte) {
			os.Remove(CheckpointPath(path))
			if err := os.Mkdir(CheckpointPath(path), 0o700); err != nil {
				t.Fatal(err)
			}
		}, CheckpointDamaged, ""},
		{"past the log's end", func(t *testing.T, path string, _ []byte) {
			c := checkpointFile{build: BuildID(), seq: 12, image: image}
			writeFile(t, CheckpointPath(path), c.encode())
		}, CheckpointPastHead, "the log ends at event 11"},
		{"its hash changed (the last event)", rewrite(func(b []byte) []byte { b[len(b)-len(image)-13] ^= 1; return b }), CheckpointOffChain, "meta/head"},
		{"of another log of as many events (the last event)", replaceLog(11), CheckpointOffChain, "meta/head"},
		{"of another log of as many events (an earlier event)", replaceLog(7), CheckpointOffChain, "event 8's link"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "podium.db")
			st, _ := newSession(t, path, 10)
			if err := st.SaveCheckpoint(11, image); err != nil {
				t.Fatal(err)
			}
			st.Close()
			file, err := os.ReadFile(CheckpointPath(path))
			if err != nil {
				t.Fatal(err)
			}
			c.change(t, path, file)
			st, err = Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			wantUnusable(t, st, c.reason, c.detail)
			// Whatever is wrong with it, the log loads in full.
			s, info, err := st.Load()
			if err != nil || info.Resumed || info.Replayed != 11 || state(s).Seq != 11 {
				t.Fatalf("load: %+v, %v", info, err)
			}
			var ce *CheckpointError
			if !errors.As(info.Why, &ce) || ce.Reason != c.reason {
				t.Fatalf("load says %v, want %s", info.Why, c.reason)
			}
		})
	}
}

// rewrite changes the checkpoint file's bytes.
func rewrite(fn func([]byte) []byte) func(*testing.T, string, []byte) {
	return func(t *testing.T, path string, file []byte) {
		writeFile(t, CheckpointPath(path), fn(file))
	}
}

// replaceLog replaces the log by another log with as many events (their
// actor differs), keeping the checkpoint beside it, which is then saved
// at seq of the first log when seq is not its last event.
func replaceLog(seq uint64) func(*testing.T, string, []byte) {
	return func(t *testing.T, path string, _ []byte) {
		if seq != 11 {
			st, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.SaveCheckpoint(seq, []byte("the state, opaque here")); err != nil {
				t.Fatal(err)
			}
			st.Close()
		}
		other := filepath.Join(filepath.Dir(path), "other.db")
		st, err := Open(other)
		if err != nil {
			t.Fatal(err)
		}
		s, err := session.Create(st, session.Open{Meta: meta(0, "chair"), Setup: testSetup()})
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i <= 10; i++ {
			if _, err := s.Execute(toggle(s, i, "desk-2")); err != nil {
				t.Fatal(err)
			}
		}
		st.Close()
		if err := os.Rename(other, path); err != nil {
			t.Fatal(err)
		}
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestCheckpointNeverWritten: a read-only store writes no
// checkpoint, nor a build without a build ID, and a failed write leaves no
// temporary file.
func TestCheckpointNeverWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db")
	st, _ := newSession(t, path, 3)
	st.Close()
	st, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveCheckpoint(4, []byte("x")); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("read-only: %v", err)
	}
	if _, _, err := st.Load(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := os.Stat(CheckpointPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a read-only store wrote a checkpoint: %v", err)
	}

	st, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	own := buildID
	buildID = func() string { return "" }
	err = st.SaveCheckpoint(4, []byte("x"))
	buildID = own
	if !errors.Is(err, ErrNoBuildID) {
		t.Fatalf("no build ID: %v", err)
	}
	// The rename fails (a directory is in the way): the temporary file
	// goes.
	if err := os.Mkdir(CheckpointPath(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveCheckpoint(4, []byte("x")); err == nil {
		t.Fatal("saved over a directory")
	}
	if left, _ := filepath.Glob(CheckpointPath(path) + ".*"); len(left) > 0 {
		t.Fatalf("left behind: %v", left)
	}
}

// TestSaveRemovesTornTemporaries: saving a checkpoint removes the
// temporary files an earlier save left when podium was stopped in its
// middle, and nothing else beside the database.
func TestSaveRemovesTornTemporaries(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db")
	st, _ := newSession(t, path, 3)
	defer st.Close()
	torn, other := CheckpointPath(path)+".123456789", CheckpointPath(path)+".unchecked"
	writeFile(t, torn, []byte("half"))
	writeFile(t, other, nil)
	image, seq, err := session.Image(st)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveCheckpoint(seq, image); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(torn); !os.IsNotExist(err) {
		t.Errorf("the torn temporary file is still there: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another file beside it was removed: %v", err)
	}
}
