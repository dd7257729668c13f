package prep

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"podium/model"
	"podium/session/rule"
	"podium/words"
)

// This file counts the satisfaction survey of the reform self-assessment
// (附件1 items 16–17) from the answers files.ReadSurvey found: each answer
// read as a step of the scale (model.SurveyScale), blank, or unknown —
// never guessed — and each item judged in integers (RULES §0).

// SurveyAnswer is one respondent's answer to one question, as written.
type SurveyAnswer struct {
	Row  int    // the spreadsheet row (the header is row 1)
	Text string // the cell as written
}

// SurveyQuestion is the column of one question in an export.
type SurveyQuestion struct {
	Item     int    // the self-assessment's item: 16 or 17
	Question int    // the number in the header, 0 when it has none
	Header   string // the header as written
	Column   string // the column letter
	Answers  []SurveyAnswer
}

// SurveyExport is a questionnaire export as read: its respondents' answers
// to the survey's questions.
type SurveyExport struct {
	File        string
	Sheet       string // XLSX worksheet, "" for CSV or a workbook of one sheet
	Respondents int    // the rows below the header
	Questions   []SurveyQuestion
}

// SurveyMapping reads an answer that is not an option's words as Option,
// or as a blank answer when Option is "": the user's word, shown in the
// report (--map 非常满意=满意).
type SurveyMapping struct {
	Answer string             `json:"answer"`
	Option model.SurveyOption `json:"option"` // "" counts the answer as blank
}

// SurveyOptions say how answers that are not an option's words are read.
type SurveyOptions struct {
	// Legend gives the option numbers of an export "by number" (按序号):
	// Legend[0] is option 1 (or A), and so on.
	Legend []model.SurveyOption
	// Map reads answers as options (or as blank).
	Map []SurveyMapping
}

// SurveyStatus is an item's verdict.
type SurveyStatus string

// The verdicts. SurveyUndetermined is given when an answer could not be
// read or nobody answered: the survey never guesses.
const (
	SurveyMet          SurveyStatus = "met"          // 达标
	SurveyNotMet       SurveyStatus = "not_met"      // 未达标
	SurveyUndetermined SurveyStatus = "undetermined" // 无法判定
)

// SurveyUnknown is an answer that is neither an option, nor blank, nor
// mapped: Count answers written so, in Rows.
type SurveyUnknown struct {
	Answer string `json:"answer"`
	Count  int    `json:"count"`
	Rows   []int  `json:"rows"`
	// Number is set when the answer is an option number or letter and
	// no legend says which option it is.
	Number bool `json:"number"`
}

// SurveyItem is one item of the self-assessment counted from its
// question: the counts per option (model.SurveyCount), the answers not
// read, the verdict and the sentence for the form.
type SurveyItem struct {
	model.SurveyCount
	Column   string          `json:"column"`
	Answered int             `json:"answered"` // every answer not blank, unknown ones included
	Unknown  int             `json:"unknown"`
	Unknowns []SurveyUnknown `json:"unknowns"`
	Status   SurveyStatus    `json:"status"`
	Rate     string          `json:"rate"`     // "85.4%", "" when undetermined
	Sentence string          `json:"sentence"` // for the form: "满意率为 85.4%，达标"; "" when undetermined
	// RateLow and RateHigh bound the rate while answers are unknown:
	// none of them satisfied, or all of them.
	RateLow  string `json:"rate_low,omitempty"`
	RateHigh string `json:"rate_high,omitempty"`
}

// Yes is the number of 满意 and 基本满意 answers.
func (it SurveyItem) Yes() int { return it.SurveyCount.Yes() }

// SurveyReport is the survey counted: items 16 and 17 as found in the
// export.
type SurveyReport struct {
	File        string               `json:"file"`
	Sheet       string               `json:"sheet,omitempty"`
	Respondents int                  `json:"respondents"`
	Legend      []model.SurveyOption `json:"legend"`
	Map         []SurveyMapping      `json:"map"`
	Items       []SurveyItem         `json:"items"`
}

// Determined reports whether every item has a verdict.
func (r SurveyReport) Determined() bool {
	for _, it := range r.Items {
		if it.Status == SurveyUndetermined {
			return false
		}
	}
	return len(r.Items) > 0
}

// Counts returns the items' counts, for recording.
func (r SurveyReport) Counts() []model.SurveyCount {
	out := make([]model.SurveyCount, len(r.Items))
	for i, it := range r.Items {
		out[i] = it.SurveyCount
	}
	return out
}

