package session

import (
	"fmt"
	"time"

	"podium/model"
)

// The floor of an agenda item (docs/DELIBERATION.md): its speakers' list
// (发言登记) — requests to speak in the order the rules give them, the
// speech under way with its time, the speeches given — and the reports of
// its deliberation groups (分组审议). Every step is an event; every time
// is a command's.

// SpeechKind is what a request to speak is.
type SpeechKind string

// The kinds of request. A point of order goes before every other request.
const (
	SpeechOrdinary   SpeechKind = "speech"     // 发言
	SpeechSupplement SpeechKind = "supplement" // 补充发言: a short time
	SpeechOrder      SpeechKind = "order"      // 程序性动议: a point of order, first, a short time
	SpeechReply      SpeechKind = "reply"      // 答复: the reporter's answer
)

// SpeechKinds returns the kinds of request in the order a screen offers
// them.
func SpeechKinds() []SpeechKind {
	return []SpeechKind{SpeechOrdinary, SpeechSupplement, SpeechOrder, SpeechReply}
}

// Valid reports whether k is one of SpeechKinds.
func (k SpeechKind) Valid() bool {
	switch k {
	case SpeechOrdinary, SpeechSupplement, SpeechOrder, SpeechReply:
		return true
	}
	return false
}

// Short reports whether a speech of kind k has the short time (补充发言,
// 程序性动议).
func (k SpeechKind) Short() bool { return k == SpeechSupplement || k == SpeechOrder }

// counts reports whether a speech of kind k counts for the fairness rule:
// speeches and supplementary speeches do; points of order and answers do
// not.
func (k SpeechKind) counts() bool { return k == SpeechOrdinary || k == SpeechSupplement }

// SpeechStatus is where a request to speak stands.
type SpeechStatus uint8

const (
	// SpeechWaiting is on the list.
	SpeechWaiting SpeechStatus = iota
	// SpeechSpeaking is under way.
	SpeechSpeaking
	// SpeechSpoken was given; Seconds is how long it took.
	SpeechSpoken
	// SpeechRemoved was taken off the list before it was given.
	SpeechRemoved
	// SpeechUndone was put on the list by mistake and taken back (undo):
	// it never stood; its number is not used again.
	SpeechUndone
)

// AmberSeconds is when a speech's countdown turns amber: this many
// seconds before its time is up.
const AmberSeconds = 30

// Phase is how a speech stands against its time: green, amber in its last
// AmberSeconds, over once its time is up (the overtime then counts up).
type Phase uint8

// The phases of a speech's countdown.
const (
	PhaseGreen Phase = iota
	PhaseAmber
	PhaseOver
)

// Speech is one request to speak and, once given, the speech.
type Speech struct {
	No        int // 1-based, over the whole congress
	Item      int // the agenda item whose list it is on
	Person    string
	Name      string // who answers, for an answer by someone not on the roster
	Kind      SpeechKind
	Status    SpeechStatus
	Requested time.Time
	By        string // the actor who put it on the list
	Started   time.Time
	Ended     time.Time
	Limit     int // seconds allowed, set when it started
	Seconds   int // seconds spoken, set when it ended
	Removed   time.Time
}

// Elapsed is how long the speech has run at now: to its end once ended.
func (s Speech) Elapsed(now time.Time) time.Duration {
	switch {
	case s.Started.IsZero():
		return 0
	case !s.Ended.IsZero():
		return s.Ended.Sub(s.Started)
	case now.Before(s.Started):
		return 0
	}
	return now.Sub(s.Started)
}

// Left is the time left at now: negative once over (the overtime).
func (s Speech) Left(now time.Time) time.Duration {
	return time.Duration(s.Limit)*time.Second - s.Elapsed(now)
}

// Phase is the speech's phase at now.
func (s Speech) Phase(now time.Time) Phase {
	switch left := s.Left(now); {
	case left < 0:
		return PhaseOver
	case left <= AmberSeconds*time.Second:
		return PhaseAmber
	}
	return PhaseGreen
}

