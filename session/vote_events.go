package session

import (
	"podium/model"
	"podium/session/election"
)

// The election's events. Each names the round it belongs to (1-based), so
// that a damaged log cannot apply a ballot to the wrong round.

// MethodAdopted records the election method adopted.
type MethodAdopted struct {
	Method model.Method `json:"method"`
}

// ScrutineersAdopted records the scrutineers (roster ids) and counters.
type ScrutineersAdopted struct {
	Scrutineer string   `json:"scrutineer"`
	Chief      string   `json:"chief"`
	Counters   []string `json:"counters"`
	Count      Count    `json:"count"`
}

// RoundOpened opens a round with its slate and open seats, stamped with the
// attendance that met the quorum. Revote is set when it repeats a void
// round.
type RoundOpened struct {
	Round  int               `json:"round"`
	Kind   election.Kind     `json:"round_kind"`
	Slate  []model.Candidate `json:"slate"`
	Seats  map[string]int    `json:"seats"`
	Revote bool              `json:"revote"`
	Count  Count             `json:"count"`
}

// BallotsIssued records the ballots issued and the attendance then.
type BallotsIssued struct {
	Round int   `json:"round"`
	N     int   `json:"n"`
	Count Count `json:"count"`
}

// BallotsCollected records the ballots collected.
type BallotsCollected struct {
	Round int `json:"round"`
	N     int `json:"n"`
}

// BallotEntered keys (Index = the teller's stack length) or corrects
// (Index below it) one ballot of the teller (the event's actor).
type BallotEntered struct {
	Round  int             `json:"round"`
	Index  int             `json:"index"`
	Ballot election.Ballot `json:"ballot"`
}

// BallotRemoved takes back the teller's last ballot.
type BallotRemoved struct {
	Round int `json:"round"`
	Index int `json:"index"`
}

// TallyEntered records a paper tally for the round.
type TallyEntered struct {
	Round int            `json:"round"`
	Tally election.Tally `json:"tally"`
}

// RoundDecided closes the count of a round and carries its complete
// result, counted when the host decided it by the counter of rule version
// Rules (election.RulesVersion then). Replay applies the stored result and
// never recounts it; podium audit recounts it with today's counter.
type RoundDecided struct {
	Round  int             `json:"round"`
	Count  Count           `json:"count"`
	Rules  int             `json:"rules"`
	Result election.Result `json:"result"`
}

// LegacyRoundDecided is how podium stored a decision before results were
// stored (codec 1): the round and the attendance only. Replay recounts its
// result from the round's agreed ballots or tally with today's counter —
// the only recount replay ever does. It is read, never written.
type LegacyRoundDecided struct {
	Round int   `json:"round"`
	Count Count `json:"count"`
}

// VacancyDeclared leaves the seats still open vacant (缺额), per category.
type VacancyDeclared struct {
	Round int            `json:"round"`
	Seats map[string]int `json:"seats"`
}

func (MethodAdopted) kind() EventKind      { return kindMethodAdopted }
func (ScrutineersAdopted) kind() EventKind { return kindScrutineersAdopted }
func (RoundOpened) kind() EventKind        { return kindRoundOpened }
func (BallotsIssued) kind() EventKind      { return kindBallotsIssued }
func (BallotsCollected) kind() EventKind   { return kindBallotsCollected }
func (BallotEntered) kind() EventKind      { return kindBallotEntered }
func (BallotRemoved) kind() EventKind      { return kindBallotRemoved }
func (TallyEntered) kind() EventKind       { return kindTallyEntered }
func (LegacyRoundDecided) kind() EventKind { return kindLegacyRoundDecided }
func (VacancyDeclared) kind() EventKind    { return kindVacancyDeclared }
func (RoundDecided) kind() EventKind       { return kindRoundDecided }
