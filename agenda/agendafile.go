package agenda

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// AgendaFile is the content of the agenda file of `podium new --agenda FILE`:
// the meeting's settings and its agenda items.
type AgendaFile struct {
	Meeting Meeting `json:"meeting"`
	Items   []Item  `json:"items"`
}

// Setup combines the agenda file with a roster into the Setup a congress
// is opened with (no election: the method and candidates come later).
func (a AgendaFile) Setup(roster []Person) Setup {
	return Setup{Meeting: a.Meeting, Roster: roster, Agenda: append([]Item(nil), a.Items...)}
}

// agendaTemplate is a complete, commented agenda file: the demo congress's.
//
//go:embed demo/agenda.toml
var agendaTemplate []byte

// AgendaTemplate returns a commented agenda file a secretary can start from
// (the demo congress's meeting and the standard agenda).
func AgendaTemplate() []byte { return bytes.Clone(agendaTemplate) }

// ReadAgenda reads an agenda file (TOML). The format:
//
//	[meeting]
//	name = "天山职业技术学院第一次学生代表大会"   # required
//	name_en = "…"; date = "2026-11-30" (or a TOML date); place; chair; recorder
//	opening_quorum = "1/2"     opening_quorum_strict = true    # 超过 1/2
//	election_quorum = "4/5"    election_quorum_strict = true   # 超过 4/5
//	ordinary = "1/2"           ordinary_strict = false         # 二分之一以上
//	charter = "2/3"            charter_strict = false          # 三分之二以上
//
//	[[item]]                   # in order; none at all = StandardAgenda()
//	kind = "preparatory"       # one of ItemKinds()
//	title = "预备会议"           # optional: the standard title of the kind
//	title_en = "Preparatory meeting"
//
// Every rule left out takes the seed's default (DefaultMeeting); a fraction
// given without its _strict key keeps the default strictness. The reader is
// strict: an unknown key or table, a value of the wrong type, a fraction
// that is not n/d with 0 ≤ n ≤ d ≤ 1000 and d > 0, a date that is not a
// real YYYY-MM-DD date, or an unknown item kind is a *FileError naming the
// file, the line and the key.
func ReadAgenda(path string) (AgendaFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return AgendaFile{}, &FileError{File: path, Reason: "cannot be read: " + err.Error(), Err: err}
	}
	return ParseAgenda(path, data)
}

// ParseAgenda reads an agenda file from data; name is the file name used in
// error messages. See ReadAgenda for the format.
func ParseAgenda(name string, data []byte) (a AgendaFile, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = AgendaFile{}, &FileError{File: name, Reason: fmt.Sprintf("cannot be read (internal error: %v)", p)}
		}
	}()
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var raw map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return AgendaFile{}, &FileError{File: name, Line: pe.Position.Line, Key: pe.LastKey,
				Reason: "is not valid TOML: " + pe.Message, Err: err}
		}
		return AgendaFile{}, &FileError{File: name, Reason: "is not valid TOML: " + err.Error(), Err: err}
	}
	p := &agendaParser{name: name, lines: strings.Split(string(data), "\n")}
	a, err = p.parse(raw)
	if err != nil {
		return AgendaFile{}, err
	}
	return a, nil
}

// agendaParser walks the decoded TOML and turns problems into FileErrors.
type agendaParser struct {
	name  string
	lines []string
}

// fail builds the error about key (dotted, in table tbl, the idx-th of an
// array of tables when idx >= 0).
func (p *agendaParser) fail(tbl string, idx int, key string, value any, reason string) *FileError {
	e := &FileError{File: p.name, Line: p.lineOf(tbl, idx, key), Reason: reason}
	switch {
	case idx >= 0 && key != "":
		e.Key = fmt.Sprintf("%s[%d].%s", tbl, idx+1, key)
	case idx >= 0:
		e.Key = fmt.Sprintf("%s[%d]", tbl, idx+1)
	case tbl != "" && key != "":
		e.Key = tbl + "." + key
	default:
		e.Key = tbl + key
	}
	if s, ok := value.(string); ok {
		e.Value = s
	}
	return e
}

