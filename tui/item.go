package tui

import (
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/tui/common"
	"podium/tui/widgets"
)

// itemScreen is the screen of an item without a desk of its own (opening,
// report, deliberation, closing, procedure, review): the item and its
// timer, the host's script, and the secretary's notes on it. A review
// item (述职评议) also lists its officers with their ratings (review.go).
type itemScreen struct {
	c      *common.Common
	w, h   int
	scroll int
	// The review: the highlighted officer, the form of the 整改意见 (nil
	// when closed) and whether the whole script is shown.
	cursor int
	form   *widgets.Form
	full   bool
}

func newItemScreen(c *common.Common) *itemScreen { return &itemScreen{c: c} }

func (s *itemScreen) setSize(w, h int) {
	s.w, s.h = w, h
	if s.form != nil {
		s.form.SetSize(h - 3)
	}
}

func (s *itemScreen) update(msg tea.Msg) (*common.Note, tea.Cmd) {
	if s.reviewing() {
		return s.reviewUpdate(msg), nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "up":
			s.scroll--
		case "down":
			s.scroll++
		case "home":
			s.scroll = 0
		}
	}
	return nil, nil
}

// view renders the item, its script and its notes in h lines of w.
func (s *itemScreen) view() []string {
	c, t, st := s.c, s.c.Texts, s.c.Styles
	i, _, _, ok := c.Current()
	if !ok {
		return common.Block([]string{"", "  " + st.Dim.Render(t.NotStarted)}, s.w, s.h)
	}
	if c.Setup.Agenda[i].Kind == model.ItemReview {
		return s.reviewView()
	}
	lines := widgets.ItemHead(c, s.w)
	lines = append(lines, "")
	lines = append(lines, widgets.SectionRule(c, t.M.ScriptTitle, s.w))
	lines = append(lines, common.WrapStyled(c.Script(i, nil), s.w, st.Script)...)
	lines = append(lines, "")
	lines = append(lines, widgets.NoteLines(c, i, s.w)...)
	s.scroll = max(0, min(s.scroll, len(lines)-s.h))
	return common.Block(lines[s.scroll:], s.w, s.h)
}
