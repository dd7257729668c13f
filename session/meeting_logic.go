package session

import (
	"slices"
	"strings"
	"time"

	"podium/model"
	"podium/session/rule"
)

// answerDays is the meeting's time to answer opinions and questions taken
// on notice: two weeks unless set.
func (st *State) answerDays() int {
	if d := st.Setup.Meeting.AnswerDays; d > 0 {
		return d
	}
	return 14
}

// unfinished says why the current item cannot be left silently, or "".
func (st *State) unfinished() Code {
	i := st.Item
	if i < 0 || st.Items[i].Status != ItemCurrent {
		return ""
	}
	switch st.Setup.Agenda[i].Kind {
	case model.ItemResolution:
		if st.ItemOutcome(i) == nil {
			return CodeNoVote
		}
	case model.ItemElection:
		if st.Vote != nil && st.Vote.Open() {
			return CodeRoundOpen
		}
	}
	return ""
}

// ItemOutcome returns the vote that decides agenda item i: its last vote
// not struck (RULES §3), or nil.
func (st *State) ItemOutcome(i int) *Resolution {
	for j := len(st.Votes) - 1; j >= 0; j-- {
		if r := st.Votes[j]; r.Item == i && r.Struck == nil && r.Motion == 0 && r.Adopts == "" {
			return r
		}
	}
	return nil
}

// formal checks that id is a formal delegate on the roster.
func (st *State) formal(id string, role Code) error {
	i, ok := st.index[id]
	if !ok {
		return &UnknownPersonError{ID: id}
	}
	if p := st.Setup.Roster[i]; p.Kind != model.Formal {
		return &NotFormalError{ID: id, Name: p.Name, Role: role}
	}
	return nil
}

// CheckPerson tells whether the person with this id may now act as role
// — ask (CodeAsDelegate), propose (CodeAsProposer) or co-sign
// (CodeAsCoSigner): a formal delegate who is present (RULES §1, §4, §5).
// It is the check the core makes when the command comes; the screens ask
// it at the moment a person is picked.
func (st *State) CheckPerson(id string, role Code) error {
	if err := st.formal(id, role); err != nil {
		return err
	}
	i := st.index[id]
	if s := st.Attendance[i].Status; s != Present {
		return &NotPresentError{ID: id, Name: st.Setup.Roster[i].Name, Status: s, Role: role}
	}
	return nil
}

// declared refuses business before the meeting is declared valid (RULES
// §2): votes (CodeVote), ballot issues (CodeBallots) and election rounds
// (CodeRound). The meeting's preparatory_votes setting allows votes while
// a preparatory item is under way.
func (st *State) declared(what Code) error {
	if st.Declared != nil {
		return nil
	}
	if i := st.Item; what == CodeVote && st.Setup.Meeting.PreparatoryVotes && i >= 0 &&
		st.Items[i].Status == ItemCurrent && st.Setup.Agenda[i].Kind == model.ItemPreparatory {
		return nil
	}
	q := st.Quorum()
	return &NotDeclaredError{What: what, Count: q.Count, Need: q.OpeningNeed}
}

func required(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return &FieldError{Field: field, Reason: "is empty", Code: CodeEmpty}
	}
	return nil
}

