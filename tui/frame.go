package tui

import (
	"errors"
	"fmt"
	"strings"

	"podium/session"
	"podium/tui/common"
)

// sideMode is what the sidebar shows; ctrl+t moves to the next.
type sideMode int

const (
	sideAgenda sideMode = iota // the agenda, and the units below when both fit
	sideUnits                  // the units (when both do not fit)
	sideHidden                 // no sidebar: the screen has the whole width
)

// nextSide is the sidebar mode after m for a body of height h: agenda,
// units, hidden; when agenda and units fit together, both, hidden.
func (m *Model) nextSide() {
	_, bh := m.body(m.c.Width, m.c.Height)
	both := len(m.agendaLines(sideWidth(m.c.Width)-1, bh))+1+len(m.unitLines(sideWidth(m.c.Width)-1)) <= bh
	switch {
	case m.side == sideHidden:
		m.side = sideAgenda
	case m.side == sideAgenda && !both:
		m.side = sideUnits
	default:
		m.side = sideHidden
	}
}

// sideWidth is the sidebar's width for a terminal width.
func sideWidth(w int) int {
	if w >= 110 {
		return 32
	}
	return 24
}

// sideShown is the width the sidebar and its separator take from the
// screens beside it: none when hidden.
func (m *Model) sideShown(w int) int {
	if m.side == sideHidden {
		return 0
	}
	return sideWidth(w) + 2
}

// header renders the two header lines: the congress name, the current
// item's timer and the clock; the attendance, the two quorum badges and
// where the meeting stands. At 80 columns the badges and words are the
// short ones; what is cut when even they do not fit is the congress name
// and the item's title, never a figure.
func (m *Model) header(w int) []string {
	c, t, s := m.c, m.c.Texts, m.c.Styles
	wide := w >= 110
	clock := s.Clock.Render(c.Now().Format("15:04:05"))
	switch {
	case c.Snap.LogErr != nil:
		clock = s.BadgeBad.Render(t.LogBad) + " " + clock
	case m.chain != nil && m.chain.err == nil:
		chain := t.ChainOK
		if !wide {
			chain = "✓"
		}
		clock = s.Dim.Render(chain) + " " + clock
	}
	if b := m.copiesBadge(m.copies()); b != "" {
		clock = b + " " + clock
	}
	right := clock
	if timer := c.Timer(); timer != "" {
		right = timer + "   " + clock
	}
	title := s.Title.Render(t.MeetingName(c.Setup.Meeting))
	if c.Setup.Rehearsal {
		title = s.BadgeBad.Render(t.Rehearsal) + " " + title
	}
	line1 := common.Spread(title, right, w)

	q := c.Snap.Quorum
	mt := c.Setup.Meeting
	badge := func(label string, rule string, ok bool, need int) string {
		if wide {
			label += " " + rule
		}
		if ok {
			return s.BadgeOK.Render(fmt.Sprintf("%s ✓ %d", label, need))
		}
		return s.BadgeBad.Render(fmt.Sprintf("%s ✗ %d", label, need))
	}
	gap := "   "
	if !wide {
		gap = "  "
	}
	left := s.Counts.Render(t.Present(q.Present, q.Expected)) + gap +
		badge(t.OpeningBadge, t.RuleShort(mt.OpeningQuorum), q.Opening, q.OpeningNeed) + gap +
		badge(t.ElectionBadge, t.RuleShort(mt.ElectionQuorum), q.Election, q.ElectionNeed)

	var state string
	if d := c.Snap.Declared; d != nil {
		state = s.Declared.Render(t.Declared(c.Clock(d.At)))
	} else {
		state = s.Dim.Render(t.NotDeclared)
	}
	room := w - common.Width(left) - 3 - common.Width(state) - 3
	i := c.Snap.Item
	var where string
	switch {
	case i >= 0 && i < len(c.Setup.Agenda) && c.ItemStatus(i) == session.ItemDone:
		where = s.Dim.Render(common.Cut(t.M.EndedItem(i+1, t.ItemTitle(c.Setup.Agenda[i])), room))
	case i >= 0 && i < len(c.Setup.Agenda):
		where = s.ItemCurrent.Render(common.Cut(t.Current(i+1, t.ItemTitle(c.Setup.Agenda[i])), room))
	default:
		where = s.Dim.Render(common.Cut(t.NotStarted, room))
	}
	right = state
	if where != "" {
		right += s.Dim.Render(" · ") + where
	}
	return []string{line1, common.Spread(left, right, w)}
}

