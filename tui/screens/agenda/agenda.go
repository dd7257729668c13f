// Package agenda is the agenda screen (f6): every item with its status and
// times; the cursor picks one to start (jump) or pass over (skip, with a
// reason). Every step is a session command the core may refuse.
package agenda

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"podium/session"
	"podium/tui/common"
)

// ID is the agenda screen's name.
const ID common.ScreenID = "agenda"

// Screen is the agenda screen.
type Screen struct {
	c      *common.Common
	w, h   int
	cursor int
}

// New returns the agenda screen.
func New(c *common.Common) common.Screen { return &Screen{c: c} }

// SetSize gives the screen its area.
func (s *Screen) SetSize(w, h int) { s.w, s.h = w, h }

// Cursor is the item under the cursor.
func (s *Screen) Cursor() int { return s.cursor }

// Update opens on the current item when shown (f6) and handles the keys.
func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.ShownMsg:
		s.cursor = max(0, s.c.Snap.Item)
	case tea.KeyPressMsg:
		cmd, _ := common.Handle(s.Keys(), msg)
		return cmd
	}
	return nil
}

// Keys is the agenda's table: move, start the item under the cursor,
// pass over it; the frame's item key and walk.
func (s *Screen) Keys() []common.Binding {
	c, k := s.c, s.c.Keys
	last := len(c.Setup.Agenda) - 1
	return common.Floor(k, []common.Binding{
		common.Key(k.Walk.Jump, s.jump).For(session.StartItem{}),
		common.Key(k.Walk.Skip, func() { s.skip(max(0, min(last, s.cursor))) }).For(session.SkipItem{}),
		common.FrameKey(k.ToItem),
	},
		common.Key(k.Up, func() { s.cursor-- }),
		common.Key(k.Down, func() { s.cursor++ }),
		common.Key(k.Home, func() { s.cursor = 0 }).In(false, 1),
		common.Key(k.End, func() { s.cursor = last }),
	)
}

// jump asks to start the item under the cursor.
func (s *Screen) jump() {
	c, t := s.c, s.c.Texts
	i := max(0, min(len(c.Setup.Agenda)-1, s.cursor))
	if i == c.Snap.Item && c.ItemStatus(i) == session.ItemCurrent {
		c.Say(common.Info(t.M.AlreadyCurrent(i + 1)))
		return
	}
	c.ConfirmStart(c.Keys.Walk.Jump, i)
}

// skip asks for the reason and passes over item i.
func (s *Screen) skip(i int) {
	c, t := s.c, s.c.Texts
	if c.ItemStatus(i) != session.ItemPending {
		c.Say(common.Info(t.M.NotPending(i + 1)))
		return
	}
	c.Frame.Ask(t.M.SkipLabel(i+1, t.ItemTitle(c.Setup.Agenda[i])), func(text string) (common.Note, bool) {
		if _, err := c.Exec(session.SkipItem{Meta: c.Meta(), Index: i, Reason: text}); err != nil {
			return c.Refusal(err), true
		}
		return common.Done(t.M.Skipped(i+1, t.ItemTitle(c.Setup.Agenda[i]))), false
	})
}

// View renders every item with its status and times.
func (s *Screen) View() []string {
	c, t, st := s.c, s.c.Texts, s.c.Styles
	w, h := s.w, s.h
	lines := []string{common.Spread(st.Title.Render(t.M.AgendaTitle), st.Dim.Render(t.M.AgendaHint), w), ""}
	items := c.Setup.Agenda
	s.cursor = max(0, min(len(items)-1, s.cursor))
	nw := len(fmt.Sprint(len(items)))
	rows := max(1, h-len(lines))
	first := max(0, min(s.cursor-rows/2, len(items)-rows))
	for i := first; i < len(items) && i < first+rows; i++ {
		it := items[i]
		var is session.ItemState
		if i < len(c.Snap.Items) {
			is = c.Snap.Items[i]
		}
		mark, ms := c.ItemMark(i)
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
		if i == s.cursor {
			cursor = st.Marker.Render("› ")
		}
		left := fmt.Sprintf("%s %*d %s", mark, nw, i+1, t.ItemTitle(it))
		tw := min(44, max(20, w/2))
		kw := 8
		lines = append(lines, cursor+ms.Render(common.Fit(left, tw))+"  "+st.Dim.Render(common.Fit(t.M.KindName(it.Kind), kw))+"  "+st.Dim.Render(common.Cut(info, max(1, w-tw-kw-6))))
	}
	return common.Block(lines, w, h)
}
