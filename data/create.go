package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"podium/session"
)

// Create makes a new log at path whole or not at all: it lays out the log
// in a temporary file beside path, lets fill write to it, verifies it,
// and only then gives it the name path. A crash or an error (a full disk)
// on the way leaves path as it was and no temporary file behind (but a
// SIGKILL, which leaves a hidden ".NAME.new-*" file, never path).
//
// Without replace, a file already at path is never touched: Create
// returns an *ExistsError. With replace it is replaced; the caller decides
// whether it may be (Contents says what it holds).
func Create(ctx context.Context, path string, replace bool, fill func(*Store) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("data: create %s: %w", path, err)
	}
	if !replace {
		if _, err := os.Lstat(path); err == nil {
			return &ExistsError{Path: path}
		}
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".new-*")
	if err != nil {
		return fmt.Errorf("data: create %s: %w", path, err)
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	st, err := Open(tmp, createOptions)
	if err != nil {
		return fmt.Errorf("data: create %s, nothing was written: %w", path, err)
	}
	if err := fill(st); err != nil {
		st.Close()
		var we *session.WriteError
		if errors.As(err, &we) {
			return fmt.Errorf("data: create %s, nothing was written: %w", path, we.Err)
		}
		return err
	}
	if err := st.Close(); err != nil {
		return fmt.Errorf("data: create %s, nothing was written: %w", path, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, _, err := verifyFile(tmp); err != nil {
		return fmt.Errorf("data: create %s: the new file does not verify: %w", path, err)
	}
	if replace {
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("data: create %s: %w", path, err)
		}
	} else {
		// A link fails if path appeared meanwhile: never overwrite.
		if err := os.Link(tmp, path); err != nil {
			if errors.Is(err, os.ErrExist) {
				return &ExistsError{Path: path}
			}
			return fmt.Errorf("data: create %s: %w", path, err)
		}
		os.Remove(tmp)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("data: create %s: %w", path, err)
	}
	return nil
}

// createOptions are the options of the file Create makes (tests leave out
// the fsyncs).
var createOptions = Options{}

// ExistsError: Create was asked to write a file that exists.
type ExistsError struct{ Path string }

// Error names the file.
func (e *ExistsError) Error() string {
	return fmt.Sprintf("data: %s exists already", e.Path)
}

// Content is what a file holds, for commands that would create it.
type Content int

const (
	// Absent: there is no file.
	Absent Content = iota
	// Empty: the file holds no event (zero bytes, a database with no
	// buckets, or a log with no events): empty, not a congress.
	Empty
	// Congress: the file holds a log with events.
	Congress
)

// Contents says what the file at path holds without changing it. A file
// that is damaged, not a podium log, not a regular file, or held by
// another podium gives the error Open gives.
func Contents(path string) (Content, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return Absent, nil
	} else if err != nil {
		return 0, fmt.Errorf("data: %w", err)
	}
	if fi.Mode().IsRegular() && fi.Size() == 0 {
		return Empty, nil
	}
	st, err := Open(path, Options{ReadOnly: true, Timeout: 300 * time.Millisecond})
	if errors.Is(err, ErrEmptyFile) {
		return Empty, nil
	} else if err != nil {
		return 0, err
	}
	defer st.Close()
	if st.Len() > 0 {
		return Congress, nil
	}
	// No last event: make sure that no damage hides one.
	if _, _, err := st.Verify(); err != nil {
		return 0, err
	}
	return Empty, nil
}
