// Package widgets are the parts the screens are built from: the text
// input every field types into, the delegate picker on the pinyin search
// index, the form of the meeting desks, and the pieces every meeting
// screen draws (the item's head, a titled rule, the host's script, the
// notes, a vote's outcome).
package widgets

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"podium/session"
	"podium/tui/common"
)

// Input is the one-line text field of every screen: the check-in search,
// the pickers' searches, the forms' fields, the counts of a vote, the
// ballots issued, the write-ins, the tally sheet's cells and the frame's
// questions. bubbles' textinput does the editing — runes of any width,
// pastes, control characters kept out, the length limit — and Input
// draws it the podium way: the prompt, the text, a block cursor at its
// end and, while empty, the placeholder.
//
// Typing appends and backspace takes back the last rune, as a desk types
// a name; ctrl+u empties the field. Keys with ctrl, alt or super are not
// text: they are left to the screen.
type Input struct {
	ti textinput.Model
	// Prompt is drawn before the text; Placeholder after the cursor while
	// the field is empty.
	Prompt, Placeholder string

	accept func(rune) bool     // nil: every rune
	paste  func(string) string // nil: pastes are ignored
	fresh  bool                // the value is a suggestion the first rune typed replaces
}

// NewText returns a field of free text: a paste is typed as its words
// joined by single spaces (a name copied with its line break finds the
// person).
func NewText() Input { return newInput(nil, 0, words) }

// NewLine returns a field of free text whose pastes keep their inner
// spacing (line breaks become spaces), trimmed at both ends: a write-in
// name, a reason.
func NewLine() Input { return newInput(nil, 0, strings.TrimSpace) }

// NewRaw returns a field of free text that takes a paste as it is (line
// breaks become spaces): the counters' names, which the screen splits.
func NewRaw() Input { return newInput(nil, 0, func(s string) string { return s }) }

// NewNumber returns a field of at most max digits; pastes are ignored.
func NewNumber(max int) Input {
	return newInput(func(r rune) bool { return r >= '0' && r <= '9' }, max, nil)
}

// words joins the words of s by single spaces.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

func newInput(accept func(rune) bool, limit int, paste func(string) string) Input {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = limit
	ti.SetVirtualCursor(false) // no blinking: the cursor is drawn by View
	ti.KeyMap = textinput.KeyMap{
		DeleteCharacterBackward: key.NewBinding(key.WithKeys("backspace")),
		DeleteBeforeCursor:      key.NewBinding(key.WithKeys("ctrl+u")),
	}
	ti.Focus()
	return Input{ti: ti, accept: accept, paste: paste}
}

// Value is the text typed.
func (in *Input) Value() string { return in.ti.Value() }

// SetValue replaces the text; the cursor goes to its end.
func (in *Input) SetValue(s string) {
	in.ti.SetValue(s)
	in.ti.CursorEnd()
	in.fresh = false
}

// Suggest puts a suggested value in the field: the first rune typed
// replaces it, backspace edits it.
func (in *Input) Suggest(s string) {
	in.SetValue(s)
	in.fresh = true
}

// Reset empties the field.
func (in *Input) Reset() { in.SetValue("") }

// Update types a key or a paste into the field and reports whether the
// text changed. A key the field does not take (enter, esc, arrows, keys
// with ctrl, alt or super but ctrl+u) is left alone and reported false.
func (in *Input) Update(msg tea.Msg) bool {
	before := in.ti.Value()
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if in.paste == nil {
			return false
		}
		text := in.filter(in.paste(msg.Content))
		if text == "" {
			return false
		}
		in.fresh = false
		in.ti, _ = in.ti.Update(tea.PasteMsg{Content: text})
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, in.ti.KeyMap.DeleteCharacterBackward, in.ti.KeyMap.DeleteBeforeCursor):
			in.fresh = false
			in.ti, _ = in.ti.Update(msg)
		case msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper) == 0:
			text := in.filter(msg.Text)
			if text == "" {
				return false
			}
			if in.fresh {
				in.Reset()
			}
			k := msg
			k.Text = text
			in.ti, _ = in.ti.Update(k)
		default:
			return false
		}
	default:
		return false
	}
	return in.ti.Value() != before
}

// filter keeps the runes the field accepts, and never a character Rule C
// refuses (control, bidirectional override …: session.StripText), typed
// or pasted.
func (in *Input) filter(s string) string {
	s = session.StripText(s, false)
	if in.accept == nil {
		return s
	}
	return strings.Map(func(r rune) rune {
		if in.accept(r) {
			return r
		}
		return -1
	}, s)
}

// View draws the field: the prompt, the text (its end, within w columns
// when w > 0), the cursor and, while empty, the placeholder.
func (in *Input) View(st *common.Styles, w int) string {
	var b strings.Builder
	if in.Prompt != "" {
		b.WriteString(st.Prompt.Render(in.Prompt))
	}
	v := in.ti.Value()
	if w > 0 {
		v = common.Tail(v, w)
	}
	if v != "" {
		b.WriteString(st.Query.Render(v))
	}
	b.WriteString(st.Cursor.Render("█"))
	if v == "" && in.Placeholder != "" {
		b.WriteString(" " + st.Placeholder.Render(in.Placeholder))
	}
	return b.String()
}
