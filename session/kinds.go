package session

import (
	"fmt"
	"reflect"
)

// EventKind is the number an event's kind is stored under (the second
// byte of every record). The numbers are a contract for as long as logs
// are kept: each is listed once in kindTable, explicitly, and is never
// renumbered, renamed or reused; a new kind takes a new number (see
// docs/FORMAT.md).
type EventKind uint8

// The event kinds, by their stored numbers. 1–5 are the meeting's
// attendance and opening, 16–29 the election, 40–51 the congress's
// business, 60–61 on the self-assessment, 70–77 the floor (speakers'
// lists and groups), 90 on who writes the log (a takeover). Gaps are free
// numbers, never used before.
const (
	kindOpened       EventKind = 1
	kindMarked       EventKind = 2
	kindItemStarted  EventKind = 3
	kindDeclaredOpen EventKind = 4
	kindExcused      EventKind = 5

	kindMethodAdopted      EventKind = 16
	kindScrutineersAdopted EventKind = 17
	kindRoundOpened        EventKind = 18
	kindBallotsIssued      EventKind = 19
	kindBallotsCollected   EventKind = 20
	kindBallotEntered      EventKind = 21
	kindBallotRemoved      EventKind = 22
	kindTallyEntered       EventKind = 23
	kindLegacyRoundDecided EventKind = 24 // codec 1 only: replay recounts it
	kindVacancyDeclared    EventKind = 25
	kindRoundDecided       EventKind = 26 // carries the result (codec 2)
	kindEntrySwitched      EventKind = 27
	kindMethodVoted        EventKind = 28
	kindScrutineersVoted   EventKind = 29

	kindItemEnded        EventKind = 40
	kindItemSkipped      EventKind = 41
	kindQuestionAsked    EventKind = 42
	kindQuestionAnswered EventKind = 43
	kindQuestionDeferred EventKind = 44
	kindMotionFiled      EventKind = 45
	kindMotionAccepted   EventKind = 46
	kindMotionDeclined   EventKind = 47
	kindVoteRecorded     EventKind = 48
	kindNoteAdded        EventKind = 49
	kindOfficerRated     EventKind = 50
	kindVoteStruck       EventKind = 51

	kindSurveyRecorded     EventKind = 60
	kindStaffAuditRecorded EventKind = 61

	kindSpeakerAdded   EventKind = 70
	kindSpeakerRemoved EventKind = 71
	kindSpeakerMoved   EventKind = 72
	kindSpeechStarted  EventKind = 73
	kindSpeechEnded    EventKind = 74
	kindSpeakersUndone EventKind = 75
	kindGroupReported  EventKind = 76
	kindFloorRulesSet  EventKind = 77

	kindTakenOver EventKind = 90 // a standby took over: a new epoch
)

// KindInfo describes one event kind: its stored number, its stable
// snake_case name (podium log's "kind", docs/FORMAT.md) and its body.
type KindInfo struct {
	Kind EventKind
	Name string
	// Legacy kinds are read from old logs and never written again.
	Legacy bool
	body   Body // the zero body, for its type
}

