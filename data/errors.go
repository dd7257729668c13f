package data

import (
	"errors"
	"fmt"
	"time"

	bolterrors "go.etcd.io/bbolt/errors"
)

// ErrInUse matches (with errors.Is) the *InUseError that Open returns when
// another process holds the log.
var ErrInUse = errors.New("data: the log is in use by another process")

// ErrReadOnly is returned by Append on a store opened with ReadOnly.
var ErrReadOnly = errors.New("data: the log was opened read-only")

// ErrLiveFile is returned by Backup when asked to write over the open log.
var ErrLiveFile = errors.New("data: a backup may not overwrite the live log")

// InUseError: another process (another podium) holds the lock on the file
// and did not let go within the timeout. It matches ErrInUse and bbolt's
// errors.ErrTimeout.
type InUseError struct {
	Path   string
	Waited time.Duration
}

// Error says which file is held and for how long Open waited.
func (e *InUseError) Error() string {
	return fmt.Sprintf("%s is in use by another podium process (waited %s); close it or use --db", e.Path, e.Waited)
}

// Is reports whether target is ErrInUse.
func (e *InUseError) Is(target error) bool { return target == ErrInUse }

// Unwrap returns bbolt's timeout error.
func (e *InUseError) Unwrap() error { return bolterrors.ErrTimeout }

// SeqError: Append was given a record whose Seq does not follow the last
// one stored. Nothing of the call was stored.
type SeqError struct {
	Want, Got uint64
}

// Error names the seq given and the one expected.
func (e *SeqError) Error() string {
	return fmt.Sprintf("data: append: event %d given where event %d comes next", e.Got, e.Want)
}

// BadRecordError names the first event of the log that cannot be trusted:
// missing, out of place, or changed after it was written. Every event
// before Seq is intact.
type BadRecordError struct {
	Seq    uint64
	Reason string
}

// Error names the event and what is wrong with it.
func (e *BadRecordError) Error() string {
	return fmt.Sprintf("data: event %d: %s", e.Seq, e.Reason)
}

// SchemaError: the file's schema version cannot be used by this build:
// newer than it knows, or a migration failed.
type SchemaError struct {
	Path   string
	Found  uint64 // version in the file
	Known  uint64 // newest version this build knows
	Reason string
}

// Error names the versions and what to do.
func (e *SchemaError) Error() string {
	return fmt.Sprintf("data: %s has schema version %d; this podium knows up to %d: %s", e.Path, e.Found, e.Known, e.Reason)
}

// NotLogError: the file is a bbolt database (or not even that) that does
// not hold a podium log.
type NotLogError struct {
	Path   string
	Reason string
	Err    error // the underlying error, if any
}

// Error says why the file is not a podium log.
func (e *NotLogError) Error() string {
	if e.Err != nil && e.Err != ErrEmptyFile {
		return fmt.Sprintf("data: %s is not a podium log: %s: %v", e.Path, e.Reason, e.Err)
	}
	return fmt.Sprintf("data: %s is not a podium log: %s", e.Path, e.Reason)
}

// Unwrap returns the underlying error (ErrEmptyFile for an empty file).
func (e *NotLogError) Unwrap() error { return e.Err }

// ErrDamaged matches (with errors.Is) every error that says the file is
// damaged: a *DamageError (its page structure) or a *BadRecordError (an
// event of its chain). Commands exit 1 and point to podium salvage.
var ErrDamaged = errors.New("data: the log is damaged")

// ErrEmptyFile matches the *NotLogError of a file that holds nothing yet:
// zero bytes, or a database without podium's buckets (what an interrupted
// `podium new` of an older podium left). It is empty, not a congress.
var ErrEmptyFile = errors.New("data: the file is empty")

// Is reports whether target is ErrDamaged.
func (e *BadRecordError) Is(target error) bool { return target == ErrDamaged }

// DamageError: the file's page structure (below the event chain) is
// damaged: cut short, a header or a page that cannot be read, as found
// before bbolt maps the file, by Verify, or by a fault or a bbolt
// assertion while reading. It matches ErrDamaged.
type DamageError struct {
	Path string
	// Seq is the first event that cannot be read, when known (0: not
	// known, or not about an event).
	Seq      uint64
	Problems []string
}

// Error gives the first problem and how many more.
func (e *DamageError) Error() string {
	s := fmt.Sprintf("data: %s is damaged: %s", e.Path, e.Problems[0])
	if n := len(e.Problems) - 1; n > 0 {
		s += fmt.Sprintf(" (and %d more problems)", n)
	}
	return s
}

// Is reports whether target is ErrDamaged.
func (e *DamageError) Is(target error) bool { return target == ErrDamaged }
