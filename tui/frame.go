package tui

import (
	"errors"
	"fmt"
	"strings"

	"podium/session"
	"podium/tui/common"
)

// sideMode is what the sidebar shows when agenda and units do not both fit.
type sideMode int

const (
	sideAgenda sideMode = iota
	sideUnits
)

// sideWidth is the sidebar's width for a terminal width.
func sideWidth(w int) int {
	if w >= 110 {
		return 32
	}
	return 24
}

// header renders the two header lines: the congress name and the clock;
// the attendance, the two quorum badges and where the meeting stands.
func (m *Model) header(w int) []string {
	c, t, s := m.c, m.c.Texts, m.c.Styles
	now := c.Now()
	clock := s.Clock.Render(now.Format("15:04:05"))
	switch {
	case c.Snap.LogErr != nil:
		clock = s.BadgeBad.Render(t.LogBad) + "  " + clock
	case m.chain != nil && m.chain.err == nil:
		clock = s.Dim.Render(t.ChainOK) + "  " + clock
	}
	line1 := common.Spread(s.Title.Render(t.MeetingName(c.Setup.Meeting)), clock, w)

	q := c.Snap.Quorum
	wide := w >= 110
	badge := func(label string, rule string, ok bool, need int) string {
		if wide {
			label += " " + rule
		}
		if ok {
			return s.BadgeOK.Render(fmt.Sprintf("%s ✓ %d", label, need))
		}
		return s.BadgeBad.Render(fmt.Sprintf("%s ✗ %d", label, need))
	}
	mt := c.Setup.Meeting
	left := s.Counts.Render(t.Present(q.Present, q.Expected)) + "   " +
		badge(t.OpeningBadge, t.RuleShort(mt.OpeningQuorum), q.Opening, q.OpeningNeed) + "   " +
		badge(t.ElectionBadge, t.RuleShort(mt.ElectionQuorum), q.Election, q.ElectionNeed)

	var right string
	if d := c.Snap.Declared; d != nil {
		right = s.Declared.Render(t.Declared(c.Clock(d.At)))
	} else {
		right = s.Dim.Render(t.NotDeclared)
	}
	if i := c.Snap.Item; i >= 0 && i < len(c.Setup.Agenda) && c.ItemStatus(i) == session.ItemDone {
		right += s.Dim.Render(" · " + t.M.EndedItem(i+1, t.ItemTitle(c.Setup.Agenda[i])))
	} else if i >= 0 && i < len(c.Setup.Agenda) {
		right += s.Dim.Render(" · ") + s.ItemCurrent.Render(t.Current(i+1, t.ItemTitle(c.Setup.Agenda[i])))
	} else {
		right += s.Dim.Render(" · " + t.NotStarted)
	}
	right = common.Cut(right, w-common.Width(left)-3)
	return []string{line1, common.Spread(left, right, w)}
}

// maxBannerLines is how many lines a failed write's banner may take.
const maxBannerLines = 4

// banner returns the warning lines under the header: a failed write (the
// whole error and what to do, wrapped), a broken chain, or attendance
// below a quorum that had been met; none when all is well.
func (m *Model) banner(w int) []string {
	c, t := m.c, m.c.Texts
	if err := c.Snap.LogErr; err != nil {
		// The log's own error, whole: the session's wrapper only says
		// again that nothing was stored.
		var we *session.WriteError
		if errors.As(err, &we) {
			err = we.Err
		}
		var lines []string
		for _, l := range common.Wrap(" ! "+t.WriteFailed(strings.TrimPrefix(err.Error(), "data: ")), w) {
			lines = append(lines, c.Styles.Banner.Render(common.Fit(l, w)))
		}
		return lines[:min(len(lines), maxBannerLines)]
	}
	if m.chain != nil && m.chain.err != nil {
		return []string{c.Styles.Banner.Render(common.Fit(" ! "+t.ChainBad(m.chain.err.Error()), w))}
	}
	q := c.Snap.Quorum
	var which string
	var need int
	switch {
	case q.OpeningLost:
		which, need = t.OpeningBadge, q.OpeningNeed
	case q.ElectionLost:
		which, need = t.ElectionBadge, q.ElectionNeed
	default:
		return nil
	}
	return []string{c.Styles.Banner.Render(common.Fit(" ! "+t.Banner(q.Present, which, need), w))}
}

