package election

import (
	"strings"

	"podium/model"
)

// Reasons a write-in is void (RULES §6.3). A void write-in does not void
// the ballot. The first reason that applies is given, in this order. The
// same words serve TallyError for a write-in line of a paper tally.
const (
	VoidNotAllowed      = "write-ins not allowed by the method"
	VoidRoundKind       = "no write-ins in a runoff or second round"
	VoidUnknownCategory = "unknown category"
	VoidListed          = "names a listed candidate"
	VoidRepeated        = "repeats a name already written on the ballot"
	VoidNoDisapproval   = "no unused × in its category"
)

// Verdict is the validity of one ballot (RULES §6.3), as Judge tells it
// and as Count counts it.
type Verdict struct {
	// Valid is true when the ballot is valid in every part.
	Valid bool
	// Partly is true when some parts are invalid (over-selected) and
	// others valid and counted: the ballot is partly invalid (部分无效).
	Partly bool
	// Reason is empty when Valid; else "spoiled: " and the scrutineers'
	// reason, or ReasonOverSelection (of the whole ballot when PerBallot,
	// else of the parts whose Valid is false).
	Reason string
	// Code is the reason for the screens: "" when Valid, else
	// ReasonSpoiled (the words are the ballot's Spoiled),
	// ReasonOverSelection or ReasonBadInput.
	Code string
	// PerBallot is true when over-selection is judged on the whole ballot
	// (no categories, or the method's over_selection is "ballot"):
	// Selections are then compared with Seats and every part shares the
	// outcome.
	PerBallot bool
	// Selections is ○ marks + valid write-ins over the whole ballot;
	// Seats is the round's open seats over all categories.
	Selections, Seats int
	// Parts is one part per category of the method, in its order (one
	// part named "" without categories).
	Parts []PartVerdict
	// VoidWriteIns are the void write-ins, in ballot order. Blank names
	// are neither valid nor void: they are ignored.
	VoidWriteIns []VoidWriteIn

	accepted []writeKey // the valid write-ins, for Count
}

// PartVerdict is one category's part of a ballot.
type PartVerdict struct {
	Category string
	// Seats is the category's open seats in this round.
	Seats int
	// Approvals and Disapprovals are the ○ and × marks on the category's
	// candidates; WriteIns the valid write-ins in the category.
	Approvals, Disapprovals, WriteIns int
	// Selections is Approvals + WriteIns.
	Selections int
	// Valid is false when the ballot is spoiled, or over-selected (this
	// part's Selections > Seats, or the whole ballot's when PerBallot).
	Valid bool
	// Reason is "", ReasonSpoiled or ReasonOverSelection.
	Reason string
}

// VoidWriteIn is one void write-in: Index is its 0-based position in
// Ballot.WriteIns, Name its trimmed name, Reason one of the Void… words.
type VoidWriteIn struct {
	Index  int
	Name   string
	Reason string
}

// Judger judges ballots of one round. It is built once per round (the
// slate and category indexes) so that judging a ballot as the teller keys
// it is cheap. A Judger is safe for concurrent use.
type Judger struct {
	c *counter
}

// NewJudge returns the judge of r's ballots; r.Ballots is not read. The
// error is the one Count reports as "bad input" for the same round.
func NewJudge(r Round) (*Judger, error) {
	c, err := newCounter(r)
	if err != nil {
		return nil, err
	}
	return &Judger{c: c}, nil
}

// Judge tells the validity of b in the judge's round exactly as Count
// would judge it among the round's ballots (RULES §6.3).
func (j *Judger) Judge(b Ballot) Verdict {
	v := Verdict{Parts: make([]PartVerdict, 0, len(j.c.cats))}
	j.c.judge(b, &v)
	v.accepted = nil
	return v
}

