package common

import "charm.land/bubbles/v2/key"

// KeyMap holds every key binding of the TUI; the help footer is generated
// from it. Marks use ctrl chords so that typing into the always-live search
// never collides with them.
type KeyMap struct {
	// Desk.
	Mark, Leave, Left, Reset, Undo key.Binding
	// Moving in the list.
	Up, Down, PageUp, PageDown, Home, End, Filter, Clear key.Binding
	// Host: walking the agenda, declaring the meeting valid, the sidebar,
	// the secretary's note on the current item.
	NextItem, PrevItem, EndItem, Declare, Side, AddNote key.Binding
	// Export writes the official records.
	Export key.Binding
	// General.
	Help, Quit key.Binding
	// Welcome screen.
	Demo key.Binding
	// Screens: f1 check-in, f2 the current item's screen, f3 the
	// election (in ballot entry f3 is the second teller), f4 questions,
	// f5 motions, f6 the agenda.
	ToDesk, ToItem, ToElection, ToQuestions, ToMotions, ToAgenda key.Binding
	// ToPrep shows the preparation: composition and surplus (RULES §8).
	ToPrep key.Binding
	// The election screen.
	Vote VoteKeys
	// The agenda screen.
	Walk WalkKeys
	// The questioning, motions and vote screens.
	Floor FloorKeys
	// ToSpeakers (f10) shows the speakers' list; Speak is its keys.
	ToSpeakers key.Binding
	Speak      SpeakKeys

	// Help as the short footer shows it ("? more keys"), and the long
	// descriptions of the full help.
	HelpMore, MarkLong, UndoLong, FilterLong key.Binding
}

// WalkKeys are the agenda screen's keys.
type WalkKeys struct {
	Jump, Skip key.Binding
}

