package files

import (
	"podium/words"

	"podium/model"

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
	"unicode"

	"github.com/BurntSushi/toml"
)

// AgendaFile is the content of the agenda file of `podium new --agenda FILE`:
// the meeting's settings and its agenda items.
type AgendaFile struct {
	Meeting model.Meeting `json:"meeting"`
	Items   []model.Item  `json:"items"`
	// Election is the files an election item links, nil when none does.
	Election *ElectionFiles `json:"election_files,omitempty"`
}

// Setup combines the agenda file with a roster into the Setup a congress
// is opened with. It prepares no election: the files of Election, when
// any, are read by the caller (podium new), which knows the roster.
func (a AgendaFile) Setup(roster []model.Person) model.Setup {
	return model.Setup{Meeting: a.Meeting, Roster: roster, Agenda: append([]model.Item(nil), a.Items...)}
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
//	vote_base = "expected"     # or "present": what ordinary/charter are of
//	answer_days = 14           # 1..365: answers to opinions, questions on notice
//
//	[[item]]                   # in order; none at all = StandardAgenda()
//	kind = "report"            # one of ItemKinds()
//	title = "听取学生会工作报告"   # optional: DefaultTitle of the kind
//	title_en = "Work report of the student union"
//	presenter = "白凯文"        # optional, any kind
//	minutes = 30               # planned, 0..1440; 0 or absent = not planned
//	script = "下面请{presenter}代表学生会作工作报告。"   # optional 主持词,
//	script_en = "I call on {presenter} to …"          # see words.RenderScript
//
//	[[item]]
//	kind = "resolution"
//	title = "关于学生会工作报告的决议"
//	[item.resolution]          # required for kind resolution, refused elsewhere
//	text = "大会批准学生会工作报告。"   # required
//	text_en = "The congress approves the work report of the student union."
//	kind = "ordinary"          # required: ordinary or charter (修改章程)
//	method = "hands"           # required: hands (举手) or ballot (无记名投票)
//
//	[[item]]
//	kind = "review"            # 述职评议 (the seed's section 八)
//	officers = ["主席 王芳", "学习部部长 李强"]   # optional, review only:
//	                           # who reports and is rated 优秀/合格/不合格
//
//	[[item]]
//	kind = "election"
//	method = "method.toml"     # optional, election only, both or neither:
//	candidates = "candidates.csv"   # the election's method (ReadMethod) and
//	                           # candidates, relative to the agenda file;
//	                           # see ElectionFiles. One election item at most.
//
// Every rule left out takes the seed's default (DefaultMeeting); a fraction
// given without its _strict key keeps the default strictness. Words such as
// kinds and methods are read case-blind. A script may span lines (a TOML
// """ string); its surrounding white space is dropped and its placeholders
// are checked here, so that a typo never reaches the podium. The
// resolution table may also be written inline (resolution = {text = …}) or
// with dotted keys (resolution.kind = …).
//
// The reader is strict: an unknown key or table, a value of the wrong type,
// a fraction that is not n/d with 0 ≤ n ≤ d ≤ 1000 and d > 0, a date that
// is not a real YYYY-MM-DD date, an unknown item kind, vote kind, method or
// vote base, minutes or days out of range, a control character in a text,
// a script with an unknown placeholder or a stray brace, a resolution item
// without its table or a table on another kind is a *FileError naming the
// file, the line and the key (e.g. item[3].resolution.kind).
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
	name     string
	lines    []string
	election *ElectionFiles // the files of the election item read so far
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

// failIn builds the error about key of the sub-table sub (e.g. resolution)
// of the idx-th [[item]]; key "" means the sub-table itself.
func (p *agendaParser) failIn(idx int, sub, key string, value any, reason string) *FileError {
	e := &FileError{File: p.name, Line: p.itemLine(idx, sub, key), Reason: reason,
		Key: strings.TrimSuffix(fmt.Sprintf("item[%d].%s.%s", idx+1, sub, key), ".")}
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
		a.Items = model.StandardAgenda()
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
	a.Election = p.election
	return a, nil
}

// meetingRules are the fraction settings of [meeting], by key.
func meetingRules(m *model.Meeting) map[string]*model.Fraction {
	return map[string]*model.Fraction{
		"opening_quorum":  &m.OpeningQuorum,
		"election_quorum": &m.ElectionQuorum,
		"ordinary":        &m.Ordinary,
		"charter":         &m.Charter,
	}
}

func (p *agendaParser) meeting(t map[string]any) (model.Meeting, error) {
	m := model.DefaultMeeting("")
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
		case k == "vote_base":
			s, _ := v.(string)
			switch b := model.Base(strings.ToLower(strings.TrimSpace(s))); b {
			case model.BaseExpected, model.BasePresent:
				m.VoteBase = b
			default:
				return m, p.fail("meeting", -1, k, s, `must be "expected" (all delegates, 全体代表: charter art. 14) or "present" (实到代表)`)
			}
		case k == "answer_days":
			n, ok := v.(int64)
			if !ok || n < 1 || n > 365 {
				return m, p.fail("meeting", -1, k, nil, "must be a whole number of days from 1 to 365 (two weeks: 14)")
			}
			m.AnswerDays = int(n)
		default:
			return m, p.fail("meeting", -1, k, nil, "is not a key of [meeting] (known: name, name_en, date, place, chair, "+
				"recorder, opening_quorum, election_quorum, ordinary, charter and their _strict, vote_base, answer_days)")
		}
	}
	if m.Name == "" {
		return m, p.fail("meeting", -1, "", nil, "has no name; name = \"…第一次学生代表大会\" is required")
	}
	return m, nil
}

