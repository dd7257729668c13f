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

	"podium/model"
	"podium/session"
	"podium/tui/common"
)

// Options configure the TUI.
type Options struct {
	// Lang is "zh" (the default) or "en".
	Lang string
	// Actor names this terminal in every command it gives (e.g. "desk-1");
	// undo takes back this actor's marks only. Default "console".
	Actor string
	// Role is this terminal's role; the core refuses what it may not do.
	// The zero Role is the host's own console.
	Role session.Role
	// Now is the clock; time.Now when nil. Tests fix it.
	Now func() time.Time
	// Verify, when set, recomputes the log's hash chain; the model runs it
	// once in the background after start and raises an alarm if it fails.
	Verify func() (events int, last [32]byte, err error)
	// Export, when set, writes the official records (f8) and returns the
	// directory and the files written.
	Export func() (dir string, files []string, err error)
}

// exportedMsg is the answer of Options.Export.
type exportedMsg struct {
	dir   string
	files []string
	err   error
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
	pendPrev
	pendJump
	pendEnd
	pendDeclare
)

// Model is the root model: it owns the frame and routes keys to the
// current screen.
type Model struct {
	c       *common.Common
	att     *attendance
	vote    *voteScreen
	itemS   *itemScreen
	qs      *questionScreen
	mo      *motionScreen
	res     *resolutionScreen
	screen  screenKind
	item    int // the agenda item the screen was last chosen for
	help    help.Model
	note    common.Note
	pending pending
	jump    int  // the item a pending start would start
	ask     *ask // a one-line input of the frame, nil when none
	// agCursor is the agenda screen's cursor.
	agCursor int
	side     sideMode
	verify   func() (int, [32]byte, error)
	export   func() (string, []string, error)
	chain    *chainMsg // nil until verified
}

// screen is which screen the frame shows.
type screenKind int

