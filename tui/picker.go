package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
)

// picker chooses one present formal delegate with the check-in desk's
// pinyin search (the scrutineers, RULES §6.1). It only offers; the core
// decides whether the person may serve.
type picker struct {
	c  *common.Common
	ix *Index
	// filter, when set, replaces the offer of present formal delegates;
	// label names the count of those offered.
	filter  func(i int) bool
	label   func(n int) string
	hint    string // the placeholder of the empty search
	query   string
	results []int
	cursor  int
	offset  int
	h       int
}

func newPicker(c *common.Common, h int) *picker {
	p := &picker{c: c, ix: NewIndex(c.Setup.Roster), h: h}
	p.setQuery("")
	return p
}

// keep offers present formal delegates only, unless filter says otherwise.
func (p *picker) keep(i int) bool {
	if p.filter != nil {
		return p.filter(i)
	}
	st := p.c.Snap.Status
	return p.c.Setup.Roster[i].Kind == model.Formal && i < len(st) && st[i].Status == session.Present
}

func (p *picker) setQuery(q string) {
	p.query = q
	p.results = p.ix.Search(q, p.keep, p.results)
	p.cursor, p.offset = 0, 0
}

func (p *picker) selectedID() string {
	if p.cursor < len(p.results) {
		return p.c.Setup.Roster[p.results[p.cursor]].ID
	}
	return ""
}

func (p *picker) rows() int { return max(1, p.h-2) }

func (p *picker) update(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		p.setQuery(p.query + strings.Join(strings.Fields(msg.Content), " "))
	case tea.KeyPressMsg:
		switch msg.String() {
		case "up":
			p.cursor = max(0, p.cursor-1)
		case "down":
			p.cursor = min(len(p.results)-1, p.cursor+1)
		case "pgup":
			p.cursor = max(0, p.cursor-p.rows())
		case "pgdown":
			p.cursor = min(len(p.results)-1, p.cursor+p.rows())
		case "backspace":
			if r := []rune(p.query); len(r) > 0 {
				p.setQuery(string(r[:len(r)-1]))
			}
		case "ctrl+u":
			p.setQuery("")
		default:
			if msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper) == 0 {
				p.setQuery(p.query + msg.Text)
			}
		}
		p.cursor = max(0, p.cursor)
	}
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+p.rows() {
		p.offset = p.cursor - p.rows() + 1
	}
}

// view renders the search line and the list; tag marks a person (e.g. a
// candidate) without hiding them.
func (p *picker) view(w int, prompt string, tag func(id string) string) []string {
	s, t := p.c.Styles, p.c.Texts
	left := s.Prompt.Render(prompt+" › ") + s.Query.Render(p.query) + s.Cursor.Render("█")
	if p.query == "" {
		hint := t.V.PickPlaceholder
		if p.hint != "" {
			hint = p.hint
		}
		left += " " + s.Placeholder.Render(hint)
	}
	label := t.V.PresentFormal
	if p.label != nil {
		label = p.label
	}
	lines := []string{common.Spread(left, s.Position.Render(label(len(p.results))), w)}
	nw := 18
	if len(p.results) == 0 {
		lines = append(lines, "  "+s.Dim.Render(t.EmptyList))
	}
	end := min(len(p.results), p.offset+p.rows())
	for j := p.offset; j < end; j++ {
		person := p.c.Setup.Roster[p.results[j]]
		marker, name := "  ", s.Name.Render(common.Fit(person.Name, nw))
		if j == p.cursor {
			marker, name = s.Marker.Render("› "), s.NameSel.Render(common.Fit(person.Name, nw))
		}
		tw := max(common.Width(t.V.IsCandidate), 4)
		line := marker + name + "  " + s.MsgAsk.Render(common.Fit(tag(person.ID), tw)) + "  " + person.Unit
		lines = append(lines, line)
	}
	return lines
}
