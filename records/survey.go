package records

import (
	"fmt"
	"strings"

	"podium/session"
	"podium/words"
)

// Survey is the satisfaction survey of the reform self-assessment (附件1
// items 16–17) as last recorded (`podium check survey --db`, `podium new
// --survey`): the export it was counted from, and per item the counts,
// the rate and the verdict the core stored. The self-assessment fills
// items 16 and 17 from it.
type Survey struct {
	File        string       `json:"file"`
	Respondents int          `json:"respondents"`
	Recorded    Time         `json:"recorded,omitzero"`
	By          string       `json:"by"`
	Items       []SurveyItem `json:"items"`
}

// SurveyItem is one item of the survey: the counts per option of the
// scale (满意, 基本满意, 一般, 不太满意, 不满意), the blank answers (not in
// the base), the base (Answered), the rate rounded down to one decimal
// ("85.4%"), the verdict (met or not_met, as Assessment's) and the
// sentence for the form in the record's language ("满意率为 85.4%，达标").
type SurveyItem struct {
	Item         int            `json:"item"`
	Question     int            `json:"question"` // 0 when the question was found by its header text
	Header       string         `json:"header"`
	Satisfied    int            `json:"satisfied"`
	Basically    int            `json:"basically"`
	Neutral      int            `json:"neutral"`
	Less         int            `json:"less"`
	Dissatisfied int            `json:"dissatisfied"`
	Blank        int            `json:"blank"`
	Answered     int            `json:"answered"`
	Mapped       []SurveyMapped `json:"mapped"`
	Rate         string         `json:"rate"`
	Verdict      string         `json:"verdict"`
	Sentence     string         `json:"sentence"`
}

// SurveyMapped is an answer counted as an option that is not its words:
// by the legend of option numbers or by the user's mapping.
type SurveyMapped struct {
	Answer string `json:"answer"`
	Option string `json:"option"`
	Count  int    `json:"count"`
	By     string `json:"by"` // legend or map
}

// survey is the state's survey for the record, nil when none was recorded.
func (b builder) survey() *Survey {
	s := b.st.Survey
	if s == nil {
		return nil
	}
	out := &Survey{File: s.File, Respondents: s.Respondents, Recorded: At(s.At), By: s.By, Items: []SurveyItem{}}
	for _, it := range s.Items {
		out.Items = append(out.Items, surveyItem(it, b.lang))
	}
	return out
}

func surveyItem(it session.SurveyItem, lang string) SurveyItem {
	x := SurveyItem{Item: it.Item, Question: it.Question, Header: it.Header, Satisfied: it.Satisfied, Basically: it.Basically,
		Neutral: it.Neutral, Less: it.Less, Dissatisfied: it.Dissatisfied, Blank: it.Blank, Answered: it.Answered,
		Mapped: []SurveyMapped{}, Rate: words.SurveyRate(it.Yes(), it.Answered), Verdict: "not_met",
		Sentence: words.SurveySentence(it.Yes(), it.Answered, it.Met, lang)}
	if it.Met {
		x.Verdict = "met"
	}
	for _, m := range it.Mapped {
		x.Mapped = append(x.Mapped, SurveyMapped{Answer: m.Answer, Option: string(m.Option), Count: m.Count, By: m.By})
	}
	return x
}

// item returns the survey's item no (16 or 17), ok false when it has none.
func (s *Survey) item(no int) (SurveyItem, bool) {
	for _, it := range s.Items {
		if it.Item == no {
			return it, true
		}
	}
	return SurveyItem{}, false
}

// surveyAssessment answers item no (16 or 17) of the self-assessment from
// the survey recorded: the verdict the core stored and the form's
// sentence with what it was counted from; with no survey, or none for
// this item, the blank the office fills in.
func (b builder) surveyAssessment(r *Record, no int) (verdict, note string) {
	if r.Survey == nil {
		return "", b.w.surveyNote
	}
	it, ok := r.Survey.item(no)
	if !ok {
		return "", b.w.surveyNote
	}
	return it.Verdict, b.w.surveyBasis(r.Survey.File, it)
}

// surveyBasis is the form's sentence and what it was counted from:
// 满意率为 85.4%，达标（wjx.xlsx 第7题：满意52、基本满意48，作答117人；未作答3人不计入）。
func (w terms) surveyBasis(file string, it SurveyItem) string {
	q := w.pick(fmt.Sprintf("第%d题", it.Question), fmt.Sprintf("question %d", it.Question))
	if it.Question == 0 {
		q = w.pick("“"+it.Header+"”", fmt.Sprintf("%q", it.Header))
	}
	var mapped []string
	for _, m := range it.Mapped {
		mapped = append(mapped, w.pick(fmt.Sprintf("“%s”%d个计为%s", m.Answer, m.Count, m.Option),
			fmt.Sprintf("%d %q counted as %s", m.Count, m.Answer, m.Option)))
	}
	if w.zh {
		s := fmt.Sprintf("%s（%s %s：满意%d、基本满意%d，作答%d人；未作答%d人不计入", it.Sentence, file, q, it.Satisfied, it.Basically, it.Answered, it.Blank)
		if len(mapped) > 0 {
			s += "；" + strings.Join(mapped, "、")
		}
		return s + "）。"
	}
	s := fmt.Sprintf("%s (%s, %s: %d satisfied and %d basically satisfied of %d who answered; %d blank, left out",
		strings.ToUpper(it.Sentence[:1])+it.Sentence[1:], file, q, it.Satisfied, it.Basically, it.Answered, it.Blank)
	if len(mapped) > 0 {
		s += "; " + strings.Join(mapped, ", ")
	}
	return s + ")."
}
