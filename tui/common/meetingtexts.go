package common

import (
	"errors"

	"podium/model"
	"podium/session"
)

// MeetingTexts are the words of walking the agenda and of the item,
// questioning, motions and vote screens in one language (Texts.M).
type MeetingTexts struct {
	// Walking the model.
	FirstItem, NothingToEnd, NoItemForNote, EndNoteLabel string
	ConfirmEnd                                           func(key string, n int, title string) string
	NoteLabel, SkipLabel, Skipped, EndedItem             func(n int, title string) string
	NoteAdded                                            func(at string) string
	Ended                                                func(n int, title, took string) string
	NotPending, AlreadyCurrent                           func(n int) string
	AgendaTitle, AgendaHint, SkippedInfo                 string
	StartedAt                                            func(at string) string
	RanFromTo                                            func(from, to, took string) string
	PlanMinutes                                          func(n int) string
	KindName                                             func(k model.ItemKind) string
	EndedAt                                              func(at, took string) string
	Elapsed, Over                                        func(d string) string
	Planned                                              func(d string, minutes int) string

	// The item screen and the script.
	ItemLine            func(n int, title, kind string) string
	Presenter           func(p string) string
	ScriptTitle         string
	ScriptFault         func(err string) string
	ThePresenter        string // {presenter} when the agenda names none
	NotesTitle          func(n int) string
	NoNotes, MoreScript func(key string) string
	// DeclareHint tells the host, under the preparatory meeting's script,
	// how the meeting is declared valid: the key, present and needed, and
	// whether the core finds the opening quorum met.
	DeclareHint func(key string, present, need int, met bool) string
	QuorumWords func(ok bool, rule string, need int) string

	// Forms.
	Sep, PickHint, FormHint string
	Counted                 func(n int, names string) string
	FormalCount             func(n int) string

	// Questions.
	AskTitle, Delegate, Target, Question, AnsweredBy, Answer, QPending, Q string
	AnswerTitle                                                           func(no int, who string) string
	NoQuestions                                                           func(key string) string
	AlreadyAnswered, Answered                                             func(no int) string
	ConfirmDefer                                                          func(key string, no, days int) string
	Deferred                                                              func(no int, due string) string
	Asked                                                                 func(no int, who string) string
	QAnswered, QOnNotice, OnNoticeLine, A                                 func(s string) string
	QueueTitle                                                            func(n, pending, answered, notice int) string
	QuestionNo                                                            func(no int, who, target, at string) string

	// Motions.
	FileTitle, Proposer, CoSigners, MotionTitle, MotionText, Category string
	FileHint, Reason, ReasonHint, MAdmitted, MPending                 string
	NoMotions, PutToVote, MDeclined                                   func(s string) string
	NotAdmitted, AlreadyVoted, AlreadyDecided                         func(no int) string
	VoteOnMotion, DeclineTitle                                        func(no int, title string) string
	ConfirmAccept                                                     func(key string, no int, title string) string
	Accepted                                                          func(no int, voteKey string) string
	Declined                                                          func(no int, due string) string
	Filed                                                             func(no int, title string, cosigners int) string
	MotionsTitle                                                      func(n, pending, accepted, declined int) string
	MotionNo                                                          func(no int, title, at string) string
	Signers                                                           func(proposer, cosigners, category string) string
	DeclinedLine                                                      func(reason, due string) string

	// The vote.
	NoResolution, For, Against, Abstain string
	VoteHint, VoteTitle                 func(s string) string
	ConfirmVote                         func(key, subject string, f, a, ab, need int, adopted bool) string
	Recorded                            func(no int, derivation string) string
	MotionVoteTitle                     func(no int, subject string) string
	HowVoted                            func(method, kind, rule string) string
	Sum                                 func(sum, present int) string
	VoteCounts                          func(no int, at string, f, a, ab int) string
	Derivation                          func(need, f int, adopted bool) string
	Outcome                             func(adopted bool) string
	Method                              func(m model.VoteMethod) string
	KindWords                           func(k model.VoteKind) string
	VoteBase                            func(b model.Base) string

	// Review is the words of a review item (述职评议).
	Review *ReviewTexts

	// Refusals of the core.
	Unfinished    func(n int, why session.Code, key string) string
	FieldEmpty    func(field string) string
	FieldBad      func(code session.Code) string // a field not allowed: CodeBadKind, CodeBadMethod, CodeNegative, the survey's and the staff audit's codes
	NotFormal     func(name string, role session.Code) string
	FewCoSigners  func(got, need int) string
	MotionRefused func(name string, reason session.Code) string
	StatusRefused func(what string, no int, reason session.Code) string
	VoteTooMany   func(sum, present int) string
	VoteEmpty     func(present int) string // nobody voted: not a vote (RULES §3)
	NotDeclared   func(what session.Code, present, expected, need int) string
	NotPresent    func(name, status string, role session.Code) string
	BadText       func(field string, r rune) string // Rule C

	// Striking a vote (撤销表决, RULES §3).
	HelpStrike, NothingToStrike string
	StrikeLabel, Struck         func(no int) string
	StruckLine                  func(at, reason string) string
	// Adopts names what an adoption vote of the election adopts.
	Adopts        func(a session.Adopts) string
	NoCurrentItem string
	NoSuchItem    func(no, items int) string // an item number beyond the agenda

	// Key help.
	HelpPrev, HelpEnd, HelpNote, HelpToItem, HelpToQuestions, HelpToMotions string
	// The preparation screen (f9).
	HelpPrep, PrepTitle, PrepTarget string
	PrepHead                        func(formal int, date string, tol int) string
	PrepStatus                      func(status string) string
	PrepCommittee                   func(cands, seats int, surplus string) string
	// The records (f8).
	HelpExport, Exporting                                                string
	Exported                                                             func(n int, dir string) string
	ExportFailed                                                         func(err string) string
	HelpToElection                                                       string
	HelpToAgenda, HelpJump, HelpSkip, HelpAsk, HelpAnswer, HelpDefer     string
	HelpFile, HelpAccept, HelpDecline, HelpVote, HelpUnanimous, HelpKind string
	HelpMethod, HelpRecord, HelpTab, HelpScript                          string
	HelpFormNext, HelpFormAdd, HelpFormDone                              string
}

