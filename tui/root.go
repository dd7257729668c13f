// Package tui is podium's terminal interface: the frame (congress name,
// clock, attendance and quorum badges, agenda sidebar, status line and help
// footer) around one screen at a time. The screens live in tui/screens,
// one package each, registered in screens.go; what they share is in
// tui/common, the parts they are built from in tui/widgets.
//
// The root only routes, frames and switches: keys go to the screen's key
// table, then the frame's; a key the terminal's role may not use is
// refused calmly. The UI decides no outcome. It builds session commands
// stamped with Common.Now and the terminal's actor, hands them to
// Session.Execute and renders the state it reads back; refusals are
// explained in the user's language with their numbers.
package tui

import (
	"strings"
	"time"

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
	// Actor names who acts through this terminal in every command it gives
	// (e.g. "desk:签到台"). Default "console".
	Actor string
	// Terminal names this terminal — this connection — in every command
	// it gives (session.Meta.Terminal): undo takes back this terminal's
	// marks only, even when another terminal acts under the same actor.
	// Default "console".
	Terminal string
	// Role is this terminal's role; the core refuses what it may not do.
	// The zero Role is the host's own console.
	Role session.Role
	// OnlyGroup limits a secretary's terminal to one deliberation group
	// (a group's own terminal): it sees the speakers' screen and reports
	// that group's opinions only; the core refuses the rest.
	OnlyGroup string
	// Now is the clock; time.Now when nil. Tests fix it.
	Now func() time.Time
	// Verify, when set, recomputes the log's hash chain; the model runs it
	// once in the background after start and raises an alarm if it fails.
	Verify func() (events int, last [32]byte, err error)
	// Export, when set, writes the official records (f8) and returns the
	// directory and the files written.
	Export func() (dir string, files []string, err error)
	// Fingerprint, when set, is the SSH host key's fingerprint of the
	// server this terminal runs beside (podium serve): the status line
	// shows it at the start and the key sheet (?) always, so that the
	// host can read it to the terminals connecting.
	Fingerprint string
	// Drafts, when set, keeps this terminal's draft (its screen, a ballot
	// being keyed) outside the record, and gives it back after a restart.
	Drafts Drafts
	// Print, when set, prints the ballots and the zero report of the
	// election's round open or about to open (p on the election screen)
	// and returns the directory and the files written.
	Print func() (dir string, files []string, err error)
	// Copies, when set, tells how the log's copies stand (the mirror
	// file, the primary a standby follows, a takeover): the header shows
	// it.
	Copies func() Copies
	// TakeOver, when set (a standby's screens), records the takeover: the
	// frame's key T, confirmed twice. On success the program ends, and
	// its caller goes on as the congress's writer.
	TakeOver func() error
}

