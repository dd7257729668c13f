// Package election counts one round of the committee election (RULES §6):
// quorum, ballots issued and collected, the validity of each ballot, the
// tally per candidate and write-in name, and the decision: elected, runoff
// (重新投票) among the tied, or second round (另行选举) for missing seats.
//
// The package is pure: no files, no clock, no UI (the CSV files of
// candidates and ballots are read by package files). It writes the tally
// sheet (计票单) as text. Every threshold is computed in
// integers by rule.Meets and rule.Need.
package election

import (
	"encoding/json"
	"fmt"

	"podium/model"
)

// RulesVersion is the version of the counting rules this package
// implements. It is stored with every decided round (session's
// RoundDecided) and must be bumped by every change that can change a
// result, so that a recount (podium audit) can say which rules a stored
// result was counted by.
//
// Version 2: a tally sheet judged per category never infers a per-ballot
// valid/invalid figure (CategoryOnly); keyed ballots tell the partly
// invalid ones (PartlyInvalid, InvalidBallot's Selections, Seats and
// Partly); the method's tie = "vacant" leaves tied seats vacant
// (Vacancies, status Tied). podium audit compares a result stored by an
// earlier version only on the fields that version had.
const RulesVersion = 2

// Mark is what a voter put against one candidate (RULES §6.3).
type Mark uint8

const (
	// Abstain is no mark, or any mark other than ○ and × (弃权).
	Abstain Mark = iota
	// Approve is ○ (赞成).
	Approve
	// Disapprove is × (不赞成); each × allows one write-in.
	Disapprove
)

// WriteIn is one name written in the write-in space (另选他人). Category is
// the category of the space; it is ignored when the method has none.
type WriteIn struct {
	Name     string `json:"name"`
	Category string `json:"category,omitempty"`
}

// Ballot is one collected ballot. Marks is parallel to the round's slate; a
// missing mark (a short or nil Marks) is Abstain and marks beyond the slate
// are ignored. WriteIns are in the order they stand on the ballot. A
// non-empty Spoiled is the scrutineers' reason for declaring the ballot
// invalid (illegible, identifying marks). ID is the ballot's number, if any.
type Ballot struct {
	ID       string    `json:"id"`
	Marks    []Mark    `json:"marks"`
	WriteIns []WriteIn `json:"write_ins"`
	Spoiled  string    `json:"spoiled"`
}

// MarshalJSON writes a mark as its number: 0 abstain, 1 approve, 2
// disapprove (so that a ballot's marks read as a list of numbers, not as
// base64).
func (m Mark) MarshalJSON() ([]byte, error) {
	if m > Disapprove {
		return nil, fmt.Errorf("election: mark %d is not 0, 1 or 2", m)
	}
	return []byte{'0' + byte(m)}, nil
}

// UnmarshalJSON reads a mark's number: 0, 1 or 2.
func (m *Mark) UnmarshalJSON(b []byte) error {
	if len(b) != 1 || b[0] < '0' || b[0] > '2' {
		return fmt.Errorf("mark %s: use 0 (abstain), 1 (approve, ○) or 2 (disapprove, ×)", b)
	}
	*m = Mark(b[0] - '0')
	return nil
}

// Kind is the kind of a round.
type Kind uint8

const (
	// Regular is the election on the approved slate; the threshold applies
	// and write-ins are allowed when the method allows them.
	Regular Kind = iota
	// Runoff is a re-vote among candidates tied across the cut-off (重新投票):
	// they already passed, so the most approvals win; no write-ins.
	Runoff
	// Second is a second round (另行选举) for missing seats among the
	// candidates not elected: same threshold, no write-ins.
	Second
)

