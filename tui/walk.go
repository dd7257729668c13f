package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"podium/session"
	"podium/tui/common"
	"podium/tui/widgets"
)

// Walking the agenda: next, previous, jump, end and skip, and the
// one-line questions the frame asks (a reason, a common.Note). Every step is a
// session command; the core refuses leaving a resolution or an election
// half-done, and the refusal is shown with what to do.

// ask is a one-line input the frame shows above the status line; it takes
// every key until enter or esc.
type ask struct {
	in widgets.Input
	// done executes the text; keep leaves the input open (a refusal the
	// text can fix).
	done func(text string) (n common.Note, keep bool)
}

// openAsk shows a one-line input with a label.
func (m *Model) openAsk(label string, done func(string) (common.Note, bool)) {
	m.ask = &ask{in: widgets.NewText(), done: done}
	m.ask.in.Prompt = label + " › "
}

// askKey edits the open input.
func (m *Model) askKey(msg tea.Msg) {
	a := m.ask
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			m.ask = nil
			m.note = common.Info(m.c.Texts.Cancelled)
			return
		case "enter":
			n, keep := a.done(strings.TrimSpace(a.in.Value()))
			m.note = n
			if !keep {
				m.ask = nil
			}
			return
		}
	}
	a.in.Update(msg)
}

// askLine renders the open input.
func (m *Model) askLine(w int) string {
	a := m.ask
	return common.Fit(a.in.View(m.c.Styles, w-common.Width(a.in.Prompt)-2), w)
}

// nextIndex is the next item still pending after the current one, -1
// when none is left.
func (m *Model) nextIndex() int {
	c := m.c
	for j := c.Snap.Item + 1; j < len(c.Setup.Agenda); j++ {
		if c.ItemStatus(j) == session.ItemPending {
			return j
		}
	}
	return -1
}

// walkKey handles the agenda keys of the frame; ok is false for other
// keys.
func (m *Model) walkKey(msg tea.KeyPressMsg) (ok bool) {
	c, k, t := m.c, m.c.Keys, m.c.Texts
	switch {
	case key.Matches(msg, k.NextItem):
		next := m.nextIndex()
		if next < 0 {
			m.note = common.Info(t.LastItem)
			return true
		}
		m.confirmStart(pendNext, k.NextItem, next)
	case key.Matches(msg, k.PrevItem):
		prev := c.Snap.Item - 1
		if prev < 0 {
			m.note = common.Info(t.M.FirstItem)
			return true
		}
		m.confirmStart(pendPrev, k.PrevItem, prev)
	case key.Matches(msg, k.EndItem):
		i, it, is, ok := c.Current()
		if !ok || is.Status != session.ItemCurrent {
			m.note = common.Info(t.M.NothingToEnd)
			return true
		}
		m.pending = pendEnd
		m.note = common.Asking(t.M.ConfirmEnd(k.EndItem.Help().Key, i+1, t.ItemTitle(it)))
	case key.Matches(msg, k.AddNote):
		i, it, _, ok := c.Current()
		if !ok {
			m.note = common.Info(t.M.NoItemForNote)
			return true
		}
		m.openAsk(t.M.NoteLabel(i+1, t.ItemTitle(it)), func(text string) (common.Note, bool) {
			if _, err := c.Exec(session.AddNote{Meta: c.Meta(), Text: text}); err != nil {
				return m.refusalNote(err), true
			}
			return common.Done(t.M.NoteAdded(c.Clock(c.Now()))), false
		})
	default:
		return false
	}
	return true
}

// confirmStart asks for the same key again before starting item i.
func (m *Model) confirmStart(p pending, b key.Binding, i int) {
	t := m.c.Texts
	m.pending, m.jump = p, i
	m.note = common.Asking(t.ConfirmNext(b.Help().Key, i+1, t.ItemTitle(m.c.Setup.Agenda[i])))
}

// startItem starts item i; the current one ends with it.
func (m *Model) startItem(i int) {
	c, t := m.c, m.c.Texts
	if _, err := c.Exec(session.StartItem{Meta: c.Meta(), Index: i}); err != nil {
		m.refusal(err)
		return
	}
	n := c.Snap.Count
	m.note = common.Done(t.Started(i+1, t.ItemTitle(c.Setup.Agenda[i]), n.Present, n.Expected))
}

// endItem ends the current item. When the core says it is unfinished (no
// vote yet, a round open), the refusal is shown and a note is asked for:
// with a note it is ended and the note says why.
func (m *Model) endItem() {
	c, t := m.c, m.c.Texts
	i, it, _, _ := c.Current()
	ended := func() common.Note {
		is := c.Snap.Items[i]
		return common.Done(t.M.Ended(i+1, t.ItemTitle(it), common.Elapsed(is.Ended.Sub(is.Started))))
	}
	_, err := c.Exec(session.EndItem{Meta: c.Meta()})
	var ue *session.UnfinishedError
	switch {
	case errors.As(err, &ue):
		m.refusal(err)
		m.openAsk(t.M.EndNoteLabel, func(text string) (common.Note, bool) {
			if _, err := c.Exec(session.EndItem{Meta: c.Meta(), Note: text}); err != nil {
				return m.refusalNote(err), true
			}
			return ended(), false
		})
	case err != nil:
		m.refusal(err)
	default:
		m.note = ended()
	}
}

