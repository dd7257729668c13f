package model

// The satisfaction survey of the reform self-assessment (附件1 items 16
// and 17): students answer question 7 (the union's work as a whole) and
// question 14 (its staff) of a questionnaire on a five-step scale; an
// item meets the standard when the share of 满意 and 基本满意 among those
// who answered is 60% or more (以上: the boundary included, RULES §0).

// SurveyOption is one step of the survey's scale, as the questionnaire
// words it.
type SurveyOption string

// The scale of the survey, from the most satisfied.
const (
	SurveySatisfied    SurveyOption = "满意"
	SurveyBasically    SurveyOption = "基本满意"
	SurveyNeutral      SurveyOption = "一般"
	SurveyLess         SurveyOption = "不太满意"
	SurveyDissatisfied SurveyOption = "不满意"
)

// SurveyScale is the scale in its order.
var SurveyScale = []SurveyOption{SurveySatisfied, SurveyBasically, SurveyNeutral, SurveyLess, SurveyDissatisfied}

// Valid reports whether o is a step of SurveyScale.
func (o SurveyOption) Valid() bool {
	for _, s := range SurveyScale {
		if o == s {
			return true
		}
	}
	return false
}

// En is the option in English.
func (o SurveyOption) En() string {
	switch o {
	case SurveySatisfied:
		return "satisfied"
	case SurveyBasically:
		return "basically satisfied"
	case SurveyNeutral:
		return "neutral"
	case SurveyLess:
		return "not very satisfied"
	case SurveyDissatisfied:
		return "dissatisfied"
	}
	return string(o)
}

// SurveyStandard is the standard of items 16 and 17: 满意 and 基本满意
// together 60% or more of those who answered (60%及以上为达标).
var SurveyStandard = Fraction{Num: 60, Den: 100}

// The items of the self-assessment the survey answers, and the questions
// of the questionnaire they take by default (附件1).
const (
	SurveyItemOverall = 16 // 学生对学生会组织整体工作的满意度
	SurveyItemStaff   = 17 // 学生对学生会组织工作人员的满意度

	SurveyQuestionOverall = 7
	SurveyQuestionStaff   = 14
)

// SurveyCount is what one question of the survey counted: the answers per
// step of the scale and the blank ones (left out of the base). Answers
// that were not an option's words but were counted as one, by a legend of
// option numbers or a mapping the user gave, are listed in Mapped.
type SurveyCount struct {
	Item         int            `json:"item"`     // the self-assessment's item: 16 or 17
	Question     int            `json:"question"` // the question's number, 0 when found by its text
	Header       string         `json:"header"`   // the question's column header as written
	Satisfied    int            `json:"satisfied"`
	Basically    int            `json:"basically"`
	Neutral      int            `json:"neutral"`
	Less         int            `json:"less"`
	Dissatisfied int            `json:"dissatisfied"`
	Blank        int            `json:"blank"`
	Mapped       []SurveyMapped `json:"mapped"`
}

// SurveyMapped is an answer as written that was counted as an option:
// Count answers, by the legend of option numbers (By "legend") or by a
// mapping the user gave (By "map").
type SurveyMapped struct {
	Answer string       `json:"answer"`
	Option SurveyOption `json:"option"`
	Count  int          `json:"count"`
	By     string       `json:"by"`
}

// Of returns the count of option o.
func (c SurveyCount) Of(o SurveyOption) int {
	switch o {
	case SurveySatisfied:
		return c.Satisfied
	case SurveyBasically:
		return c.Basically
	case SurveyNeutral:
		return c.Neutral
	case SurveyLess:
		return c.Less
	case SurveyDissatisfied:
		return c.Dissatisfied
	}
	return 0
}

// Add counts n more answers of option o.
func (c *SurveyCount) Add(o SurveyOption, n int) {
	switch o {
	case SurveySatisfied:
		c.Satisfied += n
	case SurveyBasically:
		c.Basically += n
	case SurveyNeutral:
		c.Neutral += n
	case SurveyLess:
		c.Less += n
	case SurveyDissatisfied:
		c.Dissatisfied += n
	}
}

// Yes is the number of 满意 and 基本满意 answers.
func (c SurveyCount) Yes() int { return c.Satisfied + c.Basically }

// Answered is the number of answers on the scale: the base of the rate.
func (c SurveyCount) Answered() int {
	return c.Satisfied + c.Basically + c.Neutral + c.Less + c.Dissatisfied
}
