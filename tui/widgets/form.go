package widgets

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
)

// FieldKind is what a form field takes.
type FieldKind int

// The kinds of form fields.
const (
	FieldText   FieldKind = iota // one line of free text
	FieldNumber                  // digits
	FieldPerson                  // one formal delegate, by pinyin search
	FieldPeople                  // several formal delegates, by pinyin search
)

// Field is one input of a form.
type Field struct {
	Kind  FieldKind
	Label string
	// Value is the text a text field starts with.
	Value string
	// IDs are the roster ids a person field holds.
	IDs []string
	// Offer, when set, is who a person field offers (by roster index),
	// in place of every formal delegate.
	Offer func(i int) bool
	// Check, when set, is the core's check of a person picked into the
	// field (session.State.CheckPerson …), asked at the moment of picking:
	// a refused person is not taken, the refusal is said and the form
	// stays on the field (RULES: eligibility when picking).
	Check func(id string) error

	in Input
}

// Text is a text field's text, trimmed.
func (f *Field) Text() string { return strings.TrimSpace(f.in.Value()) }

// Form is the small editor the meeting screens use to record a question,
// an answer, a motion, a reason or a vote: a column of fields, the active
// one marked, with the check-in desk's pinyin search for delegates.
//
// enter takes the field and moves on (on the last field it submits; in a
// people field it adds the highlighted delegate), tab and ↓ move on
// without adding, shift+tab and ↑ go back, esc cancels.
type Form struct {
	c      *common.Common
	title  string
	Fields []Field
	at     int
	pick   *Picker
	h      int
	// Refused is the core's refusal of the person last picked (Field.Check),
	// nil when the last key was taken; the desk says it.
	Refused error
}

// NewForm returns a form with its fields; person fields offer formal
// delegates (present or not: the core checks who may act).
func NewForm(c *common.Common, title string, fields ...Field) *Form {
	f := &Form{c: c, title: title, Fields: fields}
	for i := range f.Fields {
		fl := &f.Fields[i]
		fl.in = NewText()
		if fl.Kind == FieldNumber {
			fl.in = NewNumber(5)
		}
		fl.in.SetValue(fl.Value)
	}
	f.Focus(0)
	return f
}

// formalOnly offers every formal delegate.
func formalOnly(c *common.Common) func(i int) bool {
	return func(i int) bool { return c.Setup.Roster[i].Kind == model.Formal }
}

func (f *Form) active() *Field { return &f.Fields[f.at] }

// At is the active field's index.
func (f *Form) At() int { return f.at }

// Focus makes field i active, with a fresh search for person fields.
func (f *Form) Focus(i int) {
	f.at = max(0, min(len(f.Fields)-1, i))
	f.pick = nil
	if k := f.active().Kind; k == FieldPerson || k == FieldPeople {
		f.pick = NewPicker(f.c, max(3, f.h-len(f.Fields)-2))
		f.pick.Filter = formalOnly(f.c)
		if o := f.active().Offer; o != nil {
			f.pick.Filter = o
		}
		f.pick.Label = f.c.Texts.M.FormalCount
		f.pick.Hint = f.c.Texts.M.PickHint
		if check := f.active().Check; check != nil {
			f.pick.Refuse = func(id string) bool { return check(id) != nil }
		}
		f.pick.SetQuery("")
	}
}

// SetSize gives the form its height (the search list shrinks to fit).
func (f *Form) SetSize(h int) {
	f.h = h
	if f.pick != nil {
		f.pick.H = max(3, h-len(f.Fields)-2)
	}
}

// Update edits the form. submit is set when enter is pressed on the last
// field; cancel when esc is pressed.
func (f *Form) Update(msg tea.Msg) (submit, cancel bool) {
	f.Refused = nil
	fl := f.active()
	if p, ok := msg.(tea.PasteMsg); ok {
		if f.pick != nil {
			f.pick.Update(p)
		} else if fl.Kind == FieldText {
			fl.in.Update(p)
		}
		return false, false
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, false
	}
	last := f.at == len(f.Fields)-1
	switch k.String() {
	case "esc":
		return false, true
	case "tab":
		f.Focus(f.at + 1)
		return false, false
	case "shift+tab":
		f.Focus(f.at - 1)
		return false, false
	case "enter":
		switch fl.Kind {
		case FieldPerson:
			id := f.pick.SelectedID()
			if id == "" {
				return false, false
			}
			if fl.Check != nil {
				if f.Refused = fl.Check(id); f.Refused != nil {
					return false, false // said, and the form stays here
				}
			}
			fl.IDs = []string{id}
		case FieldPeople:
			if id := f.pick.SelectedID(); id != "" && f.pick.Query() != "" {
				if fl.Check != nil {
					if f.Refused = fl.Check(id); f.Refused != nil {
						return false, false
					}
				}
				if !containsID(fl.IDs, id) {
					fl.IDs = append(fl.IDs, id)
				}
				f.pick.SetQuery("")
				return false, false
			}
		}
		if last {
			return true, false
		}
		f.Focus(f.at + 1)
		return false, false
	}
	if f.pick != nil {
		if k.String() == "backspace" && f.pick.Query() == "" && len(fl.IDs) > 0 {
			fl.IDs = fl.IDs[:len(fl.IDs)-1]
			return false, false
		}
		f.pick.Update(k)
		return false, false
	}
	switch k.String() {
	case "up":
		f.Focus(f.at - 1)
	case "down":
		f.Focus(f.at + 1)
	default:
		fl.in.Update(k)
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
func (f *Form) names(ids []string) string {
	var out []string
	for _, id := range ids {
		out = append(out, f.c.PersonName(id))
	}
	return strings.Join(out, f.c.Texts.M.Sep)
}

// View renders the form in w columns: the title, the fields, and the
// delegate search under an active person field.
func (f *Form) View(w int) []string {
	s := f.c.Styles
	lw := 0
	for _, fl := range f.Fields {
		lw = max(lw, common.Width(fl.Label))
	}
	lines := []string{s.Title.Render(common.Cut(f.title, w))}
	for i := range f.Fields {
		fl := &f.Fields[i]
		var v string
		switch fl.Kind {
		case FieldPerson, FieldPeople:
			v = f.names(fl.IDs)
			if fl.Kind == FieldPeople {
				v = f.c.Texts.M.Counted(len(fl.IDs), v)
			}
		default:
			v = fl.in.Value()
		}
		label := common.Fit(fl.Label, lw)
		if i == f.at {
			if fl.Kind == FieldText || fl.Kind == FieldNumber {
				v = fl.in.View(s, w-lw-5)
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
			if i, ok := f.c.PersonIndex(id); ok && i < len(st) && st[i].Status != session.Present {
				return f.c.Texts.StatusWord(st[i].Status)
			}
			return ""
		}
		lines = append(lines, "")
		lines = append(lines, f.pick.View(w, f.active().Label, present)...)
	}
	return lines
}

// Keys is the help of the active field.
func (f *Form) Keys() []key.Binding {
	k := f.c.Keys
	switch f.active().Kind {
	case FieldPerson:
		return []key.Binding{k.Up, k.Floor.Next}
	case FieldPeople:
		return []key.Binding{k.Up, k.Floor.Add, k.Floor.Done}
	}
	if f.at == len(f.Fields)-1 {
		return []key.Binding{k.Floor.Record}
	}
	return []key.Binding{k.Floor.Next, k.Floor.Tab}
}
