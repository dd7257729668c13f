package data

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"podium/session"
)

// DefaultTimeout is how long Open waits for another process to let go of
// the file before it returns an *InUseError.
const DefaultTimeout = time.Second

// Options changes how Open opens a log. The zero value is the default.
type Options struct {
	// Timeout is how long to wait for the file lock; 0 means
	// DefaultTimeout. Open never waits forever.
	Timeout time.Duration
	// ReadOnly opens an existing log for reading (Replay, Verify,
	// Backup). It takes a shared lock, so it still waits for a writer.
	// Append returns ErrReadOnly. An older schema is refused rather than
	// migrated.
	ReadOnly bool

	// noSync skips fsync: only for building large test logs fast.
	noSync bool
}

var _ session.Log = (*Store)(nil)

// Store is a durable, hash-chained event log in one bbolt file. It
// implements session.Log. It is safe for use by many goroutines; appends
// are serialised.
type Store struct {
	path     string
	readOnly bool
	opts     Options

	// dbMu is held for reading by every transaction and for writing by
	// reopen, which replaces db after a failed commit.
	dbMu sync.RWMutex
	db   *bolt.DB

	mu     sync.Mutex           // serialises Append; guards the fields below
	seq    uint64               // last stored seq (0: empty)
	hash   [32]byte             // sha256 of the last stored value (zeros: empty)
	failed error                // a commit failed: the next Append reopens the file first
	broken error                // Append refuses: a damaged tail, or a head that moved
	fenced *session.FencedError // another podium took this log over (meta/fenced)

	runs        []Run // meta/runs as stored (or the legacy run)
	pendingRuns []Run // runs staged by the append under way

	notesMu sync.Mutex
	notes   map[int]chan<- struct{} // told after each commit (Notify)
	nextID  int
}

// Open opens the log at path, creating it (and its directory, 0700) if
// missing, and migrating an older schema. Give at most one Options.
//
// If another process holds the file, Open waits up to Options.Timeout
// (default one second) and then returns an *InUseError. A file that is not
// a podium log gives a *NotLogError (matching ErrEmptyFile when it holds
// nothing); a newer schema a *SchemaError; events in a newer codec a
// *VersionError (read-only, Replay returns it). Before bbolt maps an existing
// file its header is read with plain reads: a file cut short or with a
// damaged header gives a *DamageError (errors.Is ErrDamaged), and so does
// a fault or a bbolt assertion while the file is read.
func Open(path string, opts ...Options) (*Store, error) {
	var o Options
	switch len(opts) {
	case 0:
	case 1:
		o = opts[0]
	default:
		return nil, errors.New("data: open: give at most one Options")
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	dir := filepath.Dir(path)
	created := false
	existing := dir // the nearest directory that exists already
	if !o.ReadOnly {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			created = true
			for _, err := os.Stat(existing); errors.Is(err, os.ErrNotExist); _, err = os.Stat(existing) {
				existing = filepath.Dir(existing)
			}
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, fmt.Errorf("data: open %s: %w", path, err)
			}
		}
	}
	db, err := openBolt(path, o)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, readOnly: o.ReadOnly, opts: o}
	if err := s.prepare(time.Now()); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.view("reading the last event", func(tx *bolt.Tx) (err error) {
		s.seq, s.hash, s.broken = s.loadHead(tx)
		if s.fenced, err = readFence(tx); err != nil {
			return err
		}
		s.runs, err = readRuns(tx)
		return err
	}); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.checkRuns(s.runs); err != nil && !o.ReadOnly {
		db.Close() // a newer podium's log: write nothing to it
		return nil, err
	}
	if created {
		// The new file's name (and any new directory's) must survive a
		// crash as well as its pages.
		for d := dir; ; d = filepath.Dir(d) {
			if err := syncDir(d); err != nil {
				db.Close()
				return nil, fmt.Errorf("data: open %s: %w", path, err)
			}
			if d == existing || d == filepath.Dir(d) {
				break
			}
		}
	}
	return s, nil
}

