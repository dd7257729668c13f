package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
	"podium/tui/widgets"
)

// motionScreen is the motions desk (提案, RULES §4): a motion is filed
// with its proposer and co-signers (the check-in search), title, text
// and category; the desk accepts it (立案) or declines it (不予立案) with a
// reason, and an accepted motion is put to a vote on the vote screen.
type motionScreen struct {
	desk       // formOf: 0 filing, else the motion No being declined
	accept int // the motion No waiting for the second press of accept
	// vote opens the vote screen on an accepted motion.
	vote func(no int)
}

func newMotionScreen(c *common.Common, vote func(no int)) *motionScreen {
	return &motionScreen{desk: desk{c: c}, vote: vote}
}

func (s *motionScreen) selected() (session.Motion, bool) {
	i, ok := s.clamp(len(s.c.Snap.Motions))
	if !ok {
		return session.Motion{}, false
	}
	return s.c.Snap.Motions[i], true
}

func (s *motionScreen) update(msg tea.Msg) (*common.Note, tea.Cmd) {
	c, t, k := s.c, s.c.Texts.M, s.c.Keys.Floor
	if n, handled := s.updateForm(msg, s.submit); handled {
		return n, nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	pendingAccept := s.accept
	s.accept = 0
	switch {
	case key.Matches(km, k.Script):
		s.full = !s.full
	case key.Matches(km, c.Keys.Up):
		s.cursor--
	case key.Matches(km, c.Keys.Down):
		s.cursor++
	case key.Matches(km, k.File):
		s.formOf = 0
		s.form = widgets.NewForm(c, t.FileTitle,
			widgets.Field{Kind: widgets.FieldPerson, Label: t.Proposer},
			widgets.Field{Kind: widgets.FieldPeople, Label: t.CoSigners},
			widgets.Field{Kind: widgets.FieldText, Label: t.MotionTitle},
			widgets.Field{Kind: widgets.FieldText, Label: t.MotionText},
			widgets.Field{Kind: widgets.FieldText, Label: t.Category})
		s.form.SetSize(s.h - 3)
		return ptr(common.Info(t.FileHint)), nil
	case key.Matches(km, k.Accept), key.Matches(km, k.Decline), key.Matches(km, k.Vote):
		mo, ok := s.selected()
		if !ok {
			return ptr(common.Info(t.NoMotions(k.File.Help().Key))), nil
		}
		switch {
		case key.Matches(km, k.Vote):
			switch {
			case mo.Status != session.MotionAdmitted:
				return ptr(common.Info(t.NotAdmitted(mo.No))), nil
			case mo.Vote != 0:
				return ptr(common.Info(t.AlreadyVoted(mo.No))), nil
			}
			s.vote(mo.No)
			return ptr(common.Info(t.VoteOnMotion(mo.No, mo.Title))), nil
		case mo.Status != session.MotionPending:
			return ptr(common.Info(t.AlreadyDecided(mo.No))), nil
		case key.Matches(km, k.Decline):
			s.formOf = mo.No
			s.form = widgets.NewForm(c, t.DeclineTitle(mo.No, mo.Title), widgets.Field{Kind: widgets.FieldText, Label: t.Reason})
			s.form.SetSize(s.h - 3)
			return ptr(common.Info(t.ReasonHint)), nil
		case pendingAccept != mo.No:
			s.accept = mo.No
			return ptr(common.Asking(t.ConfirmAccept(k.Accept.Help().Key, mo.No, mo.Title))), nil
		}
		if _, err := c.Exec(session.AcceptMotion{Meta: c.Meta(), No: mo.No}); err != nil {
			n := c.Refusal(err)
			return &n, nil
		}
		return ptr(common.Done(t.Accepted(mo.No, k.Vote.Help().Key))), nil
	}
	return nil, nil
}

// submit files the motion, or declines the selected one with the reason.
func (s *motionScreen) submit() *common.Note {
	c, t := s.c, s.c.Texts.M
	f := s.form.Fields
	if s.formOf != 0 {
		if _, err := c.Exec(session.DeclineMotion{Meta: c.Meta(), No: s.formOf, Reason: f[0].Text()}); err != nil {
			n := c.Refusal(err)
			return &n
		}
		s.form = nil
		mo := c.Snap.Motions[s.formOf-1]
		return ptr(common.Done(t.Declined(mo.No, c.Date(mo.Due))))
	}
	var proposer string
	if len(f[0].IDs) > 0 {
		proposer = f[0].IDs[0]
	}
	_, err := c.Exec(session.FileMotion{Meta: c.Meta(), Proposer: proposer, CoSigners: f[1].IDs,
		Title: f[2].Text(), Text: f[3].Text(), Category: f[4].Text()})
	if err != nil {
		s.form.Focus(fieldOf(err))
		n := c.Refusal(err)
		return &n
	}
	s.form = nil
	s.cursor = len(c.Snap.Motions) - 1
	return ptr(common.Done(t.Filed(len(c.Snap.Motions), f[2].Text(), len(f[1].IDs))))
}

// fieldOf is the field of the motion form a refusal is about: the
// proposer, the co-signers or the title.
func fieldOf(err error) int {
	var (
		nf *session.NotFormalError
		fe *session.FieldError
		up *session.UnknownPersonError
	)
	switch {
	case errors.As(err, &nf) && nf.Role == "proposer":
		return 0
	case errors.As(err, &fe):
		return 2
	case errors.As(err, &up) && up.ID == "":
		return 0
	}
	return 1
}

// status is a motion's status in words, and whether it is settled.
func (s *motionScreen) status(mo session.Motion) (string, bool) {
	c, t := s.c, s.c.Texts.M
	switch mo.Status {
	case session.MotionAdmitted:
		if r, ok := c.VoteOfMotion(mo.No); ok {
			return t.Outcome(r.Adopted), true
		}
		return t.MAdmitted, false
	case session.MotionNotAdmitted:
		return t.MDeclined(c.Date(mo.Due)), true
	}
	return t.MPending, false
}

func (s *motionScreen) view() []string {
	c, t, st := s.c, s.c.Texts.M, s.c.Styles
	lines, formOpen := s.top(model.ItemMotions)
	if formOpen {
		return common.Block(lines, s.w, s.h)
	}
	ms := c.Snap.Motions
	pending, accepted, declined := common.MotionCounts(ms)
	lines = append(lines, widgets.SectionRule(c, t.MotionsTitle(len(ms), pending, accepted, declined), s.w))
	if len(ms) == 0 {
		lines = append(lines, st.Dim.Render(common.Cut(t.NoMotions(c.Keys.Floor.File.Help().Key), s.w)))
		return common.Block(lines, s.w, s.h)
	}
	mo, _ := s.selected()
	detail := s.detail(mo)
	rows := max(2, s.h-len(lines)-len(detail)-1)
	first := max(0, min(s.cursor-rows/2, len(ms)-rows))
	nw := len(fmt.Sprint(len(ms)))
	stw := max(common.Width(t.MPending), common.Width(t.MAdmitted), common.Width(t.MDeclined("2026-00-00")), common.Width(t.Outcome(false)))
	pw := 10
	tw := max(4, s.w-2-nw-1-pw-2-stw-2)
	for j := first; j < len(ms) && j < first+rows; j++ {
		mo := ms[j]
		stText, done := s.status(mo)
		stStyle := st.MsgAsk
		if done {
			stStyle = st.Dim
		}
		marker, title := "  ", st.Name.Render(common.Fit(mo.Title, tw))
		if j == s.cursor {
			marker, title = st.Marker.Render("› "), st.NameSel.Render(common.Fit(mo.Title, tw))
		}
		lines = append(lines, marker+fmt.Sprintf("%*d ", nw, mo.No)+title+"  "+common.Fit(c.PersonName(mo.Proposer), pw)+"  "+stStyle.Render(common.Fit(stText, stw)))
	}
	lines = append(lines, "")
	lines = append(lines, detail...)
	return common.Block(lines, s.w, s.h)
}

// detail is the selected motion in full.
func (s *motionScreen) detail(mo session.Motion) []string {
	c, t, st := s.c, s.c.Texts.M, s.c.Styles
	var co []string
	for _, id := range mo.CoSigners {
		co = append(co, c.PersonName(id))
	}
	lines := []string{widgets.SectionRule(c, t.MotionNo(mo.No, mo.Title, c.Clock(mo.Filed)), s.w)}
	lines = append(lines, common.WrapStyled(t.Signers(c.PersonName(mo.Proposer), strings.Join(co, t.Sep), mo.Category), s.w, st.Dim)...)
	if mo.Text != "" {
		lines = append(lines, common.WrapStyled(mo.Text, s.w, st.Name)...)
	}
	switch mo.Status {
	case session.MotionNotAdmitted:
		lines = append(lines, common.WrapStyled(t.DeclinedLine(mo.Reason, c.Date(mo.Due)), s.w, st.MsgAsk)...)
	case session.MotionAdmitted:
		if r, ok := c.VoteOfMotion(mo.No); ok {
			lines = append(lines, widgets.OutcomeLine(c, r, s.w))
		} else {
			lines = append(lines, st.Dim.Render(common.Cut(t.PutToVote(c.Keys.Floor.Vote.Help().Key), s.w)))
		}
	}
	return lines
}
