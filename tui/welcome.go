package tui

import (
	"podium/tui/common"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// welcome is the small screen shown when no congress exists on this
// machine: it offers the demo congress or explains how to set one up.
type welcome struct {
	t      *common.Texts
	keys   *common.KeyMap
	styles *common.Styles
	help   help.Model
	w, h   int
	demo   bool
}

// welcomeKeys is the welcome screen's help: open the demo, quit.
type welcomeKeys struct{ k *common.KeyMap }

// ShortHelp is the footer: open the demo, quit.
func (w welcomeKeys) ShortHelp() []key.Binding { return []key.Binding{w.k.Demo, w.k.Quit} }

// FullHelp is the same keys in one column.
func (w welcomeKeys) FullHelp() [][]key.Binding { return [][]key.Binding{w.ShortHelp()} }

func newWelcome(opt Options) *welcome {
	t := common.NewTexts(opt.Lang)
	k := common.NewKeyMap(t)
	k.Quit.SetKeys("q", "esc", "ctrl+c")
	k.Quit.SetHelp("q", t.HelpQuit)
	w := &welcome{t: t, keys: k, styles: common.NewStyles(true), help: help.New()}
	w.help.Styles = w.styles.Help
	w.help.ShortSeparator = " · "
	return w
}

// Init asks for the background colour.
func (w *welcome) Init() tea.Cmd { return tea.RequestBackgroundColor }

// Update records the size and the choice.
func (w *welcome) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		w.w, w.h = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		w.styles = common.NewStyles(msg.IsDark())
		w.help.Styles = w.styles.Help
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, w.keys.Demo):
			w.demo = true
			return w, tea.Quit
		case key.Matches(msg, w.keys.Quit):
			return w, tea.Quit
		}
	}
	return w, nil
}

// View renders the welcome text in the middle of the alternate screen.
func (w *welcome) View() tea.View {
	v := tea.NewView(w.render())
	v.AltScreen = true
	v.WindowTitle = w.t.WelcomeTitle
	return v
}

func (w *welcome) render() string {
	if w.w <= 0 || w.h <= 0 {
		return ""
	}
	s := w.styles
	body := []string{s.Title.Render(w.t.WelcomeTitle), ""}
	for _, l := range w.t.WelcomeBody {
		body = append(body, s.Name.Render(l))
	}
	w.help.SetWidth(w.w)
	body = append(body, "", w.help.View(welcomeKeys{w.keys}))
	bw := 0
	for _, l := range body {
		bw = max(bw, common.Width(l))
	}
	bw = min(bw, w.w)
	top := max(0, (w.h-len(body))/2)
	lines := make([]string, 0, w.h)
	for range top {
		lines = append(lines, "")
	}
	pad := strings.Repeat(" ", max(0, (w.w-bw)/2))
	for _, l := range body {
		lines = append(lines, pad+common.Cut(l, w.w-len(pad)))
	}
	if len(lines) > w.h {
		lines = lines[:w.h]
	}
	return strings.Join(lines, "\n")
}

// OfferDemo shows the welcome screen for a machine with no congress yet.
// It returns true when the user chose to open the demo congress (enter or
// d), false when they quit.
func OfferDemo(opt Options, popts ...tea.ProgramOption) (bool, error) {
	w := newWelcome(opt)
	if _, err := tea.NewProgram(w, popts...).Run(); err != nil {
		return false, err
	}
	return w.demo, nil
}
