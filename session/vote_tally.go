package session

import "podium/session/election"

// countTally decides a round from a paper tally (package election checks
// the tally against the ballots collected).
func countTally(v *Vote, r *Round, t election.Tally) (election.Result, error) {
	return countSheet(v.counted(r, nil), r.Collected, t)
}
