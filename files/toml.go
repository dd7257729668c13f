package files

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// This file is the one TOML path of the package: every TOML reader
// (agenda, method, access) decodes with decodeTOML into a struct whose
// tables are toml.Primitive (decoded in turn with tomlFile.decode) and
// whose leaves are tomlValue, checks the values itself, and names the
// place of a mistake with tomlFile.fail, which finds its line.

// tomlFile is a decoded TOML file: its name, its lines and the decoder's
// metadata.
type tomlFile struct {
	name  string
	lines []string
	md    toml.MetaData
}

// nameOr is the file's name, "" for none.
func (f *tomlFile) nameOr() string {
	if f == nil {
		return ""
	}
	return f.name
}

// tomlValue is one TOML value as written, kept for its reader to check,
// so that a value of the wrong type is named at its own key and line.
type tomlValue struct {
	set bool
	v   any
}

// UnmarshalTOML keeps the value.
func (v *tomlValue) UnmarshalTOML(x any) error {
	v.set, v.v = true, x
	return nil
}

// decodeTOML decodes data (a byte-order mark dropped) into doc. A syntax
// error is a *FileError at its line.
func decodeTOML(name string, data []byte, doc any) (*tomlFile, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(doc)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &FileError{File: name, Line: pe.Position.Line, Key: pe.LastKey,
				Reason: "is not valid TOML: " + pe.Message, Err: err}
		}
		return nil, &FileError{File: name, Reason: "is not valid TOML: " + strings.TrimPrefix(err.Error(), "toml: "), Err: err}
	}
	return &tomlFile{name: name, lines: strings.Split(string(data), "\n"), md: md}, nil
}

// decode decodes the table (or array of tables) p into v; a value of
// another shape is a *FileError at at, for the reason given.
func (f *tomlFile) decode(p toml.Primitive, v any, at tomlPlace, reason string) *FileError {
	if err := f.md.PrimitiveDecode(p, v); err != nil {
		fe := f.fail(at, nil, reason)
		fe.Err = err
		return fe
	}
	return nil
}

// defined reports whether the file holds the key (dotted names).
func (f *tomlFile) defined(key ...string) bool { return f.md.IsDefined(key...) }

// unknown returns the first key of the file that the reader did not
// decode, in the order of the file, and the place it is at (with the
// element of an array of tables that holds it); nil when none. Keys
// inside a value the reader checks itself (a list of inline tables) are
// the value's, not unknown.
func (f *tomlFile) unknown() tomlPlace {
next:
	for _, k := range f.md.Undecoded() {
		for i := 1; i < len(k); i++ {
			if f.md.Type(k[:i]...) == "Array" {
				continue next
			}
		}
		p := make(tomlPlace, len(k))
		for i, n := range k {
			p[i] = tomlStep{name: n, idx: -1}
		}
		if line := f.line(p); line > 0 {
			for i := range p[:len(p)-1] {
				p[i].idx = f.element(p[:i+1], line)
			}
		}
		return p
	}
	return nil
}

// tomlPlace is a place in a TOML file: the dotted names down to a key,
// each name with the element of an array of tables it means.
type tomlPlace []tomlStep

// tomlStep is one name of a place; idx is the 0-based element of an array
// (of tables, or of values for the last step), -1 for none or any.
type tomlStep struct {
	name string
	idx  int
}

// place builds a place from names, each optionally followed by the
// 0-based index of an element: place("item", 2, "resolution", "kind").
func place(parts ...any) tomlPlace {
	var p tomlPlace
	for _, x := range parts {
		switch x := x.(type) {
		case string:
			p = append(p, tomlStep{name: x, idx: -1})
		case int:
			p[len(p)-1].idx = x
		}
	}
	return p
}

// String writes the place as FileError.Key: item[3].resolution.kind.
func (p tomlPlace) String() string {
	var b strings.Builder
	for i, s := range p {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.name)
		if s.idx >= 0 {
			b.WriteString("[" + strconv.Itoa(s.idx+1) + "]")
		}
	}
	return b.String()
}

// at is the place of key inside p.
func (p tomlPlace) at(parts ...any) tomlPlace {
	return append(append(tomlPlace{}, p...), place(parts...)...)
}

// dotted writes steps as a dotted name without elements.
func dotted(steps tomlPlace) string {
	names := make([]string, len(steps))
	for i, s := range steps {
		names[i] = s.name
	}
	return strings.Join(names, ".")
}

