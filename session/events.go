package session

import (
	"time"

	"podium/model"
)

// Status is a person's attendance status.
type Status uint8

const (
	// NotArrived is the status of everyone before check-in (未到).
	NotArrived Status = iota
	// Present is checked in (实到).
	Present
	// OnLeave is excused (请假).
	OnLeave
	// Left has left the hall (离场); the time is that of the change.
	Left
)

// String returns the English word for the status.
func (s Status) String() string {
	switch s {
	case NotArrived:
		return "not arrived"
	case Present:
		return "present"
	case OnLeave:
		return "on leave"
	case Left:
		return "left"
	}
	return "status?"
}

// Valid reports whether s is one of the four statuses.
func (s Status) Valid() bool { return s <= Left }

// Event is one committed fact. Seq counts from 1 without gaps; At and Actor
// come from the command that caused it.
type Event struct {
	Seq   uint64
	At    time.Time
	Actor string
	Body  Body
}

// Body is the content of an event: one of the types below.
type Body interface{ kind() kind }

type kind uint8

const (
	kindOpened kind = iota + 1
	kindMarked
	kindItemStarted
	kindDeclaredOpen
)

// Opened is the first event: everything the congress was set up with.
type Opened struct{ Setup model.Setup }

// Marked changes one person's attendance. Undoes is the Seq of the mark it
// takes back (then Status is the status before that mark), or 0.
type Marked struct {
	Person string
	Status Status
	Undoes uint64
}

// ItemStarted makes an agenda item (by index) the current one.
type ItemStarted struct {
	Index int
	Count Count
}

// DeclaredOpen records that the chair declared the meeting valid (会议有效),
// with the attendance that allowed it.
type DeclaredOpen struct{ Count Count }

func (Opened) kind() kind       { return kindOpened }
func (Marked) kind() kind       { return kindMarked }
func (ItemStarted) kind() kind  { return kindItemStarted }
func (DeclaredOpen) kind() kind { return kindDeclaredOpen }
