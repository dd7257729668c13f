// Package attendance is the check-in desk's screen: a live search over
// the roster by name, pinyin or initials, the list of people with their
// status, and the marks.
package attendance

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
	"podium/tui/widgets"
)

// statusFilter narrows the list by attendance status.
type statusFilter int

const (
	filterAll statusFilter = iota
	filterOut              // not arrived
	filterIn               // present
	nFilters
)

// ID is the check-in desk's screen.
const ID common.ScreenID = "attendance"

// Screen is the check-in desk's screen: a live search over the roster,
// the list of people with their status, and the marks.
//
// The desk flow: type a name, its pinyin or initials; Enter marks the
// highlighted person present and clears the search. ctrl+l, ctrl+x and
// ctrl+r mark leave, left and not arrived; ctrl+z undoes this terminal's
// last mark.
type Screen struct {
	c    *common.Common
	ix   *widgets.Index
	byID map[string]int

	in      widgets.Input // the search typed
	query   string        // the search the results are for
	filter  statusFilter
	results []int // roster indexes shown, in order
	cursor  int   // position in results
	offset  int   // first result shown
	moved   bool  // the cursor was moved since the query last changed
	w, h    int

	selected int  // roster index under the cursor, -1 when none
	follow   bool // on the next sync, put the cursor on selected
	done     struct {
		query  string
		filter statusFilter
		seq    uint64
		h      int
		ok     bool
	}
}

// New returns the check-in desk's screen.
func New(c *common.Common) common.Screen { return newScreen(c) }

func newScreen(c *common.Common) *Screen {
	a := &Screen{c: c, ix: widgets.NewIndex(c.Setup.Roster), selected: -1, byID: map[string]int{}, in: widgets.NewText()}
	for i, p := range c.Setup.Roster {
		a.byID[p.ID] = i
	}
	return a
}

// SetSize gives the screen its area; the list follows when next needed.
func (a *Screen) SetSize(w, h int) { a.w, a.h = w, h }

// Query is the search the list shows.
func (a *Screen) Query() string { return a.query }

// Results are the roster indexes the search found, in order.
func (a *Screen) Results() []int { a.sync(); return a.results }

// Window is the list's cursor, its first row shown and the rows that fit.
func (a *Screen) Window() (cursor, offset, rows int) { a.sync(); return a.cursor, a.offset, a.rows() }

// rows is the number of list rows that fit.
func (a *Screen) rows() int { return max(a.h-2, 1) }

// sync recomputes the results when the query, the filter or the state
// changed, keeping the highlighted person when asked to. It runs when the
// results are needed (a key that moves or marks, the view), not on every
// key typed: a scanner's id and Enter search the roster once, if at all.
func (a *Screen) sync() {
	d := &a.done
	if d.ok && d.query == a.query && d.filter == a.filter && d.seq == a.c.Snap.Seq && d.h == a.h {
		return
	}
	queryChanged := !d.ok || d.query != a.query
	d.query, d.filter, d.seq, d.h, d.ok = a.query, a.filter, a.c.Snap.Seq, a.h, true

	var keep func(int) bool
	st := a.c.Snap.Status
	switch a.filter {
	case filterOut:
		keep = func(i int) bool { return i < len(st) && st[i].Status == session.NotArrived }
	case filterIn:
		keep = func(i int) bool { return i < len(st) && st[i].Status == session.Present }
	}
	a.results = a.ix.Search(a.query, keep, a.results)

	pos := -1
	if (a.follow || !queryChanged) && a.selected >= 0 {
		for j, i := range a.results {
			if i == a.selected {
				pos = j
				break
			}
		}
	}
	center := a.follow
	switch {
	case pos >= 0:
		a.cursor = pos
	case queryChanged && !a.follow:
		a.cursor, a.offset = 0, 0
	}
	a.follow = false
	a.cursor = min(a.cursor, len(a.results)-1)
	a.cursor = max(a.cursor, 0)
	a.selected = -1
	if len(a.results) > 0 {
		a.selected = a.results[a.cursor]
	}
	a.visible(center)
}