const (
	screenAttendance screenKind = iota
	screenElection
	screenItem       // the item's script, timer and notes
	screenQuestions  // the questioning desk
	screenMotions    // the motions desk
	screenResolution // the vote
	screenAgenda     // the whole agenda: jump, skip
	screenPrep       // the preparation: composition and surplus
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
	t := common.NewTexts(opt.Lang)
	c := &common.Common{
		Styles: common.NewStyles(true),
		Keys:   common.NewKeyMap(t),
		Texts:  t,
		Sess:   s,
		Actor:  opt.Actor,
		Role:   opt.Role,
		Now:    opt.Now,
	}
	s.Read(func(st *session.State) { c.Setup = st.Setup })
	c.Refresh()
	m := &Model{c: c, help: help.New(), verify: opt.Verify, export: opt.Export}
	m.help.ShortSeparator = " · "
	m.help.Styles = c.Styles.Help
	m.att = newAttendance(c)
	m.vote = newVoteScreen(c)
	m.itemS = newItemScreen(c)
	m.qs = newQuestionScreen(c)
	m.res = newResolutionScreen(c, func() { m.screen = screenMotions })
	m.mo = newMotionScreen(c, func(no int) {
		m.res.onMotion(no)
		m.screen = screenResolution
	})
	m.item = -2
	m.follow()
	m.settle()
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
		m.c.Styles = common.NewStyles(msg.IsDark())
		m.help.Styles = m.c.Styles.Help
	case tickMsg:
		cmd = tick()
	case chainMsg:
		m.chain = &msg
	case exportedMsg:
		if msg.err != nil {
			m.note = common.Failed(m.c.Texts.M.ExportFailed(msg.err.Error()))
		} else {
			m.note = common.Done(m.c.Texts.M.Exported(len(msg.files), msg.dir))
		}
	case ChangedMsg:
	case tea.PasteMsg:
		if m.ask != nil {
			m.askKey(msg)
		} else if !m.tooSmall() {
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
	m.settle()
	m.layout()
	return m, cmd
}

// follow shows the screen the agenda calls for when the current item
// changes (see itemScreenKind); the preparatory meeting and no item at
// all show the check-in desk. Between changes the host switches freely.
func (m *Model) follow() {
	c := m.c
	if c.Snap.Item == m.item {
		return
	}
	m.item = c.Snap.Item
	m.itemS.reset()
	m.screen = screenAttendance
	if i := c.Snap.Item; i >= 0 && i < len(c.Setup.Agenda) && c.Setup.Agenda[i].Kind != model.ItemPreparatory {
		m.toItem()
	}
}

// itemScreenKind is the screen of the current item: the questioning desk,
// the motions desk, the vote, the election, or the item screen (script,
// timer, notes) for the others.
func (m *Model) itemScreenKind() screenKind {
	c := m.c
	i := c.Snap.Item
	if i < 0 || i >= len(c.Setup.Agenda) {
		return screenItem
	}
	switch c.Setup.Agenda[i].Kind {
	case model.ItemQuestioning:
		return screenQuestions
	case model.ItemMotions:
		return screenMotions
	case model.ItemResolution:
		return screenResolution
	case model.ItemElection:
		if c.Snap.Vote != nil {
			return screenElection
		}
	}
	return screenItem
}

// toItem shows the current item's screen.
func (m *Model) toItem() {
	m.screen = m.itemScreenKind()
	if m.screen == screenResolution {
		m.res.onItem()
	}
}

// typing reports whether the screen shown has a text input open, so that
// printable keys (?) go to it.
func (m *Model) typing() bool {
	switch m.screen {
	case screenItem:
		return m.itemS.typing()
	case screenQuestions:
		return m.qs.typing()
	case screenMotions:
		return m.mo.typing()
	case screenResolution:
		return m.res.typing()
	case screenElection:
		return m.vote.mode != modeSteps
	}
	return false
}

// screenUpdate passes a key or a paste to the screen shown.
func (m *Model) screenUpdate(msg tea.Msg) (*common.Note, tea.Cmd) {
	switch m.screen {
	case screenElection:
		return m.vote.update(msg)
	case screenItem:
		return m.itemS.update(msg)
	case screenQuestions:
		return m.qs.update(msg)
	case screenMotions:
		return m.mo.update(msg)
	case screenResolution:
		return m.res.update(msg)
	case screenAgenda:
		if k, ok := msg.(tea.KeyPressMsg); ok {
			m.agendaKey(k)
		}
		return nil, nil
	}
	return m.att.update(msg)
}

func (m *Model) setNote(n *common.Note) {
	if n != nil {
		m.note = *n
	}
}

func (m *Model) tooSmall() bool {
	return m.c.Width < common.MinWidth || m.c.Height < common.MinHeight
}

// key handles the frame's keys and passes the others to the screen. Host
// actions (start an item, end it, declare valid) need the same key twice.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	c, k, t := m.c, m.c.Keys, m.c.Texts
	if key.Matches(msg, k.Quit) {
		return tea.Quit
	}
	if m.projector() {
		return nil // the projector has no keys
	}
	if m.tooSmall() {
		return nil
	}
	if m.ask != nil {
		m.askKey(msg)
		return nil
	}
	if m.roleRefuses(msg) {
		return nil
	}
	if p := m.pending; p != pendNone {
		m.pending = pendNone
		switch {
		case p == pendNext && key.Matches(msg, k.NextItem),
			p == pendPrev && key.Matches(msg, k.PrevItem),
			p == pendJump && key.Matches(msg, k.Walk.Jump) && m.screen == screenAgenda:
			m.startItem(m.jump)
			return nil
		case p == pendEnd && key.Matches(msg, k.EndItem):
			m.endItem()
			return nil
		case p == pendDeclare && key.Matches(msg, k.Declare):
			m.declare()
			return nil
		case key.Matches(msg, k.Clear):
			m.note = common.Info(t.Cancelled)
			return nil
		}
		m.note = common.Note{}
	}
	switch {
	case key.Matches(msg, k.ToDesk):
		m.screen = screenAttendance
		m.note = common.Note{}
	case key.Matches(msg, k.ToItem):
		switch {
		case c.Snap.Item >= 0:
			m.toItem()
		case c.Snap.Vote != nil:
			m.screen = screenElection // prepared before the agenda starts
		default:
			m.note = common.Info(t.NotStarted)
			return nil
		}
		m.note = common.Note{}
	case key.Matches(msg, k.ToElection) && !(m.screen == screenElection && m.vote.mode == modeBallot):
		if c.Snap.Vote == nil {
			m.note = common.Info(t.V.NoElection)
			return nil
		}
		m.screen = screenElection
		m.note = common.Note{}
	case key.Matches(msg, k.ToQuestions):
		m.screen = screenQuestions
		m.note = common.Note{}
	case key.Matches(msg, k.ToMotions):
		m.screen = screenMotions
		m.note = common.Note{}
	case key.Matches(msg, k.ToAgenda):
		m.screen, m.agCursor = screenAgenda, max(0, c.Snap.Item)
		m.note = common.Note{}
	case key.Matches(msg, k.ToPrep):
		m.screen = screenPrep
		m.note = common.Note{}
	case key.Matches(msg, k.Export) && m.export != nil:
		export := m.export
		m.note = common.Info(t.M.Exporting)
		return func() tea.Msg {
			dir, files, err := export()
			return exportedMsg{dir, files, err}
		}
	case key.Matches(msg, k.Help) && !m.typing():
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(msg, k.Side):
		m.side = (m.side + 1) % 2
	case m.walkKey(msg):
	case key.Matches(msg, k.Declare):
		if c.Snap.Declared != nil {
			m.note = common.Info(t.AlreadyOpen)
			return nil
		}
		m.pending = pendDeclare
		m.note = common.Asking(t.ConfirmOpen(k.Declare.Help().Key, c.Snap.Count.Present, c.Snap.Count.Expected))
	default:
		n, cmd := m.screenUpdate(msg)
		m.setNote(n)
		return cmd
	}
	return nil
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
	m.note = common.Done(t.DeclaredOK(d.Present, d.Expected))
}

func (m *Model) refusal(err error) { m.note = m.c.Refusal(err) }

