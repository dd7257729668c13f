// Package motions is the motions desk (提案, RULES §4): a motion is filed
// with its proposer and co-signers (the check-in search), title, text and
// category; the desk accepts it (立案) or declines it (不予立案) with a
// reason, and an accepted motion is put to a vote on the vote screen.
package motions

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
	"podium/tui/screens/resolution"
	"podium/tui/widgets"
)

// ID is the motions desk's screen.
const ID common.ScreenID = "motions"

// Screen is the motions desk.
type Screen struct {
	widgets.Desk // FormOf: 0 filing, else the motion No being declined
}

// New returns the motions desk.
func New(c *common.Common) common.Screen { return &Screen{Desk: widgets.Desk{C: c}} }

// OpenForm is the open form, nil when none.
func (s *Screen) OpenForm() *widgets.Form { return s.Form }

// selected is the motion under the cursor.
func (s *Screen) selected() (session.Motion, bool) { return widgets.Pick(&s.Desk, s.C.Snap.Motions) }

// Update gives the open form its keys, or runs the desk's.
func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	s.Desk.Update(msg, s.submit, s.Keys)
	return nil
}

// Keys is the form's table, or the desk's: file, accept, decline, put to
// the vote, the whole script; ↑↓ choose the motion.
func (s *Screen) Keys() []common.Binding {
	f := s.C.Keys.Floor
	return s.Desk.Keys(
		common.Key(f.File, s.file).For(session.FileMotion{}),
		common.Key(f.Accept, s.accept).For(session.AcceptMotion{}),
		common.Key(f.Decline, s.decline).For(session.DeclineMotion{}),
		common.Key(f.Vote, s.vote).For(session.RecordVote{}),
		common.Key(f.Script, func() { s.Full = !s.Full }))
}

// file opens the form of a new motion.
func (s *Screen) file() {
	c, t := s.C, s.C.Texts.M
	s.FormOf = 0
	// Who may not propose or co-sign is refused when picked, with why
	// (not present, not a formal delegate, the proposer as co-signer).
	cosigner := func(id string) error {
		if f := s.Form; f != nil && len(f.Fields[0].IDs) > 0 && f.Fields[0].IDs[0] == id {
			return &session.MotionError{Reason: session.CodeProposerCoSigns, ID: id}
		}
		return c.CheckPerson(id, session.CodeAsCoSigner)
	}
	s.Form = widgets.NewForm(c, t.FileTitle,
		widgets.Field{Kind: widgets.FieldPerson, Label: t.Proposer, Check: func(id string) error { return c.CheckPerson(id, session.CodeAsProposer) }},
		widgets.Field{Kind: widgets.FieldPeople, Label: t.CoSigners, Check: cosigner},
		widgets.Field{Kind: widgets.FieldText, Label: t.MotionTitle},
		widgets.Field{Kind: widgets.FieldText, Label: t.MotionText},
		widgets.Field{Kind: widgets.FieldText, Label: t.Category})
	s.Form.SetSize(s.H - 3)
	c.Say(common.Info(t.FileHint))
}

// pending is the selected motion when it is still pending; else it says
// why not.
func (s *Screen) pending() (session.Motion, bool) {
	c, t, f := s.C, s.C.Texts.M, s.C.Keys.Floor
	mo, ok := s.selected()
	switch {
	case !ok:
		c.Say(common.Info(t.NoMotions(f.File.Help().Key)))
		return mo, false
	case mo.Status != session.MotionPending:
		c.Say(common.Info(t.AlreadyDecided(mo.No)))
		return mo, false
	}
	return mo, true
}

// accept accepts (立案) the selected motion on a second press of its key.
func (s *Screen) accept() {
	c, t, f := s.C, s.C.Texts.M, s.C.Keys.Floor
	mo, ok := s.pending()
	if !ok {
		return
	}
	if err := c.Check(session.AcceptMotion{Meta: c.Meta(), No: mo.No}); err != nil {
		c.Say(c.Refusal(err))
		return
	}
	c.Frame.Confirm(f.Accept, t.ConfirmAccept(f.Accept.Help().Key, mo.No, mo.Title), func() {
		if _, err := c.Exec(session.AcceptMotion{Meta: c.Meta(), No: mo.No}); err != nil {
			c.Say(c.Refusal(err))
			return
		}
		c.Say(common.Done(t.Accepted(mo.No, f.Vote.Help().Key)))
	})
}

// decline opens the form of the reason to decline the selected motion.
func (s *Screen) decline() {
	c, t := s.C, s.C.Texts.M
	mo, ok := s.pending()
	if !ok {
		return
	}
	s.FormOf = mo.No
	s.Form = widgets.NewForm(c, t.DeclineTitle(mo.No, mo.Title), widgets.Field{Kind: widgets.FieldText, Label: t.Reason})
	s.Form.SetSize(s.H - 3)
	c.Say(common.Info(t.ReasonHint))
}