// Over is the overtime of a speech given: the seconds spoken beyond its
// time, 0 when within it.
func (s Speech) Over() int { return max(0, s.Seconds-s.Limit) }

// Floor is one agenda item's speakers' list now.
type Floor struct {
	// Waiting are the numbers of the requests on the list, in the order
	// they will be called.
	Waiting []int
	// Speaking is the number of the speech under way, 0 when none.
	Speaking int
	// undo are the changes of the list that may be taken back, last on
	// top; cleared when the item ends.
	undo []floorRef
}

// floorRef is a change of a speakers' list that may be undone: the event,
// what it did to which request, and where the request stood before.
type floorRef struct {
	seq uint64
	op  EventKind // kindSpeakerAdded, kindSpeakerRemoved, kindSpeakerMoved, kindSpeechStarted, kindSpeechEnded
	no  int
	pos int // the request's place on the list before (removed, moved, started)
}

// CanUndo reports whether the list has a change to take back.
func (f Floor) CanUndo() bool { return len(f.undo) > 0 }

// GroupReport is a deliberation group's report on an item: its summary of
// opinions (审议意见) and how many spoke; a later report of the same group
// replaces it (Revision counts them).
type GroupReport struct {
	Item      int
	Group     string
	Convener  string
	Secretary string
	Speakers  int
	Text      string
	At        time.Time
	By        string // the actor (terminal) that entered it
	Revision  int    // 1 for the first report, 2 after a correction …
}

// AddSpeaker puts a request to speak on the current item's list: Person
// (a roster id) asks for Kind; an answer (reply) may instead name who
// answers (Name), the item's presenter when not on the roster.
type AddSpeaker struct {
	Meta
	Person string     `json:"person" apply:"optional"`
	Kind   SpeechKind `json:"speech_kind"`
	Name   string     `json:"name" apply:"optional"`
}

// RemoveSpeaker takes request No off the list before it is given.
type RemoveSpeaker struct {
	Meta
	No int `json:"no"`
}

// MoveSpeaker moves request No to Position (0: first) on the list; points
// of order stay before every other request.
type MoveSpeaker struct {
	Meta
	No       int `json:"no"`
	Position int `json:"position"`
}

// StartSpeech gives the floor to request No, or to the first on the list
// when No is 0. Refused while a speech is under way.
type StartSpeech struct {
	Meta
	No int `json:"no" apply:"optional"`
}

// EndSpeech ends the speech under way; its duration is recorded.
type EndSpeech struct{ Meta }

// UndoSpeakers takes back the last change of the current item's list that
// still stands: a request added, removed or moved, a speech started or
// ended by mistake.
type UndoSpeakers struct{ Meta }

// ReportGroup records deliberation group Group's report on item Item: the
// summary of its opinions, how many spoke, and its convener and secretary
// (left out: as the agenda file names them).
type ReportGroup struct {
	Meta
	Item      int    `json:"item"`
	Group     string `json:"group"`
	Speakers  int    `json:"speakers"`
	Text      string `json:"text"`
	Convener  string `json:"convener" apply:"optional"`
	Secretary string `json:"secretary" apply:"optional"`
}

// SetFloorRules changes the meeting's fairness rule and whether observers
// and guests may be put on a speakers' list, from now on.
type SetFloorRules struct {
	Meta
	FairOrder   bool `json:"fair_order"`
	GuestsSpeak bool `json:"guests_speak"`
}

// SpeakerAdded puts request No on item Item's list at Position (0-based),
// where the core's order put it.
type SpeakerAdded struct {
	No       int        `json:"no"`
	Item     int        `json:"item"`
	Person   string     `json:"person"`
	Name     string     `json:"name"`
	Kind     SpeechKind `json:"speech_kind"`
	Position int        `json:"position"`
}

// SpeakerRemoved takes request No off its list.
type SpeakerRemoved struct {
	No int `json:"no"`
}

// SpeakerMoved moves request No to Position on its list.
type SpeakerMoved struct {
	No       int `json:"no"`
	Position int `json:"position"`
}

