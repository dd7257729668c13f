package rule

import (
	"testing"

	"podium/model"
)

func TestMeetsAndNeed(t *testing.T) {
	half := model.Fraction{Num: 1, Den: 2, Strict: true}      // 超过半数
	halfIncl := model.Fraction{Num: 1, Den: 2, Strict: false} // 二分之一以上
	twoThirds := model.Fraction{Num: 2, Den: 3, Strict: false}
	fourFifths := model.Fraction{Num: 4, Den: 5, Strict: true}
	cases := []struct {
		name        string
		f           model.Fraction
		count, base int
		want        bool
	}{
		// RULES §9 example 1: 97 present of 122 → no election; 98 → may proceed.
		{"ex1 97 of 122 below 4/5", fourFifths, 97, 122, false},
		{"ex1 98 of 122 meets 4/5", fourFifths, 98, 122, true},
		// 附件3 §5 with 13 committee members: 11 of 13 (10.4 is the 4/5 mark).
		{"11 of 13 meets 4/5", fourFifths, 11, 13, true},
		{"10 of 13 below 4/5", fourFifths, 10, 13, false},
		// An exact boundary: 4/5 of 10 is 8; 超过 excludes it.
		{"8 of 10 is not more than 4/5", fourFifths, 8, 10, false},
		{"8 of 10 is 4/5 or more", model.Fraction{Num: 4, Den: 5}, 8, 10, true},
		// RULES §0 and §9 examples 6 and 10.
		{"ex6 61 of 122 is not more than half", half, 61, 122, false},
		{"62 of 122 is more than half", half, 62, 122, true},
		{"ex10 61 of 122 is half or more", halfIncl, 61, 122, true},
		{"60 of 122 is below half", halfIncl, 60, 122, false},
		{"ex10 81 of 122 below two thirds", twoThirds, 81, 122, false},
		{"82 of 122 is two thirds or more", twoThirds, 82, 122, true},
		{"opening 62 of 122", half, 62, 122, true},
	}
	for _, c := range cases {
		if got := Meets(c.f, c.count, c.base); got != c.want {
			t.Errorf("%s: Meets(%s, %d, %d) = %v, want %v", c.name, c.f, c.count, c.base, got, c.want)
		}
	}
	needs := []struct {
		f          model.Fraction
		base, want int
	}{
		{half, 122, 62}, {halfIncl, 122, 61}, {twoThirds, 122, 82}, {fourFifths, 122, 98},
		{fourFifths, 13, 11}, {fourFifths, 10, 9}, {model.Fraction{Num: 4, Den: 5}, 10, 8},
		{half, 0, 1}, {halfIncl, 0, 0},
	}
	for _, n := range needs {
		if got := Need(n.f, n.base); got != n.want {
			t.Errorf("Need(%s, %d) = %d, want %d", n.f, n.base, got, n.want)
		}
		// Need is the boundary: it meets, one less does not.
		if !Meets(n.f, n.want, n.base) || (n.want > 0 && Meets(n.f, n.want-1, n.base)) {
			t.Errorf("Need(%s, %d) = %d is not the boundary", n.f, n.base, n.want)
		}
	}
}
