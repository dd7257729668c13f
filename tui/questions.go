package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
	"podium/tui/widgets"
)

// questionScreen is the questioning desk (质询, RULES §5): the queue of
// questions with their status, a question asked (the delegate by the
// check-in search, the target, the text), answered (who, the answer) or
// taken on notice (the core sets the due date: two weeks).
type questionScreen struct {
	desk       // formOf: 0 asking, else the question No being answered
	defer_ int // the question No waiting for the second press of defer
}

func newQuestionScreen(c *common.Common) *questionScreen { return &questionScreen{desk: desk{c: c}} }

func (s *questionScreen) selected() (session.Question, bool) {
	i, ok := s.clamp(len(s.c.Snap.Questions))
	if !ok {
		return session.Question{}, false
	}
	return s.c.Snap.Questions[i], true
}

func (s *questionScreen) update(msg tea.Msg) (*common.Note, tea.Cmd) {
	c, t, k := s.c, s.c.Texts.M, s.c.Keys.Floor
	if n, handled := s.updateForm(msg, s.submit); handled {
		return n, nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	pendingDefer := s.defer_
	s.defer_ = 0
	switch {
	case key.Matches(km, k.Script):
		s.full = !s.full
	case key.Matches(km, c.Keys.Up):
		s.cursor--
	case key.Matches(km, c.Keys.Down):
		s.cursor++
	case key.Matches(km, k.Ask):
		s.formOf = 0
		s.form = widgets.NewForm(c, t.AskTitle,
			widgets.Field{Kind: widgets.FieldPerson, Label: t.Delegate},
			widgets.Field{Kind: widgets.FieldText, Label: t.Target},
			widgets.Field{Kind: widgets.FieldText, Label: t.Question})
		s.form.SetSize(s.h - 3)
		return ptr(common.Info(t.FormHint)), nil
	case key.Matches(km, k.Answer):
		q, ok := s.selected()
		if !ok {
			return ptr(common.Info(t.NoQuestions(k.Ask.Help().Key))), nil
		}
		if q.Status == session.QuestionReplied {
			return ptr(common.Info(t.AlreadyAnswered(q.No))), nil
		}
		s.formOf = q.No
		s.form = widgets.NewForm(c, t.AnswerTitle(q.No, c.PersonName(q.Delegate)),
			widgets.Field{Kind: widgets.FieldText, Label: t.AnsweredBy, Value: q.Target},
			widgets.Field{Kind: widgets.FieldText, Label: t.Answer})
		s.form.Focus(1)
		s.form.SetSize(s.h - 3)
		return ptr(common.Info(t.FormHint)), nil
	case key.Matches(km, k.Defer):
		q, ok := s.selected()
		if !ok {
			return ptr(common.Info(t.NoQuestions(k.Ask.Help().Key))), nil
		}
		if pendingDefer != q.No {
			s.defer_ = q.No
			return ptr(common.Asking(t.ConfirmDefer(k.Defer.Help().Key, q.No, c.Setup.Meeting.AnswerDays))), nil
		}
		if _, err := c.Exec(session.DeferQuestion{Meta: c.Meta(), No: q.No}); err != nil {
			n := c.Refusal(err)
			return &n, nil
		}
		q, _ = s.selected()
		return ptr(common.Done(t.Deferred(q.No, c.Date(q.Due)))), nil
	}
	return nil, nil
}

// submit executes the form: a new question or an answer.
func (s *questionScreen) submit() *common.Note {
	c, t := s.c, s.c.Texts.M
	f := s.form.Fields
	if s.formOf == 0 {
		var who string
		if len(f[0].IDs) > 0 {
			who = f[0].IDs[0]
		}
		_, err := c.Exec(session.AskQuestion{Meta: c.Meta(), Delegate: who, Target: f[1].Text(), Text: f[2].Text()})
		if err != nil {
			n := c.Refusal(err)
			return &n
		}
		s.form = nil
		s.cursor = len(c.Snap.Questions) - 1
		return ptr(common.Done(t.Asked(len(c.Snap.Questions), c.PersonName(who))))
	}
	_, err := c.Exec(session.AnswerQuestion{Meta: c.Meta(), No: s.formOf, By: f[0].Text(), Text: f[1].Text()})
	if err != nil {
		n := c.Refusal(err)
		return &n
	}
	s.form = nil
	return ptr(common.Done(t.Answered(s.formOf)))
}

// questionStatus is a question's status in words, with its time or due
// date.
func (s *questionScreen) status(q session.Question) (string, bool) {
	c, t := s.c, s.c.Texts.M
	switch q.Status {
	case session.QuestionReplied:
		return t.QAnswered(c.Clock(q.Answered)), true
	case session.QuestionOnNotice:
		return t.QOnNotice(c.Date(q.Due)), true
	}
	return t.QPending, false
}

func (s *questionScreen) view() []string {
	c, t, st := s.c, s.c.Texts.M, s.c.Styles
	lines, formOpen := s.top(model.ItemQuestioning)
	if formOpen {
		return common.Block(lines, s.w, s.h)
	}
	qs := c.Snap.Questions
	pending, answered, notice := common.QuestionCounts(qs)
	lines = append(lines, widgets.SectionRule(c, t.QueueTitle(len(qs), pending, answered, notice), s.w))
	if len(qs) == 0 {
		lines = append(lines, st.Dim.Render(common.Cut(t.NoQuestions(c.Keys.Floor.Ask.Help().Key), s.w)))
		return common.Block(lines, s.w, s.h)
	}
	q, _ := s.selected()
	detail := s.detail(q)
	rows := max(2, s.h-len(lines)-len(detail)-1)
	first := max(0, min(s.cursor-rows/2, len(qs)-rows))
	nw := len(fmt.Sprint(len(qs)))
	stw := max(common.Width(t.QPending), common.Width(t.QAnswered("00:00")), common.Width(t.QOnNotice("2026-00-00")))
	dw := 10
	tw := max(4, s.w-2-nw-1-dw-2-stw-2)
	for j := first; j < len(qs) && j < first+rows; j++ {
		q := qs[j]
		stText, done := s.status(q)
		stStyle := st.MsgAsk
		if done {
			stStyle = st.Dim
		}
		marker, name := "  ", st.Name.Render(common.Fit(c.PersonName(q.Delegate), dw))
		if j == s.cursor {
			marker, name = st.Marker.Render("› "), st.NameSel.Render(common.Fit(c.PersonName(q.Delegate), dw))
		}
		lines = append(lines, marker+fmt.Sprintf("%*d ", nw, q.No)+name+"  "+common.Fit(q.Target+" · "+q.Text, tw)+"  "+stStyle.Render(common.Fit(stText, stw)))
	}
	lines = append(lines, "")
	lines = append(lines, detail...)
	return common.Block(lines, s.w, s.h)
}

// detail is the selected question in full: who asked what, the answer.
func (s *questionScreen) detail(q session.Question) []string {
	c, t, st := s.c, s.c.Texts.M, s.c.Styles
	lines := []string{widgets.SectionRule(c, t.QuestionNo(q.No, c.PersonName(q.Delegate), q.Target, c.Clock(q.Asked)), s.w)}
	lines = append(lines, common.WrapStyled(t.Q+q.Text, s.w, st.Name)...)
	switch q.Status {
	case session.QuestionReplied:
		lines = append(lines, common.WrapStyled(t.A(q.AnsweredBy)+q.Answer, s.w, st.StPresent)...)
	case session.QuestionOnNotice:
		lines = append(lines, st.MsgAsk.Render(common.Cut(t.OnNoticeLine(c.Date(q.Due)), s.w)))
	}
	return lines
}
