// Package tui is podium's terminal interface: the frame (congress name,
// clock, attendance and quorum badges, agenda sidebar, status line and help
// footer) and its screens, starting with the check-in desk's attendance
// screen.
//
// The UI decides no outcome. It builds session commands stamped with
// Common.Now and the terminal's actor, hands them to Session.Execute and
// renders the state it reads back; refusals are explained in the user's
// language with their numbers.
package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/agenda"
	"podium/session"
)

// Options configure the TUI.
type Options struct {
	// Lang is "zh" (the default) or "en".
	Lang string
	// Actor names this terminal in every command it gives (e.g. "desk-1");
	// undo takes back this actor's marks only. Default "console".
	Actor string
	// Now is the clock; time.Now when nil. Tests fix it.
	Now func() time.Time
	// Verify, when set, recomputes the log's hash chain; the model runs it
	// once in the background after start and raises an alarm if it fails.
	Verify func() (events int, last [32]byte, err error)
}

// chainMsg is the answer of Options.Verify.
type chainMsg struct{ err error }

// ChangedMsg tells the model that the session changed (an event was
// executed, possibly by another terminal). Run sends it; a program hosting
// the model some other way can send it too.
type ChangedMsg struct{}

// tickMsg refreshes the header clock.
type tickMsg time.Time

// pending is a host action waiting for its confirming second key press.
type pending int

const (
	pendNone pending = iota
	pendNext
	pendDeclare
)

// Model is the root model: it owns the frame and routes keys to the
// current screen.
type Model struct {
	c       *Common
	att     *attendance
	vote    *voteScreen
	screen  screenKind
	item    int // the agenda item the screen was last chosen for
	help    help.Model
	note    note
	pending pending
	side    sideMode
	verify  func() (int, [32]byte, error)
	chain   *chainMsg // nil until verified
}

// screen is which screen the frame shows.
type screenKind int

const (
	screenAttendance screenKind = iota
	screenElection
)

// New returns the root model for a session.
func New(s *session.Session, opt Options) tea.Model { return newModel(s, opt) }

func newModel(s *session.Session, opt Options) *Model {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Actor == "" {
		opt.Actor = "console"
	}
	t := NewTexts(opt.Lang)
	c := &Common{
		Styles: NewStyles(true),
		Keys:   NewKeyMap(t),
		Texts:  t,
		Sess:   s,
		Actor:  opt.Actor,
		Now:    opt.Now,
	}
	s.Read(func(st *session.State) { c.Setup = st.Setup })
	c.Refresh()
	m := &Model{c: c, help: help.New(), verify: opt.Verify}
	m.help.ShortSeparator = " · "
	m.help.Styles = c.Styles.Help
	m.att = newAttendance(c)
	m.vote = newVoteScreen(c)
	m.item = -2
	m.follow()
	m.layout()
	return m
}

// Init asks for the terminal's background colour and starts the clock.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, tick()}
	if m.verify != nil {
		verify := m.verify
		cmds = append(cmds, func() tea.Msg {
			_, _, err := verify()
			return chainMsg{err}
		})
	}
	return tea.Batch(cmds...)
}

func tick() tea.Cmd {
	return tea.Every(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// Update handles sizes, colours, the clock, session changes and keys.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		m.c.Styles = NewStyles(msg.IsDark())
		m.help.Styles = m.c.Styles.Help
	case tickMsg:
		cmd = tick()
	case chainMsg:
		m.chain = &msg
	case ChangedMsg:
	case tea.PasteMsg:
		if !m.tooSmall() {
			if n, c := m.screenUpdate(msg); n != nil || c != nil {
				m.setNote(n)
				cmd = c
			}
		}
	case tea.KeyPressMsg:
		cmd = m.key(msg)
	}
	m.c.Refresh()
	m.follow()
	m.layout()
	return m, cmd
}

// follow shows the screen the agenda calls for when the current item
// changes: the election screen for an election item, the attendance
// screen otherwise. Between changes the host switches freely.
func (m *Model) follow() {
	c := m.c
	if c.Snap.Item == m.item {
		return
	}
	m.item = c.Snap.Item
	m.screen = screenAttendance
	if i := c.Snap.Item; i >= 0 && i < len(c.Setup.Agenda) && c.Setup.Agenda[i].Kind == agenda.ItemElection && c.Snap.Vote != nil {
		m.screen = screenElection
	}
}

// screenUpdate passes a key or a paste to the screen shown.
func (m *Model) screenUpdate(msg tea.Msg) (*note, tea.Cmd) {
	if m.screen == screenElection {
		return m.vote.update(msg)
	}
	return m.att.update(msg)
}

func (m *Model) setNote(n *note) {
	if n != nil {
		m.note = *n
	}
}

func (m *Model) tooSmall() bool {
	return m.c.Width < MinWidth || m.c.Height < MinHeight
}

