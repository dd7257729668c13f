package session

import (
	"time"

	"podium/model"
)

// ItemEnded ends agenda item Index; Note says why when it was left
// unfinished.
type ItemEnded struct {
	Index int    `json:"index"`
	Note  string `json:"note"`
}

// ItemSkipped passes over agenda item Index.
type ItemSkipped struct {
	Index  int    `json:"index"`
	Reason string `json:"reason"`
}

// QuestionAsked records question No.
type QuestionAsked struct {
	No       int    `json:"no"`
	Delegate string `json:"delegate"`
	Target   string `json:"target"`
	Text     string `json:"text"`
	Item     int    `json:"item"`
}

// QuestionAnswered records the answer to question No.
type QuestionAnswered struct {
	No   int    `json:"no"`
	By   string `json:"by"`
	Text string `json:"text"`
}

// QuestionDeferred takes question No on notice until Due.
type QuestionDeferred struct {
	No  int       `json:"no"`
	Due time.Time `json:"due"`
}

// MotionFiled records motion No.
type MotionFiled struct {
	No        int      `json:"no"`
	Proposer  string   `json:"proposer"`
	CoSigners []string `json:"cosigners"`
	Title     string   `json:"title"`
	Text      string   `json:"text"`
	Category  string   `json:"category"`
}

// MotionAccepted accepts motion No.
type MotionAccepted struct {
	No int `json:"no"`
}

// MotionDeclined declines motion No, an opinion due for an answer by Due.
type MotionDeclined struct {
	No     int       `json:"no"`
	Reason string    `json:"reason"`
	Due    time.Time `json:"due"`
}

// VoteRecorded records resolution No with its counts, the attendance and
// the derivation of its outcome.
type VoteRecorded struct {
	No      int              `json:"no"`
	Item    int              `json:"item"`
	Motion  int              `json:"motion"`
	Subject string           `json:"subject"`
	Kind    model.VoteKind   `json:"vote_kind"`
	Method  model.VoteMethod `json:"method"`
	For     int              `json:"for"`
	Against int              `json:"against"`
	Abstain int              `json:"abstain"`
	Count   Count            `json:"count"`
	Rule    model.Fraction   `json:"rule"`
	Base    int              `json:"base"`
	Need    int              `json:"need"`
	Adopted bool             `json:"adopted"`
}

// VoteStruck strikes resolution No with the chair's reason.
type VoteStruck struct {
	No     int    `json:"no"`
	Reason string `json:"reason"`
}

// NoteAdded adds a line to the secretary's notes.
type NoteAdded struct {
	Item int    `json:"item"`
	Text string `json:"text"`
}

// OfficerRated records an officer's rating in review item Item.
type OfficerRated struct {
	Item    int          `json:"item"`
	Officer string       `json:"officer"`
	Rating  model.Rating `json:"rating"`
	Note    string       `json:"note"`
}

func (ItemEnded) kind() EventKind        { return kindItemEnded }
func (ItemSkipped) kind() EventKind      { return kindItemSkipped }
func (QuestionAsked) kind() EventKind    { return kindQuestionAsked }
func (QuestionAnswered) kind() EventKind { return kindQuestionAnswered }
func (QuestionDeferred) kind() EventKind { return kindQuestionDeferred }
func (MotionFiled) kind() EventKind      { return kindMotionFiled }
func (MotionAccepted) kind() EventKind   { return kindMotionAccepted }
func (MotionDeclined) kind() EventKind   { return kindMotionDeclined }
func (VoteRecorded) kind() EventKind     { return kindVoteRecorded }
func (NoteAdded) kind() EventKind        { return kindNoteAdded }
func (VoteStruck) kind() EventKind       { return kindVoteStruck }
func (OfficerRated) kind() EventKind     { return kindOfficerRated }
