package session

import (
	"slices"
	"strings"
	"time"

	"podium/model"
)

// The rules of the floor (docs/DELIBERATION.md):
//
//	F1 a speech starts only when none is under way;
//	F2 ending an item (or moving on to another) ends its speech;
//	F3 a point of order goes before every other request: it is put after
//	   the points of order already waiting and before all the rest, none
//	   of the rest is given the floor while one waits, and a move keeps
//	   them first;
//	F4 the order is stable and deterministic: a request's place is
//	   decided when it is put on the list, by the list and the speeches
//	   given so far, and stored with it; later requests never pass it
//	   except by these rules;
//	F5 with the fairness rule a speech or supplementary speech goes before
//	   the first waiting speech or supplementary speech of someone who has
//	   spoken more — on this item first, then in the whole congress —
//	   and after everyone who has spoken as much (ties keep the order of
//	   the requests);
//	F6 every time is a command's: a speech's start and end are its
//	   events' times, its duration their difference in whole seconds,
//	   stored with the end.

// when is the time an event of cmd will carry (Session.Execute): the
// command's, or the last event's when the command is dated a moment
// before it.
func (st *State) when(m Meta) time.Time {
	at := time.Unix(0, m.At.UnixNano()).UTC()
	if at.Before(st.LastAt) {
		return st.LastAt
	}
	return at
}

// speech returns request no, or nil.
func (st *State) speech(no int) *Speech {
	if no < 1 || no > len(st.Speeches) {
		return nil
	}
	return st.Speeches[no-1]
}

// Speaking returns the speech under way on the current item, or nil.
func (st *State) Speaking() *Speech {
	if st.Item < 0 || st.Item >= len(st.Floors) {
		return nil
	}
	return st.speech(st.Floors[st.Item].Speaking)
}

// currentFloor is the current item's list; ErrNoCurrentItem when no item
// is under way.
func (st *State) currentFloor() (*Floor, error) {
	if st.Item < 0 || st.Items[st.Item].Status != ItemCurrent {
		return nil, ErrNoCurrentItem
	}
	return &st.Floors[st.Item], nil
}

// waiting returns request no of the current item's list and its place.
func (st *State) waiting(f *Floor, no int) (*Speech, int, error) {
	s := st.speech(no)
	if s == nil || s.Item != st.Item {
		return nil, 0, &SpeakerError{No: no, Reason: CodeNoRequest}
	}
	pos := slices.Index(f.Waiting, no)
	if pos < 0 {
		return nil, 0, &SpeakerError{No: no, ID: s.Person, Name: st.speakerName(s), Reason: CodeNotWaiting}
	}
	return s, pos, nil
}

// speakerName is who speaks: the person's name, or the name given.
func (st *State) speakerName(s *Speech) string {
	if i, ok := st.index[s.Person]; ok {
		return st.Setup.Roster[i].Name
	}
	return s.Name
}

// orders is how many points of order lead the list (F3 keeps them first).
func (st *State) orders(f *Floor) int {
	n := 0
	for n < len(f.Waiting) && st.speech(f.Waiting[n]).Kind == SpeechOrder {
		n++
	}
	return n
}

// fairKey is how much a person has spoken, for F5: whether on item i
// (0 or 1), and how many speeches in the whole congress.
func (st *State) fairKey(i int, person string) [2]int {
	var k [2]int
	if person == "" {
		return k
	}
	for _, s := range st.Speeches {
		if s.Person != person || !s.Kind.counts() || (s.Status != SpeechSpeaking && s.Status != SpeechSpoken) {
			continue
		}
		if s.Item == i {
			k[0] = 1
		}
		k[1]++
	}
	return k
}

// place is where a new request of kind k by person goes on item i's list
// (F3, F5).
func (st *State) place(i int, f *Floor, person string, k SpeechKind) int {
	n := st.orders(f)
	switch {
	case k == SpeechOrder:
		return n
	case !st.FloorRules.FairOrder || !k.counts():
		return len(f.Waiting)
	}
	key := st.fairKey(i, person)
	for j := n; j < len(f.Waiting); j++ {
		q := st.speech(f.Waiting[j])
		if !q.Kind.counts() {
			continue
		}
		if qk := st.fairKey(i, q.Person); qk[0] > key[0] || qk[0] == key[0] && qk[1] > key[1] {
			return j
		}
	}
	return len(f.Waiting)
}

// limit is the time of a speech of kind k on item i, in seconds.
func (st *State) limit(i int, k SpeechKind) int {
	if k.Short() {
		return st.FloorRules.Short(st.Setup.Agenda[i])
	}
	return st.FloorRules.Speech(st.Setup.Agenda[i])
}

