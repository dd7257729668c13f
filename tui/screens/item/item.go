// Package item is the screen of an agenda item without a desk of its own
// (opening, report, deliberation, closing, procedure, review): the item
// and its timer, the host's script, the secretary's notes on it, and for
// a review (述职评议) its officers with their ratings.
package item

import (
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/tui/common"
	"podium/tui/widgets"
)

// ID is the item screen.
const ID common.ScreenID = "item"

// Screen is the screen of an item without a desk of its own (opening,
// report, deliberation, closing, procedure, review): the item and its
// timer, the host's script, and the secretary's notes on it. A review
// item (述职评议) also lists its officers with their ratings (review.go).
type Screen struct {
	c      *common.Common
	w, h   int
	scroll int
	// The review: the highlighted officer, the form of the 整改意见 (nil
	// when closed) and whether the whole script is shown.
	cursor int
	form   *widgets.Form
	full   bool
}

// New returns the item screen.
func New(c *common.Common) common.Screen { return &Screen{c: c} }

// SetSize gives the screen its area.
func (s *Screen) SetSize(w, h int) {
	s.w, s.h = w, h
	if s.form != nil {
		s.form.SetSize(h - 3)
	}
}

// Update resets the screen when another item becomes current and runs
// the keys: a review's, or scrolling.
func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.NewItemMsg:
		s.form, s.cursor, s.full, s.scroll = nil, 0, false, 0
	case tea.PasteMsg, tea.KeyPressMsg:
		if s.reviewing() {
			s.c.Tell(s.reviewUpdate(msg))
			return nil
		}
		if k, ok := msg.(tea.KeyPressMsg); ok {
			common.Handle(s.Keys(), k)
		}
	}
	return nil
}

// Typing reports whether the 整改意见 form has the keyboard.
func (s *Screen) Typing() bool { return s.form != nil }

// Keys is the table of the form, of a review, or of the item: the frame's
// screens, scrolling.
func (s *Screen) Keys() []common.Binding {
	k := s.c.Keys
	switch {
	case s.form != nil:
		return common.Form(k, s.form.Keys()...)
	case s.reviewing():
		return s.reviewKeys()
	}
	// The footer: ctrl+o while the meeting waits to be declared valid,
	// then the agenda's keys; the other screens are in ? (Floor).
	var own []common.Binding
	if s.declaring() {
		own = append(own, common.FrameKey(k.Declare))
	}
	return common.Floor(k, own,
		common.Key(k.Up, func() { s.scroll-- }),
		common.Key(k.Down, func() { s.scroll++ }),
		common.Key(k.Home, func() { s.scroll = 0 }).In(false, 1))
}

// View renders the item, its script and its notes in h lines of w.
func (s *Screen) View() []string {
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
	lines = append(lines, s.c.WrapStyled(c.Script(i, nil), s.w, st.Script)...)
	if s.declaring() {
		q := c.Snap.Quorum
		lines = append(lines, "")
		lines = append(lines, s.c.WrapStyled(t.M.DeclareHint(c.Keys.Declare.Help().Key, q.Present, q.OpeningNeed, q.Opening), s.w, st.MsgAsk)...)
	}
	lines = append(lines, "")
	lines = append(lines, widgets.NoteLines(c, i, s.w)...)
	s.scroll = max(0, min(s.scroll, len(lines)-s.h))
	return common.Block(lines[s.scroll:], s.w, s.h)
}

// declaring reports whether the preparatory meeting waits for the
// declaration that the meeting is valid (ctrl+o).
func (s *Screen) declaring() bool {
	_, it, _, ok := s.c.Current()
	return ok && it.Kind == model.ItemPreparatory && s.c.Snap.Declared == nil
}