// fail builds the error about the value at p: its line, its key, and the
// value when it is text.
func (f *tomlFile) fail(p tomlPlace, value any, reason string) *FileError {
	e := &FileError{File: f.name, Line: f.line(p), Key: p.String(), Reason: reason}
	if s, ok := value.(string); ok {
		e.Value = s
	}
	return e
}

var reHeader = regexp.MustCompile(`^\s*(\[\[?)\s*([^\[\]]*?)\s*\]\]?\s*(#.*)?$`)

// tomlHeader reads a table header line: its dotted name (spaces and
// quotes dropped) and whether it is an array element [[…]].
func tomlHeader(line string) (name string, array, ok bool) {
	m := reHeader.FindStringSubmatch(line)
	if m == nil {
		return "", false, false
	}
	return strings.NewReplacer(" ", "", `"`, "", "'", "").Replace(m[2]), m[1] == "[[", true
}

// line finds the line of the place p by scanning the text, since the
// decoder keeps positions to itself (and keeps one per key for all the
// elements of an array of tables). It tries, in order: the key assigned
// in its own table; a dotted key in an enclosing table (resolution.kind =
// …); a table header of the whole place; an enclosing table's key holding
// it inline (resolution = {…}); the header of its table; and, last, any
// line assigning the key. 0 when none.
func (f *tomlFile) line(p tomlPlace) int {
	if len(p) == 0 {
		return 0
	}
	parent, last := p[:len(p)-1], p[len(p)-1]
	full, table := dotted(p), dotted(parent)
	var dottedKey, headerOf, inline, tableHeader int
	cur, elem := "", map[string]int{}
	for i, line := range f.lines {
		if name, array, ok := tomlHeader(line); ok {
			cur = name
			if array {
				if _, seen := elem[name]; !seen {
					elem[name] = -1
				}
				elem[name]++
			}
			if headerOf == 0 && cur == full && f.within(p, elem) {
				headerOf = i + 1
			}
			if tableHeader == 0 && len(parent) > 0 && cur == table && f.within(parent, elem) {
				tableHeader = i + 1
			}
			continue
		}
		// Enclosing tables, from the key's own (j = len(parent)) out to the root.
		for j := len(parent); j >= 0; j-- {
			if cur != dotted(p[:j]) || !f.within(p[:j], elem) {
				continue
			}
			switch rest := dotted(p[j:]); {
			case j == len(parent) && isKey(line, last.name):
				return i + 1
			case j < len(parent) && dottedKey == 0 && isKey(line, rest):
				dottedKey = i + 1
			case j < len(parent) && inline == 0 && isKey(line, p[j].name):
				inline = i + 1
			}
		}
	}
	for _, l := range []int{dottedKey, headerOf, inline, tableHeader} {
		if l != 0 {
			return l
		}
	}
	for i, line := range f.lines {
		if isKey(line, last.name) || isKey(line, full) {
			return i + 1
		}
	}
	return 0
}

// within reports whether the arrays of tables that steps name with an
// element are at that element (elem: the current element of each array
// seen so far, by its dotted name).
func (f *tomlFile) within(steps tomlPlace, elem map[string]int) bool {
	for i, s := range steps {
		if s.idx < 0 {
			continue
		}
		if n, isArray := elem[dotted(steps[:i+1])]; isArray && n != s.idx {
			return false
		}
	}
	return true
}

// element is the element of the array of tables named by steps that holds
// line: the number of its headers up to line, less one.
func (f *tomlFile) element(steps tomlPlace, line int) int {
	name, n := dotted(steps), -1
	for _, l := range f.lines[:min(line, len(f.lines))] {
		if h, array, ok := tomlHeader(l); ok && array && h == name {
			n++
		}
	}
	return n
}

// isKey reports whether line assigns key k (bare or quoted), or a dotted
// key under it (k.x = …).
func isKey(line, k string) bool {
	line = strings.TrimSpace(line)
	for _, q := range []string{"", `"`, `'`} {
		if rest, ok := strings.CutPrefix(line, q+k+q); ok {
			rest = strings.TrimSpace(rest)
			if strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ".") {
				return true
			}
		}
	}
	return false
}

// valueLine refines the line of an array key to the line of its nth
// (1-based) element written as value, for arrays written one element a
// line; from is the key's line. It stops at the next table header and
// returns from when the value is not found.
func (f *tomlFile) valueLine(from int, value string, nth int) int {
	if from <= 0 || value == "" || nth < 1 {
		return from
	}
	seen := 0
	for l := from - 1; l < len(f.lines); l++ {
		line := f.lines[l]
		if l > from-1 && reHeader.MatchString(line) {
			break
		}
		if seen += strings.Count(line, value); seen >= nth {
			return l + 1
		}
	}
	return from
}
