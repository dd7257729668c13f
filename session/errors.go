package session

import (
	"errors"
	"fmt"
	"time"

	"podium/model"
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

// Error says what was refused, with the numbers.
func (e *SetupError) Error() string {
	return fmt.Sprintf("session: setup %s: %s", e.Field, e.Reason)
}

// UnknownPersonError: no person on the roster has this id.
type UnknownPersonError struct{ ID string }

// Error says what was refused, with the numbers.
func (e *UnknownPersonError) Error() string {
	return fmt.Sprintf("session: no person with id %q on the roster", e.ID)
}

// SameStatusError: the person already has the status asked for.
type SameStatusError struct {
	ID     string
	Status Status
}

// Error says what was refused, with the numbers.
func (e *SameStatusError) Error() string {
	return fmt.Sprintf("session: %s is already %s", e.ID, e.Status)
}

// NothingToUndoError: the terminal (the actor, when the command names no
// terminal) has no attendance mark left to undo.
type NothingToUndoError struct{ Actor, Terminal string }

// Error says what was refused, with the numbers.
func (e *NothingToUndoError) Error() string {
	if e.Terminal != "" {
		return fmt.Sprintf("session: terminal %q (%s) has no attendance mark to undo", e.Terminal, e.Actor)
	}
	return fmt.Sprintf("session: %q has no attendance mark to undo", e.Actor)
}

// QuorumError: attendance does not meet the rule needed for the step.
// Need is the smallest present count that would.
type QuorumError struct {
	What string // "opening" or "election"
	Rule model.Fraction
	Count
	Need int
}

// Error says what was refused, with the numbers.
func (e *QuorumError) Error() string {
	return fmt.Sprintf("session: no %s quorum: %d present of %d expected, %d needed (%s)",
		e.What, e.Present, e.Expected, e.Need, e.Rule)
}

// ClockError: the command is dated before the last event of the record
// (by more than ClockTolerance). The core refuses it rather than write a
// record whose times run backwards (an item that "ended" before it
// started); the clock of the machine is wrong and must be set right
// (docs/FORMAT.md, "Time").
type ClockError struct {
	Last  time.Time // the time of the last event
	Given time.Time // the command's time
}

// Error says what was refused, with both times.
func (e *ClockError) Error() string {
	return fmt.Sprintf("session: the command is dated %s, before the last event of the record (%s): is this terminal's clock behind?",
		e.Given.UTC().Format(time.RFC3339Nano), e.Last.UTC().Format(time.RFC3339Nano))
}

// ItemError: the agenda has no item with this index.
type ItemError struct{ Index, Len int }

// Error says what was refused, with the numbers.
func (e *ItemError) Error() string {
	return fmt.Sprintf("session: agenda item %d does not exist (the agenda has %d)", e.Index+1, e.Len)
}

// WriteError: the log could not store the events of a command (a full
// disk, an I/O error). Nothing changed: the command may simply be given
// again once the cause is fixed (the log retries). Err is the log's error.
type WriteError struct {
	Seq uint64 // the first event that was to be stored
	Err error
}

// Error says that nothing was stored, and why.
func (e *WriteError) Error() string {
	return fmt.Sprintf("session: event %d was not stored, nothing changed: %v", e.Seq, e.Err)
}

// Unwrap returns the log's error.
func (e *WriteError) Unwrap() error { return e.Err }

// CorruptError: a stored event cannot be decoded or applied on replay.
type CorruptError struct {
	Seq    uint64
	Reason string
}

// Error says what was refused, with the numbers.
func (e *CorruptError) Error() string {
	return fmt.Sprintf("session: event %d: %s", e.Seq, e.Reason)
}

// The election's refusals without numbers.
var (
	// ErrNoElection: the congress was set up without an election.
	ErrNoElection = errors.New("session: this congress has no election")
	// ErrMethodNotAdopted: a round needs the adopted method.
	ErrMethodNotAdopted = errors.New("session: the election method has not been adopted")
	// ErrNoScrutineers: a round needs the adopted scrutineers.
	ErrNoScrutineers = errors.New("session: the scrutineers have not been adopted")
	// ErrVoteStarted: the method cannot change once a round has opened.
	ErrVoteStarted = errors.New("session: a round has opened; the method can no longer change")
	// ErrRoundOpen: the current round is not decided yet.
	ErrRoundOpen = errors.New("session: the current round is still open")
	// ErrNoOpenRound: no round is open.
	ErrNoOpenRound = errors.New("session: no round is open")
	// ErrNothingToHold: every seat is decided or vacant; no round is due.
	ErrNothingToHold = errors.New("session: no round is due: every seat is filled or vacant")
	// ErrNotIssued: ballots must be issued before they are collected.
	ErrNotIssued = errors.New("session: no ballots have been issued in this round")
	// ErrNotCollected: ballots must be collected before they are counted.
	ErrNotCollected = errors.New("session: the ballots of this round have not been collected")
	// ErrAlreadyRecorded: issued or collected was recorded already.
	ErrAlreadyRecorded = errors.New("session: that count is already recorded for this round")
	// ErrRoundVoid: a void round is not counted; open it again.
	ErrRoundVoid = errors.New("session: the round is void (more ballots collected than issued); vote again")
	// ErrMixedEntry: a round is counted from keyed ballots or from a
	// tally sheet, not both.
	ErrMixedEntry = errors.New("session: this round is counted the other way (ballots or tally sheet)")
	// ErrNoVacancy: only seats left open after a second round can be
	// declared vacant.
	ErrNoVacancy = errors.New("session: no seats are left open after a second round")
)

// MethodError: the election method cannot be used with this congress.
type MethodError struct {
	Code                Code   // CodeInvalidMethod or CodeUnknownCategory
	Reason              string // what is wrong, in English
	Candidate, Category string // CodeUnknownCategory: who stands in which category
}

// Error says what was refused, with the numbers.
func (e *MethodError) Error() string { return "session: election method: " + e.Reason }

// ScrutineerError: a person cannot serve as scrutineer (RULES §6.1).
type ScrutineerError struct {
	ID, Name string
	Role     string // RoleScrutineer or RoleChief
	Reason   Code   // one of the Reason constants below
	Status   Status // the person's attendance now (ReasonNotPresent)
}

// The roles and the reasons of a ScrutineerError.
const (
	RoleScrutineer        = "scrutineer"  // 监票人
	RoleChief             = "chief"       // 总监票人
	ReasonNotFormal  Code = "not_formal"  // not a formal delegate
	ReasonNotPresent Code = "not_present" // not present now
	ReasonCandidate  Code = "candidate"   // a candidate of this election
	ReasonSamePerson Code = "same_person" // the chief is the scrutineer
)

// Error says what was refused, with the numbers.
func (e *ScrutineerError) Error() string {
	return fmt.Sprintf("session: %s (%s) cannot be %s: %s", e.Name, e.ID, e.Role, e.Reason)
}

// IssueError: more ballots issued than formal delegates present.
type IssueError struct{ N, Present int }

// Error says what was refused, with the numbers.
func (e *IssueError) Error() string {
	return fmt.Sprintf("session: %d ballots cannot be issued to %d formal delegates present", e.N, e.Present)
}

// BallotError: a keyed ballot cannot be taken.
type BallotError struct {
	Index, Len, Collected int
	Reason                Code // CodeStackFull, CodeBadIndex, CodeBadMark, CodeTooManyMarks or CodeEmpty
}

// Error says what was refused, with the numbers.
func (e *BallotError) Error() string {
	return fmt.Sprintf("session: ballot %d: %s (%d keyed of %d collected)", e.Index+1, e.Reason, e.Len, e.Collected)
}

// EntryMismatchError: the tellers' keyed stacks are incomplete or differ,
// so the round cannot be decided (double entry).
type EntryMismatchError struct {
	Collected int
	Tellers   []string
	Lengths   []int // per teller
	Differ    []int // 0-based stack positions where the tellers differ
}

// Error says what was refused, with the numbers.
func (e *EntryMismatchError) Error() string {
	return fmt.Sprintf("session: the keyed ballots are not complete and agreed: tellers %v keyed %v of %d, %d positions differ",
		e.Tellers, e.Lengths, e.Collected, len(e.Differ))
}

// ErrNoCurrentItem: the command needs an agenda item under way.
var ErrNoCurrentItem = errors.New("session: no agenda item is under way")

// UnfinishedError: the current item cannot be left silently: a resolution
// item without its vote, or an election item with a round open. Ending it
// with a note says why it is left.
type UnfinishedError struct {
	Index int
	Why   Code // CodeNoVote or CodeRoundOpen
}

// Error says what was refused, with the numbers.
func (e *UnfinishedError) Error() string {
	return fmt.Sprintf("session: agenda item %d is not finished (%s); end it with a note to leave it", e.Index+1, e.Why)
}

// FieldError: a required field of a command is empty or not allowed.
type FieldError struct {
	Field, Reason string // the field, and what is wrong in English
	Code          Code   // what is wrong: CodeEmpty, CodeNoReview …
}

// Error says what was refused, with the numbers.
func (e *FieldError) Error() string { return fmt.Sprintf("session: %s %s", e.Field, e.Reason) }

// NotFormalError: only formal delegates may ask, propose or co-sign.
type NotFormalError struct {
	ID, Name string
	Role     Code // CodeAsDelegate, CodeAsProposer or CodeAsCoSigner
}

// Error says what was refused, with the numbers.
func (e *NotFormalError) Error() string {
	return fmt.Sprintf("session: %s (%s) is not a formal delegate and cannot be %s", e.Name, e.ID, e.Role)
}

// MotionError: a motion lacks co-signers or lists someone twice.
type MotionError struct {
	Reason    Code // CodeCoSigners, CodeDuplicate or CodeProposerCoSigns
	ID        string
	Got, Need int
}

// Error says what was refused, with the numbers.
func (e *MotionError) Error() string {
	if e.Reason == CodeCoSigners {
		return fmt.Sprintf("session: a motion needs %d co-signers besides its proposer, it has %d", e.Need, e.Got)
	}
	return fmt.Sprintf("session: motion: %s (%s)", e.Reason, e.ID)
}

// StatusError: a question or motion is not where the command needs it.
type StatusError struct {
	What   string // "question", "motion" or "item"
	No     int    // 1-based
	Reason Code   // CodeUnknown, CodeAnswered, CodeOnNotice, CodeDecided, CodeNotAdmitted, CodeVoted, CodeStarted
}

// Error says what was refused, with the numbers.
func (e *StatusError) Error() string {
	return fmt.Sprintf("session: %s %d: %s", e.What, e.No, e.Reason)
}

// VoteCountError: the counts of a vote cannot be recorded (RULES §3):
// for + against + abstain exceeds the formal delegates present
// (CodeTooMany), or is 0, a vote in which nobody voted (CodeNoVotes).
type VoteCountError struct {
	Sum, Present int
	Reason       Code // CodeTooMany or CodeNoVotes
}

// Error says what was refused, with the numbers.
func (e *VoteCountError) Error() string {
	if e.Reason == CodeNoVotes {
		return fmt.Sprintf("session: nobody voted (for + against + abstain = 0, %d present): that is not a vote", e.Present)
	}
	return fmt.Sprintf("session: %d votes counted but only %d formal delegates are present", e.Sum, e.Present)
}

// NotDeclaredError: no business before the meeting is declared valid
// (RULES §2): a vote (What CodeVote), a ballot issue (CodeBallots) or an
// election round (CodeRound) is refused until then, with the attendance
// and the opening quorum's need. The meeting's preparatory_votes setting
// allows the votes of a preparatory item before it (never ballots or
// rounds).
type NotDeclaredError struct {
	What Code
	Count
	Need int // present needed to declare the meeting valid
}

// Error says what was refused, with the numbers.
func (e *NotDeclaredError) Error() string {
	return fmt.Sprintf("session: the meeting has not been declared valid: no %s before (%d present of %d expected, %d needed to declare)",
		e.What, e.Present, e.Expected, e.Need)
}

// NotPresentError: a delegate who is not present cannot ask a question,
// propose or co-sign a motion (RULES §1, §4, §5); Status is theirs now.
// A person not present cannot be marked as leaving either (Role
// CodeAsLeaving).
type NotPresentError struct {
	ID, Name string
	Status   Status
	Role     Code // CodeAsDelegate, CodeAsProposer, CodeAsCoSigner or CodeAsLeaving
}

// Error says what was refused, with the numbers.
func (e *NotPresentError) Error() string {
	return fmt.Sprintf("session: %s (%s) is %s, not present, and cannot be %s", e.Name, e.ID, e.Status, e.Role)
}

// TextError: a text of a command holds a character that no record may
// carry (RULES §1, "clean text"): a control character (C0 but line feed
// and tab in the texts that are paragraphs, DEL, C1) or a bidirectional
// override, embedding, isolate or mark, which would make the printed
// record read otherwise than it is stored. Offset is the character's byte
// offset in the field.
type TextError struct {
	Field  string
	Rune   rune
	Offset int
}

// Error says what was refused, with the numbers.
func (e *TextError) Error() string {
	return fmt.Sprintf("session: %s holds the character U+%04X at byte %d, which no record may carry", e.Field, e.Rune, e.Offset)
}