// key handles the frame's keys and passes the others to the screen. Host
// actions (next item, declare valid) need the same key twice.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	c, k, t := m.c, m.c.Keys, m.c.Texts
	if key.Matches(msg, k.Quit) {
		return tea.Quit
	}
	if m.tooSmall() {
		return nil
	}
	if p := m.pending; p != pendNone {
		m.pending = pendNone
		switch {
		case p == pendNext && key.Matches(msg, k.NextItem):
			m.startNext()
			return nil
		case p == pendDeclare && key.Matches(msg, k.Declare):
			m.declare()
			return nil
		case key.Matches(msg, k.Clear):
			m.note = note{noteInfo, t.Cancelled}
			return nil
		}
		m.note = note{}
	}
	switch {
	case key.Matches(msg, k.Screen):
		if c.Snap.Vote == nil {
			m.note = note{noteInfo, t.V.NoElection}
			return nil
		}
		m.screen = 1 - m.screen
		m.note = note{}
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(msg, k.Side):
		m.side = (m.side + 1) % 2
	case key.Matches(msg, k.NextItem):
		next := c.Snap.Item + 1
		if next >= len(c.Setup.Agenda) {
			m.note = note{noteInfo, t.LastItem}
			return nil
		}
		m.pending = pendNext
		m.note = note{noteAsk, t.ConfirmNext(k.NextItem.Help().Key, next+1, t.ItemTitle(c.Setup.Agenda[next]))}
	case key.Matches(msg, k.Declare):
		if c.Snap.Declared != nil {
			m.note = note{noteInfo, t.AlreadyOpen}
			return nil
		}
		m.pending = pendDeclare
		m.note = note{noteAsk, t.ConfirmOpen(k.Declare.Help().Key, c.Snap.Count.Present, c.Snap.Count.Expected)}
	default:
		n, cmd := m.screenUpdate(msg)
		m.setNote(n)
		return cmd
	}
	return nil
}

// startNext starts the agenda item after the current one.
func (m *Model) startNext() {
	c, t := m.c, m.c.Texts
	next := c.Snap.Item + 1
	if _, err := c.Exec(session.StartItem{Meta: c.Meta(), Index: next}); err != nil {
		m.refusal(err)
		return
	}
	n := c.Snap.Count
	m.note = note{noteOK, t.Started(next+1, t.ItemTitle(c.Setup.Agenda[next]), n.Present, n.Expected)}
}

// declare declares the meeting valid; the session refuses it without the
// opening quorum, and the refusal shows the numbers.
func (m *Model) declare() {
	c, t := m.c, m.c.Texts
	if _, err := c.Exec(session.DeclareOpen{Meta: c.Meta()}); err != nil {
		m.refusal(err)
		return
	}
	d := c.Snap.Declared.Count
	m.note = note{noteOK, t.DeclaredOK(d.Present, d.Expected)}
}

func (m *Model) refusal(err error) {
	text, calm := m.c.Texts.Refusal(err, m.c.personName)
	kind := noteErr
	if calm {
		kind = noteInfo
	}
	m.note = note{kind, text}
}

// layout gives the screen its area from the terminal size and the frame.
func (m *Model) layout() {
	w, h := m.c.Width, m.c.Height
	if w < MinWidth || h < MinHeight {
		return
	}
	bw, bh := m.body(w, h)
	m.att.setSize(bw-sideWidth(w)-2, bh)
	m.att.sync()
	m.vote.setSize(bw, bh)
}

// body returns the size of the area between header and footer.
func (m *Model) body(w, h int) (int, int) {
	used := 3 + 1 + len(m.helpLines(w))
	if m.banner(w) != "" {
		used++
	}
	return w, max(1, h-used)
}

// View renders the frame around the attendance screen in the alternate
// screen, with the congress name as the window title.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = m.c.Texts.AppName + " · " + m.c.Texts.MeetingName(m.c.Setup.Meeting)
	return v
}

// render returns the screen content: exactly Height lines, none wider
// than Width.
func (m *Model) render() string {
	w, h := m.c.Width, m.c.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	if m.tooSmall() {
		lines := make([]string, h)
		lines[h/2] = center(m.c.Texts.TooSmall(w, h), w)
		return strings.Join(lines, "\n")
	}
	s := m.c.Styles
	lines := m.header(w)
	if b := m.banner(w); b != "" {
		lines = append(lines, b)
	}
	lines = append(lines, s.Rule.Render(strings.Repeat("─", w)))
	_, bh := m.body(w, h)
	if m.screen == screenElection {
		lines = append(lines, m.vote.view()...)
	} else {
		sw := sideWidth(w)
		side := m.sidebar(sw-1, bh)
		main := m.att.view()
		sep := make([]string, bh)
		for i := range sep {
			sep[i] = s.Sep.Render(" │ ")
		}
		lines = append(lines, besides(side, "", besides(sep, "", main))...)
	}
	lines = append(lines, m.statusLine(w))
	lines = append(lines, m.helpLines(w)...)
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// helpKeys is the help of the screen shown.
func (m *Model) helpKeys() help.KeyMap {
	if m.screen == screenElection && m.c.Snap.Vote != nil {
		v := m.c.Snap.Vote
		return voteHelp{k: m.c.Keys, mode: m.vote.mode, act: nextAction(v), more: m.vote.showIndex(v) >= 0}
	}
	return attendanceHelp{k: m.c.Keys, election: m.c.Snap.Vote != nil}
}