// sidebar renders the agenda and the per-unit counts as exactly h lines of
// w columns. When both do not fit, it shows the one chosen with ctrl+t.
func (m *Model) sidebar(w, h int) []string {
	ag := m.agendaLines(w, h)
	un := m.unitLines(w)
	var lines []string
	switch {
	case len(ag)+1+len(un) <= h:
		lines = append(append(ag, ""), un...)
	case m.side == sideUnits:
		lines = un
		lines[0] = m.sideTitle(m.c.Texts.Units, m.c.Texts.Agenda, w)
	default:
		lines = ag
		lines[0] = m.sideTitle(m.c.Texts.Agenda, m.c.Texts.UnitsShort, w)
	}
	return common.Block(lines, w, h)
}

// sideTitle is the sidebar's title with the key that shows the other part.
func (m *Model) sideTitle(title, other string, w int) string {
	s := m.c.Styles
	hint := s.Dim.Render(m.c.Texts.SideOther(m.c.Keys.Side.Help().Key, other))
	return common.Spread(s.SideTitle.Render(title), hint, w)
}

// agendaLines lists the agenda: done ✓ and skipped ↷ items dimmed, the
// current one ▶, the next one ›.
// A long agenda is cut to a window around the current item.
func (m *Model) agendaLines(w, h int) []string {
	c, t, s := m.c, m.c.Texts, m.c.Styles
	items := c.Setup.Agenda
	lines := []string{s.SideTitle.Render(common.Fit(t.Agenda, w))}
	nw := len(fmt.Sprint(len(items)))
	first, last := 0, len(items)
	if room := h - 1; len(items) > room && room > 0 {
		first = max(0, min(c.Snap.Item-room/2, len(items)-room))
		last = first + room
	}
	for i := first; i < last; i++ {
		mark, st := m.c.ItemMark(i)
		lines = append(lines, st.Render(common.Fit(mark+" "+fmt.Sprintf("%*d ", nw, i+1)+t.ItemTitle(items[i]), w)))
	}
	return lines
}

// unitLines is the per-unit table: unit, present/expected, on leave, left,
// and the total.
func (m *Model) unitLines(w int) []string {
	c, t, s := m.c, m.c.Texts, m.c.Styles
	units := c.Snap.Units
	var tot struct{ p, e, lv, lt int }
	for _, u := range units {
		tot.p, tot.e, tot.lv, tot.lt = tot.p+u.Present, tot.e+u.Expected, tot.lv+u.OnLeave, tot.lt+u.Left
	}
	inW := max(common.Width(t.InExp), len(fmt.Sprintf("%d/%d", tot.p, tot.e)))
	lvW := max(common.Width(t.LeaveHead), len(fmt.Sprint(tot.lv)))
	ltW := max(common.Width(t.LeftHead), len(fmt.Sprint(tot.lt)))
	uw := max(4, w-inW-lvW-ltW-3)
	right := func(v string, n int) string { return strings.Repeat(" ", max(0, n-common.Width(v))) + v }
	row := func(name, in, lv, lt string) string {
		return common.Fit(name, uw) + " " + right(in, inW) + " " + right(lv, lvW) + " " + right(lt, ltW)
	}
	lines := []string{
		s.SideTitle.Render(common.Fit(t.Units, w)),
		s.ColHeader.Render(row(t.UnitHead, t.InExp, t.LeaveHead, t.LeftHead)),
	}
	for _, u := range units {
		line := row(u.Unit, fmt.Sprintf("%d/%d", u.Present, u.Expected), fmt.Sprint(u.OnLeave), fmt.Sprint(u.Left))
		if u.Present == u.Expected {
			line = s.StPresent.Render(line)
		}
		lines = append(lines, line)
	}
	lines = append(lines, s.Counts.Render(row(t.Total, fmt.Sprintf("%d/%d", tot.p, tot.e), fmt.Sprint(tot.lv), fmt.Sprint(tot.lt))))
	return lines
}

// statusLine renders the last result, refusal or question.
func (m *Model) statusLine(w int) string {
	s := m.c.Styles
	st := s.MsgInfo
	switch m.c.Note.Kind {
	case common.NoteOK:
		st = s.MsgOK
	case common.NoteErr:
		st = s.MsgErr
	case common.NoteAsk:
		st = s.MsgAsk
	}
	return st.Render(common.Fit(m.c.Note.Text, w))
}

// helpLines renders the help footer generated from the key bindings.
func (m *Model) helpLines(w int) []string {
	m.help.SetWidth(w)
	lines := strings.Split(m.help.View(m.helpKeys()), "\n")
	for i := range lines {
		lines[i] = common.Cut(lines[i], w)
	}
	return lines
}