// visible scrolls so that the cursor is on screen: by as little as
// possible, or to the middle after a jump.
func (a *Screen) visible(center bool) {
	h := a.rows()
	if a.cursor < a.offset || a.cursor >= a.offset+h {
		if center {
			a.offset = a.cursor - h/2
		} else if a.cursor < a.offset {
			a.offset = a.cursor
		} else {
			a.offset = a.cursor - h + 1
		}
	}
	a.offset = min(a.offset, len(a.results)-h)
	a.offset = max(a.offset, 0)
}

func (a *Screen) move(d int) {
	a.sync()
	if len(a.results) == 0 {
		return
	}
	a.cursor = max(0, min(len(a.results)-1, a.cursor+d))
	a.selected = a.results[a.cursor]
	a.moved = true
	a.visible(false)
}

func (a *Screen) setQuery(q string) {
	if a.in.Value() != q {
		a.in.SetValue(q)
	}
	a.query = q
	a.moved = false
}

// clearAfterMark clears the search and keeps the person just marked under
// the cursor, so the desk sees the result and can type the next name.
func (a *Screen) clearAfterMark(i int) {
	a.selected, a.follow = i, true
	a.done.ok = false
	a.setQuery("")
}

// Update types a paste or a key into the search, or runs the key's
// binding.
func (a *Screen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if a.in.Update(msg) {
			a.setQuery(a.in.Value())
		}
	case tea.KeyPressMsg:
		if cmd, ok := common.Handle(a.Keys(), msg); ok {
			return cmd
		}
		if a.in.Update(msg) {
			a.setQuery(a.in.Value())
		}
	}
	return nil
}

// Keys is the desk's table: the marks, moving in the list, the filter and
// clearing the search; the frame's item (or election) key, walk and
// screens.
func (a *Screen) Keys() []common.Binding {
	c, k, t := a.c, a.c.Keys, a.c.Texts
	say := func(f func() *common.Note) func() { return func() { c.Tell(f()) } }
	marks := session.Mark{}
	tab := []common.Binding{
		common.Key(k.Mark, say(a.enter)).For(marks).In(true, 1).Described(t.HelpMarkLong),
		common.Key(k.Leave, say(a.leave)).For(marks).In(true, 1),
		common.Key(k.Left, say(func() *common.Note { return a.markCursor(session.Left) })).For(marks).In(true, 1),
		common.Key(k.Reset, say(func() *common.Note { return a.markCursor(session.NotArrived) })).For(marks).In(false, 1),
		common.Key(k.Undo, say(a.undo)).For(session.Undo{}).In(true, 1).Described(t.HelpUndoLong),
	}
	if i := c.Snap.Item; c.Snap.Declared == nil && (i < 0 || i < len(c.Setup.Agenda) && c.Setup.Agenda[i].Kind == model.ItemPreparatory) {
		tab = append(tab, common.FrameKey(k.Declare).In(true, 0))
	}
	switch {
	case c.Snap.Item >= 0:
		tab = append(tab, common.FrameKey(k.ToItem).In(true, 0))
	case c.Snap.Vote != nil:
		tab = append(tab, common.FrameKey(k.ToElection).In(true, 0))
	}
	clear := func() {
		if a.query != "" {
			a.setQuery("")
		}
	}
	tab = append(tab,
		common.Key(k.Up, func() { a.move(-1) }).In(false, 2),
		common.Key(k.Down, func() { a.move(1) }),
		common.Key(k.PageUp, func() { a.move(-a.rows()) }).In(false, 2),
		common.Key(k.PageDown, func() { a.move(a.rows()) }),
		common.Key(k.Home, func() { a.sync(); a.move(-len(a.results)) }).In(false, 2),
		common.Key(k.End, func() { a.sync(); a.move(len(a.results)) }),
		common.Key(k.Filter, func() {
			a.filter = (a.filter + 1) % nFilters
			a.sync()
		}).In(true, 2).Described(t.HelpFilterLong),
		common.Key(k.Clear, clear).In(false, 2),
		common.Key(clearWord, clear),
		common.FrameKey(k.NextItem).In(false, 3), common.FrameKey(k.Declare).In(false, 3), common.FrameKey(k.Side).In(false, 3),
		common.More(k, 3), common.FrameKey(k.Quit).In(false, 3),
	)
	return append(tab, common.Screens(k, 4)...)
}

