package tui

import (
	"charm.land/bubbles/v2/key"

	"podium/tui/common"
)

// ShortHelp is the one-line footer: the desk's keys first.
func deskShort(k *common.KeyMap) []key.Binding {
	return []key.Binding{k.Mark, k.Leave, k.Left, k.Undo, k.Filter, k.HelpMore}
}

// FullHelp is the footer opened with ?: desk, list, and host and general
// keys, in three columns.
func deskFull(k *common.KeyMap) [][]key.Binding {
	return [][]key.Binding{
		{k.MarkLong, k.Leave, k.Left, k.Reset, k.UndoLong},
		{k.Up, k.PageUp, k.Home, k.FilterLong, k.Clear},
		{k.NextItem, k.Declare, k.Side, k.Help, k.Quit},
	}
}

// attendanceHelp is the attendance screen's help, with the key to the
// current item's screen once the agenda has started, or to the election
// before.
type attendanceHelp struct {
	k              *common.KeyMap
	item, election bool
}

// ShortHelp is the desk's keys, the screen switch and "? more keys".
func (h attendanceHelp) ShortHelp() []key.Binding {
	k := h.k
	switch {
	case h.item:
		return []key.Binding{k.Mark, k.Leave, k.Left, k.Undo, k.ToItem, k.Filter, k.HelpMore}
	case h.election:
		return []key.Binding{k.Mark, k.Leave, k.Left, k.Undo, k.ToElection, k.Filter, k.HelpMore}
	}
	return deskShort(k)
}

// FullHelp is the three columns, and the screens.
func (h attendanceHelp) FullHelp() [][]key.Binding {
	return append(deskFull(h.k), screensCol(h.k))
}

// screens is the column of screen keys and the common.Note, in the full help.
func screensCol(k *common.KeyMap) []key.Binding {
	return []key.Binding{k.ToDesk, k.ToItem, k.ToElection, k.ToQuestions, k.ToMotions, k.ToAgenda, k.AddNote, k.Export, k.ToPrep}
}

// walk is the column of the host's agenda keys, in the full help.
func walkCol(k *common.KeyMap) []key.Binding {
	return []key.Binding{k.NextItem, k.PrevItem, k.EndItem, k.Declare, k.Side, k.Help, k.Quit}
}

// floorHelp is the help of the item, questioning, motions, vote and
// agenda screens: the screen's own keys (or its form's), then the
// agenda's.
type floorHelp struct {
	k    *common.KeyMap
	own  []key.Binding
	form bool
}

// ShortHelp is the screen's keys, next/end item, the note and "? more".
func (h floorHelp) ShortHelp() []key.Binding {
	k := h.k
	if h.form {
		return append(h.own, k.Vote.Back)
	}
	return append(append([]key.Binding(nil), h.own...), k.NextItem, k.EndItem, k.AddNote, k.HelpMore)
}

// FullHelp is the screen's keys, the agenda's and the screens.
func (h floorHelp) FullHelp() [][]key.Binding {
	if h.form {
		return [][]key.Binding{append(h.own, h.k.Vote.Back), {h.k.Help, h.k.Quit}}
	}
	return [][]key.Binding{append(append([]key.Binding(nil), h.own...), h.k.Up), walkCol(h.k), screensCol(h.k)}
}

// voteHelp is the election screen's help for what it is doing.
type voteHelp struct {
	k    *common.KeyMap
	mode voteMode
	act  action
	more bool // results to browse
}

// ShortHelp is the keys of the mode, the screen switch and "? more keys".
func (h voteHelp) ShortHelp() []key.Binding {
	v := h.k.Vote
	switch h.mode {
	case modeBallot:
		return []key.Binding{v.Approve, v.Disapprove, v.Abstain, v.Save, v.WriteIn, v.Spoil, v.Remove, v.NextDiff, v.Back, h.k.HelpMore}
	case modeTally:
		return []key.Binding{v.Cell, v.AddRow, v.Submit, v.Back, h.k.HelpMore}
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
	return append(b, v.Scroll, h.k.ToDesk, h.k.HelpMore)
}

// FullHelp adds the mode's other keys and the general ones.
func (h voteHelp) FullHelp() [][]key.Binding {
	v := h.k.Vote
	gen := []key.Binding{h.k.ToDesk, h.k.ToAgenda, h.k.AddNote, h.k.NextItem, h.k.EndItem, h.k.Help, h.k.Quit}
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
