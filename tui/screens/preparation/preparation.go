// Package preparation is the preparation screen (f9, RULES §8): the composition
// of the formal delegates against the seed's targets on the congress date,
// and the committee's candidates against its seats (shown, not blocked).
// The figures come from package prep; this package only lays them out.
package preparation

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"podium/prep"
	"podium/tui/common"
)

// ID is the preparation screen's name.
const ID common.ScreenID = "prep"

// Screen is the preparation screen; it has no keys of its own.
type Screen struct {
	c    *common.Common
	w, h int
}

// New returns the preparation screen.
func New(c *common.Common) common.Screen { return &Screen{c: c} }

// SetSize gives the screen its area.
func (sc *Screen) SetSize(w, h int) { sc.w, sc.h = w, h }

// Update has nothing to do: the screen only shows.
func (sc *Screen) Update(tea.Msg) tea.Cmd { return nil }

// Keys is the frame's keys to the desk, the item and the agenda.
func (sc *Screen) Keys() []common.Binding {
	k := sc.c.Keys
	return common.Floor(k, []common.Binding{common.FrameKey(k.ToDesk), common.FrameKey(k.ToItem), common.FrameKey(k.ToAgenda)})
}

// View renders the preparation: the composition, then the surplus.
func (sc *Screen) View() []string { return common.Block(sc.lines(sc.w, sc.h), sc.w, sc.h) }

// lines is the preparation as at most h lines of w columns.
func (sc *Screen) lines(w, h int) []string {
	c, t, s := sc.c, sc.c.Texts.M, sc.c.Styles
	out := []string{s.Title.Render(t.PrepTitle), ""}
	add := func(l string) { out = append(out, common.Cut(l, w)) }
	r, err := prep.Composition(c.Setup.Roster, c.Setup.Meeting.Date, prep.DefaultTolerance)
	if err != nil {
		add(s.BadgeBad.Render(err.Error()))
		return out
	}
	date := c.Setup.Meeting.Date
	if date == "" {
		date = "—"
	}
	add(s.Dim.Render(t.PrepHead(r.Formal, date, r.Tolerance)))
	for _, l := range r.Lines {
		name := l.Name
		if c.Texts.Lang == "en" {
			name = l.Key
		}
		status := s.BadgeOK.Render(t.PrepStatus(string(l.Status)))
		if l.Status != prep.OK {
			status = s.BadgeBad.Render(t.PrepStatus(string(l.Status)))
		}
		line := fmt.Sprintf("  %s %4d/%-4d %6s   %s %-8s  ", common.Fit(name, 14), l.Count, l.Total, l.Percent, t.PrepTarget, l.Target)
		if l.Note != "" {
			status += s.Dim.Render("  " + l.Note)
		}
		add(line + status)
	}
	if e := c.Setup.Election; e != nil {
		cs := prep.CommitteeSurplus(*e)
		out = append(out, "")
		add(t.PrepCommittee(len(e.Candidates), e.Method.Seats, cs.Surplus))
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}
