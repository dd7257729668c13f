package data

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// A Mirror copies every event committed to a store into a second file (a
// USB stick, a second disk), in the same order with the same links: a log
// whose `podium verify` gives the primary's head up to its last event.
//
// The primary's commit is acknowledged after the primary's fsync alone;
// the mirror is written right after, by its own goroutine, in one fsync'd
// transaction per batch of whatever was committed meanwhile, so the
// screens never wait for it. When the mirror cannot be written (the stick
// was pulled, the file made unwritable) its file is closed, Status says so
// at once, and every second it is opened again and caught up from the
// primary, so putting the stick back is enough. Once the mirror file has
// existed it is never created again in the same run: a pulled stick does
// not make a new, empty mirror on the disk underneath.
type Mirror struct {
	src  *Store
	path string
	kick chan struct{}
	stop chan struct{}
	done chan struct{}
	// Retry is how long the mirror waits before trying a failed file again.
	retry time.Duration

	cancel func() // stops src's notifications
	closed sync.Once

	mu     sync.Mutex
	dst    *Store
	made   bool // the mirror file existed in this run
	status MirrorStatus
}

// MirrorStatus is the state of a mirror.
type MirrorStatus struct {
	Path string
	// Seq is the last event the mirror holds, as last seen.
	Seq uint64
	// Err is why the mirror cannot be written, nil while it is in step;
	// Since is when it started failing.
	Err   error
	Since time.Time
}

// mirrorBatch is the most events copied in one transaction.
const mirrorBatch = 4096

// StartMirror starts copying src into the log at path (created if it does
// not exist: a new mirror), catching up at once with what src holds.
// Only a mirror that cannot be a mirror at all (the database itself) is
// an error; a file that cannot be written now is reported by Status and
// retried.
func StartMirror(src *Store, path string) (*Mirror, error) {
	ap, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("data: mirror %s: %w", path, err)
	}
	if sp, err := filepath.Abs(src.path); err == nil && sp == ap {
		return nil, fmt.Errorf("data: mirror %s: the mirror must be another file than the database", path)
	}
	if fi, err := os.Stat(path); err == nil {
		if si, err := os.Stat(src.path); err == nil && os.SameFile(fi, si) {
			return nil, fmt.Errorf("data: mirror %s: the mirror must be another file than the database", path)
		}
	}
	m := &Mirror{src: src, path: path, kick: make(chan struct{}, 1), stop: make(chan struct{}),
		done: make(chan struct{}), retry: time.Second, status: MirrorStatus{Path: path}}
	m.cancel = src.Notify(m.kick)
	m.sync()
	go m.run()
	return m, nil
}

// Path returns the mirror file's path.
func (m *Mirror) Path() string { return m.path }

// Status returns the mirror's state now.
func (m *Mirror) Status() MirrorStatus {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.status
}

// Close copies what is left, once, and closes the mirror file. Closing
// again does nothing.
func (m *Mirror) Close() (err error) {
	m.closed.Do(func() {
		m.cancel()
		close(m.stop)
		<-m.done
		m.sync()
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.dst != nil {
			err = m.dst.Close()
			m.dst = nil
		}
	})
	return err
}

// run copies after each commit, and retries a failed mirror every second.
func (m *Mirror) run() {
	defer close(m.done)
	t := time.NewTimer(m.retry)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-m.kick:
			if m.Status().Err != nil {
				continue // a failed mirror is tried again on the timer only
			}
		case <-t.C:
		}
		m.sync()
		t.Reset(m.retry)
	}
}

// sync catches the mirror up with the source, opening its file first if
// needed; a failure closes the file and is kept in the status.
func (m *Mirror) sync() {
	m.mu.Lock()
	defer m.mu.Unlock()
	err := m.catchUp()
	if err == nil {
		m.status.Err, m.status.Since = nil, time.Time{}
		return
	}
	if m.status.Err == nil {
		m.status.Since = time.Now()
	}
	m.status.Err = err
	if m.dst != nil {
		m.dst.Close() // after a failure, open the file afresh (a stick put back)
		m.dst = nil
	}
}

// catchUp copies the events the mirror lacks. It is called with m.mu held.
func (m *Mirror) catchUp() error {
	if m.dst == nil {
		if _, err := os.Stat(m.path); errors.Is(err, os.ErrNotExist) && m.made {
			return fmt.Errorf("%s is gone (the stick was pulled?); put it back", m.path)
		}
		if _, err := os.Stat(filepath.Dir(m.path)); err != nil {
			return fmt.Errorf("the folder of %s is not there: %w", m.path, err)
		}
		dst, err := Open(m.path, Options{Timeout: 100 * time.Millisecond})
		if err != nil {
			return err
		}
		m.dst, m.made = dst, true
	}
	for {
		seq, hash := m.dst.Head()
		m.status.Seq = seq
		head, _ := m.src.Head()
		if seq > head {
			return fmt.Errorf("%s holds %d events, the database %d: it is not this congress's mirror; choose another file", m.path, seq, head)
		}
		if want, err := m.src.HashAt(seq); err != nil {
			return err
		} else if want != hash {
			return fmt.Errorf("%s differs from the database at event %d or before: it is not this congress's mirror; choose another file", m.path, seq)
		}
		if seq == head {
			return nil
		}
		var batch []Stored
		err := m.src.RecordsFrom(seq+1, func(r Stored) error {
			batch = append(batch, Stored{Seq: r.Seq, Link: bytes.Clone(r.Link), Data: bytes.Clone(r.Data)})
			if len(batch) == mirrorBatch {
				return errEnough
			}
			return nil
		})
		if err != nil && err != errEnough {
			return err
		}
		if err := m.dst.AppendStored(batch); err != nil {
			return err
		}
	}
}

// errEnough stops a walk of the records early.
var errEnough = errors.New("enough")
