// Package deck builds the rehearsal's test deck (演练测试票) for an
// election round and its expected result, and compares a counted result
// with it (a logic-and-accuracy test, as VotingWorks requires before
// counting).
//
// The deck, per category: ballots on which every candidate receives a
// distinct number of approvals (the first in ballot order the most), so a
// swapped column or candidate is always caught; one over-selected ballot
// (where the category has more candidates than seats; one for the whole
// ballot when the method judges over-selection per ballot); and for the whole
// round two blank ballots, a write-in with its × and one without (void),
// and one spoiled ballot. The expected result is computed from the deck's
// construction — which ballots are valid in which category, and the marks
// the deck put on them — never by the counter (package election counts
// the deck; this package only builds it and compares).
//
// The package is pure: the method and slate in, ballots and figures out.
package deck

import (
	"fmt"

	"podium/model"
	"podium/session/election"
)

// The write-in names of the deck: no candidate bears them.
const (
	WriteInCounted = "演练另选甲" // written beside a ×: counted where the method allows write-ins
	WriteInVoid    = "演练另选乙" // written with no ×: always void
)

// Spoiled is the reason on the deck's spoiled ballot (the scrutineers'
// judgement: identifying marks).
const Spoiled = "演练：写有投票人姓名"

// Kind says what a ballot of the deck tests.
type Kind string

// The kinds of test ballot.
const (
	Staircase    Kind = "staircase"     // distinct approvals per candidate
	OverSelected Kind = "over_selected" // one category's part has more ○ than seats
	Blank        Kind = "blank"
	WriteInWithX Kind = "write_in_with_x"
	WriteInNoX   Kind = "write_in_without_x"
	SpoiledBal   Kind = "spoiled"
)

// Test is one ballot of the deck and what it tests (Category: the
// over-selected category).
type Test struct {
	Ballot   election.Ballot
	Kind     Kind
	Category string
}

// Deck is the test deck of one round and its expected result.
type Deck struct {
	Method model.Method
	Slate  []model.Candidate
	Tests  []Test
	Expect Expected
}

// Expected is the result the deck must give, from its construction.
type Expected struct {
	Collected, Valid, Invalid int
	// Categories are the valid and invalid ballot parts per category, in
	// the method's order ("" without categories).
	Categories []CategoryCount
	// Candidates parallel the slate.
	Candidates []Count
	// WriteIns are the counted write-in names and their approvals.
	WriteIns []Count
}

// CategoryCount is one category's valid and invalid parts.
type CategoryCount struct {
	Name           string
	Valid, Invalid int
}

// Count is one candidate's or write-in name's expected figures.
type Count struct {
	Name, Category               string
	Approve, Disapprove, Abstain int
}

// Ballots returns the deck's ballots in order.
func (d Deck) Ballots() []election.Ballot {
	out := make([]election.Ballot, len(d.Tests))
	for i, t := range d.Tests {
		out[i] = t.Ballot
	}
	return out
}

// categories are the method's category names in order, or [""].
func categories(m model.Method) []string {
	if len(m.Categories) == 0 {
		return []string{""}
	}
	var out []string
	for _, c := range m.Categories {
		out = append(out, c.Name)
	}
	return out
}

