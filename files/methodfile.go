package files

import (
	"podium/model"

	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// The election method file (选举办法) is TOML with the keys below. Every key
// is optional; a missing key takes the seed's value (DefaultMethod(13)), and a
// missing seats with categories takes the sum of the categories.
//
//	seats = 13                       # total; the sum of the categories when there are any
//	quorum = "4/5"                   # of expected (应到)
//	quorum_strict = true             # true: 超过 (>); false: 以上 (>=)
//	threshold = "1/2"
//	threshold_base = "expected"      # expected | present | valid
//	threshold_strict = true
//	write_ins = "with_disapproval"   # none | with_disapproval
//	over_selection = "category"      # category | ballot
//	[[categories]]                   # optional
//	name = "主席团"
//	seats = 3

// ReadMethod reads an election method file; see ParseMethod.
func ReadMethod(path string) (model.Method, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return model.Method{}, &FileError{File: path, Reason: err.Error(), Err: err}
	}
	return ParseMethod(path, data)
}

// ParseMethod parses the TOML election method of file name. Unknown keys,
// bad fractions, unknown enum values, seats out of 1..MaxMethodSeats,
// categories that do not add up to seats and duplicate or empty category
// names are errors of type *FileError naming the file, the line and the
// key. A
// method returned without error passes ValidMethod.
func ParseMethod(name string, data []byte) (model.Method, error) {
	var doc methodDoc
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		return model.Method{}, methodTOMLError(name, err)
	}
	lines := strings.Split(string(data), "\n")
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return model.Method{}, &FileError{File: name, Line: methodKeyLine(lines, k[0]), Key: k.String(), Reason: "unknown key"}
	}
	m := model.DefaultMethod(13)
	if doc.Quorum.set {
		m.Quorum.Num, m.Quorum.Den = doc.Quorum.num, doc.Quorum.den
	}
	if doc.QuorumStrict.set {
		m.Quorum.Strict = doc.QuorumStrict.v
	}
	if doc.Threshold.set {
		m.Threshold.Num, m.Threshold.Den = doc.Threshold.num, doc.Threshold.den
	}
	if doc.ThresholdStrict.set {
		m.Threshold.Strict = doc.ThresholdStrict.v
	}
	if doc.ThresholdBase.set {
		m.ThresholdBase = model.Base(doc.ThresholdBase.v)
	}
	if doc.WriteIns.set {
		m.WriteIns = model.WriteIns(doc.WriteIns.v)
	}
	if doc.OverSelection.set {
		m.OverSelection = model.OverSelection(doc.OverSelection.v)
	}
	if doc.Categories.set {
		cats, err := methodCategoriesOf(name, lines, doc.Categories.v)
		if err != nil {
			return model.Method{}, err
		}
		m.Categories = cats
		sum := 0
		for _, c := range cats {
			sum += c.Seats
		}
		switch {
		case !doc.Seats.set:
			m.Seats = sum
			if sum > model.MaxMethodSeats {
				return model.Method{}, &FileError{File: name, Line: methodKeyLine(lines, "categories"), Key: "categories",
					Reason: fmt.Sprintf("the categories add up to %d seats, more than %d", sum, model.MaxMethodSeats)}
			}
		case sum != doc.Seats.v:
			return model.Method{}, &FileError{File: name, Line: methodKeyLine(lines, "seats"), Key: "seats",
				Reason: fmt.Sprintf("seats = %d but the categories add up to %d", doc.Seats.v, sum)}
		}
	}
	if doc.Seats.set {
		m.Seats = doc.Seats.v
	}
	if err := model.ValidMethod(m); err != nil { // unreachable unless the checks above miss a case
		return model.Method{}, &FileError{File: name, Reason: err.Error()}
	}
	return m, nil
}

// methodDoc is the TOML document; each field checks its own value so that
// toml reports the error at the key's line.
type methodDoc struct {
	Seats           methodSeats         `toml:"seats"`
	Quorum          methodFrac          `toml:"quorum"`
	QuorumStrict    methodBool          `toml:"quorum_strict"`
	Threshold       methodFrac          `toml:"threshold"`
	ThresholdBase   methodBase          `toml:"threshold_base"`
	ThresholdStrict methodBool          `toml:"threshold_strict"`
	WriteIns        methodWriteIns      `toml:"write_ins"`
	OverSelection   methodOverSelection `toml:"over_selection"`
	Categories      methodCats          `toml:"categories"`
}

