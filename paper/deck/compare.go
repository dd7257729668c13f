package deck

import (
	"fmt"

	"podium/session/election"
)

// Line is one figure of the test: what it is, expected and counted.
type Line struct {
	// What names the figure: a candidate (Name, Category, Field approve,
	// disapprove or abstain), a write-in name, or a ballot figure
	// (Field collected, valid, invalid; Category for a category's parts).
	Name, Category, Field string
	Expected, Counted     int
	OK                    bool
}

// Report is the comparison of a counted result with the deck's expected
// result: every line, and the verdict.
type Report struct {
	Lines []Line
	Pass  bool
	// Reason is why the round was not counted at all (the counter's
	// Reason), "" when it was.
	Reason string
}

// Failed returns the lines that differ.
func (r Report) Failed() []Line {
	var out []Line
	for _, l := range r.Lines {
		if !l.OK {
			out = append(out, l)
		}
	}
	return out
}

// Compare compares a counted result with the deck's expected result,
// figure by figure: the ballots collected, valid and invalid; each
// category's valid and invalid parts; each candidate's approve, disapprove
// and abstain, by name and category in ballot order; each write-in name's
// approvals (one counted that the deck did not expect fails too).
func (d Deck) Compare(res election.Result) Report {
	e := d.Expect
	r := Report{Reason: res.Reason}
	add := func(name, cat, field string, want, got int) {
		r.Lines = append(r.Lines, Line{Name: name, Category: cat, Field: field, Expected: want, Counted: got, OK: want == got})
	}
	add("", "", "collected", e.Collected, res.Collected)
	add("", "", "valid", e.Valid, res.Valid)
	add("", "", "invalid", e.Invalid, res.Invalid)
	for _, c := range e.Categories {
		got := election.CategoryResult{Valid: -1, Invalid: -1}
		for _, rc := range res.Categories {
			if rc.Name == c.Name {
				got = rc
			}
		}
		add("", c.Name, "valid", c.Valid, got.Valid)
		add("", c.Name, "invalid", c.Invalid, got.Invalid)
	}
	var listed, written []election.CandidateCount
	for _, c := range res.Candidates {
		if c.WriteIn {
			written = append(written, c)
		} else {
			listed = append(listed, c)
		}
	}
	for i, c := range e.Candidates {
		got := election.CandidateCount{Approve: -1, Disapprove: -1, Abstain: -1}
		if i < len(listed) && listed[i].Name == c.Name && listed[i].Category == c.Category {
			got = listed[i]
		}
		add(c.Name, c.Category, "approve", c.Approve, got.Approve)
		add(c.Name, c.Category, "disapprove", c.Disapprove, got.Disapprove)
		add(c.Name, c.Category, "abstain", c.Abstain, got.Abstain)
	}
	if len(listed) != len(e.Candidates) {
		add("", "", "candidates", len(e.Candidates), len(listed))
	}
	seen := map[string]bool{}
	for _, w := range e.WriteIns {
		got := 0
		for _, c := range written {
			if c.Name == w.Name && c.Category == w.Category {
				got = c.Approve
			}
		}
		seen[w.Name+"\x00"+w.Category] = true
		add(w.Name, w.Category, "write_in", w.Approve, got)
	}
	for _, c := range written {
		if !seen[c.Name+"\x00"+c.Category] {
			add(c.Name, c.Category, "write_in", 0, c.Approve)
		}
	}
	r.Pass = res.Reason == ""
	for _, l := range r.Lines {
		r.Pass = r.Pass && l.OK
	}
	return r
}

// String is a line for a log: "王芳 (主席团) approve: expected 5, counted 5 ok".
func (l Line) String() string {
	who := l.Name
	if l.Category != "" {
		who += " (" + l.Category + ")"
	}
	verdict := "ok"
	if !l.OK {
		verdict = "DIFFERS"
	}
	return fmt.Sprintf("%s %s: expected %d, counted %d %s", who, l.Field, l.Expected, l.Counted, verdict)
}