// clearWord empties the search too, as ctrl+u does (the shell's habit).
var clearWord = key.NewBinding(key.WithKeys("ctrl+w"))

// enter marks present the person whose id the search is exactly (a
// barcode scanner types the id and Enter: at once, even when names match
// the letters too, whatever the filter), else the highlighted person.
func (a *Screen) enter() *common.Note {
	if i, ok := a.ix.ExactID(a.in.Value()); ok {
		return a.mark(i, session.Present)
	}
	return a.markCursor(session.Present)
}

// ambiguous asks the desk to choose when the search matched several people
// of exactly the highlighted name and the cursor was not moved, instead of
// guessing which of them is meant.
func (a *Screen) ambiguous() *common.Note {
	if a.query == "" || a.moved {
		return nil
	}
	name, n := a.c.Setup.Roster[a.results[a.cursor]].Name, 0
	for _, j := range a.results {
		if a.c.Setup.Roster[j].Name == name {
			n++
		}
	}
	if n > 1 {
		return common.Asking(a.c.Texts.SameName(n, name)).Ref()
	}
	return nil
}

func (a *Screen) none() *common.Note {
	a.sync()
	t := a.c.Texts
	if a.query != "" {
		return common.Info(t.NoMatch(a.query)).Ref()
	}
	return common.Info(t.EmptyList).Ref()
}

// markCursor marks the highlighted person, unless the choice is ambiguous.
func (a *Screen) markCursor(s session.Status) *common.Note {
	a.sync()
	if len(a.results) == 0 {
		return a.none()
	}
	if n := a.ambiguous(); n != nil {
		return n
	}
	return a.mark(a.results[a.cursor], s)
}

// leave asks the optional reason of a leave (请假) of the highlighted
// person, which the minutes' table of absentees shows, and marks it.
func (a *Screen) leave() *common.Note {
	c, t := a.c, a.c.Texts
	a.sync()
	if len(a.results) == 0 {
		return a.none()
	}
	if n := a.ambiguous(); n != nil {
		return n
	}
	i := a.results[a.cursor]
	p := c.Setup.Roster[i]
	if i < len(c.Snap.Status) && c.Snap.Status[i].Status == session.OnLeave {
		a.clearAfterMark(i)
		return common.Info(t.AlreadyAt(p.Name, p.Unit, a.statusText(i))).Ref()
	}
	c.Frame.Ask(t.LeaveReason(c.Label(p.Name, p.Unit)), func(reason string) (common.Note, bool) {
		n := a.markWith(i, session.OnLeave, reason)
		return *n, n.Kind == common.NoteErr
	})
	return nil
}

// mark executes the mark of person i and explains the result.
func (a *Screen) mark(i int, s session.Status) *common.Note { return a.markWith(i, s, "") }

// markWith executes the mark of person i, with a leave's reason.
func (a *Screen) markWith(i int, s session.Status, reason string) *common.Note {
	c, t := a.c, a.c.Texts
	p := c.Setup.Roster[i]
	if i < len(c.Snap.Status) && c.Snap.Status[i].Status == s && reason == "" {
		// Already so: say it calmly, with the unit, and let the desk go on.
		a.clearAfterMark(i)
		return common.Info(t.AlreadyAt(p.Name, p.Unit, a.statusText(i))).Ref()
	}
	_, err := c.Exec(session.Mark{Meta: c.Meta(), Person: p.ID, Status: s, Reason: reason})
	if err != nil {
		text, calm := t.Refusal(err, c.PersonName)
		if calm {
			return common.Info(text).Ref()
		}
		return common.Failed(text).Ref()
	}
	a.clearAfterMark(i)
	if s == session.Present {
		n := c.Snap.Count
		return common.Done(t.Marked(p.Name, p.Unit, c.Clock(c.Snap.Status[i].Since), n.Present, n.Expected)).Ref()
	}
	return common.Done(t.MarkedAs(p.Name, p.Unit, a.statusText(i))).Ref()
}

