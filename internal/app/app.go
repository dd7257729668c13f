// Package app holds podium's use-cases, shared by the command line
// (internal/cli) and the screens (tui, through the callbacks of
// tui.Options the command line wires): create a congress from files or
// the demo, open it for running or for reading, export its records, back
// it up and verify it, and count a round from files.
//
// app knows nothing of the command line: it returns typed errors
// (*InputError for bad input, *ExistsError, *RealCongressError,
// ErrNoCongress) and the caller words the advice and picks the exit code.
package app

import (
	"errors"
	"os"
)

// InputError is bad input: a file or a value the user gave is unreadable
// or wrong. Its message names the file, its line or row, and the field.
// The command line exits 2 on it.
type InputError struct{ Err error }

// Error returns the underlying message.
func (e *InputError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// badInput wraps err (when not nil) as an *InputError.
func badInput(err error) error {
	if err == nil {
		return nil
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return err
	}
	return &InputError{err}
}

// ErrNoCongress is returned by Open when the database does not exist or
// holds no congress yet.
var ErrNoCongress = errors.New("no congress in the database")

// ErrMissing is returned (wrapped in a *MissingError) when a database that
// must exist does not.
var ErrMissing = errors.New("does not exist")

// MissingError says that the database at Path does not exist.
type MissingError struct{ Path string }

// Error names the path.
func (e *MissingError) Error() string { return e.Path + " does not exist" }

// Is matches ErrMissing.
func (e *MissingError) Is(target error) bool { return target == ErrMissing }

// Exists reports whether a file is at path.
func Exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
