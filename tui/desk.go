package tui

import (
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/tui/common"
	"podium/tui/widgets"
)

// desk is what the questioning and motions desks share: their size, the
// list cursor, the open form (which then has the keyboard) and whether the
// whole script is shown.
type desk struct {
	c      *common.Common
	w, h   int
	cursor int
	form   *widgets.Form
	formOf int  // 0: a new entry; else the number the form acts on
	full   bool // the whole script shown
}

func (d *desk) setSize(w, h int) {
	d.w, d.h = w, h
	if d.form != nil {
		d.form.SetSize(h - 3)
	}
}

// typing reports whether a form has the keyboard.
func (d *desk) typing() bool { return d.form != nil }

// clamp keeps the cursor on one of n entries and returns it, or false when
// there are none.
func (d *desk) clamp(n int) (int, bool) {
	if n == 0 {
		return 0, false
	}
	d.cursor = max(0, min(n-1, d.cursor))
	return d.cursor, true
}

// updateForm gives msg to the open form: esc closes it, a completed form
// is handed to submit. handled is false when no form is open.
func (d *desk) updateForm(msg tea.Msg, submit func() *common.Note) (n *common.Note, handled bool) {
	if d.form == nil {
		return nil, false
	}
	done, cancel := d.form.Update(msg)
	switch {
	case cancel:
		d.form = nil
		return ptr(common.Info(d.c.Texts.Cancelled)), true
	case done:
		return submit(), true
	}
	return nil, true
}

// top renders what heads a desk: the item, the script of kind, and the
// open form under them. full is set when the form fills the rest, so the
// caller returns common.Block(lines, w, h) at once.
func (d *desk) top(kind model.ItemKind) (lines []string, full bool) {
	lines = widgets.ItemHead(d.c, d.w)
	lines = append(lines, widgets.ScriptBox(d.c, kind, nil, d.full, d.w, d.h)...)
	if d.form == nil {
		return lines, false
	}
	lines = append(lines, "")
	return append(lines, d.form.View(d.w)...), true
}
