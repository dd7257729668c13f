package item

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
	"podium/tui/widgets"
)

// The review item (述职评议, the seed's section 八): the officers the agenda
// file lists report on their work and are rated 优秀 / 合格 / 不合格, with
// the review group's 整改意见 when it has one. The item screen lists them;
// the host rates the highlighted officer with one key, and the core
// (session.RateOfficer) decides whether the rating stands.

// reviewing reports whether the current item is a review.
func (s *Screen) reviewing() bool {
	_, it, _, ok := s.c.Current()
	return ok && it.Kind == model.ItemReview
}

// officer returns the current review item's index, and its highlighted
// officer with the cursor kept in range; ok is false when it lists none.
func (s *Screen) officer() (int, string, bool) {
	i, it, _, ok := s.c.Current()
	if !ok || len(it.Officers) == 0 {
		return i, "", false
	}
	s.cursor = max(0, min(len(it.Officers)-1, s.cursor))
	return i, it.Officers[s.cursor], true
}

// reviewUpdate gives the open form its keys, or runs the review's: ↑↓ choose the officer,
// 1/2/3 (e/p/f) rate, c writes the 整改意见, s shows the whole script.
func (s *Screen) reviewUpdate(msg tea.Msg) *common.Note {
	c := s.c
	if s.form != nil {
		submit, cancel := s.form.Update(msg)
		switch {
		case cancel:
			s.form = nil
			return common.Info(c.Texts.Cancelled).Ref()
		case submit:
			return s.saveNote()
		}
		return nil
	}
	if km, ok := msg.(tea.KeyPressMsg); ok {
		common.Handle(s.Keys(), km)
	}
	return nil
}

// reviewKeys is a review's table: rate the highlighted officer, write the
// 整改意见, the whole script; ↑↓ choose the officer.
func (s *Screen) reviewKeys() []common.Binding {
	c, k, f := s.c, s.c.Keys, s.c.Keys.Floor
	rate := func(r model.Rating) func() { return func() { c.Tell(s.rate(r)) } }
	return common.Floor(k, []common.Binding{
		common.Key(f.Excellent, rate(model.RatingExcellent)).For(session.RateOfficer{}),
		common.Key(f.Pass, rate(model.RatingPass)).For(session.RateOfficer{}),
		common.Key(f.Fail, rate(model.RatingFail)).For(session.RateOfficer{}),
		common.Key(f.Comment, func() { c.Tell(s.comment()) }).For(session.RateOfficer{}),
		common.Key(f.Script, func() { s.full = !s.full }),
	},
		common.Key(k.Up, func() { s.cursor-- }),
		common.Key(k.Down, func() { s.cursor++ }))
}

// rate rates the highlighted officer r, keeping the 整改意见.
func (s *Screen) rate(r model.Rating) *common.Note {
	c, rt := s.c, s.c.Texts.M.Review
	i, who, ok := s.officer()
	if !ok {
		return common.Info(rt.NoOfficers).Ref()
	}
	old, _ := c.RatingOf(i, who) // a new rating keeps the 整改意见
	if _, err := c.Exec(session.RateOfficer{Meta: c.Meta(), Officer: who, Rating: r, Note: old.Note}); err != nil {
		return c.Refusal(err).Ref()
	}
	return common.Done(rt.Rated(who, rt.Rating(r))).Ref()
}

// comment opens the 整改意见 form of the highlighted officer, once rated.
func (s *Screen) comment() *common.Note {
	c, rt := s.c, s.c.Texts.M.Review
	i, who, ok := s.officer()
	if !ok {
		return common.Info(rt.NoOfficers).Ref()
	}
	r, rated := c.RatingOf(i, who)
	if !rated {
		return common.Info(rt.RateFirst(rateKeys(c))).Ref()
	}
	s.form = widgets.NewForm(c, rt.FormTitle(who, rt.Rating(r.Rating)),
		widgets.Field{Kind: widgets.FieldText, Label: rt.NoteLabel, Value: r.Note})
	s.form.SetSize(s.h - 3)
	return common.Info(c.Texts.M.FormHint).Ref()
}

// rateKeys is the rating keys as help shows them: "1/2/3".
func rateKeys(c *common.Common) string {
	f := c.Keys.Floor
	return f.Excellent.Keys()[0] + "/" + f.Pass.Keys()[0] + "/" + f.Fail.Keys()[0]
}