// vote puts the selected accepted motion to the vote on the vote screen.
func (s *Screen) vote() {
	c, t, f := s.C, s.C.Texts.M, s.C.Keys.Floor
	mo, ok := s.selected()
	switch {
	case !ok:
		c.Say(common.Info(t.NoMotions(f.File.Help().Key)))
		return
	case mo.Status != session.MotionAdmitted:
		c.Say(common.Info(t.NotAdmitted(mo.No)))
		return
	case mo.Vote != 0:
		c.Say(common.Info(t.AlreadyVoted(mo.No)))
		return
	}
	c.Frame.Show(resolution.ID, resolution.VoteOn{No: mo.No})
	c.Say(common.Info(t.VoteOnMotion(mo.No, mo.Title)))
}

// submit files the motion, or declines the selected one with the reason.
func (s *Screen) submit() *common.Note {
	c, t := s.C, s.C.Texts.M
	f := s.Form.Fields
	if s.FormOf != 0 {
		if _, err := c.Exec(session.DeclineMotion{Meta: c.Meta(), No: s.FormOf, Reason: f[0].Text()}); err != nil {
			n := c.Refusal(err)
			return &n
		}
		s.Form = nil
		mo := c.Snap.Motions[s.FormOf-1]
		return common.Done(t.Declined(mo.No, c.Date(mo.Due))).Ref()
	}
	var proposer string
	if len(f[0].IDs) > 0 {
		proposer = f[0].IDs[0]
	}
	_, err := c.Exec(session.FileMotion{Meta: c.Meta(), Proposer: proposer, CoSigners: f[1].IDs,
		Title: f[2].Text(), Text: f[3].Text(), Category: f[4].Text()})
	if err != nil {
		s.Form.Focus(fieldOf(err))
		n := c.Refusal(err)
		return &n
	}
	s.Form = nil
	s.Cursor = len(c.Snap.Motions) - 1
	return common.Done(t.Filed(len(c.Snap.Motions), f[2].Text(), len(f[1].IDs))).Ref()
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
func (s *Screen) status(mo session.Motion) (string, bool) {
	c, t := s.C, s.C.Texts.M
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

// View renders the desk: the item, the script, the form or the motions
// and the selected one.
func (s *Screen) View() []string {
	c, t, st := s.C, s.C.Texts.M, s.C.Styles
	lines, formOpen := s.Top(model.ItemMotions)
	if formOpen {
		return common.Block(lines, s.W, s.H)
	}
	ms := c.Snap.Motions
	pending, accepted, declined := common.MotionCounts(ms)
	lines = append(lines, widgets.SectionRule(c, t.MotionsTitle(len(ms), pending, accepted, declined), s.W))
	if len(ms) == 0 {
		lines = append(lines, st.Dim.Render(common.Cut(t.NoMotions(c.Keys.Floor.File.Help().Key), s.W)))
		return common.Block(lines, s.W, s.H)
	}
	mo, _ := s.selected()
	detail := s.detail(mo)
	nw := len(fmt.Sprint(len(ms)))
	stw := max(common.Width(t.MPending), common.Width(t.MAdmitted), common.Width(t.MDeclined("2026-00-00")), common.Width(t.Outcome(false)))
	pw := 10
	tw := max(4, s.W-2-nw-1-pw-2-stw-2)
	lines = append(lines, s.Rows(len(ms), len(lines), len(detail), func(j int, marker string, selected bool) string {
		mo := ms[j]
		stText, done := s.status(mo)
		stStyle := st.MsgAsk
		if done {
			stStyle = st.Dim
		}
		titleStyle := st.Name
		if selected {
			titleStyle = st.NameSel
		}
		return marker + fmt.Sprintf("%*d ", nw, mo.No) + titleStyle.Render(common.Fit(mo.Title, tw)) + "  " + common.Fit(c.PersonName(mo.Proposer), pw) + "  " + stStyle.Render(common.Fit(stText, stw))
	})...)
	lines = append(lines, "")
	lines = append(lines, detail...)
	return common.Block(lines, s.W, s.H)
}

// detail is the selected motion in full.
func (s *Screen) detail(mo session.Motion) []string {
	c, t, st := s.C, s.C.Texts.M, s.C.Styles
	var co []string
	for _, id := range mo.CoSigners {
		co = append(co, c.PersonName(id))
	}
	lines := []string{widgets.SectionRule(c, t.MotionNo(mo.No, mo.Title, c.Clock(mo.Filed)), s.W)}
	lines = append(lines, s.C.WrapStyled(t.Signers(c.PersonName(mo.Proposer), strings.Join(co, t.Sep), mo.Category), s.W, st.Dim)...)
	if mo.Text != "" {
		lines = append(lines, s.C.WrapStyled(mo.Text, s.W, st.Name)...)
	}
	switch mo.Status {
	case session.MotionNotAdmitted:
		lines = append(lines, s.C.WrapStyled(t.DeclinedLine(mo.Reason, c.Date(mo.Due)), s.W, st.MsgAsk)...)
	case session.MotionAdmitted:
		if r, ok := c.VoteOfMotion(mo.No); ok {
			lines = append(lines, widgets.OutcomeLine(c, r, s.W))
		} else {
			lines = append(lines, st.Dim.Render(common.Cut(t.PutToVote(c.Keys.Floor.Vote.Help().Key), s.W)))
		}
	}
	return lines
}