// ResolutionText is what a resolution item puts to the vote, in the
// language.
func (t *Texts) ResolutionText(r model.ResolutionSpec) string {
	if t.Lang == "en" && r.TextEn != "" {
		return r.TextEn
	}
	return r.Text
}

// meetingRefusal explains the refusals of the agenda, question, motion,
// vote and note commands with their numbers; ok is false for others.
func (t *Texts) meetingRefusal(err error, name func(id string) string, endKey string) (text string, calm, ok bool) {
	m := t.M
	var (
		ue *session.UnfinishedError
		fe *session.FieldError
		nf *session.NotFormalError
		me *session.MotionError
		se *session.StatusError
		vc *session.VoteCountError
		ie *session.ItemError
		nd *session.NotDeclaredError
		np *session.NotPresentError
		te *session.TextError
	)
	switch {
	case errors.As(err, &ue):
		return m.Unfinished(ue.Index+1, ue.Why, endKey), false, true
	case errors.As(err, &fe) && (fe.Code == session.CodeNoReview || fe.Code == session.CodeNotOfficer || fe.Code == session.CodeBadRating):
		return m.Review.Refused(fe.Code), false, true
	case errors.As(err, &fe) && fe.Code == session.CodeEmpty:
		return m.FieldEmpty(fe.Field), false, true
	case errors.As(err, &fe):
		return m.FieldBad(fe.Code), false, true
	case errors.As(err, &nf):
		return m.NotFormal(nf.Name, nf.Role), false, true
	case errors.As(err, &me):
		if me.Reason == session.CodeCoSigners {
			return m.FewCoSigners(me.Got, me.Need), false, true
		}
		return m.MotionRefused(name(me.ID), me.Reason), false, true
	case errors.As(err, &se):
		return m.StatusRefused(se.What, se.No, se.Reason), true, true
	case errors.As(err, &vc) && vc.Reason == session.CodeNoVotes:
		return m.VoteEmpty(vc.Present), false, true
	case errors.As(err, &vc):
		return m.VoteTooMany(vc.Sum, vc.Present), false, true
	case errors.As(err, &nd):
		return m.NotDeclared(nd.What, nd.Present, nd.Expected, nd.Need), false, true
	case errors.As(err, &np):
		return m.NotPresent(name(np.ID), t.StatusWord(np.Status), np.Role), false, true
	case errors.As(err, &te):
		return m.BadText(te.Field, te.Rune), false, true
	case errors.As(err, &ie):
		return m.NoSuchItem(ie.Index+1, ie.Len), false, true
	case errors.Is(err, session.ErrNoCurrentItem):
		return m.NoCurrentItem, true, true
	}
	return "", false, false
}
