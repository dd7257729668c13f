package common

import (
	"errors"

	"podium/model"
	"podium/session"
	"podium/session/election"
)

// VoteTexts are the election screen's words in one language (Texts.V).
type VoteTexts struct {
	// Colon follows a label ("：", ": "); Paren puts a note in brackets
	// ("（社团）", " (社团)"): the punctuation of the language.
	Colon                                          string
	Paren                                          func(s string) string
	Title, NoElection, Sep, None                   string
	Steps                                          []string // the six steps of the strip
	Actor, Teller                                  func(a string) string
	More                                           func(from, to, n int) string
	RoundName                                      func(no int, k election.Kind, revote bool) string
	NextLabel, Done, NumberHint, CountersHint      string
	NextMethod, NextScrutineers, NextIssue         func(key string) string
	NextCollect, NextDecide                        func(key string) string
	NextOpen                                       func(key, round string) string
	NextCount, NextChoose                          func(a, b string) string
	NotNow, CountedByTally, CountedByBallots       string
	ConfirmMethod, ConfirmDecide                   func(key string) string
	ConfirmOpen                                    func(key, round string, present, expected int) string
	ConfirmVacant                                  func(key, seats string) string
	CountHow                                       func(b, t string) string
	AllDone, MethodAdopted, VacancyDeclared        string
	RoundOpened                                    func(round string, present, expected int) string
	Decided                                        func(elected int) string
	NotANumber                                     string
	IssuedOK                                       func(n int) string
	CollectedOK, CollectedVoid                     func(issued, collected int) string
	ScrutineersAdopted                             func(s, chief string) string
	PickHint, Choosing                             func(role string) string
	PickPlaceholder, IsCandidate                   string
	PresentFormal                                  func(n int) string
	MethodTitle, CandidatesTitle, ScrutineersTitle string
	Adopted                                        func(at string) string
	SeatsWith                                      func(total int, parts string) string
	SeatsOnly                                      func(n int) string
	CatSeats                                       func(cat string, n int) string
	TermSeats, TermCandidates, TermQuorum          string
	TermThreshold, TermWriteIns, TermOver          string
	TermRunoff, TermOrder, RunoffWords, OrderWords string
	CandidatesWords                                func(n, seats int) string
	QuorumWords                                    func(f model.Fraction, expected, need int) string
	ThresholdWords                                 func(f model.Fraction, base model.Base, baseN, need int) string
	WriteInsWords                                  func(w model.WriteIns) string
	OverWords                                      func(o model.OverSelection, withCat bool) string
	Scrutineer, Chief, Counters, NotChosen         string
	IssuedLabel, CollectedLabel, NotYet            string
	QuorumSpeech                                   func(expected, present int, f model.Fraction, need int, ok bool) string
	BallotSpeech                                   func(issued, collected int, void bool) string // void: the core's Round.Void
	OpenSeats, Slate, QuorumTitle, BallotsTitle    string
	OpenedAt                                       func(at string) string
	CountTitle, TallyEntered, NothingKeyed         string
	// ZeroReport is the zero report shown before the round's first
	// ballot: every one of n candidates at 0, and the key that prints it.
	ZeroReport func(n int, key string) string
	// RehearsalPass and RehearsalFail are a rehearsal's verdict on its
	// first round: the test deck's expected figures against the count
	// (n figures; the first that differ, as "name figure expected/counted").
	RehearsalPass                               func(n int) string
	RehearsalFail                               func(bad, n int, first string) string
	SingleEntry, NoDiffs, SpoiledDiffers        string
	WriteInsDiffer                              string
	Keyed                                       func(n, collected int) string
	DiffsTitle                                  func(n int) string
	DiffsShort                                  func(n int, list, key string) string
	StackPos                                    func(i int) string
	MissingAt                                   func(tellers string) string
	MarkGlyph                                   func(m election.Mark) string
	BallotEntry, TallyEntry, NoOpenRound        string
	WriteInHint, SpoilHint, SpoiledDefault      string
	CorrectHint                                 func(pos int) string
	Valid, Invalid, NothingToRemove             string
	Saved                                       func(n, collected int, what string) string
	Corrected                                   func(pos int, what string, diffs int) string
	Removed                                     func(n int) string
	Correcting                                  func(pos, keyed, collected int) string
	BallotNo                                    func(n, collected int) string
	KeyedSoFar                                  func(n int) string
	OtherTeller                                 func(t string, n int) string
	CandidateHead, CategoryHead, MarkHead       string
	ApproveShort, DisapproveShort, AbstainShort string
	WriteInLabel, SpoilLabel, InvalidLabel      string
	TallyHint                                   string
	VoidWriteIn, VoidReason, SpoiledReason      func(s string) string
	OverSelected                                func(cat string, sel, seats int) string
	CannotJudge                                 func(detail string) string // the round's data is inconsistent (election.ReasonBadInput)
	Selections                                  func(n int) string
	TallySaved                                  func(collected int) string
	CollectedIs                                 func(n int) string
	TallyRefused                                func(e *election.TallyError) string
	ResultsTitle, SpeechPageTitle               func(round string) string
	// RoundOf is where the results page stands among the decided
	// rounds, with the key that turns them; ShowSpeech and ShowResults
	// the key that turns to the words to read and back.
	RoundOf                      func(i, n int, key string) string
	ShowSpeech, ShowResults      func(key string) string
	HelpSpeech                   string
	CountsLine                   func(e, p, i, c, v, inv int) string // v < 0: valid and invalid known per category only
	PartlyLine                   func(partly int) string             // of the invalid, valid in some categories
	Undecided                    func(r *election.Result) string
	RunoffRule                   string
	ThresholdLine                func(cat string, f model.Fraction, base model.Base, baseN, need int) string
	ThresholdMark                func(need int) string
	PendingRunoff, PendingSecond func(cat string, seats int, names string) string
	SpeechTitle, ElectedTitle    string
	Status                       func(s election.Status, k election.Kind) string
	CategoryLine                 func(cat string, seats, valid int) string
	ReportLine                   func(name string, a, d, ab int) string
	ReportWriteIn                func(name string, a int) string
	ChiefReport                  func(chief string, valid, invalid int, cats []string) string // valid < 0: per category only, in cats (CatCounts)
	CatCounts                    func(cat string, valid, invalid int) string
	JoinReport                   func(lines []string) string
	ElectedSpeech                func(round string, names []string) string
	RunoffSpeech                 func(cat string, seats int, names string) string
	SecondSpeech                 func(cat string, seats int) string
	FinalSpeech                  func(names []string, vacant string) string
	VacantWords                  func(n int) string
	ScrutineerRefused            func(name, role string, reason session.Code) string
	BallotRefused                func(pos, keyed, collected int, reason session.Code) string
	MethodRefused                func(e *session.MethodError) string
	MismatchRefused              func(tellers []string, lengths []int, collected, differ int) string
	IssueRefused                 func(n, present int) string
	// The decisions (RULES §3, §6.3, §7): the adoption votes, switching a
	// round's entry, the counting method, partly invalid ballots, the
	// words after a vacancy.
	ScrutineerAbsent                                func(name, role, status string) string
	AdoptTitle                                      func(what string) string
	AdoptHint                                       func(methodKey string) string
	ConfirmAdopt                                    func(key, what string, f, a, ab, need int, adopted bool) string
	AdoptVoted                                      func(what string, no, need, f int, adopted bool) string
	HelpSwitchTally, HelpSwitchBallots              string
	SwitchLabel, Switched                           func(to string) string
	CountedBy                                       func(m string) string
	RunningCounts                                   func(valid, partly, wholly int) string
	SetAsideLine                                    func(who string, n int, reason string) string
	SecondVacantSpeech                              func(cat string, seats int) string
	TiedVacantSpeech                                func(cat string, seats int, names string) string
	HelpNext, HelpBack, HelpScroll, HelpRounds      string
	HelpBallots, HelpTally, HelpVacant, HelpApprove string
	HelpDisapprove, HelpAbstain, HelpRow            string
	HelpBackRow, HelpSave, HelpWriteIn              string
	HelpDropWriteIn, HelpSpoil, HelpRemove          string
	HelpTeller                                      string // f3: the other teller keys
	// HelpPrint is the key that prints the round's ballots and zero
	// report; Printing, Printed and PrintFailed answer it.
	HelpPrint, Printing                            string
	Printed                                        func(n int, dir string) string
	PrintFailed                                    func(err string) string
	ProjectorElected                               func(n int) string    // the projector's heading of the elected
	TellerNow                                      func(t string) string // after f3
	HelpStack, HelpNextDiff, HelpCategory          string
	HelpCell, HelpWriteInRow, HelpSubmit, HelpPick string
	HelpConfirm                                    string
	// Sentinels explain the refusals without numbers.
	Sentinels []sentinel
}

