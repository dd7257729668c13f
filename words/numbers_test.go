package words

import (
	"testing"

	"podium/model"
)

func TestNumbersAndRules(t *testing.T) {
	half := model.Fraction{Num: 1, Den: 2, Strict: true}
	halfOrMore := model.Fraction{Num: 1, Den: 2}
	fourFifths := model.Fraction{Num: 4, Den: 5, Strict: true}
	twoThirds := model.Fraction{Num: 2, Den: 3}
	all := model.Fraction{Num: 3, Den: 3}
	tests := []struct {
		name   string
		got    func(lang string) string
		zh, en string
	}{
		{"Number 0", func(l string) string { return Number(0, l) }, "零", "0"},
		{"Number 11", func(l string) string { return Number(11, l) }, "十一", "11"},
		{"Number 20", func(l string) string { return Number(20, l) }, "二十", "20"},
		{"Number 100", func(l string) string { return Number(100, l) }, "100", "100"},
		{"Fraction 4/5", func(l string) string { return Fraction(fourFifths, l) }, "五分之四", "4/5"},
		{"Fraction all", func(l string) string { return Fraction(all, l) }, "全部", "3/3"},
		{"Fraction 11/20", func(l string) string { return Fraction(model.Fraction{Num: 11, Den: 20}, l) }, "二十分之十一", "11/20"},
		{"Share 1/2", func(l string) string { return Share(half, l) }, "半数", "half"},
		{"Share 2/3", func(l string) string { return Share(twoThirds, l) }, "三分之二", "2/3"},
		{"Rule more than half", func(l string) string { return Rule(half, l) }, "超过半数", "more than half"},
		{"Rule half or more", func(l string) string { return Rule(halfOrMore, l) }, "二分之一以上", "1/2 or more"},
		{"Rule 4/5", func(l string) string { return Rule(fourFifths, l) }, "超过五分之四", "more than 4/5"},
		{"RuleExact half", func(l string) string { return RuleExact(half, l) }, "超过二分之一", "more than 1/2"},
		{"RuleExact 2/3", func(l string) string { return RuleExact(twoThirds, l) }, "三分之二以上", "2/3 or more"},
		{"RuleShort 4/5", func(l string) string { return RuleShort(fourFifths, l) }, "超过4/5", ">4/5"},
		{"RuleShort 2/3", func(l string) string { return RuleShort(twoThirds, l) }, "2/3以上", "≥2/3"},
		{"RuleOf half", func(l string) string {
			return RuleOf(half, map[string]string{"zh": "应到人数122名", "en": "the 122 expected"}[l], l)
		},
			"超过应到人数122名的半数", "more than half of the 122 expected"},
		{"RuleOf 2/3", func(l string) string {
			return RuleOf(twoThirds, map[string]string{"zh": "有效票", "en": "the valid ballots"}[l], l)
		},
			"达到有效票的三分之二以上", "2/3 or more of the valid ballots"},
	}
	for _, tc := range tests {
		if zh, en := tc.got("zh"), tc.got("en"); zh != tc.zh || en != tc.en {
			t.Errorf("%s: %q, %q; want %q, %q", tc.name, zh, en, tc.zh, tc.en)
		}
	}
	if Reach(half) != "超过" || Reach(twoThirds) != "达到" {
		t.Errorf("Reach: %s, %s", Reach(half), Reach(twoThirds))
	}
}