// kindTable is every event kind there ever was, in number order. Adding a
// kind: a new number and name here, its body type, its codec entry, its
// golden fixture and its section of docs/FORMAT.md (tests check each).
var kindTable = []KindInfo{
	{Kind: kindOpened, Name: "opened", body: Opened{}},
	{Kind: kindMarked, Name: "marked", body: Marked{}},
	{Kind: kindItemStarted, Name: "item_started", body: ItemStarted{}},
	{Kind: kindDeclaredOpen, Name: "declared_open", body: DeclaredOpen{}},
	{Kind: kindExcused, Name: "excused", body: Excused{}},

	{Kind: kindMethodAdopted, Name: "method_adopted", body: MethodAdopted{}},
	{Kind: kindScrutineersAdopted, Name: "scrutineers_adopted", body: ScrutineersAdopted{}},
	{Kind: kindRoundOpened, Name: "round_opened", body: RoundOpened{}},
	{Kind: kindBallotsIssued, Name: "ballots_issued", body: BallotsIssued{}},
	{Kind: kindBallotsCollected, Name: "ballots_collected", body: BallotsCollected{}},
	{Kind: kindBallotEntered, Name: "ballot_entered", body: BallotEntered{}},
	{Kind: kindBallotRemoved, Name: "ballot_removed", body: BallotRemoved{}},
	{Kind: kindTallyEntered, Name: "tally_entered", body: TallyEntered{}},
	{Kind: kindLegacyRoundDecided, Name: "round_decided_legacy", Legacy: true, body: LegacyRoundDecided{}},
	{Kind: kindVacancyDeclared, Name: "vacancy_declared", body: VacancyDeclared{}},
	{Kind: kindRoundDecided, Name: "round_decided", body: RoundDecided{}},
	{Kind: kindEntrySwitched, Name: "entry_switched", body: EntrySwitched{}},
	{Kind: kindMethodVoted, Name: "method_voted", body: MethodVoted{}},
	{Kind: kindScrutineersVoted, Name: "scrutineers_voted", body: ScrutineersVoted{}},

	{Kind: kindItemEnded, Name: "item_ended", body: ItemEnded{}},
	{Kind: kindItemSkipped, Name: "item_skipped", body: ItemSkipped{}},
	{Kind: kindQuestionAsked, Name: "question_asked", body: QuestionAsked{}},
	{Kind: kindQuestionAnswered, Name: "question_answered", body: QuestionAnswered{}},
	{Kind: kindQuestionDeferred, Name: "question_deferred", body: QuestionDeferred{}},
	{Kind: kindMotionFiled, Name: "motion_filed", body: MotionFiled{}},
	{Kind: kindMotionAccepted, Name: "motion_accepted", body: MotionAccepted{}},
	{Kind: kindMotionDeclined, Name: "motion_declined", body: MotionDeclined{}},
	{Kind: kindVoteRecorded, Name: "vote_recorded", body: VoteRecorded{}},
	{Kind: kindNoteAdded, Name: "note_added", body: NoteAdded{}},
	{Kind: kindOfficerRated, Name: "officer_rated", body: OfficerRated{}},
	{Kind: kindVoteStruck, Name: "vote_struck", body: VoteStruck{}},

	{Kind: kindSurveyRecorded, Name: "survey_recorded", body: SurveyRecorded{}},
	{Kind: kindStaffAuditRecorded, Name: "staff_audit_recorded", body: StaffAuditRecorded{}},

	{Kind: kindSpeakerAdded, Name: "speaker_added", body: SpeakerAdded{}},
	{Kind: kindSpeakerRemoved, Name: "speaker_removed", body: SpeakerRemoved{}},
	{Kind: kindSpeakerMoved, Name: "speaker_moved", body: SpeakerMoved{}},
	{Kind: kindSpeechStarted, Name: "speech_started", body: SpeechStarted{}},
	{Kind: kindSpeechEnded, Name: "speech_ended", body: SpeechEnded{}},
	{Kind: kindSpeakersUndone, Name: "speakers_undone", body: SpeakersUndone{}},
	{Kind: kindGroupReported, Name: "group_reported", body: GroupReported{}},
	{Kind: kindFloorRulesSet, Name: "floor_rules_set", body: FloorRulesSet{}},
	{Kind: kindTakenOver, Name: "taken_over", body: TakenOver{}},
}

// kindByNumber indexes kindTable by number (nil: no such kind).
var kindByNumber = func() (t [256]*KindInfo) {
	for i := range kindTable {
		k := &kindTable[i]
		if t[k.Kind] != nil {
			panic(fmt.Sprintf("session: event kind %d listed twice", k.Kind)) // caught by TestKindTable
		}
		t[k.Kind] = k
	}
	return t
}()

// Kinds returns every event kind, in number order.
func Kinds() []KindInfo { return append([]KindInfo(nil), kindTable...) }

// KindOf returns the kind of an event body.
func KindOf(b Body) KindInfo {
	if k := kindByNumber[b.kind()]; k != nil {
		return *k
	}
	return KindInfo{Kind: b.kind(), Name: fmt.Sprintf("kind_%d", b.kind())}
}

// BodyType returns the Go type of the kind's body.
func (k KindInfo) BodyType() reflect.Type { return reflect.TypeOf(k.body) }