func (p *agendaParser) parse(raw map[string]any) (AgendaFile, error) {
	for _, k := range sortedKeys(raw) {
		if k != "meeting" && k != "item" {
			return AgendaFile{}, p.fail("", -1, k, nil, "is not a key of an agenda file (known: [meeting] and [[item]])")
		}
	}
	mt, ok := raw["meeting"].(map[string]any)
	if !ok {
		if _, there := raw["meeting"]; there {
			return AgendaFile{}, p.fail("", -1, "meeting", nil, "must be a table: [meeting]")
		}
		return AgendaFile{}, &FileError{File: p.name, Key: "meeting", Reason: "has no [meeting] table (at least its name is required)"}
	}
	m, err := p.meeting(mt)
	if err != nil {
		return AgendaFile{}, err
	}
	a := AgendaFile{Meeting: m}
	rawItems, there := raw["item"]
	if !there {
		a.Items = StandardAgenda()
		return a, nil
	}
	list, ok := rawItems.([]map[string]any)
	if arr, isArr := rawItems.([]any); isArr { // item = [{kind = "…"}, …]
		ok = true
		for _, x := range arr {
			m, isMap := x.(map[string]any)
			ok = ok && isMap
			list = append(list, m)
		}
	}
	if !ok || len(list) == 0 {
		return AgendaFile{}, p.fail("", -1, "item", nil, "must be one or more [[item]] tables")
	}
	for i, it := range list {
		item, err := p.item(i, it)
		if err != nil {
			return AgendaFile{}, err
		}
		a.Items = append(a.Items, item)
	}
	return a, nil
}

// meetingRules are the fraction settings of [meeting], by key.
func meetingRules(m *Meeting) map[string]*Fraction {
	return map[string]*Fraction{
		"opening_quorum":  &m.OpeningQuorum,
		"election_quorum": &m.ElectionQuorum,
		"ordinary":        &m.Ordinary,
		"charter":         &m.Charter,
	}
}

func (p *agendaParser) meeting(t map[string]any) (Meeting, error) {
	m := DefaultMeeting("")
	texts := map[string]*string{"name": &m.Name, "name_en": &m.NameEn, "place": &m.Place,
		"chair": &m.Chair, "recorder": &m.Recorder}
	rules := meetingRules(&m)
	for _, k := range sortedKeys(t) {
		v := t[k]
		switch {
		case texts[k] != nil:
			s, ok := v.(string)
			if !ok {
				return m, p.fail("meeting", -1, k, nil, "must be a string")
			}
			c, why := cleanText(s)
			if why != "" {
				return m, p.fail("meeting", -1, k, s, why)
			}
			*texts[k] = c
		case k == "date":
			d, why := agendaDate(v)
			if why != "" {
				return m, p.fail("meeting", -1, k, v, why)
			}
			m.Date = d
		case rules[k] != nil:
			s, ok := v.(string)
			if !ok {
				return m, p.fail("meeting", -1, k, nil, `must be a string fraction such as "1/2"`)
			}
			n, d, why := parseFraction(s)
			if why != "" {
				return m, p.fail("meeting", -1, k, s, why)
			}
			rules[k].Num, rules[k].Den = n, d
		case strings.HasSuffix(k, "_strict") && rules[strings.TrimSuffix(k, "_strict")] != nil:
			b, ok := v.(bool)
			if !ok {
				return m, p.fail("meeting", -1, k, nil, "must be true (超过, more than) or false (以上, or more)")
			}
			rules[strings.TrimSuffix(k, "_strict")].Strict = b
		default:
			return m, p.fail("meeting", -1, k, nil, "is not a key of [meeting] (known: name, name_en, date, place, chair, "+
				"recorder, opening_quorum, election_quorum, ordinary, charter and their _strict)")
		}
	}
	if m.Name == "" {
		return m, p.fail("meeting", -1, "", nil, "has no name; name = \"…第一次学生代表大会\" is required")
	}
	return m, nil
}

