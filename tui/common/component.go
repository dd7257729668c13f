package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// ScreenID names a screen; each screen's package declares its own.
type ScreenID string

// Screen is one screen of the frame, the component every screen
// implements (in the spirit of soft-serve's components): it handles the
// keys and pastes the frame passes it, renders exactly the area it was
// given, offers the key table of what it is doing now — for the help
// footer, ? and the role's refusals — and is told its size.
type Screen interface {
	// Update handles a key the frame did not take, a paste, or a message
	// sent to the screen (Frame.Show, NewItemMsg, ShownMsg, ShowItemMsg).
	Update(msg tea.Msg) tea.Cmd
	// View renders the screen: exactly the height of its size, no line
	// wider than its width.
	View() []string
	// Keys is the key table of what the screen is doing now, its own keys
	// and the frame's it shows, in the order help lists them.
	Keys() []Binding
	// SetSize gives the screen its area.
	SetSize(w, h int)
}

// Ticker is a screen whose view follows the clock (a running timer in
// its body): the frame draws it again at every tick of the clock, and
// other screens only when something changed.
type Ticker interface{ Ticks() bool }

// Drafter is a screen with work in progress worth keeping across a
// restart, outside the record (a ballot being keyed): Draft returns it as
// JSON (nil: none), Restore puts it back if it still applies.
type Drafter interface {
	Draft() []byte
	Restore(draft []byte)
}

// Typer is a screen that can have a text input open: while it types,
// printable keys such as ? are its own.
type Typer interface{ Typing() bool }

// Frame is what the root offers the screens: showing another screen, the
// one-line question above the status line, and the confirmation of an
// action by pressing its key twice.
type Frame interface {
	// Show shows screen id and hands it msg (nil: none); Back returns to
	// the screen that called Show.
	Show(id ScreenID, msg tea.Msg)
	Back()
	// Ask opens a one-line input labelled label; done gets its text on
	// enter and answers the note to show, and whether to keep it open (a
	// refusal the text can fix).
	Ask(label string, done func(text string) (n Note, keep bool))
	// Confirm shows question and runs do when the next key is b again on
	// the same screen; esc cancels, any other key drops the question and
	// is handled as usual.
	Confirm(b key.Binding, question string, do func())
	// Print prints the ballots and the zero report of the election's
	// round open or about to open in the background (tui.Options.Print),
	// answering in the status line; nil where this terminal prints none.
	Print() tea.Cmd
}

// NewItemMsg is sent to every screen when another agenda item becomes
// current.
type NewItemMsg struct{}

// ShownMsg is sent to a screen shown by its key (f1, f3 …).
type ShownMsg struct{}

// ShowItemMsg is sent to a screen shown as the current item's screen (f2,
// or the agenda moving on).
type ShowItemMsg struct{}
