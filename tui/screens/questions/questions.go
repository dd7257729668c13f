// Package questions is the questioning desk (质询, RULES §5): the queue
// of questions with their status, a question asked (the delegate by the
// check-in search, the target, the text), answered (who, the answer) or
// taken on notice (the core sets the due date).
package questions

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
	"podium/tui/widgets"
)

// ID is the questioning desk's screen.
const ID common.ScreenID = "questions"

// Screen is the questioning desk.
type Screen struct {
	widgets.Desk // FormOf: 0 asking, else the question No being answered
}

// New returns the questioning desk.
func New(c *common.Common) common.Screen { return &Screen{Desk: widgets.Desk{C: c}} }

// selected is the question under the cursor.
func (s *Screen) selected() (session.Question, bool) {
	return widgets.Pick(&s.Desk, s.C.Snap.Questions)
}

// Update gives the open form its keys, or runs the desk's.
func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	s.Desk.Update(msg, s.submit, s.Keys)
	return nil
}

// Keys is the form's table, or the desk's: ask, answer, take on notice,
// the whole script; ↑↓ choose the question.
func (s *Screen) Keys() []common.Binding {
	f := s.C.Keys.Floor
	return s.Desk.Keys(
		common.Key(f.Ask, s.ask).For(session.AskQuestion{}),
		common.Key(f.Answer, s.answer).For(session.AnswerQuestion{}),
		common.Key(f.Defer, s.deferQuestion).For(session.DeferQuestion{}),
		common.Key(f.Script, func() { s.Full = !s.Full }))
}

// ask opens the form of a new question.
func (s *Screen) ask() {
	c, t := s.C, s.C.Texts.M
	s.FormOf = 0
	s.Form = widgets.NewForm(c, t.AskTitle,
		widgets.Field{Kind: widgets.FieldPerson, Label: t.Delegate, Check: func(id string) error { return c.CheckPerson(id, session.CodeAsDelegate) }},
		widgets.Field{Kind: widgets.FieldText, Label: t.Target},
		widgets.Field{Kind: widgets.FieldText, Label: t.Question})
	s.Form.SetSize(s.H - 3)
	c.Say(common.Info(t.FormHint))
}

// answer opens the answer's form of the selected question.
func (s *Screen) answer() {
	c, t, f := s.C, s.C.Texts.M, s.C.Keys.Floor
	q, ok := s.selected()
	switch {
	case !ok:
		c.Say(common.Info(t.NoQuestions(f.Ask.Help().Key)))
		return
	case q.Status == session.QuestionReplied:
		c.Say(common.Info(t.AlreadyAnswered(q.No)))
		return
	}
	s.FormOf = q.No
	s.Form = widgets.NewForm(c, t.AnswerTitle(q.No, c.PersonName(q.Delegate)),
		widgets.Field{Kind: widgets.FieldText, Label: t.AnsweredBy, Value: q.Target},
		widgets.Field{Kind: widgets.FieldText, Label: t.Answer})
	s.Form.Focus(1)
	s.Form.SetSize(s.H - 3)
	c.Say(common.Info(t.FormHint))
}

// deferQuestion takes the selected question on notice (answer in writing
// within the meeting's days), on a second press of its key.
func (s *Screen) deferQuestion() {
	c, t, f := s.C, s.C.Texts.M, s.C.Keys.Floor
	q, ok := s.selected()
	if !ok {
		c.Say(common.Info(t.NoQuestions(f.Ask.Help().Key)))
		return
	}
	if err := c.Check(session.DeferQuestion{Meta: c.Meta(), No: q.No}); err != nil {
		c.Say(c.Refusal(err))
		return
	}
	c.Frame.Confirm(f.Defer, t.ConfirmDefer(f.Defer.Help().Key, q.No, c.Setup.Meeting.AnswerDays), func() {
		if _, err := c.Exec(session.DeferQuestion{Meta: c.Meta(), No: q.No}); err != nil {
			c.Say(c.Refusal(err))
			return
		}
		q, _ = s.selected()
		c.Say(common.Done(t.Deferred(q.No, c.Date(q.Due))))
	})
}

