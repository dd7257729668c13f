package common

import (
	"fmt"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"

	"podium/model"
	"podium/session"
)

// This file is the meeting screens' contact with the session's state:
// the agenda's progress, questions, motions, resolutions and notes are
// copied here for rendering outside the session's read lock.

// copyMeeting copies the agenda's progress and the congress's business
// into s. Questions and motions are changed in place by the session, so
// they are copied by value.
func copyMeeting(s *Snapshot, st *session.State) {
	s.Items = slices.Clone(st.Items)
	s.Questions = s.Questions[:0]
	for _, q := range st.Questions {
		s.Questions = append(s.Questions, *q)
	}
	s.Motions = s.Motions[:0]
	for _, mo := range st.Motions {
		c := *mo
		c.CoSigners = slices.Clone(mo.CoSigners)
		s.Motions = append(s.Motions, c)
	}
	s.Votes = s.Votes[:0]
	for _, r := range st.Votes {
		s.Votes = append(s.Votes, *r)
	}
	s.Notes = slices.Clone(st.Notes)
	s.Ratings = slices.Clone(st.Ratings)
	s.Needs = map[model.VoteKind]VoteNeed{}
	for _, k := range []model.VoteKind{model.VoteOrdinary, model.VoteCharter} {
		if f, base, need, ok := st.ResolutionNeed(k); ok {
			s.Needs[k] = VoteNeed{Rule: f, Base: base, Need: need}
		}
	}
}

// Current returns the current agenda item's index, definition and
// progress; ok is false before the agenda starts.
func (c *Common) Current() (i int, it model.Item, is session.ItemState, ok bool) {
	i = c.Snap.Item
	if i < 0 || i >= len(c.Setup.Agenda) || i >= len(c.Snap.Items) {
		return i, model.Item{}, session.ItemState{}, false
	}
	return i, c.Setup.Agenda[i], c.Snap.Items[i], true
}

// ItemStatus is the progress of item i (pending when unknown).
func (c *Common) ItemStatus(i int) session.ItemStatus {
	if i >= 0 && i < len(c.Snap.Items) {
		return c.Snap.Items[i].Status
	}
	return session.ItemPending
}

// VotesOf returns the resolutions recorded on agenda item i, oldest first,
// the struck ones among them (the election's adoption votes aside).
func (c *Common) VotesOf(i int) []session.Resolution {
	var out []session.Resolution
	for _, r := range c.Snap.Votes {
		if r.Item == i && r.Motion == 0 && r.Adopts == "" {
			out = append(out, r)
		}
	}
	return out
}

// Outcome returns the vote that decides among votes: the last not struck
// (RULES §3); ok is false when every one is struck or there is none.
func Outcome(votes []session.Resolution) (session.Resolution, bool) {
	for j := len(votes) - 1; j >= 0; j-- {
		if votes[j].Struck == nil {
			return votes[j], true
		}
	}
	return session.Resolution{}, false
}

// VotesOfMotion returns the resolutions taken on motion no, oldest first.
func (c *Common) VotesOfMotion(no int) []session.Resolution {
	var out []session.Resolution
	for _, r := range c.Snap.Votes {
		if r.Motion == no {
			out = append(out, r)
		}
	}
	return out
}

// VoteOfMotion returns the resolution that decided motion no — its last
// vote not struck — if any.
func (c *Common) VoteOfMotion(no int) (session.Resolution, bool) {
	return Outcome(c.VotesOfMotion(no))
}

// RatingOf returns the rating of officer in review item i, if any.
func (c *Common) RatingOf(i int, officer string) (session.Rating, bool) {
	for _, r := range c.Snap.Ratings {
		if r.Item == i && r.Officer == officer {
			return r, true
		}
	}
	return session.Rating{}, false
}

// NotesOf returns the secretary's notes on agenda item i.
func (c *Common) NotesOf(i int) []session.Note {
	var out []session.Note
	for _, n := range c.Snap.Notes {
		if n.Item == i {
			out = append(out, n)
		}
	}
	return out
}

