package session

import (
	"podium/model"
	"podium/session/election"
)

// The committee election as the host and the tellers run it (RULES §6):
// the method and the scrutineers are adopted, each round is opened with its
// quorum check, ballots are issued and collected, the tellers key the
// ballots (two tellers: double entry) or a paper tally is entered, and the
// round is decided by package election. Every step is an event.

// Vote is the election's state, derived from events like everything else.
type Vote struct {
	// Method is the method in force: the setup's until one is adopted.
	Method model.Method
	// Candidates are the approved candidates in ballot order (from setup).
	Candidates []model.Candidate
	// MethodAdopted is set once the method was adopted; MethodVote is the
	// vote that adopted it (Resolution.No), 0 when adopted without one.
	MethodAdopted *Stamp
	MethodVote    int
	// Scrutineer and Chief are roster ids (监票人, 总监票人); Counters are
	// the counters named by the host (计票人), free text.
	Scrutineer, Chief string
	Counters          []string
	// ScrutineersAdopted is set once the scrutineers were adopted;
	// ScrutineersVote is the vote that adopted them, 0 without one.
	ScrutineersAdopted *Stamp
	ScrutineersVote    int
	// Rounds are the rounds in order: regular, then re-votes, runoffs and
	// second rounds.
	Rounds []*Round
	// Pending are the runoffs and second rounds due, in the order the
	// rounds that called for them were decided.
	Pending []PendingRound
	// Vacant is the seats per category left vacant (缺额): by the host
	// after a second round, or by a tie when the method's tie = "vacant".
	Vacant map[string]int

	// The adoptions in force and before, so that striking an adoption
	// vote restores the one before it.
	methods     []methodAdoption
	scrutineers []scrutineerAdoption
}

// Round is one round of the election as it stands.
type Round struct {
	No    int // 1-based
	Kind  election.Kind
	Slate []model.Candidate
	// Seats is the open seats per category ("" without categories).
	Seats map[string]int
	// Opened is when the round opened, with the attendance that allowed it.
	Opened Stamp
	// Issued and Collected are -1 until recorded.
	Issued, Collected int
	// IssuedCount is the attendance when ballots were issued: the round's
	// expected and present as counted (quorum, base present, issued <=
	// present).
	IssuedCount Count
	// Entries are each teller's keyed ballots, in stack order.
	Entries map[string][]election.Ballot
	// Tellers are the tellers in the order they first keyed a ballot.
	Tellers []string
	// Tally is the paper tally entered instead of ballots, if any.
	Tally *election.Tally
	// Entry is how the host switched the round to be counted (""
	// before any switch: Mode); SetAside is what was entered the other
	// way before a switch, kept and never counted.
	Entry    Entry
	SetAside []SetAside
	// Decided is set when the host closed the count; Result is then the
	// outcome, as stored in the decision (counted by package election
	// from the agreed ballots or the tally when the host decided), and
	// Rules the counter's rule version it was counted by
	// (election.RulesVersion then).
	Decided *Stamp
	Result  *election.Result
	Rules   int
	// Recounted is set when the decision is a legacy one (codec 1) that
	// stored no result: Result was then recounted on replay by today's
	// counter, and Rules is 0.
	Recounted bool
}

// Void reports whether more ballots were collected than issued: the round
// is void and is voted again with the same slate (RULES §6.2).
func (r *Round) Void() bool { return r.Collected >= 0 && r.Issued >= 0 && r.Collected > r.Issued }

// AdoptMethod adopts the election method (选举办法). Refused once a round
// has opened. With the meeting's adoption = "vote" (the default; 附件3
// §9, RULES §3) Vote carries the congress's vote on it, a §3 vote of an
// ordinary matter: the method takes effect only when the vote adopts it.
type AdoptMethod struct {
	Meta
	Method model.Method `json:"method"`
	Vote   *VoteCounts  `json:"vote" apply:"optional"`
}

// AdoptScrutineers adopts the scrutineer (监票人) and the chief scrutineer
// (总监票人) by roster id, and names the counters (计票人). Both must be
// present formal delegates and neither a candidate (RULES §6.1). With the
// meeting's adoption = "vote" (附件3 §8: 推选 by the delegates) Vote
// carries the vote on the list, as for AdoptMethod.
type AdoptScrutineers struct {
	Meta
	Scrutineer string      `json:"scrutineer"`
	Chief      string      `json:"chief"`
	Counters   []string    `json:"counters" apply:"optional"`
	Vote       *VoteCounts `json:"vote" apply:"optional"`
}

// OpenRound opens the next round: the regular round first; after a void
// round the same again; after a decided round its runoffs, then its second
// rounds. It needs the election quorum.
type OpenRound struct{ Meta }

// IssueBallots records the ballots issued (发出) in the open round; no
// more than the formal delegates present, and only with the election
// quorum (RULES §2). The round is counted with the attendance then.
type IssueBallots struct {
	Meta
	N int `json:"n"`
}

// CollectBallots records the ballots collected (收回). More than issued
// makes the round void.
type CollectBallots struct {
	Meta
	N int `json:"n"`
}

// EnterBallot keys one ballot for the teller (Meta.Actor). Index -1
// appends (a line of podium apply without "index" appends); an index of an
// entered ballot replaces it (a correction).
type EnterBallot struct {
	Meta
	Index  int             `json:"index" apply:"optional"`
	Ballot election.Ballot `json:"ballot"`
}

// RemoveBallot takes back the teller's last keyed ballot.
type RemoveBallot struct{ Meta }

// EnterTally enters a paper tally sheet for the open round, checked
// against the ballots collected.
type EnterTally struct {
	Meta
	Tally election.Tally `json:"tally"`
}

// DecideRound closes the count of the open round and decides it. With
// keyed ballots every teller's stack must be whole and agree.
type DecideRound struct{ Meta }

// DeclareVacant leaves the seats still open after a second round vacant
// (缺额) instead of holding another round.
type DeclareVacant struct{ Meta }