// decideMeeting validates the agenda, question, motion, vote and note
// commands; see decide.
func decideMeeting(st *State, cmd Command) ([]Body, error) {
	due := func(at time.Time) time.Time {
		return time.Unix(0, at.AddDate(0, 0, st.answerDays()).UnixNano()).UTC()
	}
	switch c := cmd.(type) {
	case EndItem:
		if st.Item < 0 || st.Items[st.Item].Status != ItemCurrent {
			return nil, ErrNoCurrentItem
		}
		if why := st.unfinished(); why != "" && strings.TrimSpace(c.Note) == "" {
			return nil, &UnfinishedError{Index: st.Item, Why: why}
		}
		return append(st.endSpeech(c.Meta), ItemEnded{Index: st.Item, Note: c.Note}), nil
	case SkipItem:
		if c.Index < 0 || c.Index >= len(st.Setup.Agenda) {
			return nil, &ItemError{Index: c.Index, Len: len(st.Setup.Agenda)}
		}
		if st.Items[c.Index].Status != ItemPending {
			return nil, &StatusError{What: "item", No: c.Index + 1, Reason: CodeStarted}
		}
		if err := required("reason", c.Reason); err != nil {
			return nil, err
		}
		return []Body{ItemSkipped{Index: c.Index, Reason: c.Reason}}, nil
	case AskQuestion:
		if err := st.CheckPerson(c.Delegate, CodeAsDelegate); err != nil {
			return nil, err
		}
		for _, f := range [][2]string{{"target", c.Target}, {"question", c.Text}} {
			if err := required(f[0], f[1]); err != nil {
				return nil, err
			}
		}
		return []Body{QuestionAsked{No: len(st.Questions) + 1, Delegate: c.Delegate, Target: c.Target, Text: c.Text, Item: st.Item}}, nil
	case AnswerQuestion, DeferQuestion:
		no := 0
		if a, ok := c.(AnswerQuestion); ok {
			no = a.No
		} else {
			no = c.(DeferQuestion).No
		}
		if no < 1 || no > len(st.Questions) {
			return nil, &StatusError{What: "question", No: no, Reason: CodeUnknown}
		}
		q := st.Questions[no-1]
		if q.Status == QuestionReplied {
			return nil, &StatusError{What: "question", No: no, Reason: CodeAnswered}
		}
		if a, ok := c.(AnswerQuestion); ok {
			if err := required("answer", a.Text); err != nil {
				return nil, err
			}
			return []Body{QuestionAnswered{No: no, By: a.By, Text: a.Text}}, nil
		}
		if q.Status == QuestionOnNotice {
			return nil, &StatusError{What: "question", No: no, Reason: CodeOnNotice}
		}
		return []Body{QuestionDeferred{No: no, Due: due(c.meta().At)}}, nil
	case FileMotion:
		if err := st.CheckPerson(c.Proposer, CodeAsProposer); err != nil {
			return nil, err
		}
		seen := map[string]bool{c.Proposer: true}
		for _, id := range c.CoSigners {
			if id == c.Proposer {
				return nil, &MotionError{Reason: CodeProposerCoSigns, ID: id}
			}
			if err := st.CheckPerson(id, CodeAsCoSigner); err != nil {
				return nil, err
			}
			if seen[id] {
				return nil, &MotionError{Reason: CodeDuplicate, ID: id}
			}
			seen[id] = true
		}
		if len(c.CoSigners) < MinCoSigners {
			return nil, &MotionError{Reason: CodeCoSigners, Got: len(c.CoSigners), Need: MinCoSigners}
		}
		if err := required("title", c.Title); err != nil {
			return nil, err
		}
		return []Body{MotionFiled{No: len(st.Motions) + 1, Proposer: c.Proposer, CoSigners: c.CoSigners,
			Title: c.Title, Text: c.Text, Category: c.Category}}, nil
	case AcceptMotion, DeclineMotion:
		no := 0
		if a, ok := c.(AcceptMotion); ok {
			no = a.No
		} else {
			no = c.(DeclineMotion).No
		}
		if no < 1 || no > len(st.Motions) {
			return nil, &StatusError{What: "motion", No: no, Reason: CodeUnknown}
		}
		if st.Motions[no-1].Status != MotionPending {
			return nil, &StatusError{What: "motion", No: no, Reason: CodeDecided}
		}
		if d, ok := c.(DeclineMotion); ok {
			if err := required("reason", d.Reason); err != nil {
				return nil, err
			}
			return []Body{MotionDeclined{No: no, Reason: d.Reason, Due: due(d.At)}}, nil
		}
		return []Body{MotionAccepted{No: no}}, nil
	case RecordVote:
		return st.decideVoteRecord(c)
	case StrikeVote:
		return st.decideStrike(c)
	case AddNote:
		if err := required("note", c.Text); err != nil {
			return nil, err
		}
		return []Body{NoteAdded{Item: st.Item, Text: c.Text}}, nil
	case RateOfficer:
		i := st.Item
		if i < 0 || st.Items[i].Status != ItemCurrent || st.Setup.Agenda[i].Kind != model.ItemReview {
			return nil, &FieldError{Field: "rating", Reason: "needs a review item under way", Code: CodeNoReview}
		}
		if !slices.Contains(st.Setup.Agenda[i].Officers, c.Officer) {
			return nil, &FieldError{Field: "officer", Reason: "is not one of this review's officers", Code: CodeNotOfficer}
		}
		if !c.Rating.Valid() {
			return nil, &FieldError{Field: "rating", Reason: "is not excellent, pass or fail", Code: CodeBadRating}
		}
		return []Body{OfficerRated{Item: i, Officer: c.Officer, Rating: c.Rating, Note: c.Note}}, nil
	}
	return nil, ErrUnknownCommand
}

// ResolutionNeed returns, for a vote of kind k taken now, the threshold of
// its kind (Meeting.Ordinary or Meeting.Charter), what it is measured
// against — all delegates, or those present when Meeting.VoteBase says so
// (RULES §0, §3) — and the votes for needed. ok is false for an unknown
// kind. The host's script reads it before the vote; the vote applies it.
func (st *State) ResolutionNeed(k model.VoteKind) (f model.Fraction, base, need int, ok bool) {
	m := st.Setup.Meeting
	switch k {
	case model.VoteOrdinary:
		f = m.Ordinary
	case model.VoteCharter:
		f = m.Charter
	default:
		return f, 0, 0, false
	}
	cnt := st.Count()
	base = cnt.Expected
	if m.VoteBase == model.BasePresent {
		base = cnt.Present
	}
	return f, base, rule.Need(f, base), true
}

