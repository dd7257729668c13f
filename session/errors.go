package session

import (
	"errors"
	"fmt"

	"podium/agenda"
)

// Errors without numbers.
var (
	// ErrNotOpen: a command came before the session was created.
	ErrNotOpen = errors.New("session: no congress has been opened in this log")
	// ErrAlreadyOpen: Open came for a session that exists.
	ErrAlreadyOpen = errors.New("session: this log already holds a congress")
	// ErrAlreadyDeclared: the meeting was declared valid already.
	ErrAlreadyDeclared = errors.New("session: the meeting has already been declared valid")
	// ErrUnknownCommand: Execute was given a command it does not know.
	ErrUnknownCommand = errors.New("session: unknown command")
)

// SetupError says what is wrong with a Setup given to Open.
type SetupError struct {
	Field  string // e.g. "roster[3].id"
	Reason string
}

func (e *SetupError) Error() string {
	return fmt.Sprintf("session: setup %s: %s", e.Field, e.Reason)
}

// UnknownPersonError: no person on the roster has this id.
type UnknownPersonError struct{ ID string }

func (e *UnknownPersonError) Error() string {
	return fmt.Sprintf("session: no person with id %q on the roster", e.ID)
}

// SameStatusError: the person already has the status asked for.
type SameStatusError struct {
	ID     string
	Status Status
}

func (e *SameStatusError) Error() string {
	return fmt.Sprintf("session: %s is already %s", e.ID, e.Status)
}

// NothingToUndoError: the actor has no attendance mark left to undo.
type NothingToUndoError struct{ Actor string }

func (e *NothingToUndoError) Error() string {
	return fmt.Sprintf("session: %q has no attendance mark to undo", e.Actor)
}

// QuorumError: attendance does not meet the rule needed for the step.
// Need is the smallest present count that would.
type QuorumError struct {
	What string // "opening" or "election"
	Rule agenda.Fraction
	Count
	Need int
}

func (e *QuorumError) Error() string {
	return fmt.Sprintf("session: no %s quorum: %d present of %d expected, %d needed (%s)",
		e.What, e.Present, e.Expected, e.Need, e.Rule)
}

// ItemError: the agenda has no item with this index.
type ItemError struct{ Index, Len int }

func (e *ItemError) Error() string {
	return fmt.Sprintf("session: agenda item %d does not exist (the agenda has %d)", e.Index+1, e.Len)
}

// CorruptError: a stored event cannot be decoded or applied on replay.
type CorruptError struct {
	Seq    uint64
	Reason string
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("session: event %d: %s", e.Seq, e.Reason)
}