// CheckpointProblem is an error of Options.Verify (app.CheckpointError)
// saying that the state the screens run on — resumed at start from a
// checkpoint of the log — is not the state of the log replayed in full:
// the banner asks the host to restart podium, which then replays the log
// in full. Checkpoint gives the checkpoint's last event and, when it
// could not be removed, its file ("" once removed).
type CheckpointProblem interface {
	error
	Checkpoint() (seq uint64, left string)
}

// maxBannerLines is how many lines a failed write's (or a wrong
// checkpoint's) banner may take.
const maxBannerLines = 4

// banner returns the warning lines under the header: a failed write (the
// whole error and what to do, wrapped), a broken chain (or a wrong
// checkpoint: restart, wrapped), or attendance
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
	if lines := m.copiesBanner(m.copies(), w); lines != nil {
		return lines
	}
	if m.chain != nil && m.chain.err != nil {
		var cp CheckpointProblem
		if errors.As(m.chain.err, &cp) {
			seq, left := cp.Checkpoint()
			var lines []string
			for _, l := range common.Wrap(" ! "+t.CheckpointBad(seq, left), w) {
				lines = append(lines, c.Styles.Banner.Render(common.Fit(l, w)))
			}
			return lines[:min(len(lines), maxBannerLines)]
		}
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
	t := m.c.Texts
	ag := m.agendaLines(w, h)
	un := m.unitLines(w)
	var lines []string
	switch {
	case len(ag)+1+len(un) <= h:
		lines = append(append(ag, ""), un...)
	case m.side == sideUnits:
		lines = un
		lines[0] = m.sideTitle(t.Units, t.UnitsShort, t.Agenda, w)
	default:
		lines = ag
		lines[0] = m.sideTitle(t.Agenda, t.Agenda, t.UnitsShort, w)
	}
	return common.Block(lines, w, h)
}

// sideTitle is the sidebar's title with the key that shows the other part;
// the short title when the long one and the hint do not fit together.
func (m *Model) sideTitle(title, short, other string, w int) string {
	s := m.c.Styles
	hint := m.c.Texts.SideOther(m.c.Keys.Side.Help().Key, other)
	if common.Width(title)+1+common.Width(hint) > w {
		title = short
	}
	return common.Spread(s.SideTitle.Render(title), s.Dim.Render(hint), w)
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
// and the total. In a narrow sidebar it keeps unit and present/expected,
// with the leave and left of all units in the total line; unit names that
// do not fit lose their common ending (分院, 学院 …) before they are cut.
func (m *Model) unitLines(w int) []string {
	c, t, s := m.c, m.c.Texts, m.c.Styles
	units := c.Snap.Units
	var tot struct{ p, e, lv, lt int }
	for _, u := range units {
		tot.p, tot.e, tot.lv, tot.lt = tot.p+u.Present, tot.e+u.Expected, tot.lv+u.OnLeave, tot.lt+u.Left
	}
	right := func(v string, n int) string { return strings.Repeat(" ", max(0, n-common.Width(v))) + v }
	inW := max(common.Width(t.InExp), len(fmt.Sprintf("%d/%d", tot.p, tot.e)))
	lvW := max(common.Width(t.LeaveHead), len(fmt.Sprint(tot.lv)))
	ltW := max(common.Width(t.LeftHead), len(fmt.Sprint(tot.lt)))
	narrow := w < 30
	uw := max(4, w-inW-lvW-ltW-3)
	if narrow {
		uw = max(4, w-inW-1)
	}
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = u.Unit
	}
	names = common.ShortNames(names, uw)
	row := func(name, in, lv, lt string) string {
		if narrow {
			return common.Fit(name, uw) + " " + right(in, inW)
		}
		return common.Fit(name, uw) + " " + right(in, inW) + " " + right(lv, lvW) + " " + right(lt, ltW)
	}
	lines := []string{
		s.SideTitle.Render(common.Fit(t.Units, w)),
		s.ColHeader.Render(row(t.UnitHead, t.InExp, t.LeaveHead, t.LeftHead)),
	}
	for i, u := range units {
		line := row(names[i], fmt.Sprintf("%d/%d", u.Present, u.Expected), fmt.Sprint(u.OnLeave), fmt.Sprint(u.Left))
		if u.Present == u.Expected {
			line = s.StPresent.Render(line)
		}
		lines = append(lines, line)
	}
	total := row(t.Total, fmt.Sprintf("%d/%d", tot.p, tot.e), fmt.Sprint(tot.lv), fmt.Sprint(tot.lt))
	lines = append(lines, s.Counts.Render(total))
	if narrow && tot.lv+tot.lt > 0 {
		lines = append(lines, s.Dim.Render(common.Rpad(t.LeaveLeft(tot.lv, tot.lt), w)))
	}
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
