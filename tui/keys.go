package tui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key binding of the TUI; the help footer is generated
// from it. Marks use ctrl chords so that typing into the always-live search
// never collides with them.
type KeyMap struct {
	// Desk.
	Mark, Leave, Left, Reset, Undo key.Binding
	// Moving in the list.
	Up, Down, PageUp, PageDown, Home, End, Filter, Clear key.Binding
	// Host.
	NextItem, Declare, Side key.Binding
	// General.
	Help, Quit key.Binding
	// Welcome screen.
	Demo key.Binding

	// Help as the short footer shows it ("? more keys"), and the long
	// descriptions of the full help.
	helpMore, markLong, undoLong, filterLong key.Binding
}

// NewKeyMap returns the bindings with their help in the language of t.
func NewKeyMap(t *Texts) *KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	k := &KeyMap{
		Mark:     b([]string{"enter"}, "enter", t.HelpMark),
		Leave:    b([]string{"ctrl+l"}, "ctrl+l", t.HelpLeave),
		Left:     b([]string{"ctrl+x"}, "ctrl+x", t.HelpLeft),
		Reset:    b([]string{"ctrl+r"}, "ctrl+r", t.HelpReset),
		Undo:     b([]string{"ctrl+z"}, "ctrl+z", t.HelpUndo),
		Up:       b([]string{"up"}, "↑/↓", t.HelpMove),
		Down:     b([]string{"down"}, "↓", t.HelpMove),
		PageUp:   b([]string{"pgup"}, "pgup/pgdn", t.HelpPage),
		PageDown: b([]string{"pgdown"}, "pgdn", t.HelpPage),
		Home:     b([]string{"home"}, "home/end", t.HelpEnds),
		End:      b([]string{"end"}, "end", t.HelpEnds),
		Filter:   b([]string{"tab"}, "tab", t.HelpFilter),
		Clear:    b([]string{"esc"}, "esc", t.HelpClear),
		NextItem: b([]string{"ctrl+n"}, "ctrl+n", t.HelpNext),
		Declare:  b([]string{"ctrl+o"}, "ctrl+o", t.HelpDeclare),
		Side:     b([]string{"ctrl+t"}, "ctrl+t", t.HelpSide),
		Help:     b([]string{"?", "f1"}, "?", t.HelpHelp),
		Quit:     b([]string{"ctrl+c"}, "ctrl+c", t.HelpQuit),
		Demo:     b([]string{"enter", "d"}, "enter/d", t.HelpDemo),
		helpMore: b([]string{"?"}, "?", t.HelpMore),
	}
	k.markLong = b([]string{"enter"}, "enter", t.HelpMarkLong)
	k.undoLong = b([]string{"ctrl+z"}, "ctrl+z", t.HelpUndoLong)
	k.filterLong = b([]string{"tab"}, "tab", t.HelpFilterLong)
	return k
}

// ShortHelp is the one-line footer: the desk's keys first.
func (k *KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Mark, k.Leave, k.Left, k.Undo, k.Filter, k.helpMore}
}

// FullHelp is the footer opened with ?: desk, list, and host and general
// keys, in three columns.
func (k *KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.markLong, k.Leave, k.Left, k.Reset, k.undoLong},
		{k.Up, k.PageUp, k.Home, k.filterLong, k.Clear},
		{k.NextItem, k.Declare, k.Side, k.Help, k.Quit},
	}
}