// FloorKeys are the keys of the questioning desk, the motions desk, the
// vote and a review item. They are plain letters: those screens have no live search, and
// their forms take every key while open.
type FloorKeys struct {
	Ask, Answer, Defer                   key.Binding // questions
	File, Accept, Decline, Vote          key.Binding // motions
	Unanimous, Kind, Method, Record, Tab key.Binding // the vote
	Strike                               key.Binding // strike the vote (撤销表决)
	Script, Next, Add, Done              key.Binding // all; forms
	Excellent, Pass, Fail, Comment       key.Binding // a review (述职评议)
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
		PrevItem: b([]string{"ctrl+p"}, "ctrl+p", t.M.HelpPrev),
		EndItem:  b([]string{"ctrl+e"}, "ctrl+e", t.M.HelpEnd),
		AddNote:  b([]string{"f7"}, "f7", t.M.HelpNote),
		Export:   b([]string{"f8"}, "f8", t.M.HelpExport),
		Declare:  b([]string{"ctrl+o"}, "ctrl+o", t.HelpDeclare),
		Side:     b([]string{"ctrl+t"}, "ctrl+t", t.HelpSide),
		Help:     b([]string{"?"}, "?", t.HelpHelp),
		Quit:     b([]string{"ctrl+c"}, "ctrl+c", t.HelpQuit),
		Demo:     b([]string{"enter", "d"}, "enter/d", t.HelpDemo),
		HelpMore: b([]string{"?"}, "?", t.HelpMore),
	}
	k.ToDesk = b([]string{"f1"}, "f1", t.HelpToDesk)
	k.ToItem = b([]string{"f2"}, "f2", t.M.HelpToItem)
	k.ToElection = b([]string{"f3"}, "f3", t.M.HelpToElection)
	k.ToQuestions = b([]string{"f4"}, "f4", t.M.HelpToQuestions)
	k.ToMotions = b([]string{"f5"}, "f5", t.M.HelpToMotions)
	k.ToAgenda = b([]string{"f6"}, "f6", t.M.HelpToAgenda)
	k.ToPrep = b([]string{"f9"}, "f9", t.M.HelpPrep)
	ft := t.F
	k.ToSpeakers = b([]string{"f10"}, "f10", ft.HelpToSpeakers)
	k.Speak = SpeakKeys{
		Speech:     b([]string{"a"}, "a", ft.HelpSpeak),
		Supplement: b([]string{"b"}, "b", ft.HelpSupplement),
		Order:      b([]string{"o"}, "o", ft.HelpOrder),
		Reply:      b([]string{"y"}, "y", ft.HelpReply),
		Start:      b([]string{"enter"}, "enter", ft.HelpStart),
		End:        b([]string{"e"}, "e", ft.HelpEnd),
		Remove:     b([]string{"x", "delete"}, "x", ft.HelpRemove),
		MoveUp:     b([]string{"K", "shift+up"}, "K", ft.HelpUp),
		MoveDown:   b([]string{"J", "shift+down"}, "J", ft.HelpDown),
		Undo:       b([]string{"ctrl+z"}, "ctrl+z", ft.HelpUndo),
		Group:      b([]string{"g"}, "g", ft.HelpGroup),
		Fair:       b([]string{"F"}, "F", ft.HelpFair),
		Guests:     b([]string{"G"}, "G", ft.HelpGuests),
	}
	mt := t.M
	k.Walk = WalkKeys{
		Jump: b([]string{"enter"}, "enter", mt.HelpJump),
		Skip: b([]string{"s"}, "s", mt.HelpSkip),
	}
	k.Floor = FloorKeys{
		Ask:       b([]string{"a"}, "a", mt.HelpAsk),
		Answer:    b([]string{"r"}, "r", mt.HelpAnswer),
		Defer:     b([]string{"w"}, "w", mt.HelpDefer),
		File:      b([]string{"a"}, "a", mt.HelpFile),
		Accept:    b([]string{"y"}, "y", mt.HelpAccept),
		Decline:   b([]string{"n"}, "n", mt.HelpDecline),
		Vote:      b([]string{"v"}, "v", mt.HelpVote),
		Unanimous: b([]string{"u"}, "u", mt.HelpUnanimous),
		Kind:      b([]string{"k"}, "k", mt.HelpKind),
		Method:    b([]string{"m"}, "m", mt.HelpMethod),
		Record:    b([]string{"enter"}, "enter", mt.HelpRecord),
		Tab:       b([]string{"tab"}, "tab/↑↓", mt.HelpTab),
		Strike:    b([]string{"x"}, "x", mt.HelpStrike),
		Script:    b([]string{"s"}, "s", mt.HelpScript),
		Next:      b([]string{"enter"}, "enter", mt.HelpFormNext),
		Add:       b([]string{"enter"}, "enter", mt.HelpFormAdd),
		Done:      b([]string{"tab"}, "tab", mt.HelpFormDone),
		Excellent: b([]string{"1", "e"}, "1/e", mt.Review.HelpExcellent),
		Pass:      b([]string{"2", "p"}, "2/p", mt.Review.HelpPass),
		Fail:      b([]string{"3", "f"}, "3/f", mt.Review.HelpFail),
		Comment:   b([]string{"c"}, "c", mt.Review.HelpComment),
	}
	v := t.V
	k.Vote = VoteKeys{
		Next:          b([]string{"enter"}, "enter", v.HelpNext),
		Back:          b([]string{"esc"}, "esc", v.HelpBack),
		Scroll:        b([]string{"up", "down", "pgup", "pgdown"}, "↑↓", v.HelpScroll),
		Rounds:        b([]string{"left", "right"}, "←→", v.HelpRounds),
		Speech:        b([]string{"s"}, "s", v.HelpSpeech),
		Ballots:       b([]string{"b"}, "b", v.HelpBallots),
		Tally:         b([]string{"t"}, "t", v.HelpTally),
		Vacant:        b([]string{"v"}, "v", v.HelpVacant),
		Print:         b([]string{"p"}, "p", v.HelpPrint),
		SwitchTally:   b([]string{"t"}, "t", v.HelpSwitchTally),
		SwitchBallots: b([]string{"b"}, "b", v.HelpSwitchBallots),
		Approve:       b([]string{"o", "1"}, "o/1", v.HelpApprove),
		Disapprove:    b([]string{"x", "2"}, "x/2", v.HelpDisapprove),
		Abstain:       b([]string{"space", "0", "3", "-"}, "space", v.HelpAbstain),
		Row:           b([]string{"up", "down"}, "↑↓", v.HelpRow),
		Clear:         b([]string{"backspace"}, "⌫", v.HelpBackRow),
		Save:          b([]string{"enter"}, "enter", v.HelpSave),
		WriteIn:       b([]string{"w"}, "w", v.HelpWriteIn),
		DropWriteIn:   b([]string{"W"}, "W", v.HelpDropWriteIn),
		Spoil:         b([]string{"s"}, "s", v.HelpSpoil),
		Remove:        b([]string{"ctrl+z"}, "ctrl+z", v.HelpRemove),
		Teller:        b([]string{"f3"}, "f3", v.HelpTeller),
		Prev:          b([]string{"pgup", "["}, "pgup/pgdn", v.HelpStack),
		NextBallot:    b([]string{"pgdown", "]"}, "pgdn", v.HelpStack),
		NextDiff:      b([]string{"n"}, "n", v.HelpNextDiff),
		Category:      b([]string{"tab"}, "tab", v.HelpCategory),
		Cell:          b([]string{"up", "down", "left", "right", "tab"}, "↑↓←→", v.HelpCell),
		AddRow:        b([]string{"w"}, "w", v.HelpWriteInRow),
		Submit:        b([]string{"enter"}, "enter", v.HelpSubmit),
		Pick:          b([]string{"enter"}, "enter", v.HelpPick),
		Confirm:       b([]string{"enter"}, "enter", v.HelpConfirm),
	}
	k.MarkLong = b([]string{"enter"}, "enter", t.HelpMarkLong)
	k.UndoLong = b([]string{"ctrl+z"}, "ctrl+z", t.HelpUndoLong)
	k.FilterLong = b([]string{"tab"}, "tab", t.HelpFilterLong)
	return k
}

// SpeakKeys are the speakers' screen's keys (发言): plain letters, since
// the search of who asks opens in a form that then takes every key.
type SpeakKeys struct {
	Speech, Supplement, Order, Reply key.Binding // put on the list
	Start, End, Remove, MoveUp       key.Binding
	MoveDown, Undo, Group            key.Binding
	Fair, Guests                     key.Binding // the host's rules
}

// VoteKeys are the keys of the election screen. Ballot entry uses plain
// letters and digits (a teller keys a ballot as a row of o, x and spaces);
// typing names (write-ins, the scrutineer search) happens in small inputs
// that take every printable key.
type VoteKeys struct {
	// Steps view.
	Next, Back, Scroll, Rounds, Speech, Ballots, Tally, Vacant, Print key.Binding
	// SwitchTally and SwitchBallots are t and b when the round is counted
	// the other way: the host switches it, with a reason.
	SwitchTally, SwitchBallots key.Binding
	// Ballot entry.
	Approve, Disapprove, Abstain, Row, Clear, Save, WriteIn, DropWriteIn key.Binding
	Spoil, Remove, Prev, NextBallot, NextDiff, Category, Teller          key.Binding
	// Tally-sheet entry.
	Cell, AddRow, Submit key.Binding
	// Inputs.
	Pick, Confirm key.Binding
}