// undo takes back this terminal's last mark.
func (a *Screen) undo() *common.Note {
	c, t := a.c, a.c.Texts
	evs, err := c.Exec(session.Undo{Meta: c.Meta()})
	if err != nil {
		text, calm := t.Refusal(err, c.PersonName)
		if calm {
			return common.Info(text).Ref()
		}
		return common.Failed(text).Ref()
	}
	for _, e := range evs {
		if m, ok := e.Body.(session.Marked); ok {
			if i, ok := a.byID[m.Person]; ok {
				a.selected, a.follow = i, true
				a.done.ok = false
				a.sync()
				p := c.Setup.Roster[i]
				return common.Done(t.Undone(p.Name, p.Unit, a.statusText(i))).Ref()
			}
		}
	}
	return nil
}

// statusText is a person's status as the list shows it: 已到 09:12, 请假,
// 离场 10:40, 未到.
func (a *Screen) statusText(i int) string {
	t := a.c.Texts
	if i >= len(a.c.Snap.Status) {
		return t.StatusOut
	}
	s := a.c.Snap.Status[i]
	switch s.Status {
	case session.Present, session.Left:
		return t.StatusWord(s.Status) + " " + a.c.Clock(s.Since)
	}
	return t.StatusWord(s.Status)
}

// columns returns the widths of the name, unit, kind and status columns
// and of the gap between columns, for the screen's width.
func (a *Screen) columns() (name, unit, kind, st, gap int) {
	t := a.c.Texts
	st = max(common.Width(t.StHead), common.Width(t.StatusPresent+" 00:00"), common.Width(t.StatusLeft+" 00:00"),
		common.Width(t.StatusLeave), common.Width(t.StatusOut))
	kind = max(common.Width(t.KindHead), common.Width(t.Kind(model.Formal)), common.Width(t.Kind(model.Observer)),
		common.Width(t.Kind(model.Guest)))
	gap = 2
	if a.w < 70 {
		gap = 1
	}
	rest := a.w - 2 - st - kind - 3*gap
	name = max(10, min(24, rest*55/100))
	unit = max(6, min(30, rest-name))
	return name, unit, kind, st, gap
}

func (a *Screen) filterName() string {
	t := a.c.Texts
	switch a.filter {
	case filterOut:
		return t.FilterOut
	case filterIn:
		return t.FilterIn
	}
	return t.FilterAll
}

// View renders the screen as exactly h lines of exactly w columns.
func (a *Screen) View() []string {
	a.sync()
	c, t, s := a.c, a.c.Texts, a.c.Styles
	lines := make([]string, 0, a.h)

	a.in.Prompt, a.in.Placeholder = t.Prompt, t.Placeholder
	left := a.in.View(s, 0)
	cur := 0
	if len(a.results) > 0 {
		cur = a.cursor + 1
	}
	right := s.Position.Render(t.Position(cur, len(a.results), a.filterName()))
	lines = append(lines, common.Spread(left, right, a.w))

	nw, uw, kw, sw, gw := a.columns()
	gap := strings.Repeat(" ", gw)
	row := func(marker, name, unit, kind, st string) string {
		return marker + common.Fit(name, nw) + gap + common.Fit(unit, uw) + gap + common.Fit(kind, kw) + gap + common.Fit(st, sw)
	}
	lines = append(lines, s.ColHeader.Render(row("  ", t.NameHead, t.UnitCol, t.KindHead, t.StHead)))

	if len(a.results) == 0 {
		lines = append(lines, "  "+s.Dim.Render(a.none().Text))
	}
	end := min(len(a.results), a.offset+a.rows())
	for j := a.offset; j < end; j++ {
		i := a.results[j]
		p := c.Setup.Roster[i]
		marker, name := "  ", s.Name.Render(common.Fit(p.Name, nw))
		if j == a.cursor {
			marker, name = s.Marker.Render("› "), s.NameSel.Render(common.Fit(p.Name, nw))
		}
		kind := common.Fit(t.Kind(p.Kind), kw)
		if p.Kind != model.Formal {
			kind = s.Dim.Render(kind)
		}
		st := s.StOut
		if i < len(c.Snap.Status) {
			switch c.Snap.Status[i].Status {
			case session.Present:
				st = s.StPresent
			case session.OnLeave:
				st = s.StLeave
			case session.Left:
				st = s.StLeft
			}
		}
		lines = append(lines, marker+name+gap+common.Fit(p.Unit, uw)+gap+kind+gap+st.Render(common.Fit(a.statusText(i), sw)))
	}
	return common.Block(lines, a.w, a.h)
}
