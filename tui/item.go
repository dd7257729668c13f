package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"podium/model"
)

// itemScreen is the screen of an item without a desk of its own (opening,
// report, deliberation, closing, procedure, review): the item and its
// timer, the host's script, and the secretary's notes on it. A review
// item (述职评议) also lists its officers with their ratings (review.go).
type itemScreen struct {
	c      *Common
	w, h   int
	scroll int
	// The review: the highlighted officer, the form of the 整改意见 (nil
	// when closed) and whether the whole script is shown.
	cursor int
	form   *form
	full   bool
}

func newItemScreen(c *Common) *itemScreen { return &itemScreen{c: c} }

func (s *itemScreen) setSize(w, h int) {
	s.w, s.h = w, h
	if s.form != nil {
		s.form.setSize(h - 3)
	}
}

func (s *itemScreen) update(msg tea.Msg) (*note, tea.Cmd) {
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
	i, _, _, ok := c.current()
	if !ok {
		return block([]string{"", "  " + st.Dim.Render(t.NotStarted)}, s.w, s.h)
	}
	if c.Setup.Agenda[i].Kind == model.ItemReview {
		return s.reviewView()
	}
	lines := itemHead(c, s.w)
	lines = append(lines, "")
	lines = append(lines, sectionRule(c, t.M.ScriptTitle, s.w))
	lines = append(lines, wrapStyled(c.script(i, nil), s.w, st.Script)...)
	lines = append(lines, "")
	lines = append(lines, noteLines(c, i, s.w)...)
	s.scroll = max(0, min(s.scroll, len(lines)-s.h))
	return block(lines[s.scroll:], s.w, s.h)
}

// itemHead is the first lines of every meeting screen: the item's number
// and title with its timer, and its presenter.
func itemHead(c *Common, w int) []string {
	t, s := c.Texts, c.Styles
	i, it, _, ok := c.current()
	if !ok {
		return []string{s.Dim.Render(t.NotStarted)}
	}
	kind := t.M.KindName(it.Kind)
	if strings.Contains(strings.ToLower(t.ItemTitle(it)), strings.ToLower(kind)) {
		kind = ""
	}
	title := s.Title.Render(t.M.ItemLine(i+1, t.ItemTitle(it), kind))
	timer := c.timer()
	lines := []string{spread(title, timer, w)}
	if width(title)+width(timer)+2 > w {
		lines = []string{cut(title, w), rpad(timer, w)}
	}
	if it.Presenter != "" {
		lines = append(lines, s.Dim.Render(cut(t.M.Presenter(it.Presenter), w)))
	}
	return lines
}

// sectionRule is a titled rule: "── 主持词 ──────".
func sectionRule(c *Common, title string, w int) string {
	s := c.Styles
	head := "── " + title + " "
	return s.SideTitle.Render(head) + s.Rule.Render(strings.Repeat("─", max(0, w-width(head))))
}

// wrapStyled breaks text into lines of at most w display columns (see
// wrap; paragraphs at newlines) and renders each in st.
func wrapStyled(text string, w int, st interface{ Render(...string) string }) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		for _, l := range wrap(para, max(1, w)) {
			out = append(out, st.Render(cut(l, w)))
		}
	}
	return out
}

// noteLines is the secretary's notes on item i, newest last, with the key
// that adds one.
func noteLines(c *Common, i int, w int) []string {
	t, s := c.Texts, c.Styles
	notes := c.notesOf(i)
	lines := []string{sectionRule(c, t.M.NotesTitle(len(notes)), w)}
	if len(notes) == 0 {
		return append(lines, s.Dim.Render(cut(t.M.NoNotes(c.Keys.AddNote.Help().Key), w)))
	}
	for _, n := range notes {
		head := s.Dim.Render(c.clock(n.At)+" ") + " "
		for j, l := range wrapStyled(n.Text, w-7, s.Name) {
			if j > 0 {
				head = "       "
			}
			lines = append(lines, head+l)
		}
	}
	return lines
}
