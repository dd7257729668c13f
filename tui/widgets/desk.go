package widgets

import (
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/tui/common"
)

// Desk is what the questioning and motions desks share: their size, the
// list cursor, the open form (which then has the keyboard) and whether the
// whole script is shown.
type Desk struct {
	C      *common.Common
	W, H   int
	Cursor int
	Form   *Form
	FormOf int  // 0: a new entry; else the number the form acts on
	Full   bool // the whole script shown
}

// SetSize gives the desk its area.
func (d *Desk) SetSize(w, h int) {
	d.W, d.H = w, h
	if d.Form != nil {
		d.Form.SetSize(h - 3)
	}
}

// Typing reports whether a form has the keyboard.
func (d *Desk) Typing() bool { return d.Form != nil }

// Clamp keeps the cursor on one of n entries and returns it, or false when
// there are none.
func (d *Desk) Clamp(n int) (int, bool) {
	if n == 0 {
		return 0, false
	}
	d.Cursor = max(0, min(n-1, d.Cursor))
	return d.Cursor, true
}

// Update gives msg to the open form (what it ends in said on the status
// line), or, with no form open, runs the key against the desk's table.
func (d *Desk) Update(msg tea.Msg, submit func() *common.Note, keys func() []common.Binding) {
	if n, handled := d.UpdateForm(msg, submit); handled {
		d.C.Tell(n)
		return
	}
	if km, ok := msg.(tea.KeyPressMsg); ok {
		common.Handle(keys(), km)
	}
}

// Keys is the open form's table, or the desk's own keys with ↑↓ moving
// the cursor and the frame's keys of an item's screen.
func (d *Desk) Keys(own ...common.Binding) []common.Binding {
	k := d.C.Keys
	if d.Form != nil {
		return common.Form(k, d.Form.Keys()...)
	}
	return common.Floor(k, own,
		common.Key(k.Up, func() { d.Cursor-- }),
		common.Key(k.Down, func() { d.Cursor++ }))
}

// Rows draws the entries of a list of n that fit between the lines above
// it and the detail of the selected entry below, centred on the cursor:
// row draws entry j, marker is "› " on the selected one, else blank.
func (d *Desk) Rows(n, above, below int, row func(j int, marker string, selected bool) string) []string {
	rows := max(2, d.H-above-below-1)
	first := max(0, min(d.Cursor-rows/2, n-rows))
	var out []string
	for j := first; j < n && j < first+rows; j++ {
		marker := "  "
		if j == d.Cursor {
			marker = d.C.Styles.Marker.Render("› ")
		}
		out = append(out, row(j, marker, j == d.Cursor))
	}
	return out
}

// Pick keeps the desk's cursor on one of list and returns that entry, or
// false when the list is empty.
func Pick[T any](d *Desk, list []T) (T, bool) {
	i, ok := d.Clamp(len(list))
	if !ok {
		var none T
		return none, false
	}
	return list[i], true
}

// UpdateForm gives msg to the open form: esc closes it, a completed form
// is handed to submit. handled is false when no form is open.
func (d *Desk) UpdateForm(msg tea.Msg, submit func() *common.Note) (n *common.Note, handled bool) {
	if d.Form == nil {
		return nil, false
	}
	done, cancel := d.Form.Update(msg)
	switch {
	case d.Form.Refused != nil:
		return d.C.Refusal(d.Form.Refused).Ref(), true
	case cancel:
		d.Form = nil
		return common.Info(d.C.Texts.Cancelled).Ref(), true
	case done:
		return submit(), true
	}
	return nil, true
}

// Top renders what heads a desk: the item, the script of kind, and the
// open form under them. full is set when the form fills the rest, so the
// caller returns common.Block(lines, w, h) at once.
func (d *Desk) Top(kind model.ItemKind) (lines []string, full bool) {
	lines = ItemHead(d.C, d.W)
	lines = append(lines, ScriptBox(d.C, kind, nil, d.Full, d.W, d.H)...)
	if d.Form == nil {
		return lines, false
	}
	lines = append(lines, "")
	return append(lines, d.Form.View(d.W)...), true
}
