package model

// The speakers' list (发言登记) and the deliberation in groups (分组审议)
// of an agenda item: the settings a congress is set up with. The rules
// that use them are in package session (docs/DELIBERATION.md).

// The default speaking times: three minutes a speech, one minute for a
// supplementary speech (补充发言) and a point of order (程序性动议).
const (
	DefaultSpeechSeconds = 180
	DefaultShortSeconds  = 60
	// MinSpeechSeconds and MaxSpeechSeconds bound a speaking time that is
	// set: ten seconds to an hour.
	MinSpeechSeconds = 10
	MaxSpeechSeconds = 3600
)

// FloorRules are the meeting's rules of the speakers' lists.
type FloorRules struct {
	// SpeechSeconds is the time of a speech (发言) and of an answer (答复);
	// 0 means DefaultSpeechSeconds.
	SpeechSeconds int `json:"speech_seconds,omitempty"`
	// ShortSeconds is the time of a supplementary speech (补充发言) and of
	// a point of order (程序性动议); 0 means DefaultShortSeconds.
	ShortSeconds int `json:"short_seconds,omitempty"`
	// FairOrder puts those who have not spoken on the item before those
	// who have, then those with fewer speeches in the whole congress
	// first; off, the list keeps the order of the requests. The host may
	// change it during the congress.
	FairOrder bool `json:"fair_order,omitempty"`
	// GuestsSpeak lets observers (列席) and invited guests (特邀) be put on
	// a speakers' list; off, only formal delegates may. The host may
	// change it during the congress.
	GuestsSpeak bool `json:"guests_speak,omitempty"`
}

// ItemFloor is one agenda item's speaking times and groups.
type ItemFloor struct {
	// SpeechSeconds and ShortSeconds replace the meeting's for this item
	// when not 0.
	SpeechSeconds int `json:"speech_seconds,omitempty"`
	ShortSeconds  int `json:"short_seconds,omitempty"`
	// InGroups deliberates the item in groups (分组审议): those of Groups,
	// or when Groups is empty one group per electoral unit.
	InGroups bool    `json:"in_groups,omitempty"`
	Groups   []Group `json:"groups,omitempty"`
}

// Group is one deliberation group (审议小组) of an item: its name, the
// electoral units whose delegates it holds, its convener (召集人) and its
// secretary (记录人), as the agenda file names them (the group's report
// may name them too).
type Group struct {
	Name      string   `json:"name"`
	Units     []string `json:"units"`
	Convener  string   `json:"convener,omitempty"`
	Secretary string   `json:"secretary,omitempty"`
}

// Speech returns the time of a speech on item it, in seconds: the item's
// own, else the meeting's, else DefaultSpeechSeconds.
func (r FloorRules) Speech(it Item) int {
	return first(it.Floor.SpeechSeconds, r.SpeechSeconds, DefaultSpeechSeconds)
}

// Short returns the time of a supplementary speech or a point of order on
// item it, in seconds: the item's own, else the meeting's, else
// DefaultShortSeconds.
func (r FloorRules) Short(it Item) int {
	return first(it.Floor.ShortSeconds, r.ShortSeconds, DefaultShortSeconds)
}

// first returns the first of vs that is not 0.
func first(vs ...int) int {
	for _, v := range vs {
		if v != 0 {
			return v
		}
	}
	return 0
}

// ItemGroups returns the deliberation groups of item i of the setup: the
// item's own, or one per electoral unit of the roster (in the order units
// first appear among the formal delegates) when it is deliberated in
// groups without naming them; nil when it is not deliberated in groups.
func (s Setup) ItemGroups(i int) []Group {
	if i < 0 || i >= len(s.Agenda) || !s.Agenda[i].Floor.InGroups {
		return nil
	}
	if gs := s.Agenda[i].Floor.Groups; len(gs) > 0 {
		return gs
	}
	var out []Group
	seen := map[string]bool{}
	for _, p := range s.Roster {
		if p.Kind == Formal && !seen[p.Unit] {
			seen[p.Unit] = true
			out = append(out, Group{Name: p.Unit, Units: []string{p.Unit}})
		}
	}
	return out
}
