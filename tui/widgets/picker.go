package widgets

import (
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
)

// Picker chooses one person with the check-in desk's pinyin search: by
// default a present formal delegate (the scrutineers, RULES §6.1). It only
// offers; the core decides whether the person may serve.
type Picker struct {
	c  *common.Common
	ix *Index
	// Filter, when set, replaces the offer of present formal delegates;
	// Label names the count of those offered; Hint is the placeholder of
	// the empty search.
	Filter func(i int) bool
	Label  func(n int) string
	Hint   string
	// Refuse, when set, tells the people the core would refuse now (not
	// present, a candidate …): they stay in the list, dimmed, so the desk
	// sees why, and picking one is refused with the reason.
	Refuse func(id string) bool

	in      Input
	results []int
	cursor  int
	offset  int
	// H is the picker's height: the search line and the list.
	H int
}

// NewPicker returns a picker of h lines offering present formal delegates.
func NewPicker(c *common.Common, h int) *Picker {
	p := &Picker{c: c, ix: NewIndex(c.Setup.Roster), H: h, in: NewText()}
	p.SetQuery("")
	return p
}

// keep offers present formal delegates only, unless Filter says otherwise.
func (p *Picker) keep(i int) bool {
	if p.Filter != nil {
		return p.Filter(i)
	}
	st := p.c.Snap.Status
	return p.c.Setup.Roster[i].Kind == model.Formal && i < len(st) && st[i].Status == session.Present
}

// Query is the search typed.
func (p *Picker) Query() string { return p.in.Value() }

// SetQuery searches q and puts the cursor on the first match.
func (p *Picker) SetQuery(q string) {
	if q != p.in.Value() {
		p.in.SetValue(q)
	}
	p.search()
}

func (p *Picker) search() {
	p.results = p.ix.Search(p.in.Value(), p.keep, p.results)
	p.cursor, p.offset = 0, 0
}

// SelectedID is the roster id under the cursor, "" when none.
func (p *Picker) SelectedID() string {
	if p.cursor < len(p.results) {
		return p.c.Setup.Roster[p.results[p.cursor]].ID
	}
	return ""
}

func (p *Picker) rows() int { return max(1, p.H-2) }

// Update moves the cursor (↑↓, pgup/pgdn) or types into the search.
func (p *Picker) Update(msg tea.Msg) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "up":
			p.cursor = max(0, p.cursor-1)
		case "down":
			p.cursor = min(len(p.results)-1, p.cursor+1)
		case "pgup":
			p.cursor = max(0, p.cursor-p.rows())
		case "pgdown":
			p.cursor = min(len(p.results)-1, p.cursor+p.rows())
		default:
			if p.in.Update(msg) {
				p.search()
			}
		}
		p.cursor = max(0, p.cursor)
	} else if p.in.Update(msg) {
		p.search()
	}
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+p.rows() {
		p.offset = p.cursor - p.rows() + 1
	}
}

// View renders the search line and the list in w columns; tag marks a
// person (e.g. a candidate) without hiding them.
func (p *Picker) View(w int, prompt string, tag func(id string) string) []string {
	s, t := p.c.Styles, p.c.Texts
	p.in.Prompt = prompt + " › "
	p.in.Placeholder = t.V.PickPlaceholder
	if p.Hint != "" {
		p.in.Placeholder = p.Hint
	}
	label := t.V.PresentFormal
	if p.Label != nil {
		label = p.Label
	}
	lines := []string{common.Spread(p.in.View(s, 0), s.Position.Render(label(len(p.results))), w)}
	nw := 18
	if len(p.results) == 0 {
		lines = append(lines, "  "+s.Dim.Render(t.EmptyList))
	}
	end := min(len(p.results), p.offset+p.rows())
	for j := p.offset; j < end; j++ {
		person := p.c.Setup.Roster[p.results[j]]
		nameSt, selSt := s.Name, s.NameSel
		if p.Refuse != nil && p.Refuse(person.ID) {
			nameSt, selSt = s.Dim, s.Dim.Underline(true)
		}
		marker, name := "  ", nameSt.Render(common.Fit(person.Name, nw))
		if j == p.cursor {
			marker, name = s.Marker.Render("› "), selSt.Render(common.Fit(person.Name, nw))
		}
		tw := max(common.Width(t.V.IsCandidate), 4)
		line := marker + name + "  " + s.MsgAsk.Render(common.Fit(tag(person.ID), tw)) + "  " + person.Unit
		lines = append(lines, line)
	}
	return lines
}
