package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"podium/data"
)

// Verify recomputes the hash chain of the log in db, opened read-only (a
// copy of it while another podium holds it: a running congress, its
// mirror): the number of events and the hash of the last record. A
// missing db is a *MissingError; a broken chain an error naming db and
// the first bad event.
func Verify(db string) (events int, last [32]byte, err error) {
	events, last, _, err = VerifyLive(db)
	return events, last, err
}

// VerifyLive is Verify, and says whether a copy was read because another
// podium held the file (hot).
func VerifyLive(db string) (events int, last [32]byte, hot bool, err error) {
	if !Exists(db) {
		return 0, last, false, &MissingError{db}
	}
	store, err := data.Open(db, data.Options{ReadOnly: true, Timeout: 300 * time.Millisecond})
	cleanup := func() {}
	if errors.Is(err, data.ErrInUse) {
		hot = true
		store, cleanup, err = openStoreForReading(context.Background(), db)
	} else if err == nil {
		cleanup = func() { store.Close() }
	}
	if err != nil {
		return 0, last, hot, err
	}
	defer cleanup()
	n, last, err := store.Verify()
	if err != nil {
		return 0, last, hot, fmt.Errorf("%s: %w", db, err)
	}
	return n, last, hot, nil
}

// Backed is what Backup wrote.
type Backed struct {
	// Events and Last are the copy's verified digest.
	Events int
	Last   [32]byte
	// Hot is set when podium was running: the file was copied and the copy
	// verified whole.
	Hot bool
}

// Backup writes a consistent copy of db to out (whole or absent) and
// verifies the copy. While another podium holds db, it copies the file and
// verifies the copy whole, a bounded number of times (then an error
// matching data.ErrKeptChanging). ctx stops a copy under way; no temporary
// file is left on any way out.
func Backup(ctx context.Context, db, out string) (Backed, error) {
	if !Exists(db) {
		return Backed{}, &MissingError{db}
	}
	store, err := data.Open(db, data.Options{ReadOnly: true, Timeout: 300 * time.Millisecond})
	if errors.Is(err, data.ErrInUse) {
		n, last, err := data.CopyInUse(ctx, db, out)
		return Backed{Events: n, Last: last, Hot: true}, err
	}
	if err != nil {
		return Backed{}, err
	}
	defer store.Close()
	n, last, err := store.Backup(out)
	return Backed{Events: n, Last: last}, err
}
