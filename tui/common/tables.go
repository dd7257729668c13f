package common

import "charm.land/bubbles/v2/key"

// The frame's keys as the screens show them in their tables. A screen's
// table lists its own keys first; these helpers add the frame's in the
// places the screens' help has them.

// Screens is the column of screen keys, the note and the export in the
// full help.
func Screens(k *KeyMap, col int) []Binding {
	var out []Binding
	for _, b := range []Binding{FrameKey(k.ToDesk), FrameKey(k.ToItem), FrameKey(k.ToElection), FrameKey(k.ToQuestions),
		FrameKey(k.ToMotions), FrameKey(k.ToSpeakers), FrameKey(k.ToAgenda), FrameKey(k.AddNote), FrameKey(k.Export), FrameKey(k.ToPrep)} {
		out = append(out, b.In(false, col))
	}
	return out
}

// More is "? more keys" at the end of the footer, "? help" in column col
// of the full help (0: not there).
func More(k *KeyMap, col int) Binding {
	return FrameKey(k.HelpMore).In(true, col).Described(k.Help.Help().Desc)
}

// Floor is the table of a meeting screen (item, agenda, preparation,
// questions, motions, vote): own in the footer and the first column of the
// full help with ↑/↓ under them, moves (handled, not shown), then the
// frame's: next and end item, the note and "? more keys" in the footer,
// the agenda's keys and the screens in the full help.
func Floor(k *KeyMap, own []Binding, moves ...Binding) []Binding {
	t := make([]Binding, 0, len(own)+len(moves)+20)
	for _, b := range own {
		t = append(t, b.In(true, 1))
	}
	t = append(t, FrameKey(k.Up).In(false, 1))
	t = append(t, moves...)
	t = append(t, FrameKey(k.NextItem).In(true, 2), FrameKey(k.PrevItem).In(false, 2), FrameKey(k.EndItem).In(true, 2),
		FrameKey(k.Declare).In(false, 2), FrameKey(k.Side).In(false, 2), FrameKey(k.AddNote).In(true, 0),
		More(k, 2), FrameKey(k.Quit).In(false, 2))
	return append(t, Screens(k, 3)...)
}

// Form is the table of an open form or input: its keys and esc in the
// footer and the first column, help and quit in the second. The form
// handles its keys itself; the table is its help.
func Form(k *KeyMap, own ...key.Binding) []Binding {
	t := make([]Binding, 0, len(own)+3)
	for _, b := range own {
		t = append(t, FrameKey(b).In(true, 1))
	}
	return append(t, FrameKey(k.Vote.Back).In(true, 1), FrameKey(k.Help).In(false, 2), FrameKey(k.Quit).In(false, 2))
}
