package files

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"

	"podium/model"
	"podium/words"
)

// AgendaFile is the content of the agenda file of `podium new --agenda FILE`:
// the meeting's settings and its agenda items.
type AgendaFile struct {
	Meeting model.Meeting `json:"meeting"`
	Items   []model.Item  `json:"items"`
	// Election is the files an election item links, nil when none does.
	Election *ElectionFiles `json:"election_files,omitempty"`
	// file is the file read, for the lines of later checks (CheckUnits);
	// nil when the agenda was not read from a file.
	file *tomlFile
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
//	time_zone = "+08:00"       # the congress's clock (China Standard Time)
//	adoption = "vote"          # or "none": the method and the scrutineers adopted
//	                           # by a vote of the congress (RULES §3) or without
//	preparatory_votes = false  # true: the preparatory item's votes may come
//	                           # before the meeting is declared valid (RULES §2)
//
//	[[item]]                   # in order; none at all = StandardAgenda()
//	                           # without its election item
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
//	method = "method.toml"     # required, election only, both together:
//	candidates = "candidates.csv"   # the election's method (ReadMethod) and
//	                           # candidates, relative to the agenda file;
//	                           # see ElectionFiles. One election item at most;
//	                           # one without them is refused (the congress
//	                           # would reach an election it cannot hold).
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
	data, err := readFile(path, MaxTOMLSize)
	if err != nil {
		return AgendaFile{}, err
	}
	return ParseAgenda(path, data)
}

// agendaDoc is an agenda file as decoded; the reader checks each value.
type agendaDoc struct {
	Meeting toml.Primitive `toml:"meeting"`
	Item    toml.Primitive `toml:"item"`
}

// meetingDoc is the [meeting] table.
type meetingDoc struct {
	Name                 tomlValue `toml:"name"`
	NameEn               tomlValue `toml:"name_en"`
	Date                 tomlValue `toml:"date"`
	Place                tomlValue `toml:"place"`
	Chair                tomlValue `toml:"chair"`
	Recorder             tomlValue `toml:"recorder"`
	OpeningQuorum        tomlValue `toml:"opening_quorum"`
	OpeningQuorumStrict  tomlValue `toml:"opening_quorum_strict"`
	ElectionQuorum       tomlValue `toml:"election_quorum"`
	ElectionQuorumStrict tomlValue `toml:"election_quorum_strict"`
	Ordinary             tomlValue `toml:"ordinary"`
	OrdinaryStrict       tomlValue `toml:"ordinary_strict"`
	Charter              tomlValue `toml:"charter"`
	CharterStrict        tomlValue `toml:"charter_strict"`
	VoteBase             tomlValue `toml:"vote_base"`
	AnswerDays           tomlValue `toml:"answer_days"`
	TimeZone             tomlValue `toml:"time_zone"`
	SpeechSeconds        tomlValue `toml:"speech_seconds"`
	ShortSeconds         tomlValue `toml:"short_seconds"`
	FairOrder            tomlValue `toml:"fair_order"`
	GuestsSpeak          tomlValue `toml:"guests_speak"`
	Adoption             tomlValue `toml:"adoption"`
	PreparatoryVotes     tomlValue `toml:"preparatory_votes"`
}

// itemDoc is one [[item]] table.
type itemDoc struct {
	Kind       tomlValue      `toml:"kind"`
	Title      tomlValue      `toml:"title"`
	TitleEn    tomlValue      `toml:"title_en"`
	Presenter  tomlValue      `toml:"presenter"`
	Minutes    tomlValue      `toml:"minutes"`
	Script     tomlValue      `toml:"script"`
	ScriptEn   tomlValue      `toml:"script_en"`
	Resolution *resolutionDoc `toml:"resolution"`
	Officers   tomlValue      `toml:"officers"`
	Method     tomlValue      `toml:"method"`
	Candidates tomlValue      `toml:"candidates"`
	// The floor (agendafloor.go).
	SpeechSeconds tomlValue       `toml:"speech_seconds"`
	ShortSeconds  tomlValue       `toml:"short_seconds"`
	InGroups      tomlValue       `toml:"in_groups"`
	Group         *toml.Primitive `toml:"group"`
	groups        []groupDoc      // Group decoded (decodeGroups)
}

// resolutionDoc is the [item.resolution] table of a resolution item.
type resolutionDoc struct {
	Text   tomlValue `toml:"text"`
	TextEn tomlValue `toml:"text_en"`
	Kind   tomlValue `toml:"kind"`
	Method tomlValue `toml:"method"`
}

