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
	// Switching between the attendance and the election screen.
	Screen key.Binding
	// The election screen.
	Vote VoteKeys

	// Help as the short footer shows it ("? more keys"), and the long
	// descriptions of the full help.
	helpMore, markLong, undoLong, filterLong key.Binding
	// The screen switch as each screen's footer names it.
	toVote, toDesk key.Binding
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
	k.Screen = b([]string{"f2", "ctrl+e"}, "f2", t.HelpScreen)
	k.toVote = b([]string{"f2", "ctrl+e"}, "f2", t.HelpToVote)
	k.toDesk = b([]string{"f2", "ctrl+e"}, "f2", t.HelpToDesk)
	v := t.V
	k.Vote = VoteKeys{
		Next:        b([]string{"enter"}, "enter", v.HelpNext),
		Back:        b([]string{"esc"}, "esc", v.HelpBack),
		Scroll:      b([]string{"up", "down", "pgup", "pgdown"}, "↑↓", v.HelpScroll),
		Rounds:      b([]string{"left", "right"}, "←→", v.HelpRounds),
		Ballots:     b([]string{"b"}, "b", v.HelpBallots),
		Tally:       b([]string{"t"}, "t", v.HelpTally),
		Vacant:      b([]string{"v"}, "v", v.HelpVacant),
		Approve:     b([]string{"o", "1"}, "o/1", v.HelpApprove),
		Disapprove:  b([]string{"x", "2"}, "x/2", v.HelpDisapprove),
		Abstain:     b([]string{"space", "0", "3", "-"}, "space", v.HelpAbstain),
		Row:         b([]string{"up", "down"}, "↑↓", v.HelpRow),
		Clear:       b([]string{"backspace"}, "⌫", v.HelpBackRow),
		Save:        b([]string{"enter"}, "enter", v.HelpSave),
		WriteIn:     b([]string{"w"}, "w", v.HelpWriteIn),
		DropWriteIn: b([]string{"W"}, "W", v.HelpDropWriteIn),
		Spoil:       b([]string{"s"}, "s", v.HelpSpoil),
		Remove:      b([]string{"ctrl+z"}, "ctrl+z", v.HelpRemove),
		Teller:      b([]string{"f3"}, "f3", v.HelpTeller),
		Prev:        b([]string{"pgup", "["}, "pgup/pgdn", v.HelpStack),
		NextBallot:  b([]string{"pgdown", "]"}, "pgdn", v.HelpStack),
		NextDiff:    b([]string{"n"}, "n", v.HelpNextDiff),
		Category:    b([]string{"tab"}, "tab", v.HelpCategory),
		Cell:        b([]string{"up", "down", "left", "right", "tab"}, "↑↓←→", v.HelpCell),
		AddRow:      b([]string{"w"}, "w", v.HelpWriteInRow),
		Submit:      b([]string{"enter"}, "enter", v.HelpSubmit),
		Pick:        b([]string{"enter"}, "enter", v.HelpPick),
		Confirm:     b([]string{"enter"}, "enter", v.HelpConfirm),
	}
	k.markLong = b([]string{"enter"}, "enter", t.HelpMarkLong)
	k.undoLong = b([]string{"ctrl+z"}, "ctrl+z", t.HelpUndoLong)
	k.filterLong = b([]string{"tab"}, "tab", t.HelpFilterLong)
	return k
}

// VoteKeys are the keys of the election screen. Ballot entry uses plain
// letters and digits (a teller keys a ballot as a row of o, x and spaces);
// typing names (write-ins, the scrutineer search) happens in small inputs
// that take every printable key.
type VoteKeys struct {
	// Steps view.
	Next, Back, Scroll, Rounds, Ballots, Tally, Vacant key.Binding
	// Ballot entry.
	Approve, Disapprove, Abstain, Row, Clear, Save, WriteIn, DropWriteIn key.Binding
	Spoil, Remove, Prev, NextBallot, NextDiff, Category, Teller          key.Binding
	// Tally-sheet entry.
	Cell, AddRow, Submit key.Binding
	// Inputs.
	Pick, Confirm key.Binding
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

// attendanceHelp is the attendance screen's help, with the screen switch
// when the congress has an election.
type attendanceHelp struct {
	k        *KeyMap
	election bool
}

// ShortHelp is the desk's keys, the screen switch and "? more keys".
func (h attendanceHelp) ShortHelp() []key.Binding {
	k := h.k
	if h.election {
		return []key.Binding{k.Mark, k.Leave, k.Left, k.Undo, k.toVote, k.Filter, k.helpMore}
	}
	return k.ShortHelp()
}

// FullHelp is the three columns, with the screen switch among the host's.
func (h attendanceHelp) FullHelp() [][]key.Binding {
	f := h.k.FullHelp()
	if h.election {
		f[2] = append([]key.Binding{h.k.toVote}, f[2]...)
	}
	return f
}

// voteHelp is the election screen's help for what it is doing.
type voteHelp struct {
	k    *KeyMap
	mode voteMode
	act  action
	more bool // results to browse
}

// ShortHelp is the keys of the mode, the screen switch and "? more keys".
func (h voteHelp) ShortHelp() []key.Binding {
	v := h.k.Vote
	switch h.mode {
	case modeBallot:
		return []key.Binding{v.Approve, v.Disapprove, v.Abstain, v.Save, v.WriteIn, v.Spoil, v.Remove, v.NextDiff, v.Back, h.k.helpMore}
	case modeTally:
		return []key.Binding{v.Cell, v.AddRow, v.Submit, v.Back, h.k.helpMore}
	case modePick:
		return []key.Binding{h.k.Up, v.Pick, v.Back}
	case modeNumber, modeCounters:
		return []key.Binding{v.Confirm, v.Back}
	}
	b := []key.Binding{v.Next}
	switch h.act {
	case actCount, actDecide:
		b = append(b, v.Ballots, v.Tally)
	case actChoose:
		b = append(b, v.Vacant)
	}
	if h.more {
		b = append(b, v.Rounds)
	}
	return append(b, v.Scroll, h.k.toDesk, h.k.helpMore)
}

// FullHelp adds the mode's other keys and the general ones.
func (h voteHelp) FullHelp() [][]key.Binding {
	v := h.k.Vote
	gen := []key.Binding{h.k.toDesk, h.k.NextItem, h.k.Help, h.k.Quit}
	switch h.mode {
	case modeBallot:
		return [][]key.Binding{
			{v.Approve, v.Disapprove, v.Abstain, v.Row, v.Clear},
			{v.Save, v.WriteIn, v.DropWriteIn, v.Spoil, v.Remove},
			{v.Prev, v.NextDiff, v.Teller, v.Back, h.k.Help, h.k.Quit},
		}
	case modeTally:
		return [][]key.Binding{{v.Cell, v.AddRow, v.DropWriteIn, v.Submit, v.Back}, gen}
	}
	return [][]key.Binding{h.ShortHelp()[:len(h.ShortHelp())-1], gen}
}
