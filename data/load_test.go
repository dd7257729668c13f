package data

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"podium/session"
)

// fullState is the state of the log replayed in full.
func fullState(t *testing.T, st *Store) session.State {
	t.Helper()
	s, err := session.Load(st)
	if err != nil {
		t.Fatal(err)
	}
	return state(s)
}

// TestLoadUnresumableImage: a checkpoint that is whole and of the chain
// but whose image the session cannot resume from is not used either.
func TestLoadUnresumableImage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db")
	st, _ := newSession(t, path, 5)
	defer st.Close()
	if err := st.SaveCheckpoint(6, []byte("not an image")); err != nil {
		t.Fatal(err)
	}
	s, info, err := st.Load()
	var ce *CheckpointError
	if err != nil || info.Resumed || info.Replayed != 6 || !errors.As(info.Why, &ce) || ce.Reason != CheckpointNotResumed || ce.Seq != 6 {
		t.Fatalf("load: %+v, %v", info, err)
	}
	if got := state(s); !reflect.DeepEqual(got, fullState(t, st)) {
		t.Fatal("the state differs from a full replay")
	}
	if got, want := info.String(), "replayed the log in full (6 events); no checkpoint used: not resumed: "; !strings.HasPrefix(got, want) {
		t.Fatalf("%q, want %q…", got, want)
	}
}

// TestLoadFromCheckpoint: a checkpoint of the last event resumes with
// nothing to replay; after more events it resumes and replays the tail;
// both give the state of a full replay.
func TestLoadFromCheckpoint(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db")
	st, s := newSession(t, path, 30)
	image, seq, err := session.Image(st)
	if err != nil {
		t.Fatal(err)
	}
	if seq != 31 {
		t.Fatalf("image of event %d, want 31", seq)
	}
	if err := st.SaveCheckpoint(seq, image); err != nil {
		t.Fatal(err)
	}
	load := func(wantReplayed uint64) *session.Session {
		t.Helper()
		st.Close()
		var err error
		if st, err = Open(path); err != nil {
			t.Fatal(err)
		}
		s, info, err := st.Load()
		if err != nil || !info.Resumed || info.Seq != 31 || info.Replayed != wantReplayed || info.Why != nil {
			t.Fatalf("load: %+v, %v", info, err)
		}
		if got, want := state(s), fullState(t, st); !reflect.DeepEqual(got, want) {
			t.Fatalf("resumed state differs from a full replay:\n got %+v\nwant %+v", got, want)
		}
		if err := s.Checked(); err != nil {
			t.Fatal(err)
		}
		if got, want := info.String(), fmt.Sprintf("resumed from the checkpoint of event 31 and the %d events after it", wantReplayed); got != want {
			t.Fatalf("%q, want %q", got, want)
		}
		return s
	}
	s = load(0) // the resumed session goes on

	for i := 31; i <= 1230; i++ {
		if _, err := s.Execute(toggle(s, i, "desk-3")); err != nil {
			t.Fatal(err)
		}
	}
	load(1200)
	st.Close()
}