// ParseAgenda reads an agenda file from data; name is the file name used in
// error messages. See ReadAgenda for the format.
func ParseAgenda(name string, data []byte) (AgendaFile, error) {
	var doc agendaDoc
	f, err := decodeTOML(name, data, &doc)
	if err != nil {
		return AgendaFile{}, err
	}
	p := &agendaParser{tomlFile: f}
	a, err := p.parse(&doc)
	if err != nil {
		return AgendaFile{}, err
	}
	return a, nil
}

// agendaParser checks the decoded agenda file and turns problems into
// FileErrors.
type agendaParser struct {
	*tomlFile
	election *ElectionFiles // the files of the election item read so far
}

// unknownReasons say, by the table holding an unknown key, what is known.
var unknownReasons = map[string]string{
	"":                "is not a key of an agenda file (known: [meeting] and [[item]])",
	"meeting":         "is not a key of [meeting] (known: " + meetingKeys + ")",
	"item":            "is not a key of [[item]] (known: " + itemKeys + ")",
	"item.resolution": "is not a key of [item.resolution] (known: text, text_en, kind, method)",
	"item.group":      "is not a key of [[item.group]] (known: name, units, convener, secretary)",
}

// meetingKeys are the keys of [meeting], for messages.
const meetingKeys = "name, name_en, date, place, chair, recorder, opening_quorum, election_quorum, ordinary, charter and their _strict, vote_base, answer_days, time_zone, adoption, preparatory_votes, " + floorMeetingKeys

func (p *agendaParser) parse(doc *agendaDoc) (AgendaFile, error) {
	if !p.defined("meeting") {
		return AgendaFile{}, &FileError{File: p.name, Key: "meeting", Reason: "has no [meeting] table (at least its name is required)"}
	}
	var md meetingDoc
	if fe := p.decode(doc.Meeting, &md, place("meeting"), "must be a table: [meeting]"); fe != nil {
		return AgendaFile{}, fe
	}
	var items []itemDoc
	if p.defined("item") {
		const want = "must be one or more [[item]] tables"
		var elems []toml.Primitive
		if fe := p.decode(doc.Item, &elems, place("item"), want); fe != nil {
			return AgendaFile{}, fe
		}
		if len(elems) == 0 {
			return AgendaFile{}, p.fail(place("item"), nil, want)
		}
		items = make([]itemDoc, len(elems))
		for i, e := range elems {
			if fe := p.decode(e, &items[i], place("item"), want); fe != nil {
				if p.md.PrimitiveDecode(e, &struct{}{}) == nil { // a table: its resolution is not
					return AgendaFile{}, p.fail(place("item", i, "resolution"), nil, "must be a table: [item.resolution]")
				}
				return AgendaFile{}, fe
			}
			if fe := p.decodeGroups(i, &items[i]); fe != nil {
				return AgendaFile{}, fe
			}
		}
	}
	if k := p.unknown(); k != nil {
		return AgendaFile{}, p.fail(k, nil, unknownReasons[dotted(k[:len(k)-1])])
	}
	m, err := p.meeting(&md)
	if err != nil {
		return AgendaFile{}, err
	}
	a := AgendaFile{Meeting: m, file: p.tomlFile}
	if items == nil {
		a.Items = StandardAgendaNoElection()
		return a, nil
	}
	for i := range items {
		item, err := p.item(i, &items[i])
		if err != nil {
			return AgendaFile{}, err
		}
		a.Items = append(a.Items, item)
	}
	a.Election = p.election
	return a, nil
}

