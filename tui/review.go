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

// The review item (述职评议, the seed's section 八): the officers the agenda
// file lists report on their work and are rated 优秀 / 合格 / 不合格, with
// the review group's 整改意见 when it has one. The item screen lists them;
// the host rates the highlighted officer with one key, and the core
// (session.RateOfficer) decides whether the rating stands.

// typing reports whether the 整改意见 form has the keyboard.
func (s *itemScreen) typing() bool { return s.form != nil }

// reset closes the form and goes back to the first officer, when another
// item becomes current.
func (s *itemScreen) reset() { s.form, s.cursor, s.full, s.scroll = nil, 0, false, 0 }

// reviewing reports whether the current item is a review.
func (s *itemScreen) reviewing() bool {
	_, it, _, ok := s.c.Current()
	return ok && it.Kind == model.ItemReview
}

// officer returns the current review item's index, and its highlighted
// officer with the cursor kept in range; ok is false when it lists none.
func (s *itemScreen) officer() (int, string, bool) {
	i, it, _, ok := s.c.Current()
	if !ok || len(it.Officers) == 0 {
		return i, "", false
	}
	s.cursor = max(0, min(len(it.Officers)-1, s.cursor))
	return i, it.Officers[s.cursor], true
}

// reviewUpdate handles the keys of a review item: ↑↓ choose the officer,
// 1/2/3 (e/p/f) rate, c writes the 整改意见, s shows the whole script.
func (s *itemScreen) reviewUpdate(msg tea.Msg) *common.Note {
	c, k, rt := s.c, s.c.Keys.Floor, s.c.Texts.M.Review
	if s.form != nil {
		submit, cancel := s.form.Update(msg)
		switch {
		case cancel:
			s.form = nil
			return ptr(common.Info(c.Texts.Cancelled))
		case submit:
			return s.saveNote()
		}
		return nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(km, c.Keys.Up):
		s.cursor--
	case key.Matches(km, c.Keys.Down):
		s.cursor++
	case key.Matches(km, k.Script):
		s.full = !s.full
	case key.Matches(km, k.Excellent, k.Pass, k.Fail):
		i, who, ok := s.officer()
		if !ok {
			return ptr(common.Info(rt.NoOfficers))
		}
		r := model.RatingFail
		switch {
		case key.Matches(km, k.Excellent):
			r = model.RatingExcellent
		case key.Matches(km, k.Pass):
			r = model.RatingPass
		}
		old, _ := c.RatingOf(i, who) // a new rating keeps the 整改意见
		if _, err := c.Exec(session.RateOfficer{Meta: c.Meta(), Officer: who, Rating: r, Note: old.Note}); err != nil {
			n := c.Refusal(err)
			return &n
		}
		return ptr(common.Done(rt.Rated(who, rt.Rating(r))))
	case key.Matches(km, k.Comment):
		i, who, ok := s.officer()
		if !ok {
			return ptr(common.Info(rt.NoOfficers))
		}
		r, rated := c.RatingOf(i, who)
		if !rated {
			return ptr(common.Info(rt.RateFirst(rateKeys(c))))
		}
		s.form = widgets.NewForm(c, rt.FormTitle(who, rt.Rating(r.Rating)),
			widgets.Field{Kind: widgets.FieldText, Label: rt.NoteLabel, Value: r.Note})
		s.form.SetSize(s.h - 3)
		return ptr(common.Info(c.Texts.M.FormHint))
	}
	return nil
}

// rateKeys is the rating keys as help shows them: "1/2/3".
func rateKeys(c *common.Common) string {
	f := c.Keys.Floor
	return f.Excellent.Keys()[0] + "/" + f.Pass.Keys()[0] + "/" + f.Fail.Keys()[0]
}

// saveNote records the form's 整改意见 with the officer's rating; an
// empty text removes it.
func (s *itemScreen) saveNote() *common.Note {
	c, rt := s.c, s.c.Texts.M.Review
	i, who, ok := s.officer()
	if !ok {
		s.form = nil
		return ptr(common.Info(rt.NoOfficers))
	}
	r, _ := c.RatingOf(i, who)
	text := s.form.Fields[0].Text()
	if _, err := c.Exec(session.RateOfficer{Meta: c.Meta(), Officer: who, Rating: r.Rating, Note: text}); err != nil {
		n := c.Refusal(err)
		return &n
	}
	s.form = nil
	if text == "" {
		return ptr(common.Done(rt.NoteCleared(who)))
	}
	return ptr(common.Done(rt.NoteSaved(who)))
}

// reviewView renders a review item: its head and script, the officers
// with their ratings, the highlighted officer's 整改意见 (or the form),
// and the secretary's notes.
func (s *itemScreen) reviewView() []string {
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
func (s *itemScreen) noteOf(i int, who string) []string {
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
	return append(lines, common.WrapStyled(r.Note, s.w, st.Name)...)
}
