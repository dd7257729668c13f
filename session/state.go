package session

import (
	"slices"
	"time"

	"podium/model"
)

// State is the congress as derived from the events applied so far. Read it
// through Session.Read; never change it outside apply.
type State struct {
	// Seq is the last event applied (0 before Open).
	Seq uint64
	// Setup is what the congress was opened with.
	Setup model.Setup
	// Created is the time of the first event.
	Created time.Time
	// LastAt is the time of the last event applied: a command dated
	// earlier is refused (*ClockError), so the record's times never run
	// backwards.
	LastAt time.Time
	// Attendance is parallel to Setup.Roster: each person's status now.
	Attendance []Attendance
	// Timeline is every attendance change in order, so that the count at
	// any past moment, and each person's history, can be derived.
	Timeline Timeline
	// Item is the index of the current agenda item, -1 before the first.
	Item int
	// ItemAt is when the current item started.
	ItemAt time.Time
	// Declared is set once the meeting was declared valid.
	Declared *Stamp
	// Vote is the committee election, nil when the setup has none.
	Vote *Vote
	// Items is each agenda item's progress, parallel to Setup.Agenda.
	Items []ItemState
	// Questions, Motions, Votes and Notes are the congress's business in
	// the order it came.
	Questions []*Question
	Motions   []*Motion
	Votes     []*Resolution
	Notes     []Note
	// Ratings are the officers' ratings of review items (述职评议).
	Ratings []Rating
	// Survey is the satisfaction survey of the self-assessment (附件1
	// items 16–17) last recorded, nil before any.
	Survey *Survey
	// StaffAudit is the staff audit of the self-assessment (附件1 items
	// 3–6) last recorded, nil before any.
	StaffAudit *StaffAudit
	// Speeches are every request to speak, by number (Speeches[n-1] is
	// No n); Floors each agenda item's speakers' list, parallel to
	// Setup.Agenda; Reports the deliberation groups' latest reports, in
	// the order first reported; FloorRules the meeting's floor rules now
	// (the setup's, as the host last set them).
	Speeches   []*Speech
	Floors     []Floor
	Reports    []GroupReport
	FloorRules model.FloorRules
	// Takeovers are the takeovers by a standby, in order (Epoch).
	Takeovers []Takeover

	index    map[string]int // person id → roster index
	expected int            // formal delegates on the roster
	present  int            // formal delegates present now
	peak     int            // the most formal delegates present at once
	isFormal []bool         // parallel to the roster: a formal delegate
	last     []int32        // parallel to the roster: the index of the person's last change, -1: none
	// The undo stacks: each terminal's (or actor's) marks still standing,
	// as indexes in the timeline, last on top; stackIDs numbers them.
	stacks   [][]int32
	stackIDs map[stackKey]int32
}

// Stamp is a decision's time and the attendance it used.
type Stamp struct {
	Seq   uint64
	At    time.Time
	Count Count
}

// Attendance is one person's attendance: the status now, since when (the
// time of the mark that set it; an undo restores the earlier status with
// its original time), and a leave's reason.
type Attendance struct {
	Status Status
	Since  time.Time
	Reason string
}

// Change is one attendance change of a person (by roster index). Undoes
// is the Seq of the change an undo took back (0: not an undo); UndoneBy is
// set on a change an undo took back later. At is when the change was
// made; an undo's Since (the restored status's time) is the person's
// Attendance.Since.
type Change struct {
	Seq      uint64
	At       time.Time
	Actor    string
	Person   int
	From, To Status
	Reason   string
	Undoes   uint64
	UndoneBy uint64
}

// Opened reports whether the congress exists (the first event is applied).
func (st *State) Opened() bool { return st.Seq > 0 }

// Person returns the roster index of the person with this id.
func (st *State) Person(id string) (int, bool) {
	i, ok := st.index[id]
	return i, ok
}

// Count returns the attendance now: formal delegates expected and present.
func (st *State) Count() Count { return Count{Expected: st.expected, Present: st.present} }

// Quorum returns the live quorum answers for the meeting's rules.
func (st *State) Quorum() Quorum { return quorumOf(st.Setup.Meeting, st.Count(), st.peak) }

// PresentAt returns how many formal delegates were present at time t,
// derived from the attendance timeline.
func (st *State) PresentAt(t time.Time) int {
	n, ns := 0, t.UnixNano()
	for _, c := range st.Timeline.changes() {
		if c.at > ns {
			break
		}
		if st.Setup.Roster[c.person].Kind != model.Formal {
			continue
		}
		if c.from == Present {
			n--
		}
		if c.to == Present {
			n++
		}
	}
	return n
}

// History returns the attendance changes of the person at roster index i,
// in order.
func (st *State) History(i int) []Change {
	var out []Change
	for j := st.lastChange(i); j >= 0; j = int(st.Timeline.at(j).prev) {
		out = append(out, st.Timeline.At(j))
	}
	slices.Reverse(out)
	return out
}

// lastChange returns the index in the timeline of the last change of the
// person at roster index i, -1 when none; each change links the person's
// one before it (change.prev).
func (st *State) lastChange(i int) int {
	if i < 0 || i >= len(st.last) {
		return -1
	}
	return int(st.last[i])
}

