package session

import (
	"fmt"
	"time"

	"podium/session/election"
)

// How a round is counted (RULES §6.2, §7): from the ballots the tellers
// key (one teller: single entry; two or more: double entry, decided only
// when their stacks are whole and agree) or from a paper tally sheet. The
// host may switch a round from one to the other, with a reason; what was
// entered the other way is kept as set aside, never deleted.

// Entry is how a round's ballots are entered.
type Entry string

// The two ways to count a round.
const (
	EntryBallots Entry = "ballots" // the tellers key the ballots
	EntryTally   Entry = "tally"   // a paper tally sheet (计票单)
)

// CountMethod is how a decided round was counted, as its tally sheet and
// result report say it (RULES §7).
type CountMethod string

// The counting methods of a round.
const (
	CountedByTally  CountMethod = "tally"  // 计票单录入
	CountedBySingle CountMethod = "single" // 单人录入: one teller keyed the ballots
	CountedByDouble CountMethod = "double" // 双人核对: two or more tellers' whole stacks agreed
)

// SetAside is what was entered for a round before the host switched how
// it is counted: one teller's keyed ballots, or a tally sheet. It stays in
// the record; it is never counted.
type SetAside struct {
	Seq     uint64 // the switch that set it aside
	At      time.Time
	Reason  string
	Teller  string            // keyed ballots: whose stack
	Ballots []election.Ballot // keyed ballots, in stack order
	Tally   *election.Tally   // a tally sheet
}

// SwitchEntry switches the open round, after its ballots were collected,
// to keyed ballots or to a tally sheet (To), with the host's reason.
// What was entered the other way is set aside (Round.SetAside).
type SwitchEntry struct {
	Meta
	To     Entry  `json:"to"`
	Reason string `json:"reason"`
}

// EntrySwitched switches round Round to entry To, setting aside what was
// entered the other way.
type EntrySwitched struct {
	Round  int    `json:"round"`
	To     Entry  `json:"to"`
	Reason string `json:"reason"`
}

func (EntrySwitched) kind() EventKind { return kindEntrySwitched }

// Mode returns how the round is being counted: as the host switched it,
// else as the first entry made it (a keyed ballot, a tally sheet), else
// "" (either way is open).
func (r *Round) Mode() Entry {
	switch {
	case r.Entry != "":
		return r.Entry
	case r.Tally != nil:
		return EntryTally
	case len(r.Tellers) > 0:
		return EntryBallots
	}
	return ""
}

// CountedBy returns how the round's ballots were counted: a tally sheet,
// one teller's keyed ballots, or two or more tellers' whole stacks that
// agree; "" when nothing was entered (or the stacks do not agree).
func (r *Round) CountedBy() CountMethod {
	switch {
	case r.Tally != nil:
		return CountedByTally
	case len(r.Tellers) == 1:
		return CountedBySingle
	case len(r.Tellers) > 1 && agreed(r) == nil:
		return CountedByDouble
	}
	return ""
}

// decideSwitch validates switching the round's entry.
func decideSwitch(cur *Round, c SwitchEntry) ([]Body, error) {
	if c.To != EntryBallots && c.To != EntryTally {
		return nil, &FieldError{Field: "to", Reason: fmt.Sprintf("%q is not ballots or tally", c.To), Code: CodeBadEntry}
	}
	if m := cur.Mode(); m == "" || m == c.To {
		return nil, &StatusError{What: "round", No: cur.No, Reason: CodeSameEntry}
	}
	if err := required("reason", c.Reason); err != nil {
		return nil, err
	}
	return []Body{EntrySwitched{Round: cur.No, To: c.To, Reason: c.Reason}}, nil
}

// switchEntry sets aside what the round holds and counts it the new way.
func (r *Round) switchEntry(e Event, b EntrySwitched) {
	for _, t := range r.Tellers {
		r.SetAside = append(r.SetAside, SetAside{Seq: e.Seq, At: e.At, Reason: b.Reason, Teller: t, Ballots: r.Entries[t]})
	}
	if r.Tally != nil {
		r.SetAside = append(r.SetAside, SetAside{Seq: e.Seq, At: e.At, Reason: b.Reason, Tally: r.Tally})
	}
	r.Entries, r.Tellers, r.Tally, r.Entry = map[string][]election.Ballot{}, nil, nil, b.To
}
