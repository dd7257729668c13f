// Package projector is the hall projector's screen (role projector): no
// keys, large figures, legible across a hall, adapting to whatever size
// the projector's terminal has. It shows the congress, the current item,
// present / expected with the quorums, and the latest outcome: the elected
// of the last decided round, or the last vote with its derivation.
package projector

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"podium/tui/common"
)

// ID is the projector's screen.
const ID common.ScreenID = "projector"

// Screen is the projector's screen: the whole terminal, no frame.
type Screen struct {
	c    *common.Common
	w, h int
}

// New returns the projector's screen.
func New(c *common.Common) common.Screen { return &Screen{c: c} }

// SetSize gives the screen the terminal.
func (p *Screen) SetSize(w, h int) { p.w, p.h = w, h }

// Update has nothing to do: the projector has no keys.
func (p *Screen) Update(tea.Msg) tea.Cmd { return nil }

// Keys is empty: the projector has no keys.
func (p *Screen) Keys() []common.Binding { return nil }

// View renders the projector's screen: exactly h lines of w columns.
func (p *Screen) View() []string { return p.view(p.w, p.h) }

// bigDigits are the figures 0–9 and "/" drawn three cells wide and five
// rows high.
var bigDigits = map[rune][5]string{
	'0': {"███", "█ █", "█ █", "█ █", "███"},
	'1': {" █ ", "██ ", " █ ", " █ ", "███"},
	'2': {"███", "  █", "███", "█  ", "███"},
	'3': {"███", "  █", "███", "  █", "███"},
	'4': {"█ █", "█ █", "███", "  █", "  █"},
	'5': {"███", "█  ", "███", "  █", "███"},
	'6': {"███", "█  ", "███", "█ █", "███"},
	'7': {"███", "  █", "  █", "  █", "  █"},
	'8': {"███", "█ █", "███", "█ █", "███"},
	'9': {"███", "█ █", "███", "  █", "███"},
	'/': {"  █", "  █", " █ ", "█  ", "█  "},
	' ': {"   ", "   ", "   ", "   ", "   "},
}

// big draws s (digits, "/" and spaces) in five rows of block figures.
func big(s string) []string {
	rows := make([]string, 5)
	for _, r := range s {
		g, ok := bigDigits[r]
		if !ok {
			g = bigDigits[' ']
		}
		for i := range rows {
			rows[i] += g[i] + " "
		}
	}
	return rows
}

// view renders the projector's screen: exactly h lines of w columns.
func (p *Screen) view(w, h int) []string {
	c, t, s := p.c, p.c.Texts, p.c.Styles
	var lines []string
	add := func(l string) { lines = append(lines, common.Center(common.Cut(l, w), w)) }
	add(s.Title.Render(t.MeetingName(c.Setup.Meeting)))
	if i := c.Snap.Item; i >= 0 && i < len(c.Setup.Agenda) {
		add(s.ItemCurrent.Render(t.Current(i+1, t.ItemTitle(c.Setup.Agenda[i]))))
	} else {
		add(s.Dim.Render(t.NotStarted))
	}
	lines = append(lines, "")
	q := c.Snap.Quorum
	figure := fmt.Sprintf("%d / %d", q.Present, q.Expected)
	if common.Width(big(figure)[0]) <= w && h >= 16 {
		for _, r := range big(figure) {
			add(s.Counts.Render(r))
		}
	} else {
		add(s.Counts.Render(figure))
	}
	add(s.Dim.Render(t.Present(q.Present, q.Expected)))
	badge := func(label string, ok bool, need int) string {
		if ok {
			return s.BadgeOK.Render(fmt.Sprintf("%s ✓ %d", label, need))
		}
		return s.BadgeBad.Render(fmt.Sprintf("%s ✗ %d", label, need))
	}
	add(badge(t.OpeningBadge, q.Opening, q.OpeningNeed) + "     " + badge(t.ElectionBadge, q.Election, q.ElectionNeed))
	lines = append(lines, "")
	for _, l := range p.outcome(w) {
		add(l)
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return lines[:h]
}

// projectorOutcome is the latest outcome worth showing the hall: the
// elected of the last decided round, else the last vote.
func (p *Screen) outcome(w int) []string {
	c, t, s := p.c, p.c.Texts, p.c.Styles
	if v := c.Snap.Vote; v != nil {
		for i := len(v.Rounds) - 1; i >= 0; i-- {
			r := v.Rounds[i]
			if r.Result == nil || r.Result.Reason != "" {
				continue
			}
			var names []string
			for _, e := range v.Elected() {
				names = append(names, e.Name)
			}
			out := []string{s.Title.Render(t.V.ProjectorElected(len(names)))}
			return append(out, p.c.Wrap(strings.Join(names, "  "), w-4)...)
		}
	}
	if n := len(c.Snap.Votes); n > 0 {
		r := c.Snap.Votes[n-1]
		return []string{
			s.Title.Render(r.Subject),
			fmt.Sprintf("%s %d   %s %d   %s %d", t.M.For, r.For, t.M.Against, r.Against, t.M.Abstain, r.Abstain),
			s.Declared.Render(t.M.Derivation(r.Need, r.For, r.Adopted)),
		}
	}
	return nil
}