// skipItem asks for the reason and passes over item i.
func (m *Model) skipItem(i int) {
	c, t := m.c, m.c.Texts
	if c.ItemStatus(i) != session.ItemPending {
		m.note = common.Info(t.M.NotPending(i + 1))
		return
	}
	m.openAsk(t.M.SkipLabel(i+1, t.ItemTitle(c.Setup.Agenda[i])), func(text string) (common.Note, bool) {
		if _, err := c.Exec(session.SkipItem{Meta: c.Meta(), Index: i, Reason: text}); err != nil {
			return m.refusalNote(err), true
		}
		return common.Done(t.M.Skipped(i+1, t.ItemTitle(c.Setup.Agenda[i]))), false
	})
}

// refusalNote is the note explaining a refusal.
func (m *Model) refusalNote(err error) common.Note { return m.c.Refusal(err) }

// agendaView is the agenda screen (f6): every item with its status and
// times; the cursor picks one to start (jump) or skip.
func (m *Model) agendaView(w, h int) []string {
	c, t, s := m.c, m.c.Texts, m.c.Styles
	lines := []string{common.Spread(s.Title.Render(t.M.AgendaTitle), s.Dim.Render(t.M.AgendaHint), w), ""}
	items := c.Setup.Agenda
	m.agCursor = max(0, min(len(items)-1, m.agCursor))
	nw := len(fmt.Sprint(len(items)))
	rows := max(1, h-len(lines))
	first := max(0, min(m.agCursor-rows/2, len(items)-rows))
	for i := first; i < len(items) && i < first+rows; i++ {
		it := items[i]
		var is session.ItemState
		if i < len(c.Snap.Items) {
			is = c.Snap.Items[i]
		}
		mark, st := m.itemMark(i)
		var info string
		switch is.Status {
		case session.ItemCurrent:
			info = t.M.StartedAt(c.Clock(is.Started))
		case session.ItemDone:
			info = t.M.RanFromTo(c.Clock(is.Started), c.Clock(is.Ended), common.Elapsed(is.Ended.Sub(is.Started)))
		case session.ItemPassedOver:
			info = t.M.SkippedInfo
		default:
			if it.Minutes > 0 {
				info = t.M.PlanMinutes(it.Minutes)
			}
		}
		if is.Note != "" {
			info += " · " + is.Note
		}
		cursor := "  "
		if i == m.agCursor {
			cursor = s.Marker.Render("› ")
		}
		left := fmt.Sprintf("%s %*d %s", mark, nw, i+1, t.ItemTitle(it))
		tw := min(44, max(20, w/2))
		kw := 8
		lines = append(lines, cursor+st.Render(common.Fit(left, tw))+"  "+s.Dim.Render(common.Fit(t.M.KindName(it.Kind), kw))+"  "+s.Dim.Render(common.Cut(info, max(1, w-tw-kw-6))))
	}
	return common.Block(lines, w, h)
}

// itemMark is the sidebar's and the agenda screen's mark and style of
// item i: ✓ done, ▶ current, ↷ skipped, › the next one, · pending.
func (m *Model) itemMark(i int) (string, lipgloss.Style) {
	c, s := m.c, m.c.Styles
	switch st := c.ItemStatus(i); {
	case i == c.Snap.Item && st == session.ItemCurrent:
		return "▶", s.ItemCurrent
	case st == session.ItemDone:
		return "✓", s.ItemDone
	case st == session.ItemPassedOver:
		return "↷", s.ItemDone
	case i == m.nextIndex():
		return "›", s.ItemNext
	}
	return " ", s.ItemTodo
}

// agendaKey handles the agenda screen's keys.
func (m *Model) agendaKey(msg tea.KeyPressMsg) {
	c, k, t := m.c, m.c.Keys, m.c.Texts
	switch {
	case key.Matches(msg, k.Up):
		m.agCursor--
	case key.Matches(msg, k.Down):
		m.agCursor++
	case key.Matches(msg, k.Home):
		m.agCursor = 0
	case key.Matches(msg, k.End):
		m.agCursor = len(c.Setup.Agenda) - 1
	case key.Matches(msg, k.Walk.Jump):
		i := max(0, min(len(c.Setup.Agenda)-1, m.agCursor))
		if i == c.Snap.Item && c.ItemStatus(i) == session.ItemCurrent {
			m.note = common.Info(t.M.AlreadyCurrent(i + 1))
			return
		}
		m.confirmStart(pendJump, k.Walk.Jump, i)
	case key.Matches(msg, k.Walk.Skip):
		m.skipItem(max(0, min(len(c.Setup.Agenda)-1, m.agCursor)))
	}
}
