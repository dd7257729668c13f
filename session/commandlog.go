package session

import (
	"fmt"

	"podium/model"
)

// ReplayCommands replays the log and calls fn, in order, with the command
// that caused each event, as its terminal gave it (podium log --commands).
// Executed in order on an empty log (podium apply), they reproduce the
// same events and the same state.
func ReplayCommands(log Log, fn func(Command) error) error {
	var st State
	strs := map[string]string{}
	return log.Replay(func(r Record) error {
		e, err := decode(r.Data, strs)
		if err != nil {
			return &CorruptError{r.Seq, err.Error()}
		}
		cmd := st.commandOf(e)
		if cmd == nil {
			return &CorruptError{e.Seq, fmt.Sprintf("no command causes a %s event", KindOf(e.Body).Name)}
		}
		if err := st.apply(e); err != nil {
			return err
		}
		return fn(cmd)
	})
}

// commandOf returns the command that caused e, st being the state before
// e; nil for a body no command causes.
func (st *State) commandOf(e Event) Command {
	m := Meta{At: e.At, Actor: e.Actor, Role: e.Role}
	switch b := e.Body.(type) {
	case Opened:
		return Open{Meta: m, Setup: b.Setup}
	case Marked:
		m.Terminal = b.Terminal
		if b.Undoes != 0 {
			return Undo{m}
		}
		return Mark{Meta: m, Person: b.Person, Status: b.Status}
	case Excused:
		m.Terminal = b.Terminal
		return Mark{Meta: m, Person: b.Person, Status: OnLeave, Reason: b.Reason}
	case ItemStarted:
		return StartItem{Meta: m, Index: b.Index}
	case DeclaredOpen:
		return DeclareOpen{m}
	case MethodAdopted:
		return AdoptMethod{Meta: m, Method: b.Method}
	case ScrutineersAdopted:
		return AdoptScrutineers{Meta: m, Scrutineer: b.Scrutineer, Chief: b.Chief, Counters: b.Counters}
	case MethodVoted:
		return AdoptMethod{Meta: m, Method: b.Method, Vote: b.counts()}
	case ScrutineersVoted:
		return AdoptScrutineers{Meta: m, Scrutineer: b.Scrutineer, Chief: b.Chief, Counters: b.Counters, Vote: b.counts()}
	case EntrySwitched:
		return SwitchEntry{Meta: m, To: b.To, Reason: b.Reason}
	case VoteStruck:
		return StrikeVote{Meta: m, No: b.No, Reason: b.Reason}
	case RoundOpened:
		return OpenRound{m}
	case BallotsIssued:
		return IssueBallots{Meta: m, N: b.N}
	case BallotsCollected:
		return CollectBallots{Meta: m, N: b.N}
	case BallotEntered:
		i := b.Index
		if cur := st.currentRound(); cur != nil && i == len(cur.Entries[e.Actor]) {
			i = -1 // keyed at the end of the stack, not a correction
		}
		return EnterBallot{Meta: m, Index: i, Ballot: b.Ballot}
	case BallotRemoved:
		return RemoveBallot{m}
	case TallyEntered:
		return EnterTally{Meta: m, Tally: b.Tally}
	case RoundDecided, LegacyRoundDecided:
		return DecideRound{m}
	case VacancyDeclared:
		return DeclareVacant{m}
	case ItemEnded:
		return EndItem{Meta: m, Note: b.Note}
	case ItemSkipped:
		return SkipItem{Meta: m, Index: b.Index, Reason: b.Reason}
	case QuestionAsked:
		return AskQuestion{Meta: m, Delegate: b.Delegate, Target: b.Target, Text: b.Text}
	case QuestionAnswered:
		return AnswerQuestion{Meta: m, No: b.No, By: b.By, Text: b.Text}
	case QuestionDeferred:
		return DeferQuestion{Meta: m, No: b.No}
	case MotionFiled:
		return FileMotion{Meta: m, Proposer: b.Proposer, CoSigners: b.CoSigners, Title: b.Title, Text: b.Text, Category: b.Category}
	case MotionAccepted:
		return AcceptMotion{Meta: m, No: b.No}
	case MotionDeclined:
		return DeclineMotion{Meta: m, No: b.No, Reason: b.Reason}
	case VoteRecorded:
		return RecordVote{Meta: m, Subject: b.Subject, Kind: b.Kind, Method: b.Method, For: b.For, Against: b.Against, Abstain: b.Abstain, Motion: b.Motion}
	case NoteAdded:
		return AddNote{Meta: m, Text: b.Text}
	case OfficerRated:
		return RateOfficer{Meta: m, Officer: b.Officer, Rating: b.Rating, Note: b.Note}
	case SurveyRecorded:
		items := make([]model.SurveyCount, len(b.Items))
		for i, it := range b.Items {
			items[i] = it.Count()
		}
		return RecordSurvey{Meta: m, File: b.File, Respondents: b.Respondents, Items: items}
	case StaffAuditRecorded:
		return RecordStaffAudit{Meta: m, File: b.File, Staff: b.Staff, Large: b.Large, DataErrors: b.DataErrors, Checks: b.Checks}
	case SpeakerAdded:
		return AddSpeaker{Meta: m, Person: b.Person, Kind: b.Kind, Name: b.Name}
	case SpeakerRemoved:
		return RemoveSpeaker{Meta: m, No: b.No}
	case SpeakerMoved:
		return MoveSpeaker{Meta: m, No: b.No, Position: b.Position}
	case SpeechStarted:
		return StartSpeech{Meta: m, No: b.No}
	case SpeechEnded:
		return EndSpeech{m}
	case SpeakersUndone:
		return UndoSpeakers{m}
	case GroupReported:
		return ReportGroup{Meta: m, Item: b.Item, Group: b.Group, Speakers: b.Speakers, Text: b.Text, Convener: b.Convener, Secretary: b.Secretary}
	case FloorRulesSet:
		return SetFloorRules{Meta: m, FairOrder: b.FairOrder, GuestsSpeak: b.GuestsSpeak}
	case TakenOver:
		return TakeOver{Meta: m, From: b.From}
	}
	return nil
}

// currentRound is the election's current round, or nil.
func (st *State) currentRound() *Round {
	if st.Vote == nil {
		return nil
	}
	return st.Vote.Current()
}