// CountSurvey counts each question of x with the options o and judges its
// item: 达标 when (满意 + 基本满意) × 100 >= 60 × answered
// (model.SurveyStandard, 以上), undetermined while an answer is unknown or
// when nobody answered.
func CountSurvey(x SurveyExport, o SurveyOptions) SurveyReport {
	r := SurveyReport{File: x.File, Sheet: x.Sheet, Respondents: x.Respondents,
		Legend: o.Legend, Map: o.Map, Items: []SurveyItem{}}
	if r.Legend == nil {
		r.Legend = []model.SurveyOption{}
	}
	if r.Map == nil {
		r.Map = []SurveyMapping{}
	}
	for _, q := range x.Questions {
		r.Items = append(r.Items, countQuestion(q, o))
	}
	return r
}

func countQuestion(q SurveyQuestion, o SurveyOptions) SurveyItem {
	it := SurveyItem{SurveyCount: model.SurveyCount{Item: q.Item, Question: q.Question, Header: q.Header,
		Mapped: []model.SurveyMapped{}}, Column: q.Column, Unknowns: []SurveyUnknown{}}
	for _, a := range q.Answers {
		rd := ReadSurveyAnswer(a.Text, o)
		switch {
		case rd.Blank:
			it.Blank++
		case rd.Option != "":
			it.Add(rd.Option, 1)
			if rd.By != "" {
				it.addMapped(strings.TrimSpace(a.Text), rd.Option, rd.By)
			}
		default:
			it.addUnknown(strings.TrimSpace(a.Text), a.Row, rd.Number)
		}
	}
	it.Answered = it.SurveyCount.Answered() + it.Unknown
	switch {
	case it.Answered == 0 || it.Unknown > 0:
		it.Status = SurveyUndetermined
		if it.Unknown > 0 {
			it.RateLow = words.SurveyRate(it.Yes(), it.Answered)
			it.RateHigh = words.SurveyRate(it.Yes()+it.Unknown, it.Answered)
		}
	default:
		met := rule.Meets(model.SurveyStandard, it.Yes(), it.Answered)
		it.Status = SurveyNotMet
		if met {
			it.Status = SurveyMet
		}
		it.Rate = words.SurveyRate(it.Yes(), it.Answered)
		it.Sentence = words.SurveySentence(it.Yes(), it.Answered, met, "zh")
	}
	return it
}

func (it *SurveyItem) addMapped(answer string, o model.SurveyOption, by string) {
	for i, m := range it.Mapped {
		if m.Answer == answer && m.Option == o && m.By == by {
			it.Mapped[i].Count++
			return
		}
	}
	it.Mapped = append(it.Mapped, model.SurveyMapped{Answer: answer, Option: o, Count: 1, By: by})
}

func (it *SurveyItem) addUnknown(answer string, row int, number bool) {
	it.Unknown++
	for i, u := range it.Unknowns {
		if u.Answer == answer {
			it.Unknowns[i].Count++
			it.Unknowns[i].Rows = append(it.Unknowns[i].Rows, row)
			return
		}
	}
	it.Unknowns = append(it.Unknowns, SurveyUnknown{Answer: answer, Count: 1, Rows: []int{row}, Number: number})
}

// SurveyReading is how one answer was read: Blank, or an Option (By
// "legend" or "map" when not by its words), or neither (unknown; Number
// when it is an option number or letter without a legend).
type SurveyReading struct {
	Option model.SurveyOption
	Blank  bool
	By     string
	Number bool
}

// surveySkips are what the questionnaire services write for a question
// the respondent skipped or left empty (问卷星: (跳过), (空)): blank
// answers.
var surveySkips = []string{"(跳过)", "(空)"}

// ReadSurveyAnswer reads one answer (a cell as written):
//
//   - empty, or a service's mark of a skipped question ((跳过), (空)):
//     blank;
//   - an answer the user mapped (o.Map): as mapped;
//   - an option's words, white space and full-width forms aside, also
//     after an option label ("A. 满意", "A、满意", "(1)满意", "①满意");
//   - an option number or letter alone ("2", "B"): the option the legend
//     (o.Legend) gives it;
//
// and anything else is unknown: 非常满意 or 比较满意 are not guessed.
func ReadSurveyAnswer(text string, o SurveyOptions) SurveyReading {
	t := surveyFold(text)
	if t == "" || slices.Contains(surveySkips, t) {
		return SurveyReading{Blank: true}
	}
	for _, m := range o.Map {
		if surveyFold(m.Answer) == t {
			return SurveyReading{Option: m.Option, Blank: m.Option == "", By: "map"}
		}
	}
	if opt := model.SurveyOption(t); opt.Valid() {
		return SurveyReading{Option: opt}
	}
	if rest, ok := cutOptionLabel(t); ok {
		if opt := model.SurveyOption(rest); opt.Valid() {
			return SurveyReading{Option: opt}
		}
		return SurveyReading{}
	}
	if n, ok := optionNumber(t); ok {
		if n >= 1 && n <= len(o.Legend) {
			return SurveyReading{Option: o.Legend[n-1], By: "legend"}
		}
		return SurveyReading{Number: true}
	}
	return SurveyReading{}
}

