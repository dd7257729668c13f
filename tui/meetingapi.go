package tui

import (
	"slices"

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

// current returns the current agenda item's index, definition and
// progress; ok is false before the agenda starts.
func (c *Common) current() (i int, it model.Item, is session.ItemState, ok bool) {
	i = c.Snap.Item
	if i < 0 || i >= len(c.Setup.Agenda) || i >= len(c.Snap.Items) {
		return i, model.Item{}, session.ItemState{}, false
	}
	return i, c.Setup.Agenda[i], c.Snap.Items[i], true
}

// itemStatus is the progress of item i (pending when unknown).
func (c *Common) itemStatus(i int) session.ItemStatus {
	if i >= 0 && i < len(c.Snap.Items) {
		return c.Snap.Items[i].Status
	}
	return session.ItemPending
}

// votesOf returns the resolutions recorded on agenda item i, oldest first.
func (c *Common) votesOf(i int) []session.Resolution {
	var out []session.Resolution
	for _, r := range c.Snap.Votes {
		if r.Item == i && r.Motion == 0 {
			out = append(out, r)
		}
	}
	return out
}

// voteOfMotion returns the resolution that decided motion no, if any.
func (c *Common) voteOfMotion(no int) (session.Resolution, bool) {
	for _, r := range c.Snap.Votes {
		if r.Motion == no {
			return r, true
		}
	}
	return session.Resolution{}, false
}

// ratingOf returns the rating of officer in review item i, if any.
func (c *Common) ratingOf(i int, officer string) (session.Rating, bool) {
	for _, r := range c.Snap.Ratings {
		if r.Item == i && r.Officer == officer {
			return r, true
		}
	}
	return session.Rating{}, false
}

// notesOf returns the secretary's notes on agenda item i.
func (c *Common) notesOf(i int) []session.Note {
	var out []session.Note
	for _, n := range c.Snap.Notes {
		if n.Item == i {
			out = append(out, n)
		}
	}
	return out
}

// questionCounts counts the questions by status: pending, answered in
// session, taken on notice.
func questionCounts(qs []session.Question) (pending, answered, notice int) {
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

// motionCounts counts the motions by status: pending, accepted (立案),
// declined (不予立案).
func motionCounts(ms []session.Motion) (pending, accepted, declined int) {
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
