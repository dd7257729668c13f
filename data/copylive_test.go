package data

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"podium/session"
)

// TestCopyInUseWhileAppending copies a log that another writer keeps
// appending to, as `podium backup` does while podium runs: every copy it
// returns verifies and loads.
func TestCopyInUseWhileAppending(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "podium.db")
	st, s := newSession(t, path, 50)
	defer st.Close()

	// The live file is locked: Open from here is refused, as from another
	// process.
	if _, err := Open(path, Options{ReadOnly: true, Timeout: 1}); !errors.Is(err, ErrInUse) {
		t.Fatalf("open of a held file: %v", err)
	}

	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			id := testSetup().Roster[i%122].ID
			status := session.Present
			if (i/122)%2 == 1 {
				status = session.Left
			}
			_, err := s.Execute(session.Mark{Meta: meta(100+i, "desk"), Person: id, Status: status})
			if err != nil && !errors.As(err, new(*session.SameStatusError)) {
				t.Error(err)
				return
			}
		}
	}()
	for i := 0; i < 5; i++ {
		out := filepath.Join(dir, "copy.db")
		n, last, err := CopyInUse(context.Background(), path, out)
		if err != nil {
			close(stop)
			wg.Wait()
			t.Fatal(err)
		}
		cp, err := Open(out, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		n2, last2, err := cp.Verify()
		if err != nil || n2 != n || last2 != last || n < 51 {
			t.Fatalf("copy %d: verify %d %x %v; CopyInUse said %d %x", i, n2, last2, err, n, last)
		}
		if _, err := session.Load(cp); err != nil {
			t.Fatalf("copy %d does not load: %v", i, err)
		}
		cp.Close()
	}
	close(stop)
	wg.Wait()
	if seq, _ := st.Head(); seq <= 51 {
		t.Fatalf("the writer made no progress during the copies (head %d)", seq)
	}
	if _, _, err := CopyInUse(context.Background(), path, path); !errors.Is(err, ErrLiveFile) {
		t.Fatalf("copy over the live file: %v", err)
	}
}
