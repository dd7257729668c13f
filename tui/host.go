package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/session"
	"podium/tui/common"
	"podium/tui/widgets"
)

// The frame's keys: showing the screens, walking the agenda (next,
// previous, end), declaring the meeting valid, the note, the export, the
// sidebar and the help; and what the frame offers the screens (Frame):
// the one-line question, the confirmation by a second key press, showing
// another screen. Every step is a session command; the core refuses
// leaving a resolution or an election half-done, and the refusal is shown
// with what to do.

// frameKeys is the frame's key table, after the screen's: each key with
// its handler and the command it leads to.
func (m *Model) frameKeys() []common.Binding {
	k := m.c.Keys
	var t []common.Binding
	for _, s := range m.screens {
		if s.key.Enabled() {
			t = append(t, common.Key(s.key, func() { m.showByKey(s) }).For(s.sees))
		}
	}
	if item := m.fallback(); item != nil {
		t = append(t, common.Key(k.ToItem, m.toItemKey).For(item.sees))
	}
	// Who keeps the record exports it.
	t = append(t, common.KeyMsg(k.Export, func(tea.KeyPressMsg) tea.Cmd { return m.exportRecords() }).For(session.AddNote{}))
	if !m.typing() {
		t = append(t, common.Key(k.Help, func() { m.sheet = !m.sheet }))
	}
	t = append(t, m.takeOverKeys()...)
	return append(t,
		common.Key(k.Side, m.nextSide),
		common.Key(k.NextItem, m.nextItem).For(session.StartItem{}),
		common.Key(k.PrevItem, m.prevItem).For(session.StartItem{}),
		common.Key(k.EndItem, m.endItemKey).For(session.EndItem{}),
		common.Key(k.AddNote, m.addNote).For(session.AddNote{}),
		common.Key(k.Declare, m.declareKey).For(session.DeclareOpen{}),
		common.Key(k.Quit, func() {}), // Update quits before any table
	)
}

// showByKey shows a screen by its key, unless it has nothing to show.
func (m *Model) showByKey(s *slot) {
	if s.disabled != nil {
		if why := s.disabled(m.c); why != "" {
			m.c.Say(common.Info(why))
			return
		}
	}
	m.c.Note = common.Note{}
	m.show(s, common.ShownMsg{})
}

// toItemKey (f2) shows the current item's screen, or before the agenda
// starts the screen prepared for it (the election), if any.
func (m *Model) toItemKey() {
	s := m.itemScreen(m.c.Snap.Item)
	if s == nil {
		m.c.Say(common.Info(m.c.Texts.NotStarted))
		return
	}
	m.c.Note = common.Note{}
	m.show(s, common.ShowItemMsg{})
}

// exportRecords writes the official records in the background.
func (m *Model) exportRecords() tea.Cmd {
	export := m.export
	if export == nil {
		return nil // this terminal has no records to write
	}
	m.c.Say(common.Info(m.c.Texts.M.Exporting))
	return func() tea.Msg {
		dir, files, err := export()
		return exportedMsg{dir, files, err}
	}
}

// Print prints the round's ballots and zero report in the background
// (common.Frame).
func (m *Model) Print() tea.Cmd {
	print := m.print
	if print == nil {
		return nil // this terminal prints nothing
	}
	m.c.Say(common.Info(m.c.Texts.V.Printing))
	return func() tea.Msg {
		dir, files, err := print()
		return printedMsg{dir, files, err}
	}
}

// nextItem asks to start the next pending item.
func (m *Model) nextItem() {
	c := m.c
	next := c.NextIndex()
	if next < 0 {
		c.Say(common.Info(c.Texts.LastItem))
		return
	}
	c.ConfirmStart(c.Keys.NextItem, next)
}

// prevItem asks to go back to the item before the current one.
func (m *Model) prevItem() {
	c := m.c
	prev := c.Snap.Item - 1
	if prev < 0 {
		c.Say(common.Info(c.Texts.M.FirstItem))
		return
	}
	c.ConfirmStart(c.Keys.PrevItem, prev)
}

