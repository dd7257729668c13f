package words

import "testing"

func TestSurveyRate(t *testing.T) {
	for _, c := range []struct {
		yes, answered int
		want          string
	}{
		{60, 100, "60.0%"}, {59, 100, "59.0%"}, {3, 5, "60.0%"}, {119, 200, "59.5%"},
		{100, 117, "85.4%"}, {1499, 2500, "59.9%"}, // 59.96%: rounded down, never 60.0%
		{2, 3, "66.6%"}, {1, 1, "100.0%"}, {0, 7, "0.0%"}, {0, 0, "—"},
	} {
		if got := SurveyRate(c.yes, c.answered); got != c.want {
			t.Errorf("SurveyRate(%d, %d) = %q, want %q", c.yes, c.answered, got, c.want)
		}
	}
	if got := SurveySentence(100, 117, true, "zh"); got != "满意率为 85.4%，达标" {
		t.Errorf("zh sentence %q", got)
	}
	if got := SurveySentence(119, 200, false, "en"); got != "satisfaction rate 59.5%, does not meet the standard" {
		t.Errorf("en sentence %q", got)
	}
}