func (p *agendaParser) item(i int, t map[string]any) (Item, error) {
	var it Item
	for _, k := range sortedKeys(t) {
		s, ok := t[k].(string)
		switch k {
		case "kind", "title", "title_en":
		default:
			return it, p.fail("item", i, k, nil, "is not a key of [[item]] (known: kind, title, title_en)")
		}
		if !ok {
			return it, p.fail("item", i, k, nil, "must be a string")
		}
		c, why := cleanText(s)
		if why != "" {
			return it, p.fail("item", i, k, s, why)
		}
		switch k {
		case "kind":
			it.Kind = ItemKind(strings.ToLower(c))
			if !it.Kind.Valid() {
				return it, p.fail("item", i, k, s, "is not an item kind ("+kindList()+")")
			}
		case "title":
			it.Title = c
		case "title_en":
			it.TitleEn = c
		}
	}
	if it.Kind == "" {
		return it, p.fail("item", i, "", nil, "has no kind ("+kindList()+")")
	}
	if it.Title == "" {
		std, _ := standardItem(it.Kind)
		it.Title = std.Title
		if it.TitleEn == "" {
			it.TitleEn = std.TitleEn
		}
	}
	return it, nil
}

func kindList() string {
	var s []string
	for _, k := range ItemKinds() {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

var reFraction = regexp.MustCompile(`^\s*(\d{1,4})\s*/\s*(\d{1,4})\s*$`)

// parseFraction reads "n/d" with 0 <= n <= d, 1 <= d <= 1000.
func parseFraction(s string) (int, int, string) {
	m := reFraction.FindStringSubmatch(foldWidth(s))
	if m == nil {
		return 0, 0, `is not a fraction n/d such as "1/2", "2/3" or "4/5"`
	}
	n, _ := strconv.Atoi(m[1])
	d, _ := strconv.Atoi(m[2])
	if f := (Fraction{Num: n, Den: d}); !f.Valid() || d > 1000 {
		return 0, 0, "is not a fraction between 0 and 1 (n/d with 0 ≤ n ≤ d, 0 < d ≤ 1000)"
	}
	return n, d, ""
}

// agendaDate reads a date given as "YYYY-MM-DD" or as a TOML local date.
func agendaDate(v any) (string, string) {
	switch v := v.(type) {
	case string:
		m := reDateSep.FindStringSubmatch(strings.TrimSpace(v))
		if m == nil || !strings.Contains(v, "-") {
			return "", "is not a date YYYY-MM-DD"
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return checkDate(y, mo, d)
	case time.Time:
		if v.Location().String() != "date-local" { // toml's zone of a local date
			return "", "must be a date without time, e.g. 2026-11-30"
		}
		return checkDate(v.Year(), int(v.Month()), v.Day())
	}
	return "", "is not a date YYYY-MM-DD"
}

func sortedKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

var reHeader = regexp.MustCompile(`^\s*(\[\[?)\s*([^\[\]]*?)\s*\]\]?\s*(#.*)?$`)

// lineOf finds the line of a key by scanning the text, since the TOML
// decoder keeps positions to itself: the key line inside its table (the
// idx-th of an array of tables), else a table header of that name, else
// any line assigning the key, else the table's header; 0 if none.
func (p *agendaParser) lineOf(tbl string, idx int, key string) int {
	cur, count, header := "", -1, 0
	isKey := func(line, k string) bool {
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
	full := strings.TrimPrefix(tbl+"."+key, ".")
	for i, line := range p.lines {
		if m := reHeader.FindStringSubmatch(line); m != nil {
			cur = strings.ReplaceAll(m[2], " ", "")
			if cur == tbl {
				count++
				if idx < 0 || count == idx {
					header = i + 1
				}
			}
			if key != "" && cur == full {
				return i + 1
			}
			continue
		}
		inTable := cur == tbl && (idx < 0 || count == idx)
		if key != "" && inTable && isKey(line, key) {
			return i + 1
		}
	}
	if key == "" || header != 0 {
		return header
	}
	for i, line := range p.lines {
		if isKey(line, key) || isKey(line, full) {
			return i + 1
		}
	}
	return 0
}
