package session

import (
	"bytes"
	"encoding/json"
	"errors"

	"podium/model"
	"podium/session/election"
)

// The stored form of a round's result (the "result" of round_decided,
// docs/FORMAT.md): every field of election.Result, including those its
// own JSON (podium count's contract) leaves out (counter rules 2 added
// partly_invalid, category_only, vacancies and the invalid ballots'
// selections, seats and partly: written only when not zero, read as zero
// from older records) — the round's kind and
// method, the quorum needed, the invalid ballots, the void write-ins and
// the slates of the runoffs and second rounds — so that replay restores
// exactly the result that was announced.

type roundDecidedJSON struct {
	Round  int        `json:"round"`
	Count  Count      `json:"count"`
	Rules  int        `json:"rules"`
	Result resultJSON `json:"result"`
}

type resultJSON struct {
	Kind           election.Kind             `json:"round_kind"`
	Method         model.Method              `json:"method"`
	QuorumMet      bool                      `json:"quorum_met"`
	QuorumNeed     int                       `json:"quorum_need"`
	RoundValid     bool                      `json:"round_valid"`
	Expected       int                       `json:"expected"`
	Present        int                       `json:"present"`
	Issued         int                       `json:"issued"`
	Collected      int                       `json:"collected"`
	Valid          int                       `json:"valid"`
	Invalid        int                       `json:"invalid"`
	PartlyInvalid  int                       `json:"partly_invalid,omitempty"`
	CategoryOnly   bool                      `json:"category_only,omitempty"`
	Threshold      *int                      `json:"threshold"`
	Categories     []election.CategoryResult `json:"categories"`
	Candidates     []election.CandidateCount `json:"candidates"`
	Elected        []string                  `json:"elected"`
	Runoffs        []pendingJSON             `json:"runoffs"`
	SecondRounds   []pendingJSON             `json:"second_rounds"`
	Vacancies      []pendingJSON             `json:"vacancies,omitempty"`
	Reason         string                    `json:"reason"`
	InvalidBallots []invalidBallotJSON       `json:"invalid_ballots"`
	VoidWriteIns   int                       `json:"void_write_ins"`
}

type pendingJSON struct {
	Category   string            `json:"category"`
	Seats      int               `json:"seats"`
	Candidates []string          `json:"candidates"`
	Slate      []model.Candidate `json:"slate"`
}

type invalidBallotJSON struct {
	Index      int    `json:"index"`
	ID         string `json:"id"`
	Category   string `json:"category"`
	Reason     string `json:"reason"`
	Selections int    `json:"selections,omitempty"`
	Seats      int    `json:"seats,omitempty"`
	Partly     bool   `json:"partly,omitempty"`
}

// MarshalJSON writes the decision with its complete result.
func (d RoundDecided) MarshalJSON() ([]byte, error) {
	r := d.Result
	j := roundDecidedJSON{Round: d.Round, Count: d.Count, Rules: d.Rules, Result: resultJSON{
		Kind: r.Kind, Method: r.Method, QuorumMet: r.QuorumMet, QuorumNeed: r.QuorumNeed, RoundValid: r.RoundValid,
		Expected: r.Expected, Present: r.Present, Issued: r.Issued, Collected: r.Collected, Valid: r.Valid, Invalid: r.Invalid,
		Threshold: r.Threshold, Categories: r.Categories, Candidates: r.Candidates, Elected: r.Elected,
		Runoffs: pendingsJSON(r.Runoffs), SecondRounds: pendingsJSON(r.SecondRounds), Reason: r.Reason,
		VoidWriteIns: r.VoidWriteIns, PartlyInvalid: r.PartlyInvalid, CategoryOnly: r.CategoryOnly, Vacancies: pendingsJSON(r.Vacancies),
	}}

	if r.InvalidBallots != nil {
		j.Result.InvalidBallots = make([]invalidBallotJSON, len(r.InvalidBallots))
	}
	for i, b := range r.InvalidBallots {
		j.Result.InvalidBallots[i] = invalidBallotJSON(b)
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON wrote; an unknown field is an
// error.
func (d *RoundDecided) UnmarshalJSON(b []byte) error {
	var j roundDecidedJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("data after the decision")
	}
	r := j.Result
	*d = RoundDecided{Round: j.Round, Count: j.Count, Rules: j.Rules, Result: election.Result{
		Kind: r.Kind, Method: r.Method, QuorumMet: r.QuorumMet, QuorumNeed: r.QuorumNeed, RoundValid: r.RoundValid,
		Expected: r.Expected, Present: r.Present, Issued: r.Issued, Collected: r.Collected, Valid: r.Valid, Invalid: r.Invalid,
		Threshold: r.Threshold, Categories: r.Categories, Candidates: r.Candidates, Elected: r.Elected,
		Runoffs: pendingsModel(r.Runoffs), SecondRounds: pendingsModel(r.SecondRounds), Reason: r.Reason,
		VoidWriteIns: r.VoidWriteIns, PartlyInvalid: r.PartlyInvalid, CategoryOnly: r.CategoryOnly, Vacancies: pendingsModel(r.Vacancies),
	}}

	if r.InvalidBallots != nil {
		d.Result.InvalidBallots = make([]election.InvalidBallot, len(r.InvalidBallots))
	}
	for i, x := range r.InvalidBallots {
		d.Result.InvalidBallots[i] = election.InvalidBallot(x)
	}
	return nil
}

func pendingsJSON(ps []election.Pending) []pendingJSON {
	if ps == nil {
		return nil
	}
	out := make([]pendingJSON, len(ps))
	for i, p := range ps {
		out[i] = pendingJSON(p)
	}
	return out
}

func pendingsModel(ps []pendingJSON) []election.Pending {
	if ps == nil {
		return nil
	}
	out := make([]election.Pending, len(ps))
	for i, p := range ps {
		out[i] = election.Pending(p)
	}
	return out
}
