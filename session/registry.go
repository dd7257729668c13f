package session

import (
	"reflect"
	"slices"
)

// commandSpec is everything the core knows about one command, in one
// place: adding a command is one entry here (TestRegistry fails on a
// command type that has none, on a kind no command causes, and on a
// command with no section in docs/COMMANDS.md).
type commandSpec struct {
	// name is the command's stable snake_case name: "cmd" in a line of
	// podium apply (docs/COMMANDS.md). Never renamed.
	name string
	// zero is the command with the defaults a line of podium apply starts
	// from (EnterBallot's Index -1: append).
	zero Command
	// roles may give the command besides the host (Permitted).
	roles []Role
	// decide validates the command against the state and returns its
	// events, or a typed refusal.
	decide func(*State, Command) ([]Body, error)
	// emits are the kinds of event the command may cause.
	emits []EventKind
}

var (
	desk      = []Role{RoleDesk}
	secretary = []Role{RoleSecretary}
	teller    = []Role{RoleTeller}
)

// registry is every command of the session.
var registry = []commandSpec{
	{"open", Open{}, nil, decideOpen, []EventKind{kindOpened}},
	{"mark", Mark{}, desk, decideMark, []EventKind{kindMarked, kindExcused}},
	{"undo", Undo{}, desk, decideUndo, []EventKind{kindMarked}},
	{"start_item", StartItem{}, nil, decideStartItem, []EventKind{kindSpeechEnded, kindItemStarted}},
	{"declare_open", DeclareOpen{}, nil, decideDeclareOpen, []EventKind{kindDeclaredOpen}},

	{"end_item", EndItem{}, nil, decideMeeting, []EventKind{kindSpeechEnded, kindItemEnded}},
	{"skip_item", SkipItem{}, nil, decideMeeting, []EventKind{kindItemSkipped}},
	{"ask_question", AskQuestion{}, secretary, decideMeeting, []EventKind{kindQuestionAsked}},
	{"answer_question", AnswerQuestion{}, secretary, decideMeeting, []EventKind{kindQuestionAnswered}},
	{"defer_question", DeferQuestion{}, secretary, decideMeeting, []EventKind{kindQuestionDeferred}},
	{"file_motion", FileMotion{}, secretary, decideMeeting, []EventKind{kindMotionFiled}},
	{"accept_motion", AcceptMotion{}, secretary, decideMeeting, []EventKind{kindMotionAccepted}},
	{"decline_motion", DeclineMotion{}, secretary, decideMeeting, []EventKind{kindMotionDeclined}},
	{"record_vote", RecordVote{}, nil, decideMeeting, []EventKind{kindVoteRecorded}},
	{"strike_vote", StrikeVote{}, nil, decideMeeting, []EventKind{kindVoteStruck}},
	{"add_note", AddNote{}, secretary, decideMeeting, []EventKind{kindNoteAdded}},
	{"rate_officer", RateOfficer{}, nil, decideMeeting, []EventKind{kindOfficerRated}},
	{"record_survey", RecordSurvey{}, secretary, decideSurvey, []EventKind{kindSurveyRecorded}},
	{"record_staff_audit", RecordStaffAudit{}, secretary, decideStaffAudit, []EventKind{kindStaffAuditRecorded}},

	{"adopt_method", AdoptMethod{}, nil, decideVote, []EventKind{kindMethodAdopted, kindMethodVoted}},
	{"adopt_scrutineers", AdoptScrutineers{}, nil, decideVote, []EventKind{kindScrutineersAdopted, kindScrutineersVoted}},
	{"open_round", OpenRound{}, nil, decideVote, []EventKind{kindRoundOpened}},
	{"issue_ballots", IssueBallots{}, nil, decideVote, []EventKind{kindBallotsIssued}},
	{"collect_ballots", CollectBallots{}, nil, decideVote, []EventKind{kindBallotsCollected}},
	{"enter_ballot", EnterBallot{Index: -1}, teller, decideVote, []EventKind{kindBallotEntered}},
	{"remove_ballot", RemoveBallot{}, teller, decideVote, []EventKind{kindBallotRemoved}},
	{"enter_tally", EnterTally{}, teller, decideVote, []EventKind{kindTallyEntered}},
	{"switch_entry", SwitchEntry{}, nil, decideVote, []EventKind{kindEntrySwitched}},
	{"decide_round", DecideRound{}, nil, decideVote, []EventKind{kindRoundDecided}},
	{"declare_vacant", DeclareVacant{}, nil, decideVote, []EventKind{kindVacancyDeclared}},

	{"add_speaker", AddSpeaker{}, secretary, decideFloor, []EventKind{kindSpeakerAdded}},
	{"remove_speaker", RemoveSpeaker{}, secretary, decideFloor, []EventKind{kindSpeakerRemoved}},
	{"move_speaker", MoveSpeaker{}, secretary, decideFloor, []EventKind{kindSpeakerMoved}},
	{"start_speech", StartSpeech{}, secretary, decideFloor, []EventKind{kindSpeechStarted}},
	{"end_speech", EndSpeech{}, secretary, decideFloor, []EventKind{kindSpeechEnded}},
	{"undo_speakers", UndoSpeakers{}, secretary, decideFloor, []EventKind{kindSpeakersUndone}},
	{"report_group", ReportGroup{}, secretary, decideFloor, []EventKind{kindGroupReported}},
	{"set_floor_rules", SetFloorRules{}, nil, decideFloor, []EventKind{kindFloorRulesSet}},
	{"take_over", TakeOver{}, nil, decideTakeOver, []EventKind{kindTakenOver}},
}

var (
	specByType = map[reflect.Type]*commandSpec{}
	specByName = map[string]*commandSpec{}
)

func init() {
	for i := range registry {
		c := &registry[i]
		specByType[reflect.TypeOf(c.zero)] = c
		specByName[c.name] = c
	}
}

// commandOf returns the registry entry of cmd's type, or nil.
func commandOf(cmd Command) *commandSpec {
	if cmd == nil {
		return nil
	}
	return specByType[reflect.TypeOf(cmd)]
}

// CommandName returns the stable name of cmd's command (e.g. "mark"), or
// "" for a command the session does not know.
func CommandName(cmd Command) string {
	if c := commandOf(cmd); c != nil {
		return c.name
	}
	return ""
}

// CommandNames returns the stable names of every command, in the order of
// the registry.
func CommandNames() []string {
	names := make([]string, len(registry))
	for i, c := range registry {
		names[i] = c.name
	}
	return names
}

// permits reports whether role r may give the command.
func (c *commandSpec) permits(r Role) bool {
	return r == "" || r == RoleHost || slices.Contains(c.roles, r)
}
