package common

import (
	"slices"
	"time"

	"podium/model"
	"podium/session"
)

// FloorSnap is the floor as the screens render it (docs/DELIBERATION.md):
// every request to speak, each item's list, the groups' reports and the
// meeting's floor rules now, copied outside the session's read lock.
type FloorSnap struct {
	Speeches []session.Speech // by number: Speeches[n-1] is No n
	Lists    []FloorList      // parallel to the agenda
	Reports  []session.GroupReport
	Rules    model.FloorRules
}

// FloorList is one item's speakers' list: the requests waiting in order,
// the speech under way (0: none), and whether a change can be undone.
type FloorList struct {
	Waiting  []int
	Speaking int
	CanUndo  bool
}

// copyFloor copies the floor of st into s.
func copyFloor(s *Snapshot, st *session.State) {
	f := &s.Floor
	f.Speeches = f.Speeches[:0]
	for _, sp := range st.Speeches {
		f.Speeches = append(f.Speeches, *sp)
	}
	f.Lists = f.Lists[:0]
	for _, l := range st.Floors {
		f.Lists = append(f.Lists, FloorList{Waiting: slices.Clone(l.Waiting), Speaking: l.Speaking, CanUndo: l.CanUndo()})
	}
	f.Reports = slices.Clone(st.Reports)
	f.Rules = st.FloorRules
}

// Speech returns request no, if any.
func (c *Common) Speech(no int) (session.Speech, bool) {
	if no < 1 || no > len(c.Snap.Floor.Speeches) {
		return session.Speech{}, false
	}
	return c.Snap.Floor.Speeches[no-1], true
}

// List returns item i's speakers' list (empty when unknown).
func (c *Common) List(i int) FloorList {
	if i < 0 || i >= len(c.Snap.Floor.Lists) {
		return FloorList{}
	}
	return c.Snap.Floor.Lists[i]
}

// Speaking returns the speech under way on the current item, if any.
func (c *Common) Speaking() (session.Speech, bool) {
	return c.Speech(c.List(c.Snap.Item).Speaking)
}

// Spoken returns the speeches given on item i, in the order given.
func (c *Common) Spoken(i int) []session.Speech {
	var out []session.Speech
	for _, s := range c.Snap.Floor.Speeches {
		if s.Item == i && s.Status == session.SpeechSpoken {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b session.Speech) int { return a.Started.Compare(b.Started) })
	return out
}

// Speaker returns who speaks (the person's name, or the name given for an
// answer), their unit and, for an observer or guest, their standing.
func (c *Common) Speaker(s session.Speech) (name, unit string, kind model.Kind) {
	if s.Person == "" {
		return s.Name, "", model.Formal
	}
	if p, ok := c.Person(s.Person); ok {
		return p.Name, p.Unit, p.Kind
	}
	return s.Person, "", model.Formal
}

// ReportOf returns group g's report on item i, if any.
func (c *Common) ReportOf(i int, g string) (session.GroupReport, bool) {
	for _, r := range c.Snap.Floor.Reports {
		if r.Item == i && r.Group == g {
			return r, true
		}
	}
	return session.GroupReport{}, false
}

// PhaseStyle is a countdown's colour: green, amber in the last 30
// seconds, red once over.
func (c *Common) PhaseStyle(p session.Phase) Style {
	switch p {
	case session.PhaseAmber:
		return c.Styles.MsgAsk
	case session.PhaseOver:
		return c.Styles.MsgErr
	}
	return c.Styles.BadgeOK
}

// Countdown is a speech's time at now as the screens show it: the time
// left (m:ss), or the overtime counted up ("+0:12"), with its phase.
func (c *Common) Countdown(s session.Speech, now time.Time) (string, session.Phase) {
	left := s.Left(now)
	if left < 0 {
		// Whole seconds over, counted up from +0:01.
		return "+" + Elapsed(-left+time.Second-1), session.PhaseOver
	}
	return Elapsed(left + time.Second - 1), s.Phase(now)
}
