package session

import (
	"podium/model"
	"podium/session/election"
)

// The election's events. Each names the round it belongs to (1-based), so
// that a damaged log cannot apply a ballot to the wrong round.

// MethodAdopted records the election method adopted.
type MethodAdopted struct{ Method model.Method }

// ScrutineersAdopted records the scrutineers (roster ids) and counters.
type ScrutineersAdopted struct {
	Scrutineer, Chief string
	Counters          []string
	Count             Count
}

// RoundOpened opens a round with its slate and open seats, stamped with the
// attendance that met the quorum. Revote is set when it repeats a void
// round.
type RoundOpened struct {
	Round  int
	Kind   election.Kind
	Slate  []model.Candidate
	Seats  map[string]int
	Revote bool
	Count  Count
}

// BallotsIssued records the ballots issued and the attendance then.
type BallotsIssued struct {
	Round, N int
	Count    Count
}

// BallotsCollected records the ballots collected.
type BallotsCollected struct{ Round, N int }

// BallotEntered keys (Index = the teller's stack length) or corrects
// (Index below it) one ballot of the teller (the event's actor).
type BallotEntered struct {
	Round, Index int
	Ballot       election.Ballot
}

// BallotRemoved takes back the teller's last ballot.
type BallotRemoved struct{ Round, Index int }

// TallyEntered records a paper tally for the round.
type TallyEntered struct {
	Round int
	Tally election.Tally
}

// RoundDecided closes the count; the result is computed from the round's
// agreed ballots or tally when the event is applied.
type RoundDecided struct {
	Round int
	Count Count
}

// VacancyDeclared leaves the seats still open vacant (缺额), per category.
type VacancyDeclared struct {
	Round int
	Seats map[string]int
}

const (
	kindMethodAdopted kind = iota + 16
	kindScrutineersAdopted
	kindRoundOpened
	kindBallotsIssued
	kindBallotsCollected
	kindBallotEntered
	kindBallotRemoved
	kindTallyEntered
	kindRoundDecided
	kindVacancyDeclared
)

func (MethodAdopted) kind() kind      { return kindMethodAdopted }
func (ScrutineersAdopted) kind() kind { return kindScrutineersAdopted }
func (RoundOpened) kind() kind        { return kindRoundOpened }
func (BallotsIssued) kind() kind      { return kindBallotsIssued }
func (BallotsCollected) kind() kind   { return kindBallotsCollected }
func (BallotEntered) kind() kind      { return kindBallotEntered }
func (BallotRemoved) kind() kind      { return kindBallotRemoved }
func (TallyEntered) kind() kind       { return kindTallyEntered }
func (RoundDecided) kind() kind       { return kindRoundDecided }
func (VacancyDeclared) kind() kind    { return kindVacancyDeclared }

// jsonBody returns a fresh value for a kind whose body is stored as JSON
// (the election's and the meeting's events: rare enough that readability
// wins), or nil.
func jsonBody(k kind) any {
	switch k {
	case kindMethodAdopted:
		return new(MethodAdopted)
	case kindScrutineersAdopted:
		return new(ScrutineersAdopted)
	case kindRoundOpened:
		return new(RoundOpened)
	case kindBallotsIssued:
		return new(BallotsIssued)
	case kindBallotsCollected:
		return new(BallotsCollected)
	case kindBallotEntered:
		return new(BallotEntered)
	case kindBallotRemoved:
		return new(BallotRemoved)
	case kindTallyEntered:
		return new(TallyEntered)
	case kindRoundDecided:
		return new(RoundDecided)
	case kindVacancyDeclared:
		return new(VacancyDeclared)
	}
	return meetingBody(k)
}

// deref turns the pointer jsonBody returned into the Body value.
func deref(p any) Body {
	switch v := p.(type) {
	case *MethodAdopted:
		return *v
	case *ScrutineersAdopted:
		return *v
	case *RoundOpened:
		return *v
	case *BallotsIssued:
		return *v
	case *BallotsCollected:
		return *v
	case *BallotEntered:
		return *v
	case *BallotRemoved:
		return *v
	case *TallyEntered:
		return *v
	case *RoundDecided:
		return *v
	case *VacancyDeclared:
		return *v
	}
	return meetingDeref(p)
}