// layout gives the screen its area from the terminal size and the frame.
func (m *Model) layout() {
	w, h := m.c.Width, m.c.Height
	if w < common.MinWidth || h < common.MinHeight {
		return
	}
	bw, bh := m.body(w, h)
	sw := bw - sideWidth(w) - 2
	m.att.setSize(sw, bh)
	m.att.sync()
	m.vote.setSize(bw, bh)
	m.itemS.setSize(sw, bh)
	m.qs.setSize(sw, bh)
	m.mo.setSize(sw, bh)
	m.res.setSize(sw, bh)
}

// body returns the size of the area between header and footer.
func (m *Model) body(w, h int) (int, int) {
	used := 3 + 1 + len(m.helpLines(w))
	if m.banner(w) != "" {
		used++
	}
	if m.ask != nil {
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
	if m.projector() {
		return m.projectorView(w, h)
	}
	if m.tooSmall() {
		lines := make([]string, h)
		lines[h/2] = common.Center(m.c.Texts.TooSmall(w, h), w)
		return strings.Join(lines, "\n")
	}
	s := m.c.Styles
	lines := m.header(w)
	if b := m.banner(w); b != "" {
		lines = append(lines, b)
	}
	lines = append(lines, s.Rule.Render(strings.Repeat("─", w)))
	_, bh := m.body(w, h)
	switch m.screen {
	case screenElection:
		lines = append(lines, m.vote.view()...)
	case screenAgenda:
		lines = append(lines, m.agendaView(w, bh)...)
	case screenPrep:
		body := m.prepView(w, bh)
		for len(body) < bh {
			body = append(body, "")
		}
		for _, l := range body {
			lines = append(lines, common.Fit(l, w))
		}
	default:
		sw := sideWidth(w)
		side := m.sidebar(sw-1, bh)
		var main []string
		switch m.screen {
		case screenItem:
			main = m.itemS.view()
		case screenQuestions:
			main = m.qs.view()
		case screenMotions:
			main = m.mo.view()
		case screenResolution:
			main = m.res.view()
		default:
			main = m.att.view()
		}
		sep := make([]string, bh)
		for i := range sep {
			sep[i] = s.Sep.Render(" │ ")
		}
		lines = append(lines, common.Besides(side, "", common.Besides(sep, "", main))...)
	}
	if m.ask != nil {
		lines = append(lines, m.askLine(w))
	}
	lines = append(lines, m.statusLine(w))
	lines = append(lines, m.helpLines(w)...)
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// helpKeys is the help of the screen shown, less the keys the terminal's
// role may not use.
func (m *Model) helpKeys() help.KeyMap { return m.roleHelp(m.screenHelp()) }

// screenHelp is the help of the screen shown.
func (m *Model) screenHelp() help.KeyMap {
	k := m.c.Keys
	f := k.Floor
	if m.ask != nil {
		return floorHelp{k: k, own: []key.Binding{k.Vote.Confirm}, form: true}
	}
	switch m.screen {
	case screenElection:
		if v := m.c.Snap.Vote; v != nil {
			return voteHelp{k: k, mode: m.vote.mode, act: nextAction(v), more: m.vote.showIndex(v) >= 0}
		}
	case screenItem:
		switch {
		case m.itemS.form != nil:
			return floorHelp{k: k, own: m.itemS.form.Keys(), form: true}
		case m.itemS.reviewing():
			return floorHelp{k: k, own: []key.Binding{f.Excellent, f.Pass, f.Fail, f.Comment, f.Script}}
		}
		return floorHelp{k: k, own: []key.Binding{k.ToDesk, k.ToQuestions, k.ToMotions, k.ToAgenda}}
	case screenAgenda:
		return floorHelp{k: k, own: []key.Binding{k.Walk.Jump, k.Walk.Skip, k.ToItem}}
	case screenPrep:
		return floorHelp{k: k, own: []key.Binding{k.ToDesk, k.ToItem, k.ToAgenda}}
	case screenQuestions:
		if m.qs.form != nil {
			return floorHelp{k: k, own: m.qs.form.Keys(), form: true}
		}
		return floorHelp{k: k, own: []key.Binding{f.Ask, f.Answer, f.Defer, f.Script}}
	case screenMotions:
		if m.mo.form != nil {
			return floorHelp{k: k, own: m.mo.form.Keys(), form: true}
		}
		return floorHelp{k: k, own: []key.Binding{f.File, f.Accept, f.Decline, f.Vote, f.Script}}
	case screenResolution:
		if m.res.editing {
			own := []key.Binding{f.Unanimous, f.Record, f.Tab}
			if m.res.motion > 0 {
				own = append(own, f.Kind, f.Method)
			}
			return floorHelp{k: k, own: own, form: true}
		}
		if m.res.motion > 0 {
			return floorHelp{k: k, own: []key.Binding{k.Vote.Back}}
		}
		return floorHelp{k: k, own: []key.Binding{f.Vote, f.Script}}
	}
	return attendanceHelp{k: k, item: m.c.Snap.Item >= 0, election: m.c.Snap.Vote != nil}
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }
