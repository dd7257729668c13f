package session

import (
	"errors"
	"fmt"
)

// The refusals of the floor (floor.go): the speakers' list and the
// groups' reports.

var (
	// ErrNoSpeech: no speech is under way to end.
	ErrNoSpeech = errors.New("session: no speech is under way")
	// ErrFloorUnchanged: the current item's speakers' list has no change
	// left to take back.
	ErrFloorUnchanged = errors.New("session: the speakers' list has no change to undo")
	// ErrSameFloorRules: the floor rules are already as asked.
	ErrSameFloorRules = errors.New("session: the floor rules are already so")
)

// The codes of a SpeakerError: why a request to speak cannot be taken,
// moved, removed or given the floor.
const (
	CodeNoRequest      Code = "no_request"      // no such request on the current item's list
	CodeNotWaiting     Code = "not_waiting"     // the request is not on the list (spoken, speaking, removed)
	CodeOrderFirst     Code = "order_first"     // a point of order goes before every other request
	CodeAlreadyWaiting Code = "already_waiting" // the person waits on the list already
	CodeAbsent         Code = "absent"          // a formal delegate who is not present
	CodeGuest          Code = "guest"           // an observer or guest, while they may not speak
	CodeBadPosition    Code = "bad_position"    // no such place on the list, or the place it has
	CodeListEmpty      Code = "list_empty"      // nobody is on the list
)

// The codes of a FieldError of the floor.
const (
	CodeBadSpeechKind Code = "bad_speech_kind" // not speech, supplement, order or reply
	CodeNameNotReply  Code = "name_not_reply"  // a name instead of a person: only for an answer by someone not on the roster
)

// The codes of a GroupError.
const (
	CodeNotInGroups     Code = "not_in_groups"     // the item is not deliberated in groups
	CodeUnknownGroup    Code = "unknown_group"     // the item has no group of that name
	CodeNotStarted      Code = "not_started"       // the item has not started
	CodeTooManySpeakers Code = "too_many_speakers" // more speakers than the group has members
)

// SpeakerError: a request to speak cannot be taken, moved, removed or
// given the floor. No is the request concerned (0: a new one); ID and
// Name the person.
type SpeakerError struct {
	No       int
	ID, Name string
	Reason   Code
}

// Error says what was refused, with the numbers.
func (e *SpeakerError) Error() string {
	who := ""
	if e.ID != "" || e.Name != "" {
		who = fmt.Sprintf(" (%s %s)", e.ID, e.Name)
	}
	return fmt.Sprintf("session: speakers' list: request %d%s: %s", e.No, who, e.Reason)
}

// SpeechRunningError: a speech starts only when none is under way; No
// is the one that is.
type SpeechRunningError struct {
	No       int
	ID, Name string
}

// Error says what was refused, with the numbers.
func (e *SpeechRunningError) Error() string {
	return fmt.Sprintf("session: speech %d (%s %s) is under way; end it first", e.No, e.ID, e.Name)
}

// GroupError: a deliberation group's report cannot be taken.
type GroupError struct {
	Item    int // 0-based
	Group   string
	Reason  Code
	Got     int // CodeTooManySpeakers: the speakers given
	Members int // CodeTooManySpeakers: the group's members
}

// Error says what was refused, with the numbers.
func (e *GroupError) Error() string {
	if e.Reason == CodeTooManySpeakers {
		return fmt.Sprintf("session: group %q of item %d: %d speakers, but it has %d members", e.Group, e.Item+1, e.Got, e.Members)
	}
	return fmt.Sprintf("session: group %q of item %d: %s", e.Group, e.Item+1, e.Reason)
}

// GroupLimitError: a terminal limited to one deliberation group (a
// group's own terminal) may only report that group.
type GroupLimitError struct {
	Group   string // the terminal's group
	Command string // the command's type, e.g. "AddNote"
	Asked   string // the group the command names, "" when it names none
}

// Error says what was refused.
func (e *GroupLimitError) Error() string {
	if e.Asked != "" {
		return fmt.Sprintf("session: a terminal of group %q may not report group %q", e.Group, e.Asked)
	}
	return fmt.Sprintf("session: a terminal of group %q may only report its group, not %s", e.Group, e.Command)
}
