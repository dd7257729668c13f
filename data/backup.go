package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the log to the file out while the
// store stays open and in use: a read transaction's snapshot is written to
// a temporary file in out's directory, fsync'd, verified whole with plain
// reads, and renamed over out, so out is either the old file or the whole
// new, verified copy, never a part. It returns what the check of the copy
// found. It refuses (ErrLiveFile) to write over the open log itself. The
// temporary file is removed on every way out.
func (s *Store) Backup(out string) (events int, last [32]byte, err error) {
	err = s.backup(out, func(tmp string) error {
		events, last, err = verifyFile(tmp)
		return err
	})
	if err != nil {
		return 0, [32]byte{}, err
	}
	return events, last, nil
}

func (s *Store) backup(out string, check func(tmp string) error) (err error) {
	if same, err := sameFile(s.path, out); err != nil {
		return fmt.Errorf("data: backup to %s: %w", out, err)
	} else if same {
		return fmt.Errorf("data: backup to %s: %w", out, ErrLiveFile)
	}
	dir := filepath.Dir(out)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(out)+".tmp-*")
	if err != nil {
		return fmt.Errorf("data: backup: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := s.view("copying", func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	}); err != nil {
		return fmt.Errorf("data: backup to %s: %w", out, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("data: backup to %s: %w", out, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("data: backup to %s: %w", out, err)
	}
	if err := check(tmp.Name()); err != nil {
		return fmt.Errorf("data: backup to %s: the copy does not verify, nothing was written: %w", out, err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("data: backup: %w", err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("data: backup to %s: %w", out, err)
	}
	return nil
}

// sameFile reports whether out names the file at live (by path or, if out
// exists, by identity, which catches links). An existing directory is an
// error.
func sameFile(live, out string) (bool, error) {
	a, err1 := filepath.Abs(live)
	b, err2 := filepath.Abs(out)
	if err1 == nil && err2 == nil && a == b {
		return true, nil
	}
	oi, err := os.Stat(out)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	if oi.IsDir() {
		return false, fmt.Errorf("%s is a directory; give a file name", out)
	}
	li, err := os.Stat(live)
	if err != nil {
		return false, err
	}
	return os.SameFile(li, oi), nil
}
