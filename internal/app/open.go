package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"podium/data"
	"podium/session"
)

// Congress is a congress open from its database: the log and the session
// replayed from it. Close it when done.
type Congress struct {
	// DB is the database's path as given (for a copy read while podium
	// runs, still the original's).
	DB string
	// Store is the event log.
	Store *data.Store
	// Session is the live congress.
	Session *session.Session
	// Mirror is the mirror file's copier, nil when there is none
	// (StartMirror).
	Mirror *data.Mirror

	close func() error
	// writer is set for a congress opened by Open, to run it: it keeps a
	// checkpoint beside the database (Close, Verify).
	writer bool
	// loaded says how the session was loaded (data.Store.Load).
	loaded data.Loaded

	ckptMu sync.Mutex // guards the fields below (checkpoint.go)
	// ckptSeq is the last event of the checkpoint beside the database as
	// this podium knows it: resumed from or written (0: none).
	ckptSeq uint64
	// checked: the session resumed from the checkpoint was checked
	// (resumedCheck); checkErr is what that found, nil when it was the
	// full replay's state.
	checked  bool
	checkErr error
	// noCheckpoints: the checkpoint resumed from was found wrong; this
	// podium writes no other, so that the next start replays in full.
	noCheckpoints bool
	closed        bool
}

// Close stops the mirror after its last copy and closes the log (and
// removes a copy made for reading). A congress opened by Open first
// keeps a checkpoint of the log beside it when the log has grown past
// the last one: the state of a full replay (session.Image), never the
// running one, so that the next start is quick. Writing it may fail
// without harm (it is a cache); the log is closed all the same.
func (c *Congress) Close() error {
	if c.Mirror != nil {
		c.Mirror.Close()
	}
	c.ckptMu.Lock()
	if !c.closed {
		c.resumedCheck() // never a new checkpoint over an unchecked one
		c.closed = true
		c.keepCheckpoint()
	}
	c.ckptMu.Unlock()
	return c.close()
}

// Name is the congress's name.
func (c *Congress) Name() string {
	var name string
	c.Session.Read(func(st *session.State) { name = st.Setup.Meeting.Name })
	return name
}

// Drafts are the terminals' drafts (the screen shown, a ballot being
// keyed), kept beside the database and outside the record.
func (c *Congress) Drafts() *data.Drafts { return data.OpenDrafts(c.DB) }

// Verify recomputes the log's hash chain: the number of events and the
// hash of the last record, or the first broken link. When the session was
// resumed from a checkpoint, it then checks the checkpoint against the log
// replayed in full: a *CheckpointError when they differ (restart podium).
// After a good verification, a congress opened by Open keeps a new
// checkpoint when it started without one or far behind (CheckpointTail).
// The screens run it in the background once they are up.
func (c *Congress) Verify() (events int, last [32]byte, err error) {
	if events, last, err = c.Store.Verify(); err != nil {
		return events, last, err
	}
	return events, last, c.checkImage()
}

// Open opens the congress in db for running it, waiting at most wait for
// another process's lock (0: data.DefaultTimeout). It returns
// ErrNoCongress, creating nothing, when db does not exist or holds no
// congress, and an error matching data.ErrInUse while another podium has
// it open.
func Open(db string, wait time.Duration) (*Congress, error) {
	if !Exists(db) {
		return nil, ErrNoCongress
	}
	store, err := data.Open(db, data.Options{Timeout: wait})
	if err != nil {
		return nil, err
	}
	// From the checkpoint beside the database when it is usable, else a
	// full replay. A resumed session is checked against a full replay at
	// once, in the background; it executes nothing before.
	forgetUnchecked(db)
	s, loaded, err := store.Load()
	if errors.Is(err, session.ErrEmpty) {
		store.Close()
		return nil, ErrNoCongress
	}
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("%s: %w", db, err)
	}
	if err := checkWriter(db, store, s); err != nil {
		store.Close()
		return nil, err
	}
	c := &Congress{DB: db, Store: store, Session: s, close: store.Close,
		writer: true, loaded: loaded, ckptSeq: loaded.Seq}
	if loaded.Resumed {
		if f, err := os.Create(uncheckedPath(db)); err == nil {
			f.Close()
		}
		go func() {
			c.ckptMu.Lock()
			defer c.ckptMu.Unlock()
			if !c.closed {
				c.resumedCheck()
			}
		}()
	}
	return c, nil
}

// OpenForReading opens the congress in db read-only; while podium runs
// (the file is locked) it reads a verified copy instead, which Close
// removes (ctx stops the copy under way, and then nothing is left). A
// missing db is a *MissingError.
func OpenForReading(ctx context.Context, db string) (*Congress, error) {
	if !Exists(db) {
		return nil, &MissingError{db}
	}
	store, cleanup, err := openStoreForReading(ctx, db)
	if err != nil {
		return nil, err
	}
	// Always a full replay, never a checkpoint: the records, exports,
	// audits and histories made from it are made from the log itself.
	s, err := session.Load(store)
	if err != nil {
		cleanup()
		return nil, fmt.Errorf("%s: %w", db, err)
	}
	return &Congress{DB: db, Store: store, Session: s, close: func() error { cleanup(); return nil }}, nil
}

// openStoreForReading opens the log read-only, or a verified copy of it
// while another process holds it.
func openStoreForReading(ctx context.Context, db string) (*data.Store, func(), error) {
	store, err := data.Open(db, data.Options{ReadOnly: true, Timeout: 300 * time.Millisecond})
	if err == nil {
		return store, func() { store.Close() }, nil
	}
	if !errors.Is(err, data.ErrInUse) {
		return nil, nil, err
	}
	dir, err := os.MkdirTemp("", "podium-export-")
	if err != nil {
		return nil, nil, err
	}
	cp := filepath.Join(dir, "podium.db")
	if _, _, err := data.CopyInUse(ctx, db, cp); err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	store, err = data.Open(cp, data.Options{ReadOnly: true})
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return store, func() { store.Close(); os.RemoveAll(dir) }, nil
}