// MarshalText writes the kind's name: regular, runoff or second.
func (k Kind) MarshalText() ([]byte, error) {
	if k > Second {
		return nil, fmt.Errorf("election: unknown round kind %d", k)
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads a kind's name.
func (k *Kind) UnmarshalText(b []byte) error {
	for _, x := range []Kind{Regular, Runoff, Second} {
		if string(b) == x.String() {
			*k = x
			return nil
		}
	}
	return fmt.Errorf("unknown round kind %q (use regular, runoff or second)", b)
}

// String returns regular, runoff or second.
func (k Kind) String() string {
	switch k {
	case Regular:
		return "regular"
	case Runoff:
		return "runoff"
	case Second:
		return "second"
	}
	return "kind?"
}

// Round is everything one round is counted from (RULES §6.2).
type Round struct {
	Method model.Method
	// Slate is the candidates on this round's ballot, in ballot order.
	// With categories every candidate's Category names one of the method;
	// without, every Category is empty. Names are distinct.
	Slate []model.Candidate
	Kind  Kind
	// Seats is the open seats per category name ("" when the method has
	// no categories). Nil means the method's seats, which only a Regular
	// round may use. Categories absent from a non-nil map have no seat.
	Seats map[string]int
	// Expected (应到) and Present (实到) formal delegates, ballots Issued
	// (发出). Ballots are the ballots collected (收回), in any order.
	Expected, Present, Issued int
	Ballots                   []Ballot
}

// Status is a candidate's outcome in one round.
type Status string

// The outcomes of RULES §6.4.
const (
	Elected    Status = "elected"     // 当选
	InRunoff   Status = "runoff"      // tied across the cut-off: runoff
	NotElected Status = "not_elected" // 未当选 (or nothing decided)
	// Tied is tied across the cut-off when the method's tie is "vacant":
	// not elected, and the seat stays vacant (缺额).
	Tied Status = "tied"
)

// Result is the outcome of Count. Its JSON is the contract of `podium
// count`; the fields tagged "-" serve the tally sheet and the next round.
type Result struct {
	QuorumMet  bool `json:"quorum_met"`
	RoundValid bool `json:"round_valid"`
	Expected   int  `json:"expected"`
	Present    int  `json:"present"`
	Issued     int  `json:"issued"`
	Collected  int  `json:"collected"`
	// Valid counts the ballots valid in every part; Invalid is Collected −
	// Valid: the ballots invalid in some part, PartlyInvalid of them valid
	// in other parts (categories; RULES §6.3). All are 0 when nothing was
	// counted (quorum not met, round void): the ballots of a void round
	// are not judged. When CategoryOnly they are unknown (0, written null
	// in the JSON): a tally sheet judged per category tells the valid and
	// invalid of each category (Categories), never of whole ballots.
	Valid         int  `json:"valid"`
	Invalid       int  `json:"invalid"`
	PartlyInvalid int  `json:"partly_invalid"`
	CategoryOnly  bool `json:"category_only"`
	// Threshold is the minimum approvals that pass, nil when it differs
	// between categories or is unknown. A runoff's is 0: the most win.
	Threshold    *int             `json:"threshold"`
	Categories   []CategoryResult `json:"categories"`
	Candidates   []CandidateCount `json:"candidates"`
	Elected      []string         `json:"elected"`
	Runoffs      []Pending        `json:"runoffs"`
	SecondRounds []Pending        `json:"second_rounds"`
	// Vacancies are the seats a tie at the cut-off leaves vacant (缺额)
	// when the method's tie is "vacant": per category, the seats and the
	// tied candidates (nil when none).
	Vacancies []Pending `json:"vacancies"`
	// Reason says why nothing was decided; empty when decided.
	Reason string `json:"reason,omitempty"`

	// Kind is the round's kind.
	Kind Kind `json:"-"`
	// Method is the method the round was counted by.
	Method model.Method `json:"-"`
	// QuorumNeed is the present needed for the round.
	QuorumNeed int `json:"-"`
	// InvalidBallots lists each invalid ballot or ballot part, in the order
	// of the ballots given.
	InvalidBallots []InvalidBallot `json:"-"`
	// VoidWriteIns counts the void write-ins on ballots otherwise counted.
	VoidWriteIns int `json:"-"`
}

// CategoryResult is one category's part of a round. Name is "" when the
// method has no categories. Valid counts the ballots whose part for this
// category is valid; Invalid is Collected − Valid.
type CategoryResult struct {
	Name      string `json:"name"`
	Seats     int    `json:"seats"`
	Valid     int    `json:"valid"`
	Invalid   int    `json:"invalid"`
	Threshold *int   `json:"threshold"`
}

// CandidateCount is one candidate's or write-in name's tally. For a listed
// candidate Approve+Disapprove+Abstain is the valid ballots of its
// category; a write-in name has approvals only.
type CandidateCount struct {
	Name       string `json:"name"`
	Category   string `json:"category"`
	WriteIn    bool   `json:"write_in"`
	Approve    int    `json:"approve"`
	Disapprove int    `json:"disapprove"`
	Abstain    int    `json:"abstain"`
	Status     Status `json:"status"`
}

// Pending is a runoff or second round still to hold in one category: the
// open seats and the candidates on its ballot, in ballot order.
type Pending struct {
	Category   string   `json:"category"`
	Seats      int      `json:"seats"`
	Candidates []string `json:"candidates"`
	// Slate is Candidates as they stood on the ballot (with PersonID); a
	// write-in person carries the category only.
	Slate []model.Candidate `json:"-"`
}

// InvalidBallot is one invalid ballot, or one invalid category part of a
// ballot (Category set, over-selection per category). Index is the
// 0-based position in Round.Ballots. For an over-selection Selections and
// Seats are the selections and the open seats compared (of the part, or
// of the whole ballot); Partly is set when other parts of the ballot are
// valid and counted (RULES §6.3: 部分无效).
type InvalidBallot struct {
	Index      int
	ID         string
	Category   string
	Reason     string
	Selections int
	Seats      int
	Partly     bool
}

// Reasons a ballot or a ballot part is invalid (Verdict.Code,
// PartVerdict.Reason, InvalidBallot.Reason).
const (
	ReasonSpoiled       = "spoiled"
	ReasonOverSelection = "over-selection"
)

// ReasonBadInput is a Verdict's code when the round itself cannot be
// judged: its data is inconsistent (Reason says how, after "bad input: ").
const ReasonBadInput = "bad input"

// MarshalJSON writes the result as podium count's JSON (a contract, see
// the README): the fields tagged above, in their order, with valid,
// invalid and partly_invalid null when CategoryOnly (unknown, never
// inferred).
func (r Result) MarshalJSON() ([]byte, error) {
	out := countJSON{QuorumMet: r.QuorumMet, RoundValid: r.RoundValid, Expected: r.Expected, Present: r.Present,
		Issued: r.Issued, Collected: r.Collected, CategoryOnly: r.CategoryOnly, Threshold: r.Threshold,
		Categories: r.Categories, Candidates: r.Candidates, Elected: r.Elected, Runoffs: r.Runoffs,
		SecondRounds: r.SecondRounds, Vacancies: r.Vacancies, Reason: r.Reason}
	if !r.CategoryOnly {
		out.Valid, out.Invalid, out.PartlyInvalid = &r.Valid, &r.Invalid, &r.PartlyInvalid
	}
	if out.Vacancies == nil {
		out.Vacancies = []Pending{}
	}
	return json.Marshal(out)
}

// countJSON is Result as podium count writes it.
type countJSON struct {
	QuorumMet     bool             `json:"quorum_met"`
	RoundValid    bool             `json:"round_valid"`
	Expected      int              `json:"expected"`
	Present       int              `json:"present"`
	Issued        int              `json:"issued"`
	Collected     int              `json:"collected"`
	Valid         *int             `json:"valid"`
	Invalid       *int             `json:"invalid"`
	PartlyInvalid *int             `json:"partly_invalid"`
	CategoryOnly  bool             `json:"category_only"`
	Threshold     *int             `json:"threshold"`
	Categories    []CategoryResult `json:"categories"`
	Candidates    []CandidateCount `json:"candidates"`
	Elected       []string         `json:"elected"`
	Runoffs       []Pending        `json:"runoffs"`
	SecondRounds  []Pending        `json:"second_rounds"`
	Vacancies     []Pending        `json:"vacancies"`
	Reason        string           `json:"reason,omitempty"`
}

// NextRound returns the round that holds pending (runoffs of r when kind is
// Runoff, its second rounds when Second): same method and expected, the
// pending slates in order, their seats. The caller fills Present, Issued and
// Ballots. ok is false when there is nothing of that kind to hold.
func (r Result) NextRound(kind Kind) (next Round, ok bool) {
	var ps []Pending
	switch kind {
	case Runoff:
		ps = r.Runoffs
	case Second:
		ps = r.SecondRounds
	default:
		return Round{}, false
	}
	next = Round{Method: r.Method, Kind: kind, Seats: map[string]int{}, Expected: r.Expected}
	for _, p := range ps {
		if p.Seats <= 0 || len(p.Slate) == 0 {
			continue
		}
		next.Slate = append(next.Slate, p.Slate...)
		next.Seats[p.Category] += p.Seats
	}
	return next, len(next.Slate) > 0
}

// Tally is a paper tally sheet (计票单) entered by hand instead of the
// ballots: per candidate of the slate (parallel to it) approve /
// disapprove / abstain, the approvals of each write-in name, and the
// invalid ballots per category of the method in its order (one number
// without categories). CountTally decides a round from it.
type Tally struct {
	Counts   []TallyCount   `json:"counts"`
	WriteIns []WriteInCount `json:"write_ins,omitempty"`
	Invalid  []int          `json:"invalid"`
}

// TallyCount is one candidate's line of a paper tally.
type TallyCount struct {
	Approve    int `json:"approve"`
	Disapprove int `json:"disapprove"`
	Abstain    int `json:"abstain"`
}

// WriteInCount is one write-in name's approvals on a paper tally.
type WriteInCount struct {
	Name     string `json:"name"`
	Category string `json:"category,omitempty"`
	Approve  int    `json:"approve"`
}