type methodSeats struct {
	set bool
	v   int
}

// UnmarshalTOML reads a methodSeats from its TOML value, refusing a value of the wrong type.
func (s *methodSeats) UnmarshalTOML(data any) error {
	n, err := methodSeatsOf(data)
	s.set, s.v = true, n
	return err
}

func methodSeatsOf(data any) (int, error) {
	n, ok := data.(int64)
	if !ok {
		return 0, fmt.Errorf("seats must be a whole number, not %#v", data)
	}
	if n <= 0 || n > model.MaxMethodSeats {
		return 0, fmt.Errorf("seats %d out of 1..%d", n, model.MaxMethodSeats)
	}
	return int(n), nil
}

type methodFrac struct {
	set      bool
	num, den int
}

var methodFracRE = regexp.MustCompile(`^\s*([0-9]{1,7})\s*/\s*([0-9]{1,7})\s*$`)

// UnmarshalTOML reads a methodFrac from its TOML value, refusing a value of the wrong type.
func (f *methodFrac) UnmarshalTOML(data any) error {
	s, ok := data.(string)
	if !ok {
		return fmt.Errorf(`a fraction is a string such as "4/5", not %#v`, data)
	}
	m := methodFracRE.FindStringSubmatch(s)
	if m == nil {
		return fmt.Errorf(`bad fraction %q: write it as "n/d", e.g. "4/5"`, s)
	}
	num, _ := strconv.Atoi(m[1])
	den, _ := strconv.Atoi(m[2])
	if den == 0 || num > den || den > model.MaxMethodSeats {
		return fmt.Errorf("bad fraction %q: need 0 <= n <= d, 0 < d <= %d", s, model.MaxMethodSeats)
	}
	f.set, f.num, f.den = true, num, den
	return nil
}

type methodBool struct {
	set, v bool
}

// UnmarshalTOML reads a methodBool from its TOML value, refusing a value of the wrong type.
func (b *methodBool) UnmarshalTOML(data any) error {
	v, ok := data.(bool)
	if !ok {
		return fmt.Errorf("must be true or false, not %#v", data)
	}
	b.set, b.v = true, v
	return nil
}

// methodEnum is a string that must be one of allowed; each enum key has
// its own type so that toml reports a wrong value at the key's line.
type methodEnum struct {
	set bool
	v   string
}

func (e *methodEnum) unmarshal(data any, allowed ...string) error {
	s, ok := data.(string)
	if !ok {
		return fmt.Errorf("must be a string, not %#v", data)
	}
	for _, a := range allowed {
		if s == a {
			e.set, e.v = true, s
			return nil
		}
	}
	return fmt.Errorf("unknown value %q (want %s)", s, strings.Join(allowed, " | "))
}

type methodBase struct{ methodEnum }

// UnmarshalTOML reads a methodBase from its TOML value, refusing a value of the wrong type.
func (e *methodBase) UnmarshalTOML(data any) error {
	return e.unmarshal(data, string(model.BaseExpected), string(model.BasePresent), string(model.BaseValid))
}

type methodWriteIns struct{ methodEnum }

// UnmarshalTOML reads a methodWriteIns from its TOML value, refusing a value of the wrong type.
func (e *methodWriteIns) UnmarshalTOML(data any) error {
	return e.unmarshal(data, string(model.WriteInsNone), string(model.WriteInsWithDisapproval))
}

type methodOverSelection struct{ methodEnum }

// UnmarshalTOML reads a methodOverSelection from its TOML value, refusing a value of the wrong type.
func (e *methodOverSelection) UnmarshalTOML(data any) error {
	return e.unmarshal(data, string(model.OverSelectionCategory), string(model.OverSelectionBallot))
}

type methodCats struct {
	set bool
	v   []map[string]any
}

// UnmarshalTOML reads a methodCats from its TOML value, refusing a value of the wrong type.
func (c *methodCats) UnmarshalTOML(data any) error {
	switch d := data.(type) {
	case []map[string]any:
		c.set, c.v = true, d
		return nil
	case []any:
		for _, e := range d {
			m, ok := e.(map[string]any)
			if !ok {
				return fmt.Errorf("categories must be tables with name and seats, not %#v", e)
			}
			c.v = append(c.v, m)
		}
		c.set = true
		return nil
	}
	return fmt.Errorf("categories must be [[categories]] tables, not %#v", data)
}

