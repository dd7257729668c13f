package session

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// The longest text the core accepts in a command, in characters (runes,
// so a Han character counts one). A longer one is refused with a
// *TextTooLongError before anything is decided: a pasted document in a
// name field must not slow every screen that searches or draws it.
const (
	// MaxText is for prose: a note, a question or its answer, a motion's
	// text, a reason, an item's script.
	MaxText = 10000
	// MaxShortText is for everything else: a name, an id, a unit, a
	// title, a subject, a category, a write-in.
	MaxShortText = 200
)

// longFields are the fields (by their JSON name) that hold prose.
var longFields = map[string]bool{
	"text": true, "text_en": true, "answer": true, "note": true, "reason": true,
	"script": true, "script_en": true,
}

// TextTooLongError: a text of a command is longer than the core accepts.
// Field is where it is, as the command's JSON names it ("text",
// "setup.roster[3].name").
type TextTooLongError struct {
	Field string
	Len   int // its length in characters
	Max   int
}

// Error names the field, its length and the limit.
func (e *TextTooLongError) Error() string {
	return fmt.Sprintf("session: %s is %d characters long; at most %d are accepted", e.Field, e.Len, e.Max)
}

// checkText refuses a command with a text longer than its limit, or one
// that breaks Rule C (textrule.go). The command's Meta (time, actor,
// role, terminal) is the program's, not typed: it has no length limit,
// but Rule C holds for it too (a line of podium apply names its actor).
func checkText(cmd Command) error {
	m := cmd.meta()
	for _, f := range []struct{ name, v string }{{"actor", m.Actor}, {"role", string(m.Role)}, {"terminal", m.Terminal}} {
		if err := CleanText(f.name, f.v, false); err != nil {
			return err
		}
	}
	return walkText(reflect.ValueOf(cmd), "", MaxShortText)
}

var metaType = reflect.TypeOf(Meta{})

// walkText checks every string in v; path is where v is, max the limit of
// a string found there.
func walkText(v reflect.Value, path string, max int) error {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if len(s) > max {
			if n := utf8.RuneCountInString(s); n > max {
				return &TextTooLongError{Field: path, Len: n, Max: max}
			}
		}
		return CleanText(path, s, max == MaxText)
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return walkText(v.Elem(), path, max)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if err := walkText(v.Index(i), fmt.Sprintf("%s[%d]", path, i), max); err != nil {
				return err
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			p := fmt.Sprintf("%s[%v]", path, it.Key())
			if err := walkText(it.Key(), p, MaxShortText); err != nil {
				return err
			}
			if err := walkText(it.Value(), p, max); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Type == metaType {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			p, m := name, MaxShortText
			if path != "" {
				p = path + "." + name
			}
			if longFields[name] {
				m = MaxText
			}
			if err := walkText(v.Field(i), p, m); err != nil {
				return err
			}
		}
	}
	return nil
}