// endItemKey asks to end the current item.
func (m *Model) endItemKey() {
	c, k, t := m.c, m.c.Keys, m.c.Texts
	i, it, is, ok := c.Current()
	if !ok || is.Status != session.ItemCurrent {
		c.Say(common.Info(t.M.NothingToEnd))
		return
	}
	m.Confirm(k.EndItem, t.M.ConfirmEnd(k.EndItem.Help().Key, i+1, t.ItemTitle(it)), m.endItem)
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
		c.Say(c.Refusal(err))
		m.Ask(t.M.EndNoteLabel, func(text string) (common.Note, bool) {
			if _, err := c.Exec(session.EndItem{Meta: c.Meta(), Note: text}); err != nil {
				return c.Refusal(err), true
			}
			return ended(), false
		})
	case err != nil:
		c.Say(c.Refusal(err))
	default:
		c.Say(ended())
	}
}

// addNote asks for the secretary's note on the current item.
func (m *Model) addNote() {
	c, t := m.c, m.c.Texts
	i, it, _, ok := c.Current()
	if !ok {
		c.Say(common.Info(t.M.NoItemForNote))
		return
	}
	m.Ask(t.M.NoteLabel(i+1, t.ItemTitle(it)), func(text string) (common.Note, bool) {
		if _, err := c.Exec(session.AddNote{Meta: c.Meta(), Text: text}); err != nil {
			return c.Refusal(err), true
		}
		return common.Done(t.M.NoteAdded(c.Clock(c.Now()))), false
	})
}

// declareKey asks to declare the meeting valid.
func (m *Model) declareKey() {
	c, k, t := m.c, m.c.Keys, m.c.Texts
	if c.Snap.Declared != nil {
		c.Say(common.Info(t.AlreadyOpen))
		return
	}
	// Without the opening quorum the core would refuse: say so now, with
	// the numbers, rather than after a second key.
	if err := c.Check(session.DeclareOpen{Meta: c.Meta()}); err != nil {
		c.Say(c.Refusal(err))
		return
	}
	m.Confirm(k.Declare, t.ConfirmOpen(k.Declare.Help().Key, c.Snap.Count.Present, c.Snap.Count.Expected), m.declare)
}

// declare declares the meeting valid; the session refuses it without the
// opening quorum, and the refusal shows the numbers.
func (m *Model) declare() {
	c, t := m.c, m.c.Texts
	if _, err := c.Exec(session.DeclareOpen{Meta: c.Meta()}); err != nil {
		c.Say(c.Refusal(err))
		return
	}
	d := c.Snap.Declared.Count
	c.Say(common.Done(t.DeclaredOK(d.Present, d.Expected)))
}

// ask is a one-line input the frame shows above the status line; it takes
// every key until enter or esc.
type ask struct {
	in widgets.Input
	// done executes the text; keep leaves the input open (a refusal the
	// text can fix).
	done func(text string) (n common.Note, keep bool)
}

// Ask shows a one-line input with a label (Frame).
func (m *Model) Ask(label string, done func(string) (common.Note, bool)) {
	m.ask = &ask{in: widgets.NewText(), done: done}
	m.ask.in.Prompt = label + " › "
}

// askKeys is the open input's help: enter confirms, esc cancels.
func (m *Model) askKeys() []common.Binding {
	return common.Form(m.c.Keys, m.c.Keys.Vote.Confirm)
}

// askKey edits the open input.
func (m *Model) askKey(msg tea.Msg) {
	a := m.ask
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			m.ask = nil
			m.c.Say(common.Info(m.c.Texts.Cancelled))
			return
		case "enter":
			n, keep := a.done(strings.TrimSpace(a.in.Value()))
			m.c.Say(n)
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

// pending is an action waiting for its key to be pressed again.
type pending struct {
	key key.Binding
	do  func()
	on  *slot // the screen it was asked on
}

// Confirm asks question and runs do when the next key is b again on the
// same screen (Frame).
func (m *Model) Confirm(b key.Binding, question string, do func()) {
	m.pending = &pending{key: b, do: do, on: m.cur}
	m.c.Say(common.Asking(question))
}

// Show shows screen id and hands it msg (Frame).
func (m *Model) Show(id common.ScreenID, msg tea.Msg) {
	for _, s := range m.screens {
		if s.id == id {
			m.from = m.cur
			m.show(s, msg)
			return
		}
	}
}

// Back returns to the screen that called Show (Frame).
func (m *Model) Back() {
	if m.from != nil {
		m.cur = m.from
	}
}
