package session

import (
	"fmt"
	"time"

	"podium/model"
	"podium/session/rule"
)

// The satisfaction survey of the reform self-assessment (附件1 items 16
// and 17): the secretary records what a questionnaire export counted
// (`podium check survey --db`, `podium new --survey`); the core judges
// each item against model.SurveyStandard and stores the verdict with the
// counts, so that the self-assessment the records fill says what was
// decided then. A later recording replaces the earlier one in the state;
// the log keeps both.

// RecordSurvey records the survey's counts: per item (16, 17) the answers
// per option of the scale and the blank ones, as counted from File, an
// export of Respondents rows. Every respondent's row has one answer or a
// blank per question, so each item's answers and blanks add up to
// Respondents.
type RecordSurvey struct {
	Meta
	File        string              `json:"file"`
	Respondents int                 `json:"respondents"`
	Items       []model.SurveyCount `json:"items"`
}

// SurveyRecorded is a recorded survey: the counts of RecordSurvey with
// each item's verdict.
type SurveyRecorded struct {
	File        string       `json:"file"`
	Respondents int          `json:"respondents"`
	Items       []SurveyItem `json:"items"`
}

// SurveyItem is one item of the survey as stored: the counts, the base
// (Answered: every answer on the scale; blanks are not in it) and the
// verdict, 60%及以上 of Answered being 满意 or 基本满意 (Met).
type SurveyItem struct {
	Item         int                  `json:"item"`
	Question     int                  `json:"question"`
	Header       string               `json:"header"`
	Satisfied    int                  `json:"satisfied"`
	Basically    int                  `json:"basically"`
	Neutral      int                  `json:"neutral"`
	Less         int                  `json:"less"`
	Dissatisfied int                  `json:"dissatisfied"`
	Blank        int                  `json:"blank"`
	Mapped       []model.SurveyMapped `json:"mapped"`
	Answered     int                  `json:"answered"`
	Met          bool                 `json:"met"`
}

// Count returns the item's counts as recorded.
func (it SurveyItem) Count() model.SurveyCount {
	return model.SurveyCount{Item: it.Item, Question: it.Question, Header: it.Header, Satisfied: it.Satisfied,
		Basically: it.Basically, Neutral: it.Neutral, Less: it.Less, Dissatisfied: it.Dissatisfied, Blank: it.Blank, Mapped: it.Mapped}
}

// Yes is the number of 满意 and 基本满意 answers.
func (it SurveyItem) Yes() int { return it.Satisfied + it.Basically }

func (SurveyRecorded) kind() EventKind { return kindSurveyRecorded }

// Survey is the satisfaction survey last recorded: when, by whom, from
// which file, and its items in the order recorded.
type Survey struct {
	Seq         uint64
	At          time.Time
	By          string
	File        string
	Respondents int
	Items       []SurveyItem
}

// Item returns the recorded item no (16 or 17), ok false when the survey
// did not record it.
func (s *Survey) Item(no int) (SurveyItem, bool) {
	for _, it := range s.Items {
		if it.Item == no {
			return it, true
		}
	}
	return SurveyItem{}, false
}

func decideSurvey(_ *State, cmd Command) ([]Body, error) {
	c := cmd.(RecordSurvey)
	if err := required("file", c.File); err != nil {
		return nil, err
	}
	if len(c.Items) == 0 {
		return nil, &FieldError{Field: "items", Reason: "are empty: record item 16 or 17", Code: CodeSurveyItem}
	}
	if c.Respondents < 0 {
		return nil, &FieldError{Field: "respondents", Reason: "are negative", Code: CodeNegative}
	}
	ev := SurveyRecorded{File: c.File, Respondents: c.Respondents, Items: make([]SurveyItem, 0, len(c.Items))}
	seen := map[int]bool{}
	for i, n := range c.Items {
		field := fmt.Sprintf("items[%d]", i)
		switch {
		case n.Item != model.SurveyItemOverall && n.Item != model.SurveyItemStaff || seen[n.Item]:
			return nil, &FieldError{Field: field + ".item", Reason: fmt.Sprintf("%d is not item 16 or 17, or is given twice", n.Item), Code: CodeSurveyItem}
		case n.Question < 0 || n.Satisfied < 0 || n.Basically < 0 || n.Neutral < 0 || n.Less < 0 || n.Dissatisfied < 0 || n.Blank < 0:
			return nil, &FieldError{Field: field, Reason: "has a negative count", Code: CodeNegative}
		case n.Answered() == 0:
			return nil, &FieldError{Field: field, Reason: "has no answer: nobody answered the question", Code: CodeNoAnswers}
		case n.Answered()+n.Blank != c.Respondents:
			return nil, &FieldError{Field: field, Reason: fmt.Sprintf("counts %d answers and %d blank, not the %d respondents",
				n.Answered(), n.Blank, c.Respondents), Code: CodeSurveySum}
		}
		seen[n.Item] = true
		mapped := map[model.SurveyOption]int{}
		for j, m := range n.Mapped {
			mapped[m.Option] += m.Count
			switch {
			case !m.Option.Valid() || m.By != "legend" && m.By != "map" || m.Answer == "":
				return nil, &FieldError{Field: fmt.Sprintf("%s.mapped[%d]", field, j), Reason: "is not an answer read as an option of the scale by the legend or a map", Code: CodeBadOption}
			case m.Count < 1 || mapped[m.Option] > n.Of(m.Option):
				return nil, &FieldError{Field: fmt.Sprintf("%s.mapped[%d].count", field, j), Reason: "is more than the option's count, or not positive", Code: CodeSurveySum}
			}
		}
		if n.Mapped == nil {
			n.Mapped = []model.SurveyMapped{}
		}
		ev.Items = append(ev.Items, SurveyItem{Item: n.Item, Question: n.Question, Header: n.Header,
			Satisfied: n.Satisfied, Basically: n.Basically, Neutral: n.Neutral, Less: n.Less, Dissatisfied: n.Dissatisfied,
			Blank: n.Blank, Mapped: n.Mapped, Answered: n.Answered(), Met: SurveyMeets(n)})
	}
	return []Body{ev}, nil
}

// SurveyMeets judges an item in integers (RULES §0): (满意 + 基本满意) ×
// 100 >= 60 × answered (model.SurveyStandard, 以上 including the
// boundary). Nobody answering meets nothing.
func SurveyMeets(c model.SurveyCount) bool {
	return c.Answered() > 0 && rule.Meets(model.SurveyStandard, c.Yes(), c.Answered())
}

// applySurvey makes a recorded survey the state's.
func (st *State) applySurvey(e Event, b SurveyRecorded) error {
	st.Survey = &Survey{Seq: e.Seq, At: e.At, By: e.Actor, File: b.File, Respondents: b.Respondents, Items: b.Items}
	return nil
}