// printedMsg is the answer of Options.Print.
type printedMsg struct {
	dir   string
	files []string
	err   error
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

// Model is the root model: it owns the frame, routes keys to the screen
// shown and switches screens.
type Model struct {
	c       *common.Common
	screens []*slot   // register's, in its order
	cur     *slot     // the screen shown
	from    *slot     // the screen that showed cur (Frame.Show), for Back
	item    int       // the agenda item the screen was last chosen for
	sheet   bool      // the key sheet (?) is shown in place of the screen
	foot    footCache // the footer last built
	// dirty counts the messages other than the clock's tick: the body
	// drawn at one count is drawn again only for a screen that shows
	// the clock (common.Ticker).
	dirty   uint64
	drawn   drawnBody
	pending *pending // an action waiting for its key again, nil when none
	ask     *ask     // a one-line input of the frame, nil when none
	side    sideMode
	verify  func() (int, [32]byte, error)
	export  func() (string, []string, error)
	print   func() (string, []string, error)
	chain   *chainMsg // nil until verified
	// drafts keeps the terminal's draft; saved is the last one kept.
	drafts      Drafts
	saved       []byte
	draftFailed bool
	fingerprint string // the SSH host key's, when serving

	copiesOf func() Copies
	takeOver func() error
	quitting bool // taken over: the program ends
}

// New returns the root model for a session.
func New(s *session.Session, opt Options) tea.Model { return newModel(s, opt) }

func newModel(s *session.Session, opt Options) *Model {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Actor == "" {
		opt.Actor = "console"
	}
	if opt.Terminal == "" {
		opt.Terminal = "console"
	}
	t := common.NewTexts(opt.Lang)
	c := &common.Common{
		Styles:   common.NewStyles(true),
		Keys:     common.NewKeyMap(t),
		Texts:    t,
		Sess:     s,
		Actor:    opt.Actor,
		Terminal: opt.Terminal,
		Role:     opt.Role,

		OnlyGroup: opt.OnlyGroup,
	}
	s.Read(func(st *session.State) { c.Setup = st.Setup })
	c.Names = congressNames(c.Setup)
	// A name two people share is shown with its unit: that label is
	// never split either.
	var labels []string
	for _, p := range c.Setup.Roster {
		if l := c.Label(p.Name, p.Unit); l != p.Name {
			labels = append(labels, l)
		}
	}
	c.Names = c.Names.With(labels...)
	// The clock is the congress's, whatever the machine's zone.
	now, zone := opt.Now, c.Setup.Meeting.Location()
	c.Now = func() time.Time { return now().In(zone) }
	c.Refresh()
	m := &Model{c: c, verify: opt.Verify, export: opt.Export, print: opt.Print, drafts: opt.Drafts, fingerprint: opt.Fingerprint,
		copiesOf: opt.Copies, takeOver: opt.TakeOver}
	if m.fingerprint != "" {
		c.Say(common.Info(t.HostKey(m.fingerprint)))
	}
	c.Frame = m
	m.screens = register(c.Keys)
	for _, sc := range m.screens {
		sc.s = sc.make(c)
	}
	m.cur = m.home()
	m.item = -2
	m.follow()
	m.restore()
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
	if _, ok := msg.(tickMsg); !ok {
		m.dirty++
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		m.c.Styles = common.NewStyles(msg.IsDark())
		m.foot = footCache{}
	case tickMsg:
		cmd = tick()
	case chainMsg:
		m.chain = &msg
	case printedMsg:
		if msg.err != nil {
			m.c.Say(common.Failed(m.c.Texts.V.PrintFailed(msg.err.Error())))
		} else {
			m.c.Say(common.Done(m.c.Texts.V.Printed(len(msg.files), msg.dir)))
		}
	case exportedMsg:
		if msg.err != nil {
			m.c.Say(common.Failed(m.c.Texts.M.ExportFailed(msg.err.Error())))
		} else {
			m.c.Say(common.Done(m.c.Texts.M.Exported(len(msg.files), msg.dir)))
		}
	case ChangedMsg:
	case tea.PasteMsg:
		if m.ask != nil {
			m.askKey(msg)
		} else if !m.tooSmall() && m.cur.layout != bare {
			cmd = m.cur.s.Update(msg)
		}
	case tea.KeyPressMsg:
		cmd = m.key(msg)
	}
	m.c.Refresh()
	m.follow()
	m.settle()
	m.layout()
	if _, tick := msg.(tickMsg); !tick {
		m.keepDraft()
	}
	if m.quitting {
		return m, tea.Quit
	}
	return m, cmd
}

// follow shows the screen the agenda calls for when the current item
// changes; the preparatory meeting and no item at all show the terminal's
// first screen (the check-in desk). Between changes the host switches
// freely.
func (m *Model) follow() {
	c := m.c
	if c.Snap.Item == m.item {
		return
	}
	m.item = c.Snap.Item
	for _, s := range m.screens {
		s.s.Update(common.NewItemMsg{})
	}
	m.pending = nil
	if i := c.Snap.Item; i >= 0 && i < len(c.Setup.Agenda) && c.Setup.Agenda[i].Kind != model.ItemPreparatory {
		m.show(m.itemScreen(i), common.ShowItemMsg{})
		return
	}
	m.cur = m.home()
}

// itemScreen is the screen of agenda item i: the first that serves it, or
// the one that serves every item; before the agenda (i < 0), the first
// that serves that, or nil.
func (m *Model) itemScreen(i int) *slot {
	for _, s := range m.screens {
		if s.serves != nil && s.serves(m.c, i) {
			return s
		}
	}
	if i < 0 {
		return nil
	}
	return m.fallback()
}

// fallback is the screen of the items no other screen serves.
func (m *Model) fallback() *slot {
	for _, s := range m.screens {
		if s.everyItem {
			return s
		}
	}
	return nil
}

// show makes s the screen shown and hands it msg.
func (m *Model) show(s *slot, msg tea.Msg) {
	if s == nil {
		return
	}
	m.cur = s
	if msg != nil {
		s.s.Update(msg)
	}
}

// sees reports whether this terminal's role may see screen s. A standby
// sees the host's screens, read-only: its keys are refused by the core's
// permissions.
func (m *Model) sees(s *slot) bool {
	if s.only != "" {
		return m.c.Role == s.only
	}
	role := m.c.Role
	if role == session.RoleStandby {
		role = session.RoleHost
	}
	return s.sees == nil || session.PermittedIn(role, m.c.OnlyGroup, s.sees)
}

// home is the first screen the role may see: the one it opens on and
// falls back to.
func (m *Model) home() *slot {
	for _, s := range m.screens {
		if m.sees(s) {
			return s
		}
	}
	return m.screens[0]
}

// settle moves the terminal off a screen its role may not see.
func (m *Model) settle() {
	if !m.sees(m.cur) {
		m.cur = m.home()
	}
}

// typing reports whether the screen shown has a text input open, so that
// printable keys (?) go to it.
func (m *Model) typing() bool {
	t, ok := m.cur.s.(common.Typer)
	return ok && t.Typing()
}

func (m *Model) tooSmall() bool {
	return m.c.Width < common.MinWidth || m.c.Height < common.MinHeight
}

// table is the key table of what is shown: the open question's or the
// screen's. Its rows without a handler are the frame's keys it shows.
func (m *Model) table() []common.Binding {
	if m.ask != nil {
		return m.askKeys()
	}
	return m.cur.s.Keys()
}

// match finds the binding of key msg: the first of the screen's table,
// its frame keys resolved to the frame's binding, else the frame's own.
// frame reports a frame binding, ok whether any matched.
func (m *Model) match(msg tea.KeyPressMsg, frameKeys []common.Binding) (b common.Binding, frame, ok bool) {
	if b, ok := common.Match(m.table(), msg); ok {
		if b.Do != nil {
			return b, false, true
		}
		if fb, ok := common.Match(frameKeys, msg); ok {
			return fb, true, true
		}
		return b, false, true // a screen's key it handles in Update
	}
	if fb, ok := common.Match(frameKeys, msg); ok {
		return fb, true, true
	}
	return common.Binding{}, false, false
}

// key routes a key: the quit key; the open question; a key the role may
// not use is refused calmly; an action waiting for its key again; then
// the frame's binding runs, or the screen gets the key.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	c, k, t := m.c, m.c.Keys, m.c.Texts
	if key.Matches(msg, k.Quit) {
		return tea.Quit
	}
	if m.cur.layout == bare || m.tooSmall() {
		return nil // the projector has no keys
	}
	if m.ask != nil {
		m.askKey(msg)
		return nil
	}
	if m.sheet {
		// Any key closes the key sheet; ? and esc only close it.
		m.sheet = false
		if msg.String() == "?" || msg.String() == "esc" {
			return nil
		}
	}
	frameKeys := m.frameKeys()
	b, frame, ok := m.match(msg, frameKeys)
	if ok && !b.Permits(c.Role, c.OnlyGroup) {
		m.pending = nil
		c.Say(common.Info(t.RoleRefused(string(c.Role))))
		return nil
	}
	if p := m.pending; p != nil {
		m.pending = nil
		switch {
		case key.Matches(msg, p.key) && p.on == m.cur:
			p.do()
			return nil
		case key.Matches(msg, k.Clear):
			c.Say(common.Info(t.Cancelled))
			return nil
		}
		c.Note = common.Note{}
	}
	if ok && frame {
		return b.Do(msg)
	}
	return m.cur.s.Update(msg)
}