// QuestionCounts counts the questions by status: pending, answered in
// session, taken on notice.
func QuestionCounts(qs []session.Question) (pending, answered, notice int) {
	for _, q := range qs {
		switch q.Status {
		case session.QuestionPending:
			pending++
		case session.QuestionReplied:
			answered++
		default:
			notice++
		}
	}
	return
}

// MotionCounts counts the motions by status: pending, accepted (立案),
// declined (不予立案).
func MotionCounts(ms []session.Motion) (pending, accepted, declined int) {
	for _, mo := range ms {
		switch mo.Status {
		case session.MotionPending:
			pending++
		case session.MotionAdmitted:
			accepted++
		default:
			declined++
		}
	}
	return
}

// Elapsed writes a duration as m:ss or h:mm:ss.
func Elapsed(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// Timer is the current item's time against its plan, on one line:
// "用时 12:05 / 30 分钟", the time over the plan after it in red; an item
// ended says when and how long it took; "" before the agenda.
func (c *Common) Timer() string {
	_, it, is, ok := c.Current()
	if !ok {
		return ""
	}
	s, mt := c.Styles, c.Texts.M
	switch is.Status {
	case session.ItemDone:
		return s.Dim.Render(mt.EndedAt(c.Clock(is.Ended), Elapsed(is.Ended.Sub(is.Started))))
	case session.ItemCurrent:
	default:
		return ""
	}
	d := c.Now().Sub(is.Started)
	if it.Minutes <= 0 {
		return s.Counts.Render(mt.Elapsed(Elapsed(d)))
	}
	plan := time.Duration(it.Minutes) * time.Minute
	if d > plan {
		return s.Counts.Render(mt.Planned(Elapsed(d), it.Minutes)) + s.Dim.Render(" · ") + s.MsgErr.Render(mt.Over(Elapsed(d-plan)))
	}
	return s.Counts.Render(mt.Planned(Elapsed(d), it.Minutes))
}

// NextIndex is the next item still pending after the current one, -1
// when none is left.
func (c *Common) NextIndex() int {
	for j := c.Snap.Item + 1; j < len(c.Setup.Agenda); j++ {
		if c.ItemStatus(j) == session.ItemPending {
			return j
		}
	}
	return -1
}

// ItemMark is the sidebar's and the agenda screen's mark and style of
// item i: ✓ done, ▶ current, ↷ skipped, › the next one, · pending.
func (c *Common) ItemMark(i int) (string, Style) {
	s := c.Styles
	switch st := c.ItemStatus(i); {
	case i == c.Snap.Item && st == session.ItemCurrent:
		return "▶", s.ItemCurrent
	case st == session.ItemDone:
		return "✓", s.ItemDone
	case st == session.ItemPassedOver:
		return "↷", s.ItemDone
	case i == c.NextIndex():
		return "›", s.ItemNext
	}
	return " ", s.ItemTodo
}

// StartItem starts item i (the current one ends with it) and says so, or
// why the core refused.
func (c *Common) StartItem(i int) Note {
	t := c.Texts
	if _, err := c.Exec(session.StartItem{Meta: c.Meta(), Index: i}); err != nil {
		return c.Refusal(err)
	}
	n := c.Snap.Count
	return Done(t.Started(i+1, t.ItemTitle(c.Setup.Agenda[i]), n.Present, n.Expected))
}

// ConfirmStart asks for key b again before starting item i; what the core
// would refuse (the election quorum, an unfinished item) is said at once.
func (c *Common) ConfirmStart(b key.Binding, i int) {
	t := c.Texts
	if err := c.Check(session.StartItem{Meta: c.Meta(), Index: i}); err != nil {
		c.Say(c.Refusal(err))
		return
	}
	c.Frame.Confirm(b, t.ConfirmNext(b.Help().Key, i+1, t.ItemTitle(c.Setup.Agenda[i])), func() { c.Say(c.StartItem(i)) })
}
