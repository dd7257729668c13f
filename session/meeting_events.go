package session

import (
	"time"

	"podium/model"
)

// ItemEnded ends agenda item Index; Note says why when it was left
// unfinished.
type ItemEnded struct {
	Index int
	Note  string
}

// ItemSkipped passes over agenda item Index.
type ItemSkipped struct {
	Index  int
	Reason string
}

// QuestionAsked records question No.
type QuestionAsked struct {
	No                     int
	Delegate, Target, Text string
	Item                   int
}

// QuestionAnswered records the answer to question No.
type QuestionAnswered struct {
	No       int
	By, Text string
}

// QuestionDeferred takes question No on notice until Due.
type QuestionDeferred struct {
	No  int
	Due time.Time
}

// MotionFiled records motion No.
type MotionFiled struct {
	No                    int
	Proposer              string
	CoSigners             []string
	Title, Text, Category string
}

// MotionAccepted accepts motion No.
type MotionAccepted struct{ No int }

// MotionDeclined declines motion No, an opinion due for an answer by Due.
type MotionDeclined struct {
	No     int
	Reason string
	Due    time.Time
}

// VoteRecorded records resolution No with its counts, the attendance and
// the derivation of its outcome.
type VoteRecorded struct {
	No, Item, Motion      int
	Subject               string
	Kind                  model.VoteKind
	Method                model.VoteMethod
	For, Against, Abstain int
	Count                 Count
	Rule                  model.Fraction
	Base, Need            int
	Adopted               bool
}

// NoteAdded adds a line to the secretary's notes.
type NoteAdded struct {
	Item int
	Text string
}

// OfficerRated records an officer's rating in review item Item.
type OfficerRated struct {
	Item    int
	Officer string
	Rating  model.Rating
	Note    string
}

const (
	kindItemEnded kind = iota + 40
	kindItemSkipped
	kindQuestionAsked
	kindQuestionAnswered
	kindQuestionDeferred
	kindMotionFiled
	kindMotionAccepted
	kindMotionDeclined
	kindVoteRecorded
	kindNoteAdded
	kindOfficerRated
)

func (ItemEnded) kind() kind        { return kindItemEnded }
func (ItemSkipped) kind() kind      { return kindItemSkipped }
func (QuestionAsked) kind() kind    { return kindQuestionAsked }
func (QuestionAnswered) kind() kind { return kindQuestionAnswered }
func (QuestionDeferred) kind() kind { return kindQuestionDeferred }
func (MotionFiled) kind() kind      { return kindMotionFiled }
func (MotionAccepted) kind() kind   { return kindMotionAccepted }
func (MotionDeclined) kind() kind   { return kindMotionDeclined }
func (VoteRecorded) kind() kind     { return kindVoteRecorded }
func (NoteAdded) kind() kind        { return kindNoteAdded }
func (OfficerRated) kind() kind     { return kindOfficerRated }

// meetingBody returns a fresh value for one of these kinds, or nil.
func meetingBody(k kind) any {
	switch k {
	case kindItemEnded:
		return new(ItemEnded)
	case kindItemSkipped:
		return new(ItemSkipped)
	case kindQuestionAsked:
		return new(QuestionAsked)
	case kindQuestionAnswered:
		return new(QuestionAnswered)
	case kindQuestionDeferred:
		return new(QuestionDeferred)
	case kindMotionFiled:
		return new(MotionFiled)
	case kindMotionAccepted:
		return new(MotionAccepted)
	case kindMotionDeclined:
		return new(MotionDeclined)
	case kindVoteRecorded:
		return new(VoteRecorded)
	case kindNoteAdded:
		return new(NoteAdded)
	case kindOfficerRated:
		return new(OfficerRated)
	}
	return nil
}

// meetingDeref turns the pointer meetingBody returned into the Body.
func meetingDeref(p any) Body {
	switch v := p.(type) {
	case *ItemEnded:
		return *v
	case *ItemSkipped:
		return *v
	case *QuestionAsked:
		return *v
	case *QuestionAnswered:
		return *v
	case *QuestionDeferred:
		return *v
	case *MotionFiled:
		return *v
	case *MotionAccepted:
		return *v
	case *MotionDeclined:
		return *v
	case *VoteRecorded:
		return *v
	case *NoteAdded:
		return *v
	case *OfficerRated:
		return *v
	}
	return nil
}