// UnitCount is the attendance of one electoral unit, formal delegates only.
type UnitCount struct {
	Unit                                  string
	Expected, Present, OnLeave, Left, Out int // Out: not arrived
}

// Units returns the attendance per electoral unit, in the order units first
// appear on the roster.
func (st *State) Units() []UnitCount {
	var out []UnitCount
	at := map[string]int{}
	for i, p := range st.Setup.Roster {
		if p.Kind != model.Formal {
			continue
		}
		j, ok := at[p.Unit]
		if !ok {
			j = len(out)
			at[p.Unit] = j
			out = append(out, UnitCount{Unit: p.Unit})
		}
		u := &out[j]
		u.Expected++
		switch st.Attendance[i].Status {
		case Present:
			u.Present++
		case OnLeave:
			u.OnLeave++
		case Left:
			u.Left++
		default:
			u.Out++
		}
	}
	return out
}

// apply changes the state by one event. It is the only place state
// changes; it refuses events that cannot follow the state (a damaged log).
func (st *State) apply(e Event) error {
	if e.Seq != st.Seq+1 {
		return &CorruptError{e.Seq, "out of sequence"}
	}
	if _, first := e.Body.(Opened); first != (st.Seq == 0) {
		return &CorruptError{e.Seq, "the first event, and only it, must open the congress"}
	}
	switch v := e.Body.(type) {
	case Opened:
		st.open(e, v.Setup)
	case Marked:
		i, ok := st.index[v.Person]
		if !ok {
			return &CorruptError{e.Seq, "attendance of an unknown person or status"}
		}
		if err := st.mark(e, i, v.Status, "", v.Undoes, v.Terminal); err != nil {
			return err
		}
	case Excused:
		i, ok := st.index[v.Person]
		if !ok {
			return &CorruptError{e.Seq, "attendance of an unknown person"}
		}
		if err := st.mark(e, i, OnLeave, v.Reason, 0, v.Terminal); err != nil {
			return err
		}
	case ItemStarted:
		if v.Index < 0 || v.Index >= len(st.Setup.Agenda) {
			return &CorruptError{e.Seq, "agenda item out of range"}
		}
		if i := st.Item; i >= 0 && st.Items[i].Status == ItemCurrent {
			st.Items[i].Status, st.Items[i].Ended = ItemDone, e.At // moving on ends it
			st.Items[i].Endings++
			if err := st.closeFloor(i); err != nil {
				return err
			}
		}
		st.Item, st.ItemAt = v.Index, e.At
		it := &st.Items[v.Index]
		it.Status, it.Started, it.StartedCount, it.Note = ItemCurrent, e.At, v.Count, ""
		it.Starts++
	case DeclaredOpen:
		st.Declared = &Stamp{Seq: e.Seq, At: e.At, Count: v.Count}
	case SurveyRecorded:
		if err := st.applySurvey(e, v); err != nil {
			return err
		}
	case StaffAuditRecorded:
		st.applyStaffAudit(e, v)
	case TakenOver:
		if err := st.applyTakenOver(e, v); err != nil {
			return err
		}
	default:
		handled, err := st.applyMeeting(e)
		if err == nil && !handled {
			handled, err = st.applyFloor(e)
		}
		if err == nil && !handled {
			handled, err = st.applyAdoption(e)
		}
		if err == nil && !handled {
			err = st.applyVote(e)
		}
		if err != nil {
			return err
		}
	}
	st.Seq, st.LastAt = e.Seq, e.At
	return nil
}

// ClockTolerance is how far before the last event a command may be dated
// and still be accepted: terminals that build their commands at the same
// moment race to the log, so the one stored second may carry a time a
// few milliseconds earlier. Such a command is recorded at the last
// event's time (Session.Execute); one dated earlier still is refused
// with a *ClockError. Either way the record's times never run backwards.
const ClockTolerance = 2 * time.Second

// checkClock refuses a command dated more than ClockTolerance before the
// last event: time never runs backwards in the record (docs/FORMAT.md,
// "Time").
func (st *State) checkClock(at time.Time) error {
	if st.Opened() && at.UnixNano() < st.LastAt.UnixNano()-int64(ClockTolerance) {
		return &ClockError{Last: st.LastAt, Given: at}
	}
	return nil
}

func (st *State) open(e Event, s model.Setup) {
	st.Setup = s
	st.Created = e.At
	st.Item = -1
	st.Items = make([]ItemState, len(s.Agenda))
	st.Floors = make([]Floor, len(s.Agenda))
	st.FloorRules = s.Meeting.Floor
	st.Attendance = make([]Attendance, len(s.Roster))
	st.index = make(map[string]int, len(s.Roster))
	if s.Election != nil {
		st.Vote = &Vote{
			Method:     s.Election.Method,
			Candidates: s.Election.Candidates,
			Vacant:     map[string]int{},
		}
	}
	st.isFormal = make([]bool, len(s.Roster))
	st.last = make([]int32, len(s.Roster))
	for i, p := range s.Roster {
		st.index[p.ID] = i
		st.last[i] = -1
		if p.Kind == model.Formal {
			st.expected++
			st.isFormal[i] = true
		}
	}
}
