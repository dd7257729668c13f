package common

import (
	"maps"
	"slices"

	"podium/session"
	"podium/session/election"
)

// voteOf returns the election's state, nil when the setup has no election.
func voteOf(st *session.State) *session.Vote { return st.Vote }

// CopyVote copies the election's state for rendering outside the session's
// read lock. Ballots are replaced, never changed in place, by the session,
// and results are never changed once decided, so those are shared.
func CopyVote(v *session.Vote) *session.Vote {
	if v == nil {
		return nil
	}
	c := *v
	c.Counters = slices.Clone(v.Counters)
	c.Vacant = maps.Clone(v.Vacant)
	c.Pending = slices.Clone(v.Pending)
	c.Rounds = make([]*session.Round, len(v.Rounds))
	for i, r := range v.Rounds {
		rc := *r
		rc.Seats = maps.Clone(r.Seats)
		rc.Tellers = slices.Clone(r.Tellers)
		rc.Entries = make(map[string][]election.Ballot, len(r.Entries))
		for k, b := range r.Entries {
			rc.Entries[k] = slices.Clone(b)
		}
		if r.Tally != nil {
			t := *r.Tally
			rc.Tally = &t
		}
		c.Rounds[i] = &rc
	}
	return &c
}
