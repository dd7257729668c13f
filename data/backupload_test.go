package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"podium/session"
)

// TestBackupUnderLoad copies a log, as `podium backup` does while podium
// runs, beside a writer appending as fast as it can (no fsync): every
// backup is either a copy that verifies and loads, or a clean refusal
// (ErrKeptChanging) — never a crash — and no temporary file is left.
func TestBackupUnderLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "podium.db")
	st, err := Open(path, Options{noSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := session.Create(st, session.Open{Meta: meta(0, "chair"), Setup: testSetup()}); err != nil {
		t.Fatal(err)
	}
	recs := make([]session.Record, 2000) // encoded once, appended again and again
	for i := range recs {
		recs[i] = markedRecord(t, 2, fmt.Sprintf("D%04d", i%122+1), session.Present)
	}
	for range 4 { // a log of some size, so that a copy takes a while
		seq, _ := st.Head()
		batch := make([]session.Record, len(recs))
		for i, r := range recs {
			batch[i] = session.Record{Seq: seq + uint64(i) + 1, Data: r.Data}
		}
		if err := st.Append(batch); err != nil {
			t.Fatal(err)
		}
	}
	var (
		wg      sync.WaitGroup
		stop    atomic.Bool
		written atomic.Uint64
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; !stop.Load(); i++ {
			seq, _ := st.Head()
			r := recs[i%len(recs)]
			if err := st.Append([]session.Record{{Seq: seq + 1, Data: r.Data}}); err != nil {
				t.Error(err)
				return
			}
			written.Add(1)
		}
	}()
	const backups = 8
	copied, refused := 0, 0
	for i := range backups {
		out := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
		n, last, err := CopyInUse(context.Background(), path, out)
		switch {
		case errors.Is(err, ErrKeptChanging):
			refused++
			if !strings.Contains(err.Error(), "too fast") || !strings.Contains(err.Error(), "try again") {
				t.Errorf("refusal %q does not say what happened and what to do", err)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("backup %d refused but %s exists", i, out)
			}
		case err != nil:
			t.Fatalf("backup %d: %v", i, err)
		default:
			copied++
			n2, last2, err := verifyFile(out)
			if err != nil || n2 != n || last2 != last {
				t.Fatalf("backup %d verifies %d %x %v; CopyInUse said %d %x", i, n2, last2, err, n, last)
			}
		}
	}
	stop.Store(true)
	wg.Wait()
	t.Logf("%d backups beside %d appends: %d verified copies, %d refusals", backups, written.Load(), copied, refused)
	if copied == 0 {
		t.Errorf("not one backup succeeded")
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestCopyInUseCancelled: a backup stopped by a signal (its context
// cancelled) removes its temporary file and writes nothing.
func TestCopyInUseCancelled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "podium.db")
	st, _ := newSession(t, path, 5)
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := filepath.Join(dir, "b.db")
	if _, _, err := CopyInUse(ctx, path, out); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled copy: %v", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("files left: %v", ents)
	}
}
