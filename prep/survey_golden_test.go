package prep_test

import (
	"os"
	"path/filepath"
	"testing"

	"podium/files"
	"podium/prep"
	"podium/session"
)

// TestSurveyReportGolden: the report of two sample exports as the
// secretary reads it, in Chinese and English — a 问卷星 export (GBK CSV)
// with one item met and one not, and a 腾讯问卷 export with one answer off
// the scale mapped by the user and one left unknown.
func TestSurveyReportGolden(t *testing.T) {
	samples := []struct {
		file string
		o    prep.SurveyOptions
	}{
		{"wjx-gbk.csv", prep.SurveyOptions{}},
		{"tencent.csv", prep.SurveyOptions{Map: []prep.SurveyMapping{{Answer: "非常满意", Option: "满意"}}}},
	}
	for _, lang := range []string{"zh", "en"} {
		got := ""
		for i, s := range samples {
			x, err := files.ReadSurveyFile(filepath.Join("..", "files", "testdata", "survey", s.file), files.DefaultSurveyFinds())
			if err != nil {
				t.Fatal(err)
			}
			x.File = s.file
			if i > 0 {
				got += "\n----\n\n"
			}
			got += prep.CountSurvey(x, s.o).Text(lang)
		}
		golden := filepath.Join("testdata", "survey."+lang+".golden")
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s report:\n%s\nwant:\n%s", lang, got, want)
		}
	}
}

// TestSurveyVerdictAsRecorded: the report's verdict is the one the core
// stores when the survey is recorded (session.SurveyMeets), at every
// split of small samples around the 60% edge.
func TestSurveyVerdictAsRecorded(t *testing.T) {
	for answered := 1; answered <= 40; answered++ {
		for yes := 0; yes <= answered; yes++ {
			var a []prep.SurveyAnswer
			for i := range answered {
				text := "一般"
				if i < yes {
					text = "基本满意"
				}
				a = append(a, prep.SurveyAnswer{Row: i + 2, Text: text})
			}
			it := prep.CountSurvey(prep.SurveyExport{Respondents: answered, Questions: []prep.SurveyQuestion{{Item: 16, Answers: a}}}, prep.SurveyOptions{}).Items[0]
			if (it.Status == prep.SurveyMet) != session.SurveyMeets(it.SurveyCount) || (it.Status == prep.SurveyMet) != (yes*100 >= 60*answered) {
				t.Fatalf("%d/%d: report %s, core %v", yes, answered, it.Status, session.SurveyMeets(it.SurveyCount))
			}
		}
	}
}
