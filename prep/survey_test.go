package prep

import (
	"reflect"
	"strings"
	"testing"

	"podium/model"
)

// answers makes the answers of a question: n of each text, in order,
// from row 2.
func answers(counts ...any) []SurveyAnswer {
	var out []SurveyAnswer
	for i := 0; i < len(counts); i += 2 {
		for range counts[i+1].(int) {
			out = append(out, SurveyAnswer{Row: len(out) + 2, Text: counts[i].(string)})
		}
	}
	return out
}

func oneItem(o SurveyOptions, a []SurveyAnswer) SurveyItem {
	x := SurveyExport{File: "t.csv", Respondents: len(a), Questions: []SurveyQuestion{{Item: 16, Question: 7, Header: "7、整体", Column: "H", Answers: a}}}
	return CountSurvey(x, o).Items[0]
}

// TestSurveyEdge: the 60% edge is judged in integers, 以上 including the
// boundary (RULES §0); blank answers are left out of the base.
func TestSurveyEdge(t *testing.T) {
	tests := []struct {
		name     string
		a        []SurveyAnswer
		status   SurveyStatus
		rate     string
		answered int
	}{
		{"60/100", answers("满意", 30, "基本满意", 30, "一般", 40), SurveyMet, "60.0%", 100},
		{"59/100", answers("满意", 30, "基本满意", 29, "不满意", 41), SurveyNotMet, "59.0%", 100},
		{"3/5", answers("满意", 1, "基本满意", 2, "不太满意", 2), SurveyMet, "60.0%", 5},
		{"119/200", answers("满意", 119, "一般", 81), SurveyNotMet, "59.5%", 200},
		{"120/200", answers("基本满意", 120, "不满意", 80), SurveyMet, "60.0%", 200},
		{"blank not in the base", answers("满意", 3, "不满意", 2, "", 10, "(跳过)", 4, "（空）", 1), SurveyMet, "60.0%", 5},
		{"1499/2500 rounded down", answers("满意", 1499, "一般", 1001), SurveyNotMet, "59.9%", 2500},
		{"nobody answered", answers("", 3), SurveyUndetermined, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := oneItem(SurveyOptions{}, tt.a)
			if it.Status != tt.status || it.Rate != tt.rate || it.Answered != tt.answered {
				t.Errorf("status %s rate %q answered %d, want %s %q %d", it.Status, it.Rate, it.Answered, tt.status, tt.rate, tt.answered)
			}
			if it.Answered+it.Blank != len(tt.a) {
				t.Errorf("answered %d + blank %d != %d answers", it.Answered, it.Blank, len(tt.a))
			}
			want := map[SurveyStatus]string{SurveyMet: "满意率为 " + tt.rate + "，达标", SurveyNotMet: "满意率为 " + tt.rate + "，未达标"}[tt.status]
			if it.Sentence != want {
				t.Errorf("sentence %q, want %q", it.Sentence, want)
			}
		})
	}
}

// TestSurveyUnknownListed: an answer that is not an option is listed with
// its rows and stops the verdict; the bounds show what it could change.
func TestSurveyUnknownListed(t *testing.T) {
	a := answers("满意", 5, "非常满意", 2, "不满意", 2, "还行", 1, "3", 1)
	it := oneItem(SurveyOptions{}, a)
	if it.Status != SurveyUndetermined || it.Sentence != "" || it.Unknown != 4 || it.Answered != 11 {
		t.Fatalf("%+v", it)
	}
	want := []SurveyUnknown{{Answer: "非常满意", Count: 2, Rows: []int{7, 8}}, {Answer: "还行", Count: 1, Rows: []int{11}},
		{Answer: "3", Count: 1, Rows: []int{12}, Number: true}}
	if !reflect.DeepEqual(it.Unknowns, want) {
		t.Errorf("unknowns %+v\nwant %+v", it.Unknowns, want)
	}
	if it.RateLow != "45.4%" || it.RateHigh != "81.8%" {
		t.Errorf("bounds %s %s", it.RateLow, it.RateHigh)
	}
	// Said by the user, the same answers count, and the report says how.
	o := SurveyOptions{Legend: model.SurveyScale, Map: []SurveyMapping{{"非常满意", model.SurveySatisfied}, {"还行", model.SurveyNeutral}}}
	it = oneItem(o, a)
	if it.Status != SurveyMet || it.Satisfied != 7 || it.Neutral != 2 || it.Rate != "63.6%" {
		t.Fatalf("%+v", it)
	}
	wantMapped := []model.SurveyMapped{{Answer: "非常满意", Option: model.SurveySatisfied, Count: 2, By: "map"},
		{Answer: "还行", Option: model.SurveyNeutral, Count: 1, By: "map"}, {Answer: "3", Option: model.SurveyNeutral, Count: 1, By: "legend"}}
	if !reflect.DeepEqual(it.Mapped, wantMapped) {
		t.Errorf("mapped %+v", it.Mapped)
	}
}