// Judge tells the validity of one ballot b of round r, as the teller keys
// it and before it is saved (RULES §6.3), by the same rules Count uses.
// It builds a Judger each call: to judge many ballots of one round, use
// NewJudge. A round Count would refuse as bad input gives a Verdict that
// is not Valid, with the Reason "bad input: …" and no parts.
func Judge(r Round, b Ballot) Verdict {
	j, err := NewJudge(r)
	if err != nil {
		return Verdict{Reason: ReasonBadInput + ": " + err.Error(), Code: ReasonBadInput}
	}
	return j.Judge(b)
}

// judge judges b into v, reusing v's slices: the one code path of Count
// and Judge.
func (c *counter) judge(b Ballot, v *Verdict) {
	*v = Verdict{
		Valid: true, PerBallot: c.ballotW, Seats: c.open,
		Parts: v.Parts[:0], VoidWriteIns: v.VoidWriteIns[:0], accepted: v.accepted[:0],
	}
	for k := range c.cats {
		v.Parts = append(v.Parts, PartVerdict{Category: c.cats[k].name, Seats: c.cats[k].open, Valid: true})
	}
	marks := b.Marks
	if len(marks) > len(c.r.Slate) {
		marks = marks[:len(c.r.Slate)]
	}
	for i, mk := range marks {
		switch mk {
		case Approve:
			v.Parts[c.candCat[i]].Approvals++
		case Disapprove:
			v.Parts[c.candCat[i]].Disapprovals++
		}
	}
	for wi, w := range b.WriteIns {
		name := strings.TrimSpace(w.Name)
		if name == "" {
			continue
		}
		k, known := 0, true
		if len(c.m.Categories) > 0 {
			k, known = c.catIdx[strings.TrimSpace(w.Category)]
		}
		_, listed := c.names[name]
		reason := ""
		switch {
		case c.m.WriteIns != model.WriteInsWithDisapproval:
			reason = VoidNotAllowed
		case c.r.Kind != Regular:
			reason = VoidRoundKind
		case !known:
			reason = VoidUnknownCategory
		case listed:
			reason = VoidListed
		case writtenBefore(b.WriteIns[:wi], name):
			reason = VoidRepeated
		case v.Parts[k].WriteIns >= v.Parts[k].Disapprovals:
			reason = VoidNoDisapproval
		}
		if reason != "" {
			v.VoidWriteIns = append(v.VoidWriteIns, VoidWriteIn{Index: wi, Name: name, Reason: reason})
			continue
		}
		v.Parts[k].WriteIns++
		v.accepted = append(v.accepted, writeKey{k, name})
	}
	// Selections = ○ + valid write-ins (RULES §6.3).
	for k := range v.Parts {
		p := &v.Parts[k]
		p.Selections = p.Approvals + p.WriteIns
		v.Selections += p.Selections
		if !c.ballotW && p.Selections > p.Seats {
			p.Valid, p.Reason = false, ReasonOverSelection
		}
	}
	if c.ballotW && v.Selections > v.Seats {
		for k := range v.Parts {
			v.Parts[k].Valid, v.Parts[k].Reason = false, ReasonOverSelection
		}
	}
	valid := 0 // parts valid among the categories of this round
	for k := range v.Parts {
		if !v.Parts[k].Valid {
			v.Valid, v.Reason, v.Code = false, ReasonOverSelection, ReasonOverSelection
		} else if c.cats[k].shown {
			valid++
		}
	}
	v.Partly = !v.Valid && valid > 0
	if b.Spoiled != "" {
		v.Partly = false
		v.Valid, v.Reason, v.Code = false, ReasonSpoiled+": "+b.Spoiled, ReasonSpoiled
		for k := range v.Parts {
			v.Parts[k].Valid, v.Parts[k].Reason = false, ReasonSpoiled
		}
	}
}

// writtenBefore reports whether name (trimmed) stands among ws.
func writtenBefore(ws []WriteIn, name string) bool {
	for _, w := range ws {
		if strings.TrimSpace(w.Name) == name {
			return true
		}
	}
	return false
}
