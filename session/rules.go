package session

import (
	"podium/model"
	"podium/session/rule"
)

// Count is the attendance a decision used: formal delegates expected (应到)
// and present (实到) at that moment. Every decision is stamped with one.
type Count struct {
	Expected int `json:"expected"`
	Present  int `json:"present"`
}

// Quorum is the live answer to "may we proceed?" for the two quorums of
// RULES §2, with the numbers needed.
type Quorum struct {
	Count
	OpeningNeed  int  // present needed to declare the meeting valid
	Opening      bool // present meets the opening quorum
	ElectionNeed int  // present needed for an election round
	Election     bool // present meets the election quorum

	// Peak is the most formal delegates present at once so far.
	Peak int
	// OpeningLost and ElectionLost are set while attendance is below a
	// quorum that had been met (RULES §2: the host sees it at once).
	OpeningLost, ElectionLost bool
}

func quorumOf(m model.Meeting, c Count, peak int) Quorum {
	q := Quorum{
		Count:        c,
		OpeningNeed:  rule.Need(m.OpeningQuorum, c.Expected),
		Opening:      rule.Meets(m.OpeningQuorum, c.Present, c.Expected),
		ElectionNeed: rule.Need(m.ElectionQuorum, c.Expected),
		Election:     rule.Meets(m.ElectionQuorum, c.Present, c.Expected),
		Peak:         peak,
	}
	q.OpeningLost = !q.Opening && rule.Meets(m.OpeningQuorum, peak, c.Expected)
	q.ElectionLost = !q.Election && rule.Meets(m.ElectionQuorum, peak, c.Expected)
	return q
}