// VoteFigures is a vote as the core records it: how it was voted, the
// counts, the attendance it used, the threshold, what it is measured
// against, the votes for needed and the outcome (RULES §0, §3).
type VoteFigures struct {
	VoteMethod model.VoteMethod `json:"vote_method"`
	For        int              `json:"for"`
	Against    int              `json:"against"`
	Abstain    int              `json:"abstain"`
	Count      Count            `json:"count"`
	Rule       model.Fraction   `json:"rule"`
	Base       int              `json:"base"`
	Need       int              `json:"need"`
	Adopted    bool             `json:"adopted"`
}

// voteFigures checks a vote of kind k with counts vc, taken now, and
// derives its outcome with ResolutionNeed: no vote before the meeting is
// declared valid (RULES §2), a known method, counts not negative, someone
// voted, and no more votes than formal delegates present (RULES §3).
func (st *State) voteFigures(k model.VoteKind, vc VoteCounts) (VoteFigures, error) {
	f, base, need, ok := st.ResolutionNeed(k)
	if !ok {
		return VoteFigures{}, &FieldError{Field: "kind", Reason: "is not ordinary or charter", Code: CodeBadKind}
	}
	if vc.Method != model.VoteHands && vc.Method != model.VoteBallot {
		return VoteFigures{}, &FieldError{Field: "method", Reason: "is not hands or ballot", Code: CodeBadMethod}
	}
	if err := st.declared(CodeVote); err != nil {
		return VoteFigures{}, err
	}
	if vc.For < 0 || vc.Against < 0 || vc.Abstain < 0 {
		return VoteFigures{}, &FieldError{Field: "counts", Reason: "are negative", Code: CodeNegative}
	}
	cnt := st.Count()
	switch sum := vc.For + vc.Against + vc.Abstain; {
	case sum == 0:
		return VoteFigures{}, &VoteCountError{Sum: 0, Present: cnt.Present, Reason: CodeNoVotes}
	case sum > cnt.Present:
		return VoteFigures{}, &VoteCountError{Sum: sum, Present: cnt.Present, Reason: CodeTooMany}
	}
	return VoteFigures{VoteMethod: vc.Method, For: vc.For, Against: vc.Against, Abstain: vc.Abstain,
		Count: cnt, Rule: f, Base: base, Need: need, Adopted: rule.Meets(f, vc.For, base)}, nil
}

// decideVoteRecord validates a vote and derives its outcome (voteFigures).
func (st *State) decideVoteRecord(c RecordVote) ([]Body, error) {
	if err := required("subject", c.Subject); err != nil {
		return nil, err
	}
	fig, err := st.voteFigures(c.Kind, VoteCounts{Method: c.Method, For: c.For, Against: c.Against, Abstain: c.Abstain})
	if err != nil {
		return nil, err
	}
	if c.Motion != 0 {
		if c.Motion < 1 || c.Motion > len(st.Motions) {
			return nil, &StatusError{What: "motion", No: c.Motion, Reason: CodeUnknown}
		}
		switch mo := st.Motions[c.Motion-1]; {
		case mo.Status != MotionAdmitted:
			return nil, &StatusError{What: "motion", No: c.Motion, Reason: CodeNotAdmitted}
		case mo.Vote != 0:
			return nil, &StatusError{What: "motion", No: c.Motion, Reason: CodeVoted}
		}
	}
	return []Body{VoteRecorded{
		No: len(st.Votes) + 1, Item: st.Item, Motion: c.Motion, Subject: c.Subject,
		Kind: c.Kind, Method: c.Method, For: c.For, Against: c.Against, Abstain: c.Abstain,
		Count: fig.Count, Rule: fig.Rule, Base: fig.Base, Need: fig.Need, Adopted: fig.Adopted,
	}}, nil
}

// decideStrike validates striking a vote (RULES §3).
func (st *State) decideStrike(c StrikeVote) ([]Body, error) {
	if c.No < 1 || c.No > len(st.Votes) {
		return nil, &StatusError{What: "vote", No: c.No, Reason: CodeUnknown}
	}
	r := st.Votes[c.No-1]
	if r.Struck != nil {
		return nil, &StatusError{What: "vote", No: c.No, Reason: CodeStruck}
	}
	if err := required("reason", c.Reason); err != nil {
		return nil, err
	}
	if r.Adopts != "" && st.Vote != nil && len(st.Vote.Rounds) > 0 {
		return nil, ErrVoteStarted
	}
	return []Body{VoteStruck{No: c.No, Reason: c.Reason}}, nil
}