// endSpeech returns the end of the speech under way on the current item
// at the time of m, or nothing when none is (F2, F6).
func (st *State) endSpeech(m Meta) []Body {
	s := st.Speaking()
	if s == nil {
		return nil
	}
	return []Body{SpeechEnded{No: s.No, Seconds: seconds(s.Started, st.when(m))}}
}

// seconds is the whole seconds from start to end, never negative.
func seconds(start, end time.Time) int { return max(0, int(end.Sub(start)/time.Second)) }

// groupMembers is how many people of the roster group g holds.
func (st *State) groupMembers(g model.Group) int {
	n := 0
	for _, p := range st.Setup.Roster {
		if slices.Contains(g.Units, p.Unit) {
			n++
		}
	}
	return n
}

// Report returns the latest report of group g on item i.
func (st *State) Report(i int, g string) (GroupReport, bool) {
	for _, r := range st.Reports {
		if r.Item == i && r.Group == g {
			return r, true
		}
	}
	return GroupReport{}, false
}

// decideFloor validates the commands of the floor; see decide.
func decideFloor(st *State, cmd Command) ([]Body, error) {
	switch c := cmd.(type) {
	case AddSpeaker:
		return st.decideAddSpeaker(c)
	case ReportGroup:
		return st.decideReport(c)
	case SetFloorRules:
		if st.FloorRules.FairOrder == c.FairOrder && st.FloorRules.GuestsSpeak == c.GuestsSpeak {
			return nil, ErrSameFloorRules
		}
		return []Body{FloorRulesSet{FairOrder: c.FairOrder, GuestsSpeak: c.GuestsSpeak}}, nil
	}
	f, err := st.currentFloor()
	if err != nil {
		return nil, err
	}
	switch c := cmd.(type) {
	case RemoveSpeaker:
		if _, _, err := st.waiting(f, c.No); err != nil {
			return nil, err
		}
		return []Body{SpeakerRemoved{No: c.No}}, nil
	case MoveSpeaker:
		s, pos, err := st.waiting(f, c.No)
		if err != nil {
			return nil, err
		}
		if c.Position < 0 || c.Position >= len(f.Waiting) || c.Position == pos {
			return nil, &SpeakerError{No: c.No, ID: s.Person, Name: st.speakerName(s), Reason: CodeBadPosition}
		}
		if n := st.orders(f); (s.Kind == SpeechOrder) != (c.Position < n) {
			return nil, &SpeakerError{No: c.No, ID: s.Person, Name: st.speakerName(s), Reason: CodeOrderFirst}
		}
		return []Body{SpeakerMoved{No: c.No, Position: c.Position}}, nil
	case StartSpeech:
		if s := st.speech(f.Speaking); s != nil {
			return nil, &SpeechRunningError{No: s.No, ID: s.Person, Name: st.speakerName(s)}
		}
		no := c.No
		if no == 0 {
			if len(f.Waiting) == 0 {
				return nil, &SpeakerError{Reason: CodeListEmpty}
			}
			no = f.Waiting[0]
		}
		s, _, err := st.waiting(f, no)
		if err != nil {
			return nil, err
		}
		if first := st.speech(f.Waiting[0]); s.Kind != SpeechOrder && first.Kind == SpeechOrder {
			return nil, &SpeakerError{No: first.No, ID: first.Person, Name: st.speakerName(first), Reason: CodeOrderFirst}
		}
		return []Body{SpeechStarted{No: no, Limit: st.limit(st.Item, s.Kind)}}, nil
	case EndSpeech:
		ended := st.endSpeech(c.Meta)
		if ended == nil {
			return nil, ErrNoSpeech
		}
		return ended, nil
	case UndoSpeakers:
		if len(f.undo) == 0 {
			return nil, ErrFloorUnchanged
		}
		top := f.undo[len(f.undo)-1]
		return []Body{SpeakersUndone{No: top.no, Undoes: top.seq}}, nil
	}
	return nil, ErrUnknownCommand
}