// itemKeys are the keys of [[item]], for messages.
const itemKeys = "kind, title, title_en, presenter, minutes, script, script_en, [item.resolution], officers, method, candidates"

func (p *agendaParser) item(i int, t map[string]any) (model.Item, error) {
	var it model.Item
	hasOfficers, files := false, map[string]string{}
	for _, k := range sortedKeys(t) {
		v := t[k]
		switch k {
		case "kind", "title", "title_en", "presenter":
			s, ok := v.(string)
			if !ok {
				return it, p.fail("item", i, k, nil, "must be a string")
			}
			c, why := cleanText(s)
			if why != "" {
				return it, p.fail("item", i, k, s, why)
			}
			switch k {
			case "kind":
				it.Kind = model.ItemKind(strings.ToLower(c))
				if !it.Kind.Valid() {
					return it, p.fail("item", i, k, s, "is not an item kind ("+kindList()+")")
				}
			case "title":
				it.Title = c
			case "title_en":
				it.TitleEn = c
			case "presenter":
				it.Presenter = c
			}
		case "minutes":
			n, ok := v.(int64)
			if !ok || n < 0 || n > model.MaxMinutes {
				return it, p.fail("item", i, k, nil, fmt.Sprintf("must be a whole number of minutes from 0 to %d", model.MaxMinutes))
			}
			it.Minutes = int(n)
		case "script", "script_en":
			s, ok := v.(string)
			if !ok {
				return it, p.fail("item", i, k, nil, "must be a string (a template of the host's words)")
			}
			c, fe := p.script(i, k, s)
			if fe != nil {
				return it, fe
			}
			if k == "script" {
				it.Script = c
			} else {
				it.ScriptEn = c
			}
		case "resolution":
			r, ok := v.(map[string]any)
			if !ok {
				return it, p.failIn(i, "resolution", "", nil, "must be a table: [item.resolution]")
			}
			if it.Kind != "" && it.Kind != model.ItemResolution { // kind sorts before resolution
				return it, p.failIn(i, "resolution", "", nil, "is only for an item of kind resolution, not "+string(it.Kind))
			}
			spec, err := p.resolution(i, r)
			if err != nil {
				return it, err
			}
			it.Resolution = spec
		case "officers":
			list, fe := p.officers(i, v)
			if fe != nil {
				return it, fe
			}
			it.Officers, hasOfficers = list, true
		case "method", "candidates":
			path, fe := p.linkPath(i, k, v)
			if fe != nil {
				return it, fe
			}
			files[k] = path
		default:
			return it, p.fail("item", i, k, nil, "is not a key of [[item]] (known: "+itemKeys+")")
		}
	}
	if it.Kind == "" {
		return it, p.fail("item", i, "", nil, "has no kind ("+kindList()+")")
	}
	switch {
	case it.Kind == model.ItemResolution && it.Resolution == nil:
		return it, p.fail("item", i, "", nil, "is a resolution without the vote it puts: add [item.resolution] with text, kind and method")
	case it.Kind != model.ItemResolution && it.Resolution != nil:
		return it, p.failIn(i, "resolution", "", nil, "is only for an item of kind resolution, not "+string(it.Kind))
	}
	if fe := p.links(i, it, hasOfficers, files); fe != nil {
		return it, fe
	}
	if it.Title == "" {
		zh, en := model.DefaultTitle(it.Kind)
		it.Title = zh
		if it.TitleEn == "" {
			it.TitleEn = en
		}
	}
	return it, nil
}