// applyMeeting applies the agenda, question, motion, vote and note events;
// handled is false for any other event.
func (st *State) applyMeeting(e Event) (handled bool, err error) {
	bad := func(reason string) (bool, error) { return true, &CorruptError{e.Seq, reason} }
	switch b := e.Body.(type) {
	case ItemEnded:
		if b.Index != st.Item || st.Items[b.Index].Status != ItemCurrent {
			return bad("ends an item that is not under way")
		}
		if err := st.closeFloor(b.Index); err != nil {
			return true, err
		}
		it := &st.Items[b.Index]
		it.Status, it.Ended, it.Note = ItemDone, e.At, b.Note
		it.Endings++
	case ItemSkipped:
		if b.Index < 0 || b.Index >= len(st.Items) || st.Items[b.Index].Status != ItemPending {
			return bad("skips an item that has started")
		}
		st.Items[b.Index].Status, st.Items[b.Index].Note = ItemPassedOver, b.Reason
	case QuestionAsked:
		if b.No != len(st.Questions)+1 {
			return bad("question out of order")
		}
		st.Questions = append(st.Questions, &Question{No: b.No, Delegate: b.Delegate, Target: b.Target,
			Text: b.Text, Asked: e.At, Item: b.Item})
	case QuestionAnswered:
		if b.No < 1 || b.No > len(st.Questions) {
			return bad("answers an unknown question")
		}
		q := st.Questions[b.No-1]
		q.Status, q.Answer, q.AnsweredBy, q.Answered = QuestionReplied, b.Text, b.By, e.At
	case QuestionDeferred:
		if b.No < 1 || b.No > len(st.Questions) {
			return bad("defers an unknown question")
		}
		q := st.Questions[b.No-1]
		q.Status, q.Due = QuestionOnNotice, b.Due
	case MotionFiled:
		if b.No != len(st.Motions)+1 {
			return bad("motion out of order")
		}
		st.Motions = append(st.Motions, &Motion{No: b.No, Proposer: b.Proposer, CoSigners: b.CoSigners,
			Title: b.Title, Text: b.Text, Category: b.Category, Filed: e.At})
	case MotionAccepted:
		if b.No < 1 || b.No > len(st.Motions) {
			return bad("accepts an unknown motion")
		}
		st.Motions[b.No-1].Status, st.Motions[b.No-1].Decided = MotionAdmitted, e.At
	case MotionDeclined:
		if b.No < 1 || b.No > len(st.Motions) {
			return bad("declines an unknown motion")
		}
		mo := st.Motions[b.No-1]
		mo.Status, mo.Reason, mo.Due, mo.Decided = MotionNotAdmitted, b.Reason, b.Due, e.At
	case VoteRecorded:
		if b.No != len(st.Votes)+1 {
			return bad("vote out of order")
		}
		st.Votes = append(st.Votes, &Resolution{No: b.No, Item: b.Item, Motion: b.Motion, Subject: b.Subject,
			Kind: b.Kind, Method: b.Method, For: b.For, Against: b.Against, Abstain: b.Abstain, At: e.At,
			Count: b.Count, Rule: b.Rule, Base: b.Base, Need: b.Need, Adopted: b.Adopted})
		if b.Motion > 0 && b.Motion <= len(st.Motions) {
			st.Motions[b.Motion-1].Vote = b.No
		}
	case VoteStruck:
		if b.No < 1 || b.No > len(st.Votes) || st.Votes[b.No-1].Struck != nil {
			return bad("strikes an unknown or struck vote")
		}
		r := st.Votes[b.No-1]
		r.Struck, r.StruckReason = &Stamp{Seq: e.Seq, At: e.At, Count: st.Count()}, b.Reason
		if r.Motion > 0 && r.Motion <= len(st.Motions) && st.Motions[r.Motion-1].Vote == r.No {
			st.Motions[r.Motion-1].Vote = 0 // it may be voted again
		}
		if r.Adopts != "" && st.Vote != nil {
			st.Vote.restoreAdoptions(st.Setup.Election.Method, b.No)
		}
	case NoteAdded:
		st.Notes = append(st.Notes, Note{At: e.At, Item: b.Item, By: e.Actor, Text: b.Text})
	case OfficerRated:
		r := Rating{Item: b.Item, Officer: b.Officer, Rating: b.Rating, Note: b.Note, At: e.At}
		if j := slices.IndexFunc(st.Ratings, func(x Rating) bool { return x.Item == b.Item && x.Officer == b.Officer }); j >= 0 {
			st.Ratings[j] = r
		} else {
			st.Ratings = append(st.Ratings, r)
		}
	default:
		return false, nil
	}
	return true, nil
}
