package election

import (
	"encoding/json"
	"slices"

	"podium/session/election"
)

// The election screen's draft (common.Drafter): what it was doing and the
// ballot or tally sheet being keyed, kept outside the record by the frame
// so that a restart puts the teller back on the same ballot with the same
// marks. A draft applies only to the round it was keyed in, while that
// round is open; a ballot saved meanwhile is not keyed twice.

// draft is the election screen's draft, as JSON.
type draft struct {
	Mode   string       `json:"mode,omitempty"` // "ballot", "tally"; "": the steps
	Show   int          `json:"show"`
	Page   page         `json:"page,omitempty"`
	Ballot *ballotDraft `json:"ballot,omitempty"`
	Tally  *tallyDraft  `json:"tally,omitempty"`
}

// ballotDraft is the ballot in the editor.
type ballotDraft struct {
	Teller   string             `json:"teller"`
	Round    int                `json:"round"`
	Pos      int                `json:"pos"`
	New      bool               `json:"new"` // after the teller's stack, not a correction
	Marks    []election.Mark    `json:"marks"`
	WriteIns []election.WriteIn `json:"write_ins,omitempty"`
	Spoiled  string             `json:"spoiled,omitempty"`
	Row      int                `json:"row"`
}

// tallyDraft is the tally sheet being entered.
type tallyDraft struct {
	Round    int         `json:"round"`
	Counts   [][3]string `json:"counts"`
	WriteIns [][3]string `json:"write_ins,omitempty"` // name, category, approvals
	Invalid  []string    `json:"invalid"`
	Row      int         `json:"row"`
	Col      int         `json:"col"`
}

var modeNames = map[Mode]string{ModeBallot: "ballot", ModeTally: "tally"}

// Draft is the screen's work in progress, nil when there is none.
func (e *Screen) Draft() []byte {
	d := draft{Mode: modeNames[e.mode], Show: e.show, Page: e.page}
	if b := e.ballot; b.round != 0 {
		_, r := b.cur()
		d.Ballot = &ballotDraft{Teller: b.teller, Round: b.round, Pos: b.pos, Marks: b.marks,
			WriteIns: b.writeIns, Spoiled: b.spoiled, Row: b.row}
		if r != nil {
			d.Ballot.New = b.pos >= len(b.mine(r))
		}
	}
	if t := e.tally; t.round != 0 {
		d.Tally = &tallyDraft{Round: t.round, Counts: t.counts, Invalid: t.invalid, Row: t.row, Col: t.col}
		for _, w := range t.writeIns {
			d.Tally.WriteIns = append(d.Tally.WriteIns, [3]string{w.name, w.category, w.approve})
		}
	}
	if d == (draft{Show: -1}) {
		return nil
	}
	out, _ := json.Marshal(d)
	return out
}

// Restore puts a draft back: the ballot or the tally sheet being keyed if
// its round is still the open one, and the mode the screen was in.
func (e *Screen) Restore(b []byte) {
	var d draft
	if json.Unmarshal(b, &d) != nil {
		return
	}
	e.show, e.page = d.Show, d.Page
	v := e.vote()
	if v == nil {
		return
	}
	r := v.Current()
	open := func(round int) bool { return r != nil && r.Decided == nil && r.No == round }
	if bd := d.Ballot; bd != nil && open(bd.Round) && len(bd.Marks) == len(r.Slate) && bd.Teller != "" {
		be := e.ballot
		be.teller, be.round = bd.Teller, bd.Round
		mine := len(be.mine(r))
		switch {
		case bd.New && bd.Pos != mine:
			be.load(mine) // the ballot was saved meanwhile (or taken back): a blank one
		case bd.Pos > mine:
			be.load(mine)
		default:
			be.load(bd.Pos)
			be.marks = slices.Clone(bd.Marks)
			be.writeIns = slices.Clone(bd.WriteIns)
			be.spoiled = bd.Spoiled
			be.row = max(0, min(bd.Row, len(be.marks)-1))
		}
		if d.Mode == "ballot" {
			e.mode = ModeBallot
		}
	}
	if td := d.Tally; td != nil && open(td.Round) && len(td.Counts) == len(r.Slate) && len(td.Invalid) == len(invalidNames(v)) && len(r.Tellers) == 0 {
		t := e.tally
		t.begin()
		t.counts, t.invalid = td.Counts, td.Invalid
		t.writeIns = nil
		for _, w := range td.WriteIns {
			t.writeIns = append(t.writeIns, tallyWriteIn{name: w[0], category: w[1], approve: w[2]})
		}
		t.row, t.col = max(0, min(td.Row, t.nrows()-1)), max(0, min(td.Col, 2))
		if d.Mode == "tally" {
			e.mode = ModeTally
		}
	}
}