// script cleans a template of the host's words: line ends become "\n",
// surrounding white space goes, other control characters are refused and
// the placeholders are checked (words.CheckScript).
func (p *agendaParser) script(i int, key, s string) (string, *FileError) {
	c := strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"))
	c = strings.ReplaceAll(c, "\uFEFF", "")
	if strings.IndexFunc(c, func(r rune) bool { return r != '\n' && unicode.IsControl(r) }) >= 0 {
		return "", p.fail("item", i, key, s, "holds a control character (a tab?); only line breaks are allowed")
	}
	if err := words.CheckScript(c); err != nil {
		se := err.(*words.ScriptError)
		fe := p.fail("item", i, key, nil, se.Reason)
		fe.Value, fe.Err = se.Token, err
		return "", fe
	}
	return c, nil
}

// resolution reads the [item.resolution] table of the i-th item: text is
// required, text_en optional, kind and method required.
func (p *agendaParser) resolution(i int, t map[string]any) (*model.ResolutionSpec, error) {
	var r model.ResolutionSpec
	const tbl = "resolution"
	for _, k := range sortedKeys(t) {
		s, ok := t[k].(string)
		switch k {
		case "text", "text_en", "kind", "method":
		default:
			return nil, p.failIn(i, tbl, k, nil, "is not a key of [item.resolution] (known: text, text_en, kind, method)")
		}
		if !ok {
			return nil, p.failIn(i, tbl, k, nil, "must be a string")
		}
		c, why := cleanText(s)
		if why != "" {
			return nil, p.failIn(i, tbl, k, s, why)
		}
		switch k {
		case "text":
			r.Text = c
		case "text_en":
			r.TextEn = c
		case "kind":
			r.Kind = model.VoteKind(strings.ToLower(c))
			if !r.Kind.Valid() {
				return nil, p.failIn(i, tbl, k, s, "is not a kind of resolution (ordinary: 二分之一以上; charter: 修改章程, 三分之二以上)")
			}
		case "method":
			r.Method = model.VoteMethod(strings.ToLower(c))
			if !r.Method.Valid() {
				return nil, p.failIn(i, tbl, k, s, "is not a method of voting (hands: 举手表决; ballot: 无记名投票)")
			}
		}
	}
	switch {
	case r.Text == "":
		return nil, p.failIn(i, tbl, "", nil, "has no text: text = \"…\" is what the congress votes on")
	case r.Kind == "":
		return nil, p.failIn(i, tbl, "", nil, "has no kind: kind = \"ordinary\" or \"charter\" (修改章程) sets the threshold")
	case r.Method == "":
		return nil, p.failIn(i, tbl, "", nil, "has no method: method = \"hands\" (举手表决) or \"ballot\" (无记名投票)")
	}
	return &r, nil
}

func kindList() string {
	var s []string
	for _, k := range model.ItemKinds() {
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
	if f := (model.Fraction{Num: n, Den: d}); !f.Valid() || d > 1000 {
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