// surveyFold folds an answer or header for comparison: full-width ASCII
// to ASCII, white space dropped.
func surveyFold(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r) || r == '\uFEFF':
			return -1
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		}
		return r
	}, s)
}

// cutOptionLabel cuts an option label from the front of a folded answer:
// a letter or a number of one or two digits followed by . 、 : ) or ],
// the same in brackets, or a circled number ①–⑩. ok is false without a
// label or when nothing follows it.
func cutOptionLabel(t string) (rest string, ok bool) {
	r := []rune(t)
	if len(r) > 1 && r[0] >= '①' && r[0] <= '⑩' {
		return string(r[1:]), true
	}
	i := 0
	open := len(r) > 0 && (r[0] == '(' || r[0] == '[')
	if open {
		i++
	}
	j := i
	switch {
	case j < len(r) && isASCIILetter(r[j]):
		j++
	default:
		for j < len(r) && j-i < 2 && r[j] >= '0' && r[j] <= '9' {
			j++
		}
	}
	if j == i || j >= len(r) {
		return "", false
	}
	if open {
		if r[j] != ')' && r[j] != ']' {
			return "", false
		}
	} else if !strings.ContainsRune(".、:)]", r[j]) {
		return "", false
	}
	if j+1 >= len(r) {
		return "", false
	}
	return string(r[j+1:]), true
}

func isASCIILetter(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }

// optionNumber reads an option number ("3") or letter ("C", "c") alone.
func optionNumber(t string) (int, bool) {
	if len(t) == 1 && isASCIILetter(rune(t[0])) {
		return int(unicode.ToUpper(rune(t[0]))-'A') + 1, true
	}
	if len(t) > 3 {
		return 0, false
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 || t[0] == '+' || t[0] == '-' {
		return 0, false
	}
	return n, true
}

// ParseSurveyLegend reads a legend of option numbers: the options in
// their order, separated by commas ("满意,基本满意,一般,不太满意,不满意"),
// each a step of the scale, none twice.
func ParseSurveyLegend(s string) ([]model.SurveyOption, error) {
	var out []model.SurveyOption
	for i, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ';' }) {
		o := model.SurveyOption(surveyFold(f))
		if !o.Valid() {
			return nil, fmt.Errorf("option %d %q is not a step of the scale (%s)", i+1, strings.TrimSpace(f), scaleList())
		}
		if slices.Contains(out, o) {
			return nil, fmt.Errorf("option %d %q is given twice", i+1, o)
		}
		out = append(out, o)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("is empty; give the options in the order of their numbers: %s", scaleList())
	}
	return out, nil
}

// ParseSurveyMapping reads ANSWER=OPTION: the answer as written, and a
// step of the scale or 空 (blank). An answer that is already an option's
// words cannot be mapped.
func ParseSurveyMapping(s string) (SurveyMapping, error) {
	a, o, ok := strings.Cut(s, "=")
	if !ok {
		a, o, ok = strings.Cut(s, "＝")
	}
	if !ok || surveyFold(a) == "" {
		return SurveyMapping{}, fmt.Errorf("%q is not ANSWER=OPTION (e.g. 非常满意=满意)", s)
	}
	m := SurveyMapping{Answer: strings.TrimSpace(a)}
	if model.SurveyOption(surveyFold(a)).Valid() {
		return m, fmt.Errorf("%q is an option already; it cannot be read as another", m.Answer)
	}
	switch f := surveyFold(o); f {
	case "空", "blank":
	default:
		m.Option = model.SurveyOption(f)
		if !m.Option.Valid() {
			return m, fmt.Errorf("%q is not a step of the scale (%s) nor 空 (blank)", strings.TrimSpace(o), scaleList())
		}
	}
	return m, nil
}

func scaleList() string {
	var s []string
	for _, o := range model.SurveyScale {
		s = append(s, string(o))
	}
	return strings.Join(s, ", ")
}

// ParseSurveyMappings reads each ANSWER=OPTION of list
// (ParseSurveyMapping); an answer mapped twice is an error.
func ParseSurveyMappings(list []string) ([]SurveyMapping, error) {
	var out []SurveyMapping
	for _, s := range list {
		m, err := ParseSurveyMapping(s)
		if err != nil {
			return nil, err
		}
		for _, p := range out {
			if surveyFold(p.Answer) == surveyFold(m.Answer) {
				return nil, fmt.Errorf("%q is mapped twice", m.Answer)
			}
		}
		out = append(out, m)
	}
	return out, nil
}
