package election

import (
	"fmt"
	"strings"

	"podium/model"
)

// Reasons a paper tally is refused (TallyError.Reason). Write-in lines are
// also refused with VoidNotAllowed, VoidRoundKind, VoidUnknownCategory,
// VoidListed and VoidRepeated (the same name twice in one category). The
// comment says what Got and Want are.
const (
	// TallyHasBallots: the round also has keyed ballots. Got their number.
	TallyHasBallots = "a round counted from a tally has no ballots"
	// TallyLines: Got lines, Want one per slate candidate.
	TallyLines = "one line per candidate of the slate"
	// TallyInvalidLines: Got numbers, Want one per category of the method
	// (one without categories).
	TallyInvalidLines = "one invalid number per category"
	// TallyNegative: Got the number, Want 0 (at least).
	TallyNegative = "negative number"
	// TallyInvalidOver: Got invalid, Want collected (at most).
	TallyInvalidOver = "more invalid ballots than collected"
	// TallyInvalidUnequal: over-selection voids the whole ballot, so every
	// category has the same invalid ballots. Got this category's, Want the
	// first's.
	TallyInvalidUnequal = "invalid ballots differ between categories, but a ballot is valid or invalid as a whole"
	// TallySum: Got approve+disapprove+abstain, Want collected − invalid of
	// the candidate's category.
	TallySum = "approve + disapprove + abstain is not the valid ballots of the category"
	// TallyWriteInName: a write-in line without a name.
	TallyWriteInName = "write-in without a name"
	// TallyWriteInApprovals: Got approvals, Want the valid ballots of the
	// category (at most).
	TallyWriteInApprovals = "more approvals than valid ballots"
	// TallyWriteInDisapprovals: Got the category's write-in approvals,
	// Want its × marks (at most): each valid write-in uses a ×.
	TallyWriteInDisapprovals = "more write-in approvals than × marks in the category"
	// TallyOverSelection: Got the selections (approvals of candidates and
	// write-ins) of the category, or of the ballot when over-selection is
	// judged per ballot; Want valid × open seats (at most).
	TallyOverSelection = "more selections than valid ballots × seats"
)

// TallyError is why a paper tally cannot be counted. Candidate is the
// candidate or write-in name concerned, Category its category ("" without
// categories, or when the error is about the whole sheet). Got and Want are
// described with each Reason.
type TallyError struct {
	Candidate string
	Category  string
	Got, Want int
	Reason    string
}

// Error returns e.g. `tally: candidate "C01": approve + disapprove +
// abstain is not the valid ballots of the category (got 97, want 98)`.
func (e *TallyError) Error() string {
	var b strings.Builder
	b.WriteString("tally: ")
	if e.Candidate != "" {
		fmt.Fprintf(&b, "candidate %q: ", e.Candidate)
	} else if e.Category != "" {
		fmt.Fprintf(&b, "category %q: ", e.Category)
	}
	fmt.Fprintf(&b, "%s (got %d, want %d)", e.Reason, e.Got, e.Want)
	return b.String()
}

// CountTally decides round r from a paper tally sheet t (计票单) instead of
// ballots, with collected the ballots collected (收回); r.Ballots must be
// empty. Quorum, void round, thresholds and the decision are Count's own
// (RULES §6.2, §6.4), fed with the entered numbers.
//
// A round Count would refuse as bad input, or that is not valid (quorum
// not met, void), comes back like Count's with RoundValid false and a nil
// error; otherwise t is checked first and a *TallyError refuses it (the
// Result is then zero). A void round's tally is checked too, but not used.
//
// The Result is filled like Count's, except what a tally cannot tell:
// InvalidBallots is nil and VoidWriteIns 0, and a sheet never gives a
// per-ballot figure it does not hold (RULES §6.3). Without categories, or
// when over-selection voids the whole ballot, a ballot is valid or invalid
// as a whole and Valid and Invalid are exact; so they are when the round's
// ballot shows one category only. When the ballot shows several categories
// each judged on its own, the sheet holds a figure per category and none
// per ballot, and none is inferred from it (RULES §6.3: not even where
// arithmetic would allow it): the result is CategoryOnly, Valid, Invalid
// and PartlyInvalid are 0 (written null) and the categories carry the
// figures. A write-in line with no approvals is dropped (Count lists only
// names that got one).
func CountTally(r Round, collected int, t Tally) (Result, error) {
	if len(r.Ballots) > 0 {
		return Result{}, &TallyError{Reason: TallyHasBallots, Got: len(r.Ballots)}
	}
	if collected < 0 {
		return Result{}, &TallyError{Reason: TallyNegative, Got: collected}
	}
	res, c := begin(r, collected)
	if c == nil {
		return res, nil
	}
	s, err := c.readTally(collected, t)
	if err != nil {
		return Result{}, err
	}
	if !res.RoundValid {
		return res, nil
	}
	shown, invalid := 0, 0
	for k := range c.cats {
		c.cats[k].valid = collected - t.Invalid[k]
		if c.cats[k].shown {
			shown++
			invalid = t.Invalid[k]
		}
	}
	switch {
	case c.ballotW: // every category has the same invalid ballots
		res.Invalid = t.Invalid[0]
	case shown > 1: // RULES §6.3: never inferred from a sheet
		res.CategoryOnly = true
	default: // one part on the ballot: its figures are the ballot's
		res.Invalid = invalid
	}
	if !res.CategoryOnly {
		res.Valid = collected - res.Invalid
	}
	c.finish(&res, s.approve, s.disapprove, s.writeIns)
	return res, nil
}

