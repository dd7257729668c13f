package session

import "podium/agenda"

// Meets reports whether count reaches the fraction f of base, in integers
// (RULES §0): count*den > base*num when strict (超过), >= otherwise (以上).
func Meets(f agenda.Fraction, count, base int) bool {
	l, r := int64(count)*int64(f.Den), int64(base)*int64(f.Num)
	if f.Strict {
		return l > r
	}
	return l >= r
}

// Need returns the smallest count that meets f of base: 62 for 超过 1/2 of
// 122, 61 for 1/2 以上 of 122, 82 for 2/3 以上 of 122.
func Need(f agenda.Fraction, base int) int {
	if f.Den <= 0 {
		return 0
	}
	p := int64(base) * int64(f.Num)
	d := int64(f.Den)
	if f.Strict {
		return int(p/d + 1)
	}
	return int((p + d - 1) / d)
}

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

func quorumOf(m agenda.Meeting, c Count, peak int) Quorum {
	q := Quorum{
		Count:        c,
		OpeningNeed:  Need(m.OpeningQuorum, c.Expected),
		Opening:      Meets(m.OpeningQuorum, c.Present, c.Expected),
		ElectionNeed: Need(m.ElectionQuorum, c.Expected),
		Election:     Meets(m.ElectionQuorum, c.Present, c.Expected),
		Peak:         peak,
	}
	q.OpeningLost = !q.Opening && Meets(m.OpeningQuorum, peak, c.Expected)
	q.ElectionLost = !q.Election && Meets(m.ElectionQuorum, peak, c.Expected)
	return q
}