// SpeechStarted gives the floor to request No for Limit seconds.
type SpeechStarted struct {
	No    int `json:"no"`
	Limit int `json:"limit"`
}

// SpeechEnded ends speech No after Seconds seconds.
type SpeechEnded struct {
	No      int `json:"no"`
	Seconds int `json:"seconds"`
}

// SpeakersUndone takes back the change of request No's list stored as
// event Undoes.
type SpeakersUndone struct {
	No     int    `json:"no"`
	Undoes uint64 `json:"undoes"`
}

// GroupReported records a deliberation group's report (the convener and
// secretary as they stand, the file's when the command named none).
type GroupReported struct {
	Item      int    `json:"item"`
	Group     string `json:"group"`
	Convener  string `json:"convener"`
	Secretary string `json:"secretary"`
	Speakers  int    `json:"speakers"`
	Text      string `json:"text"`
}

// FloorRulesSet changes the meeting's fairness rule and whether observers
// and guests may speak.
type FloorRulesSet struct {
	FairOrder   bool `json:"fair_order"`
	GuestsSpeak bool `json:"guests_speak"`
}

func (SpeakerAdded) kind() EventKind   { return kindSpeakerAdded }
func (SpeakerRemoved) kind() EventKind { return kindSpeakerRemoved }
func (SpeakerMoved) kind() EventKind   { return kindSpeakerMoved }
func (SpeechStarted) kind() EventKind  { return kindSpeechStarted }
func (SpeechEnded) kind() EventKind    { return kindSpeechEnded }
func (SpeakersUndone) kind() EventKind { return kindSpeakersUndone }
func (GroupReported) kind() EventKind  { return kindGroupReported }
func (FloorRulesSet) kind() EventKind  { return kindFloorRulesSet }

// checkFloorSetup checks the setup's floor: speaking times in range, the
// groups of each item named, distinct, holding units of the roster, each
// unit in one group at most.
func checkFloorSetup(s model.Setup) error {
	secs := func(field string, v int) error {
		if v != 0 && (v < model.MinSpeechSeconds || v > model.MaxSpeechSeconds) {
			return &SetupError{field, fmt.Sprintf("%d is not a speaking time from %d to %d seconds", v, model.MinSpeechSeconds, model.MaxSpeechSeconds)}
		}
		return nil
	}
	if err := secs("meeting.floor.speech_seconds", s.Meeting.Floor.SpeechSeconds); err != nil {
		return err
	}
	if err := secs("meeting.floor.short_seconds", s.Meeting.Floor.ShortSeconds); err != nil {
		return err
	}
	units := map[string]bool{}
	for _, p := range s.Roster {
		units[p.Unit] = true
	}
	for i, it := range s.Agenda {
		at := fmt.Sprintf("agenda[%d].floor", i)
		if err := secs(at+".speech_seconds", it.Floor.SpeechSeconds); err != nil {
			return err
		}
		if err := secs(at+".short_seconds", it.Floor.ShortSeconds); err != nil {
			return err
		}
		if len(it.Floor.Groups) > 0 && !it.Floor.InGroups {
			return &SetupError{at + ".groups", "are given but in_groups is off"}
		}
		names, taken := map[string]bool{}, map[string]string{}
		for j, g := range it.Floor.Groups {
			gat := fmt.Sprintf("%s.groups[%d]", at, j)
			switch {
			case g.Name == "":
				return &SetupError{gat + ".name", "is empty"}
			case names[g.Name]:
				return &SetupError{gat + ".name", fmt.Sprintf("%q names two groups", g.Name)}
			case len(g.Units) == 0:
				return &SetupError{gat + ".units", "is empty"}
			}
			names[g.Name] = true
			for _, u := range g.Units {
				if !units[u] {
					return &SetupError{gat + ".units", fmt.Sprintf("%q is not a unit of the roster", u)}
				}
				if other, ok := taken[u]; ok {
					return &SetupError{gat + ".units", fmt.Sprintf("%q is also in group %q", u, other)}
				}
				taken[u] = g.Name
			}
		}
	}
	return nil
}