// submit executes the form: a new question or an answer.
func (s *Screen) submit() *common.Note {
	c, t := s.C, s.C.Texts.M
	f := s.Form.Fields
	if s.FormOf == 0 {
		var who string
		if len(f[0].IDs) > 0 {
			who = f[0].IDs[0]
		}
		_, err := c.Exec(session.AskQuestion{Meta: c.Meta(), Delegate: who, Target: f[1].Text(), Text: f[2].Text()})
		if err != nil {
			n := c.Refusal(err)
			return &n
		}
		s.Form = nil
		s.Cursor = len(c.Snap.Questions) - 1
		return common.Done(t.Asked(len(c.Snap.Questions), c.PersonName(who))).Ref()
	}
	_, err := c.Exec(session.AnswerQuestion{Meta: c.Meta(), No: s.FormOf, By: f[0].Text(), Text: f[1].Text()})
	if err != nil {
		n := c.Refusal(err)
		return &n
	}
	s.Form = nil
	return common.Done(t.Answered(s.FormOf)).Ref()
}

// questionStatus is a question's status in words, with its time or due
// date.
func (s *Screen) status(q session.Question) (string, bool) {
	c, t := s.C, s.C.Texts.M
	switch q.Status {
	case session.QuestionReplied:
		return t.QAnswered(c.Clock(q.Answered)), true
	case session.QuestionOnNotice:
		return t.QOnNotice(c.Date(q.Due)), true
	}
	return t.QPending, false
}

// View renders the desk: the item, the script, the form or the queue
// and the selected question.
func (s *Screen) View() []string {
	c, t, st := s.C, s.C.Texts.M, s.C.Styles
	lines, formOpen := s.Top(model.ItemQuestioning)
	if formOpen {
		return common.Block(lines, s.W, s.H)
	}
	qs := c.Snap.Questions
	pending, answered, notice := common.QuestionCounts(qs)
	lines = append(lines, widgets.SectionRule(c, t.QueueTitle(len(qs), pending, answered, notice), s.W))
	if len(qs) == 0 {
		lines = append(lines, st.Dim.Render(common.Cut(t.NoQuestions(c.Keys.Floor.Ask.Help().Key), s.W)))
		return common.Block(lines, s.W, s.H)
	}
	q, _ := s.selected()
	detail := s.detail(q)
	nw := len(fmt.Sprint(len(qs)))
	stw := max(common.Width(t.QPending), common.Width(t.QAnswered("00:00")), common.Width(t.QOnNotice("2026-00-00")))
	dw := 10
	tw := max(4, s.W-2-nw-1-dw-2-stw-2)
	lines = append(lines, s.Rows(len(qs), len(lines), len(detail), func(j int, marker string, selected bool) string {
		q := qs[j]
		stText, done := s.status(q)
		stStyle := st.MsgAsk
		if done {
			stStyle = st.Dim
		}
		nameStyle := st.Name
		if selected {
			nameStyle = st.NameSel
		}
		return marker + fmt.Sprintf("%*d ", nw, q.No) + nameStyle.Render(common.Fit(c.PersonName(q.Delegate), dw)) + "  " + common.Fit(q.Target+" · "+q.Text, tw) + "  " + stStyle.Render(common.Fit(stText, stw))
	})...)
	lines = append(lines, "")
	lines = append(lines, detail...)
	return common.Block(lines, s.W, s.H)
}

// detail is the selected question in full: who asked what, the answer.
func (s *Screen) detail(q session.Question) []string {
	c, t, st := s.C, s.C.Texts.M, s.C.Styles
	lines := []string{widgets.SectionRule(c, t.QuestionNo(q.No, c.PersonName(q.Delegate), q.Target, c.Clock(q.Asked)), s.W)}
	lines = append(lines, s.C.WrapStyled(t.Q+q.Text, s.W, st.Name)...)
	switch q.Status {
	case session.QuestionReplied:
		lines = append(lines, s.C.WrapStyled(t.A(q.AnsweredBy)+q.Answer, s.W, st.StPresent)...)
	case session.QuestionOnNotice:
		lines = append(lines, st.MsgAsk.Render(common.Cut(t.OnNoticeLine(c.Date(q.Due)), s.W)))
	}
	return lines
}
