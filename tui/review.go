package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
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
	_, it, _, ok := s.c.current()
	return ok && it.Kind == model.ItemReview
}

// officer returns the current review item's index, and its highlighted
// officer with the cursor kept in range; ok is false when it lists none.
func (s *itemScreen) officer() (int, string, bool) {
	i, it, _, ok := s.c.current()
	if !ok || len(it.Officers) == 0 {
		return i, "", false
	}
	s.cursor = max(0, min(len(it.Officers)-1, s.cursor))
	return i, it.Officers[s.cursor], true
}

// reviewUpdate handles the keys of a review item: ↑↓ choose the officer,
// 1/2/3 (e/p/f) rate, c writes the 整改意见, s shows the whole script.
func (s *itemScreen) reviewUpdate(msg tea.Msg) *note {
	c, k, rt := s.c, s.c.Keys.Floor, s.c.Texts.M.Review
	if s.form != nil {
		submit, cancel := s.form.update(msg)
		switch {
		case cancel:
			s.form = nil
			return &note{noteInfo, c.Texts.Cancelled}
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
			return &note{noteInfo, rt.NoOfficers}
		}
		r := model.RatingFail
		switch {
		case key.Matches(km, k.Excellent):
			r = model.RatingExcellent
		case key.Matches(km, k.Pass):
			r = model.RatingPass
		}
		old, _ := c.ratingOf(i, who) // a new rating keeps the 整改意见
		if _, err := c.Exec(session.RateOfficer{Meta: c.Meta(), Officer: who, Rating: r, Note: old.Note}); err != nil {
			n := refusal(c, err)
			return &n
		}
		return &note{noteOK, rt.Rated(who, rt.Rating(r))}
	case key.Matches(km, k.Comment):
		i, who, ok := s.officer()
		if !ok {
			return &note{noteInfo, rt.NoOfficers}
		}
		r, rated := c.ratingOf(i, who)
		if !rated {
			return &note{noteInfo, rt.RateFirst(rateKeys(c))}
		}
		s.form = newForm(c, rt.FormTitle(who, rt.Rating(r.Rating)),
			field{kind: fieldText, label: rt.NoteLabel, value: []rune(r.Note)})
		s.form.setSize(s.h - 3)
		return &note{noteInfo, c.Texts.M.FormHint}
	}
	return nil
}

// rateKeys is the rating keys as help shows them: "1/2/3".
func rateKeys(c *Common) string {
	f := c.Keys.Floor
	return f.Excellent.Keys()[0] + "/" + f.Pass.Keys()[0] + "/" + f.Fail.Keys()[0]
}

// saveNote records the form's 整改意见 with the officer's rating; an
// empty text removes it.
func (s *itemScreen) saveNote() *note {
	c, rt := s.c, s.c.Texts.M.Review
	i, who, ok := s.officer()
	if !ok {
		s.form = nil
		return &note{noteInfo, rt.NoOfficers}
	}
	r, _ := c.ratingOf(i, who)
	text := s.form.fields[0].text()
	if _, err := c.Exec(session.RateOfficer{Meta: c.Meta(), Officer: who, Rating: r.Rating, Note: text}); err != nil {
		n := refusal(c, err)
		return &n
	}
	s.form = nil
	if text == "" {
		return &note{noteOK, rt.NoteCleared(who)}
	}
	return &note{noteOK, rt.NoteSaved(who)}
}

// reviewView renders a review item: its head and script, the officers
// with their ratings, the highlighted officer's 整改意见 (or the form),
// and the secretary's notes.
func (s *itemScreen) reviewView() []string {
	c, rt, st := s.c, s.c.Texts.M.Review, s.c.Styles
	i, it, _, _ := c.current()
	lines := itemHead(c, s.w)
	lines = append(lines, scriptBox(c, model.ItemReview, nil, s.full, s.w, s.h)...)
	if len(it.Officers) == 0 {
		lines = append(lines, "", st.Dim.Render(cut(rt.NoOfficers, s.w)), "")
		return block(append(lines, noteLines(c, i, s.w)...), s.w, s.h)
	}
	tally := map[model.Rating]int{}
	for _, o := range it.Officers {
		if r, ok := c.ratingOf(i, o); ok {
			tally[r.Rating]++
		}
	}
	rated := tally[model.RatingExcellent] + tally[model.RatingPass] + tally[model.RatingFail]
	lines = append(lines, sectionRule(c, rt.Title(len(it.Officers), tally[model.RatingExcellent],
		tally[model.RatingPass], tally[model.RatingFail], len(it.Officers)-rated), s.w))
	_, who, _ := s.officer()
	var detail []string
	if s.form != nil {
		detail = append([]string{""}, s.form.view(s.w)...)
	} else {
		detail = s.noteOf(i, who)
	}
	rows := max(2, min(len(it.Officers), s.h-len(lines)-len(detail)-1))
	first := max(0, min(s.cursor-rows/2, len(it.Officers)-rows))
	nw := len(fmt.Sprint(len(it.Officers)))
	ow := 4
	for _, o := range it.Officers {
		ow = max(ow, width(o))
	}
	rw := 0
	for _, r := range []model.Rating{model.RatingExcellent, model.RatingPass, model.RatingFail, ""} {
		rw = max(rw, width(rt.Rating(r)))
	}
	ow = min(ow, max(4, s.w-2-nw-1-2-rw-2-5))
	for j := first; j < len(it.Officers) && j < first+rows; j++ {
		o := it.Officers[j]
		r, ok := c.ratingOf(i, o)
		word, style, at := rt.Rating(r.Rating), st.Dim, ""
		switch {
		case ok && r.Rating == model.RatingFail:
			style, at = st.MsgErr, c.clock(r.At)
		case ok:
			style, at = st.StPresent, c.clock(r.At)
		}
		marker, name := "  ", st.Name.Render(fit(o, ow))
		if j == s.cursor {
			marker, name = st.Marker.Render("› "), st.NameSel.Render(fit(o, ow))
		}
		lines = append(lines, marker+fmt.Sprintf("%*d ", nw, j+1)+name+"  "+style.Render(fit(word, rw))+"  "+st.Dim.Render(at))
	}
	lines = append(lines, detail...)
	if s.form == nil {
		lines = append(lines, "")
		lines = append(lines, noteLines(c, i, s.w)...)
	}
	return block(lines, s.w, s.h)
}

// noteOf is the highlighted officer's rating and 整改意见 under its rule.
func (s *itemScreen) noteOf(i int, who string) []string {
	c, rt, st := s.c, s.c.Texts.M.Review, s.c.Styles
	lines := []string{"", sectionRule(c, rt.NoteTitle(who), s.w)}
	r, ok := c.ratingOf(i, who)
	if !ok {
		return append(lines, st.Dim.Render(cut(rt.RateFirst(rateKeys(c)), s.w)))
	}
	lines = append(lines, st.Dim.Render(cut(rt.RatedAt(rt.Rating(r.Rating), c.clock(r.At)), s.w)))
	if r.Note == "" {
		return append(lines, st.Dim.Render(cut(rt.NoNote(c.Keys.Floor.Comment.Help().Key), s.w)))
	}
	return append(lines, wrapStyled(r.Note, s.w, st.Name)...)
}