func (p *agendaParser) meeting(d *meetingDoc) (model.Meeting, error) {
	m := model.DefaultMeeting("")
	at := func(k string) tomlPlace { return place("meeting", k) }
	for _, t := range []struct {
		key  string
		v    *tomlValue
		into *string
	}{{"name", &d.Name, &m.Name}, {"name_en", &d.NameEn, &m.NameEn}, {"place", &d.Place, &m.Place},
		{"chair", &d.Chair, &m.Chair}, {"recorder", &d.Recorder, &m.Recorder}} {
		if !t.v.set {
			continue
		}
		s, ok := t.v.v.(string)
		if !ok {
			return m, p.fail(at(t.key), nil, "must be a string")
		}
		c, why := cleanText(s)
		if why != "" {
			return m, p.fail(at(t.key), s, why)
		}
		*t.into = c
	}
	if d.Date.set {
		date, why := agendaDate(d.Date.v)
		if why != "" {
			return m, p.fail(at("date"), d.Date.v, why)
		}
		m.Date = date
	}
	for _, r := range []struct {
		key       string
		v, strict *tomlValue
		into      *model.Fraction
	}{{"opening_quorum", &d.OpeningQuorum, &d.OpeningQuorumStrict, &m.OpeningQuorum},
		{"election_quorum", &d.ElectionQuorum, &d.ElectionQuorumStrict, &m.ElectionQuorum},
		{"ordinary", &d.Ordinary, &d.OrdinaryStrict, &m.Ordinary},
		{"charter", &d.Charter, &d.CharterStrict, &m.Charter}} {
		if fe := p.fraction(at(r.key), r.v, r.strict, 1000, r.into); fe != nil {
			return m, fe
		}
	}
	if d.VoteBase.set {
		s, _ := d.VoteBase.v.(string)
		switch b := model.Base(strings.ToLower(strings.TrimSpace(s))); b {
		case model.BaseExpected, model.BasePresent:
			m.VoteBase = b
		default:
			return m, p.fail(at("vote_base"), s, `must be "expected" (all delegates, 全体代表: charter art. 14) or "present" (实到代表)`)
		}
	}
	if d.AnswerDays.set {
		n, ok := d.AnswerDays.v.(int64)
		if !ok || n < 1 || n > 365 {
			return m, p.fail(at("answer_days"), nil, "must be a whole number of days from 1 to 365 (two weeks: 14)")
		}
		m.AnswerDays = int(n)
	}
	if d.TimeZone.set {
		s, _ := d.TimeZone.v.(string)
		if _, err := model.ParseOffset(strings.TrimSpace(s)); err != nil {
			return m, p.fail(at("time_zone"), s, `must be an offset from UTC such as "+08:00" (China Standard Time)`)
		}
		m.TimeZone = strings.TrimSpace(s)
	}
	if fe := p.meetingFloor(d, &m.Floor); fe != nil {
		return m, fe
	}
	if fe := p.meetingDecisions(d, &m); fe != nil {
		return m, fe
	}
	if m.Name == "" {
		return m, p.fail(place("meeting"), nil, "has no name; name = \"…第一次学生代表大会\" is required")
	}
	return m, nil
}

// itemKeys are the keys of [[item]], for messages.
const itemKeys = "kind, title, title_en, presenter, minutes, script, script_en, [item.resolution], officers, method, candidates, " + floorItemKeys

func (p *agendaParser) item(i int, d *itemDoc) (model.Item, error) {
	var it model.Item
	at := func(k string) tomlPlace { return place("item", i, k) }
	for _, t := range []struct {
		key string
		v   *tomlValue
	}{{"kind", &d.Kind}, {"title", &d.Title}, {"title_en", &d.TitleEn}, {"presenter", &d.Presenter}} {
		if !t.v.set {
			continue
		}
		s, ok := t.v.v.(string)
		if !ok {
			return it, p.fail(at(t.key), nil, "must be a string")
		}
		c, why := cleanText(s)
		if why != "" {
			return it, p.fail(at(t.key), s, why)
		}
		switch t.key {
		case "kind":
			it.Kind = model.ItemKind(strings.ToLower(c))
			if !it.Kind.Valid() {
				return it, p.fail(at(t.key), s, "is not an item kind ("+kindList()+")")
			}
		case "title":
			it.Title = c
		case "title_en":
			it.TitleEn = c
		case "presenter":
			it.Presenter = c
		}
	}
	if it.Kind == "" {
		return it, p.fail(place("item", i), nil, "has no kind ("+kindList()+")")
	}
	if d.Minutes.set {
		n, ok := d.Minutes.v.(int64)
		if !ok || n < 0 || n > model.MaxMinutes {
			return it, p.fail(at("minutes"), nil, fmt.Sprintf("must be a whole number of minutes from 0 to %d", model.MaxMinutes))
		}
		it.Minutes = int(n)
	}
	for _, t := range []struct {
		key  string
		v    *tomlValue
		into *string
	}{{"script", &d.Script, &it.Script}, {"script_en", &d.ScriptEn, &it.ScriptEn}} {
		if !t.v.set {
			continue
		}
		s, ok := t.v.v.(string)
		if !ok {
			return it, p.fail(at(t.key), nil, "must be a string (a template of the host's words)")
		}
		c, fe := p.script(i, t.key, s)
		if fe != nil {
			return it, fe
		}
		*t.into = c
	}
	switch {
	case it.Kind == model.ItemResolution && d.Resolution == nil:
		return it, p.fail(place("item", i), nil, "is a resolution without the vote it puts: add [item.resolution] with text, kind and method")
	case it.Kind != model.ItemResolution && d.Resolution != nil:
		return it, p.fail(at("resolution"), nil, "is only for an item of kind resolution, not "+string(it.Kind))
	case d.Resolution != nil:
		spec, err := p.resolution(i, d.Resolution)
		if err != nil {
			return it, err
		}
		it.Resolution = spec
	}
	if d.Officers.set {
		list, fe := p.officers(i, d.Officers.v)
		if fe != nil {
			return it, fe
		}
		it.Officers = list
	}
	files := map[string]string{}
	for _, t := range []struct {
		key string
		v   *tomlValue
	}{{"method", &d.Method}, {"candidates", &d.Candidates}} {
		if t.v.set {
			path, fe := p.linkPath(i, t.key, t.v.v)
			if fe != nil {
				return it, fe
			}
			files[t.key] = path
		}
	}
	if fe := p.links(i, it, d.Officers.set, files); fe != nil {
		return it, fe
	}
	if fe := p.itemFloor(i, d, &it.Floor); fe != nil {
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
		return "", p.fail(place("item", i, key), s, "holds a control character (a tab?); only line breaks are allowed")
	}
	if err := words.CheckScript(c); err != nil {
		se := err.(*words.ScriptError)
		fe := p.fail(place("item", i, key), nil, se.Reason)
		fe.Value, fe.Err = se.Token, err
		return "", fe
	}
	return c, nil
}

