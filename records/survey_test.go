package records

import (
	"strings"
	"testing"
)

// TestSurvey: the record carries the survey last recorded, and the
// self-assessment's items 16 and 17 are answered from it — the verdict
// the core stored, the form's sentence and what it was counted from —
// while a record without a survey leaves them for the office.
func TestSurvey(t *testing.T) {
	for lang, want := range map[string][4]string{
		"zh": {"满意率为 75.6%，达标", "满意率为 55.2%，未达标",
			"满意率为 75.6%，达标（满意度调查.xlsx 第7题：满意20、基本满意8，作答37人；未作答3人不计入；“非常满意”3个计为满意）。",
			"满意率为____%"},
		"en": {"satisfaction rate 75.6%, meets the standard", "satisfaction rate 55.2%, does not meet the standard",
			"Satisfaction rate 75.6%, meets the standard (满意度调查.xlsx, question 7: 20 satisfied and 8 basically satisfied of 37 who answered; 3 blank, left out; 3 \"非常满意\" counted as 满意).",
			"Satisfaction rate ____%"},
	} {
		r := small(t, lang, -1)
		sv := r.Survey
		if sv == nil || sv.File != "满意度调查.xlsx" || sv.Respondents != 40 || sv.By != "podium check survey" || len(sv.Items) != 2 {
			t.Fatalf("%s: survey %+v", lang, sv)
		}
		a, b := sv.Items[0], sv.Items[1]
		if a.Item != 16 || a.Satisfied != 20 || a.Answered != 37 || a.Blank != 3 || a.Rate != "75.6%" || a.Verdict != "met" || a.Sentence != want[0] ||
			len(a.Mapped) != 1 || a.Mapped[0] != (SurveyMapped{Answer: "非常满意", Option: "满意", Count: 3, By: "map"}) {
			t.Errorf("%s: item 16 %+v", lang, a)
		}
		if b.Item != 17 || b.Question != 14 || b.Answered != 38 || b.Rate != "55.2%" || b.Verdict != "not_met" || b.Sentence != want[1] || b.Mapped == nil {
			t.Errorf("%s: item 17 %+v", lang, b)
		}
		if as := r.Assessment[15]; as.Verdict != "met" || as.Note != want[2] || as.Source != "survey" {
			t.Errorf("%s: assessment 16 %+v\nwant note %s", lang, as, want[2])
		}
		prefix := want[1]
		if lang == "en" {
			prefix = "S" + prefix[1:]
		}
		if as := r.Assessment[16]; as.Verdict != "not_met" || !strings.HasPrefix(as.Note, prefix) {
			t.Errorf("%s: assessment 17 %+v", lang, as)
		}
		// Before the survey was recorded, items 16 and 17 are blank.
		if as := small(t, lang, 2).Assessment[15]; as.Verdict != "" || !strings.HasPrefix(as.Note, want[3]) {
			t.Errorf("%s: assessment 16 without a survey %+v", lang, as)
		}
	}
}