// sentinel is the words for one of the session's plain refusals; calm
// ones are no error (nothing to do).
type sentinel struct {
	err  error
	text string
	calm bool
}

// voteRefusal explains the election's refusals with their numbers; ok is
// false for an error it does not know.
func (t *Texts) voteRefusal(err error) (text string, calm, ok bool) {
	v := t.V
	var (
		se *session.ScrutineerError
		ie *session.IssueError
		be *session.BallotError
		me *session.EntryMismatchError
		te *election.TallyError
		mt *session.MethodError
	)
	switch {
	case errors.As(err, &se) && se.Reason == session.ReasonNotPresent:
		return v.ScrutineerAbsent(se.Name, se.Role, t.StatusWord(se.Status)), false, true
	case errors.As(err, &se):
		return v.ScrutineerRefused(se.Name, se.Role, se.Reason), false, true
	case errors.As(err, &ie):
		return v.IssueRefused(ie.N, ie.Present), false, true
	case errors.As(err, &be):
		return v.BallotRefused(be.Index+1, be.Len, be.Collected, be.Reason), be.Reason == session.CodeEmpty, true
	case errors.As(err, &me):
		return v.MismatchRefused(me.Tellers, me.Lengths, me.Collected, len(me.Differ)), false, true
	case errors.As(err, &te):
		return v.TallyRefused(te), false, true
	case errors.As(err, &mt):
		return v.MethodRefused(mt), false, true
	}
	for _, s := range v.Sentinels {
		if errors.Is(err, s.err) {
			return s.text, s.calm, true
		}
	}
	return "", false, false
}