// sheet is a checked paper tally in the counter's terms.
type sheet struct {
	approve, disapprove []int
	writeIns            map[writeKey]int
}

// readTally checks t against the round and collected (see TallyError).
func (c *counter) readTally(collected int, t Tally) (sheet, error) {
	slate := c.r.Slate
	fail := func(cand string, k, got, want int, reason string) (sheet, error) {
		cat := ""
		if k >= 0 {
			cat = c.cats[k].name
		}
		return sheet{}, &TallyError{Candidate: cand, Category: cat, Got: got, Want: want, Reason: reason}
	}
	if len(t.Counts) != len(slate) {
		return fail("", -1, len(t.Counts), len(slate), TallyLines)
	}
	if len(t.Invalid) != len(c.cats) {
		return fail("", -1, len(t.Invalid), len(c.cats), TallyInvalidLines)
	}
	valid := make([]int, len(c.cats))
	for k, n := range t.Invalid {
		switch {
		case n < 0:
			return fail("", k, n, 0, TallyNegative)
		case n > collected:
			return fail("", k, n, collected, TallyInvalidOver)
		case c.ballotW && n != t.Invalid[0]:
			return fail("", k, n, t.Invalid[0], TallyInvalidUnequal)
		}
		valid[k] = collected - n
	}
	s := sheet{approve: make([]int, len(slate)), disapprove: make([]int, len(slate)), writeIns: map[writeKey]int{}}
	sel := make([]int, len(c.cats)) // selections per category
	dis := make([]int, len(c.cats)) // × marks per category
	wr := make([]int, len(c.cats))  // write-in approvals per category
	for i, n := range t.Counts {
		name, k := slate[i].Name, c.candCat[i]
		for _, x := range []int{n.Approve, n.Disapprove, n.Abstain} {
			if x < 0 {
				return fail(name, k, x, 0, TallyNegative)
			}
		}
		if sum := n.Approve + n.Disapprove + n.Abstain; sum != valid[k] {
			return fail(name, k, sum, valid[k], TallySum)
		}
		s.approve[i], s.disapprove[i] = n.Approve, n.Disapprove
		sel[k] += n.Approve
		dis[k] += n.Disapprove
	}
	for _, w := range t.WriteIns {
		name, cat := strings.TrimSpace(w.Name), strings.TrimSpace(w.Category)
		k, known := 0, cat == ""
		if len(c.m.Categories) > 0 {
			k, known = c.catIdx[cat]
		}
		_, listed := c.names[name]
		key := writeKey{k, name}
		_, repeated := s.writeIns[key]
		switch {
		case c.m.WriteIns != model.WriteInsWithDisapproval:
			return fail(name, -1, 0, 0, VoidNotAllowed)
		case c.r.Kind != Regular:
			return fail(name, -1, 0, 0, VoidRoundKind)
		case name == "":
			return fail("", -1, 0, 0, TallyWriteInName)
		case !known:
			return sheet{}, &TallyError{Candidate: name, Category: cat, Reason: VoidUnknownCategory}
		case listed:
			return fail(name, k, 0, 0, VoidListed)
		case repeated:
			return fail(name, k, 0, 0, VoidRepeated)
		case w.Approve < 0:
			return fail(name, k, w.Approve, 0, TallyNegative)
		case w.Approve > valid[k]:
			return fail(name, k, w.Approve, valid[k], TallyWriteInApprovals)
		}
		s.writeIns[key] = w.Approve
		sel[k] += w.Approve
		wr[k] += w.Approve
	}
	for key, n := range s.writeIns {
		if n == 0 {
			delete(s.writeIns, key)
		}
	}
	total := 0
	for k := range c.cats {
		if wr[k] > dis[k] {
			return fail("", k, wr[k], dis[k], TallyWriteInDisapprovals)
		}
		if !c.ballotW && sel[k] > valid[k]*c.cats[k].open {
			return fail("", k, sel[k], valid[k]*c.cats[k].open, TallyOverSelection)
		}
		total += sel[k]
	}
	if c.ballotW && total > valid[0]*c.open {
		return fail("", -1, total, valid[0]*c.open, TallyOverSelection)
	}
	return s, nil
}