// openBolt checks the file's header with plain reads (precheck) and then
// lets bbolt open and map it, under guard.
func openBolt(path string, o Options) (db *bolt.DB, err error) {
	if err := precheck(path, o.ReadOnly); err != nil {
		return nil, err
	}
	err = guard(path, "opening", func() error {
		var err error
		db, err = bolt.Open(path, 0o600, boltOptions(o, mmapFlags(path)))
		return err
	})
	var de *DamageError
	switch {
	case errors.As(err, &de):
		return nil, err
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, &InUseError{Path: path, Waited: o.Timeout}
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrVersionMismatch),
		errors.Is(err, bolterrors.ErrChecksum), errors.Is(err, bolterrors.ErrInvalidMapping):
		return nil, &NotLogError{Path: path, Reason: "not a bbolt database, or its header is damaged", Err: err}
	case err != nil:
		return nil, fmt.Errorf("data: open %s: %w", path, err)
	}
	return db, nil
}

// precheck reads an existing file's header and free list with plain reads
// before bbolt maps it and trusts them: a file that is not regular, empty
// (read-only: bbolt would try to write its header), not bbolt, cut short
// or with a damaged header or free list is refused here.
func precheck(path string, readOnly bool) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil // bbolt creates it, or says it is missing
	} else if err != nil {
		return fmt.Errorf("data: open %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("data: open %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return &NotLogError{Path: path, Reason: "it is not a regular file"}
	}
	if fi.Size() == 0 && !readOnly {
		return nil // bbolt lays out a new file
	}
	pf, err := readHeader(path, f, fi.Size())
	if err != nil {
		return err
	}
	t := newTree(pf)
	t.freelist()
	return t.damage()
}

// boltOptions are the bbolt settings for an append-only log (figures from
// this machine, medians; see the package doc):
//
//   - FreelistMapType: O(1) page allocation; no cost measured.
//   - the free list is synced at each commit (NoFreelistSync false): one
//     more page in the same fsync, within the noise of a commit (~0.25 ms),
//     while NoFreelistSync makes every read-write open rebuild it by walking
//     the whole tree (7 ms for 100k events) and panic (in a goroutine,
//     uncatchable) on a damaged tree instead of letting Verify report it.
//   - MmapFlags MAP_POPULATE (Linux) when the file is not all in the page
//     cache: see mmapFlags.
//   - NoGrowSync and InitialMmapSize left at bbolt's defaults: no
//     difference measured; bbolt grows the file in large steps already.
func boltOptions(o Options, mmapFlags int) *bolt.Options {
	bo := &bolt.Options{
		Timeout:      o.Timeout,
		ReadOnly:     o.ReadOnly,
		FreelistType: bolt.FreelistMapType,
		MmapFlags:    mmapFlags,
		NoSync:       o.noSync,
	}
	return bo
}

// loadHead reads the last record. A log whose last key is not an event's
// opens (so that Verify can say what is wrong) but refuses appends.
func (s *Store) loadHead(tx *bolt.Tx) (seq uint64, hash [32]byte, broken error) {
	k, v := tx.Bucket(bucketEvents).Cursor().Last()
	if k == nil {
		return 0, hash, nil
	}
	if len(k) != 8 {
		return 0, hash, fmt.Errorf("%s is damaged (a %d-byte key %s ends the events); run podium verify", s.path, len(k), shortKey(k))
	}
	return binary.BigEndian.Uint64(k), sha256.Sum256(v), nil
}

// view runs a read transaction under guard.
func (s *Store) view(what string, fn func(*bolt.Tx) error) error {
	s.dbMu.RLock()
	defer s.dbMu.RUnlock()
	return guard(s.path, what, func() error { return s.db.View(fn) })
}

// Head returns the last stored seq and the SHA-256 of its stored value
// (0 and zeros for an empty log).
func (s *Store) Head() (seq uint64, hash [32]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seq, s.hash
}

// Len returns the number of events stored.
func (s *Store) Len() uint64 {
	seq, _ := s.Head()
	return seq
}

// Path returns the path of the file.
func (s *Store) Path() string { return s.path }

// Close closes the file and releases the lock. It waits for reads under
// way.
func (s *Store) Close() error {
	s.dbMu.Lock()
	defer s.dbMu.Unlock()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("data: close %s: %w", s.path, err)
	}
	return nil
}

// syncDir fsyncs a directory so that a file created or renamed in it
// survives a crash.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync directory %s: %w", dir, err)
	}
	return nil
}
