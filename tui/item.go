package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/tui/common"
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
	form   *form
	full   bool
}

func newItemScreen(c *common.Common) *itemScreen { return &itemScreen{c: c} }

func (s *itemScreen) setSize(w, h int) {
	s.w, s.h = w, h
	if s.form != nil {
		s.form.setSize(h - 3)
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
	lines := itemHead(c, s.w)
	lines = append(lines, "")
	lines = append(lines, sectionRule(c, t.M.ScriptTitle, s.w))
	lines = append(lines, common.WrapStyled(c.Script(i, nil), s.w, st.Script)...)
	lines = append(lines, "")
	lines = append(lines, noteLines(c, i, s.w)...)
	s.scroll = max(0, min(s.scroll, len(lines)-s.h))
	return common.Block(lines[s.scroll:], s.w, s.h)
}

// itemHead is the first lines of every meeting screen: the item's number
// and title with its timer, and its presenter.
func itemHead(c *common.Common, w int) []string {
	t, s := c.Texts, c.Styles
	i, it, _, ok := c.Current()
	if !ok {
		return []string{s.Dim.Render(t.NotStarted)}
	}
	kind := t.M.KindName(it.Kind)
	if strings.Contains(strings.ToLower(t.ItemTitle(it)), strings.ToLower(kind)) {
		kind = ""
	}
	title := s.Title.Render(t.M.ItemLine(i+1, t.ItemTitle(it), kind))
	timer := c.Timer()
	lines := []string{common.Spread(title, timer, w)}
	if common.Width(title)+common.Width(timer)+2 > w {
		lines = []string{common.Cut(title, w), common.Rpad(timer, w)}
	}
	if it.Presenter != "" {
		lines = append(lines, s.Dim.Render(common.Cut(t.M.Presenter(it.Presenter), w)))
	}
	return lines
}

// sectionRule is a titled rule: "── 主持词 ──────".
func sectionRule(c *common.Common, title string, w int) string {
	s := c.Styles
	head := "── " + title + " "
	return s.SideTitle.Render(head) + s.Rule.Render(strings.Repeat("─", max(0, w-common.Width(head))))
}

// noteLines is the secretary's notes on item i, newest last, with the key
// that adds one.
func noteLines(c *common.Common, i int, w int) []string {
	t, s := c.Texts, c.Styles
	notes := c.NotesOf(i)
	lines := []string{sectionRule(c, t.M.NotesTitle(len(notes)), w)}
	if len(notes) == 0 {
		return append(lines, s.Dim.Render(common.Cut(t.M.NoNotes(c.Keys.AddNote.Help().Key), w)))
	}
	for _, n := range notes {
		head := s.Dim.Render(c.Clock(n.At)+" ") + " "
		for j, l := range common.WrapStyled(n.Text, w-7, s.Name) {
			if j > 0 {
				head = "       "
			}
			lines = append(lines, head+l)
		}
	}
	return lines
}
