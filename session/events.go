package session

import (
	"fmt"
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

// statusNames are the stable names of the statuses in JSON (podium log,
// podium apply), by value.
var statusNames = [...]string{NotArrived: "not_arrived", Present: "present", OnLeave: "on_leave", Left: "left"}

// MarshalText writes the status's stable name: not_arrived, present,
// on_leave or left.
func (s Status) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("session: unknown status %d", s)
	}
	return []byte(statusNames[s]), nil
}

// UnmarshalText reads a status's stable name.
func (s *Status) UnmarshalText(b []byte) error {
	for v, name := range statusNames {
		if string(b) == name {
			*s = Status(v)
			return nil
		}
	}
	return fmt.Errorf("unknown status %q (use not_arrived, present, on_leave or left)", b)
}

// Event is one committed fact. Seq counts from 1 without gaps; At, Actor
// and Role come from the command that caused it (Role is empty in events
// stored before roles were, codec 1).
type Event struct {
	Seq   uint64
	At    time.Time
	Actor string
	Role  Role
	Body  Body
}

// Body is the content of an event: one of the types below, each listed in
// the table of kinds (kinds.go) with its number and stable name.
type Body interface{ kind() EventKind }

// Opened is the first event: everything the congress was set up with.
type Opened struct {
	Setup model.Setup `json:"setup"`
}

// Marked changes one person's attendance. Undoes is the Seq of the mark it
// takes back (then Status is the status before that mark), or 0.
// Terminal is the connection the mark came from (Meta.Terminal; "" when
// it named none, and in every mark stored before terminals were): replay
// keeps an undo stack per terminal.
type Marked struct {
	Person   string `json:"person"`
	Status   Status `json:"status"`
	Undoes   uint64 `json:"undoes"`
	Terminal string `json:"terminal,omitempty"`
}

// ItemStarted makes an agenda item (by index) the current one.
type ItemStarted struct {
	Index int   `json:"index"`
	Count Count `json:"count"`
}

// DeclaredOpen records that the chair declared the meeting valid (会议有效),
// with the attendance that allowed it.
type DeclaredOpen struct {
	Count Count `json:"count"`
}

func (Opened) kind() EventKind       { return kindOpened }
func (Marked) kind() EventKind       { return kindMarked }
func (ItemStarted) kind() EventKind  { return kindItemStarted }
func (DeclaredOpen) kind() EventKind { return kindDeclaredOpen }
