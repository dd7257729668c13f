package prep

import (
	"fmt"
	"strings"

	"podium/model"
	"podium/session/rule"
)

// UnitCandidates is the delegate candidates (代表候选人) nominated in one
// unit against its seats.
type UnitCandidates struct {
	Unit       string `json:"unit"`
	Seats      int    `json:"seats"`
	Candidates int    `json:"candidates"`
}

// Surplus is candidates against seats: Surplus is (candidates-seats)/seats
// with one decimal, for display. Required tells whether the 20% rule binds
// (delegate candidates) or the line is shown only (the committee).
type Surplus struct {
	Unit       string `json:"unit"`
	Seats      int    `json:"seats"`
	Candidates int    `json:"candidates"`
	Surplus    string `json:"surplus"`
	Required   bool   `json:"required"`
	Status     Status `json:"status"`
}

// minSurplus is the delegate candidates' rule: at least 20% more candidates
// than seats (多于应选人数的20%), i.e. candidates*100 >= seats*120.
var minSurplus = model.Fraction{Num: 120, Den: 100}

// DelegateSurplus checks each unit's delegate candidates against its seats
// (RULES §8): OK when candidates*100 >= seats*120, Warning otherwise.
func DelegateSurplus(units []UnitCandidates) []Surplus {
	out := make([]Surplus, len(units))
	for i, u := range units {
		s := Surplus{Unit: u.Unit, Seats: u.Seats, Candidates: u.Candidates, Surplus: surplus(u.Candidates, u.Seats), Required: true, Status: Warning}
		if rule.Meets(minSurplus, u.Candidates, u.Seats) {
			s.Status = OK
		}
		out[i] = s
	}
	return out
}

// CommitteeSurplus shows the committee election's candidates against its
// seats: 15 for 13 is 15.4%. The 20% rule binds the delegate candidates,
// not this election (RULES §8), so it is shown, not blocked: the status is
// OK whenever there are more candidates than seats (差额), Warning when not.
func CommitteeSurplus(e model.Election) Surplus {
	seats, cands := e.Method.Seats, len(e.Candidates)
	s := Surplus{Unit: "委员会", Seats: seats, Candidates: cands, Surplus: surplus(cands, seats), Status: Warning}
	if cands > seats {
		s.Status = OK
	}
	return s
}

// surplus is (c-s)/s as a percentage with one decimal.
func surplus(c, s int) string { return Percent(c-s, s) }

// SurplusText writes surplus lines as a table.
func SurplusText(lines []Surplus) string {
	var b strings.Builder
	for _, l := range lines {
		rule := "need >= 20%"
		if !l.Required {
			rule = "shown only"
		}
		fmt.Fprintf(&b, "  %s %4d candidates for %4d seats  %6s  %-11s  %s\n", padZh(l.Unit, 12), l.Candidates, l.Seats, l.Surplus, rule, l.Status)
	}
	return b.String()
}
