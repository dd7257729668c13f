package tui

import (
	"fmt"

	"podium/prep"
	"podium/tui/common"
)

// The preparation screen (f9, RULES §8): the composition of the formal
// delegates against the seed's targets on the congress date, and the
// committee's candidates against its seats (shown, not blocked). The
// figures come from package prep; this file only lays them out.

// prepView renders the preparation screen as at most h lines of w columns.
func (m *Model) prepView(w, h int) []string {
	c, t, s := m.c, m.c.Texts.M, m.c.Styles
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
