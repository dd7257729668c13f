package session

import (
	"time"

	"podium/model"
)

// Attendance truth (RULES §1, §7): every change is kept with its time; an
// undo restores the earlier status with the time it had, never the undo's
// time; a delegate who arrived and left shows both and counts as arrived,
// never as absent; a leave may carry its reason.

// Excused marks a person on leave (请假) with the reason given; a mark on
// leave without a reason is a Marked. The minutes' table of absentees
// shows the reason.
type Excused struct {
	Person   string `json:"person"`
	Reason   string `json:"reason"`
	Terminal string `json:"terminal,omitempty"` // as Marked.Terminal
}

func (Excused) kind() EventKind { return kindExcused }

// CanUndo reports whether the terminal (or, when terminal is "", the
// actor) has an attendance mark to undo.
func (st *State) CanUndo(actor, terminal string) bool {
	_, ok := st.undoTop(stackKeyOf(actor, terminal))
	return ok
}

// UndoTarget returns what an undo by this terminal (or actor) would do:
// the roster index of the person, and the status and time it restores.
// ok is false when there is nothing to undo.
func (st *State) UndoTarget(actor, terminal string) (person int, status Status, since time.Time, ok bool) {
	c, ok := st.undoTop(stackKeyOf(actor, terminal))
	if !ok {
		return 0, 0, time.Time{}, false
	}
	return int(c.person), c.from, st.Timeline.sinceOf(int(c.prev)), true
}

// Presence is one person's attendance over the congress, from the
// timeline without the marks taken back by an undo: when they arrived
// (first marked present), when they left (the last 离场 while they are
// still out), and the reason of a leave.
type Presence struct {
	Status  Status
	Arrived time.Time // zero: never present
	Left    time.Time // zero: not (or no longer) left
	Reason  string    // a leave's reason
}

// Presence returns the attendance of the person at roster index i.
func (st *State) Presence(i int) Presence {
	a := st.Attendance[i]
	p := Presence{Status: a.Status, Reason: a.Reason}
	for j := st.lastChange(i); j >= 0; { // the person's changes, last first
		c := st.Timeline.at(j)
		if c.flags&(isUndo|isUndone) == 0 && c.to == Present { // an undo, and what it took back, are not attendance
			p.Arrived = time.Unix(0, c.at).UTC() // the earliest is found last
		}
		j = int(c.prev)
	}
	if a.Status == Left {
		p.Left = a.Since
	}
	return p
}

// Attended returns how many formal delegates were present at some time:
// present now, or arrived and left (RULES §7: never counted absent).
func (st *State) Attended() int {
	n := 0
	for i, p := range st.Setup.Roster {
		if p.Kind == model.Formal && !st.Presence(i).Arrived.IsZero() {
			n++
		}
	}
	return n
}
