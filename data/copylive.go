package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// ErrKeptChanging: CopyInUse could not get a copy that verifies because the
// log was written to during every attempt.
var ErrKeptChanging = errors.New("podium is writing to the congress too fast to take a whole copy; nothing was written; try again in a moment")

// copyAttempts is how many times CopyInUse copies before it gives up.
const copyAttempts = 8

// CopyInUse backs up the log at src while another process holds it open
// (and its lock): it copies the file byte for byte into a temporary file
// beside out, then verifies the copy whole with plain reads — its header,
// the page structure and every link of the hash chain up to meta/head. A
// copy taken while a commit was being written does not verify, and is
// taken again, at most copyAttempts times; then CopyInUse gives up with
// ErrKeptChanging. A copy that verifies is a consistent log as of some
// moment during the copy; it is fsync'd and renamed to out. It returns
// what the check of the copy found.
//
// The temporary file is removed on every way out, including ctx being
// cancelled (the command cancels it on SIGINT, SIGTERM and SIGHUP).
// Nothing of a damaged copy is trusted, so a torn copy can never crash
// the process.
//
// Prefer Store.Backup when the log can be opened; this is for `podium
// backup` while podium is running.
func CopyInUse(ctx context.Context, src, out string) (events int, last [32]byte, err error) {
	if same, err := sameFile(src, out); err != nil {
		return 0, last, fmt.Errorf("data: backup to %s: %w", out, err)
	} else if same {
		return 0, last, fmt.Errorf("data: backup to %s: %w", out, ErrLiveFile)
	}
	dir := filepath.Dir(out)
	var (
		lastErr error
		lastTx  = newest // the transaction of the last torn copy
	)
	for try := range copyAttempts {
		if try > 0 {
			select { // let the commit under way finish
			case <-ctx.Done():
				return 0, last, fmt.Errorf("data: backup of %s: %w", src, ctx.Err())
			case <-time.After(time.Duration(try) * 10 * time.Millisecond):
			}
		}
		tmp, err := copyToTemp(ctx, src, dir, filepath.Base(out))
		if err != nil {
			return 0, last, fmt.Errorf("data: backup of %s: %w", src, err)
		}
		var tx uint64
		events, last, tx, lastErr = verifyCopy(tmp)
		if lastErr != nil {
			os.Remove(tmp)
			// Not a log, or the same transaction twice: no commit tore
			// the copy, the file itself is so.
			if errors.As(lastErr, new(*NotLogError)) || (tx != newest && tx == lastTx) {
				return 0, [32]byte{}, fmt.Errorf("data: backup of %s: %w", src, lastErr)
			}
			lastTx = tx
			continue
		}
		if err := ctx.Err(); err != nil {
			os.Remove(tmp)
			return 0, last, fmt.Errorf("data: backup of %s: %w", src, err)
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
	return 0, [32]byte{}, &KeptChangingError{Path: src, Tries: copyAttempts, Last: lastErr}
}

// KeptChangingError: every copy CopyInUse took was torn by a commit. It
// matches ErrKeptChanging; Last is what the check of the last copy found.
type KeptChangingError struct {
	Path  string
	Tries int
	Last  error
}

// Error says plainly what happened and what to do.
func (e *KeptChangingError) Error() string {
	return fmt.Sprintf("backup of %s: %v (%d copies were each changed while they were taken)", e.Path, ErrKeptChanging, e.Tries)
}

// Is reports whether target is ErrKeptChanging.
func (e *KeptChangingError) Is(target error) bool { return target == ErrKeptChanging }

// copyToTemp copies src into a new fsync'd temporary file in dir and
// returns its name; on any error, ctx's cancellation included, the
// temporary file is gone.
func copyToTemp(ctx context.Context, src, dir, base string) (name string, err error) {
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
	if _, err = io.Copy(tmp, ctxReader{ctx, in}); err != nil {
		return "", err
	}
	if err = tmp.Sync(); err != nil {
		return "", err
	}
	return tmp.Name(), tmp.Close()
}

// verifyCopy is verifyFile that also returns the transaction the copy
// holds (newest when its header cannot be read).
func verifyCopy(path string) (events int, last [32]byte, txid uint64, err error) {
	txid = newest
	f, err := os.Open(path)
	if err != nil {
		return 0, last, txid, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, last, txid, err
	}
	pf, err := readHeader(path, f, fi.Size())
	if err != nil {
		return 0, last, txid, err
	}
	events, last, err = verifyPages(pf)
	return events, last, pf.meta.txid, err
}

// ctxReader stops a copy when its context is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