func methodCategoriesOf(name string, lines []string, raw []map[string]any) ([]model.Category, error) {
	var cats []model.Category
	seen := map[string]bool{}
	for i, t := range raw {
		at := func(key, reason string) error {
			return &FileError{File: name, Line: methodCategoryLine(lines, i, key), Key: "categories." + key, Reason: fmt.Sprintf("category %d: %s", i+1, reason)}
		}
		for k := range t {
			if k != "name" && k != "seats" {
				return nil, at(k, "unknown key")
			}
		}
		n, ok := t["name"].(string)
		if !ok {
			return nil, at("name", "a category needs a name (a string)")
		}
		n = strings.TrimSpace(n)
		if n == "" {
			return nil, at("name", "empty category name")
		}
		if seen[n] {
			return nil, at("name", fmt.Sprintf("duplicate category %q", n))
		}
		seen[n] = true
		s, ok := t["seats"]
		if !ok {
			return nil, at("name", fmt.Sprintf("category %q needs seats", n))
		}
		seats, err := methodSeatsOf(s)
		if err != nil {
			return nil, at("seats", err.Error())
		}
		cats = append(cats, model.Category{Name: n, Seats: seats})
	}
	if len(cats) == 0 {
		return nil, &FileError{File: name, Line: methodKeyLine(lines, "categories"), Key: "categories", Reason: "empty list of categories"}
	}
	return cats, nil
}

var methodLineRE = regexp.MustCompile(`line (\d+)`)

// methodTOMLError turns an error of package toml into a *FileError.
func methodTOMLError(name string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &FileError{File: name, Line: pe.Position.Line, Key: pe.LastKey, Reason: pe.Message, Err: err}
	}
	line := 0
	if m := methodLineRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	return &FileError{File: name, Line: line, Reason: strings.TrimPrefix(err.Error(), "toml: "), Err: err}
}

// methodHeader returns the table name of a header line ("[a]" → "a", "[[a]]" →
// "[a]"), or "" when line is no header.
func methodHeader(line string) string {
	s := strings.TrimSpace(line)
	if i := strings.Index(s, "#"); i >= 0 && !strings.ContainsAny(s[:i], `"'`) {
		s = strings.TrimSpace(s[:i])
	}
	if strings.HasPrefix(s, "[[") && strings.HasSuffix(s, "]]") {
		return "[" + strings.Trim(strings.TrimSpace(s[2:len(s)-2]), `"`) + "]"
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		return strings.Trim(strings.TrimSpace(s[1:len(s)-1]), `"`)
	}
	return ""
}

// methodDefinesKey reports whether line assigns key (bare or quoted, or the first
// part of a dotted key).
func methodDefinesKey(line, key string) bool {
	s := strings.TrimSpace(line)
	for _, k := range []string{key, `"` + key + `"`, `'` + key + `'`} {
		if rest, ok := strings.CutPrefix(s, k); ok {
			rest = strings.TrimSpace(rest)
			if strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ".") {
				return true
			}
		}
	}
	return false
}

// methodKeyLine finds the 1-based line of a top-level key: an assignment before
// the first table header, or a table header of that name; 0 if not found.
func methodKeyLine(lines []string, key string) int {
	inTop := true
	for i, l := range lines {
		if h := methodHeader(l); h != "" {
			inTop = false
			if h == key || h == "["+key+"]" || strings.HasPrefix(h, key+".") || strings.HasPrefix(h, "["+key+".") {
				return i + 1
			}
			continue
		}
		if inTop && methodDefinesKey(l, key) {
			return i + 1
		}
	}
	return 0
}

// methodCategoryLine finds the line of key in the i-th [[categories]] table, else
// the table's header, else the categories key.
func methodCategoryLine(lines []string, i int, key string) int {
	n := -1
	for j, l := range lines {
		if h := methodHeader(l); h != "" {
			if h == "[categories]" {
				n++
				if n == i {
					for k := j + 1; k < len(lines) && methodHeader(lines[k]) == ""; k++ {
						if methodDefinesKey(lines[k], key) {
							return k + 1
						}
					}
					return j + 1
				}
			}
		}
	}
	return methodKeyLine(lines, "categories")
}