// layout gives every screen its area from the terminal size and the frame.
func (m *Model) layout() {
	w, h := m.c.Width, m.c.Height
	for _, s := range m.screens {
		if s.layout == bare {
			s.s.SetSize(w, h)
		}
	}
	if m.tooSmall() {
		return
	}
	bw, bh := m.body(w, h)
	for _, s := range m.screens {
		switch s.layout {
		case withSidebar:
			s.s.SetSize(bw-m.sideShown(w), bh)
		case wide:
			s.s.SetSize(bw, bh)
		}
	}
}

// body returns the size of the area between header and footer.
func (m *Model) body(w, h int) (int, int) {
	used := 3 + 1 + 1 + len(m.banner(w))
	if m.ask != nil {
		used++
	}
	return w, max(1, h-used)
}

// View renders the frame around the screen in the alternate screen, with
// the congress name as the window title.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = m.c.Texts.AppName + " · " + m.c.Texts.Title(m.c.Setup)
	return v
}

// render returns the screen content: exactly Height lines, none wider
// than Width.
func (m *Model) render() string {
	w, h := m.c.Width, m.c.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	if m.cur.layout == bare {
		return strings.Join(m.cur.s.View(), "\n")
	}
	if m.tooSmall() {
		lines := make([]string, h)
		lines[h/2] = common.Center(m.c.Texts.TooSmall(w, h), w)
		return strings.Join(lines, "\n")
	}
	s := m.c.Styles
	lines := m.header(w)
	lines = append(lines, m.banner(w)...)
	lines = append(lines, s.Rule.Render(strings.Repeat("─", w)))
	_, bh := m.body(w, h)
	lines = append(lines, m.bodyLines(w, bh)...)
	if m.ask != nil {
		lines = append(lines, m.askLine(w))
	}
	lines = append(lines, m.statusLine(w))
	lines = append(lines, m.footer(w))
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// drawnBody is the body last drawn and what it was drawn from.
type drawnBody struct {
	on    *slot
	dirty uint64
	w, h  int
	side  sideMode
	sheet bool
	lines []string
}

// bodyLines is the area between the header and the status line: the key
// sheet, or the screen (beside the sidebar, unless hidden). It is drawn
// again only when something other than the clock changed, or when the
// screen shows the clock.
func (m *Model) bodyLines(w, bh int) []string {
	d := drawnBody{on: m.cur, dirty: m.dirty, w: w, h: bh, side: m.side, sheet: m.sheet}
	ticks := false
	if t, ok := m.cur.s.(common.Ticker); ok {
		ticks = t.Ticks()
	}
	if p := m.drawn; !ticks && p.lines != nil && p.on == d.on && p.dirty == d.dirty && p.w == d.w && p.h == d.h && p.side == d.side && p.sheet == d.sheet {
		return p.lines
	}
	s := m.c.Styles
	switch {
	case m.sheet:
		d.lines = m.sheetLines(w, bh)
	case m.cur.layout == wide || m.side == sideHidden:
		// A screen's view is exactly its size (common.Screen): measured
		// again only when it is not.
		if v := m.cur.s.View(); len(v) == bh {
			d.lines = v
		} else {
			d.lines = common.Block(v, w, bh)
		}
	default:
		sw := sideWidth(w)
		side := m.sidebar(sw-1, bh)
		main := m.cur.s.View()
		sep := make([]string, bh)
		for i := range sep {
			sep[i] = s.Sep.Render(" │ ")
		}
		d.lines = common.Besides(side, "", common.Besides(sep, "", main))
	}
	m.drawn = d
	return d.lines
}

// congressNames are the names a text to read never splits: the roster's
// and the candidates'.
func congressNames(s model.Setup) *common.Names {
	names := make([]string, 0, len(s.Roster))
	for _, p := range s.Roster {
		names = append(names, p.Name)
	}
	if e := s.Election; e != nil {
		for _, c := range e.Candidates {
			names = append(names, c.Name)
		}
	}
	return common.NewNames(names)
}