// decideAddSpeaker validates a request to speak and places it (F3–F5).
func (st *State) decideAddSpeaker(c AddSpeaker) ([]Body, error) {
	if !c.Kind.Valid() {
		return nil, &FieldError{Field: "speech_kind", Reason: "is not speech, supplement, order or reply", Code: CodeBadSpeechKind}
	}
	f, err := st.currentFloor()
	if err != nil {
		return nil, err
	}
	name := strings.TrimSpace(c.Name)
	switch {
	case name != "" && (c.Kind != SpeechReply || c.Person != ""):
		return nil, &FieldError{Field: "name", Reason: "is only for an answer by someone not on the roster", Code: CodeNameNotReply}
	case c.Person == "" && name == "":
		return nil, &FieldError{Field: "person", Reason: "is empty", Code: CodeEmpty}
	}
	if c.Person != "" {
		i, ok := st.index[c.Person]
		if !ok {
			return nil, &UnknownPersonError{ID: c.Person}
		}
		p := st.Setup.Roster[i]
		switch {
		case p.Kind == model.Formal && st.Attendance[i].Status != Present:
			return nil, &SpeakerError{ID: p.ID, Name: p.Name, Reason: CodeAbsent}
		case p.Kind != model.Formal && !st.FloorRules.GuestsSpeak && c.Kind != SpeechReply:
			return nil, &SpeakerError{ID: p.ID, Name: p.Name, Reason: CodeGuest}
		}
		name = ""
	}
	for _, no := range f.Waiting {
		s := st.speech(no)
		if s.Person == c.Person && s.Name == name && (s.Kind == SpeechOrder) == (c.Kind == SpeechOrder) {
			return nil, &SpeakerError{No: no, ID: c.Person, Name: st.speakerName(s), Reason: CodeAlreadyWaiting}
		}
	}
	return []Body{SpeakerAdded{No: len(st.Speeches) + 1, Item: st.Item, Person: c.Person, Name: name, Kind: c.Kind,
		Position: st.place(st.Item, f, c.Person, c.Kind)}}, nil
}

// decideReport validates a deliberation group's report.
func (st *State) decideReport(c ReportGroup) ([]Body, error) {
	if c.Item < 0 || c.Item >= len(st.Setup.Agenda) {
		return nil, &ItemError{Index: c.Item, Len: len(st.Setup.Agenda)}
	}
	groups := st.Setup.ItemGroups(c.Item)
	if groups == nil {
		return nil, &GroupError{Item: c.Item, Group: c.Group, Reason: CodeNotInGroups}
	}
	j := slices.IndexFunc(groups, func(g model.Group) bool { return g.Name == c.Group })
	if j < 0 {
		return nil, &GroupError{Item: c.Item, Group: c.Group, Reason: CodeUnknownGroup}
	}
	if s := st.Items[c.Item].Status; s != ItemCurrent && s != ItemDone {
		return nil, &GroupError{Item: c.Item, Group: c.Group, Reason: CodeNotStarted}
	}
	if c.Speakers < 0 {
		return nil, &FieldError{Field: "speakers", Reason: "is negative", Code: CodeNegative}
	}
	if n := st.groupMembers(groups[j]); c.Speakers > n {
		return nil, &GroupError{Item: c.Item, Group: c.Group, Reason: CodeTooManySpeakers, Got: c.Speakers, Members: n}
	}
	if err := required("text", c.Text); err != nil {
		return nil, err
	}
	g := groups[j]
	if r, ok := st.Report(c.Item, c.Group); ok {
		g.Convener, g.Secretary = r.Convener, r.Secretary
	}
	convener, secretary := strings.TrimSpace(c.Convener), strings.TrimSpace(c.Secretary)
	if convener == "" {
		convener = g.Convener
	}
	if secretary == "" {
		secretary = g.Secretary
	}
	return []Body{GroupReported{Item: c.Item, Group: c.Group, Convener: convener, Secretary: secretary,
		Speakers: c.Speakers, Text: c.Text}}, nil
}

