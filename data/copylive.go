package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// ErrKeptChanging: CopyInUse could not get a copy that verifies because the
// log was written to during every attempt.
var ErrKeptChanging = errors.New("the log kept changing while it was copied; try again")

// copyAttempts is how many times CopyInUse copies before it gives up.
const copyAttempts = 8

// CopyInUse backs up the log at src while another process holds it open
// (and its lock): it copies the file byte for byte into a temporary file
// beside out, then opens the copy and verifies it whole — the bbolt page
// structure and every link of the hash chain up to meta/head. A copy taken
// while a commit was being written does not verify, and is taken again. A
// copy that verifies is a consistent log as of some moment during the copy;
// it is fsync'd and renamed to out. It returns what Verify returned for the
// copy.
//
// Prefer Store.Backup when the log can be opened; this is for `podium
// backup` while podium is running.
func CopyInUse(src, out string) (events int, last [32]byte, err error) {
	if same, err := sameFile(src, out); err != nil {
		return 0, last, fmt.Errorf("data: backup to %s: %w", out, err)
	} else if same {
		return 0, last, fmt.Errorf("data: backup to %s: %w", out, ErrLiveFile)
	}
	dir := filepath.Dir(out)
	var lastErr error
	for try := 0; try < copyAttempts; try++ {
		tmp, err := copyToTemp(src, dir, filepath.Base(out))
		if err != nil {
			return 0, last, fmt.Errorf("data: backup of %s: %w", src, err)
		}
		events, last, lastErr = verifyFile(tmp)
		if lastErr != nil {
			os.Remove(tmp)
			time.Sleep(time.Duration(try+1) * 5 * time.Millisecond) // let the commit finish
			continue
		}
		if err := os.Rename(tmp, out); err != nil {
			os.Remove(tmp)
			return 0, last, fmt.Errorf("data: backup: %w", err)
		}
		if err := syncDir(dir); err != nil {
			return 0, last, fmt.Errorf("data: backup to %s: %w", out, err)
		}
		return events, last, nil
	}
	return 0, [32]byte{}, fmt.Errorf("data: backup of %s: %w (last check: %v)", src, ErrKeptChanging, lastErr)
}

// copyToTemp copies src into a new fsync'd temporary file in dir and
// returns its name.
func copyToTemp(src, dir, base string) (name string, err error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = io.Copy(tmp, in); err != nil {
		return "", err
	}
	if err = tmp.Sync(); err != nil {
		return "", err
	}
	return tmp.Name(), tmp.Close()
}

// verifyFile opens a copied log read-only and verifies it whole. A torn
// copy may make bbolt panic while it reads; that is a failed check too.
func verifyFile(path string) (events int, last [32]byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the copy is torn: %v", p)
		}
	}()
	st, err := Open(path, Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
	if err != nil {
		return 0, last, err
	}
	defer st.Close()
	return st.Verify()
}