func TestReadSurveyAnswer(t *testing.T) {
	legend := SurveyOptions{Legend: []model.SurveyOption{model.SurveySatisfied, model.SurveyBasically, model.SurveyDissatisfied}}
	tests := []struct {
		text string
		o    SurveyOptions
		want SurveyReading
	}{
		{"满意", SurveyOptions{}, SurveyReading{Option: model.SurveySatisfied}},
		{" 基本 满意\u3000", SurveyOptions{}, SurveyReading{Option: model.SurveyBasically}},
		{"A.满意", SurveyOptions{}, SurveyReading{Option: model.SurveySatisfied}},
		{"Ｂ、基本满意", SurveyOptions{}, SurveyReading{Option: model.SurveyBasically}},
		{"(3)一般", SurveyOptions{}, SurveyReading{Option: model.SurveyNeutral}},
		{"④不太满意", SurveyOptions{}, SurveyReading{Option: model.SurveyLess}},
		{"5. 不满意", SurveyOptions{}, SurveyReading{Option: model.SurveyDissatisfied}},
		{"A.非常满意", SurveyOptions{}, SurveyReading{}},
		{"非常满意", SurveyOptions{}, SurveyReading{}},
		{"比较满意", SurveyOptions{}, SurveyReading{}},
		{"很不满意", SurveyOptions{}, SurveyReading{}},
		{"满意满意", SurveyOptions{}, SurveyReading{}},
		{"", SurveyOptions{}, SurveyReading{Blank: true}},
		{"(跳过)", SurveyOptions{}, SurveyReading{Blank: true}},
		{"（跳过）", SurveyOptions{}, SurveyReading{Blank: true}},
		{"2", SurveyOptions{}, SurveyReading{Number: true}},
		{"2", legend, SurveyReading{Option: model.SurveyBasically, By: "legend"}},
		{"c", legend, SurveyReading{Option: model.SurveyDissatisfied, By: "legend"}},
		{"4", legend, SurveyReading{Number: true}},
		{"0", legend, SurveyReading{Number: true}},
		{"-3", legend, SurveyReading{}},
		{"+1", legend, SurveyReading{}},
		{"非常满意", SurveyOptions{Map: []SurveyMapping{{"非常 满意", model.SurveySatisfied}}}, SurveyReading{Option: model.SurveySatisfied, By: "map"}},
		{"-3", SurveyOptions{Map: []SurveyMapping{{"-3", ""}}}, SurveyReading{Blank: true, By: "map"}},
	}
	for _, tt := range tests {
		if got := ReadSurveyAnswer(tt.text, tt.o); got != tt.want {
			t.Errorf("%q: %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

func TestParseSurveyLegendAndMapping(t *testing.T) {
	l, err := ParseSurveyLegend("满意, 基本满意，一般、不太满意,不满意")
	if err != nil || !reflect.DeepEqual(l, model.SurveyScale) {
		t.Errorf("%v %v", l, err)
	}
	for _, bad := range []string{"", "满意,满意", "满意,非常满意"} {
		if _, err := ParseSurveyLegend(bad); err == nil {
			t.Errorf("legend %q accepted", bad)
		}
	}
	m, err := ParseSurveyMapping("非常满意=满意")
	if err != nil || m != (SurveyMapping{"非常满意", model.SurveySatisfied}) {
		t.Errorf("%v %v", m, err)
	}
	if m, err := ParseSurveyMapping("-3＝空"); err != nil || m != (SurveyMapping{"-3", ""}) {
		t.Errorf("%v %v", m, err)
	}
	for _, bad := range []string{"非常满意", "=满意", "满意=基本满意", "非常满意=很好"} {
		if _, err := ParseSurveyMapping(bad); err == nil {
			t.Errorf("mapping %q accepted", bad)
		}
	}
	if _, err := ParseSurveyMappings([]string{"非常满意=满意", " 非常满意 =基本满意"}); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("an answer mapped twice: %v", err)
	}
}