// applyFloor applies the events of the floor; handled is false for any
// other event.
func (st *State) applyFloor(e Event) (handled bool, err error) {
	bad := func(reason string) (bool, error) { return true, &CorruptError{e.Seq, reason} }
	// floorOf is the list of request no, with the request.
	floorOf := func(no int) (*Floor, *Speech) {
		s := st.speech(no)
		if s == nil {
			return nil, nil
		}
		return &st.Floors[s.Item], s
	}
	switch b := e.Body.(type) {
	case SpeakerAdded:
		if b.No != len(st.Speeches)+1 || b.Item < 0 || b.Item >= len(st.Floors) || !b.Kind.Valid() {
			return bad("a request to speak out of order")
		}
		f := &st.Floors[b.Item]
		if b.Position < 0 || b.Position > len(f.Waiting) {
			return bad("a request to speak placed off the list")
		}
		st.Speeches = append(st.Speeches, &Speech{No: b.No, Item: b.Item, Person: b.Person, Name: b.Name, Kind: b.Kind,
			Requested: e.At, By: e.Actor})
		f.Waiting = slices.Insert(f.Waiting, b.Position, b.No)
		f.undo = append(f.undo, floorRef{seq: e.Seq, op: kindSpeakerAdded, no: b.No, pos: b.Position})
	case SpeakerRemoved, SpeakerMoved, SpeechStarted:
		var no int
		switch b := b.(type) {
		case SpeakerRemoved:
			no = b.No
		case SpeakerMoved:
			no = b.No
		case SpeechStarted:
			no = b.No
		}
		f, s := floorOf(no)
		pos := -1
		if f != nil {
			pos = slices.Index(f.Waiting, no)
		}
		if pos < 0 {
			return bad("changes a request that is not on its list")
		}
		f.Waiting = slices.Delete(f.Waiting, pos, pos+1)
		ref := floorRef{seq: e.Seq, op: b.kind(), no: no, pos: pos}
		switch b := b.(type) {
		case SpeakerRemoved:
			s.Status, s.Removed = SpeechRemoved, e.At
		case SpeakerMoved:
			if b.Position < 0 || b.Position > len(f.Waiting) {
				return bad("moves a request off the list")
			}
			f.Waiting = slices.Insert(f.Waiting, b.Position, no)
		case SpeechStarted:
			if f.Speaking != 0 {
				return bad("starts a speech while another is under way")
			}
			s.Status, s.Started, s.Limit = SpeechSpeaking, e.At, b.Limit
			f.Speaking = no
		}
		f.undo = append(f.undo, ref)
	case SpeechEnded:
		f, s := floorOf(b.No)
		if f == nil || f.Speaking != b.No {
			return bad("ends a speech that is not under way")
		}
		if b.Seconds != seconds(s.Started, e.At) {
			return bad("a speech's duration differs from its times")
		}
		s.Status, s.Ended, s.Seconds = SpeechSpoken, e.At, b.Seconds
		f.Speaking = 0
		f.undo = append(f.undo, floorRef{seq: e.Seq, op: kindSpeechEnded, no: b.No})
	case SpeakersUndone:
		f, s := floorOf(b.No)
		if f == nil || len(f.undo) == 0 || f.undo[len(f.undo)-1].seq != b.Undoes || f.undo[len(f.undo)-1].no != b.No {
			return bad("undoes a change that is not its list's last")
		}
		top := f.undo[len(f.undo)-1]
		f.undo = f.undo[:len(f.undo)-1]
		if err := st.reverse(f, s, top); err != "" {
			return bad(err)
		}
	case GroupReported:
		r := GroupReport{Item: b.Item, Group: b.Group, Convener: b.Convener, Secretary: b.Secretary, Speakers: b.Speakers,
			Text: b.Text, At: e.At, By: e.Actor, Revision: 1}
		if j := slices.IndexFunc(st.Reports, func(x GroupReport) bool { return x.Item == b.Item && x.Group == b.Group }); j >= 0 {
			r.Revision = st.Reports[j].Revision + 1
			st.Reports[j] = r
		} else {
			st.Reports = append(st.Reports, r)
		}
	case FloorRulesSet:
		st.FloorRules.FairOrder, st.FloorRules.GuestsSpeak = b.FairOrder, b.GuestsSpeak
	default:
		return false, nil
	}
	return true, nil
}

// reverse takes back the change ref of request s's list f; it returns why
// it cannot, or "".
func (st *State) reverse(f *Floor, s *Speech, ref floorRef) string {
	switch ref.op {
	case kindSpeakerAdded, kindSpeakerMoved:
		pos := slices.Index(f.Waiting, s.No)
		if pos < 0 {
			return "undoes a request that is not on its list"
		}
		f.Waiting = slices.Delete(f.Waiting, pos, pos+1)
		if ref.op == kindSpeakerAdded {
			s.Status = SpeechUndone
			return ""
		}
	case kindSpeakerRemoved:
		s.Status, s.Removed = SpeechWaiting, time.Time{}
	case kindSpeechStarted:
		if f.Speaking != s.No {
			return "undoes the start of a speech that is not under way"
		}
		f.Speaking = 0
		s.Status, s.Started, s.Limit = SpeechWaiting, time.Time{}, 0
	case kindSpeechEnded:
		if f.Speaking != 0 {
			return "resumes a speech while another is under way"
		}
		f.Speaking = s.No
		s.Status, s.Ended, s.Seconds = SpeechSpeaking, time.Time{}, 0
		return ""
	}
	if ref.pos > len(f.Waiting) {
		return "puts a request back off its list"
	}
	f.Waiting = slices.Insert(f.Waiting, ref.pos, s.No)
	return ""
}

// closeFloor closes item i's list when the item ends: no speech may be
// under way (F2: the item's end ended it), and its changes can no longer
// be taken back.
func (st *State) closeFloor(i int) error {
	if i < 0 || i >= len(st.Floors) {
		return nil
	}
	if st.Floors[i].Speaking != 0 {
		return &CorruptError{st.Seq + 1, "ends an item while a speech is under way"}
	}
	st.Floors[i].undo = nil
	return nil
}