// resolution reads the [item.resolution] table of the i-th item: text is
// required, text_en optional, kind and method required.
func (p *agendaParser) resolution(i int, d *resolutionDoc) (*model.ResolutionSpec, error) {
	var r model.ResolutionSpec
	at := place("item", i, "resolution")
	for _, t := range []struct {
		key string
		v   *tomlValue
	}{{"text", &d.Text}, {"text_en", &d.TextEn}, {"kind", &d.Kind}, {"method", &d.Method}} {
		if !t.v.set {
			continue
		}
		s, ok := t.v.v.(string)
		if !ok {
			return nil, p.fail(at.at(t.key), nil, "must be a string")
		}
		c, why := cleanText(s)
		if why != "" {
			return nil, p.fail(at.at(t.key), s, why)
		}
		switch t.key {
		case "text":
			r.Text = c
		case "text_en":
			r.TextEn = c
		case "kind":
			r.Kind = model.VoteKind(strings.ToLower(c))
			if !r.Kind.Valid() {
				return nil, p.fail(at.at(t.key), s, "is not a kind of resolution (ordinary: 二分之一以上; charter: 修改章程, 三分之二以上)")
			}
		case "method":
			r.Method = model.VoteMethod(strings.ToLower(c))
			if !r.Method.Valid() {
				return nil, p.fail(at.at(t.key), s, "is not a method of voting (hands: 举手表决; ballot: 无记名投票)")
			}
		}
	}
	switch {
	case r.Text == "":
		return nil, p.fail(at, nil, "has no text: text = \"…\" is what the congress votes on")
	case r.Kind == "":
		return nil, p.fail(at, nil, "has no kind: kind = \"ordinary\" or \"charter\" (修改章程) sets the threshold")
	case r.Method == "":
		return nil, p.fail(at, nil, "has no method: method = \"hands\" (举手表决) or \"ballot\" (无记名投票)")
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

// fraction reads the fraction at place at ("1/2") and its strictness at
// the key beside it with _strict (true: 超过; false: 以上) into fr; a key
// left out keeps fr's value.
func (f *tomlFile) fraction(at tomlPlace, v, strict *tomlValue, maxDen int, fr *model.Fraction) *FileError {
	if v.set {
		s, ok := v.v.(string)
		if !ok {
			return f.fail(at, nil, `must be a string fraction such as "1/2"`)
		}
		n, d, why := parseFraction(s, maxDen)
		if why != "" {
			return f.fail(at, s, why)
		}
		fr.Num, fr.Den = n, d
	}
	if strict.set {
		b, ok := strict.v.(bool)
		if !ok {
			strictAt := append(tomlPlace{}, at...)
			strictAt[len(at)-1].name += "_strict"
			return f.fail(strictAt, nil, "must be true (超过, more than) or false (以上, or more)")
		}
		fr.Strict = b
	}
	return nil
}

var reFraction = regexp.MustCompile(`^\s*(\d{1,7})\s*/\s*(\d{1,7})\s*$`)

// parseFraction reads "n/d" (full-width digits too) with 0 <= n <= d,
// 1 <= d <= maxDen; the reason is for FileError.Reason.
func parseFraction(s string, maxDen int) (int, int, string) {
	m := reFraction.FindStringSubmatch(foldWidth(s))
	if m == nil {
		return 0, 0, `is not a fraction n/d such as "1/2", "2/3" or "4/5"`
	}
	n, _ := strconv.Atoi(m[1])
	d, _ := strconv.Atoi(m[2])
	if f := (model.Fraction{Num: n, Den: d}); !f.Valid() || d > maxDen {
		return 0, 0, fmt.Sprintf("is not a fraction between 0 and 1 (n/d with 0 ≤ n ≤ d, 0 < d ≤ %d)", maxDen)
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