// Build builds the deck of a regular round of slate under method m (seats
// per category: the method's). Its size is the staircase's longest (the
// most candidates in a category) plus the special ballots; it is refused
// (an error) when a category has no candidate.
func Build(m model.Method, slate []model.Candidate) (Deck, error) {
	seats := map[string]int{"": m.Seats}
	for _, c := range m.Categories {
		seats[c.Name] = c.Seats
	}
	cats := categories(m)
	byCat := map[string][]int{}
	for i, c := range slate {
		byCat[c.Category] = append(byCat[c.Category], i)
	}
	for _, cat := range cats {
		if len(byCat[cat]) == 0 {
			return Deck{}, fmt.Errorf("category %q has no candidate: a deck cannot test it", cat)
		}
	}
	d := Deck{Method: m, Slate: slate}
	blank := func() election.Ballot { return election.Ballot{Marks: make([]election.Mark, len(slate))} }

	// The staircase: candidate j of a category (0-based, ballot order)
	// gets n−j approvals; each ballot approves at most the seats, taking
	// the candidates with the most approvals still due. The others on the
	// ballot get × on every third, the rest blank, so that disapprovals
	// and abstentions are tested too.
	var stairs []election.Ballot
	for _, cat := range cats {
		idx := byCat[cat]
		due := make([]int, len(idx))
		for j := range due {
			due[j] = len(idx) - j
		}
		for k := 0; ; k++ {
			left := false
			for _, n := range due {
				left = left || n > 0
			}
			if !left {
				break
			}
			for len(stairs) <= k {
				stairs = append(stairs, blank())
			}
			b := &stairs[k]
			// the seats' worth of the largest dues (ties: ballot order)
			for taken := 0; taken < seats[cat]; taken++ {
				best := -1
				for j, n := range due {
					if n > 0 && b.Marks[idx[j]] != election.Approve && (best < 0 || n > due[best]) {
						best = j
					}
				}
				if best < 0 {
					break
				}
				b.Marks[idx[best]] = election.Approve
				due[best]--
			}
		}
	}
	for k := range stairs {
		for i := range stairs[k].Marks {
			if stairs[k].Marks[i] == election.Abstain && (k+i)%3 == 0 {
				stairs[k].Marks[i] = election.Disapprove
			}
		}
		d.add(stairs[k], Staircase, "")
	}
	// Over-selection as the method judges it: per category, one ballot
	// per category that has more candidates than seats, with seats+1 ○
	// there and the other categories blank; per ballot (no categories, or
	// over_selection = "ballot": the selections of the whole ballot
	// against all its seats), one ballot with seats+1 ○ in slate order.
	if perBallot(m) {
		if len(slate) > m.Seats {
			b := blank()
			for i := range m.Seats + 1 {
				b.Marks[i] = election.Approve
			}
			d.add(b, OverSelected, "")
		}
	} else {
		for _, cat := range cats {
			idx := byCat[cat]
			if len(idx) <= seats[cat] {
				continue
			}
			b := blank()
			for _, i := range idx[:seats[cat]+1] {
				b.Marks[i] = election.Approve
			}
			d.add(b, OverSelected, cat)
		}
	}
	d.add(blank(), Blank, "")
	d.add(blank(), Blank, "")
	// A write-in beside a ×, and one with no ×, in the first category.
	first := cats[0]
	b := blank()
	b.Marks[byCat[first][0]] = election.Disapprove
	b.WriteIns = []election.WriteIn{{Name: WriteInCounted, Category: first}}
	d.add(b, WriteInWithX, first)
	b = blank()
	b.Marks[byCat[first][0]] = election.Approve
	b.WriteIns = []election.WriteIn{{Name: WriteInVoid, Category: first}}
	d.add(b, WriteInNoX, first)
	b = blank()
	b.Marks[byCat[first][0]] = election.Approve
	b.Spoiled = Spoiled
	d.add(b, SpoiledBal, "")
	d.Expect = d.expected()
	return d, nil
}

// perBallot reports whether the method judges over-selection on the
// whole ballot: without categories, or with over_selection = "ballot".
func perBallot(m model.Method) bool {
	return len(m.Categories) == 0 || m.OverSelection == model.OverSelectionBallot
}

// add appends a ballot numbered T001, T002 …
func (d *Deck) add(b election.Ballot, k Kind, cat string) {
	b.ID = fmt.Sprintf("T%03d", len(d.Tests)+1)
	if len(d.Method.Categories) == 0 {
		for i := range b.WriteIns {
			b.WriteIns[i].Category = ""
		}
	}
	d.Tests = append(d.Tests, Test{Ballot: b, Kind: k, Category: cat})
}

// expected computes the result from the construction: which parts of
// which ballot the deck made invalid (the over-selected category's part —
// or with over-selection per ballot the whole ballot — and the spoiled
// ballot), the marks the deck put on the valid parts, and the write-in it
// put beside a × (counted only where the method allows write-ins).
func (d Deck) expected() Expected {
	cats := categories(d.Method)
	e := Expected{Collected: len(d.Tests)}
	for _, cat := range cats {
		e.Categories = append(e.Categories, CategoryCount{Name: cat})
	}
	for _, c := range d.Slate {
		e.Candidates = append(e.Candidates, Count{Name: c.Name, Category: c.Category})
	}
	writeIns := d.Method.WriteIns == model.WriteInsWithDisapproval
	counted := 0
	for _, t := range d.Tests {
		wholeInvalid := t.Kind == SpoiledBal || (t.Kind == OverSelected && perBallot(d.Method))
		if wholeInvalid {
			e.Invalid++
		} else {
			e.Valid++
		}
		if t.Kind == OverSelected && !wholeInvalid {
			// the ballot is valid in its other parts, not in its own
			e.Valid--
			e.Invalid++
		}
		for ci, cat := range cats {
			partInvalid := wholeInvalid || (t.Kind == OverSelected && t.Category == cat)
			if partInvalid {
				e.Categories[ci].Invalid++
				continue
			}
			e.Categories[ci].Valid++
			for i, c := range d.Slate {
				if c.Category != cat {
					continue
				}
				switch t.Ballot.Marks[i] {
				case election.Approve:
					e.Candidates[i].Approve++
				case election.Disapprove:
					e.Candidates[i].Disapprove++
				default:
					e.Candidates[i].Abstain++
				}
			}
			if t.Kind == WriteInWithX && writeIns && t.Category == cat {
				counted++
			}
		}
	}
	if counted > 0 {
		e.WriteIns = []Count{{Name: WriteInCounted, Category: cats[0], Approve: counted}}
	}
	return e
}
