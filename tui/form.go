package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
)

// fieldKind is what a form field takes.
type fieldKind int

const (
	fieldText   fieldKind = iota // one line of free text
	fieldNumber                  // digits
	fieldPerson                  // one formal delegate, by pinyin search
	fieldPeople                  // several formal delegates, by pinyin search
)

// field is one input of a form.
type field struct {
	kind  fieldKind
	label string
	value []rune   // text and number fields
	ids   []string // person fields
}

func (f *field) text() string { return strings.TrimSpace(string(f.value)) }

// form is the small editor the meeting screens use to record a question,
// an answer, a motion, a reason or a vote: a column of fields, the active
// one marked, with the check-in desk's pinyin search for delegates.
//
// enter takes the field and moves on (on the last field it submits; in a
// people field it adds the highlighted delegate), tab and ↓ move on
// without adding, shift+tab and ↑ go back, esc cancels.
type form struct {
	c      *common.Common
	title  string
	fields []field
	at     int
	pick   *picker
	h      int
}

// newForm returns a form with its fields; person fields offer formal
// delegates (present or not: the core checks who may act).
func newForm(c *common.Common, title string, fields ...field) *form {
	f := &form{c: c, title: title, fields: fields}
	f.focus(0)
	return f
}

// formalOnly offers every formal delegate.
func formalOnly(c *common.Common) func(i int) bool {
	return func(i int) bool { return c.Setup.Roster[i].Kind == model.Formal }
}

func (f *form) active() *field { return &f.fields[f.at] }

// focus makes field i active, with a fresh search for person fields.
func (f *form) focus(i int) {
	f.at = max(0, min(len(f.fields)-1, i))
	f.pick = nil
	if k := f.active().kind; k == fieldPerson || k == fieldPeople {
		f.pick = newPicker(f.c, max(3, f.h-len(f.fields)-2))
		f.pick.filter = formalOnly(f.c)
		f.pick.label = f.c.Texts.M.FormalCount
		f.pick.hint = f.c.Texts.M.PickHint
		f.pick.setQuery("")
	}
}

// setSize gives the form its height (the search list shrinks to fit).
func (f *form) setSize(h int) {
	f.h = h
	if f.pick != nil {
		f.pick.h = max(3, h-len(f.fields)-2)
	}
}

// update edits the form. submit is set when enter is pressed on the last
// field; cancel when esc is pressed.
func (f *form) update(msg tea.Msg) (submit, cancel bool) {
	fl := f.active()
	if p, ok := msg.(tea.PasteMsg); ok {
		if f.pick != nil {
			f.pick.update(p)
		} else if fl.kind == fieldText {
			fl.value = append(fl.value, []rune(strings.Join(strings.Fields(p.Content), " "))...)
		}
		return false, false
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, false
	}
	last := f.at == len(f.fields)-1
	switch k.String() {
	case "esc":
		return false, true
	case "tab":
		f.focus(f.at + 1)
		return false, false
	case "shift+tab":
		f.focus(f.at - 1)
		return false, false
	case "enter":
		switch fl.kind {
		case fieldPerson:
			id := f.pick.selectedID()
			if id == "" {
				return false, false
			}
			fl.ids = []string{id}
		case fieldPeople:
			if id := f.pick.selectedID(); id != "" && f.pick.query != "" {
				if !containsID(fl.ids, id) {
					fl.ids = append(fl.ids, id)
				}
				f.pick.setQuery("")
				return false, false
			}
		}
		if last {
			return true, false
		}
		f.focus(f.at + 1)
		return false, false
	}
	if f.pick != nil {
		if k.String() == "backspace" && f.pick.query == "" && len(fl.ids) > 0 {
			fl.ids = fl.ids[:len(fl.ids)-1]
			return false, false
		}
		f.pick.update(k)
		return false, false
	}
	switch k.String() {
	case "up":
		f.focus(f.at - 1)
	case "down":
		f.focus(f.at + 1)
	case "backspace":
		if len(fl.value) > 0 {
			fl.value = fl.value[:len(fl.value)-1]
		}
	case "ctrl+u":
		fl.value = nil
	default:
		if k.Text == "" || k.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper) != 0 {
			break
		}
		if fl.kind == fieldNumber {
			for _, r := range k.Text {
				if r >= '0' && r <= '9' && len(fl.value) < 5 {
					fl.value = append(fl.value, r)
				}
			}
			break
		}
		fl.value = append(fl.value, []rune(k.Text)...)
	}
	return false, false
}

func containsID(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// names is a person field's people, by name, joined.
func (f *form) names(ids []string) string {
	var out []string
	for _, id := range ids {
		out = append(out, f.c.PersonName(id))
	}
	return strings.Join(out, f.c.Texts.M.Sep)
}

// view renders the form in w columns: the title, the fields, and the
// delegate search under an active person field.
func (f *form) view(w int) []string {
	s := f.c.Styles
	lw := 0
	for _, fl := range f.fields {
		lw = max(lw, common.Width(fl.label))
	}
	lines := []string{s.Title.Render(common.Cut(f.title, w))}
	for i, fl := range f.fields {
		var v string
		switch fl.kind {
		case fieldPerson, fieldPeople:
			v = f.names(fl.ids)
			if fl.kind == fieldPeople {
				v = f.c.Texts.M.Counted(len(fl.ids), v)
			}
		default:
			v = string(fl.value)
		}
		label := common.Fit(fl.label, lw)
		if i == f.at {
			if fl.kind == fieldText || fl.kind == fieldNumber {
				v = s.Query.Render(common.Tail(v, w-lw-5)) + s.Cursor.Render("█")
			} else {
				v = s.Query.Render(v)
			}
			lines = append(lines, s.Marker.Render("› ")+s.Prompt.Render(label)+"  "+v)
			continue
		}
		lines = append(lines, "  "+s.Dim.Render(label)+"  "+v)
	}
	if f.pick != nil {
		present := func(id string) string {
			st := f.c.Snap.Status
			for i, p := range f.c.Setup.Roster {
				if p.ID == id && i < len(st) && st[i].Status != session.Present {
					return f.c.Texts.StatusWord(st[i].Status)
				}
			}
			return ""
		}
		lines = append(lines, "")
		lines = append(lines, f.pick.view(w, f.active().label, present)...)
	}
	return lines
}

// keys is the help of the active field.
func (f *form) keys() []key.Binding {
	k := f.c.Keys
	switch f.active().kind {
	case fieldPerson:
		return []key.Binding{k.Up, k.Floor.Next}
	case fieldPeople:
		return []key.Binding{k.Up, k.Floor.Add, k.Floor.Done}
	}
	if f.at == len(f.fields)-1 {
		return []key.Binding{k.Floor.Record}
	}
	return []key.Binding{k.Floor.Next, k.Floor.Tab}
}