// saveNote records the form's 整改意见 with the officer's rating; an
// empty text removes it.
func (s *Screen) saveNote() *common.Note {
	c, rt := s.c, s.c.Texts.M.Review
	i, who, ok := s.officer()
	if !ok {
		s.form = nil
		return common.Info(rt.NoOfficers).Ref()
	}
	r, _ := c.RatingOf(i, who)
	text := s.form.Fields[0].Text()
	if _, err := c.Exec(session.RateOfficer{Meta: c.Meta(), Officer: who, Rating: r.Rating, Note: text}); err != nil {
		n := c.Refusal(err)
		return &n
	}
	s.form = nil
	if text == "" {
		return common.Done(rt.NoteCleared(who)).Ref()
	}
	return common.Done(rt.NoteSaved(who)).Ref()
}

// reviewView renders a review item: its head and script, the officers
// with their ratings, the highlighted officer's 整改意见 (or the form),
// and the secretary's notes.
func (s *Screen) reviewView() []string {
	c, rt, st := s.c, s.c.Texts.M.Review, s.c.Styles
	i, it, _, _ := c.Current()
	lines := widgets.ItemHead(c, s.w)
	lines = append(lines, widgets.ScriptBox(c, model.ItemReview, nil, s.full, s.w, s.h)...)
	if len(it.Officers) == 0 {
		lines = append(lines, "", st.Dim.Render(common.Cut(rt.NoOfficers, s.w)), "")
		return common.Block(append(lines, widgets.NoteLines(c, i, s.w)...), s.w, s.h)
	}
	tally := map[model.Rating]int{}
	for _, o := range it.Officers {
		if r, ok := c.RatingOf(i, o); ok {
			tally[r.Rating]++
		}
	}
	rated := tally[model.RatingExcellent] + tally[model.RatingPass] + tally[model.RatingFail]
	lines = append(lines, widgets.SectionRule(c, rt.Title(len(it.Officers), tally[model.RatingExcellent],
		tally[model.RatingPass], tally[model.RatingFail], len(it.Officers)-rated), s.w))
	_, who, _ := s.officer()
	var detail []string
	if s.form != nil {
		detail = append([]string{""}, s.form.View(s.w)...)
	} else {
		detail = s.noteOf(i, who)
	}
	rows := max(2, min(len(it.Officers), s.h-len(lines)-len(detail)-1))
	first := max(0, min(s.cursor-rows/2, len(it.Officers)-rows))
	nw := len(fmt.Sprint(len(it.Officers)))
	ow := 4
	for _, o := range it.Officers {
		ow = max(ow, common.Width(o))
	}
	rw := 0
	for _, r := range []model.Rating{model.RatingExcellent, model.RatingPass, model.RatingFail, ""} {
		rw = max(rw, common.Width(rt.Rating(r)))
	}
	ow = min(ow, max(4, s.w-2-nw-1-2-rw-2-5))
	for j := first; j < len(it.Officers) && j < first+rows; j++ {
		o := it.Officers[j]
		r, ok := c.RatingOf(i, o)
		word, style, at := rt.Rating(r.Rating), st.Dim, ""
		switch {
		case ok && r.Rating == model.RatingFail:
			style, at = st.MsgErr, c.Clock(r.At)
		case ok:
			style, at = st.StPresent, c.Clock(r.At)
		}
		marker, name := "  ", st.Name.Render(common.Fit(o, ow))
		if j == s.cursor {
			marker, name = st.Marker.Render("› "), st.NameSel.Render(common.Fit(o, ow))
		}
		lines = append(lines, marker+fmt.Sprintf("%*d ", nw, j+1)+name+"  "+style.Render(common.Fit(word, rw))+"  "+st.Dim.Render(at))
	}
	lines = append(lines, detail...)
	if s.form == nil {
		lines = append(lines, "")
		lines = append(lines, widgets.NoteLines(c, i, s.w)...)
	}
	return common.Block(lines, s.w, s.h)
}

// noteOf is the highlighted officer's rating and 整改意见 under its rule.
func (s *Screen) noteOf(i int, who string) []string {
	c, rt, st := s.c, s.c.Texts.M.Review, s.c.Styles
	lines := []string{"", widgets.SectionRule(c, rt.NoteTitle(who), s.w)}
	r, ok := c.RatingOf(i, who)
	if !ok {
		return append(lines, st.Dim.Render(common.Cut(rt.RateFirst(rateKeys(c)), s.w)))
	}
	lines = append(lines, st.Dim.Render(common.Cut(rt.RatedAt(rt.Rating(r.Rating), c.Clock(r.At)), s.w)))
	if r.Note == "" {
		return append(lines, st.Dim.Render(common.Cut(rt.NoNote(c.Keys.Floor.Comment.Help().Key), s.w)))
	}
	return append(lines, s.c.WrapStyled(r.Note, s.w, st.Name)...)
}
